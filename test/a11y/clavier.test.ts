// The avis flow with the keyboard alone, in each mode. The element tests already go from
// the button to the thanks in the dialog (French, light); here: the dialog in English and
// dark, left with Escape midway and resumed, its focus trap both ways; the inline
// questionnaire; and the link modes, whose activation must open the JDMA form.
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import type { SppJeDonneMonAvis } from '../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import { SppAvisQuestionnaire } from '../../src/elements/je-donne-mon-avis/spp-avis-questionnaire.js';
import {
  actif,
  bouton,
  etape,
  qroot,
  questionnaire,
  texte,
} from '../../src/elements/je-donne-mon-avis/test-helpers.js';
import { API_BASE, storedAvis, uniqueDemarche } from '../../src/test-support/platform.js';
import { attendre } from './matrice.js';

/** What has the focus, described (never the element itself: see the runner's gotchas). */
const decrire = (node: Element | null) =>
  node
    ? `<${node.localName}${node.id ? `#${node.id}` : ''}${node.getAttribute('type') ? ` ${node.getAttribute('type')}` : ''}${
        node.getAttribute('value') ? `=${node.getAttribute('value')}` : ''
      }> ${texte(node).slice(0, 30)}`
    : 'nothing';

async function tabJusqua(el: SppJeDonneMonAvis, match: (node: Element | null) => boolean, max = 40) {
  for (let i = 0; i < max && !match(actif(el)); i++) await sendKeys({ press: 'Tab' });
  expect(match(actif(el)), `reached by Tab (focus: ${decrire(actif(el))})`).to.equal(true);
}

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

const soumettre = (node: Element | null) => node?.getAttribute('type') === 'submit';

/** Waits until the platform holds the avis with these champs (the last step is sent after « Merci »). */
async function champsStockes(demarche: string, attendus: string[]): Promise<string[]> {
  let champs: string[] = [];
  for (let i = 0; i < 50; i++) {
    const stored = await storedAvis(demarche);
    expect(stored.length, 'avis stored').to.be.at.most(1);
    champs = [...(stored[0]?.champs ?? [])].sort();
    if (champs.join() === [...attendus].sort().join()) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return champs;
}

describe('the avis flow with the keyboard alone', function () {
  this.timeout(30_000);
  beforeEach(() => {
    SppAvisQuestionnaire.delaiTexteMs = 0;
  });
  afterEach(() => {
    SppAvisQuestionnaire.delaiTexteMs = 3000;
  });

  it('modal, English, dark: Enter opens, the focus stays in, Escape leaves and gives the focus back, the avis resumes', async () => {
    const demarche = uniqueDemarche('clavier-modal');
    const wrapper = await fixture<HTMLElement>(
      `<div><button id="avant">Avant</button>
        <spp-je-donne-mon-avis demarche="${demarche}" api-base="${API_BASE}" lang="en" theme="dark"></spp-je-donne-mon-avis></div>`,
    );
    const el = wrapper.querySelector<SppJeDonneMonAvis>('spp-je-donne-mon-avis')!;
    await attendre(() => !el.hasAttribute('data-attente'));
    wrapper.querySelector<HTMLButtonElement>('#avant')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement === bouton(el), 'the button is reached by Tab').to.equal(true);
    expect(texte(bouton(el))).to.equal('Give my opinion');

    await sendKeys({ press: 'Enter' });
    await attendre(() => (actif(el) as HTMLInputElement | null)?.value === 'bad');
    expect(bouton(el).getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect((actif(el) as HTMLInputElement).value).to.equal('good');
    await tabJusqua(el, soumettre);
    await sendKeys({ press: 'Enter' });
    await attendre(() => etape(el) === 'clarte');
    expect(actif(el)?.id, 'focus on the step title').to.equal('spp-etape');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowLeft' });
    await tabJusqua(el, soumettre);
    await sendKeys({ press: 'Enter' });
    await attendre(() => etape(el) === 'aides');

    // The focus trap, forwards from the last control and backwards from the first.
    const focusables = () => [
      ...qroot(el).querySelectorAll<HTMLElement>('dialog button, dialog a[href], dialog input:not([tabindex="-1"])'),
    ];
    await tabJusqua(el, (node) => node === focusables().at(-1));
    await sendKeys({ press: 'Tab' });
    expect(decrire(actif(el)), 'Tab after the last control').to.equal(decrire(focusables()[0]));
    await shiftTab();
    expect(decrire(actif(el)), 'Shift+Tab before the first control').to.equal(decrire(focusables().at(-1)!));
    expect(qroot(el).querySelector('dialog')!.open).to.equal(true);

    // Escape midway: closed, focus back on the button, nothing lost.
    await sendKeys({ press: 'Escape' });
    await attendre(() => !questionnaire(el).ouvert);
    expect(el.shadowRoot!.activeElement === bouton(el), 'focus back on the button').to.equal(true);
    expect(bouton(el).getAttribute('aria-expanded')).to.equal('false');

    await sendKeys({ press: 'Enter' });
    await attendre(() => etape(el) === 'aides' && !!qroot(el).querySelector('dialog[open]'));
    await tabJusqua(el, (node) => (node as HTMLInputElement | null)?.value === 'telephone');
    await sendKeys({ press: 'Space' });
    await attendre(() => !!qroot(el).querySelector('[data-champ="contact_reached"]'));
    await tabJusqua(el, (node) => node?.id === 'spp-contact_reached-telephone-oui');
    await sendKeys({ press: 'Space' });
    await tabJusqua(el, soumettre);
    await sendKeys({ press: 'Enter' });
    await attendre(() => etape(el) === 'commentaire');
    await tabJusqua(el, (node) => node?.localName === 'textarea');
    await sendKeys({ type: 'Only the keyboard.' });
    await tabJusqua(el, soumettre);
    await sendKeys({ press: 'Enter' });
    await attendre(() => actif(el)?.id === 'spp-merci');
    expect(texte(actif(el))).to.equal('Thank you very much!');
    await tabJusqua(el, (node) => node?.localName === 'button' && !node.matches('[part="fermer"]'));
    await sendKeys({ press: 'Enter' });
    await attendre(() => !questionnaire(el).ouvert);
    expect(el.shadowRoot!.activeElement === bouton(el), 'focus back on the button').to.equal(true);

    const champs = await champsStockes(demarche, [
      'satisfaction',
      'comprehension',
      'contact_tried',
      'contact_reached',
      'verbatim',
    ]);
    expect(champs).to.deep.equal(['comprehension', 'contact_reached', 'contact_tried', 'satisfaction', 'verbatim']);
  });

  it('inline: from the page to the thanks with Tab, arrows, Space and Enter', async () => {
    const demarche = uniqueDemarche('clavier-inline');
    const wrapper = await fixture<HTMLElement>(
      `<div><button id="avant">Avant</button>
        <spp-je-donne-mon-avis demarche="${demarche}" api-base="${API_BASE}" mode="inline"></spp-je-donne-mon-avis></div>`,
    );
    const el = wrapper.querySelector<SppJeDonneMonAvis>('spp-je-donne-mon-avis')!;
    await attendre(() => !!questionnaire(el)?.shadowRoot?.querySelector('form input') && !questionnaire(el).hidden);
    wrapper.querySelector<HTMLButtonElement>('#avant')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(decrire(actif(el)), 'Tab enters the smileys').to.contain('radio=bad');
    // Arrows choose in a radio group: the smiley is chosen (the avis created), the next step unfolds.
    await sendKeys({ press: 'ArrowRight' });
    await attendre(() => etape(el) === 'clarte');
    expect((actif(el) as HTMLInputElement).value).to.equal('medium');
    await sendKeys({ press: 'Tab' });
    expect(decrire(actif(el)), 'then the scale').to.contain('radio=1');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await tabJusqua(el, soumettre);
    await sendKeys({ press: 'Enter' });
    await attendre(() => etape(el) === 'aides');
    expect(actif(el)?.id, 'focus on the step title').to.equal('spp-etape');
    await tabJusqua(el, (node) => (node as HTMLInputElement | null)?.value === 'aucune');
    await sendKeys({ press: 'Space' });
    await tabJusqua(el, soumettre);
    await sendKeys({ press: 'Enter' });
    await attendre(() => etape(el) === 'commentaire');
    await tabJusqua(el, (node) => node?.localName === 'textarea');
    await sendKeys({ type: 'Au clavier, dans la page.' });
    await tabJusqua(el, soumettre);
    expect(texte(actif(el))).to.equal('Envoyer');
    await sendKeys({ press: 'Enter' });
    await attendre(() => actif(el)?.id === 'spp-merci');
    expect(texte(actif(el))).to.equal('Merci beaucoup !');

    const champs = await champsStockes(demarche, ['satisfaction', 'comprehension', 'contact_tried', 'verbatim']);
    expect(champs).to.deep.equal(['comprehension', 'contact_tried', 'satisfaction', 'verbatim']);
  });

  for (const [cas, attributes, lang] of [
    ['mode="lien"', 'mode="lien" bouton="pied-de-page"', 'fr'],
    ['no platform configured (modal falls back to the link), English', 'bouton="entete"', 'en'],
  ] as const) {
    it(`${cas}: Enter on the link opens the JDMA form in a new window`, async () => {
      const demarche = uniqueDemarche('clavier-lien');
      const wrapper = await fixture<HTMLElement>(
        `<div><button id="avant">Avant</button>
          <spp-je-donne-mon-avis demarche="${demarche}" lang="${lang}" ${attributes}></spp-je-donne-mon-avis></div>`,
      );
      const el = wrapper.querySelector<SppJeDonneMonAvis>('spp-je-donne-mon-avis')!;
      await attendre(() => !el.hasAttribute('data-attente') && el.dataset.mode === 'lien');
      // The activation a browser turns into a new window: caught before it navigates.
      const activations: { href: string; target: string; rel: string }[] = [];
      const opened: unknown[] = [];
      const open = window.open;
      window.open = (...args: unknown[]) => (opened.push(args), null);
      const onClick = (event: Event) => {
        const link = event.composedPath()[0] as HTMLAnchorElement;
        const a = link.closest('a') ?? link;
        activations.push({ href: a.href, target: a.target, rel: a.rel });
        event.preventDefault();
      };
      document.addEventListener('click', onClick, { capture: true });
      try {
        wrapper.querySelector<HTMLButtonElement>('#avant')!.focus();
        await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement?.localName, 'the link is reached by Tab').to.equal('a');
        await sendKeys({ press: 'Enter' });
        await attendre(() => activations.length === 1);
      } finally {
        document.removeEventListener('click', onClick, { capture: true });
        window.open = open;
      }
      const bout = attributes.includes('pied-de-page') ? 'pied-de-page' : 'entete';
      expect(activations).to.deep.equal([
        {
          href: `https://jedonnemonavis.numerique.gouv.fr/Demarches/${demarche}?button=${bout}`,
          target: '_blank',
          rel: 'noopener',
        },
      ]);
      expect(opened).to.deep.equal([]);
      expect(texte(el.shadowRoot!.activeElement)).to.contain(lang === 'en' ? 'new window' : 'nouvelle fenêtre');
    });
  }
});
