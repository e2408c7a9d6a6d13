import { expect } from '@open-wc/testing';
import { apiFor } from '../../core/api/client.js';
import { API_BASE, failure } from '../../test-support/platform.js';
import { later } from '../../test-support/clock.js';
import { waitFor } from '../../test-support/page.js';
import { demanderFormulaire, prechargerFormulaire } from './definition.js';
import { formRequests } from './test-helpers.js';

// The button's prefetch and the questionnaire ask for the same form; whichever comes
// second must not ask again, also when the first one failed (a failure is not cached).

let serial = 0;
/** A form id the platform does not have (404), new for each test. */
const absent = () => `absent-definition-${++serial}`;

const client = () => apiFor({ apiBase: API_BASE })!;

/** Requests for form `id` that started after `since`, once their answers are in. */
async function requestsFor(id: string, since: number, expected: number): Promise<number> {
  const count = () => formRequests(id, since);
  await waitFor(() => count() >= expected).catch(() => undefined);
  // Long enough for an unexpected extra request to show.
  await new Promise((resolve) => setTimeout(resolve, 150));
  return count();
}

describe('the form, asked by the button and by the questionnaire', () => {
  it('a prefetch in flight answers the questionnaire', async () => {
    const id = absent();
    const start = performance.now();
    prechargerFormulaire(API_BASE, id);
    expect((await failure(demanderFormulaire(client(), id))).status).to.equal(404);
    expect(await requestsFor(id, start, 1)).to.equal(1);
  });

  it('a prefetch that failed a moment ago answers the questionnaire once; asking again (« Réessayer ») asks', async () => {
    const id = absent();
    const start = performance.now();
    prechargerFormulaire(API_BASE, id);
    expect(await requestsFor(id, start, 1)).to.equal(1);
    expect((await failure(demanderFormulaire(client(), id))).status).to.equal(404);
    expect(await requestsFor(id, start, 1), 'answered by the prefetch').to.equal(1);
    expect((await failure(demanderFormulaire(client(), id))).status).to.equal(404);
    expect(await requestsFor(id, start, 2), 'asked again').to.equal(2);
  });

  it('the prefetch does not ask when the questionnaire has just asked (its code arrived first)', async () => {
    const id = absent();
    const start = performance.now();
    await failure(demanderFormulaire(client(), id));
    prechargerFormulaire(API_BASE, id);
    expect(await requestsFor(id, start, 1)).to.equal(1);
  });

  it('a failure older than 5 s stands for nothing: the questionnaire and the next prefetch ask again', async () => {
    const id = absent();
    const start = performance.now();
    prechargerFormulaire(API_BASE, id);
    expect(await requestsFor(id, start, 1)).to.equal(1);
    await later(6000, () => failure(demanderFormulaire(client(), id)));
    expect(await requestsFor(id, start, 2), 'questionnaire').to.equal(2);
    await later(12_000, async () => prechargerFormulaire(API_BASE, id));
    expect(await requestsFor(id, start, 3), 'prefetch').to.equal(3);
  });

  it('a form that loaded is served from the cache: one request for the prefetch and every opening', async () => {
    const start = performance.now();
    prechargerFormulaire(API_BASE, 'root');
    expect(await requestsFor('root', start, 1)).to.equal(1);
    const first = await demanderFormulaire(client(), 'root');
    const second = await demanderFormulaire(client(), 'root');
    expect([first.source, second.source]).to.deep.equal(['cache', 'cache']);
    expect(first.data.id).to.equal('root');
    expect(await requestsFor('root', start, 1)).to.equal(1);
  });
});
