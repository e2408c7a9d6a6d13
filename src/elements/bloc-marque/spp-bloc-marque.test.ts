import { expect, fixture, html } from '@open-wc/testing';
import { SppBlocMarque, intituleLines } from './spp-bloc-marque.js';
import { DSFR_FULL_CSS, addPageCss, addStylesheet, setHtmlAttribute, settle } from '../../test-support/page.js';

const shadow = (el: Element) => el.shadowRoot!;
const logo = (el: Element) => shadow(el).querySelector<HTMLElement>('.fr-logo')!;

describe('<spp-bloc-marque>', () => {
  it('shows « République française » by default, with the Marianne and the devise as inline SVG', async () => {
    const el = await fixture<SppBlocMarque>(html`<spp-bloc-marque></spp-bloc-marque>`);
    expect(logo(el).textContent!.replace(/\s+/g, '')).to.equal('Républiquefrançaise');
    expect(logo(el).querySelectorAll('br')).to.have.length(1);
    expect(logo(el).querySelector('svg.spp-marianne path')).to.exist;
    expect(logo(el).querySelector('svg.spp-devise use')).to.exist;
    expect(getComputedStyle(logo(el)).textTransform).to.equal('uppercase');
    await expect(el).to.be.accessible();
  });

  it('renders the ministry title on the given lines, as text', async () => {
    const el = await fixture<SppBlocMarque>(
      html`<spp-bloc-marque ministere=${'Ministère\nde l’Intérieur <b>x</b>'}></spp-bloc-marque>`,
    );
    expect(logo(el).querySelectorAll('br')).to.have.length(1);
    expect(logo(el).querySelector('b')).to.equal(null);
    expect(logo(el).textContent).to.contain('de l’Intérieur <b>x</b>');
  });

  it('splits titles on real line breaks and on a typed \\n', () => {
    expect(intituleLines('Ministère\nde la Culture')).to.deep.equal(['Ministère', 'de la Culture']);
    expect(intituleLines('Ministère\\nde la Culture')).to.deep.equal(['Ministère', 'de la Culture']);
    expect(intituleLines('  \n ')).to.deep.equal([]);
  });

  it('shows the operator logo with its text alternative, only from http(s) URLs', async () => {
    const el = await fixture<SppBlocMarque>(
      html`<spp-bloc-marque
        logo-src="/node_modules/@gouvfr/dsfr/dist/favicon/favicon.svg"
        logo-alt="Caisse d’allocations familiales"
      ></spp-bloc-marque>`,
    );
    const img = shadow(el).querySelector('img')!;
    expect(img.src).to.equal(new URL('/node_modules/@gouvfr/dsfr/dist/favicon/favicon.svg', location.href).href);
    expect(img.alt).to.equal('Caisse d’allocations familiales');
    for (const bad of ['javascript:alert(1)', 'data:image/svg+xml,<svg/>', 'blob:x']) {
      el.logoSrc = bad;
      await el.updateComplete;
      expect(shadow(el).querySelector('img'), bad).to.equal(null);
    }
  });

  it('becomes a link only for an http(s) URL, with a name that says where it goes', async () => {
    const el = await fixture<SppBlocMarque>(
      html`<spp-bloc-marque lien="https://www.example.gouv.fr/"></spp-bloc-marque>`,
    );
    const a = shadow(el).querySelector('a')!;
    expect(a.href).to.equal('https://www.example.gouv.fr/');
    expect(a.getAttribute('aria-label')).to.equal('Accueil – République française');
    await expect(el).to.be.accessible();
    el.lien = 'javascript:alert(1)';
    await el.updateComplete;
    expect(shadow(el).querySelector('a')).to.equal(null);
  });

  it('renders nothing with marque="neutre"', async () => {
    const el = await fixture<SppBlocMarque>(html`<spp-bloc-marque marque="neutre"></spp-bloc-marque>`);
    expect(shadow(el).querySelector('.fr-logo')).to.equal(null);
  });

  it('is accessible in light and dark, and its devise follows the theme', async () => {
    const el = await fixture<SppBlocMarque>(
      html`<spp-bloc-marque ministere="Ministère de l'Exemple"></spp-bloc-marque>`,
    );
    const devise = () => getComputedStyle(shadow(el).querySelector('.spp-devise')!).fill;
    expect(el.getAttribute('data-fr-theme')).to.equal('light');
    expect(devise()).to.equal('rgb(0, 0, 0)');
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('data-fr-theme')).to.equal('dark');
    expect(devise()).to.equal('rgb(255, 255, 255)');
    await expect(el).to.be.accessible();
  });

  it('turns the flag black in national mourning, following <html data-fr-mourning>', async () => {
    const el = await fixture<SppBlocMarque>(html`<spp-bloc-marque></spp-bloc-marque>`);
    const flag = () => getComputedStyle(shadow(el).querySelector('.spp-marianne__bleu')!).fill;
    expect(flag()).to.equal('rgb(0, 0, 145)');
    const restore = setHtmlAttribute('data-fr-mourning', '');
    try {
      await settle();
      expect(el.hasAttribute('data-fr-mourning')).to.equal(true);
      expect(flag()).to.equal('rgb(0, 0, 0)');
    } finally {
      restore();
    }
    await settle();
    expect(flag()).to.equal('rgb(0, 0, 145)');
  });

  describe('on hostile and DSFR host pages', () => {
    const measure = (el: SppBlocMarque) => {
      const box = logo(el).getBoundingClientRect();
      const style = getComputedStyle(logo(el));
      return {
        width: Math.round(box.width * 10) / 10,
        height: Math.round(box.height * 10) / 10,
        fontSize: style.fontSize,
        lineHeight: style.lineHeight,
        color: style.color,
        fontFamily: style.fontFamily,
        letterSpacing: style.letterSpacing,
      };
    };

    it('keeps its size under html { font-size: 62.5% } (the rem trap)', async () => {
      const el = await fixture<SppBlocMarque>(html`<spp-bloc-marque></spp-bloc-marque>`);
      const normal = measure(el);
      const restore = addPageCss('html { font-size: 62.5% }');
      try {
        expect(getComputedStyle(document.documentElement).fontSize).to.equal('10px');
        expect(measure(el)).to.deep.equal(normal);
      } finally {
        restore();
      }
    });

    it('does not inherit the host page’s colour, line-height or letter-spacing', async () => {
      const el = await fixture<SppBlocMarque>(html`<spp-bloc-marque></spp-bloc-marque>`);
      const normal = measure(el);
      const restore = addPageCss(
        'body { color: rgb(200, 0, 0); line-height: 3; letter-spacing: 4px; font-family: "Comic Sans MS", cursive; text-transform: lowercase; }',
      );
      try {
        expect(measure(el)).to.deep.equal(normal);
      } finally {
        restore();
      }
    });

    it('computes the same colours and font on a page with the full DSFR', async () => {
      const el = await fixture<SppBlocMarque>(html`<spp-bloc-marque></spp-bloc-marque>`);
      const withoutDsfr = measure(el);
      expect(withoutDsfr.fontFamily).to.match(/^Marianne/);
      const remove = await addStylesheet(DSFR_FULL_CSS);
      try {
        expect(getComputedStyle(document.body).fontFamily).to.match(/^Marianne/);
        expect(measure(el)).to.deep.equal(withoutDsfr);
      } finally {
        remove();
      }
    });
  });
});
