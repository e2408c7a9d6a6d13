// The programme's public open data (Opendatasoft Explore API v2.1 on
// opendata.plus.transformation.gouv.fr), read directly when no platform is configured,
// and mapped to the platform's model (ResultatsStructure) so the element renders both
// the same way.
//
// - `export-resultats`: one record per structure × indicator × update, with
//   `code_sp_structure`, `intitule_de_la_structure`, `typologie`, `intitule_du_reseau`,
//   `code_sp_de_l_indicateur` (IND-27), `titre_original_de_l_indicateur`, `valeur`,
//   `date_de_mise_a_jour` and the frequency.
// - `export-indicateurs`: per indicator, `intitule_usager_de_l_indicateur` (the label we
//   show), `type_d_indicateur`, `unite` / `type_d_unite`; joined on the indicator code
//   when both datasets carry it, else on the original title.
//
// Assumptions, since the datasets carry no period: a record's value is that of the last
// complete period (of its frequency) before its update date — an annual result updated on
// 2025-01-24 is the 2024 result — as the programme publishes « année N-1 à minima ». The
// datasets carry no target either, so no level is computed. Odd records are tolerated:
// text values (« 12,5 », « 87 % », « NC »), missing values, dates as ISO dates, ISO
// date-times or DD/MM/YYYY, missing frequency (then inferred from the spacing of updates).
import shape from '~spp/api-schema/ResultatsStructure';
import { ResponseCache } from '../../core/api/cache.js';
import { ApiError } from '../../core/api/errors.js';
import type { Indicateur, Periode, PointHistorique, Resultat, ResultatsStructure, Unite } from './format.js';
import { dateFormat } from '../../core/intl.js';

/** A records response of the Explore API v2.1. */
export interface OdsReponse {
  total_count: number;
  results: OdsEnregistrement[];
}
export type OdsEnregistrement = Record<string, unknown>;
type Frequence = Resultat['frequence'];

/** The first field present and non-empty among `names`, as trimmed text. */
function champ(record: OdsEnregistrement, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}

/** Lower case, no accents, single spaces: for comparing labels and codes of the datasets. */
export function normaliser(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Codes meaning « no value » rather than a reason worth showing. */
const SANS_VALEUR = /^(nc|nd|nr|na|n\/a|n\.c\.|n\.d\.|s|-|–|—|\?)$/i;

/** `valeur` as a number, or null with the reason the record gives in its place. */
export function lireValeur(raw: unknown): { valeur: number | null; motif?: string } {
  if (typeof raw === 'number') return { valeur: Number.isFinite(raw) ? raw : null };
  if (typeof raw !== 'string') return { valeur: null };
  const text = raw.trim();
  const number = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '')
    .replace(',', '.');
  if (/^-?\d+(\.\d+)?$/.test(number)) return { valeur: Number(number) };
  if (!text || SANS_VALEUR.test(text)) return { valeur: null };
  return { valeur: null, motif: text };
}

const iso = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
};

/** A date as `YYYY-MM-DD`: from `2025-01-24`, `2025-01-24T23:00:00+00:00` (day in Paris), `24/01/2025`. */
export function lireDate(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return iso(+m[1], +m[2], +m[3]);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const instant = new Date(text);
    if (Number.isNaN(instant.getTime())) return undefined;
    const parts = Object.fromEntries(
      dateFormat('en', { timeZone: 'Europe/Paris', year: 'numeric', month: 'numeric', day: 'numeric' })
        .formatToParts(instant)
        .map((p) => [p.type, p.value]),
    );
    return iso(+parts.year, +parts.month, +parts.day);
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return iso(+m[3], +m[2], +m[1]);
  m = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(text);
  return m ? iso(+m[1], +m[2], +m[3]) : undefined;
}

