// The avis outbox against a platform that answers outside the contract: a jeton (or id) that
// cannot travel in a request (line breaks, characters beyond Latin-1, markup). The PATCH can
// then never be sent; the outbox must say so (`failed`) instead of retrying for ever.
import { expect } from '@open-wc/testing';
import { Outbox } from '../../src/core/api/outbox.js';
import { createStore } from '../../src/core/api/storage.js';
import { uuid } from '../../src/core/api/uuid.js';
import { MemoryStorage } from '../../src/test-support/platform.js';
import { N, lirePlan } from './harness.js';

const creation = {
  demarche: 'xss-demarche',
  formulaire: 'root',
  reponses: [{ champ: 'satisfaction', optionId: 'good' }],
};

describe('outbox: receipts outside the contract', function () {
  this.timeout(30_000);

  it('gives up at once on a jeton that no request can carry, for every hostile jeton', async () => {
    let essayes = 0;
    for (let v = 0; v < N; v++) {
      const plan = await lirePlan(`t${v}`);
      const jeton = (plan.documents['POST /v1/avis'] as { jeton: string }).jeton;
      // Only the jetons a Headers object refuses: the others are sent, and refused by the server.
      try {
        new Headers({ Authorization: `Bearer ${jeton}` });
        continue;
      } catch {
        essayes += 1;
      }
      const box = new Outbox({
        storage: createStore(new MemoryStorage()),
        baseDelayMs: 50,
        maxDelayMs: 100,
        timeoutMs: 2000,
      });
      const avis = uuid();
      const base = `${location.origin}/xss/t${v}`;
      expect(await box.create(base, avis, creation), `t${v} POST`).to.equal('sent');
      const etat = await box.complete(base, avis, { reponses: [{ champ: 'comprehension', optionId: '4' }] });
      expect(etat, `t${v}: jeton ${JSON.stringify(jeton)}`).to.equal('failed');
      expect(box.pending(), `t${v}: nothing left to retry`).to.equal(0);
    }
    expect(essayes).to.be.greaterThan(5);
  });
});
