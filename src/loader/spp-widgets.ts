// The CDN entry a webmaster adds with one classic <script src="…/spp-widgets.js" defer>.
// It is tiny on purpose: it loads an element's code only when that tag is in the page.
import { version } from '~spp/version';
import manifest from '~spp/cdn-manifest';
import { configure } from '../core/api/config.js';
import { startAutoloader } from './autoloader.js';

const LOADER = Symbol.for('spp-widgets.loader');
type LoaderGlobal = typeof globalThis & { [LOADER]?: string };
const page = globalThis as LoaderGlobal;

if (page[LOADER] === undefined) {
  page[LOADER] = version;
  const script = document.currentScript as HTMLScriptElement | null;
  const base = script?.src || document.baseURI;
  // Page-level settings from the script tag: <script src="…" data-api-base="https://…/api">.
  if (script?.dataset.apiBase) configure({ apiBase: script.dataset.apiBase });
  // Elements the parser adds later (a plain script in <head>) are seen by its observer.
  startAutoloader({ manifest, base });
} else if (page[LOADER] !== version) {
  console.warn(`[spp-widgets] loader ${version} ignored: version ${page[LOADER]} is already loading the elements.`);
}