/** `unite` / `type_d_unite` as published (« % », « Pourcentage », « Jours », « Note sur 10 »…). */
export function lireUnite(unite: string | undefined, typeUnite: string | undefined, titre: string): Unite {
  for (const value of [unite, typeUnite]) {
    if (!value) continue;
    const u = normaliser(value);
    if (u === '%' || /pourcent|percent|^taux/.test(u)) return '%';
    if (/\/ ?10|sur 10|note/.test(u)) return '/10';
    if (/jour/.test(u)) return 'jours';
    if (/^min/.test(u)) return 'minutes';
    if (/heure|^h$/.test(u)) return 'heures';
    if (/nombre|^nb/.test(u)) return 'nombre';
  }
  const t = normaliser(titre);
  return /^taux|%|pourcentage|part des/.test(t) ? '%' : /note/.test(t) ? '/10' : 'nombre';
}

/** « Qualité de service perçue » / satisfaction, or « rendue » / performance. */
export function lireType(type: string | undefined, titre: string): Indicateur['type'] {
  const t = normaliser(type ?? '');
  if (/satisf|percu/.test(t)) return 'satisfaction';
  if (/perf|rendu/.test(t)) return 'performance';
  return /satisf/.test(normaliser(titre)) ? 'satisfaction' : 'performance';
}

/** Durations (and counts of days, waits…) are better low; rates and scores high. */
export function deduireSens(unite: Unite, titre: string): Indicateur['sens'] {
  if (unite === 'jours' || unite === 'minutes' || unite === 'heures') return 'baisse';
  return unite === 'nombre' && /delai|attente|duree|temps/.test(normaliser(titre)) ? 'baisse' : 'hausse';
}

const DAY = 86_400_000;

/** The frequency as published, else inferred from the shortest gap between updates. */
export function lireFrequence(raw: string | undefined, dates: string[]): Frequence {
  const f = normaliser(raw ?? '');
  if (/mens/.test(f)) return 'mensuelle';
  if (/trim/.test(f)) return 'trimestrielle';
  if (/sem/.test(f)) return 'semestrielle';
  if (/ann/.test(f)) return 'annuelle';
  const times = [...new Set(dates)].map((d) => Date.parse(d)).sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < times.length; i++) gap = Math.min(gap, (times[i] - times[i - 1]) / DAY);
  if (gap >= 300) return 'annuelle';
  if (gap >= 150) return 'semestrielle';
  return gap >= 60 ? 'trimestrielle' : 'mensuelle';
}

const MONTHS: Record<Frequence, number> = { mensuelle: 1, trimestrielle: 3, semestrielle: 6, annuelle: 12 };

/** The last complete period of `frequence` before `date` (2025-07-24, trimestrielle → Q2 2025). */
export function periodeAvant(date: string, frequence: Frequence): Periode {
  const [y, m] = date.split('-').map(Number);
  const length = MONTHS[frequence];
  // Months since year 0, at the start of the period that contains the date, minus one period.
  const start = y * 12 + Math.floor((m - 1) / length) * length - length;
  const day = (month: number, d: number) =>
    new Date(Date.UTC(Math.floor(month / 12), month % 12, d)).toISOString().slice(0, 10);
  // From the first day of its first month to the day before the next period.
  return { debut: day(start, 1), fin: day(start + length, 0) };
}

interface LigneIndicateur {
  libelle?: string;
  type?: string;
  unite?: string;
  typeUnite?: string;
  reseau?: string;
}

function referentiel(indicateurs: OdsEnregistrement[]) {
  const byKey = new Map<string, LigneIndicateur[]>();
  for (const record of indicateurs) {
    const ligne: LigneIndicateur = {
      libelle: champ(record, 'intitule_usager_de_l_indicateur'),
      type: champ(record, 'type_d_indicateur'),
      unite: champ(record, 'unite'),
      typeUnite: champ(record, 'type_d_unite'),
      reseau: champ(record, 'reseau'),
    };
    const code = champ(record, 'code_sp_de_l_indicateur', 'code_sp_indicateur', 'code_indicateur');
    const titre = champ(record, 'intitule_original_de_l_indicateur', 'titre_original_de_l_indicateur');
    for (const key of [code && `code:${normaliser(code)}`, titre && `titre:${normaliser(titre)}`]) {
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), ligne]);
    }
  }
  /** The indicator's line, preferring the one of the structure's network. */
  return (code: string | undefined, titre: string | undefined, reseau: string | undefined) => {
    const lignes =
      (code && byKey.get(`code:${normaliser(code)}`)) || (titre && byKey.get(`titre:${normaliser(titre)}`)) || [];
    const sameNetwork = reseau && lignes.find((l) => l.reseau && normaliser(l.reseau) === normaliser(reseau));
    return sameNetwork || lignes[0] || {};
  };
}

