import { expect } from '@open-wc/testing';
import { Outbox, type AvisCreation } from './outbox.js';
import { createStore } from './storage.js';
import { uuid } from './uuid.js';
import {
  API_BASE,
  MemoryStorage,
  injectedFaults,
  setFaults,
  storedAvis,
  uniqueDemarche,
  type FaultConfig,
} from '../../test-support/platform.js';

const creation = (demarche: string): AvisCreation => ({
  demarche,
  formulaire: 'root',
  bouton: 'test',
  reponses: [{ champ: 'satisfaction', optionId: 'good' }],
});
const etape2 = { reponses: [{ champ: 'comprehension', optionId: '4' }] };
const etape3 = {
  reponses: [
    { champ: 'contact_tried', optionId: 'telephone' },
    { champ: 'contact_reached', optionId: 'oui', parent: 'telephone' },
  ],
};
const etape4 = { reponses: [{ champ: 'verbatim', texte: 'Très clair, merci.' }] };

const fastOutbox = (storage = new MemoryStorage(), timeoutMs = 2000) =>
  new Outbox({ storage: createStore(storage), timeoutMs, baseDelayMs: 20, maxDelayMs: 400 });

/**
 * An offline period: the browser says it is offline and every request fails at the
 * network level. (Chromium's own offline emulation would also cut the test runner's
 * connection, so the network is cut on the server side.)
 */
const offlineDrops: Record<string, number>[] = [];
async function offlineFor(ms: number, faults: FaultConfig): Promise<void> {
  const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  offlineDrops.push(await setFaults({ rate: 1, kinds: ['drop'], paths: ['/api/v1/avis'] }));
  await new Promise((resolve) => setTimeout(resolve, ms));
  const during = await setFaults({ ...faults, seed: (faults.seed ?? 1) + offlineDrops.length });
  offlineDrops.push(Object.fromEntries(Object.entries(during).map(([k, v]) => [k === 'drop' ? 'offline-drop' : k, v])));
  delete (navigator as { onLine?: boolean }).onLine;
  Object.defineProperty(Navigator.prototype, 'onLine', onLine);
  window.dispatchEvent(new Event('online'));
}

function tally(parts: Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const part of parts) for (const [k, v] of Object.entries(part)) total[k] = (total[k] ?? 0) + v;
  return total;
}

