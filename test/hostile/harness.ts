// Opens the host pages of test/hosts/ (served by test/server/hosts.mjs) in iframes of the
// test page, and reads what their monitor (test/hosts/monitor.js) recorded.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- test code: a missing node fails the test, with its message */
import { resetMouse, sendMouse, setViewport } from '@web/test-runner-commands';
import { storedAvis, uniqueDemarche } from '../../src/test-support/platform.js';
import { waitFor } from '../../src/test-support/page.js';

export interface Snapshot {
  url: string;
  title: string;
  head: string[];
  documentSheets: number;
  adoptedSheets: number;
  /** The loader's reservation sheet (0 or 1), which only matches our undefined elements. */
  reservationSheets: number;
  elements: Record<string, { style: Record<string, string>; attributes: string; text?: string }>;
}

export interface Alive {
  listenerCount: number;
  listeners: Record<string, number>;
  observerCount: number;
  observing: Record<string, number>;
  intervals: number;
}

export interface Monitor {
  errors: string[];
  warnings: string[];
  violations: string[];
  requests: { url: string; type: string; status: number }[];
  snapshots: Record<string, Snapshot>;
  snapshot(name?: string): Snapshot;
  alive(): Alive;
}

export interface Host {
  scenario: string;
  demarche: string;
  iframe: HTMLIFrameElement;
  win: Window & typeof globalThis & { __sppHost: Monitor; spa?: { mount(): void; unmount(): void } };
  doc: Document;
  monitor: Monitor;
  close(): void;
}

export interface OpenOptions {
  width?: number;
  height?: number;
  /** CSS zoom of the iframe: the page inside is laid out as with the browser's zoom. */
  zoom?: number;
  /** Extra query string (e.g. `without=font-src`). */
  query?: string;
}

export const TAGS = [
  'spp-je-donne-mon-avis',
  'spp-bloc-marque',
  'spp-engagements',
  'spp-resultats',
  'spp-oups-erreurs',
] as const;

/** Every waitFor here allows for the dev server compiling modules on first load. */
export const attendre = (condition: () => boolean, timeout = 10_000) => waitFor(condition, timeout);

export async function openHost(scenario: string, options: OpenOptions = {}): Promise<Host> {
  const { width = 1024, height = 700, zoom, query } = options;
  const demarche = uniqueDemarche(scenario);
  // A first visit: nothing cached by an earlier page (the API client keeps responses in
  // localStorage), so every page really talks to the platform.
  localStorage.clear();
  const iframe = document.createElement('iframe');
  iframe.title = scenario;
  iframe.style.width = `${width}px`;
  iframe.style.height = `${height}px`;
  iframe.style.border = '0';
  iframe.style.display = 'block';
  if (zoom) iframe.style.setProperty('zoom', String(zoom));
  const loaded = new Promise<void>((resolve) => iframe.addEventListener('load', () => resolve(), { once: true }));
  iframe.src = `/hosts/page/${scenario}.html?demarche=${demarche}${query ? `&${query}` : ''}`;
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as Host['win'];
  return {
    scenario,
    demarche,
    iframe,
    win,
    doc: iframe.contentDocument as Document,
    monitor: win.__sppHost,
    close: () => iframe.remove(),
  };
}

const shadow = (element: Element | null | undefined) => element?.shadowRoot ?? null;
export const texte = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** What shows that each element rendered its real content (not a placeholder or an error). */
export const RENDERED: Record<(typeof TAGS)[number], (root: ShadowRoot) => boolean> = {
  // Not while it waits for its texts (`data-attente`: a page in another language): the button
  // is in the shadow root but hidden, and a usager cannot reach it yet.
  'spp-je-donne-mon-avis': (root) =>
    !root.host.hasAttribute('data-attente') && texte(root.querySelector('[part="bouton"]')) === 'Je donne mon avis',
  'spp-bloc-marque': (root) => texte(root).includes('de l’Exemple'),
  'spp-engagements': (root) => root.querySelectorAll('.spp-engagement').length === 9,
  'spp-resultats': (root) => root.querySelectorAll('.spp-carte').length > 0,
  'spp-oups-erreurs': (root) => (root.querySelector('[part="erreurs"]')?.children.length ?? 0) > 0,
};