interface Mesure {
  date: string;
  valeur: number | null;
  motif?: string;
}

const codeNumber = (code: string) => Number(/\d+/.exec(code)?.[0] ?? Infinity);

/** Maps the records of one structure (and the indicators' referential) to the platform's model. */
export function versResultats(
  code: string,
  resultats: OdsEnregistrement[],
  indicateurs: OdsEnregistrement[] = [],
): ResultatsStructure {
  const first = resultats[0] ?? {};
  const reseau = champ(first, 'intitule_du_reseau', 'reseau');
  const structure = {
    code,
    intitule: champ(first, 'intitule_de_la_structure') ?? code,
    typologie: champ(first, 'typologie', 'intitule_de_la_typologie') ?? '',
    reseau: reseau ?? '',
    exemple: false,
  };
  const ligneDe = referentiel(indicateurs);
  const groupes = new Map<string, { code?: string; titre?: string; frequence?: string; mesures: Mesure[] }>();
  for (const record of resultats) {
    const codeIndicateur = champ(record, 'code_sp_de_l_indicateur');
    const titre = champ(record, 'titre_original_de_l_indicateur');
    const date = lireDate(record.date_de_mise_a_jour);
    const key = codeIndicateur ?? titre;
    if (!key || !date) continue; // unusable: no indicator, or no date to place it in time
    const groupe = groupes.get(key) ?? { code: codeIndicateur, titre, mesures: [] };
    groupe.frequence ??= champ(record, 'frequence', 'frequence_de_mise_a_jour', 'frequence_de_l_indicateur');
    groupe.titre ??= titre;
    groupe.mesures.push({ date, ...lireValeur(record.valeur) });
    groupes.set(key, groupe);
  }

  const liste: Resultat[] = [];
  for (const [key, groupe] of groupes) {
    const ligne = ligneDe(groupe.code, groupe.titre, reseau);
    const titre = groupe.titre ?? key;
    const unite = lireUnite(ligne.unite, ligne.typeUnite, titre);
    const frequence = lireFrequence(
      groupe.frequence,
      groupe.mesures.map((m) => m.date),
    );
    // One point per period: the latest update of a period wins.
    const parPeriode = new Map<string, { periode: Periode; mesure: Mesure }>();
    for (const mesure of [...groupe.mesures].sort((a, b) => a.date.localeCompare(b.date))) {
      const periode = periodeAvant(mesure.date, frequence);
      parPeriode.set(periode.debut, { periode, mesure });
    }
    const points = [...parPeriode.values()].sort((a, b) => a.periode.debut.localeCompare(b.periode.debut));
    const derniere = points[points.length - 1];
    const historique: PointHistorique[] = points.map((p) => ({ periode: p.periode, valeur: p.mesure.valeur }));
    const indicateur: Indicateur = {
      code: groupe.code ?? key,
      libelle: ligne.libelle ?? titre,
      type: lireType(ligne.type, titre),
      unite,
      sens: deduireSens(unite, titre),
    };
    if (groupe.titre) indicateur.libelleOriginal = groupe.titre;
    const resultat: Resultat = {
      indicateur,
      valeur: derniere.mesure.valeur,
      frequence,
      periode: derniere.periode,
      miseAJour: groupe.mesures.reduce((max, m) => (m.date > max ? m.date : max), ''),
      historique,
      exemple: false,
    };
    if (derniere.mesure.valeur === null && derniere.mesure.motif) resultat.motifAbsence = derniere.mesure.motif;
    liste.push(resultat);
  }
  // Perceived quality first (the headline figure), then by indicator number.
  liste.sort(
    (a, b) =>
      Number(b.indicateur.type === 'satisfaction') - Number(a.indicateur.type === 'satisfaction') ||
      codeNumber(a.indicateur.code) - codeNumber(b.indicateur.code),
  );
  return { structure, resultats: liste };
}

