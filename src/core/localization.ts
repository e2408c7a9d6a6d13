// Localisation runtime: French is the source language, English ships too. Messages are
// written with @lit/localize's `msg()` and extracted to XLIFF by lit-localize (runtime mode).
// Loaded only when an element is in another language than French (see core/locale.ts,
// which is what elements import).
//
// Unlike @lit/localize's own runtime, the locale here is per element, not per page: an
// element follows its `lang`, else the closest `[lang]` ancestor, else `<html lang>`,
// so a page can hold a French and an English element side by side. SppElement renders
// inside `withLocale()`, which makes `msg()` read that element's templates during the
// (synchronous) render. This uses @lit/localize's msg-installation hook, pinned with
// the exact version of @lit/localize in package.json.
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { LocaleModule } from '@lit/localize';
import type { MsgFn } from '@lit/localize/internal/types.js';
import type { sourceLocale } from '../generated/locale-codes.js';
import { registerRuntime, SOURCE_LOCALE, type Locale } from './locale.js';

export { LOCALES, SOURCE_LOCALE, resolveLocale, toLocale, type Locale } from './locale.js';
/** The translating `msg()`, for the avis button, which imports no Lit (nor @lit/localize) itself. */
export { msg } from '@lit/localize/init/install.js';

type Templates = LocaleModule['templates'];

// Static map so every bundler sees (and can split) each locale module.
const loaders: Record<Exclude<Locale, typeof sourceLocale>, () => Promise<LocaleModule>> = {
  en: () => import('../generated/locales/en.js'),
};

const loaded = new Map<Locale, Templates>();
const loading = new Map<Locale, Promise<void>>();
let current: Templates | undefined;

try {
  // runtimeMsg handles every overload of msg(); the cast only restates that.
  _installMsgImplementation(((template, options) => runtimeMsg(current, template, options)) as MsgFn);
} catch {
  // Another bundle configured @lit/localize in this module instance (npm consumers who
  // localise their own app with it): our strings then show in French.
  console.warn('[spp-widgets] @lit/localize is already configured; texts stay in French.');
}

export function isLocaleReady(locale: Locale): boolean {
  return locale === SOURCE_LOCALE || loaded.has(locale);
}

/** Loads a locale's templates once; resolves when `withLocale(locale, …)` is ready. */
export function loadLocale(locale: Locale): Promise<void> {
  if (isLocaleReady(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    const loader = loaders[locale as Exclude<Locale, typeof sourceLocale>];
    pending = loader().then(
      (module) => void loaded.set(locale, module.templates),
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** Runs `render` with `msg()` answering in `locale` (the source locale if not loaded yet). */
export function withLocale<T>(locale: Locale, render: () => T): T {
  const previous = current;
  current = loaded.get(locale);
  try {
    return render();
  } finally {
    current = previous;
  }
}

registerRuntime({ isLocaleReady, loadLocale, withLocale });