/** The elements' states: which rendered, for a readable failure. */
export function renderState(doc: Document): Record<string, boolean> {
  return Object.fromEntries(
    TAGS.map((tag) => {
      const root = shadow(doc.querySelector(tag));
      return [tag, !!root && RENDERED[tag](root)];
    }),
  );
}

export async function waitForWidgets(doc: Document, timeout = 20_000): Promise<Record<string, boolean>> {
  try {
    await attendre(() => Object.values(renderState(doc)).every(Boolean), timeout);
  } catch {
    // Report which ones did not render.
  }
  return renderState(doc);
}

/** Boxes: every element takes space and is visible. */
export function boxes(doc: Document): Record<string, string> {
  return Object.fromEntries(
    TAGS.map((tag) => {
      const element = doc.querySelector(tag);
      const rect = element?.getBoundingClientRect();
      const style = element && doc.defaultView!.getComputedStyle(element);
      const visible = !!rect && rect.width > 0 && rect.height > 0 && style?.visibility === 'visible';
      return [tag, visible ? 'visible' : `hidden (${rect?.width}×${rect?.height}, ${style?.display})`];
    }),
  );
}

const LOOKS: [string, string, string][] = [
  ['avis button', 'spp-je-donne-mon-avis', '[part="bouton"]'],
  ['engagement title', 'spp-engagements', '.spp-titre-engagement'],
  ['bloc marque', 'spp-bloc-marque', 'p, .fr-logo, span'],
  ['résultat value', 'spp-resultats', '.spp-valeur'],
  ['oups count', 'spp-oups-erreurs', '.spp-compte'],
];
const TEXT = [
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'text-align',
  'text-transform',
  'direction',
  'color',
];

/**
 * A fingerprint of the elements' look, from inside their shadow roots: the same on every
 * host page (in the same theme) when nothing of the host leaks in. `relative`: lengths in
 * `em` of the element's own font size (a host may set that one on purpose).
 */
export function fingerprint(doc: Document, { relative = false } = {}): Record<string, string> {
  const win = doc.defaultView!;
  const result: Record<string, string> = {};
  for (const [name, tag, selector] of LOOKS) {
    const host = doc.querySelector(tag);
    const target = shadow(host)?.querySelector(selector);
    if (!host || !target) {
      result[name] = `${selector}: missing`;
      continue;
    }
    const size = parseFloat(win.getComputedStyle(host).fontSize);
    const length = (value: string) =>
      relative ? value.replace(/(-?[\d.]+)px/g, (_m, px: string) => `${(Number(px) / size).toFixed(2)}em`) : value;
    const style = win.getComputedStyle(target);
    const properties = tag === 'spp-je-donne-mon-avis' ? [...TEXT, 'background-color', 'padding-left'] : TEXT;
    result[name] = properties.map((p) => `${p}=${length(style.getPropertyValue(p))}`).join('; ');
    if (tag === 'spp-je-donne-mon-avis') {
      const rect = target.getBoundingClientRect();
      result['avis button box'] = relative
        ? `${(rect.width / size).toFixed(1)}em×${(rect.height / size).toFixed(1)}em`
        : `${Math.round(rect.width)}×${Math.round(rect.height)}`;
    }
  }
  return result;
}

/** The language the content of each element is in (what a screen reader reads it as). */
export function contentLanguages(doc: Document): Record<string, string> {
  return Object.fromEntries(
    LOOKS.map(([name, tag, selector]) => {
      let node: Element | null | undefined = shadow(doc.querySelector(tag))?.querySelector(selector);
      while (node && !node.getAttribute('lang')) {
        node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined);
      }
      return [name, node?.getAttribute('lang') ?? 'none'];
    }),
  );
}

