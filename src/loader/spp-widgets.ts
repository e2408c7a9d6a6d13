// The CDN entry a webmaster adds with one classic <script src="…/spp-widgets.js" defer>.
// It is tiny on purpose: it loads an element's code only when that tag is in the page.
// spp-widgets-sri.js does the same and also verifies every module it loads.
import { boot } from './boot.js';

boot();
