// What usagers see when the errors cannot come from the platform. The order of these
// tests matters: the page's API client keeps what it fetched in memory, so the tests
// that need an empty cache come before the first successful load.
import { expect, fixture, html } from '@open-wc/testing';
import type { SppOupsErreurs } from './spp-oups-erreurs.js';
import './spp-oups-erreurs.js';
import { configure, pageConfig } from '../../core/api/config.js';
import { API_BASE, countFetches, injectedFaults, setFaults } from '../../test-support/platform.js';
import { waitFor } from '../../test-support/page.js';
import { later } from '../../test-support/clock.js';

const HOUR = 3600_000;
const CACHE = 'spp-widgets:cache:v1:';
const root = (el: SppOupsErreurs) => el.shadowRoot!;
/** Element assertions that report a description, never the element itself (whose
 * serialisation stalls the test runner's reporting of a failure). */
const describeNode = (node: Element | null) =>
  node ? `<${node.localName}${node.id ? `#${node.id}` : ''}> ${node.textContent!.trim().slice(0, 40)}` : 'nothing';
function absent(el: SppOupsErreurs, selector: string) {
  expect(describeNode(el.shadowRoot!.querySelector(selector)), selector).to.equal('nothing');
}
function present(el: SppOupsErreurs, selector: string) {
  expect(el.shadowRoot!.querySelector(selector) !== null, `${selector} present`).to.equal(true);
}
const $ = <T extends Element = HTMLElement>(el: SppOupsErreurs, selector: string) =>
  root(el).querySelector<T & Element>(selector)!;
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const accordions = (el: SppOupsErreurs) => root(el).querySelectorAll('.fr-accordion');

