// The pages the benchmark loads: each element alone, the four together, 50 elements mixed
// with host content, and the baseline pages with a plain <a href><img></a> button.
/* global window, document, performance, PerformanceObserver, requestAnimationFrame */

/**
 * Runs first in every page (inline, in <head>): buffered observers for paint, long tasks,
 * layout shifts, long animation frames and LCP, the moment the deferred loader may start,
 * and the first frame in which the watched button exists with a box (rAF callbacks run in
 * the rendering step of the frame that then paints it).
 */
function instrument(watch) {
  const b = (window.__bench = { ready: null, frame: null, paints: {}, longtasks: [], shifts: [], loafs: [] });
  performance.setResourceTimingBufferSize(5000);
  document.addEventListener('readystatechange', () => {
    // Deferred scripts run right after the document turns "interactive".
    if (document.readyState === 'interactive') b.ready = performance.now();
  });
  const observe = (type, each) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true });
    } catch {
      b[`no-${type}`] = true;
    }
  };
  const rect = (r) => r && [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
  observe('paint', (e) => (b.paints[e.name] = e.startTime));
  observe('largest-contentful-paint', (e) => (b.lcp = e.startTime));
  observe('longtask', (e) => b.longtasks.push({ start: e.startTime, duration: e.duration }));
  observe('layout-shift', (e) =>
    b.shifts.push({
      start: e.startTime,
      value: e.value,
      recentInput: e.hadRecentInput,
      sources: (e.sources || []).map((s) => ({
        node: s.node ? s.node.localName || s.node.nodeName : null,
        from: rect(s.previousRect),
        to: rect(s.currentRect),
      })),
    }),
  );
  observe('long-animation-frame', (e) =>
    b.loafs.push({
      start: e.startTime,
      duration: e.duration,
      blocking: e.blockingDuration,
      scripts: (e.scripts || []).map((s) => ({
        source: s.sourceURL,
        fn: s.sourceFunctionName,
        invoker: s.invoker,
        duration: Math.round(s.duration),
      })),
    }),
  );
  const visible = () => {
    if (watch === 'img') {
      const img = document.querySelector('a.temoin img');
      return img && img.complete && img.naturalWidth > 0;
    }
    const control = document.querySelector(watch)?.shadowRoot?.querySelector('.spp-bouton');
    return control && control.getBoundingClientRect().width > 0 && !control.closest('[data-attente]');
  };
  const check = () => {
    if (visible()) b.frame = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const LOREM =
  'Cette page d’un site de l’administration présente une démarche, ses pièces justificatives, ses délais ' +
  'et les recours possibles. Le texte autour des éléments est là pour révéler tout décalage de mise en page.';

const ELEMENTS = {
  avis: (i = 0) => `<spp-je-donne-mon-avis demarche="mesure" bouton="b${i}"></spp-je-donne-mon-avis>`,
  engagements: () => '<spp-engagements niveau-titre="3"></spp-engagements>',
  resultats: (i = 0) => {
    const structures = ['EX-CAF-33', 'EX-SIP-69003', 'EX-PREF-35', 'EX-FS-23096', 'EX-CPAM-59'];
    return `<spp-resultats structure="${structures[i % structures.length]}" niveau-titre="3"></spp-resultats>`;
  },
  oups: () => '<spp-oups-erreurs niveau-titre="3"></spp-oups-erreurs>',
  'bloc-marque': () => '<spp-bloc-marque ministere="Ministère&#10;de l’Exemple"></spp-bloc-marque>',
};

const TEMOIN = (i = 0) =>
  `<a class="temoin" href="https://jedonnemonavis.numerique.gouv.fr/Demarches/mesure?button=b${i}">` +
  `<img src="/bench/bouton-avis.svg" alt="Je donne mon avis" width="196" height="40"></a>`;

/** 50 elements, mixed as a long page of a site could have them: mostly buttons. */
const MIX = [
  ...Array(20).fill('avis'),
  ...Array(8).fill('engagements'),
  ...Array(10).fill('resultats'),
  ...Array(7).fill('oups'),
  ...Array(5).fill('bloc-marque'),
];

function interleave(items) {
  // Spread the kinds through the page instead of grouping them.
  const order = items.map((kind, i) => ({ kind, key: (i * 37) % items.length }));
  return order.sort((a, b) => a.key - b.key).map((o) => o.kind);
}

const section = (i, body) => `<section><h2>Rubrique ${i + 1}</h2><p>${LOREM}</p>\n${body}\n<p>${LOREM}</p></section>`;

/**
 * @typedef {{ id: string, title: string, widget: boolean, watch?: string, verified?: boolean, body: string }} PageSpec
 * @type {Record<string, PageSpec>}
 */
export const PAGES = {
  // No other content: the first contentful paint is the button itself.
  avis: { title: 'Bouton d’avis seul', widget: true, watch: 'spp-je-donne-mon-avis', body: ELEMENTS.avis() },
  // The same with the loader the README's snippet recommends: every module checked by its hash.
  'avis-sri': {
    title: 'Bouton d’avis seul, chargeur vérifié (spp-widgets-sri.js)',
    widget: true,
    watch: 'spp-je-donne-mon-avis',
    verified: true,
    body: ELEMENTS.avis(),
  },
  temoin: { title: 'Témoin : <a><img></a>', widget: false, watch: 'img', body: TEMOIN() },
  engagements: { title: '<spp-engagements> seul', widget: true, body: section(0, ELEMENTS.engagements()) },
  resultats: { title: '<spp-resultats> seul', widget: true, body: section(0, ELEMENTS.resultats()) },
  oups: { title: '<spp-oups-erreurs> seul', widget: true, body: section(0, ELEMENTS.oups()) },
  'bloc-marque': { title: '<spp-bloc-marque> seul', widget: true, body: section(0, ELEMENTS['bloc-marque']()) },
  tous: {
    title: 'Les quatre éléments',
    widget: true,
    body: ['avis', 'engagements', 'resultats', 'oups'].map((kind, i) => section(i, ELEMENTS[kind](i))).join('\n'),
  },
  cinquante: {
    title: '50 éléments mêlés',
    widget: true,
    body: interleave(MIX)
      .map((kind, i) => section(i, ELEMENTS[kind](i)))
      .join('\n'),
  },
  'cinquante-boutons': {
    title: '50 boutons d’avis',
    widget: true,
    body: Array.from({ length: 50 }, (_, i) => section(i, ELEMENTS.avis(i))).join('\n'),
  },
  'temoin-cinquante': {
    title: 'Témoin : 50 <a><img></a>',
    widget: false,
    body: Array.from({ length: 50 }, (_, i) => section(i, TEMOIN(i))).join('\n'),
  },
};

/** The kinds of element on the mixed 50-element page, for the report. */
export const MIX_COUNTS = MIX.reduce((counts, kind) => ({ ...counts, [kind]: (counts[kind] ?? 0) + 1 }), {});

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML of one page. `loader` and `apiBase` are absolute URLs on the bench server;
 * `verifiedLoader` is the SRI loader's URL and its integrity hash.
 */
export function renderPage(id, { loader, verifiedLoader, apiBase }) {
  const page = PAGES[id];
  // The README's script tag: with the SRI loader as the snippet has it, else the light one.
  const src = page.verified
    ? `${verifiedLoader.url}" integrity="${verifiedLoader.integrity}" crossorigin="anonymous`
    : loader;
  const script = page.widget
    ? `<script src="${src}" data-api-base="${apiBase}" defer blocking="render"></script>\n`
    : '';
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(page.title)}</title>
<script>(${instrument.toString()})(${JSON.stringify(page.watch ?? null)});</script>
${script}<style>body{margin:1rem 2rem;max-width:60rem;font:1rem/1.5 system-ui,sans-serif}</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}
