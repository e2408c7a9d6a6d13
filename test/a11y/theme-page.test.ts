// Dark mode as a host page gives it, not through the element's `theme`: a DSFR page's
// `<html data-fr-theme="dark">` (followed live through the shared MutationObserver), and
// `theme="system"` under the operating system's dark colour scheme. Each element goes
// light → dark (axe-clean there) → light again, its own mirrored `data-fr-theme` and its
// computed colours following.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/elements/bloc-marque/spp-bloc-marque.js';
import '../../src/elements/engagements/spp-engagements.js';
import '../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import '../../src/elements/oups-erreurs/spp-oups-erreurs.js';
import '../../src/elements/resultats/spp-resultats.js';
import { DSFR_FULL_CSS, addPageCss, addStylesheet, setHtmlAttribute } from '../../src/test-support/page.js';
import { API_BASE, uniqueDemarche } from '../../src/test-support/platform.js';
import type { SppJeDonneMonAvis } from '../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import { bouton, dialog, ouvrir, questionnaire } from '../../src/elements/je-donne-mon-avis/test-helpers.js';
import { attendre, creer, dans } from './matrice.js';

type Theme = 'light' | 'dark';

interface Cas {
  nom: string;
  /** Puts the element on the page (with `attrs`) and waits until it shows its content. */
  creer(attrs: string): Promise<HTMLElement>;
  /** The elements whose theme is checked (the questionnaire: the button and the dialog). */
  suivis(el: HTMLElement): HTMLElement[];
  /** Whether the element's computed colours are those of its dark look. */
  aspectSombre(el: HTMLElement): boolean;
  /** Brings the element to the state checked in dark (the questionnaire: opened). */
  ouvrir?(el: HTMLElement): Promise<void>;
}

/** Relative luminance (0 black … 1 white) of a computed `rgb(…)` colour. */
function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Light text (on a dark background): the dark look of a box. */
function texteClair(box: Element): boolean {
  return luminance(getComputedStyle(box).color) > 0.4;
}

const avis = async (attrs: string) => {
  const el = await creer<SppJeDonneMonAvis>(
    `<spp-je-donne-mon-avis demarche="${uniqueDemarche('a11y-theme')}" api-base="${API_BASE}" ${attrs}></spp-je-donne-mon-avis>`,
  );
  await attendre(() => !el.hasAttribute('data-attente') && !!bouton(el));
  return el;
};

const CAS: Cas[] = [
  {
    nom: 'spp-je-donne-mon-avis (bouton)',
    creer: avis,
    suivis: (el) => [el],
    // Dark: the solid button turns light blue (#8585f6) with dark text, from blue France (#000091).
    aspectSombre: (el) => luminance(getComputedStyle(bouton(el as SppJeDonneMonAvis)).backgroundColor) > 0.2,
  },
  {
    nom: 'spp-je-donne-mon-avis (questionnaire ouvert)',
    creer: async (attrs) => {
      const el = await avis(attrs);
      await ouvrir(el);
      return el;
    },
    suivis: (el) => [el, questionnaire(el as SppJeDonneMonAvis)],
    aspectSombre: (el) => texteClair(dialog(el as SppJeDonneMonAvis)),
    // The dialog's entrance is over: axe must not measure colours half faded in.
    ouvrir: async (el) => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await Promise.all(
        dialog(el as SppJeDonneMonAvis)
          .getAnimations({ subtree: true })
          .map((a) => a.finished),
      );
    },
  },
  {
    nom: 'spp-engagements',
    creer: async (attrs) => {
      const el = await creer(`<spp-engagements ${attrs} engagements="2,7"></spp-engagements>`);
      await attendre(() => !!dans(el, '.spp-engagement'));
      await attendre(() =>
        [...el.shadowRoot!.querySelectorAll('.spp-pictogramme')].every((s) => s.childElementCount > 0),
      );
      return el;
    },
    suivis: (el) => [el],
    aspectSombre: (el) => texteClair(dans(el, '.spp-root')!),
  },
  {
    nom: 'spp-resultats',
    creer: async (attrs) => {
      const el = await creer(`<spp-resultats ${attrs} api-base="${API_BASE}" structure="EX-CAF-33"></spp-resultats>`);
      await attendre(() => !dans(el, '[aria-busy]') && !dans(el, 'div.spp-graphique') && !!dans(el, '.spp-carte'));
      return el;
    },
    suivis: (el) => [el],
    aspectSombre: (el) => texteClair(dans(el, '.spp-root')!),
  },
  {
    nom: 'spp-oups-erreurs',
    creer: async (attrs) => {
      const el = await creer(`<spp-oups-erreurs ${attrs} api-base="${API_BASE}"></spp-oups-erreurs>`);
      await attendre(() => !!dans(el, '.fr-accordions-group'));
      return el;
    },
    suivis: (el) => [el],
    aspectSombre: (el) => texteClair(dans(el, '.spp-root')!),
  },
  {
    nom: 'spp-bloc-marque',
    creer: (attrs) => creer(`<spp-bloc-marque ${attrs} ministere="Ministère\nde l’Intérieur"></spp-bloc-marque>`),
    suivis: (el) => [el],
    aspectSombre: (el) => texteClair(dans(el, '.spp-root')!),
  },
];

