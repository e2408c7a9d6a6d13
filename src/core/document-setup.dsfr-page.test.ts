// A fresh page that already runs DSFR (its CSS declares Marianne) before our code loads.
import { expect, fixture, html } from '@open-wc/testing';
import { DSFR_FULL_CSS, addStylesheet } from '../test-support/page.js';

describe('on a page that already declares Marianne', () => {
  before(async () => {
    await addStylesheet(DSFR_FULL_CSS);
    await import('../elements/bloc-marque/spp-bloc-marque.js');
  });

  it('declares no font face of its own, and uses the page’s Marianne', async () => {
    const pageFaces = [...document.fonts].filter((f) => f.family === 'Marianne').length;
    expect(pageFaces).to.be.greaterThan(0);
    const el = await fixture(html`<div>${[1, 2, 3].map(() => html`<spp-bloc-marque></spp-bloc-marque>`)}</div>`);
    expect([...document.fonts].filter((f) => f.family === 'Marianne')).to.have.length(pageFaces);
    const logo = el.querySelector('spp-bloc-marque')!.shadowRoot!.querySelector('.fr-logo')!;
    expect(getComputedStyle(logo).fontFamily).to.match(/^Marianne/);
  });
});
