/**
 * Reads platform/openapi.yaml and turns it into Ajv validators, so that the document is the
 * single source of the API's rules: the router, the request validation, the validation script
 * and the contract tests all start from here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { ErreurChamp } from './types.js';

/** The subset of JSON Schema this code reads; everything else is left to Ajv. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema | boolean>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
  required?: string[];
  [mot: string]: unknown;
}

interface Parametre {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

interface EnteteReponse {
  required?: boolean;
  schema: Schema;
}

interface Reponse {
  description: string;
  headers?: Record<string, EnteteReponse | { $ref: string }>;
  content?: Record<string, { schema: Schema }>;
}

interface OperationDoc {
  operationId: string;
  parameters?: (Parametre | { $ref: string })[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, Reponse | { $ref: string }>;
  security?: Record<string, string[]>[];
}

export interface DocumentOpenApi {
  openapi: string;
  paths: Record<string, Partial<Record<Methode, OperationDoc>>>;
  components: {
    schemas: Record<string, Schema>;
    parameters: Record<string, Parametre>;
    responses: Record<string, Reponse>;
    headers: Record<string, EnteteReponse>;
  };
}

/** Every method OpenAPI knows, so that no operation added to the document is silently left out. */
const METHODES = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Methode = (typeof METHODES)[number];

/** One operation of the document, with its $refs to parameters and responses resolved. */
export interface Operation {
  operationId: string;
  methode: Methode;
  /** OpenAPI path template, e.g. `/v1/avis/{id}`. */
  chemin: string;
  parametres: Parametre[];
  /** Schema of the `application/json` request body, if the operation takes one. */
  corps?: Schema;
  /** Name of the security scheme the operation requires, if any. */
  securite?: string;
  reponses: Record<string, { entetes: Record<string, EnteteReponse>; contenu: Record<string, Schema> }>;
}

const ID_COMPOSANTS = 'urn:spp-widgets:openapi';

export interface Spec {
  document: DocumentOpenApi;
  /** All component schemas as one Ajv resource; operation schemas point into it. */
  schemaComposants: Schema;
  refComposant(nom: string): string;
  /** Follows a component $ref (one level is all the document uses). */
  resoudre(schema: Schema): Schema;
}

const CHEMIN_SPEC = fileURLToPath(new URL('../openapi.yaml', import.meta.url));

/** Rewrites `#/components/schemas/X` so that Ajv finds X inside the shared resource. */
function reecrireRefs<T>(valeur: T, prefixe: string): T {
  if (Array.isArray(valeur)) return valeur.map((v) => reecrireRefs(v, prefixe)) as T;
  if (valeur === null || typeof valeur !== 'object') return valeur;
  const copie: Record<string, unknown> = {};
  for (const [cle, v] of Object.entries(valeur)) {
    copie[cle] =
      cle === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')
        ? `${prefixe}#/$defs/${v.slice('#/components/schemas/'.length)}`
        : reecrireRefs(v, prefixe);
  }
  return copie as T;
}

export function chargerSpec(chemin = CHEMIN_SPEC): Spec {
  const brut = parse(readFileSync(chemin, 'utf8')) as DocumentOpenApi;
  // Schemas outside components reference the shared resource by its absolute id.
  const document = reecrireRefs(brut, ID_COMPOSANTS);
  const schemas = brut.components.schemas;
  return {
    document,
    schemaComposants: { $id: ID_COMPOSANTS, $defs: reecrireRefs(schemas, '') },
    refComposant: (nom) => `${ID_COMPOSANTS}#/$defs/${nom}`,
    resoudre(schema) {
      const ref = schema.$ref;
      if (!ref) return schema;
      const nom = ref.slice(ref.lastIndexOf('/') + 1);
      const cible = schemas[nom];
      if (!cible) throw new Error(`référence inconnue : ${ref}`);
      return cible;
    },
  };
}

