/* global structuredClone -- Node 20 and browsers have it */
// Hostile API responses, built from the contract: every GET operation of
// platform/openapi.yaml is answered with the reference platform's real response, walked
// alongside its response schema, every string field (optional ones added when absent)
// replaced by one of the payloads of payloads.mjs. The same for the open-data records that
// <spp-resultats> reads without a platform.
//
// A variant is `<mode><n>`: mode `a` (affichage) fills free text and URL fields and keeps
// constrained ones (enums, ids, dates) valid, so the elements show everything and the tests
// can check that each payload is shown as text; mode `t` (tout) fills every string, enums
// and ids included. Variant n gives the k-th occurrence of field f the payload
// (hash(f) + n + k) mod N: over the N variants of a mode, every payload reaches every field.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { PAYLOADS } from './payloads.mjs';

const racine = new URL('../../', import.meta.url);
const document = parse(readFileSync(new URL('platform/openapi.yaml', racine), 'utf8'));
const schemas = document.components.schemas;

export const N = PAYLOADS.length;

/** Follows `$ref`s to `#/components/schemas/…`. */
function resoudre(schema) {
  let s = schema;
  while (s && s.$ref) s = schemas[s.$ref.slice(s.$ref.lastIndexOf('/') + 1)];
  return s ?? {};
}

const typesDe = (schema) => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

/** `url` (format uri), `contraint` (enum, const, pattern, other formats) or `texte`. */
export function nature(schema) {
  if (schema.format === 'uri') return 'url';
  if (schema.enum || schema.const !== undefined || schema.pattern || schema.format) return 'contraint';
  return 'texte';
}

/** The GET operations and the JSON schema of their 200 response. */
export const OPERATIONS = Object.entries(document.paths).flatMap(([chemin, item]) =>
  Object.entries(item)
    .filter(([methode]) => ['get', 'post', 'patch'].includes(methode))
    .map(([methode, op]) => {
      const succes = op.responses['200'] ?? op.responses['201'];
      return {
        operationId: op.operationId,
        methode: methode.toUpperCase(),
        chemin,
        motif: new RegExp(`^${chemin.replace(/\{\w+\}/g, '[^/]+')}$`),
        schema: succes.content['application/json'].schema,
      };
    }),
);

/** Properties never added when absent: they change what the data means, not its text. */
const NON_AJOUTES = new Set(['condition']);

/** Whether a value of `schema` can hold a string (absent numbers and flags are not added). */
function porteTexte(schemaBrut, vus = new Set()) {
  const schema = resoudre(schemaBrut);
  if (vus.has(schema)) return false;
  vus.add(schema);
  if (schema.oneOf || schema.anyOf) return (schema.oneOf ?? schema.anyOf).some((s) => porteTexte(s, vus));
  const types = typesDe(schema);
  if (types.includes('string')) return true;
  if (types.includes('array')) return porteTexte(schema.items ?? {}, vus);
  if (types.includes('object')) return Object.values(schema.properties ?? {}).some((s) => porteTexte(s, vus));
  return false;
}

const exemplesChaines = {
  date: '2025-01-31',
  'date-time': '2025-06-02T09:00:00.000Z',
  uuid: '7d3f1c9e-8a2b-4c5d-9e6f-0a1b2c3d4e5f',
};

/** A value valid for `schema` (used for absent optional fields, then walked like the rest). */
function fabriquer(schemaBrut) {
  const schema = resoudre(schemaBrut);
  if (schema.oneOf) return fabriquer(schema.oneOf[0]);
  const type = typesDe(schema).find((t) => t !== 'null') ?? 'string';
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([nom]) => !NON_AJOUTES.has(nom))
          .map(([nom, s]) => [nom, fabriquer(s)]),
      );
    case 'array':
      return [fabriquer(schema.items ?? {})];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      if (schema.enum) return schema.enum[0];
      if (schema.const !== undefined) return schema.const;
      if (schema.examples) return String(schema.examples[0]);
      if (exemplesChaines[schema.format]) return exemplesChaines[schema.format];
      if (schema.pattern === '^[A-Za-z0-9_-]{43}$') return 'a'.repeat(43);
      if (schema.pattern) return 'a1';
      return 'texte';
  }
}

/** FNV-1a: a stable number per field, so each field starts the rotation at its own payload. */
function empreinte(texte) {
  let h = 0x811c9dc5;
  for (const c of texte) h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0;
  return h;
}

const echapperPointeur = (cle) => String(cle).replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Walks `valeur` alongside `schemaBrut`, replacing strings. `ctx`: { op, variante, mode,
 * entrees, occurrences }; each replacement is recorded in `ctx.entrees`.
 */