/** ODSQL string literal. */
const literal = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const recordsUrl = (base: string, dataset: string, params: Record<string, string>) =>
  `${base.replace(/\/+$/, '')}/catalog/datasets/${dataset}/records?${new URLSearchParams(params).toString()}`;

/** The structure's results, newest first (the API gives at most 100 records a page). */
export function urlResultats(base: string, code: string): string {
  return recordsUrl(base, 'export-resultats', {
    where: `code_sp_structure=${literal(code)}`,
    order_by: 'date_de_mise_a_jour desc',
    limit: '100',
  });
}

/** The referential lines of these indicators (by original title, a field both datasets have). */
export function urlIndicateurs(base: string, titres: string[]): string {
  return recordsUrl(base, 'export-indicateurs', {
    where: titres.map((t) => `intitule_original_de_l_indicateur=${literal(t)}`).join(' OR '),
    limit: '100',
  });
}

export interface OptionsLecture {
  /** Milliseconds before giving up on each request (default 8 s). */
  timeoutMs?: number;
}

const inFlight = new Map<string, Promise<OdsReponse>>();

/**
 * One GET on the Explore API, shared with identical requests in flight (so it has no
 * per-caller cancel: an element that leaves the page just ignores the answer).
 */
export function lireOds(url: string, { timeoutMs = 8000 }: OptionsLecture = {}): Promise<OdsReponse> {
  let pending = inFlight.get(url);
  if (!pending) {
    pending = odsGet(url, timeoutMs).finally(() => inFlight.delete(url));
    inFlight.set(url, pending);
  }
  return pending;
}

async function odsGet(url: string, timeoutMs: number): Promise<OdsReponse> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json' },
      signal: timeout,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch (error) {
    if (timeout.aborted) throw new ApiError('timeout', `GET ${url}: no answer after ${timeoutMs} ms`);
    throw new ApiError(navigator.onLine === false ? 'offline' : 'network', `GET ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new ApiError('http', `GET ${url}: ${response.status}`, { status: response.status });
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError('malformed', `GET ${url}: the response is not JSON`);
  }
  const results = (body as OdsReponse | null)?.results;
  if (!Array.isArray(results)) throw new ApiError('shape', `GET ${url}: no results array`);
  return { total_count: Number((body as OdsReponse).total_count) || results.length, results };
}

/**
 * A structure's results from the open data. The indicators' referential only adds labels,
 * types and units: when it cannot be read, the original titles are shown.
 */
export async function lireOpenData(
  base: string,
  code: string,
  options: OptionsLecture = {},
): Promise<ResultatsStructure> {
  const { results } = await lireOds(urlResultats(base, code), options);
  const titres = [
    ...new Set(results.map((r) => champ(r, 'titre_original_de_l_indicateur')).filter(Boolean)),
  ] as string[];
  let indicateurs: OdsEnregistrement[] = [];
  if (titres.length) {
    try {
      indicateurs = (await lireOds(urlIndicateurs(base, titres), options)).results;
    } catch (error) {
      console.warn(`[spp-widgets] <spp-resultats> open data indicators: ${(error as Error).message}`);
    }
  }
  return versResultats(code, results, indicateurs);
}

const cache = new ResponseCache();
/** Open data changes a few times a year: an hour without asking again is plenty. */
export const OPENDATA_TTL_MS = 3_600_000;

/**
 * `lireOpenData` with the page's response cache: a fresh copy is used as is, and when the
 * open data cannot be read the last copy is shown (`stale`, with the date it was read).
 */
export async function chargerOpenData(
  base: string,
  code: string,
  options: OptionsLecture = {},
): Promise<{ data: ResultatsStructure; fetchedAt: number; stale: boolean }> {
  const key = urlResultats(base, code);
  const cached = cache.read<ResultatsStructure>(key, shape);
  if (cached && Date.now() - cached.fetchedAt <= OPENDATA_TTL_MS) return { ...cached, stale: false };
  try {
    const entry = { data: await lireOpenData(base, code, options), fetchedAt: Date.now() };
    cache.write(key, entry);
    return { ...entry, stale: false };
  } catch (error) {
    if (cached) return { ...cached, stale: true };
    throw error;
  }
}
