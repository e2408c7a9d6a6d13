// Helpers for browser tests against the reference platform mounted at /api by
// web-test-runner.config.mjs, behind the fault injector of scripts/test-server.mjs.
import { expect } from '@open-wc/testing';
import { ApiError } from '../core/api/errors.js';

export const API_BASE = `${location.origin}/api`;

/** The ApiError a request fails with (the test fails if it succeeds, or fails otherwise). */
export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a failure');
}

export interface FaultConfig {
  /** Probability that a request under `paths` fails. */
  rate?: number;
  kinds?: string[];
  /** How late a `slow` answer comes. */
  delayMs?: number;
  paths?: string[];
  /** Deterministic faults: the next `times` requests whose URL contains `match`. */
  rules?: { match: string; kind: string; times?: number; method?: string }[];
  seed?: number;
}

/** Sets the injected faults; returns the counts injected under the previous settings. */
export async function setFaults(config: FaultConfig = {}): Promise<Record<string, number>> {
  const response = await fetch('/__test/faults', { method: 'POST', body: JSON.stringify(config) });
  return ((await response.json()) as { injected: Record<string, number> }).injected;
}

export async function injectedFaults(): Promise<Record<string, number>> {
  return ((await (await fetch('/__test/faults')).json()) as { injected: Record<string, number> }).injected;
}

export interface StoredAvis {
  id: string;
  cle: string;
  reponses: number;
  champs: string[];
  /** The options chosen, as `champ=option` in the answers' order. */
  choix: string[];
}

/** What the platform stored for a démarche (read from its database, not through the API). */
export async function storedAvis(demarche: string): Promise<StoredAvis[]> {
  const response = await fetch(`/__test/avis?demarche=${encodeURIComponent(demarche)}`);
  return ((await response.json()) as { avis: StoredAvis[] }).avis;
}

/** A démarche id of its own for each test, so tests never see each other's avis. */
export const uniqueDemarche = (label: string) => `test-${label}-${Math.random().toString(36).slice(2, 10)}`;

/** An in-memory Storage, to simulate a page reload (same storage) or a fresh visitor. */
export class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

/** A Storage that throws on every access, as on some locked-down hosts. */
export class ThrowingStorage extends MemoryStorage {
  override getItem(): string | null {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
  override setItem(): void {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}

/** Counts the fetch calls to URLs containing `fragment` while `run` runs. */
export async function countFetches(fragment: string, run: () => Promise<unknown>): Promise<number> {
  const original = window.fetch;
  let count = 0;
  window.fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes(fragment)) count += 1;
    return original(input, init);
  };
  try {
    await run();
  } finally {
    window.fetch = original;
  }
  return count;
}