async function until(condition: () => boolean | Promise<boolean>, timeout = 20_000): Promise<void> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > timeout) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Outbox (avis delivery)', () => {
  afterEach(() => setFaults());

  it('creates the avis at once, then completes it with the jeton', async () => {
    const demarche = uniqueDemarche('simple');
    const box = fastOutbox();
    const avis = uuid();
    expect(await box.create(API_BASE, avis, creation(demarche))).to.equal('sent');
    expect(await box.complete(API_BASE, avis, etape2)).to.equal('sent');
    const [stored, ...others] = await storedAvis(demarche);
    expect(others).to.deep.equal([]);
    expect(stored.cle).to.equal(avis);
    expect(stored.champs.sort()).to.deep.equal(['comprehension', 'satisfaction']);
  });

  it('a double click (the same avis twice) stores one avis', async () => {
    const demarche = uniqueDemarche('double');
    const box = fastOutbox();
    const avis = uuid();
    await Promise.all([box.create(API_BASE, avis, creation(demarche)), box.create(API_BASE, avis, creation(demarche))]);
    await box.create(API_BASE, avis, creation(demarche));
    expect(await storedAvis(demarche)).to.have.length(1);
  });

  it('API down: the avis is queued, then delivered once when the API is back', async () => {
    const demarche = uniqueDemarche('down');
    const box = fastOutbox();
    const avis = uuid();
    await setFaults({ rate: 1, kinds: ['503'], paths: ['/api/v1/avis'] });
    expect(await box.create(API_BASE, avis, creation(demarche))).to.equal('queued');
    expect(await box.complete(API_BASE, avis, etape2)).to.equal('queued');
    expect(box.state(avis)).to.equal('queued');
    expect(await storedAvis(demarche)).to.deep.equal([]);
    await setFaults();
    await box.retryNow();
    expect(box.state(avis)).to.equal('sent');
    const stored = await storedAvis(demarche);
    expect(stored).to.have.length(1);
    expect(stored[0].champs.sort()).to.deep.equal(['comprehension', 'satisfaction']);
  });

  it('survives a page reload: a new page with the same storage sends what was left', async () => {
    const demarche = uniqueDemarche('reload');
    const storage = new MemoryStorage();
    const avis = uuid();
    await setFaults({ rate: 1, kinds: ['drop'], paths: ['/api/v1/avis'] });
    expect(await fastOutbox(storage).create(API_BASE, avis, creation(demarche))).to.equal('queued');
    await setFaults();
    const nextPage = fastOutbox(storage);
    expect(nextPage.state(avis)).to.equal('queued');
    await nextPage.retryNow();
    expect(nextPage.state(avis)).to.equal('sent');
    expect(await storedAvis(demarche)).to.have.length(1);
  });

  it('a timeout after the platform stored the avis does not store it twice', async () => {
    const demarche = uniqueDemarche('late');
    const box = fastOutbox(new MemoryStorage(), 300);
    const avis = uuid();
    await setFaults({ rules: [{ match: '/api/v1/avis', kind: 'slow', method: 'POST' }], delayMs: 700 });
    expect(await box.create(API_BASE, avis, creation(demarche))).to.equal('queued');
    await until(() => box.pending() === 0);
    expect(box.state(avis)).to.equal('sent');
    expect(await storedAvis(demarche)).to.have.length(1);
  });

  it('an avis the platform refuses for good is reported as failed, not retried forever', async () => {
    const box = fastOutbox();
    const avis = uuid();
    const invalid = { ...creation(uniqueDemarche('refused')), reponses: [{ champ: 'satisfaction', optionId: 'nope' }] };
    expect(await box.create(API_BASE, avis, invalid)).to.equal('failed');
    expect(box.pending()).to.equal(0);
  });

  it('a later step never overtakes an earlier one waiting to be retried (it would be overwritten)', async () => {
    const demarche = uniqueDemarche('ordre');
    const box = fastOutbox();
    const avis = uuid();
    const smiley = (optionId: string) => ({ reponses: [{ champ: 'satisfaction', optionId }] });
    expect(await box.create(API_BASE, avis, creation(demarche))).to.equal('sent');
    const patches: string[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      if (init?.method === 'PATCH') patches.push(String(init.body).includes('medium') ? 'medium' : 'good');
      return original(input, init);
    };
    try {
      await setFaults({ rules: [{ match: '/api/v1/avis/', kind: '503', method: 'PATCH', times: 1 }] });
      // The usager changes the smiley twice: the first change fails once and waits to be retried.
      expect(await box.complete(API_BASE, avis, smiley('medium'))).to.equal('queued');
      await box.complete(API_BASE, avis, smiley('good'));
      await until(() => box.pending() === 0);
    } finally {
      window.fetch = original;
    }
    expect(patches).to.deep.equal(['medium', 'medium', 'good']);
  });

  it('while a POST waits to be retried, its queued PATCH does not keep the page busy', async () => {
    const demarche = uniqueDemarche('attente');
    let reads = 0;
    const storage = new (class extends MemoryStorage {
      override getItem(key: string) {
        reads += 1;
        return super.getItem(key);
      }
    })();
    const box = new Outbox({ storage: createStore(storage), timeoutMs: 2000, baseDelayMs: 1000, maxDelayMs: 1000 });
    const avis = uuid();
    await setFaults({ rules: [{ match: '/api/v1/avis', kind: '503', method: 'POST', times: 1 }] });
    expect(await box.create(API_BASE, avis, creation(demarche))).to.equal('queued');
    expect(await box.complete(API_BASE, avis, etape2)).to.equal('queued');
    reads = 0;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Waiting, the outbox reads nothing: before this was fixed, it spun on 0 ms timers (hundreds of reads).
    expect(reads).to.be.below(5);
    await until(() => box.pending() === 0, 5000);
    expect((await storedAvis(demarche))[0].champs.sort()).to.deep.equal(['comprehension', 'satisfaction']);
  });

  it('sends without Web Locks where the browser refuses them (a sandboxed iframe)', async () => {
    const demarche = uniqueDemarche('sans-verrou');
    const refused = { request: () => Promise.reject(new DOMException('opaque origin', 'SecurityError')) };
    Object.defineProperty(navigator, 'locks', { configurable: true, value: refused });
    try {
      const box = fastOutbox();
      const avis = uuid();
      expect(await box.create(API_BASE, avis, creation(demarche))).to.equal('sent');
      expect(await box.complete(API_BASE, avis, etape2)).to.equal('sent');
    } finally {
      delete (navigator as { locks?: unknown }).locks;
    }
    expect(await storedAvis(demarche)).to.have.length(1);
  });

  it('100 avis, 4 steps each, with 30 % of requests failing and offline periods: exactly 100 complete avis stored', async function () {
    this.timeout(180_000);
    const demarche = uniqueDemarche('faults');
    const storage = new MemoryStorage();
    let box = fastOutbox(storage, 600);
    const faults = {
      rate: 0.3,
      kinds: ['500', '503', '429', 'slow', 'drop', 'drop-after'],
      delayMs: 900,
      paths: ['/api/v1/avis'],
      seed: 2025,
    };
    await setFaults(faults);
    const ids = Array.from({ length: 100 }, () => uuid());
    let offlinePeriods = 0;
    let reloads = 0;
    for (const [i, avis] of ids.entries()) {
      // The usager answers step by step; the queue takes care of delivery.
      void box.create(API_BASE, avis, creation(demarche));
      void box.complete(API_BASE, avis, etape2);
      void box.complete(API_BASE, avis, etape3);
      void box.complete(API_BASE, avis, etape4);
      if (i % 25 === 10) {
        offlinePeriods += 1;
        await offlineFor(300, faults);
        void box.retryNow();
      }
      if (i % 40 === 39) {
        // Page reload mid-send: a new outbox over the same storage takes over.
        reloads += 1;
        box = fastOutbox(storage, 600);
        void box.retryNow();
      }
    }
    await until(async () => {
      await box.retryNow();
      return box.pending() === 0;
    }, 170_000);
    const injected = tally([...offlineDrops, await injectedFaults()]);
    await setFaults();
    const stored = await storedAvis(demarche);
    const complete = stored.filter((a) => a.champs.length === 5);
    console.log(
      `fault injection: ${ids.length} avis sent with ${Object.values(injected).reduce((a, b) => a + b, 0)} injected faults ` +
        `${JSON.stringify(injected)}, ${offlinePeriods} offline periods, ${reloads} reloads → ` +
        `${stored.length} avis stored, ${complete.length} complete, ${new Set(stored.map((a) => a.cle)).size} distinct keys`,
    );
    expect(stored).to.have.length(100);
    expect(new Set(stored.map((a) => a.cle))).to.deep.equal(new Set(ids));
    expect(complete).to.have.length(100);
    // satisfaction, comprehension, contact_tried, contact_reached, verbatim: once each.
    expect(stored.every((a) => a.reponses === 5)).to.equal(true);
  });
});
