// The one API client of the page: every element asks it, so identical requests in flight
// are shared, responses are cached, and failures are retried with backoff.
import { ApiError } from './errors.js';
import { ResponseCache } from './cache.js';
import { request, DEFAULT_TIMEOUT_MS } from './http.js';
import type { Shape } from './shape.js';
import { resolveApiBase } from './config.js';

export interface GetOptions {
  /** The expected response shape (`~spp/api-schema/<Name>`). */
  shape: Shape;
  /** How long a response stays fresh, in ms. Stale data is still served, then refreshed. */
  ttl: number;
  /** Called when stale data that was served has been refreshed from the network. */
  onRefresh?: (fresh: Loaded<unknown>) => void;
  /** Timeout of each attempt (default 8 s). */
  timeoutMs?: number;
}

export interface Loaded<T> {
  data: T;
  /** When the data left the server (ms since epoch): show its age when `stale`. */
  fetchedAt: number;
  /** True when served from the cache past its freshness (revalidating, or the API is down). */
  stale: boolean;
  source: 'network' | 'cache';
}

export interface RetryPolicy {
  /** Attempts in all, including the first. */
  attempts: number;
  /** First delay; each retry doubles it, with ±50 % jitter. */
  baseDelayMs: number;
  /** A `Retry-After` longer than this ends the retries. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 400, maxDelayMs: 10_000 };

/** Exponential backoff with jitter, or the server's `Retry-After` when it gave one. */
export function retryDelay(attempt: number, policy: RetryPolicy, error?: ApiError): number {
  const asked = error?.details.retryAfterMs;
  if (asked !== undefined) return asked;
  const base = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.round(base * (0.5 + Math.random()));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ApiClient {
  private readonly inFlight = new Map<string, Promise<Loaded<unknown>>>();

  constructor(
    readonly base: string,
    private readonly cache = new ResponseCache(),
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  url(path: string): string {
    return `${this.base}${path}`;
  }

  /**
   * Fresh cache → served at once. Stale cache → served at once and refreshed in the
   * background (`onRefresh`). Nothing cached → fetched (shared with identical requests
   * in flight, retried on network errors, 5xx and 429; not after a timeout: a platform
   * that did not answer in `timeoutMs` would make the element wait that long again).
   */
  async get<T>(path: string, options: GetOptions): Promise<Loaded<T>> {
    const key = this.url(path);
    const cached = this.cache.read<T>(key, options.shape);
    const now = Date.now();
    // Fresh for ttl ms, not one more: ttl 0 always revalidates, even within the same millisecond.
    if (cached && now - cached.fetchedAt < options.ttl) {
      return { ...cached, stale: false, source: 'cache' };
    }
    if (cached) {
      this.fetchShared<T>(key, options).then(
        (fresh) => options.onRefresh?.(fresh),
        () => {
          // The API is down: the stale data already shown stays (stale-if-error).
        },
      );
      return { ...cached, stale: true, source: 'cache' };
    }
    return this.fetchShared<T>(key, options);
  }

  private fetchShared<T>(key: string, options: GetOptions): Promise<Loaded<T>> {
    let pending = this.inFlight.get(key) as Promise<Loaded<T>> | undefined;
    if (!pending) {
      pending = this.fetchWithRetry<T>(key, options).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async fetchWithRetry<T>(url: string, { shape, timeoutMs = DEFAULT_TIMEOUT_MS }: GetOptions) {
    for (let attempt = 1; ; attempt++) {
      try {
        const { data } = await request<T>(url, { shape, timeoutMs });
        const entry = { data, fetchedAt: Date.now() };
        this.cache.write(url, entry);
        return { ...entry, stale: false, source: 'network' } as Loaded<T>;
      } catch (error) {
        if (!(error instanceof ApiError) || !error.retryable || attempt >= this.retry.attempts) throw error;
        // Three 8 s timeouts kept <spp-resultats> on its loading box for 25 s before its fallback.
        if (error.kind === 'timeout') throw error;
        const delay = retryDelay(attempt, this.retry, error);
        if (delay > this.retry.maxDelayMs) throw error;
        await sleep(delay);
      }
    }
  }
}

const clients = new Map<string, ApiClient>();

/**
 * The page's shared client for an element's `api-base` (else the page setting), or
 * undefined when no platform is configured: the element then uses its public fallback.
 * Kept out of SppElement so elements that never call the API do not carry the client.
 */
export function apiFor(element: { apiBase?: string }): ApiClient | undefined {
  const base = resolveApiBase(element.apiBase);
  return base ? clientFor(base) : undefined;
}

/** The page's client for an API base (one per base, shared by every element). */
export function clientFor(base: string): ApiClient {
  let client = clients.get(base);
  if (!client) {
    client = new ApiClient(base);
    clients.set(base, client);
  }
  return client;
}
