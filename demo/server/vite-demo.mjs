// The demo's Vite plugins (vite.config.ts): it serves the built CDN bundle at the address the
// pages and the configurator's snippet use, gives every page the same DSFR header and
// footer, and adds to each page the loader's script tag exactly as a site would write it.
import { createReadStream, cpSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { LOADER, RACINE, integrites, trouverCdn } from './cdn.mjs';
import { politiqueHote } from './csp.mjs';

export const DEMO = join(RACINE, 'demo');
/** Where the bundle sits, relative to the demo's root, as a CDN would serve it. */
export const cheminCdn = (version) => `spp-widgets/${version}/`;

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

function cdnOuErreur() {
  const cdn = trouverCdn();
  if (!cdn) throw new Error('Pas de bundle CDN dans dist/cdn/ : lancez `npm start` ou `npm run build`.');
  return cdn;
}

/**
 * Every page of the demo (the build's inputs), keyed by its path without extension.
 * @returns {Record<string, string>}
 */
export function pagesDemo() {
  /** @type {Record<string, string>} */
  const pages = {};
  const parcourir = (dossier) => {
    for (const entree of readdirSync(dossier, { withFileTypes: true })) {
      const chemin = join(dossier, entree.name);
      if (entree.isDirectory() && !['server', 'public', 'partials'].includes(entree.name)) parcourir(chemin);
      else if (entree.name.endsWith('.html')) pages[relative(DEMO, chemin).slice(0, -5).split(sep).join('/')] = chemin;
    }
  };
  parcourir(DEMO);
  return pages;
}

const echapper = (texte) =>
  String(texte).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const PAGES_MENU = [
  ['index.html', 'Accueil'],
  ['elements/je-donne-mon-avis.html', 'Je donne mon avis'],
  ['elements/engagements.html', 'Engagements'],
  ['elements/resultats.html', 'Résultats'],
  ['elements/oups-erreurs.html', 'Erreurs fréquentes'],
  ['elements/bloc-marque.html', 'Bloc marque'],
  ['configurateur.html', 'Configurateur'],
  ['hotes.html', 'Sites hôtes'],
  ['avis-recus.html', 'Avis reçus'],
];

function partiel(nom, page, prefixe) {
  const menu = PAGES_MENU.map(([href, libelle]) => {
    const courant = href === page ? ' aria-current="page"' : '';
    return `<li class="fr-nav__item"><a class="fr-nav__link" href="${prefixe}${href}"${courant}>${libelle}</a></li>`;
  }).join('\n');
  return readFileSync(join(DEMO, 'partials', `${nom}.html`), 'utf8')
    .replaceAll('{{racine}}', prefixe)
    .replace('{{menu}}', menu);
}

/**
 * @param {{ apiBase?: string, statique?: boolean }} options `apiBase`: the platform the pages
 *   talk to (`data-api-base`; none: the elements use their public sources); `statique`: the
 *   build of the static demo, which copies the bundle next to the pages.
 */
export function demoPlugins({ apiBase, statique = false }) {
  let sortie = '';
  let construction = false;
  return [
    {
      name: 'spp-demo-cdn',
      configResolved(config) {
        construction = config.command === 'build';
        sortie = resolve(config.root, config.build.outDir);
      },
      configureServer(server) {
        // The bundle's bytes as built (Vite must not transform them: the SRI hash covers them).
        server.middlewares.use((req, res, next) => {
          const url = new URL(req.url ?? '/', 'http://localhost');
          const cdn = trouverCdn();
          const prefixe = cdn && `/demo/${cheminCdn(cdn.version)}`;
          if (!prefixe || !url.pathname.startsWith(prefixe)) return next();
          const fichier = resolve(cdn.dossier, decodeURIComponent(url.pathname.slice(prefixe.length)));
          if (!fichier.startsWith(cdn.dossier + sep) || !existsSync(fichier) || !statSync(fichier).isFile()) {
            res.statusCode = 404;
            return res.end('Introuvable');
          }
          res.setHeader('Content-Type', TYPES[extname(fichier)] ?? 'application/octet-stream');
          res.setHeader('Access-Control-Allow-Origin', '*');
          res.setHeader('Cache-Control', 'no-cache');
          createReadStream(fichier).pipe(res);
        });
      },
      closeBundle() {
        if (!construction || !statique) return;
        const cdn = cdnOuErreur();
        // The pages name these files in attributes Vite does not rewrite (icon, logo-src, photo-src).
        cpSync(join(DEMO, 'images'), join(sortie, 'images'), { recursive: true });
        cpSync(cdn.dossier, join(sortie, cheminCdn(cdn.version)), {
          recursive: true,
          filter: (source) => !source.endsWith('size-report.json'),
        });
      },
    },
    {
      name: 'spp-demo-pages',
      transformIndexHtml: {
        order: 'post',
        handler(html, contexte) {
          if (!html.includes('<!-- demo:')) return html;
          const page = relative(DEMO, contexte.filename).split(sep).join('/');
          const prefixe = '../'.repeat(page.split('/').length - 1);
          const cdn = cdnOuErreur();
          const attributs = [
            `src="${prefixe}${cheminCdn(cdn.version)}spp-widgets.js"`,
            `integrity="${integrites(cdn.dossier)[LOADER]}"`,
            'crossorigin="anonymous"',
            apiBase ? `data-api-base="${echapper(apiBase)}"` : '',
            'defer',
            'blocking="render"',
          ].filter(Boolean);
          return html
            .replace(
              '<!-- demo:chargeur -->',
              `<link rel="icon" href="${prefixe}images/favicon.svg" type="image/svg+xml" />\n` +
                `<script ${attributs.join(' ')}></script>`,
            )
            .replace('<!-- demo:configuration -->', () => scriptConfiguration(cdn.dossier))
            .replace('<!-- demo:entete -->', () => partiel('entete', page, prefixe))
            .replace('<!-- demo:pied -->', () => partiel('pied', page, prefixe));
        },
      },
    },
  ];
}

/** What the configurator needs from the server side: the host policies and the loaders' hashes. */
function scriptConfiguration(dossier) {
  const json = JSON.stringify({ politiques: politiqueHote(), integrites: integrites(dossier) });
  return `<script type="application/json" id="configuration">${json.replace(/</g, '\\u003c')}</script>`;
}
