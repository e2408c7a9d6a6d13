import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { SppEngagements } from './spp-engagements.js';
import type { SppBlocMarque } from '../bloc-marque/spp-bloc-marque.js';
import './spp-engagements.js';
import { piliersSeed } from './fixtures/seed.js';
import { all, collectErrors, loaded, read, shadow, text } from './fixtures/helpers.js';
import { API_BASE, setFaults } from '../../test-support/platform.js';
import { waitFor } from '../../test-support/page.js';

const PHOTO = new URL('./fixtures/photo.svg', import.meta.url).href;
const LOGO = new URL('./fixtures/logo.svg', import.meta.url).href;

/** The poster, once everything in it is there: list, pictograms, bloc marque, images. */
async function poster(el: SppEngagements) {
  await loaded(el);
  const bloc = shadow(el).querySelector<SppBlocMarque>('spp-bloc-marque');
  await customElements.whenDefined('spp-bloc-marque');
  await bloc?.updateComplete;
  const images = [...all<HTMLImageElement>(el, 'img'), ...el.querySelectorAll('img')];
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
  await el.updateComplete;
  return el;
}

const blocText = (el: SppEngagements) => {
  const bloc = shadow(el).querySelector<SppBlocMarque>('spp-bloc-marque')!;
  const logo = bloc.shadowRoot!.querySelector('.fr-logo');
  return {
    lines: logo
      ? logo.innerHTML.split(/<br\s*\/?>/).map((part) =>
          part
            .replace(/<[^>]+>/g, '')
            .replace(/\s+/g, ' ')
            .trim(),
        )
      : [],
  };
};

/** Box of `node` relative to the sheet, as fractions of the sheet's size. */
function relative(el: SppEngagements, node: Element) {
  const sheet = shadow(el).querySelector('.spp-feuille')!.getBoundingClientRect();
  const box = node.getBoundingClientRect();
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    left: round((box.left - sheet.left) / sheet.width),
    top: round((box.top - sheet.top) / sheet.height),
    width: round(box.width / sheet.width),
    height: round(box.height / sheet.height),
  };
}

/** Every part of the poster lies inside the sheet (nothing is cut off by its overflow: hidden). */
function assertInsideSheet(el: SppEngagements) {
  const sheet = shadow(el).querySelector('.spp-feuille')!.getBoundingClientRect();
  const parts = all(el, '.spp-entete, .spp-photo, .spp-titre, .spp-engagement, .spp-pied > *');
  expect(parts.length).to.be.greaterThan(10);
  for (const part of parts) {
    const box = part.getBoundingClientRect();
    const name = part.className || part.localName;
    expect(box.top, name).to.be.at.least(sheet.top - 0.5);
    expect(box.bottom, name).to.be.at.most(sheet.bottom + 0.5);
    expect(box.left, name).to.be.at.least(sheet.left - 0.5);
    expect(box.right, name).to.be.at.most(sheet.right + 0.5);
  }
}

/** window.print, replaced: headless Chromium neither shows a dialog nor fires afterprint. */
function stubPrint() {
  const original = window.print;
  const calls: { sheets: number; marked: boolean }[] = [];
  window.print = () => {
    calls.push({
      sheets: document.adoptedStyleSheets.length,
      marked: !!document.querySelector('[data-spp-impression]'),
    });
  };
  return { calls, restore: () => (window.print = original) };
}