// The avis flow, in modal mode: button → smiley → every step → « Merci beaucoup ! ».
const avis = (doc: Document) => doc.querySelector('spp-je-donne-mon-avis') as HTMLElement;
const avisButton = (doc: Document) => shadow(avis(doc))!.querySelector('[part="bouton"]') as HTMLElement;
const questionnaire = (doc: Document) => shadow(avis(doc))?.querySelector('spp-avis-questionnaire') ?? null;
export const qroot = (doc: Document) => shadow(questionnaire(doc));
/** The questionnaire's open <dialog>, or null. */
export const openDialog = (doc: Document) => qroot(doc)?.querySelector<HTMLDialogElement>('dialog[open]') ?? null;
const updated = async (doc: Document) => {
  await (questionnaire(doc) as unknown as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
};
const etape = (doc: Document) => [...(qroot(doc)?.querySelectorAll('form') ?? [])].pop()?.dataset.etape;

export interface FlowOptions {
  /** Every click is real pointer input (sendMouse), and the dialog's controls are hit-tested at each step. */
  pointer?: boolean;
}

/** What is on top of the open dialog's controls (see `hitTest`). */
export interface HitTest {
  /** The controls tested, one line each (`[part="fermer"]`, `button.fr-btn « Suivant »`…). */
  controls: string[];
  /** How many points were tested (three a control). */
  points: number;
  /** One line per point where something else than the control is on top. */
  covered: string[];
  /** For each element of the host page marked [data-host-overlay] (by class): the tested points inside its box. */
  underOverlays: Record<string, number>;
}

export interface FlowResult {
  /** Step ids seen, in order. */
  steps: string[];
  thanks: string;
  /** What the page shows at the middle of the open dialog (the avis element: not an overlay). */
  onTop: string;
  /** The open dialog's box, in the page's CSS pixels. */
  dialogBox: { left: number; top: number; width: number; height: number };
  viewport: { width: number; height: number };
  /** Whether focus went back to the button after « Fermer ». */
  focusBack: boolean;
  /** The host page before the click and after closing (scroll position, <html style>…). */
  before: Snapshot & { scroll: string };
  after: Snapshot & { scroll: string };
  /** With `pointer`: the hit tests of each step, then of the thanks. */
  hits?: HitTest[];
}

/** An element, as `tag.class[data-host-overlay]`. */
const describeElement = (element: Element) =>
  `${element.localName}${[...element.classList].map((c) => `.${c}`).join('')}${
    element.hasAttribute('data-host-overlay') ? '[data-host-overlay]' : ''
  }`;

/** A control of the dialog, as the hit tests list it. */
function describeControl(control: Element): string {
  if (control.matches('[part="fermer"]')) return '[part="fermer"]';
  const name = `${control.localName}${control.classList[0] ? `.${control.classList[0]}` : ''}`;
  if (control.localName === 'textarea' || control.localName === 'input') return `${name}#${control.id}`;
  return `${name} « ${texte(control)} »`;
}

/** The top-most element at (x, y) of `doc`'s viewport, through open shadow roots. */
function topMost(doc: Document, x: number, y: number): Element | null {
  let top: Element | null = doc.elementsFromPoint(x, y)[0] ?? null;
  while (top?.shadowRoot) {
    const inner: Element | undefined = top.shadowRoot.elementsFromPoint(x, y)[0];
    if (!inner || inner === top) break;
    top = inner;
  }
  return top;
}

/** Scrolls the dialog just enough to show `control` (scrollIntoView's block: 'nearest', within the dialog only). */
function reach(dialog: Element, control: Element) {
  const box = dialog.getBoundingClientRect();
  const top = box.top + dialog.clientTop;
  const bottom = top + dialog.clientHeight;
  const rect = control.getBoundingClientRect();
  if (rect.top < top) dialog.scrollTop -= top - rect.top;
  else if (rect.bottom > bottom) dialog.scrollTop += Math.min(rect.bottom - bottom, rect.top - top);
}

/** The controls of the open dialog's current step (or thanks): « Fermer » first. */
const CONTROLS = 'label, textarea, input:not([type="radio"], [type="checkbox"], [type="hidden"]), button, a[href]';
function controlsOf(dialog: Element): Element[] {
  const fermer = dialog.querySelector('[part="fermer"]');
  const rest = [...dialog.querySelectorAll(CONTROLS)].filter(
    (c) => c !== fermer && !c.closest('.spp-hp, [inert]') && c.getClientRects().length > 0,
  );
  return fermer ? [fermer, ...rest] : rest;
}

/**
 * Whether the usager can reach every control of the open questionnaire dialog: for each
 * one (scrolled into the dialog's view first), its centre and points just inside its top and
 * bottom edges must show the control itself, its content or its associated input, not
 * something of the host page above it.
 */
export function hitTest(doc: Document): HitTest {
  const result: HitTest = { controls: [], points: 0, covered: [], underOverlays: {} };
  const dialog = openDialog(doc);
  if (!dialog) {
    result.covered.push('no open dialog');
    return result;
  }
  const overlays = [...doc.querySelectorAll('[data-host-overlay]')];
  for (const overlay of overlays) result.underOverlays[overlay.className || overlay.localName] = 0;
  const ours = avis(doc);
  for (const control of controlsOf(dialog)) {
    const name = describeControl(control);
    result.controls.push(name);
    reach(dialog, control);
    const rect = control.getBoundingClientRect();
    const inset = Math.min(2, rect.height / 4);
    const x = rect.left + rect.width / 2;
    for (const y of [rect.top + rect.height / 2, rect.top + inset, rect.bottom - inset]) {
      result.points++;
      for (const overlay of overlays) {
        const box = overlay.getBoundingClientRect();
        if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) {
          const key = overlay.className || overlay.localName;
          result.underOverlays[key]++;
        }
      }
      const top = topMost(doc, x, y);
      const at = `${name} (${Math.round(x)}, ${Math.round(y)})`;
      if (!top) {
        result.covered.push(`nothing on top at ${at}`);
        continue;
      }
      const input = (control as HTMLLabelElement).control;
      if (top === control || control.contains(top) || (input && top === input)) continue;
      // The element of the page that holds `top` (out of any shadow root).
      let outer: Element = top;
      for (let root = outer.getRootNode(); root !== doc && (root as ShadowRoot).host; root = outer.getRootNode()) {
        outer = (root as ShadowRoot).host;
      }
      if (outer === ours) {
        result.covered.push(`${describeElement(top)} of the questionnaire on top at ${at}`);
      } else {
        const overlay = top.closest('[data-host-overlay]') ?? outer.closest('[data-host-overlay]');
        const what = overlay
          ? `${describeElement(overlay)}${overlay === top ? '' : ` (${describeElement(top)})`}`
          : describeElement(top);
        result.covered.push(`host page ${what} on top at ${at}`);
      }
    }
  }
  return result;
}

