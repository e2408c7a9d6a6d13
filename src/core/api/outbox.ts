// Avis are never lost: every POST and PATCH goes through this persisted queue. An avis's
// client UUID is its Idempotency-Key, so sending again (after a timeout, a dropped
// connection, a reload, another tab) can never store it twice. An avis's requests go one
// after the other, in the order they were made: PATCHes wait for their POST (they need its
// id and jeton), and a later step never overtakes an earlier one that is waiting to be
// retried (the earlier answers would overwrite the newer ones). The queue is flushed at
// once, on `online`, on the next page load, and with backoff after failures.
import type { components } from '../../generated/api.js';
import aviCreeShape from '~spp/api-schema/AvisCree';
import avisModifieShape from '~spp/api-schema/AvisModifie';
import { ApiError } from './errors.js';
import { request } from './http.js';
import { store, type KeyValueStore } from './storage.js';
import { uuid } from './uuid.js';

export type AvisCreation = components['schemas']['AvisCreation'];
export type AvisComplement = components['schemas']['AvisComplement'];
type AvisCree = components['schemas']['AvisCree'];

/** Where an avis stands: all sent, waiting in the queue, or refused by the platform. */
export type DeliveryState = 'sent' | 'queued' | 'failed';

interface QueuedRequest {
  /** Unique per request; for a POST it is the avis UUID (the Idempotency-Key). */
  key: string;
  avis: string;
  base: string;
  method: 'POST' | 'PATCH';
  body: AvisCreation | AvisComplement;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
}

interface Receipt extends AvisCree {
  receivedAt: number;
}

interface OutboxState {
  queue: QueuedRequest[];
  receipts: Record<string, Receipt>;
  /** Avis with a request the platform refused for good (4xx): kept to report it. */
  refused: Record<string, { status?: number; at: number }>;
}

