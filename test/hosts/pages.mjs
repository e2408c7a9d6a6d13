// The hostile host pages, as the test server serves them (test/server/hosts.mjs): one
// ordinary page of an administration site — header, text, a form, a table, a footer — with
// the four elements and a bloc marque, dressed by each scenario in its own stylesheets,
// attributes, headers and scripts. No inline script or style anywhere, so any of them can
// be served under the strictest policy.
import { ISSUE_CSP, STRICTEST_TEST_CSP } from './csp.mjs';

/**
 * @typedef {object} Scenario
 * @property {string} title
 * @property {string[]} [stylesheets]    the page's own CSS (test/hosts/*.css, or any path)
 * @property {{ src: string, module?: boolean }[]} [scripts]  the page's own scripts (external files), run before the loader
 * @property {string} [htmlAttributes]   on <html>, besides lang
 * @property {string} [lang]
 * @property {string} [bodyClass]
 * @property {string} [widgetsClass]     the wrapper of the elements (inherited styles)
 * @property {string} [before]           markup at the start of <body> (a header, overlays)
 * @property {number} [loaders]          how many times the loader script is included
 * @property {string} [csp]              the Content-Security-Policy header
 * @property {boolean} [spa]             the elements are not in the markup: spa.js adds them
 * @property {boolean} [hostStyles]      false: no stylesheet at all (pages under default-src 'none')
 * @property {string} [build]            the built CDN loader (dist/cdn/<version>/<build>) in place of the sources
 */

/** @type {Record<string, Scenario>} */
export const SCENARIOS = {
  control: { title: 'Page témoin', stylesheets: ['base.css'] },
  reset: { title: 'Remise à zéro CSS', stylesheets: ['base.css', 'reset.css'] },
  'rem-62': { title: 'html { font-size: 62.5% }', stylesheets: ['base.css', 'rem-62.css'] },
  bootstrap: {
    title: 'Site Bootstrap 5',
    // The framework's own stylesheet, as published (a dev dependency).
    stylesheets: ['/node_modules/bootstrap/dist/css/bootstrap.min.css'],
    widgetsClass: 'container text-center fs-5 fw-light lh-lg',
    before:
      '<nav class="navbar navbar-expand-lg bg-primary" data-host-nav><a class="navbar-brand" href="#">Mairie</a></nav>',
  },
  'dsfr-dark': {
    title: 'Site DSFR en mode sombre',
    stylesheets: ['/node_modules/@gouvfr/dsfr/dist/dsfr.min.css'],
    htmlAttributes: 'data-fr-scheme="dark" data-fr-theme="dark"',
    bodyClass: 'fr-container',
    before:
      '<header role="banner" class="fr-header"><div class="fr-header__body"><p class="fr-header__service-title">Site DSFR</p></div></header>',
  },
  'dsfr-old': {
    title: 'Site sous le DSFR 1.10 (CSS et JavaScript)',
    // An older release of the design system, as published (the dev dependency dsfr-1-10,
    // npm:@gouvfr/dsfr@1.10.2): its whole stylesheet and its JavaScript, which manages the
    // page's theme as such sites do. The usager chose the dark scheme: DSFR's script sets
    // data-fr-theme="dark" on <html>. It starts in its documented "runtime" mode
    // (dsfr-runtime.js), that is as soon as it runs, before our loader: the page as DSFR
    // made it is then what the tests compare with (in its default mode it would change the
    // page at DOMContentLoaded, after the loader, and every colour would look changed).
    stylesheets: ['/node_modules/dsfr-1-10/dist/dsfr.min.css'],
    scripts: [{ src: 'dsfr-runtime.js' }, { src: '/node_modules/dsfr-1-10/dist/dsfr.module.min.js', module: true }],
    htmlAttributes: 'data-fr-scheme="dark"',
    widgetsClass: 'fr-container fr-my-4w fr-text--lg',
    before:
      '<header role="banner" class="fr-header"><div class="fr-header__body"><div class="fr-container">' +
      '<div class="fr-header__body-row"><div class="fr-header__brand fr-enlarge-link">' +
      '<div class="fr-header__brand-top"><div class="fr-header__logo"><p class="fr-logo">République<br />Française</p></div></div>' +
      '<div class="fr-header__service"><a href="#contenu" title="Accueil - Mairie de l’Exemple">' +
      '<p class="fr-header__service-title">Mairie de l’Exemple</p></a>' +
      '<p class="fr-header__service-tagline">Site sous le DSFR 1.10</p></div>' +
      '</div></div></div></div></header>',
  },
  'csp-issue': { title: "CSP default-src 'self'", stylesheets: ['base.css'], csp: ISSUE_CSP },
  'csp-strictest': { title: 'CSP minimale (hostCsp)', hostStyles: false, csp: STRICTEST_TEST_CSP },
  'loader-twice': { title: 'Chargeur inclus deux fois', stylesheets: ['base.css'], loaders: 2 },
  spa: { title: 'Application monopage', stylesheets: ['base.css'], spa: true },
  rtl: {
    title: 'Page en arabe (de droite à gauche)',
    stylesheets: ['base.css'],
    lang: 'ar',
    htmlAttributes: 'dir="rtl"',
  },
  narrow: { title: 'Écran de 320 px', stylesheets: ['base.css'] },
  zoom: { title: 'Zoom à 200 %', stylesheets: ['base.css'] },
  'cdn-build': {
    title: 'Le bundle CDN construit, sous la CSP minimale',
    hostStyles: false,
    csp: STRICTEST_TEST_CSP,
    build: 'spp-widgets.js',
  },
  'cdn-build-sri': {
    title: 'Le chargeur CDN vérifié (SRI), sous la CSP minimale',
    hostStyles: false,
    csp: STRICTEST_TEST_CSP,
    build: 'spp-widgets-sri.js',
  },
  overlays: {
    title: 'Calques z-index: 2147483647',
    stylesheets: ['base.css', 'overlays.css'],
    before:
      '<div class="bandeau-cookies" data-host-overlay>Ce site utilise des cookies. <button type="button">OK</button></div>' +
      '<div class="entete-collant" data-host-overlay>En-tête fixe</div>',
  },
};

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A page asset, escaped: an absolute path as is, else a file of test/hosts/. */
const hostUrl = (path) => escape(path.startsWith('/') ? path : `/hosts/${path}`);