function resoudreRef<T>(valeur: T | { $ref: string }, table: Record<string, T>): T {
  if (valeur && typeof valeur === 'object' && '$ref' in valeur && typeof valeur.$ref === 'string') {
    const nom = valeur.$ref.slice(valeur.$ref.lastIndexOf('/') + 1);
    const cible = table[nom];
    if (!cible) throw new Error(`référence inconnue : ${valeur.$ref}`);
    return cible;
  }
  return valeur as T;
}

export function operations(spec: Spec): Operation[] {
  const { paths, components } = spec.document;
  const liste: Operation[] = [];
  for (const [chemin, item] of Object.entries(paths)) {
    for (const methode of METHODES) {
      const op = item[methode];
      if (!op) continue;
      const reponses: Operation['reponses'] = {};
      for (const [statut, brute] of Object.entries(op.responses)) {
        const reponse = resoudreRef(brute, components.responses);
        const entetes: Record<string, EnteteReponse> = {};
        for (const [nom, entete] of Object.entries(reponse.headers ?? {})) {
          entetes[nom] = resoudreRef(entete, components.headers);
        }
        const contenu: Record<string, Schema> = {};
        for (const [type, media] of Object.entries(reponse.content ?? {})) contenu[type] = media.schema;
        reponses[statut] = { entetes, contenu };
      }
      liste.push({
        operationId: op.operationId,
        methode,
        chemin,
        parametres: (op.parameters ?? []).map((p) => resoudreRef(p, components.parameters)),
        corps: op.requestBody?.content['application/json']?.schema,
        securite: Object.keys(op.security?.[0] ?? {})[0],
        reponses,
      });
    }
  }
  return liste;
}

export function creerAjv(options: { coercition?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    // Query strings and headers arrive as text: "20" must pass as the integer 20.
    coerceTypes: options.coercition ?? false,
    useDefaults: options.coercition ?? false,
  });
  formats.default(ajv);
  // ajv-formats also takes `urn:uuid:…`, which PostgreSQL's uuid type refuses.
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  return ajv;
}

/** `/reponses/2/texte` → `reponses[2].texte`. */
function cheminLisible(pointeur: string): string {
  return pointeur
    .split('/')
    .slice(1)
    .map((morceau) => morceau.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, morceau) => (/^\d+$/.test(morceau) ? `${acc}[${morceau}]` : acc ? `${acc}.${morceau}` : morceau), '');
}

function joindre(base: string, nom: string): string {
  return base && nom ? `${base}.${nom}` : base || nom;
}

/** Ajv's messages are English and technical; the API answers in French. */
function messageFrancais(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return 'champ obligatoire';
    case 'additionalProperties':
      return 'champ inconnu';
    case 'type':
      return `doit être de type ${String(p.type).replace('integer', 'entier').replace('string', 'texte').replace('number', 'nombre').replace('boolean', 'booléen').replace('object', 'objet').replace('array', 'tableau')}`;
    case 'maxLength':
      return `au plus ${String(p.limit)} caractères`;
    case 'minLength':
      return `au moins ${String(p.limit)} caractère${Number(p.limit) > 1 ? 's' : ''}`;
    case 'maxItems':
      return `au plus ${String(p.limit)} éléments`;
    case 'minItems':
      return `au moins ${String(p.limit)} élément${Number(p.limit) > 1 ? 's' : ''}`;
    case 'minimum':
    case 'maximum':
      return `doit être ${e.keyword === 'minimum' ? '≥' : '≤'} ${String(p.limit)}`;
    case 'enum':
      return `valeur non permise (valeurs possibles : ${(p.allowedValues as unknown[]).join(', ')})`;
    case 'const':
      return `doit valoir ${String(p.allowedValue)}`;
    case 'pattern':
      return 'format invalide';
    case 'format':
      return p.format === 'uuid'
        ? 'doit être un UUID'
        : p.format === 'email'
          ? 'adresse e-mail invalide'
          : `format ${String(p.format)} attendu`;
    case 'false schema':
      return 'champ non permis ici';
    default:
      return e.message ?? 'valeur invalide';
  }
}

