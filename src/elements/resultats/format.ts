// How a result reads: values with their unit, periods, dates, targets and trends, in the
// element's language. Pure functions of the data and a locale; the texts come from msg(),
// so call them while the element renders (inside its withLocale()).
import { msg, str } from '@lit/localize';
import type { components } from '../../generated/api.js';
import { dateFormat, numberFormat, pluralRules } from '../../core/intl.js';

type Schemas = components['schemas'];
export type ResultatsStructure = Schemas['ResultatsStructure'];
export type Resultat = Schemas['Resultat'];
export type Indicateur = Schemas['Indicateur'];
export type Unite = Indicateur['unite'];
export type Periode = Schemas['Periode'];
export type PointHistorique = Schemas['PointHistorique'];

const INTL_UNITS: Partial<Record<Unite, string>> = { jours: 'day', minutes: 'minute', heures: 'hour' };
const ONE_DECIMAL = { maximumFractionDigits: 1 };

/**
 * « 87 % », « 12,5 jours », « 7,6/10 », « 1 234 » / "87%", "12.5 days", "7.6/10", "1,234";
 * `court`: « 12,5 j » (chart labels).
 */
export function formatValeur(valeur: number, unite: Unite, locale: string, court = false): string {
  if (unite === '%') return numberFormat(locale, { style: 'percent', ...ONE_DECIMAL }).format(valeur / 100);
  const unit = INTL_UNITS[unite];
  // Some ICU data puts a plain space before the unit: make it a no-break space.
  if (unit)
    return numberFormat(locale, { style: 'unit', unit, unitDisplay: court ? 'short' : 'long', ...ONE_DECIMAL })
      .format(valeur)
      .replace(/(\d) /, '$1\u00a0');
  const nombre = numberFormat(locale, ONE_DECIMAL).format(valeur);
  return unite === '/10' ? `${nombre}/10` : nombre;
}

/** A difference between two values: « 3,1 points » for rates and scores, « 2 jours », « 12 ». */
export function formatEcart(ecart: number, unite: Unite, locale: string): string {
  if (unite === '%' || unite === '/10') {
    const n = numberFormat(locale, ONE_DECIMAL).format(ecart);
    const one = pluralRules(locale).select(Math.round(ecart * 10) / 10) === 'one';
    return one ? msg(str`${n} point`) : msg(str`${n} points`);
  }
  return formatValeur(ecart, unite, locale);
}

/** The unit as a CSV column shows it. */
export function uniteTexte(unite: Unite): string {
  switch (unite) {
    case 'jours':
      return msg('jours');
    case 'heures':
      return msg('heures');
    case 'nombre':
      return msg('nombre');
    default:
      return unite;
  }
}

/** `2025-07-24` → its parts, as a UTC date (dates here are calendar days, not instants). */
export function parseIsoDate(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.getUTCDate() === +m[3] ? date : undefined;
}

const lastDayOfMonth = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** « 24 janvier 2025 » / "January 24, 2025". */
export function formatDate(iso: string, locale: string): string {
  const date = parseIsoDate(iso);
  return date ? dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date) : iso;
}

/**
 * A period as people say it: « 2025 », « 3e trimestre 2025 », « 1er semestre 2025 »,
 * « août 2025 », else « 3 févr. – 15 mars 2025 ».
 */
export function formatPeriode({ debut, fin }: Periode, locale: string): string {
  const start = parseIsoDate(debut);
  const end = parseIsoDate(fin);
  if (!start || !end) return `${debut} – ${fin}`;
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const months = (end.getUTCFullYear() - y) * 12 + end.getUTCMonth() - m + 1;
  const aligned =
    start.getUTCDate() === 1 && end.getUTCDate() === lastDayOfMonth(end.getUTCFullYear(), end.getUTCMonth());
  if (aligned && months === 12 && m === 0) return String(y);
  if (aligned && months === 6 && m % 6 === 0) return m === 0 ? msg(str`1er semestre ${y}`) : msg(str`2e semestre ${y}`);
  if (aligned && months === 3 && m % 3 === 0) {
    const q = m / 3 + 1;
    return q === 1 ? msg(str`1er trimestre ${y}`) : msg(str`${q}e trimestre ${y}`);
  }
  if (aligned && months === 1)
    return dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(start);
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(start, end);
}

export interface Tendance {
  /** The change, always positive. */
  ecart: number;
  direction: 'hausse' | 'baisse' | 'stable';
  /** Better for the usager (taking the indicator's `sens` into account); undefined when stable. */
  mieux?: boolean;
  precedente: Periode;
}

/** The change against the previous period, when both have a value. */
export function tendance(resultat: Resultat): Tendance | undefined {
  const { historique, valeur, periode, indicateur } = resultat;
  if (valeur === null || historique.length < 2) return undefined;
  let index = historique.findIndex((p) => p.periode.debut === periode.debut);
  if (index < 0) index = historique.length - 1;
  const precedent = historique[index - 1];
  if (!precedent || precedent.valeur === null) return undefined;
  const delta = Math.round((valeur - precedent.valeur) * 10) / 10;
  const direction = delta > 0 ? 'hausse' : delta < 0 ? 'baisse' : 'stable';
  return {
    ecart: Math.abs(delta),
    direction,
    mieux: direction === 'stable' ? undefined : (direction === 'hausse') === (indicateur.sens === 'hausse'),
    precedente: precedent.periode,
  };
}

/** « En hausse de 3,1 points, en amélioration, par rapport à la période précédente (2023). » */
export function texteTendance(t: Tendance, unite: Unite, locale: string): string {
  const ecart = formatEcart(t.ecart, unite, locale);
  const periode = formatPeriode(t.precedente, locale);
  const debut =
    t.direction === 'hausse'
      ? msg(str`En hausse de ${ecart}`)
      : t.direction === 'baisse'
        ? msg(str`En baisse de ${ecart}`)
        : msg('Stable');
  const qualite = t.mieux === undefined ? '' : t.mieux ? msg('en amélioration') : msg('en dégradation');
  const suite = msg(str`par rapport à la période précédente (${periode})`);
  return `${debut}${qualite ? `, ${qualite}` : ''}, ${suite}.`;
}

/** « Objectif : 80 % ou plus » / « Objectif : 15 jours ou moins ». */
export function texteCible(indicateur: Indicateur, locale: string): string | undefined {
  if (indicateur.cible === undefined) return undefined;
  const cible = formatValeur(indicateur.cible, indicateur.unite, locale);
  return indicateur.sens === 'hausse' ? msg(str`Objectif : ${cible} ou plus`) : msg(str`Objectif : ${cible} ou moins`);
}

/** « Qualité de service perçue » (satisfaction) or « rendue » (performance). */
export function texteType(type: Indicateur['type']): string {
  return type === 'satisfaction' ? msg('Qualité de service perçue') : msg('Qualité de service rendue');
}
