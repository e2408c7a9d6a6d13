// The demo page's setup: every element, talking to the platform that `npm start` mounts at /api.
import './api.js';
import '../src/elements/bloc-marque/spp-bloc-marque.js';
import '../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import '../src/elements/engagements/spp-engagements.js';
import '../src/elements/resultats/spp-resultats.js';
import '../src/elements/oups-erreurs/spp-oups-erreurs.js';
