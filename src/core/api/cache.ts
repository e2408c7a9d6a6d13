// Responses kept in memory and in localStorage, so a page shows data at once on the next
// visit and keeps showing it when the API is down (stale-while-revalidate,
// stale-if-error). Entries are re-checked against their shape when read back.
import { shapeMismatch, type Shape } from './shape.js';
import { store, type KeyValueStore } from './storage.js';

const PREFIX = 'spp-widgets:cache:v1:';
/** Beyond this age an entry is not even shown as stale. */
export const MAX_STALE_MS = 30 * 24 * 3600 * 1000;
/** Larger responses are kept in memory only. */
const MAX_STORED_CHARS = 200_000;

export interface CacheEntry<T> {
  data: T;
  /** When the data was received from the network (ms since epoch). */
  fetchedAt: number;
}

export class ResponseCache {
  private readonly memory = new Map<string, CacheEntry<unknown>>();

  constructor(private readonly storage: KeyValueStore = store()) {}

  read<T>(key: string, shape: Shape, now = Date.now()): CacheEntry<T> | undefined {
    let entry = this.memory.get(key) as CacheEntry<T> | undefined;
    if (!entry) {
      const raw = this.storage.get(PREFIX + key);
      if (!raw) return undefined;
      try {
        const parsed = JSON.parse(raw) as CacheEntry<T>;
        if (typeof parsed.fetchedAt !== 'number' || shapeMismatch(shape, parsed.data)) throw new Error('bad entry');
        entry = parsed;
        this.memory.set(key, entry);
      } catch {
        this.storage.remove(PREFIX + key);
        return undefined;
      }
    }
    return now - entry.fetchedAt > MAX_STALE_MS ? undefined : entry;
  }

  write<T>(key: string, entry: CacheEntry<T>): void {
    this.memory.set(key, entry);
    const raw = JSON.stringify(entry);
    if (raw.length > MAX_STORED_CHARS) return;
    if (!this.storage.set(PREFIX + key, raw)) {
      // Probably the quota: make room by dropping our oldest entries, then try once more.
      this.evictOldest(5);
      this.storage.set(PREFIX + key, raw);
    }
  }

  private evictOldest(count: number): void {
    const dated = this.storage.keys(PREFIX).map((key) => {
      try {
        return { key, at: (JSON.parse(this.storage.get(key) ?? '') as CacheEntry<unknown>).fetchedAt };
      } catch {
        return { key, at: 0 };
      }
    });
    dated
      .sort((a, b) => a.at - b.at)
      .slice(0, count)
      .forEach(({ key }) => this.storage.remove(key));
  }
}
