// configure() after the elements are on the page (an npm site that imports the elements,
// then sets its platform): the elements already shown switch to the platform.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import '../../elements/engagements/spp-engagements.js';
import '../../elements/oups-erreurs/spp-oups-erreurs.js';
import '../../elements/resultats/spp-resultats.js';
import type { SppResultatsChargesDetail } from '../../elements/resultats/spp-resultats.js';
import { configure, pageConfig } from './config.js';
import { observerState } from '../document-observer.js';
import { API_BASE, countFetches } from '../../test-support/platform.js';
import { waitFor } from '../../test-support/page.js';

const shadow = (el: Element) => el.shadowRoot!;

describe('configure() reaches the elements already on the page', () => {
  let before: string | undefined;
  beforeEach(() => {
    before = pageConfig().apiBase;
    configure({ apiBase: undefined });
  });
  afterEach(() => {
    configure({ apiBase: before });
    fixtureCleanup();
  });

  it('the avis button turns from the JDMA link into the questionnaire button', async () => {
    const el = await fixture(html`<spp-je-donne-mon-avis demarche="3842"></spp-je-donne-mon-avis>`);
    expect(shadow(el).querySelector('a.spp-bouton'), 'link without a platform').to.exist;
    configure({ apiBase: API_BASE });
    const bouton = shadow(el).querySelector('button.spp-bouton');
    expect(bouton, 'button once configured').to.exist;
    expect(bouton!.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(el.getAttribute('data-mode')).to.equal('modal');
    await expect(el).to.be.accessible();
  });

  it('<spp-oups-erreurs> leaves its « no platform » message and loads the errors', async () => {
    const el = await fixture(html`<spp-oups-erreurs></spp-oups-erreurs>`);
    expect(shadow(el).querySelectorAll('.fr-accordion')).to.have.length(0);
    configure({ apiBase: API_BASE });
    await waitFor(() => shadow(el).querySelectorAll('.fr-accordion').length === 36);
  });

  it('<spp-resultats> reads the platform instead of the open data', async () => {
    const el = await fixture(
      html`<spp-resultats structure="EX-CAF-33" opendata-base="${location.origin}/nulle-part"></spp-resultats>`,
    );
    const charges = new Promise<SppResultatsChargesDetail>((resolve) =>
      el.addEventListener('spp-resultats-charges', (e) =>
        resolve((e as CustomEvent<SppResultatsChargesDetail>).detail),
      ),
    );
    configure({ apiBase: API_BASE });
    expect((await charges).source).to.equal('plateforme');
  });

  it('<spp-engagements> asks the platform for its list', async () => {
    const el = await fixture(html`<spp-engagements></spp-engagements>`);
    await waitFor(() => shadow(el).querySelectorAll('[part~="engagement"]').length === 9);
    const requests = await countFetches('/v1/engagements', async () => {
      configure({ apiBase: API_BASE });
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(requests).to.equal(1);
  });

  it('an element with its own api-base keeps it', async () => {
    const el = await fixture(html`<spp-oups-erreurs api-base="${API_BASE}"></spp-oups-erreurs>`);
    await waitFor(() => shadow(el).querySelectorAll('.fr-accordion').length === 36);
    const requests = await countFetches('/v1/', async () => {
      configure({ apiBase: 'https://autre.example.gouv.fr/api' });
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    expect(requests).to.equal(0);
  });

  it('leaves nothing listening once the elements are gone', async () => {
    await fixture(html`<spp-je-donne-mon-avis demarche="3842"></spp-je-donne-mon-avis>`);
    expect(observerState().observing).to.equal(true);
    fixtureCleanup();
    expect(observerState()).to.deep.equal({ listeners: 0, observing: false });
  });
});
