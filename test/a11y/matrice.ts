// The accessibility matrix: each state of each element (a row of data), in light and dark,
// in French and English, checked by axe-core. The test files list the states; this module
// turns them into one test per combination and prints how many ran.
import { expect, fixture } from '@open-wc/testing';
import { loadLocale } from '../../src/core/localization.js';
import { addPageCss, waitFor } from '../../src/test-support/page.js';
import { API_BASE, setFaults } from '../../src/test-support/platform.js';

export type Theme = 'light' | 'dark';
export type Lang = 'fr' | 'en';
export const THEMES: Theme[] = ['light', 'dark'];
export const LANGS: Lang[] = ['fr', 'en'];

export interface Combinaison {
  theme: Theme;
  lang: Lang;
  /** `theme="…" lang="…"`, to put on the element. */
  attrs: string;
  /** `api-base="…"` (the test platform), for the elements that use it. */
  api: string;
}

export interface Etat {
  element: string;
  etat: string;
  /** Puts the element on the page and brings it to the state; returns the element to check. */
  preparer(combinaison: Combinaison): Promise<HTMLElement>;
  /**
   * For content that is French in every language (the bloc marque, an official mark): no
   * check that the English text differs; `verifier` checks its language markup instead.
   */
  toujoursFrancais?: boolean;
  /** A state without any text (a reserved box): nothing to compare between languages. */
  sansTexte?: boolean;
  verifier?(el: HTMLElement, combinaison: Combinaison): void;
}

/** A state already checked in all four combinations by an element's own tests. */
export interface EtatCouvert {
  element: string;
  etat: string;
  par: string;
}

/** Every text of an element, its shadow roots included (nested ones too). */
export function texteProfond(node: Node): string {
  let text = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) text += n.textContent;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    n.childNodes.forEach(walk);
  };
  walk(node);
  return text.replace(/\s+/g, ' ').trim();
}

export const creer = <T extends HTMLElement = HTMLElement>(markup: string) => fixture<T>(markup);

export const ombre = (el: Element) => el.shadowRoot as ShadowRoot;
export const dans = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  ombre(el).querySelector<T>(selector);

/** Waits for a condition on the element (long enough for a busy machine). */
export const attendre = (condition: () => boolean, timeout = 10_000) => waitFor(condition, timeout);

export function videCache(): void {
  for (const key of Object.keys(localStorage))
    if (key.startsWith('spp-widgets:cache:v1:')) localStorage.removeItem(key);
}

const DARK_PAGE = 'html, body { background: #161616; color: #f6f6f6 }';

/**
 * Defines the tests of a matrix: `etats` × light/dark × French/English. Each combination
 * checks that the element really is in that theme and language (its text differs from the
 * French one), then runs axe-core on it.
 */
export function matrice(nom: string, etats: Etat[], couverts: EtatCouvert[] = []): void {
  describe(`accessibility matrix: ${nom}`, function () {
    this.timeout(60_000);
    let combinaisons = 0;
    const started = performance.now();
    const textesFrancais = new Map<string, string>();

    before(() => loadLocale('en'));
    afterEach(() => setFaults());
    after(() => {
      const elements = new Set(etats.map((e) => e.element)).size;
      console.log(
        `a11y matrix (${nom}): ${combinaisons} of ${etats.length * 4} combinations axe-clean ` +
          `(${elements} elements, ${etats.length} states × light/dark × fr/en) in ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s; ` +
          `${couverts.length} more states × 4 checked by the element tests (${couverts.map((c) => `${c.element}: ${c.etat}`).join('; ')})`,
      );
    });

    for (const etat of etats) {
      for (const theme of THEMES) {
        for (const lang of LANGS) {
          it(`${etat.element} — ${etat.etat} — ${theme}, ${lang}`, async () => {
            const restore = addPageCss(theme === 'dark' ? DARK_PAGE : '');
            try {
              const combinaison: Combinaison = {
                theme,
                lang,
                attrs: `theme="${theme}" lang="${lang}"`,
                api: `api-base="${API_BASE}"`,
              };
              const el = await etat.preparer(combinaison);
              expect(el.getAttribute('data-fr-theme'), 'theme').to.equal(theme);
              const text = texteProfond(el);
              const key = `${etat.element}|${etat.etat}|${theme}`;
              if (lang === 'fr') textesFrancais.set(key, text);
              else if (!etat.toujoursFrancais && !etat.sansTexte && textesFrancais.has(key))
                expect(text, 'the English text').not.to.equal(textesFrancais.get(key));
              etat.verifier?.(el, combinaison);
              await expect(el).to.be.accessible();
              combinaisons += 1;
            } finally {
              restore();
            }
          });
        }
      }
    }
  });
}