/** Polls the fault injector until `count` faults were injected. */
async function faultsInjected(count: number): Promise<void> {
  const start = performance.now();
  for (;;) {
    const injected = await injectedFaults();
    if (Object.values(injected).reduce((a, b) => a + b, 0) >= count) return;
    if (performance.now() - start > 8000) throw new Error(`only ${JSON.stringify(injected)} injected`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Collects the spp-error events that reach the document. */
function collectErrors(): { events: CustomEvent[]; stop: () => void } {
  const events: CustomEvent[] = [];
  const listener = (event: Event) => events.push(event as CustomEvent);
  document.addEventListener('spp-error', listener);
  return { events, stop: () => document.removeEventListener('spp-error', listener) };
}

/** An element whose data is in the cache (Date.now() must make it stale). */
async function stale(): Promise<SppOupsErreurs> {
  const el = await fixture<SppOupsErreurs>(html`<spp-oups-erreurs api-base=${API_BASE}></spp-oups-erreurs>`);
  await waitFor(() => accordions(el).length === 36);
  return el;
}

describe('<spp-oups-erreurs> fallbacks', function () {
  this.timeout(30_000);

  before(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith(CACHE)) localStorage.removeItem(key);
  });
  afterEach(() => setFaults());

  it('without any API configured, says where to find the errors: oups.gouv.fr', async () => {
    expect(pageConfig().apiBase).to.equal(undefined);
    let el!: SppOupsErreurs;
    const requests = await countFetches('/v1/oups/', async () => {
      el = await fixture<SppOupsErreurs>(html`<spp-oups-erreurs></spp-oups-erreurs>`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    expect(requests).to.equal(0);
    expect(text($(el, '.spp-message'))).to.contain(
      'Retrouvez les erreurs les plus fréquentes dans vos démarches, et nos conseils pour les éviter.',
    );
    const lien = $<HTMLAnchorElement>(el, '.spp-message a');
    expect(lien.href).to.equal('https://www.oups.gouv.fr/');
    expect(text(lien)).to.equal('Consulter les erreurs fréquentes sur oups.gouv.fr');
    absent(el, 'button');
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    el.lang = 'en';
    await waitFor(() => text(lien).startsWith('See the frequent mistakes'));
    await expect(el).to.be.accessible();
  });

  for (const kind of ['malformed', 'shape']) {
    it(`shows a message, a retry button and the oups.gouv.fr link when the API answers ${kind} data`, async () => {
      await setFaults({ rules: [{ match: '/v1/oups/', kind, times: 2 }] });
      const errors = collectErrors();
      try {
        const el = await fixture<SppOupsErreurs>(html`<spp-oups-erreurs api-base=${API_BASE}></spp-oups-erreurs>`);
        await waitFor(() => root(el).querySelector('.spp-message--echec') !== null, 5000);
        expect(text($(el, '.spp-message [role=status]'))).to.equal(
          'Les erreurs fréquentes ne peuvent pas être affichées pour le moment.',
        );
        expect(text($(el, '.spp-message button'))).to.equal('Réessayer');
        expect($<HTMLAnchorElement>(el, '.spp-message a').href).to.equal('https://www.oups.gouv.fr/');
        expect(errors.events).to.have.length(1);
        expect(errors.events[0].detail.phase).to.equal('load');
        expect(errors.events[0].target === el).to.equal(true);
      } finally {
        errors.stop();
      }
    });
  }

  it('API down, nothing cached: loading, then the failure message; « Réessayer » loads once the API is back', async () => {
    await setFaults({
      rules: [
        { match: '/v1/oups/evenements', kind: 'drop', times: 3 },
        { match: '/v1/oups/erreurs', kind: '503', times: 3 },
      ],
    });
    const el = await fixture<SppOupsErreurs>(html`<spp-oups-erreurs api-base=${API_BASE}></spp-oups-erreurs>`);
    // While the client retries, the usager sees that something is coming.
    expect(text($(el, '.spp-message--chargement [role=status]'))).to.equal('Chargement des erreurs fréquentes…');
    await expect(el).to.be.accessible();
    await waitFor(() => root(el).querySelector('.spp-message--echec') !== null, 8000);
    // The same live region says it, so screen readers hear the change.
    expect(text($(el, '.spp-message [role=status]'))).to.equal(
      'Les erreurs fréquentes ne peuvent pas être affichées pour le moment.',
    );
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await faultsInjected(6);

    await setFaults();
    $<HTMLButtonElement>(el, '.spp-message button').click();
    await waitFor(() => accordions(el).length === 36, 8000);
    absent(el, '.spp-message');
    absent(el, '.spp-date');
  });

  it('API down, data cached: shows the cached errors with their date', async () => {
    const fetchedAt = Math.min(
      ...['/v1/oups/evenements', '/v1/oups/erreurs'].map(
        (path) => (JSON.parse(localStorage.getItem(`${CACHE}${API_BASE}${path}`)!) as { fetchedAt: number }).fetchedAt,
      ),
    );
    await setFaults({ rules: [{ match: '/v1/oups/', kind: '503', times: 100 }] });
    // Two hours later, the cached data is stale: shown at once, and refreshed (which fails).
    const el = await later(2 * HOUR, stale);
    const date = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeStyle: 'short' }).format(fetchedAt);
    expect(text($(el, '.spp-date'))).to.equal(
      `Informations enregistrées le ${date} : elles n’ont pas pu être mises à jour pour le moment.`,
    );
    await faultsInjected(6);
    await el.updateComplete;
    expect(accordions(el)).to.have.length(36);
    present(el, '.spp-date');
    absent(el, '.spp-message');
    // Search still works, from the cache.
    const champ = $<HTMLInputElement>(el, 'input');
    champ.value = 'demenagement';
    champ.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(accordions(el)).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('stale cached data is replaced when the refresh arrives', async () => {
    // The refresh comes a little later than the cached data.
    await setFaults({ rules: [{ match: '/v1/oups/', kind: 'slow', times: 2 }], delayMs: 800 });
    const el = await later(2 * HOUR, stale);
    present(el, '.spp-date');
    await waitFor(() => $(el, '.spp-date') === null, 5000);
    expect(accordions(el)).to.have.length(36);
  });

  it('uses the page-level API setting when the element has no api-base', async () => {
    const before = pageConfig().apiBase;
    configure({ apiBase: API_BASE });
    try {
      const el = await fixture<SppOupsErreurs>(html`<spp-oups-erreurs></spp-oups-erreurs>`);
      await waitFor(() => accordions(el).length === 36);
    } finally {
      configure({ apiBase: before });
    }
  });

  it('renders every API string as text, and only http(s) URLs as links', async () => {
    const base = `${location.origin}/api-hostile`;
    const now = Date.now();
    const evenements = {
      evenements: [
        { id: 'x', libelle: '<b>Événement</b>', public: 'particulier', nombreErreurs: 1, exemple: false },
        { id: 'y', libelle: 'Autre', public: 'particulier', nombreErreurs: 1, exemple: false },
        { id: 'z', libelle: 'Sans erreur', public: 'particulier', nombreErreurs: 0, exemple: false },
      ],
    };
    const erreurs = {
      erreurs: [
        {
          id: 'piege',
          titre: '<img src=x onerror="window.__pwned = true">Titre',
          description: '<script>window.__pwned = true</script>',
          conseils: ['<a href="javascript:alert(1)">conseil</a>'],
          evenement: 'x',
          administrations: [{ nom: 'Administration', url: 'javascript:window.__pwned=true' }],
          liens: [{ titre: 'Donnée', url: 'data:text/html,<script>alert(1)</script>' }],
          miseAJour: 'pas une date',
          exemple: false,
        },
        {
          id: 'autre',
          titre: 'Autre',
          description: 'Autre',
          conseils: [],
          evenement: 'y',
          administrations: [],
          liens: [],
          miseAJour: '2025-01-01',
          exemple: false,
        },
      ],
    };
    localStorage.setItem(`${CACHE}${base}/v1/oups/evenements`, JSON.stringify({ data: evenements, fetchedAt: now }));
    localStorage.setItem(`${CACHE}${base}/v1/oups/erreurs`, JSON.stringify({ data: erreurs, fetchedAt: now }));
    const el = await fixture<SppOupsErreurs>(html`<spp-oups-erreurs api-base=${base}></spp-oups-erreurs>`);
    await waitFor(() => accordions(el).length === 2);
    $<HTMLButtonElement>(el, '.fr-accordion__btn').click();
    await el.updateComplete;
    const panneau = $(el, '.fr-collapse');
    expect(text($(el, '.fr-accordion__btn'))).to.equal('<img src=x onerror="window.__pwned = true">Titre');
    expect(root(el).querySelectorAll('img, script, b')).to.have.length(0);
    expect(panneau.querySelectorAll('a')).to.have.length(0);
    expect(text(panneau)).to.contain('Administration');
    expect(text(panneau)).to.contain('Donnée');
    expect(text($(el, '.spp-maj'))).to.equal('Mis à jour le pas une date');
    expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
    // An événement without errors has no tag.
    expect([...root(el).querySelectorAll('.fr-tag')].map(text)).to.deep.equal(['<b>Événement</b> (1)', 'Autre (1)']);
  });
});
