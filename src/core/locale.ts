// Which language an element speaks, without the translation runtime: French is the source
// language, and @lit/localize's own msg() already answers in French. The runtime
// (core/localization.ts: the English templates and the per-element msg()) is loaded the
// first time an element is in another language, and registers itself here, so a French
// page never downloads it.
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

export const SOURCE_LOCALE: Locale = sourceLocale;
export const LOCALES: readonly Locale[] = [sourceLocale, ...targetLocales];

/** What core/localization.ts provides once it is loaded. */
export interface LocalizationRuntime {
  isLocaleReady(locale: Locale): boolean;
  loadLocale(locale: Locale): Promise<void>;
  withLocale<T>(locale: Locale, render: () => T): T;
}

let runtime: LocalizationRuntime | undefined;

export function registerRuntime(loaded: LocalizationRuntime): void {
  runtime = loaded;
}

/** `en-GB` → `en`; anything we do not ship → French. */
export function toLocale(lang: string | null | undefined): Locale {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : SOURCE_LOCALE;
}

/** Element `lang` → closest `[lang]` (across shadow roots) → `<html lang>` → French. */
export function resolveLocale(element: Element): Locale {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return toLocale(lang);
    const parent: Element | null = node.parentElement;
    node = parent ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return SOURCE_LOCALE;
}

export function isLocaleReady(locale: Locale): boolean {
  return locale === SOURCE_LOCALE || (runtime?.isLocaleReady(locale) ?? false);
}

/** Loads the runtime and a locale's templates once; resolves when `withLocale(locale, …)` is ready. */
export function loadLocale(locale: Locale): Promise<void> {
  if (isLocaleReady(locale)) return Promise.resolve();
  return import('./localization.js').then(() => (runtime as LocalizationRuntime).loadLocale(locale));
}

/** Runs `render` with `msg()` answering in `locale` (in French while it is not loaded). */
export function withLocale<T>(locale: Locale, render: () => T): T {
  return runtime ? runtime.withLocale(locale, render) : render();
}