/** The four elements and a bloc marque, as a webmaster writes them. */
export function widgets(demarche) {
  return `
      <spp-je-donne-mon-avis demarche="${escape(demarche)}" bouton="hote"></spp-je-donne-mon-avis>
      <spp-bloc-marque ministere="Ministère&#10;de l’Exemple"></spp-bloc-marque>
      <spp-engagements niveau-titre="2"></spp-engagements>
      <spp-resultats structure="EX-CAF-33" niveau-titre="2"></spp-resultats>
      <spp-oups-erreurs niveau-titre="2"></spp-oups-erreurs>`;
}

/**
 * The page of a scenario. `demarche` goes into the avis element (one per test, so the
 * stored avis are that test's); `loader` is the loader's URL.
 */
export function renderPage(name, { demarche, loader, integrity }) {
  const scenario = SCENARIOS[name];
  const sheets = scenario.hostStyles === false ? [] : (scenario.stylesheets ?? []);
  const links = sheets.map((href) => `<link rel="stylesheet" href="${hostUrl(href)}" />`).join('\n    ');
  // The page's own scripts, then the page as they left it is the tests' "before".
  const scripts = scenario.scripts?.length
    ? [
        ...scenario.scripts.map(
          ({ src, module }) => `<script${module ? ' type="module"' : ''} src="${hostUrl(src)}"></script>`,
        ),
        '<script src="/hosts/host-scripts-done.js" defer></script>',
      ].join('\n    ')
    : '';
  const loaders = Array.from(
    { length: scenario.loaders ?? 1 },
    () =>
      `<script src="${escape(loader)}"${integrity ? ` integrity="${escape(integrity)}" crossorigin="anonymous"` : ''} data-api-base="/api" defer blocking="render"></script>`,
  ).join('\n    ');
  return `<!doctype html>
<html lang="${scenario.lang ?? 'fr'}" ${scenario.htmlAttributes ?? ''}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escape(scenario.title)}</title>
    ${links}
    <script src="/hosts/monitor.js"></script>
    ${scenario.spa ? '<script src="/hosts/spa.js" defer></script>' : ''}
    ${scripts}
    ${loaders}
  </head>
  <body class="${scenario.bodyClass ?? ''}">
    ${scenario.before ?? ''}
    <main id="contenu">
      <h1>${escape(scenario.title)}</h1>
      <p class="lead">Une page ordinaire d’un site de l’administration, avec ses propres styles.</p>
      <p><a href="#formulaire">Aller au formulaire</a> <button type="button" class="btn btn-primary">Un bouton du site</button></p>
      <div id="widgets" class="${scenario.widgetsClass ?? ''}">${scenario.spa ? '' : widgets(demarche)}
      </div>
      <form id="formulaire" class="form">
        <label for="nom">Votre nom</label>
        <input id="nom" name="nom" class="form-control" type="text" value="Camille" />
        <button type="submit" class="btn">Valider</button>
      </form>
      <table class="table">
        <caption>Horaires</caption>
        <tr><th>Lundi</th><td>9 h – 17 h</td></tr>
        <tr><th>Mardi</th><td>9 h – 12 h</td></tr>
      </table>
      <ul><li>Premier point</li><li>Second point</li></ul>
    </main>
    <footer class="footer"><p>Pied de page du site hôte</p></footer>
  </body>
</html>
`;
}
