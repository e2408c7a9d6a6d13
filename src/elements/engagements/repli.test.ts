// The platform fails: the element shows the bundled official list. These tests talk to the
// page's own /api (same origin, so each fault reaches the client as it is) and run in
// their own page: the API client keeps successful responses in memory, so no test here
// may succeed before a faulty one (the slow ones, which end in a success, run last).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { SppEngagements } from './spp-engagements.js';
import './spp-engagements.js';
import { piliersSeed } from './fixtures/seed.js';
import { collectErrors, loaded, read, shadow } from './fixtures/helpers.js';
import { API_BASE, injectedFaults, setFaults } from '../../test-support/platform.js';
import { ApiError } from '../../core/api/errors.js';
import { waitFor } from '../../test-support/page.js';

const titleVisibility = (el: SppEngagements) => getComputedStyle(shadow(el).querySelector('.spp-titre')!).visibility;

describe('<spp-engagements> when the platform fails', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => setFaults());

  const cases = [
    { kind: '503', times: 3, error: 'http' },
    { kind: 'malformed', times: 1, error: 'malformed' },
    { kind: 'shape', times: 1, error: 'shape' },
    // Chromium itself retries a GET whose connection was reset: more drops than attempts.
    { kind: 'drop', times: 9, error: 'network' },
  ];
  for (const { kind, times, error } of cases) {
    it(`shows the bundled official list when the platform answers ${kind}, and tells only the page`, async () => {
      await setFaults({ rules: [{ match: '/v1/engagements', kind, times }] });
      const el = await fixture<SppEngagements>(html`<spp-engagements api-base=${API_BASE}></spp-engagements>`);
      const errors = collectErrors(el);
      await loaded(el);
      expect(read(el)).to.deep.equal(piliersSeed());
      const injected = await injectedFaults();
      expect(Object.keys(injected)).to.deep.equal([kind]);
      expect(injected[kind]).to.be.within(kind === 'drop' ? 3 : times, times);
      expect(errors.map((e) => e.phase)).to.deep.equal(['engagements']);
      expect(errors[0].error).to.be.instanceOf(ApiError);
      expect((errors[0].error as ApiError).kind).to.equal(error);
      // Nothing alarming for the usager: the official list and no error message.
      expect(shadow(el).querySelector('.spp-indisponible')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('emits a typed spp-error that bubbles out of the element', async () => {
    await setFaults({ rules: [{ match: '/v1/engagements', kind: '500', times: 3 }] });
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('spp-engagements');
    el.apiBase = API_BASE;
    const event = oneEvent(wrapper, 'spp-error');
    wrapper.append(el);
    const { detail } = await event;
    expect(detail.phase).to.equal('engagements');
    expect(detail.message).to.contain('500');
    await loaded(el);
  });

  it('reports an unknown structure and keeps « République française » on the poster', async () => {
    await setFaults({ rules: [{ match: '/v1/engagements', kind: '503', times: 3 }] });
    const el = await fixture<SppEngagements>(
      html`<spp-engagements disposition="affiche" api-base=${API_BASE} structure="INCONNUE"></spp-engagements>`,
    );
    const errors = collectErrors(el);
    await loaded(el);
    await el.updateComplete;
    const bloc = shadow(el).querySelector('spp-bloc-marque')!;
    await bloc.updateComplete;
    expect(bloc.shadowRoot!.querySelector('.fr-logo')!.textContent!.replace(/\s+/g, '')).to.contain(
      'Républiquefrançaise',
    );
    expect(errors.map((e) => e.phase).sort()).to.deep.equal(['engagements', 'structure']);
    expect((errors.find((e) => e.phase === 'structure')!.error as ApiError).status).to.equal(404);
  });

  it('shows the bundled list meanwhile when the platform is slow', async () => {
    await setFaults({ rules: [{ match: '/v1/engagements', kind: 'slow', times: 1 }], delayMs: 4500 });
    const start = performance.now();
    const el = await fixture<SppEngagements>(html`<spp-engagements api-base=${API_BASE}></spp-engagements>`);
    const errors = collectErrors(el);
    // Meanwhile the title waits with the reserved list: drawn before Marianne, it would move.
    expect(shadow(el).querySelector('.spp-attente')).to.not.equal(null);
    expect(titleVisibility(el)).to.equal('hidden');
    // Shown after at most 3 s of waiting, before the platform's answer (4.5 s).
    await loaded(el, 4400);
    expect(performance.now() - start).to.be.lessThan(4400);
    expect(read(el)).to.deep.equal(piliersSeed());
    expect(titleVisibility(el)).to.equal('visible');
    expect(errors).to.deep.equal([]);
  });

  it('keeps the poster title hidden with the reserved list too, then shows both', async () => {
    // Another origin: the list from the page's own API is in the client's cache by now.
    await setFaults({ rules: [{ match: '/v1/engagements', kind: 'slow', times: 1 }], delayMs: 2000 });
    const el = await fixture<SppEngagements>(
      html`<spp-engagements
        disposition="affiche"
        api-base=${`http://127.0.0.2:${location.port}/api`}
      ></spp-engagements>`,
    );
    // Once the poster's module is there (before it: the reserved box alone).
    await waitFor(() => !!shadow(el).querySelector('.spp-affiche .spp-titre'));
    expect(shadow(el).querySelector('.spp-attente'), 'list still loading').to.not.equal(null);
    expect(titleVisibility(el)).to.equal('hidden');
    await loaded(el, 4400);
    expect(titleVisibility(el)).to.equal('visible');
  });
});