/** The iframe's zoom and offset in the test page, to turn a point of the host page into sendMouse's. */
function pagePoint(host: Host, x: number, y: number): [number, number] {
  const frame = host.iframe.getBoundingClientRect();
  const zoom = Number(host.iframe.style.getPropertyValue('zoom')) || 1;
  return [Math.round(frame.left + x * zoom), Math.round(frame.top + y * zoom)];
}

/** Makes the test page's viewport show the whole iframe, so real clicks reach any point of it. */
export async function fitViewport(host: Host): Promise<void> {
  window.scrollTo(0, 0);
  const frame = host.iframe.getBoundingClientRect();
  await setViewport({ width: Math.ceil(frame.right) + 16, height: Math.ceil(frame.bottom) + 16 });
}

/** Puts the mouse back (no button down, away from the iframe) and the viewport to its default 800×600. */
export async function resetPointer(): Promise<void> {
  await resetMouse();
  await setViewport({ width: 800, height: 600 });
}

/** A real mouse click at the centre of `element` (scrolled into the dialog's view first, when in one). */
export async function press(host: Host, element: Element): Promise<void> {
  const dialog = element.closest('dialog');
  if (dialog) reach(dialog, element);
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: pagePoint(host, rect.left + rect.width / 2, rect.top + rect.height / 2) });
}