function marcher(valeur, schemaBrut, ctx, chemin, pointeur) {
  const schema = resoudre(schemaBrut);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const choisi =
      alternatives.find((a) => {
        const types = typesDe(resoudre(a));
        return typeof valeur === 'string' ? types.includes('string') : types.includes('object');
      }) ?? alternatives[0];
    return marcher(valeur, choisi, ctx, chemin, pointeur);
  }
  if (typeof valeur === 'string') {
    const quelle = nature(schema);
    if (ctx.mode === 'a' && quelle === 'contraint') return valeur;
    const champ = `${ctx.op}:${chemin}`;
    const k = ctx.occurrences.get(champ) ?? 0;
    ctx.occurrences.set(champ, k + 1);
    const payload = (empreinte(champ) + ctx.variante + k) % N;
    ctx.entrees.push({ url: ctx.url, op: ctx.op, chemin, pointeur, nature: quelle, payload });
    return PAYLOADS[payload].texte;
  }
  if (Array.isArray(valeur)) {
    const items = valeur.length === 0 && schema.items ? [fabriquer(schema.items)] : valeur;
    return items.map((v, i) => marcher(v, schema.items ?? {}, ctx, `${chemin}[]`, `${pointeur}/${i}`));
  }
  if (valeur && typeof valeur === 'object') {
    const copie = { ...valeur };
    for (const [nom, s] of Object.entries(schema.properties ?? {})) {
      if (!(nom in copie)) {
        if (NON_AJOUTES.has(nom) || !porteTexte(s)) continue;
        copie[nom] = fabriquer(s);
      }
      const sousChemin = chemin ? `${chemin}.${nom}` : nom;
      copie[nom] = marcher(copie[nom], s, ctx, sousChemin, `${pointeur}/${echapperPointeur(nom)}`);
    }
    return copie;
  }
  return valeur;
}

/** `a17` → { mode: 'a', variante: 17 }, or undefined. */
export function lireVariante(cle) {
  const m = /^([at])(\d{1,4})$/.exec(cle ?? '');
  if (!m || Number(m[2]) >= N) return undefined;
  return { mode: m[1], variante: Number(m[2]) };
}

/**
 * Makes the hostile version of `base` (the real answer to `url`, operation `op`) for a
 * variant; returns { document, entrees }.
 */
export function rendreHostile(base, { op, url, schema }, { mode, variante }) {
  const ctx = { op, url, mode, variante, entrees: [], occurrences: new Map() };
  let depart = structuredClone(base);
  // Some results without a value, so that `motifAbsence` is shown.
  if (op === 'lireResultats' && Array.isArray(depart.resultats)) {
    depart.resultats = depart.resultats.map((r, i) => (i % 3 === 1 ? { ...r, valeur: null } : r));
  }
  depart = marcher(depart, schema, ctx, '', '');
  return { document: depart, entrees: ctx.entrees };
}

// --- Open data (Opendatasoft Explore API v2.1 records) -----------------------------------

const ODS = {
  'export-resultats': JSON.parse(
    readFileSync(new URL('src/elements/resultats/fixtures/ods-export-resultats.json', racine), 'utf8'),
  ),
  'export-indicateurs': JSON.parse(
    readFileSync(new URL('src/elements/resultats/fixtures/ods-export-indicateurs.json', racine), 'utf8'),
  ),
};
/** Fields that must stay well-formed in mode `a` (dates, codes that join the datasets). */
const ODS_CONTRAINTS = new Set([
  'date_de_mise_a_jour',
  'code_sp_structure',
  'code_sp_de_l_indicateur',
  'code_sp_du_resultat',
]);

export const DATASETS = Object.keys(ODS);

/** The records of `dataset` (all of them, whatever the query), their strings replaced. */
export function odsHostile(dataset, { mode, variante }) {
  const source = ODS[dataset];
  const ctx = { op: `ods:${dataset}`, url: `/ods/${dataset}`, mode, variante, entrees: [], occurrences: new Map() };
  const results = source.results.map((record, i) =>
    Object.fromEntries(
      Object.entries(record).map(([cle, valeur]) => {
        if (typeof valeur !== 'string') return [cle, valeur];
        const schema = ODS_CONTRAINTS.has(cle) ? { pattern: '.' } : {};
        return [cle, marcher(valeur, schema, ctx, `results[].${cle}`, `/results/${i}/${cle}`)];
      }),
    ),
  );
  return { document: { total_count: results.length, results }, entrees: ctx.entrees };
}