export interface OutboxOptions {
  storage?: KeyValueStore;
  /** Timeout of each send (default 10 s). */
  timeoutMs?: number;
  /** First retry delay; doubles each time up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
}

const STORAGE_KEY = 'spp-widgets:outbox:v1';
/** PATCH is accepted for one hour after creation: receipts are useless after that. */
const RECEIPT_LIFETIME_MS = 2 * 3600 * 1000;

export class Outbox extends EventTarget {
  private readonly storage: KeyValueStore;
  private readonly timeoutMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;
  private flushing: Promise<void> | undefined;
  private nextPass: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: OutboxOptions = {}) {
    super();
    this.storage = options.storage ?? store();
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Queues the creation of an avis (its first answers); resolves once a first send was tried. */
  create(base: string, avis: string, body: AvisCreation): Promise<DeliveryState> {
    return this.enqueue({ key: avis, avis, base, method: 'POST', body });
  }

  /** Queues more answers of an avis (a later step); resolves once a first send was tried. */
  complete(base: string, avis: string, body: AvisComplement): Promise<DeliveryState> {
    return this.enqueue({ key: uuid(), avis, base, method: 'PATCH', body });
  }

  state(avis: string): DeliveryState {
    const state = this.read();
    if (state.refused[avis]) return 'failed';
    return state.queue.some((item) => item.avis === avis) ? 'queued' : 'sent';
  }

  /** Requests still waiting, all avis together. */
  pending(): number {
    return this.read().queue.length;
  }

  /**
   * Sends everything that is due. A call during a pass gets the next pass, so what it
   * queued is always tried before its promise resolves.
   */
  flush(): Promise<void> {
    if (this.flushing) {
      this.nextPass ??= this.flushing.then(() => {
        this.nextPass = undefined;
        return this.flush();
      });
      return this.nextPass;
    }
    this.flushing = this.withLock(() => this.sendDue()).finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /** The network came back, or a new page took over the queue: everything is due now. */
  retryNow(): Promise<void> {
    this.update((state) => state.queue.forEach((item) => (item.nextAttemptAt = 0)));
    return this.flush();
  }

  private async enqueue(item: Omit<QueuedRequest, 'attempts' | 'nextAttemptAt' | 'createdAt'>): Promise<DeliveryState> {
    this.update((state) => {
      // A double click queues the same POST twice: keep one.
      if (!state.queue.some((queued) => queued.key === item.key) && !state.receipts[item.key]) {
        state.queue.push({ ...item, attempts: 0, nextAttemptAt: 0, createdAt: this.now() });
      }
    });
    this.emitChange(item.avis);
    await this.flush();
    return this.state(item.avis);
  }

  private async sendDue(): Promise<void> {
    for (;;) {
      const state = this.read();
      const now = this.now();
      const next = this.heads(state).find((item) => item.nextAttemptAt <= now);
      if (!next) break;
      // A failure worth retrying means the network or the platform is down for now:
      // stop this pass rather than time out on every queued request in turn.
      if ((await this.send(next, state.receipts[next.avis])) === 'retry') break;
    }
    this.schedule();
  }

  /** The first queued request of each avis: the only ones that may be sent. */
  private heads(state: OutboxState): QueuedRequest[] {
    const seen = new Set<string>();
    return state.queue.filter((item) => !seen.has(item.avis) && seen.add(item.avis));
  }

  private async send(item: QueuedRequest, receipt: Receipt | undefined): Promise<'done' | 'retry'> {
    try {
      if (item.method === 'POST') {
        const { data } = await request<AvisCree>(`${item.base}/v1/avis`, {
          method: 'POST',
          body: item.body,
          headers: { 'Idempotency-Key': item.key },
          timeoutMs: this.timeoutMs,
          shape: aviCreeShape,
        });
        this.update((state) => {
          state.receipts[item.avis] = { ...data, receivedAt: this.now() };
          state.queue = state.queue.filter((queued) => queued.key !== item.key);
        });
      } else {
        if (!receipt) throw new ApiError('http', 'the avis was never created', { status: 404 });
        // A jeton outside the contract cannot travel in a header: it would fail as a network error for ever.
        if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(receipt.jeton))
          throw new ApiError('shape', 'unusable jeton in the receipt');
        await request(`${item.base}/v1/avis/${encodeURIComponent(receipt.id)}`, {
          method: 'PATCH',
          body: item.body,
          headers: { Authorization: `Bearer ${receipt.jeton}` },
          timeoutMs: this.timeoutMs,
          shape: avisModifieShape,
        });
        this.update((state) => (state.queue = state.queue.filter((queued) => queued.key !== item.key)));
      }
      this.emitChange(item.avis);
      return 'done';
    } catch (error) {
      const apiError = error instanceof ApiError ? error : undefined;
      if (apiError?.retryable) {
        this.update((state) => {
          const queued = state.queue.find((q) => q.key === item.key);
          if (!queued) return;
          queued.attempts += 1;
          queued.nextAttemptAt = this.now() + this.backoff(queued.attempts, apiError);
        });
        return 'retry';
      }
      // Refused for good (invalid, expired, unknown): retrying would never succeed.
      this.update((state) => {
        state.queue = state.queue.filter((queued) => queued.avis !== item.avis);
        state.refused[item.avis] = { status: apiError?.status, at: this.now() };
      });
      this.emitChange(item.avis);
      return 'done';
    }
  }

  private backoff(attempts: number, error: ApiError): number {
    const asked = error.details.retryAfterMs;
    const exponential = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempts - 1));
    return Math.max(asked ?? 0, Math.round(exponential * (0.5 + Math.random() / 2)));
  }

  /** The next pass, when the first request that may be sent is due (not one waiting behind it). */
  private schedule(): void {
    clearTimeout(this.timer);
    const heads = this.heads(this.read());
    if (heads.length === 0) return;
    const next = Math.min(...heads.map((item) => item.nextAttemptAt));
    this.timer = setTimeout(() => inBackground(this.flush()), Math.max(0, next - this.now()));
  }

  /**
   * One tab at a time sends (other tabs of the same site share the queue). Where Web Locks
   * refuse (an opaque origin: a sandboxed iframe), the tab sends without the lock.
   */
  private withLock(task: () => Promise<void>): Promise<void> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return task();
    let started = false;
    return locks
      .request(STORAGE_KEY, () => {
        started = true;
        return task();
      })
      .then(
        () => undefined,
        (error: unknown) => {
          if (started) throw error;
          return task();
        },
      );
  }

  private read(): OutboxState {
    const empty: OutboxState = { queue: [], receipts: {}, refused: {} };
    try {
      const state = JSON.parse(this.storage.get(STORAGE_KEY) ?? 'null') as OutboxState | null;
      return state && Array.isArray(state.queue) ? { ...empty, ...state } : empty;
    } catch {
      return empty;
    }
  }

  private update(change: (state: OutboxState) => void): void {
    const state = this.read();
    change(state);
    const expired = this.now() - RECEIPT_LIFETIME_MS;
    const waiting = new Set(state.queue.map((item) => item.avis));
    state.receipts = Object.fromEntries(
      Object.entries(state.receipts).filter(([avis, receipt]) => receipt.receivedAt >= expired || waiting.has(avis)),
    );
    state.refused = Object.fromEntries(Object.entries(state.refused).filter(([, refusal]) => refusal.at >= expired));
    this.storage.set(STORAGE_KEY, JSON.stringify(state));
  }

  private emitChange(avis: string): void {
    this.dispatchEvent(new CustomEvent('change', { detail: { avis, state: this.state(avis) } }));
  }
}

/** A pass nobody awaits (a timer, `online`, a page load): a failure is logged, never thrown into the page. */
function inBackground(pass: Promise<void>): void {
  pass.catch((error: unknown) => console.warn('[spp-widgets] avis not sent yet:', error));
}

let shared: Outbox | undefined;

/**
 * The page's outbox. Created by the first element that sends an avis; from then on it
 * flushes on `online`, and at once for what a previous page left unsent. `options` only
 * count for the first call, which creates it (tests shorten its timeouts this way).
 */
export function outbox(options?: OutboxOptions): Outbox {
  if (!shared) {
    const created = new Outbox(options);
    shared = created;
    globalThis.addEventListener?.('online', () => inBackground(created.retryNow()));
    inBackground(created.retryNow());
  }
  return shared;
}
