// localStorage, guarded: it throws on some hosts (sandboxed iframes, blocked cookies,
// Safari private mode, quota). Every failure degrades to "not stored", never to an error.

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): boolean;
  remove(key: string): void;
  keys(prefix: string): string[];
}

function localStore(): Storage | undefined {
  try {
    const storage = globalThis.localStorage;
    const probe = '__spp_probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}

/** The page's localStorage, or an in-memory stand-in when it is unavailable. */
export function createStore(storage: Storage | undefined = localStore()): KeyValueStore {
  const memory = new Map<string, string>();
  // Keys whose last write only reached memory (quota…): memory holds the newer value.
  const memoryOnly = new Set<string>();
  return {
    get(key) {
      if (!storage || memoryOnly.has(key)) return memory.get(key) ?? null;
      try {
        return storage.getItem(key);
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set(key, value) {
      memory.set(key, value);
      try {
        storage?.setItem(key, value);
        memoryOnly.delete(key);
        return storage !== undefined;
      } catch {
        memoryOnly.add(key);
        return false;
      }
    },
    remove(key) {
      memory.delete(key);
      memoryOnly.delete(key);
      try {
        storage?.removeItem(key);
      } catch {
        // nothing to do: the in-memory copy is gone
      }
    },
    keys(prefix) {
      const found = new Set([...memory.keys()].filter((k) => k.startsWith(prefix)));
      try {
        for (let i = 0; storage && i < storage.length; i++) {
          const key = storage.key(i);
          if (key?.startsWith(prefix)) found.add(key);
        }
      } catch {
        // storage unreadable: the memory keys are all we have
      }
      return [...found];
    },
  };
}

let shared: KeyValueStore | undefined;
export const store = (): KeyValueStore => (shared ??= createStore());
