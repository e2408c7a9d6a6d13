// A fresh page whose markup holds the elements before the library's script runs: the
// script-tag use case. They must upgrade and then follow language changes.
import { expect } from '@open-wc/testing';
import { waitFor } from '../test-support/page.js';

const HTML_LANG = document.documentElement.getAttribute('lang');

describe('elements already in the page before the script loads', () => {
  let el: HTMLElement;

  before(async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<spp-bloc-marque id="preloaded" lien="https://www.example.gouv.fr/"></spp-bloc-marque>',
    );
    el = document.getElementById('preloaded')!;
    expect(customElements.get('spp-bloc-marque')).to.equal(undefined);
    await import('../elements/bloc-marque/spp-bloc-marque.js');
    await customElements.whenDefined('spp-bloc-marque');
  });

  after(() => {
    el.remove();
    if (HTML_LANG === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', HTML_LANG);
  });

  const label = () => el.shadowRoot?.querySelector('a')?.getAttribute('aria-label');

  it('upgrade, then re-render when <html lang> changes', async () => {
    await waitFor(() => label() === 'Accueil – République française');
    document.documentElement.setAttribute('lang', 'en');
    await waitFor(() => label() === 'Home – République française');
    document.documentElement.setAttribute('lang', 'fr');
    await waitFor(() => label() === 'Accueil – République française');
  });
});