describe('<spp-engagements disposition="affiche">', () => {
  let print: ReturnType<typeof stubPrint>;
  beforeEach(() => (print = stubPrint()));
  afterEach(async () => {
    // Ends any print a test left open, so the next one starts from a clean page.
    window.dispatchEvent(new Event('afterprint'));
    print.restore();
    await emulateMedia({ media: 'screen' });
    await setFaults();
  });

  it('shows the bloc marque, the operator logo, the photo, the title, the 9 engagements and the avis address', async () => {
    const el = await poster(
      await fixture<SppEngagements>(
        html`<spp-engagements
          disposition="affiche"
          ministere=${'Ministère\nde l’Exemple'}
          logo-src=${LOGO}
          logo-alt="Opérateur exemple"
          photo-src=${PHOTO}
          adresse-avis="https://www.example.gouv.fr/avis/"
        ></spp-engagements>`,
      ),
    );
    expect(blocText(el).lines).to.deep.equal(['Ministère', 'de l’Exemple']);
    const logo = shadow(el).querySelector<HTMLImageElement>('.spp-logo img')!;
    expect(logo.src).to.equal(LOGO);
    expect(logo.alt).to.equal('Opérateur exemple');
    const photo = shadow(el).querySelector<HTMLImageElement>('.spp-photo img')!;
    expect(photo.src).to.equal(PHOTO);
    expect(photo.alt).to.equal('');
    expect(text(shadow(el).querySelector('.spp-feuille .spp-titre'))).to.equal('Nos engagements Services Publics +');
    expect(read(el)).to.deep.equal(piliersSeed());
    const avis = shadow(el).querySelector('.spp-avis')!;
    expect(text(avis)).to.equal('Donnez-nous votre avis : www.example.gouv.fr/avis');
    expect(avis.querySelector('a')!.href).to.equal('https://www.example.gouv.fr/avis/');
    expect(text(shadow(el).querySelector('[part="bouton-imprimer"]'))).to.equal("Imprimer l'affiche");
    await expect(el).to.be.accessible();
  });

  it('gives this page’s address for avis by default, and only http(s) images and links', async () => {
    const el = await poster(
      await fixture<SppEngagements>(
        html`<spp-engagements
          disposition="affiche"
          logo-src="javascript:alert(1)"
          photo-src=${'data:image/svg+xml,<svg/>'}
          adresse-avis="javascript:alert(1)"
        ></spp-engagements>`,
      ),
    );
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(shadow(el).querySelector<HTMLAnchorElement>('.spp-avis a')!.href).to.equal(
      location.origin + location.pathname,
    );
    // Without a photo or logo, their places are not left empty.
    expect(getComputedStyle(shadow(el).querySelector('.spp-photo')!).display).to.equal('none');
    expect(getComputedStyle(shadow(el).querySelector('.spp-logo')!).display).to.equal('none');
  });

  it('takes the logo, the photo and an introduction from slots', async () => {
    const el = await poster(
      await fixture<SppEngagements>(
        html`<spp-engagements disposition="affiche">
          <img slot="logo" src=${LOGO} alt="Logo glissé" />
          <img slot="photo" src=${PHOTO} alt="Notre accueil" />
          <p slot="introduction">Notre agence s’engage.</p>
        </spp-engagements>`,
      ),
    );
    await waitFor(() => getComputedStyle(shadow(el).querySelector('.spp-photo')!).display !== 'none');
    const slotted = (name: string) =>
      shadow(el).querySelector<HTMLSlotElement>(`slot[name="${name}"]`)!.assignedElements();
    expect(slotted('logo').map((e) => e.getAttribute('alt'))).to.deep.equal(['Logo glissé']);
    expect(slotted('photo').map((e) => e.getAttribute('alt'))).to.deep.equal(['Notre accueil']);
    expect(slotted('introduction').map((e) => e.textContent)).to.deep.equal(['Notre agence s’engage.']);
    const photoBox = el.querySelector('img[slot="photo"]')!.getBoundingClientRect();
    expect(photoBox.height).to.be.greaterThan(50);
    assertInsideSheet(el);
    await expect(el).to.be.accessible();
  });

  it('reads the bloc marque and the name of a structure from the platform; attributes win', async () => {
    const el = await poster(
      await fixture<SppEngagements>(
        html`<spp-engagements disposition="affiche" api-base=${API_BASE} structure="EX-CAF-33"></spp-engagements>`,
      ),
    );
    await waitFor(() => blocText(el).lines[0] === 'MINISTÈRE');
    expect(blocText(el).lines).to.deep.equal([
      'MINISTÈRE',
      'DU TRAVAIL,',
      'DE LA SANTÉ,',
      'DES SOLIDARITÉS',
      'ET DES FAMILLES',
    ]);
    expect(text(shadow(el).querySelector('.spp-structure'))).to.equal('Caf de la Gironde');
    // The seed's structures are fictitious: the poster says so.
    expect(text(shadow(el).querySelector('.spp-mention-exemple'))).to.match(/^Exemple fictif/);
    el.ministere = 'Préfet\nde l’Exemple';
    await el.updateComplete;
    await shadow(el).querySelector<SppBlocMarque>('spp-bloc-marque')!.updateComplete;
    expect(blocText(el).lines).to.deep.equal(['Préfet', 'de l’Exemple']);
  });

  it('shows no bloc marque with marque="neutre"', async () => {
    const el = await poster(
      await fixture<SppEngagements>(
        html`<spp-engagements
          disposition="affiche"
          marque="neutre"
          logo-src=${LOGO}
          logo-alt="Commune"
        ></spp-engagements>`,
      ),
    );
    expect(blocText(el).lines).to.deep.equal([]);
    expect(shadow(el).querySelector<HTMLImageElement>('.spp-logo img')!.alt).to.equal('Commune');
  });

  it('highlights the chosen engagements and keeps all nine', async () => {
    const el = await poster(
      await fixture<SppEngagements>(html`<spp-engagements disposition="affiche" engagements="6"></spp-engagements>`),
    );
    expect(all(el, '.spp-engagement')).to.have.length(9);
    expect(all(el, '[part~="mis-en-avant"]').map((e) => text(e.querySelector('.spp-numero')))).to.deep.equal([
      'Engagement 6',
    ]);
  });

  it('follows niveau-titre', async () => {
    const el = await poster(
      await fixture<SppEngagements>(html`<spp-engagements disposition="affiche" niveau-titre="3"></spp-engagements>`),
    );
    expect(all(el, 'h1, h2, h3, h4, h5, h6').map((h) => h.localName)).to.deep.equal(['h3', 'h4', 'h4', 'h4']);
  });

  it('stays paper-white in the dark theme', async () => {
    const el = await poster(
      await fixture<SppEngagements>(html`<spp-engagements disposition="affiche" theme="dark"></spp-engagements>`),
    );
    const sheet = shadow(el).querySelector('.spp-feuille')!;
    expect(getComputedStyle(sheet).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(shadow(el).querySelector('.spp-engagement__texte')!).color).to.equal('rgb(58, 58, 58)');
    expect(getComputedStyle(shadow(el).querySelector('.spp-feuille .spp-titre')!).color).to.equal('rgb(0, 0, 145)');
    // The button outside the sheet follows the theme.
    expect(getComputedStyle(shadow(el).querySelector('[part="bouton-imprimer"]')!).color).not.to.equal(
      'rgb(0, 0, 145)',
    );
    await expect(el).to.be.accessible();
  });

  it('prints alone on exactly one A4 page, logo and photo included, and leaves nothing on the page', async () => {
    const sheetsBefore = [...document.adoptedStyleSheets];
    const el = await poster(
      await fixture<SppEngagements>(
        html`<spp-engagements
          disposition="affiche"
          api-base=${API_BASE}
          structure="EX-CAF-33"
          logo-src=${LOGO}
          logo-alt="Opérateur exemple"
          photo-src=${PHOTO}
          engagements="1,7"
          adresse-avis="https://www.example.gouv.fr/donnez-votre-avis-sur-nos-services/"
          ><p slot="introduction">Dans notre agence, nous nous engageons auprès de vous.</p></spp-engagements
        >`,
      ),
    );
    // The worst case: a five-line ministry from the platform.
    await waitFor(() => blocText(el).lines.length === 5);

    await el.imprimer();
    expect(print.calls).to.deep.equal([{ sheets: sheetsBefore.length + 1, marked: true }]);

    await emulateMedia({ media: 'print' });
    expect(shadow(el).querySelector<HTMLElement>('[part="bouton-imprimer"]')!.checkVisibility()).to.equal(false);
    for (const selector of ['.spp-logo img', '.spp-photo img']) {
      const img = shadow(el).querySelector<HTMLImageElement>(selector)!;
      expect(img.complete && img.naturalWidth > 0, selector).to.equal(true);
      const box = img.getBoundingClientRect();
      expect(box.width * box.height, selector).to.be.greaterThan(2000);
    }
    assertInsideSheet(el);

    const { pages } = (await executeServerCommand('print-pdf', { format: 'A4' })) as { pages: number };
    expect(pages).to.equal(1);

    // Printing over (the PDF print fires afterprint): the page is as it was.
    expect(document.adoptedStyleSheets).to.deep.equal(sheetsBefore);
    expect(el.hasAttribute('data-spp-impression')).to.equal(false);
  });

  it('prints on exactly one A3 page with format="A3", and in English', async () => {
    const el = await poster(
      await fixture<SppEngagements>(
        html`<spp-engagements
          disposition="affiche"
          format="A3"
          lang="en"
          logo-src=${LOGO}
          photo-src=${PHOTO}
        ></spp-engagements>`,
      ),
    );
    await waitFor(() => text(shadow(el).querySelector('.spp-mention-traduction')).startsWith('Unofficial'));
    await el.imprimer();
    await emulateMedia({ media: 'print' });
    assertInsideSheet(el);
    const { pages } = (await executeServerCommand('print-pdf', { format: 'A4' })) as { pages: number };
    expect(pages).to.equal(1);
  });

  it('looks on screen as it prints', async () => {
    const el = await poster(
      await fixture<SppEngagements>(
        html`<spp-engagements
          disposition="affiche"
          ministere="Ministère\\nde l’Exemple"
          logo-src=${LOGO}
          photo-src=${PHOTO}
        ></spp-engagements>`,
      ),
    );
    const layout = () =>
      all(el, '.spp-entete, .spp-logo, .spp-photo, .spp-feuille .spp-titre, .spp-pilier, .spp-pied').map((n) =>
        relative(el, n),
      );
    const onScreen = layout();
    await el.imprimer();
    await emulateMedia({ media: 'print' });
    const printed = layout();
    const sheet = shadow(el).querySelector('.spp-feuille')!.getBoundingClientRect();
    expect(sheet.width).to.be.greaterThan(shadow(el).querySelector('.spp-cadre')!.clientWidth - 1);
    expect(sheet.height / sheet.width).to.be.closeTo(297 / 210, 0.01);
    onScreen.forEach((box, i) => {
      for (const key of ['left', 'top', 'width', 'height'] as const) {
        expect(printed[i][key], `${i} ${key}`).to.be.closeTo(box[key], 0.01);
      }
    });
    window.dispatchEvent(new Event('afterprint'));
    expect(el.hasAttribute('data-spp-impression')).to.equal(false);
  });

  it('prints from its button, with the mouse or the keyboard', async () => {
    const el = await poster(
      await fixture<SppEngagements>(html`<spp-engagements disposition="affiche"></spp-engagements>`),
    );
    const errors = collectErrors(el);
    const button = shadow(el).querySelector<HTMLButtonElement>('[part="bouton-imprimer"]')!;
    button.click();
    await waitFor(() => print.calls.length === 1);
    window.dispatchEvent(new Event('afterprint'));
    expect(el.hasAttribute('data-spp-impression')).to.equal(false);

    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => print.calls.length === 2);
    expect(shadow(el).activeElement).to.equal(button);
    expect(errors).to.deep.equal([]);
  });

  it('cleans up at the next click when the browser never says printing ended', async () => {
    const sheetsBefore = document.adoptedStyleSheets.length;
    const el = await poster(
      await fixture<SppEngagements>(html`<spp-engagements disposition="affiche"></spp-engagements>`),
    );
    await el.imprimer();
    expect(document.adoptedStyleSheets.length).to.equal(sheetsBefore + 1);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(document.adoptedStyleSheets.length).to.equal(sheetsBefore);
    expect(el.hasAttribute('data-spp-impression')).to.equal(false);
  });

  it('reports a failed print without throwing', async () => {
    window.print = () => {
      throw new Error('printing is blocked here');
    };
    const sheetsBefore = document.adoptedStyleSheets.length;
    const el = await poster(
      await fixture<SppEngagements>(html`<spp-engagements disposition="affiche"></spp-engagements>`),
    );
    const errors = collectErrors(el);
    await el.imprimer();
    expect(errors.map((e) => [e.phase, e.message])).to.deep.equal([['impression', 'printing is blocked here']]);
    expect(document.adoptedStyleSheets.length).to.equal(sheetsBefore);
  });
});
