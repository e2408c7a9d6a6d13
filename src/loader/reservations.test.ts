// The loader reserves each element's place before its code arrives: the reserved box must
// be the box the element then shows while it loads, or the host page moves. Measured on
// the real elements (imported only after the first measure, so they start undefined),
// with the platform's answers held back so they stay in their loading state.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { configure } from '../core/api/config.js';
import { API_BASE, setFaults } from '../test-support/platform.js';
import { reservationCss, reserveSpace } from './reservations.js';

const CASES = [
  'spp-je-donne-mon-avis demarche="3842"',
  'spp-je-donne-mon-avis demarche="3842" mode="lien"',
  'spp-je-donne-mon-avis demarche="3842" mode="inline"',
  'spp-bloc-marque ministere="Ministère&#10;de l’Exemple"',
  'spp-engagements',
  'spp-engagements niveau-titre="3"',
  'spp-engagements disposition="liste"',
  'spp-engagements disposition="accordeon"',
  'spp-resultats structure="EX-CAF-33"',
  'spp-resultats structure="EX-CAF-33" disposition="tableau"',
  'spp-resultats structure="EX-CAF-33" disposition="compact"',
  'spp-oups-erreurs',
];

/** Where the reservation is knowingly short (px), at a given viewport width: see below. */
const KNOWN_SHORT: Record<string, Record<number, number>> = {
  // At 360 px the title « Nos engagements Services Publics + » takes two lines.
  'spp-engagements': { 360: 36 },
  'spp-engagements niveau-titre="3"': { 360: 36 },
  'spp-engagements disposition="accordeon"': { 360: 36 },
  // So does « Erreurs fréquentes : comment les éviter ».
  'spp-oups-erreurs': { 360: 32 },
};

const WIDTHS = [1280, 360];
const height = (element: Element) => element.getBoundingClientRect().height;
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

describe('space reserved by the loader', () => {
  const reserved = new Map<string, number>();
  const loading = new Map<string, number>();
  const elements: Record<string, Element> = {};

  before(async function () {
    this.timeout(20000);
    configure({ apiBase: API_BASE });
    // Responses cached by earlier test files (same origin) would skip the loading state.
    localStorage.clear();
    reserveSpace(true);
    // Hold every answer of the platform: the elements stay in their loading state.
    await setFaults({ rules: [{ match: '/api/', kind: 'slow', times: 1000 }], delayMs: 8000 });
    document.body.style.margin = '0';
    for (const tagAndAttributes of CASES) {
      const box = document.createElement('div');
      box.innerHTML = `<p>Avant</p><${tagAndAttributes}></${tagAndAttributes.split(' ')[0]}><p>Après</p>`;
      document.body.append(box);
      elements[tagAndAttributes] = box.children[1];
    }
    for (const width of WIDTHS) {
      await setViewport({ width, height: 800 });
      await nextFrame();
      for (const c of CASES) reserved.set(`${c} @${width}`, height(elements[c]));
    }
    await Promise.all([
      import('../elements/je-donne-mon-avis/spp-je-donne-mon-avis.js'),
      import('../elements/bloc-marque/spp-bloc-marque.js'),
      import('../elements/engagements/spp-engagements.js'),
      import('../elements/resultats/spp-resultats.js'),
      import('../elements/oups-erreurs/spp-oups-erreurs.js'),
    ]);
    // Engagements show their bundled list after 3 s without the platform: measure before.
    for (const width of [...WIDTHS].reverse()) {
      await setViewport({ width, height: 800 });
      await nextFrame();
      await nextFrame();
      for (const c of CASES) loading.set(`${c} @${width}`, height(elements[c]));
    }
  });

  after(async () => {
    await setFaults({});
    await setViewport({ width: 800, height: 600 });
  });

  it('every element was measured while undefined, then while loading', () => {
    for (const c of CASES) {
      for (const width of WIDTHS) expect(reserved.get(`${c} @${width}`), `${c} @${width}`).to.be.greaterThan(0);
    }
    expect(Object.values(elements).every((element) => customElements.get(element.localName))).to.equal(true);
  });

  for (const c of CASES) {
    it(`<${c}>: the reserved box is the loading box`, () => {
      for (const width of WIDTHS) {
        const key = `${c} @${width}`;
        const short = KNOWN_SHORT[c]?.[width] ?? 0;
        expect(Math.round((loading.get(key) ?? 0) - (reserved.get(key) ?? 0)), key).to.equal(short);
      }
    });
  }

  it('without a page-level API, only inline avis with their own api-base are forms', () => {
    expect(reservationCss(false)).to.include('spp-je-donne-mon-avis[mode=inline][api-base]:not(:defined)');
    expect(reservationCss(true)).not.to.include('[api-base]');
  });

  it('leaves the elements a page hides hidden', () => {
    // A frame: a document of its own, where our tags are not defined.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const view = frame.contentWindow as Window & typeof globalThis;
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(reservationCss(true));
    view.document.adoptedStyleSheets = [sheet];
    view.document.body.innerHTML =
      '<spp-resultats hidden></spp-resultats><spp-je-donne-mon-avis hidden></spp-je-donne-mon-avis>' +
      '<spp-resultats></spp-resultats><spp-je-donne-mon-avis></spp-je-donne-mon-avis>';
    const styles = [...view.document.body.children].map((e) => {
      const style = view.getComputedStyle(e);
      return `${e.localName}${e.hasAttribute('hidden') ? '[hidden]' : ''} ${style.display} ${style.minHeight}`;
    });
    frame.remove();
    expect(styles).to.deep.equal([
      'spp-resultats[hidden] none 192px',
      'spp-je-donne-mon-avis[hidden] none 0px',
      'spp-resultats block 192px',
      'spp-je-donne-mon-avis inline-block 40px',
    ]);
  });
});
