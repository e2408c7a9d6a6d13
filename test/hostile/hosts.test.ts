// Hostile host pages (test/hosts/pages.mjs), each a real page served with its own headers
// and loaded in an iframe: the elements render and look as on a plain page, the avis flow
// completes and reaches the platform, nothing is logged as an error, no CSP violation is
// reported, and the host page is left as it was (styles, text, attributes, scroll).
import { expect } from '@open-wc/testing';
import {
  attendre,
  avisFlow,
  fitViewport,
  hitTest,
  modulesVerified,
  openDialog,
  openQuestionnaire,
  press,
  qroot,
  resetPointer,
  boxes,
  contentLanguages,
  differences,
  fingerprint,
  openHost,
  storedFields,
  waitForWidgets,
  type Alive,
  type FlowOptions,
  type FlowResult,
  type HitTest,
  type Host,
  type OpenOptions,
} from './harness.js';

interface Case {
  name: string;
  open?: OpenOptions;
  theme?: 'light' | 'dark';
  /**
   * Compare lengths in `em` of the element's font size: the page sets that font size on
   * the element itself, which is a documented hook (`spp-engagements { font-size: 14px }`).
   */
  relative?: boolean;
  /** The page runs the built CDN bundle (dist/cdn/): skipped, and said, when there is none. */
  needsBuild?: boolean;
  /** How the avis flow is driven (real pointer input, hit tests of the dialog's controls). */
  flow?: FlowOptions;
  /** Runs once the page is loaded, before the checks (the SPA's mounts and unmounts). */
  prepare?: (host: Host) => Promise<void>;
  /** What else this page must show, besides the common checks. */
  extra?: [string, (host: Host, flow: () => FlowResult) => unknown][];
}

/** No horizontal scrolling: content reflows within the viewport (RGAA 10.11). */
function noHorizontalScroll(host: Host) {
  const html = host.doc.documentElement;
  expect(html.scrollWidth, 'page width (scrollWidth) within the viewport').to.be.at.most(html.clientWidth);
}