/** Each followed element mirrors `theme`, and the box's text colour matches it. */
async function verifierTheme(cas: Cas, el: HTMLElement, theme: Theme): Promise<void> {
  await attendre(() => cas.suivis(el).every((s) => s.getAttribute('data-fr-theme') === theme));
  for (const suivi of cas.suivis(el)) expect(suivi.getAttribute('data-fr-theme'), suivi.localName).to.equal(theme);
  for (const suivi of cas.suivis(el)) expect(getComputedStyle(suivi).colorScheme, suivi.localName).to.equal(theme);
  expect(cas.aspectSombre(el), `computed colours of ${cas.nom} in ${theme}`).to.equal(theme === 'dark');
}

describe('dark mode given by the host page', function () {
  this.timeout(60_000);
  const restes: (() => void)[] = [];

  afterEach(async () => {
    while (restes.length) restes.pop()!();
    document.documentElement.removeAttribute('data-fr-theme');
    await emulateMedia({ colorScheme: 'light' });
  });

  describe('<html data-fr-theme="dark"> on a DSFR page', () => {
    let retirerDsfr: () => void;
    before(async () => {
      retirerDsfr = await addStylesheet(DSFR_FULL_CSS);
    });
    after(() => retirerDsfr());

    for (const cas of CAS) {
      it(`${cas.nom}: follows the page into dark (axe-clean) and back to light`, async () => {
        const el = await cas.creer('');
        await verifierTheme(cas, el, 'light');
        restes.push(setHtmlAttribute('data-fr-theme', 'dark'));
        await verifierTheme(cas, el, 'dark');
        expect(luminance(getComputedStyle(document.body).backgroundColor), 'the DSFR page is dark').to.be.below(0.1);
        await cas.ouvrir?.(el);
        await expect(el).to.be.accessible();
        document.documentElement.removeAttribute('data-fr-theme');
        await verifierTheme(cas, el, 'light');
      });
    }
  });

  describe('theme="system" and prefers-color-scheme: dark', () => {
    for (const cas of CAS) {
      it(`${cas.nom}: follows the system into dark (axe-clean) and back to light`, async () => {
        // A host page that follows the system's scheme too.
        restes.push(addPageCss('@media (prefers-color-scheme: dark) { html, body { background: #161616 } }'));
        await emulateMedia({ colorScheme: 'light' });
        const el = await cas.creer('theme="system"');
        await verifierTheme(cas, el, 'light');
        await emulateMedia({ colorScheme: 'dark' });
        await verifierTheme(cas, el, 'dark');
        await cas.ouvrir?.(el);
        await expect(el).to.be.accessible();
        await emulateMedia({ colorScheme: 'light' });
        await verifierTheme(cas, el, 'light');
      });
    }
  });
});