/**
 * Turns Ajv errors into `{champ, message}` pairs, `champ` written the way a developer reads it
 * (`reponses[2].texte`). An `if` failure only repeats the error of its `then` branch: skipped.
 */
export function erreursChamps(erreurs: ErrorObject[] | null | undefined, racine = ''): ErreurChamp[] {
  const vues = new Set<string>();
  const resultat: ErreurChamp[] = [];
  for (const e of erreurs ?? []) {
    if (e.keyword === 'if') continue;
    let champ = joindre(racine, cheminLisible(e.instancePath));
    if (e.keyword === 'required')
      champ = joindre(champ, String((e.params as { missingProperty: string }).missingProperty));
    if (e.keyword === 'additionalProperties') {
      champ = joindre(champ, String((e.params as { additionalProperty: string }).additionalProperty));
    }
    const erreur = { champ: champ || '(corps)', message: messageFrancais(e) };
    const cle = `${erreur.champ}\u0000${erreur.message}`;
    if (!vues.has(cle)) {
      vues.add(cle);
      resultat.push(erreur);
    }
  }
  return resultat;
}

/**
 * Request validators of one operation; each returns the failing fields, or [] when valid.
 * Parameter validators coerce in place: after the call, `limite: "20"` has become `20` and
 * defaults are filled in.
 */
export interface ValidateursRequete {
  chemin: (valeurs: Record<string, string>) => ErreurChamp[];
  requete: (valeurs: Record<string, string>) => ErreurChamp[];
  entetes: (valeurs: Record<string, string>) => ErreurChamp[];
  corps?: (valeur: unknown) => ErreurChamp[];
}

function objetParametres(parametres: Parametre[], ou: Parametre['in']): Schema {
  const choisis = parametres.filter((p) => p.in === ou);
  return {
    type: 'object',
    properties: Object.fromEntries(choisis.map((p) => [p.name, p.schema])),
    required: choisis.filter((p) => p.required).map((p) => p.name),
    // Unknown query parameters are refused like unknown body fields; unknown headers are not
    // (browsers and proxies add their own).
    additionalProperties: ou !== 'header' ? false : true,
  };
}

export function compilerValidateurs(spec: Spec): Map<string, ValidateursRequete> {
  const ajvCorps = creerAjv();
  const ajvParametres = creerAjv({ coercition: true });
  ajvCorps.addSchema(spec.schemaComposants);
  ajvParametres.addSchema(spec.schemaComposants);

  const verifier =
    (validateur: ValidateFunction, racine = '') =>
    (valeur: unknown) =>
      validateur(valeur) ? [] : erreursChamps(validateur.errors, racine);

  // Ajv coerces "Infinity" and "1e400" to numbers that pass `maximum`: refused here.
  const parametres = (validateur: ValidateFunction) => (valeurs: Record<string, unknown>) => {
    const erreurs = verifier(validateur)(valeurs);
    for (const [champ, valeur] of Object.entries(valeurs)) {
      if (typeof valeur === 'number' && !Number.isFinite(valeur))
        erreurs.push({ champ, message: 'nombre fini attendu' });
    }
    return erreurs;
  };

  const table = new Map<string, ValidateursRequete>();
  for (const op of operations(spec)) {
    table.set(op.operationId, {
      chemin: parametres(ajvParametres.compile(objetParametres(op.parametres, 'path'))),
      requete: parametres(ajvParametres.compile(objetParametres(op.parametres, 'query'))),
      entetes: parametres(ajvParametres.compile(objetParametres(op.parametres, 'header'))),
      corps: op.corps ? verifier(ajvCorps.compile(op.corps)) : undefined,
    });
  }
  return table;
}