/** URLs requested more than once. */
function duplicates(urls: string[]): string[] {
  const seen = new Map<string, number>();
  for (const url of urls) seen.set(url, (seen.get(url) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([url, n]) => `${n}× ${url}`);
}

const nextFrame = (host: Host) =>
  new Promise((resolve) => host.win.requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * The SPA's 50 views: mount, unmount. Every fifth view waits until every element has
 * rendered (and records what is alive then); the others leave after one frame, while
 * data may still be on its way, as a usager clicking through does.
 */
const CYCLES = 50;
const spa: { mounted: Alive[]; unmounted: Alive[]; requests: string[]; ms: number; gone: WeakRef<Element>[] } = {
  mounted: [],
  unmounted: [],
  requests: [],
  ms: 0,
  gone: [],
};
async function spaCycles(host: Host) {
  const start = performance.now();
  for (let i = 0; i < CYCLES; i++) {
    host.win.spa!.mount();
    // Held weakly: once unmounted, nothing of ours may keep them alive.
    for (const element of host.doc.querySelectorAll('#widgets > section > *')) spa.gone.push(new WeakRef(element));
    if (i % 5 === 0) {
      const rendered = await waitForWidgets(host.doc, i === 0 ? 20_000 : 5000);
      if (!Object.values(rendered).every(Boolean)) throw new Error(`view ${i}: ${JSON.stringify(rendered)}`);
      await nextFrame(host);
      spa.mounted.push(host.monitor.alive());
    } else {
      await nextFrame(host);
    }
    host.win.spa!.unmount();
    await nextFrame(host);
    spa.unmounted.push(host.monitor.alive());
  }
  spa.ms = performance.now() - start;
  host.win.spa!.mount();
  await waitForWidgets(host.doc);
  spa.requests = host.monitor.requests.map((r) => r.url);
}

function dialogInViewport(flow: FlowResult) {
  const { dialogBox: box, viewport } = flow;
  const inside = box.left >= 0 && box.top >= 0 && box.left + box.width <= viewport.width + 0.5;
  expect(inside, `dialog ${JSON.stringify(box)} in ${JSON.stringify(viewport)}`).to.equal(true);
}

const CASES: Case[] = [
  {
    name: 'reset',
    relative: true,
    extra: [
      [
        '`* { all: unset }` only passes the page’s font size to the elements (a documented hook)',
        (host) => {
          const body = host.win.getComputedStyle(host.doc.body).fontSize;
          for (const tag of ['spp-je-donne-mon-avis', 'spp-engagements']) {
            expect(host.win.getComputedStyle(host.doc.querySelector(tag)!).fontSize, tag).to.equal(body);
          }
        },
      ],
    ],
  },
  { name: 'rem-62' },
  { name: 'bootstrap' },
  {
    name: 'dsfr-dark',
    theme: 'dark',
    extra: [
      [
        'follows the page’s dark theme',
        (host) => {
          for (const tag of ['spp-je-donne-mon-avis', 'spp-engagements', 'spp-resultats', 'spp-oups-erreurs']) {
            expect(host.doc.querySelector(tag)?.getAttribute('data-fr-theme'), tag).to.equal('dark');
          }
        },
      ],
    ],
  },
  {
    name: 'dsfr-old',
    theme: 'dark',
    extra: [
      [
        'is dark as the page’s own DSFR script made it (data-fr-scheme="dark" → data-fr-theme)',
        (host) => {
          expect(host.doc.documentElement.getAttribute('data-fr-theme'), 'set by DSFR 1.10').to.equal('dark');
          for (const tag of ['spp-je-donne-mon-avis', 'spp-engagements', 'spp-resultats', 'spp-oups-erreurs']) {
            expect(host.doc.querySelector(tag)?.getAttribute('data-fr-theme'), tag).to.equal('dark');
          }
        },
      ],
    ],
  },
  { name: 'csp-issue' },
  { name: 'csp-strictest' },
  {
    name: 'loader-twice',
    extra: [
      [
        'loads each module once and says nothing about versions',
        (host) => {
          const modules = host.monitor.requests.filter((r) => r.url.includes('/src/')).map((r) => r.url);
          expect(modules.length).to.be.greaterThan(4);
          expect(duplicates(modules)).to.deep.equal([]);
          expect(host.monitor.warnings.filter((w) => w.includes('[spp-widgets]'))).to.deep.equal([]);
        },
      ],
    ],
  },
  {
    name: 'rtl',
    extra: [
      [
        'keeps the French content left to right and marked as French, without horizontal scrolling',
        (host) => {
          expect(host.doc.documentElement.dir).to.equal('rtl');
          const languages = contentLanguages(host.doc);
          expect(languages).to.deep.equal(Object.fromEntries(Object.keys(languages).map((k) => [k, 'fr'])));
          noHorizontalScroll(host);
        },
      ],
    ],
  },
  {
    name: 'narrow',
    open: { width: 320, height: 640 },
    extra: [
      [
        'reflows at 320 px: no horizontal scrolling, the dialog fits the screen',
        (host, flow) => {
          noHorizontalScroll(host);
          dialogInViewport(flow());
          expect(flow().dialogBox.width).to.be.at.most(320);
        },
      ],
    ],
  },
  {
    name: 'zoom',
    open: { width: 640, height: 400, zoom: 2 },
    extra: [
      [
        'is laid out at 200 %: device pixel ratio 2, no horizontal scrolling, the dialog fits',
        (host, flow) => {
          expect(host.win.devicePixelRatio).to.equal(2);
          noHorizontalScroll(host);
          dialogInViewport(flow());
        },
      ],
    ],
  },
  {
    name: 'spa',
    prepare: spaCycles,
    extra: [
      [
        `leaks no listener, observer or interval over ${CYCLES} mounts and unmounts`,
        () => {
          console.log(
            `spa: ${CYCLES} cycles in ${Math.round(spa.ms)} ms; mounted ${JSON.stringify(spa.mounted[1])}; unmounted ${JSON.stringify(spa.unmounted[0])}`,
          );
          // The first view may set up what lives as long as the page (once); then nothing grows.
          const differing = (list: Alive[]) =>
            list
              .slice(1)
              .flatMap((alive, i) =>
                JSON.stringify(alive) === JSON.stringify(list[1]) ? [] : [`#${i + 2}: ${JSON.stringify(alive)}`],
              );
          expect(differing(spa.unmounted), 'unmounted').to.deep.equal([]);
          expect(differing(spa.mounted), 'mounted').to.deep.equal([]);
          expect(spa.unmounted.length).to.equal(CYCLES);
          expect(spa.unmounted[CYCLES - 1].observerCount, 'observers once every element is gone').to.equal(0);
        },
      ],
      [
        `lets the garbage collector take the ${CYCLES * 5} unmounted elements`,
        async () => {
          const { gc } = window as Window & { gc?: () => void };
          expect(gc, 'window.gc (Chromium started with --js-flags=--expose-gc)').to.be.a('function');
          expect(spa.gone.length).to.equal(CYCLES * 5);
          // What the last views started ends first: requests, render slices, the button's
          // idle-time prefetch (4 s at most).
          await new Promise((resolve) => setTimeout(resolve, 5000));
          for (let i = 0; i < 3; i++) {
            gc!();
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
          const alive = spa.gone.flatMap((ref) => ref.deref()?.localName ?? []);
          expect(alive, 'elements still reachable after unmounting').to.deep.equal([]);
        },
      ],
      [
        `requests each resource once over ${CYCLES} views`,
        () => {
          expect(spa.requests.filter((url) => url.includes('/api/')).length).to.be.greaterThan(3);
          expect(duplicates(spa.requests)).to.deep.equal([]);
        },
      ],
    ],
  },
  { name: 'cdn-build', needsBuild: true },
  // The SRI loader's modulepreload links leave <head> once their module is loaded.
  { name: 'cdn-build-sri', needsBuild: true },
  {
    name: 'overlays',
    // The usager's clicks are real pointer input: a control under an overlay fails the flow.
    flow: { pointer: true },
    extra: [
      [
        'shows every control of the dialog above the z-index: 2147483647 overlays, at each step',
        (_host, flow) => {
          const { onTop, hits = [] } = flow();
          expect(onTop).to.equal('spp-je-donne-mon-avis');
          // Four steps and the thanks, each with « Fermer » and its button(s).
          expect(hits.length, 'hit tests').to.equal(5);
          const controls = hits.flatMap((h) => h.controls).join('\n');
          for (const expected of ['[part="fermer"]', '.spp-smiley__label', '« Suivant »', '« Envoyer »', 'textarea']) {
            expect(controls, `controls tested:\n${controls}`).to.include(expected);
          }
          expect(hits.flatMap((h) => h.covered)).to.deep.equal([]);
          // Not vacuous: the dialog reaches into both bands, where controls were tested.
          const under = (name: string) => hits.reduce((n, h) => n + (h.underOverlays[name] ?? 0), 0);
          const areas = JSON.stringify(hits.map((h) => h.underOverlays));
          expect(under('entete-collant'), `points under the header band: ${areas}`).to.be.greaterThan(0);
          expect(under('bandeau-cookies'), `points under the cookie band: ${areas}`).to.be.greaterThan(0);
        },
      ],
    ],
  },
];

describe('hostile host pages', function () {
  // Generous: the machine running the tests may be busy (the SPA's 50 views take 10–30 s).
  this.timeout(120_000);
  const reference: Record<string, Record<string, string>> = {};

  before(async () => {
    // The control page: a plain site. Its look of the elements is the reference (and its
    // first load compiles the modules, so the timings below are the pages' own).
    const control = await openHost('control');
    try {
      const rendered = await waitForWidgets(control.doc, 50_000);
      expect(Object.values(rendered).every(Boolean), JSON.stringify(rendered)).to.equal(true);
      await control.doc.fonts.ready;
      reference.light = fingerprint(control.doc);
      reference['light relative'] = fingerprint(control.doc, { relative: true });
      control.doc.documentElement.setAttribute('data-fr-theme', 'dark');
      await new Promise((resolve) => setTimeout(resolve, 50));
      reference.dark = fingerprint(control.doc);
      expect(reference.dark['avis button']).not.to.equal(reference.light['avis button']);
    } finally {
      control.close();
    }
  });

  for (const testCase of CASES) {
    describe(testCase.name, () => {
      let host: Host;
      let rendered: Record<string, boolean>;
      let loaded: ReturnType<Host['monitor']['snapshot']>;
      let flow: FlowResult | undefined;
      const flowDone = () => {
        if (!flow) throw new Error('the avis flow did not complete');
        return flow;
      };

      before(async function () {
        if (testCase.needsBuild && (await fetch(`/hosts/page/${testCase.name}.html`)).status === 404) {
          console.log(`${testCase.name}: skipped, no CDN build in dist/ (npm run build)`);
          this.skip();
        }
        const start = performance.now();
        host = await openHost(testCase.name, testCase.open);
        if (testCase.prepare) {
          // The host's own state once the SPA has come back to where it started.
          host.win.spa?.unmount();
          await testCase.prepare(host);
          host.win.spa?.unmount();
          loaded = host.monitor.snapshot();
          host.win.spa?.mount();
          rendered = await waitForWidgets(host.doc);
        } else {
          rendered = await waitForWidgets(host.doc);
          await host.doc.fonts.ready;
          await modulesVerified(host.doc);
          loaded = host.monitor.snapshot();
        }
        console.log(`${testCase.name}: rendered in ${Math.round(performance.now() - start)} ms`);
      });
      after(() => host?.close());

      it('renders the four elements and the bloc marque, looking as on a plain page', () => {
        expect(rendered).to.deep.equal({
          'spp-je-donne-mon-avis': true,
          'spp-bloc-marque': true,
          'spp-engagements': true,
          'spp-resultats': true,
          'spp-oups-erreurs': true,
        });
        expect(Object.values(boxes(host.doc))).to.deep.equal(Array(5).fill('visible'));
        const relative = testCase.relative ?? false;
        expect(fingerprint(host.doc, { relative })).to.deep.equal(
          reference[`${testCase.theme ?? 'light'}${relative ? ' relative' : ''}`],
        );
      });

      it('completes the avis flow, stored on the platform', async () => {
        const start = performance.now();
        const result = await avisFlow(host, testCase.flow);
        console.log(`${testCase.name}: avis flow in ${Math.round(performance.now() - start)} ms`);
        flow = result;
        expect(result.steps).to.deep.equal(['experience', 'clarte', 'aides', 'commentaire']);
        expect(result.thanks).to.equal('Merci beaucoup !');
        expect(result.focusBack, 'focus back on the button').to.equal(true);
        expect(await storedFields(host.demarche)).to.deep.equal([
          ['comprehension', 'contact_tried', 'satisfaction', 'verbatim'],
        ]);
      });

      for (const [title, check] of testCase.extra ?? []) it(title, () => check(host, flowDone));

      it('logs no error, and no spp-widgets warning', () => {
        expect(host.monitor.errors).to.deep.equal([]);
        expect(host.monitor.warnings.filter((w) => w.includes('[spp-widgets]'))).to.deep.equal([]);
      });

      it('reports no CSP violation', () => {
        expect(host.monitor.violations).to.deep.equal([]);
      });

      it('leaves the host page as it was: styles, text, attributes, scroll position', () => {
        expect(differences(host.monitor.snapshots.before, loaded), 'after loading').to.deep.equal([]);
        // The loader reserved the elements' place with its one sheet (which only matches them).
        expect(loaded.reservationSheets, 'reservation sheet').to.equal(1);
        const { before, after } = flowDone();
        expect(after.scroll, 'scroll position').to.equal(before.scroll);
        expect(differences(before, after), 'after the avis flow').to.deep.equal([]);
      });
    });
  }
});

/**
 * The negative control of the overlays check: something of the host page really above our
 * dialog (later in the top layer: a modal <dialog>) is reported by `hitTest`, and stops a
 * real click. A fixed overlay of the page, whatever its z-index, stays below the top layer.
 */
describe('overlays negative control: hitTest reports a host modal <dialog> opened above ours', function () {
  this.timeout(120_000);
  let host: Host;

  before(async () => {
    host = await openHost('overlays');
    const rendered = await waitForWidgets(host.doc);
    expect(rendered['spp-je-donne-mon-avis'], JSON.stringify(rendered)).to.equal(true);
    await modulesVerified(host.doc);
    await fitViewport(host);
  });
  after(async () => {
    await resetPointer();
    host?.close();
  });

  /** A full-viewport layer of the host page, in the top layer above our dialog. */
  const layer = (tag: 'div' | 'dialog') => {
    const element = host.doc.createElement(tag);
    element.setAttribute('data-host-overlay', '');
    element.className = `couche-${tag}`;
    element.textContent = 'Inscrivez-vous à notre lettre';
    element.style.cssText =
      'position: fixed; inset: 0; width: auto; height: auto; max-width: none; max-height: none; margin: 0; background: #fff';
    host.doc.body.append(element);
    return element;
  };
  const reported = (result: HitTest) => {
    expect(result.controls.length, 'controls tested').to.be.greaterThan(3);
    expect(result.covered.length, result.covered.join('\n')).to.equal(result.points);
    for (const line of result.covered) expect(line).to.match(/host page \S*\[data-host-overlay\]/);
  };

  it('reports every control under a host modal <dialog> opened above ours, and a real click does not reach them', async () => {
    await openQuestionnaire(host.doc);
    expect(hitTest(host.doc).covered, 'nothing above our dialog yet').to.deep.equal([]);
    const modal = layer('dialog') as HTMLDialogElement;
    modal.showModal();
    const smiley = qroot(host.doc)!.querySelector<HTMLLabelElement>('label[for="spp-satisfaction--good"]')!;
    try {
      reported(hitTest(host.doc));
      await press(host, smiley);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(smiley.control?.matches(':checked'), 'smiley checked through the host dialog').to.equal(false);
    } finally {
      modal.close();
      modal.remove();
    }
    expect(hitTest(host.doc).covered, 'host dialog gone').to.deep.equal([]);
  });

  // The limit of any hit test: while our modal dialog is open, the rest of the page is
  // inert, so a host popover shown later in the top layer covers it to the eye but is
  // "absent" for pointer input: clicks go through it to our controls, and hit testing
  // (elementsFromPoint) does not see it either.
  it('does not report a host popover shown above ours: inert, clicks go through it', async () => {
    if (!openDialog(host.doc)) await openQuestionnaire(host.doc);
    const popover = layer('div');
    popover.popover = 'manual';
    popover.showPopover();
    const smiley = qroot(host.doc)!.querySelector<HTMLLabelElement>('label[for="spp-satisfaction--medium"]')!;
    try {
      expect(popover.matches(':popover-open')).to.equal(true);
      expect(hitTest(host.doc).covered).to.deep.equal([]);
      await press(host, smiley);
      await attendre(() => !!smiley.control?.matches(':checked'), 2000);
    } finally {
      popover.hidePopover();
      popover.remove();
    }
    (qroot(host.doc)!.querySelector('[part="fermer"]') as HTMLElement).click();
    expect(openDialog(host.doc)).to.equal(null);
  });
});
