// Intl formatters, made once per locale and options: building one costs about a millisecond
// (locale data lookup), formatting with it microseconds. A list of 36 dated errors or a chart
// of 50 values would otherwise spend most of its render building formatters.

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();

function memo<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(
  kind: string,
  locale: string,
  options: object | undefined,
  create: () => F,
): F {
  const key = `${kind}\n${locale}\n${JSON.stringify(options ?? {})}`;
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = create()));
  return formatter;
}

export const dateFormat = (locale: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  memo('date', locale, options, () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  memo('number', locale, options, () => new Intl.NumberFormat(locale, options));

export const pluralRules = (locale: string, options?: Intl.PluralRulesOptions): Intl.PluralRules =>
  memo('plural', locale, options, () => new Intl.PluralRules(locale, options));

let warmed = false;

/**
 * A page's first Intl formatter costs 12–20 ms in Chromium, number or date alike (ICU
 * loads its locale data; a first one of another kind then costs 2–4 ms, the next of a
 * kind microseconds). It is made in a task of its own while the data is on its way, not
 * in the render that shows the data. Not at idle time: on a page of 50 elements, idle
 * time came after the data and the render paid it, in tasks of 41–47 ms.
 */
export function warmIntl(locale: string): void {
  if (warmed) return;
  warmed = true;
  setTimeout(() => void numberFormat(locale), 0);
}