/** Waits until the questionnaire's dialog is open with its first inputs, and its entrance is over. */
async function dialogReady(doc: Document): Promise<HTMLDialogElement> {
  await attendre(() => !!qroot(doc)?.querySelector('dialog[open] form input'));
  await updated(doc);
  // The anti-bot delay on free text is for people typing, not for this test.
  (doc.defaultView!.customElements.get('spp-avis-questionnaire') as unknown as { delaiTexteMs: number }).delaiTexteMs =
    0;
  const dialog = openDialog(doc)!;
  await Promise.all(dialog.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined)));
  return dialog;
}

/** Opens the questionnaire (a click on the avis button) and waits until its dialog is ready. */
export async function openQuestionnaire(doc: Document): Promise<HTMLDialogElement> {
  avisButton(doc).click();
  return dialogReady(doc);
}

/**
 * The SRI loader declares each module it loads with a <link rel="modulepreload"> in <head>
 * and removes it once the module is loaded: wait until none is in flight (the idle-time
 * prefetch of the questionnaire may be), so snapshots compare the page at rest.
 */
export async function modulesVerified(doc: Document, timeout = 10_000): Promise<void> {
  const start = performance.now();
  while (doc.head.querySelector('link[rel="modulepreload"]')) {
    if (performance.now() - start > timeout) throw new Error('modulepreload links still in <head> after 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The usager's path through the questionnaire, in modal mode: the button, a smiley, a
 * scale, a checkbox, a comment, « Envoyer », « Merci beaucoup ! », « Fermer ». Before it, the
 * host scrolls a little and sets a style on <html> itself (as host scripts do), so the
 * scroll lock has something to put back. With `pointer`, every click is a real one (it
 * lands on whatever is on top there) and each step, then the thanks, is hit-tested.
 */
export async function avisFlow(host: Host, options: FlowOptions = {}): Promise<FlowResult> {
  const { pointer = false } = options;
  const { doc, win } = host;
  win.scrollTo({ top: 120, behavior: 'instant' });
  doc.documentElement.style.setProperty('scroll-padding-top', '3px');
  const scroll = () => `${win.scrollX},${win.scrollY}`;
  await modulesVerified(doc);
  const before = { ...host.monitor.snapshot(), scroll: scroll() };
  if (pointer) await fitViewport(host);
  try {
    const hits: HitTest[] = [];
    /** Clicks `selector` in the questionnaire: for real with `pointer`. */
    const activate = async (selector: string) => {
      const target = qroot(doc)?.querySelector<HTMLElement>(selector);
      if (!target) throw new Error(`nothing matches ${selector} (step ${etape(doc)})`);
      if (pointer) await press(host, target);
      else target.click();
    };
    const choose = async (selector: string) => {
      await activate(selector);
      const input = qroot(doc)!.querySelector<HTMLLabelElement>(selector)!.control;
      await attendre(() => !!input?.matches(':checked'), 2000).catch(() => {
        throw new Error(`${selector} not checked by the click (step ${etape(doc)})`);
      });
    };

    const button = avisButton(doc);
    let dialog: HTMLDialogElement;
    if (pointer) {
      await press(host, button);
      dialog = await dialogReady(doc);
    } else {
      dialog = await openQuestionnaire(doc);
    }
    const rect = dialog.getBoundingClientRect();
    const hit = doc.elementFromPoint(rect.left + rect.width / 2, rect.top + Math.min(rect.height / 2, 60));
    const steps = [etape(doc) ?? '?'];

    const answers: Record<string, () => Promise<void>> = {
      experience: () => choose('label[for="spp-satisfaction--good"]'),
      clarte: () => choose('label[for="spp-comprehension--4"]'),
      aides: () => choose('label[for="spp-contact_tried-aucune"]'),
      commentaire: async () => {
        const field = qroot(doc)!.querySelector('textarea') as HTMLTextAreaElement;
        if (pointer) {
          await press(host, field);
          await attendre(() => qroot(doc)!.activeElement === field, 2000).catch(() => {
            throw new Error('the comment field not focused by the click');
          });
        }
        field.value = 'Tout s’est bien passé sur cette page.';
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      },
    };
    for (let i = 0; i < 8 && !qroot(doc)!.querySelector('#spp-merci'); i++) {
      const current = etape(doc) ?? '?';
      if (pointer) hits.push(hitTest(doc));
      await answers[current]?.();
      await updated(doc);
      await activate('button[type="submit"]');
      await attendre(() => etape(doc) !== current || !!qroot(doc)!.querySelector('#spp-merci'));
      await updated(doc);
      if (!qroot(doc)!.querySelector('#spp-merci')) steps.push(etape(doc) ?? '?');
    }
    const thanks = texte(qroot(doc)!.querySelector('#spp-merci'));
    if (pointer) hits.push(hitTest(doc));
    await activate('[part="fermer"]');
    await attendre(() => !dialog.open);
    await attendre(() => shadow(avis(doc))!.activeElement === button, 2000).catch(() => undefined);
    // The mouse leaves the page (no :hover left on the host's elements) before the snapshot.
    if (pointer) await resetMouse();
    await modulesVerified(doc);
    const after = { ...host.monitor.snapshot(), scroll: scroll() };
    return {
      steps,
      thanks,
      onTop: hit?.localName ?? 'nothing',
      dialogBox: { left: rect.left, top: rect.top, width: rect.width, height: rect.height },
      viewport: { width: doc.documentElement.clientWidth, height: win.innerHeight },
      focusBack: doc.activeElement === avis(doc) && shadow(avis(doc))!.activeElement === button,
      before,
      after,
      ...(pointer ? { hits } : {}),
    };
  } finally {
    if (pointer) await resetPointer();
  }
}

/** Waits until the platform holds the avis of `demarche` with all the fields answered. */
export async function storedFields(demarche: string, minimum = 4): Promise<string[][]> {
  let stored = await storedAvis(demarche);
  const start = performance.now();
  while (performance.now() - start < 5000 && !(stored.length === 1 && stored[0].champs.length >= minimum)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    stored = await storedAvis(demarche);
  }
  return stored.map((a) => [...a.champs].sort());
}

/** The differences between two snapshots of the host page, one line each. */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const key of ['url', 'title', 'documentSheets', 'adoptedSheets'] as const) {
    if (before[key] !== after[key]) out.push(`${key}: ${before[key]} → ${after[key]}`);
  }
  if (after.reservationSheets > 1) out.push(`reservation sheets: ${after.reservationSheets}`);
  if (before.head.join('\n') !== after.head.join('\n'))
    out.push(`<head>: ${before.head.join(', ')} → ${after.head.join(', ')}`);
  for (const [path, element] of Object.entries(before.elements)) {
    const now = after.elements[path];
    if (!now) {
      out.push(`${path}: gone`);
      continue;
    }
    if (element.attributes !== now.attributes)
      out.push(`${path} attributes: ${element.attributes} → ${now.attributes}`);
    if (element.text !== now.text) out.push(`${path} text: ${element.text} → ${now.text}`);
    for (const [property, value] of Object.entries(element.style)) {
      if (now.style[property] !== value) out.push(`${path} ${property}: ${value} → ${now.style[property]}`);
    }
  }
  for (const path of Object.keys(after.elements)) if (!before.elements[path]) out.push(`${path}: added`);
  return out;
}
