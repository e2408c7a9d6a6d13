import { expect } from '@open-wc/testing';
import engagementsShape from '~spp/api-schema/ListeEngagements';
import structureShape from '~spp/api-schema/Structure';
import { ApiClient, DEFAULT_RETRY } from './client.js';
import { ResponseCache } from './cache.js';
import { createStore } from './storage.js';
import { resolveApiBase, configure, pageConfig } from './config.js';
import {
  API_BASE,
  MemoryStorage,
  ThrowingStorage,
  countFetches,
  failure,
  setFaults,
} from '../../test-support/platform.js';

const HOUR = 3600_000;
const noRetry = { ...DEFAULT_RETRY, attempts: 1 };
const freshClient = (storage: Storage = new MemoryStorage(), retry = DEFAULT_RETRY) =>
  new ApiClient(API_BASE, new ResponseCache(createStore(storage)), retry);

describe('API client', () => {
  afterEach(() => setFaults());

  it('reads the engagements from the platform and checks their shape', async () => {
    const result = await freshClient().get<{ engagements: unknown[] }>('/v1/engagements', {
      shape: engagementsShape,
      ttl: HOUR,
    });
    expect(result.source).to.equal('network');
    expect(result.stale).to.equal(false);
    expect(result.data.engagements).to.have.length(9);
  });

  it('10 concurrent identical GETs make one network request', async () => {
    const client = freshClient();
    let results: unknown[] = [];
    const count = await countFetches('/v1/engagements', async () => {
      results = await Promise.all(
        Array.from({ length: 10 }, () => client.get('/v1/engagements', { shape: engagementsShape, ttl: HOUR })),
      );
    });
    console.log(`10 concurrent identical GETs → ${count} network request(s)`);
    expect(count).to.equal(1);
    expect(new Set(results.map((r) => (r as { data: unknown }).data)).size).to.equal(1);
  });

  describe('typed errors', () => {
    it('malformed JSON → malformed', async () => {
      await setFaults({ rules: [{ match: '/v1/engagements', kind: 'malformed' }] });
      const error = await failure(
        freshClient(undefined, noRetry).get('/v1/engagements', { shape: engagementsShape, ttl: HOUR }),
      );
      expect(error.kind).to.equal('malformed');
      expect(error.retryable).to.equal(false);
    });

    it('JSON of the wrong shape → shape, naming what is wrong', async () => {
      await setFaults({ rules: [{ match: '/v1/engagements', kind: 'shape' }] });
      const error = await failure(
        freshClient(undefined, noRetry).get('/v1/engagements', { shape: engagementsShape, ttl: HOUR }),
      );
      expect(error.kind).to.equal('shape');
      expect(error.message).to.contain('$.version: missing');
    });

    it('404 → http 404 with the RFC 9457 problem', async () => {
      const error = await failure(freshClient().get('/v1/structures/INCONNUE-0', { shape: structureShape, ttl: HOUR }));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(404);
      expect(error.problem?.status).to.equal(404);
      expect(error.retryable).to.equal(false);
    });

    it('429 → http 429 with its Retry-After, retryable', async () => {
      await setFaults({ rules: [{ match: '/v1/engagements', kind: '429' }] });
      const error = await failure(
        freshClient(undefined, noRetry).get('/v1/engagements', { shape: engagementsShape, ttl: HOUR }),
      );
      expect([error.kind, error.status, error.details.retryAfterMs, error.retryable]).to.deep.equal([
        'http',
        429,
        1000,
        true,
      ]);
    });

    it('no answer in time → timeout', async () => {
      await setFaults({ rules: [{ match: '/v1/engagements', kind: 'slow' }], delayMs: 800 });
      const error = await failure(
        freshClient(undefined, noRetry).get('/v1/engagements', { shape: engagementsShape, ttl: HOUR, timeoutMs: 200 }),
      );
      expect(error.kind).to.equal('timeout');
    });

    it('connection dropped → network', async () => {
      await setFaults({ rules: [{ match: '/v1/engagements', kind: 'drop' }] });
      const error = await failure(
        freshClient(undefined, noRetry).get('/v1/engagements', { shape: engagementsShape, ttl: HOUR }),
      );
      expect(error.kind).to.equal('network');
    });
  });

  it('retries 5xx, dropped connections and 429 (after Retry-After) until it succeeds', async () => {
    await setFaults({
      rules: [
        { match: '/v1/engagements', kind: '503' },
        { match: '/v1/engagements', kind: 'drop' },
      ],
    });
    const client = new ApiClient(API_BASE, new ResponseCache(createStore(new MemoryStorage())), {
      attempts: 3,
      baseDelayMs: 10,
      maxDelayMs: 2000,
    });
    const result = await client.get<{ engagements: unknown[] }>('/v1/engagements', {
      shape: engagementsShape,
      ttl: HOUR,
    });
    expect(result.data.engagements).to.have.length(9);
    await setFaults({ rules: [{ match: '/v1/engagements', kind: '429' }] });
    const started = performance.now();
    await freshClient().get('/v1/engagements', { shape: engagementsShape, ttl: HOUR });
    expect(performance.now() - started).to.be.greaterThan(900);
  });

  it('does not retry after a timeout: a platform that hangs gets the fallback shown after one timeout', async () => {
    await setFaults({ rules: [{ match: '/v1/engagements', kind: 'slow', times: 3 }], delayMs: 1500 });
    const client = new ApiClient(API_BASE, new ResponseCache(createStore(new MemoryStorage())), {
      attempts: 3,
      baseDelayMs: 10,
      maxDelayMs: 2000,
    });
    const original = window.fetch;
    let requests = 0;
    window.fetch = (input, init) => {
      requests += 1;
      return original(input, init);
    };
    const started = performance.now();
    try {
      const error = await failure(
        client.get('/v1/engagements', { shape: engagementsShape, ttl: HOUR, timeoutMs: 300 }),
      );
      expect(error.kind).to.equal('timeout');
    } finally {
      window.fetch = original;
    }
    expect(requests).to.equal(1);
    expect(performance.now() - started).to.be.below(1000);
  });

  describe('cache', () => {
    it('serves fresh data from the cache without a request', async () => {
      const storage = new MemoryStorage();
      await freshClient(storage).get('/v1/engagements', { shape: engagementsShape, ttl: HOUR });
      const count = await countFetches('/v1/engagements', async () => {
        const again = await freshClient(storage).get('/v1/engagements', { shape: engagementsShape, ttl: HOUR });
        expect(again.source).to.equal('cache');
      });
      expect(count).to.equal(0);
    });

    it('serves stale data at once and refreshes it in the background', async () => {
      const storage = new MemoryStorage();
      // Both reads in the same millisecond: ttl 0 must still mean stale.
      const realNow = Date.now;
      const frozen = realNow();
      Date.now = () => frozen;
      let first, stale;
      let refreshed: { fetchedAt: number } | undefined;
      try {
        first = await freshClient(storage).get('/v1/engagements', { shape: engagementsShape, ttl: HOUR });
        stale = await freshClient(storage).get('/v1/engagements', {
          shape: engagementsShape,
          ttl: 0,
          onRefresh: (fresh) => (refreshed = fresh),
        });
      } finally {
        Date.now = realNow;
      }
      expect([stale.stale, stale.source, stale.fetchedAt]).to.deep.equal([true, 'cache', frozen]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(refreshed?.fetchedAt).to.be.greaterThan(first.fetchedAt - 1);
    });

    it('keeps serving the cached data, with its age, when the API is down', async () => {
      const storage = new MemoryStorage();
      const first = await freshClient(storage).get('/v1/engagements', { shape: engagementsShape, ttl: HOUR });
      await setFaults({ rate: 1, kinds: ['503'] });
      let refreshed = false;
      const stale = await freshClient(storage, noRetry).get<{ engagements: unknown[] }>('/v1/engagements', {
        shape: engagementsShape,
        ttl: 0,
        onRefresh: () => (refreshed = true),
      });
      expect(stale.stale).to.equal(true);
      expect(stale.fetchedAt).to.equal(first.fetchedAt);
      expect(stale.data.engagements).to.have.length(9);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(refreshed).to.equal(false);
    });

    it('fails with a typed error when the API is down and nothing is cached', async () => {
      await setFaults({ rate: 1, kinds: ['503'] });
      const error = await failure(
        freshClient(undefined, noRetry).get('/v1/engagements', { shape: engagementsShape, ttl: HOUR }),
      );
      expect([error.kind, error.status]).to.deep.equal(['http', 503]);
    });

    it('discards cached entries that no longer have the expected shape', async () => {
      const storage = new MemoryStorage();
      storage.setItem(
        `spp-widgets:cache:v1:${API_BASE}/v1/engagements`,
        JSON.stringify({ fetchedAt: Date.now(), data: { x: 1 } }),
      );
      const result = await freshClient(storage).get('/v1/engagements', { shape: engagementsShape, ttl: HOUR });
      expect(result.source).to.equal('network');
    });

    it('works when storage throws on every access', async () => {
      const client = freshClient(new ThrowingStorage());
      const first = await client.get('/v1/engagements', { shape: engagementsShape, ttl: HOUR });
      const second = await client.get('/v1/engagements', { shape: engagementsShape, ttl: HOUR });
      expect([first.source, second.source]).to.deep.equal(['network', 'cache']);
    });
  });

  describe('API base', () => {
    afterEach(() => delete pageConfig().apiBase);

    it('takes the element’s attribute, else the page setting, else none', () => {
      expect(resolveApiBase(undefined)).to.equal(undefined);
      configure({ apiBase: 'https://www.example.gouv.fr/api/' });
      expect(resolveApiBase(undefined)).to.equal('https://www.example.gouv.fr/api');
      expect(resolveApiBase('/api')).to.equal(`${location.origin}/api`);
    });

    it('refuses anything but https: and the loopback over http:', () => {
      const warn = console.warn;
      console.warn = () => {};
      try {
        expect(resolveApiBase('http://example.gouv.fr/api')).to.equal(undefined);
        expect(resolveApiBase('javascript:alert(1)')).to.equal(undefined);
        expect(resolveApiBase('http://127.0.0.1:8787')).to.equal('http://127.0.0.1:8787');
        expect(resolveApiBase('http://localhost:8787/api')).to.equal('http://localhost:8787/api');
      } finally {
        console.warn = warn;
      }
    });
  });
});
