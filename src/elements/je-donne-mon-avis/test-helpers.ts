// What the tests of <spp-je-donne-mon-avis> share: finding things in the two shadow roots,
// going through the questionnaire as a usager does, and recording the requests sent.
import { waitFor } from '../../test-support/page.js';
import type { SppJeDonneMonAvis } from './spp-je-donne-mon-avis.js';
import type { SppAvisQuestionnaire } from './spp-avis-questionnaire.js';

const shadow = (el: Element) => el.shadowRoot as ShadowRoot;
export const questionnaire = (el: SppJeDonneMonAvis) =>
  shadow(el).querySelector('spp-avis-questionnaire') as SppAvisQuestionnaire;
export const qroot = (el: SppJeDonneMonAvis) => shadow(questionnaire(el));
export const bouton = (el: SppJeDonneMonAvis) => shadow(el).querySelector('[part="bouton"]') as HTMLElement;
export const dialog = (el: SppJeDonneMonAvis) => qroot(el).querySelector('dialog') as HTMLDialogElement;
export const actif = (el: SppJeDonneMonAvis) => questionnaire(el)?.shadowRoot?.activeElement ?? null;

/** Requests for form `id` that started after `since` and got their answer. */
export const formRequests = (id: string, since: number) =>
  performance
    .getEntriesByType('resource')
    .filter((e) => e.name.endsWith(`/v1/formulaires/${id}`) && e.startTime >= since).length;

/** Every waitFor of these tests allows for the dev server's first module loads. */
export const attendre = (condition: () => boolean, timeout = 8000) => waitFor(condition, timeout);

/** The step shown (the last form: in inline mode the smiley stays above). */
export const etape = (el: SppJeDonneMonAvis) =>
  [...qroot(el).querySelectorAll<HTMLFormElement>('form')].pop()?.dataset.etape;

export const texte = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Clicks the button and waits until the dialog shows its first question, as the usager
 * sees it: once its 0.2 s entrance (fade and slide, without reduced motion) is over, so
 * axe does not measure colours half faded in.
 */
export async function ouvrir(el: SppJeDonneMonAvis): Promise<void> {
  bouton(el).click();
  await attendre(() => !!questionnaire(el)?.shadowRoot?.querySelector('dialog[open] form input'));
  await questionnaire(el).updateComplete;
  // The entrance animation starts in the next frame.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await Promise.all(
    dialog(el)
      .getAnimations({ subtree: true })
      .map((animation) => animation.finished),
  );
}

export function cliquer(el: SppJeDonneMonAvis, selector: string): void {
  const target = qroot(el).querySelector<HTMLElement>(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.click();
}

/** Picks an option by its id (the label is what a usager clicks). */
export async function choisir(el: SppJeDonneMonAvis, champ: string, option: string, parent = ''): Promise<void> {
  const id = champ === 'contact_tried' ? `spp-${champ}-${option}` : `spp-${champ}-${parent}-${option}`;
  cliquer(el, `label[for="${id}"]`);
  await questionnaire(el).updateComplete;
}

/** « Suivant » (or « Envoyer »), then waits for the next step or the thanks. */
export async function suivant(el: SppJeDonneMonAvis): Promise<void> {
  const before = etape(el);
  cliquer(el, 'button[type="submit"]');
  await attendre(() => etape(el) !== before || !!qroot(el).querySelector('#spp-merci'));
  await questionnaire(el).updateComplete;
}

export async function ecrire(el: SppJeDonneMonAvis, selector: string, value: string): Promise<void> {
  const field = qroot(el).querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await questionnaire(el).updateComplete;
}

export interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Records what the page sends to the platform (the avis requests), without changing it. */
export function recordRequests(): { sent: Sent[]; restore: () => void } {
  const original = window.fetch;
  const sent: Sent[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes('/v1/avis')) {
      sent.push({
        method: init?.method ?? 'GET',
        url,
        headers: Object.fromEntries(new Headers(init?.headers).entries()),
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      });
    }
    return original(input, init);
  };
  return { sent, restore: () => (window.fetch = original) };
}

/** Events of one kind that reached the element, with their details. */
export function collect<T>(el: EventTarget, type: string): T[] {
  const details: T[] = [];
  el.addEventListener(type, (event) => details.push((event as CustomEvent<T>).detail));
  return details;
}

/** Clears what the API client and the outbox keep between tests. */
export function resetStorage(): void {
  localStorage.clear();
}
