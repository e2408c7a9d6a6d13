// One MutationObserver for the whole page, shared by every spp-* element: it watches
// `lang` anywhere and the DSFR theme attributes on <html>, and `configure()`, and tells
// subscribed elements to re-resolve. It disconnects when the last element leaves.
import { CONFIG_EVENT } from './api/config.js';

export interface DocumentChangeListener {
  /** Called after `lang`, `data-fr-theme` or `data-fr-mourning` changed, the colour scheme, or `configure()`. */
  documentChanged(): void;
}

const WATCHED = ['lang', 'data-fr-theme', 'data-fr-mourning', 'data-fr-scheme'];

const listeners = new Set<DocumentChangeListener>();
let observer: MutationObserver | undefined;
let darkQuery: MediaQueryList | undefined;

function notify() {
  for (const listener of listeners) listener.documentChanged();
}

function onMutations(records: MutationRecord[]) {
  // Our own elements mirror data-fr-theme on themselves: ignore those echoes.
  const relevant = records.some((r) => r.attributeName === 'lang' || r.target === document.documentElement);
  if (relevant) notify();
}

export function subscribe(listener: DocumentChangeListener): void {
  listeners.add(listener);
  if (observer) return;
  observer = new MutationObserver(onMutations);
  observer.observe(document.documentElement, {
    attributes: true,
    subtree: true,
    attributeFilter: WATCHED,
  });
  darkQuery = matchMedia('(prefers-color-scheme: dark)');
  darkQuery.addEventListener('change', notify);
  document.addEventListener(CONFIG_EVENT, notify);
}

export function unsubscribe(listener: DocumentChangeListener): void {
  listeners.delete(listener);
  if (listeners.size > 0 || !observer) return;
  // Nothing left to watch (an SPA removed every element): leave no observer behind.
  observer.disconnect();
  observer = undefined;
  darkQuery?.removeEventListener('change', notify);
  darkQuery = undefined;
  document.removeEventListener(CONFIG_EVENT, notify);
}

/** For tests and diagnostics: how many elements are subscribed, and whether we observe. */
export function observerState(): { listeners: number; observing: boolean } {
  return { listeners: listeners.size, observing: observer !== undefined };
}

export function prefersDark(): boolean {
  return (darkQuery ?? matchMedia('(prefers-color-scheme: dark)')).matches;
}
