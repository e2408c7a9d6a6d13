/**
 * Robustness: hundreds of invalid requests generated from platform/openapi.yaml (wrong types
 * for every body field, missing and extra fields, bad path, query and header values, unknown
 * methods on every route, bad content types and JSON, huge and deeply nested bodies, bad
 * UUIDs, Idempotency-Keys and jetons, path traversal). Each must get a 4xx
 * `application/problem+json` valid against the `Probleme` schema, with a status the document
 * declares for the operation, never a 5xx; and the database must be exactly as before.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createPlatform, type Plateforme } from '../src/app.js';
import { openDatabase, type Database } from '../src/db.js';
import { chargerSpec, creerAjv, operations, type Operation, type Schema } from '../src/spec.js';

const CLE_AGENT = 'cle-agent-robustesse';
const DEMARCHE = 'robustesse';
const spec = chargerSpec();
const ops = operations(spec);
const ajv = creerAjv();
ajv.addSchema(spec.schemaComposants);
const validerProbleme = ajv.compile({ $ref: spec.refComposant('Probleme') });

let instant = new Date('2025-06-02T09:00:00.000Z');
let plateforme: Plateforme;
let limitee: Plateforme;
/** An avis created before the checks (its id and jeton reach the PATCH validation). */
let avis: { id: string; jeton: string };
/** Another avis, created more than an hour before the checks (PATCH → 409). */
let ancien: { id: string; jeton: string };
/** The key of `avis` (the same key with another body → 422). */
const cleAvis = randomUUID();

interface Cas {
  categorie: string;
  nom: string;
  methode: string;
  /** Path and query, sent as is (no normalisation beyond the URL parser's). */
  chemin: string;
  entetes?: Record<string, string | string[]>;
  corps?: BodyInit;
  /** Expected status, when one is certain. */
  statut?: number;
  /** Hostile but not invalid: a 2xx is allowed (never a 5xx). */
  tolere?: boolean;
  cible?: () => Plateforme;
}

const corpsCreation = (reponses: unknown[] = [{ champ: 'satisfaction', optionId: 'good' }]) => ({
  demarche: DEMARCHE,
  formulaire: 'root',
  reponses,
});
const corpsComplement = () => ({ reponses: [{ champ: 'comprehension', optionId: '4' }] });

const json = { 'Content-Type': 'application/json' };
const posterAvis = (cle: string) => ({ ...json, 'Idempotency-Key': cle });
const patchAvis = (jeton: string) => ({ ...json, Authorization: `Bearer ${jeton}` });

/** Path parameter values that are valid, to reach the part of a request being tested. */
function valeursValides(op: Operation): Record<string, string> {
  const valeurs: Record<string, string> = {};
  for (const p of op.parametres.filter((x) => x.in === 'path')) {
    if (op.operationId === 'completerAvis') valeurs[p.name] = avis.id;
    else if (op.operationId === 'lireFormulaire') valeurs[p.name] = 'root';
    else if (op.chemin.startsWith('/v1/demarches')) valeurs[p.name] = DEMARCHE;
    else valeurs[p.name] = 'EX-CAF-33';
  }
  return valeurs;
}

const remplir = (chemin: string, valeurs: Record<string, string>) =>
  chemin.replace(/\{(\w+)\}/g, (_, nom: string) => valeurs[nom] ?? 'x');

/** What an operation needs besides the tested part: its key, jeton, body. */
function base(op: Operation): { entetes: Record<string, string>; corps?: string } {
  switch (op.operationId) {
    case 'creerAvis':
      return { entetes: posterAvis(randomUUID()), corps: JSON.stringify(corpsCreation()) };
    case 'completerAvis':
      return { entetes: patchAvis(avis.jeton), corps: JSON.stringify(corpsComplement()) };
    case 'listerAvisDemarche':
      return { entetes: { Authorization: `Bearer ${CLE_AGENT}` } };
    default:
      return { entetes: {} };
  }
}

const resoudre = (schema: Schema): Schema => spec.resoudre(schema);
const typesDe = (schema: Schema) => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

/** Values of the wrong JSON type for `schema`. */
function mauvaisTypes(schema: Schema): unknown[] {
  const types = typesDe(resoudre(schema));
  const candidats: [string, unknown][] = [
    ['string', 'texte'],
    ['integer', 42],
    ['number', 1.5],
    ['boolean', true],
    ['null', null],
    ['array', []],
    ['object', {}],
  ];
  return candidats
    .filter(([type]) => !types.includes(type) && !(type === 'integer' && types.includes('number')))
    .map(([, v]) => v);
}

/** Values of the right type that break a constraint of `schema` (length, pattern, format, enum). */
function violations(brut: Schema): unknown[] {
  const schema = resoudre(brut);
  const v: unknown[] = [];
  if (typeof schema.maxLength === 'number') v.push('x'.repeat(schema.maxLength + 1));
  if (typeof schema.minLength === 'number' && schema.minLength > 0) v.push('');
  if (schema.pattern) v.push('', ' ', '../../etc/passwd', 'É', 'a'.repeat(65), '<script>', '-x', 'a b');
  if (schema.format === 'uuid') v.push('pas-un-uuid', `${randomUUID()}0`, '{' + randomUUID() + '}');
  if (Array.isArray(schema.enum)) v.push('autre-valeur', String(schema.enum[0]).toUpperCase() + '!');
  if (typeof schema.minimum === 'number') v.push(schema.minimum - 1);
  if (typeof schema.maximum === 'number') v.push(schema.maximum + 1);
  return v;
}

/** A copy of `racine` with `nouvelle` at `chemin` (undefined: removed). */
function poser(racine: unknown, chemin: (string | number)[], nouvelle: unknown): unknown {
  if (chemin.length === 0) return nouvelle;
  const [tete, ...reste] = chemin;
  const copie = (Array.isArray(racine) ? [...racine] : { ...(racine as object) }) as Record<string | number, unknown>;
  const enfant = poser(copie[tete as string], reste, nouvelle);
  if (enfant === undefined && reste.length === 0) {
    return Object.fromEntries(Object.entries(copie).filter(([cle]) => cle !== String(tete)));
  }
  copie[tete as string] = enfant;
  return copie;
}

/**
 * Every field of a body (walked alongside its schema from a valid body): each gets wrong types
 * and constraint violations, each required one is removed, each object gets unknown fields.
 */
function mutationsCorps(schemaRacine: Schema, valide: Record<string, unknown>): { nom: string; corps: unknown }[] {
  const cas: { nom: string; corps: unknown }[] = [];
  const visiter = (schemaBrut: Schema, valeur: unknown, chemin: (string | number)[]) => {
    const schema = resoudre(schemaBrut);
    const ici = chemin.join('.') || '(corps)';
    for (const mauvais of mauvaisTypes(schema)) {
      cas.push({ nom: `${ici} de type ${JSON.stringify(mauvais)}`, corps: poser(valide, chemin, mauvais) });
    }
    for (const mauvais of violations(schema)) {
      cas.push({ nom: `${ici} = ${JSON.stringify(mauvais).slice(0, 40)}`, corps: poser(valide, chemin, mauvais) });
    }
    if (typesDe(schema).includes('object') && valeur && typeof valeur === 'object') {
      cas.push({ nom: `${ici} + champ inconnu`, corps: poser(valide, chemin, { ...valeur, inconnu: 1 }) });
      cas.push({
        nom: `${ici} + __proto__`,
        corps: poser(valide, chemin, JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(valeur).slice(1)}`)),
      });
      for (const requis of schema.required ?? []) {
        cas.push({ nom: `${ici} sans ${requis}`, corps: poser(valide, [...chemin, requis], undefined) });
      }
      for (const [nom, sous] of Object.entries(schema.properties ?? {})) {
        if (typeof sous === 'boolean') continue;
        const present = (valeur as Record<string, unknown>)[nom];
        visiter(sous, present ?? defaut(sous), [...chemin, nom]);
      }
    }
    if (typesDe(schema).includes('array') && Array.isArray(valeur)) {
      if (typeof schema.minItems === 'number') cas.push({ nom: `${ici} vide`, corps: poser(valide, chemin, []) });
      if (typeof schema.maxItems === 'number') {
        cas.push({
          nom: `${ici} de ${schema.maxItems + 1} éléments`,
          corps: poser(
            valide,
            chemin,
            Array.from({ length: schema.maxItems + 1 }, () => valeur[0]),
          ),
        });
      }
      if (schema.items && valeur.length > 0) visiter(schema.items, valeur[0], [...chemin, 0]);
    }
  };
  visiter(schemaRacine, valide, []);
  return cas;
}

/** A value for an optional field absent from the valid body, so it gets mutated too. */
function defaut(schemaBrut: Schema): unknown {
  const schema = resoudre(schemaBrut);
  if (typesDe(schema).includes('string')) return 'a1';
  return undefined;
}

/** Deeply nested JSON of `profondeur` levels, under 16 KiB. */
const imbrique = (profondeur: number) => `${'['.repeat(profondeur)}${']'.repeat(profondeur)}`;

function genererCas(): Cas[] {
  const cas: Cas[] = [];
  const ajouter = (c: Cas) => cas.push(c);

  // 1. Unknown methods on every route (and declared routes with another method).
  const chemins = [...new Set(ops.map((o) => o.chemin))];
  for (const chemin of chemins) {
    const declarees = ops.filter((o) => o.chemin === chemin).map((o) => o.methode.toUpperCase());
    const op = ops.find((o) => o.chemin === chemin) as Operation;
    for (const methode of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND', 'FOO']) {
      if (declarees.includes(methode)) continue;
      ajouter({
        categorie: 'méthode inconnue',
        nom: `${methode} ${chemin}`,
        methode,
        chemin: remplir(chemin, valeursValides(op)),
        entetes: json,
        corps: ['GET'].includes(methode) ? undefined : '{}',
      });
    }
  }

  // 2. Path parameters: traversal, bad patterns and UUIDs, encodings.
  const mauvaisChemins = [
    '..',
    '%2e%2e',
    '..%2F..%2Fplatform%2Fopenapi.yaml',
    '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '%00',
    '%E0%A4%A',
    '%',
    'a%2Fb',
    'A'.repeat(65),
    '-x',
    '%C3%A9',
    '%3Cscript%3E',
    "x'%20OR%201=1--",
    'x;DROP%20TABLE%20avis',
  ];
  for (const op of ops) {
    for (const p of op.parametres.filter((x) => x.in === 'path')) {
      const valeurs = valeursValides(op);
      const b = base(op);
      const extra =
        resoudre(p.schema).format === 'uuid' ? ['pas-un-uuid', `${randomUUID()}0`, 'urn:uuid:' + randomUUID()] : [];
      for (const mauvais of [...mauvaisChemins, ...extra]) {
        ajouter({
          categorie: 'paramètre de chemin',
          nom: `${op.operationId} ${p.name}=${mauvais.slice(0, 30)}`,
          methode: op.methode.toUpperCase(),
          chemin: remplir(op.chemin, { ...valeurs, [p.name]: mauvais }),
          entetes: b.entetes,
          corps: b.corps,
        });
      }
    }
  }
  for (const brut of [
    '/v1/../../etc/passwd',
    '/v1/structures/EX-CAF-33/../../../platform/openapi.yaml',
    '/%2e%2e/%2e%2e/',
    '/v1//structures',
    '/v1/structures/EX-CAF-33/resultats/x',
    '/v2/engagements',
    '/',
    '/v1',
  ]) {
    ajouter({ categorie: 'chemin inconnu', nom: brut, methode: 'GET', chemin: brut });
  }

  // 3. Query parameters: each declared one with bad values; unknown and repeated ones everywhere.
  for (const op of ops) {
    const b = base(op);
    const chemin = remplir(op.chemin, valeursValides(op));
    const requete = op.parametres.filter((x) => x.in === 'query');
    const valeursRequete: string[] = [];
    for (const p of requete) {
      const mauvais = [
        ...violations(p.schema),
        ...(typesDe(resoudre(p.schema)).includes('integer') ? ['abc', '1.5', '', 'Infinity'] : []),
      ];
      valeursRequete.push(p.name);
      for (const m of mauvais) {
        ajouter({
          categorie: 'paramètre de requête',
          nom: `${op.operationId} ${p.name}=${String(m).slice(0, 30)}`,
          methode: op.methode.toUpperCase(),
          chemin: `${chemin}?${new URLSearchParams({ [p.name]: String(m) }).toString()}`,
          entetes: b.entetes,
          corps: b.corps,
        });
      }
      ajouter({
        categorie: 'paramètre de requête',
        nom: `${op.operationId} ${p.name} répété`,
        methode: op.methode.toUpperCase(),
        chemin: `${chemin}?${p.name}=a1&${p.name}=a2`,
        entetes: b.entetes,
        corps: b.corps,
      });
    }
    for (const q of ['inconnu=1', '__proto__=1', 'q%00=1']) {
      ajouter({
        categorie: 'paramètre de requête',
        nom: `${op.operationId} ?${q}`,
        methode: op.methode.toUpperCase(),
        chemin: `${chemin}?${q}`,
        entetes: b.entetes,
        corps: b.corps,
      });
    }
  }
  for (const q of ['%00', 'a%00b', '%C0%AF', '%FF%FE']) {
    for (const chemin of [
      '/v1/structures?q=',
      '/v1/oups/erreurs?q=',
      '/v1/oups/erreurs?administration=',
      '/v1/structures?reseau=',
    ]) {
      // Bytes that are not UTF-8 are read as U+FFFD (URLSearchParams), a search that finds nothing.
      const tolere = q.startsWith('%C0') || q.startsWith('%FF');
      ajouter({
        categorie: 'paramètre de requête',
        nom: `${chemin}${q}`,
        methode: 'GET',
        chemin: `${chemin}${q}`,
        tolere,
      });
    }
  }

  // 4. Headers: Idempotency-Key and Authorization.
  const corpsValide = JSON.stringify(corpsCreation());
  for (const [nom, cle] of [
    ['absente', undefined],
    ['vide', ''],
    ['texte', 'abc'],
    ['trop longue', `${randomUUID()}0`],
    ['deux clés', [randomUUID(), randomUUID()]],
    ['urn', `urn:uuid:${randomUUID()}`],
    ['accolades', `{${randomUUID()}}`],
    ['sans tirets', randomUUID().replace(/-/g, '')],
    ['espaces', ` ${randomUUID()}x `],
    ['injection', "'; DROP TABLE avis; --"],
  ] as [string, string | string[] | undefined][]) {
    const entetes: Record<string, string | string[]> = { ...json };
    if (cle !== undefined) entetes['Idempotency-Key'] = cle;
    ajouter({ categorie: 'Idempotency-Key', nom, methode: 'POST', chemin: '/v1/avis', entetes, corps: corpsValide });
  }
  ajouter({
    categorie: 'Idempotency-Key',
    nom: 'clé déjà utilisée, autre contenu',
    methode: 'POST',
    chemin: '/v1/avis',
    entetes: posterAvis(cleAvis),
    corps: JSON.stringify(corpsCreation([{ champ: 'satisfaction', optionId: 'bad' }])),
    statut: 422,
  });
  const corpsPatch = JSON.stringify(corpsComplement());
  for (const [nom, valeur, statut] of [
    ['absent', undefined, 401],
    ['vide', '', 401],
    ['Bearer seul', 'Bearer', 401],
    ['Bearer espace', 'Bearer ', 401],
    ['Basic', 'Basic dXNlcjpwYXNz', 401],
    ['deux jetons', 'Bearer a b', 401],
    ['caractères interdits', 'Bearer <script>', 401],
    ['jeton faux', `Bearer ${'A'.repeat(43)}`, 403],
    ['jeton trop court', 'Bearer abc', 403],
    ['jeton très long', `Bearer ${'a'.repeat(8000)}`, 403],
    ['jeton d’un autre avis', 'AUTRE', 403],
  ] as [string, string | undefined, number][]) {
    const entetes: Record<string, string> = { ...json };
    if (valeur === 'AUTRE') entetes.Authorization = `Bearer ${ancien.jeton}`;
    else if (valeur !== undefined) entetes.Authorization = valeur;
    ajouter({
      categorie: 'jeton',
      nom,
      methode: 'PATCH',
      chemin: `/v1/avis/${avis.id}`,
      entetes,
      corps: corpsPatch,
      statut,
    });
  }
  ajouter({
    categorie: 'jeton',
    nom: 'avis inconnu, jeton bien formé',
    methode: 'PATCH',
    chemin: `/v1/avis/${randomUUID()}`,
    entetes: patchAvis('A'.repeat(43)),
    corps: corpsPatch,
  });
  ajouter({
    categorie: 'jeton',
    nom: 'avis de plus d’une heure',
    methode: 'PATCH',
    chemin: `/v1/avis/${ancien.id}`,
    entetes: patchAvis(ancien.jeton),
    corps: corpsPatch,
    statut: 409,
  });
  for (const [nom, valeur] of [
    ['sans clé', undefined],
    ['clé fausse', 'Bearer mauvaise-cle'],
    ['jeton d’avis comme clé', 'AVIS'],
    ['Basic', 'Basic Y2xlOg=='],
  ] as [string, string | undefined][]) {
    const entetes: Record<string, string> = {};
    if (valeur === 'AVIS') entetes.Authorization = `Bearer ${avis.jeton}`;
    else if (valeur !== undefined) entetes.Authorization = valeur;
    ajouter({ categorie: 'clé API', nom, methode: 'GET', chemin: `/v1/demarches/${DEMARCHE}/avis`, entetes });
  }

  // 5. Bodies: content types, malformed JSON, sizes, nesting, every field of the schema.
  const corpsOps = ops.filter((o) => o.corps);
  for (const op of corpsOps) {
    const b = base(op);
    const chemin = remplir(op.chemin, valeursValides(op));
    const envoyer = (
      categorie: string,
      nom: string,
      corps: BodyInit | undefined,
      entetes = b.entetes,
      statut?: number,
    ) =>
      ajouter({
        categorie,
        nom: `${op.operationId} ${nom}`,
        methode: op.methode.toUpperCase(),
        chemin,
        entetes,
        corps,
        statut,
      });

    const { 'Content-Type': _type, ...sansType } = b.entetes;
    for (const type of [
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'application/xml',
      'text/json',
    ]) {
      envoyer(
        'type de contenu',
        `Content-Type ${type ?? 'absent'}`,
        b.corps,
        type ? { ...sansType, 'Content-Type': type } : sansType,
        415,
      );
    }
    for (const [nom, texte] of [
      ['vide', ''],
      ['accolade', '{'],
      ['valeur manquante', '{"reponses":}'],
      ['apostrophes', "{'reponses':[]}"],
      ['NaN', 'NaN'],
      ['virgule finale', '{"reponses":[],}'],
      ['deux documents', '{}{}'],
      ['commentaire', '{/* x */}'],
      ['null', 'null'],
      ['tableau', '[]'],
      ['chaîne', '"x"'],
      ['nombre', '1'],
      ['booléen', 'true'],
      ['NUL', '\u0000'],
    ] as [string, string][]) {
      envoyer('JSON invalide', nom, texte, b.entetes, 400);
    }
    envoyer(
      'JSON invalide',
      'UTF-8 invalide',
      new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      b.entetes,
      400,
    );
    envoyer('JSON invalide', 'UTF-16', new Uint8Array(Buffer.from('{"reponses":[]}', 'utf16le')), b.entetes, 400);

    const gros = JSON.stringify({ ...JSON.parse(b.corps ?? '{}'), remplissage: 'x'.repeat(17 * 1024) });
    envoyer('corps énorme', '17 Kio', gros, b.entetes, 413);
    envoyer('corps énorme', '1 Mio', 'x'.repeat(1024 * 1024), b.entetes, 413);
    envoyer('corps énorme', '17 Kio d’espaces', `${' '.repeat(17 * 1024)}${b.corps ?? ''}`, b.entetes, 413);
    envoyer('imbrication', 'tableaux sur 5000 niveaux', imbrique(5000), b.entetes, 400);
    envoyer('imbrication', 'objets sur 2000 niveaux', `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`, b.entetes, 400);
    envoyer('imbrication', 'réponses imbriquées', `{"reponses":${imbrique(4000)}}`, b.entetes, 400);
    envoyer(
      'imbrication',
      'texte imbriqué',
      `{"reponses":[{"champ":"verbatim","texte":${'{"a":'.repeat(1500)}1${'}'.repeat(1500)}}]}`,
      b.entetes,
      400,
    );

    const valide = JSON.parse(b.corps ?? '{}') as Record<string, unknown>;
    for (const m of mutationsCorps(op.corps as Schema, valide)) {
      envoyer(
        'champ du corps',
        m.nom,
        JSON.stringify(m.corps),
        op.operationId === 'creerAvis' ? posterAvis(randomUUID()) : b.entetes,
        400,
      );
    }
  }

  // 6. Valid JSON, valid types, invalid against the questionnaire.
  const semantiques: [string, unknown[]][] = [
    ['champ inconnu', [{ champ: 'inconnu', optionId: 'good' }]],
    ['option inconnue', [{ champ: 'satisfaction', optionId: 'excellent' }]],
    ['texte sur un smiley', [{ champ: 'satisfaction', optionId: 'good', texte: 'x' }]],
    ['smiley sans option', [{ champ: 'satisfaction' }]],
    ['sans la question obligatoire', [{ champ: 'comprehension', optionId: '3' }]],
    [
      'réponse en double',
      [
        { champ: 'satisfaction', optionId: 'good' },
        { champ: 'satisfaction', optionId: 'bad' },
      ],
    ],
    [
      'option exclusive combinée',
      [
        { champ: 'satisfaction', optionId: 'good' },
        { champ: 'contact_tried', optionId: 'aucune' },
        { champ: 'contact_tried', optionId: 'guichet' },
      ],
    ],
    [
      'condition sans parent',
      [
        { champ: 'satisfaction', optionId: 'good' },
        { champ: 'contact_reached', optionId: 'oui' },
      ],
    ],
    [
      'parent non coché',
      [
        { champ: 'satisfaction', optionId: 'good' },
        { champ: 'contact_reached', optionId: 'oui', parent: 'guichet' },
      ],
    ],
    ['parent sur une question simple', [{ champ: 'satisfaction', optionId: 'good', parent: 'guichet' }]],
    [
      'autre trop long',
      [
        { champ: 'satisfaction', optionId: 'good' },
        { champ: 'contact_tried', optionId: 'autre', texte: 'x'.repeat(251) },
      ],
    ],
    [
      'verbatim de 1001 caractères',
      [
        { champ: 'satisfaction', optionId: 'good' },
        { champ: 'verbatim', texte: 'x'.repeat(1001) },
      ],
    ],
    [
      'e-mail invalide',
      [
        { champ: 'satisfaction', optionId: 'good' },
        { champ: 'contact_email', texte: 'pas un e-mail' },
      ],
    ],
    [
      'verbatim avec NUL',
      [
        { champ: 'satisfaction', optionId: 'good' },
        { champ: 'verbatim', texte: 'avant\u0000après' },
      ],
    ],
    [
      'autre avec NUL',
      [
        { champ: 'satisfaction', optionId: 'good' },
        { champ: 'contact_tried', optionId: 'autre', texte: '\u0000' },
      ],
    ],
    [
      'verbatim sans option',
      [
        { champ: 'satisfaction', optionId: 'good' },
        { champ: 'verbatim', optionId: 'good', texte: 'x' },
      ],
    ],
  ];
  for (const [nom, reponses] of semantiques) {
    ajouter({
      categorie: 'questionnaire',
      nom: `POST ${nom}`,
      methode: 'POST',
      chemin: '/v1/avis',
      entetes: posterAvis(randomUUID()),
      corps: JSON.stringify(corpsCreation(reponses)),
      statut: 400,
    });
    const suite = reponses.filter((r) => (r as { champ: string }).champ !== 'satisfaction');
    // Without the smiley, a PATCH of these answers alone is valid: only the others are sent.
    if (suite.length && nom !== 'sans la question obligatoire') {
      ajouter({
        categorie: 'questionnaire',
        nom: `PATCH ${nom}`,
        methode: 'PATCH',
        chemin: `/v1/avis/${avis.id}`,
        entetes: patchAvis(avis.jeton),
        corps: JSON.stringify({ reponses: suite }),
        statut: 400,
      });
    }
  }
  for (const [nom, corps] of [
    ['questionnaire inconnu', { ...corpsCreation(), formulaire: 'inconnu' }],
    ['démarche avec NUL', { ...corpsCreation(), demarche: 'a\u0000' }],
    ['bouton avec saut de ligne', { ...corpsCreation(), bouton: 'a\nb' }],
  ] as [string, unknown][]) {
    ajouter({
      categorie: 'questionnaire',
      nom,
      methode: 'POST',
      chemin: '/v1/avis',
      entetes: posterAvis(randomUUID()),
      corps: JSON.stringify(corps),
      statut: 400,
    });
  }

  // 7. Rate limit: an invalid request over the limit is refused with 429 first.
  for (let i = 0; i < 3; i++) {
    ajouter({
      categorie: 'limite de débit',
      nom: `POST n°${i + 1} au-delà de 1/minute`,
      methode: 'POST',
      chemin: '/v1/avis',
      entetes: posterAvis(randomUUID()),
      corps: '{',
      cible: () => limitee,
    });
  }
  return cas;
}

/** A fingerprint of every table: any row added, changed or removed changes it. */
async function empreinte(db: Database): Promise<Record<string, string>> {
  const tables = (
    await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    )
  ).map((t) => t.table_name);
  const resultat: Record<string, string> = {};
  for (const table of tables) {
    const [ligne] = await db.query<{ h: string | null; n: number }>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h, count(*)::int AS n FROM "${table}" t`,
    );
    resultat[table] = `${ligne?.n}:${ligne?.h}`;
  }
  return resultat;
}

/** Statuses the document declares for the operation matching a request, if one does. */
function declares(methode: string, chemin: string): string[] | undefined {
  const pathname = new URL(chemin, 'http://plateforme.test').pathname;
  const op = ops.find(
    (o) =>
      o.methode.toUpperCase() === methode && new RegExp(`^${o.chemin.replace(/\{\w+\}/g, '[^/]+')}$`).test(pathname),
  );
  return op ? Object.keys(op.reponses) : undefined;
}

async function envoyer(c: Cas): Promise<string | undefined> {
  const entetes = new Headers();
  for (const [nom, valeur] of Object.entries(c.entetes ?? {})) {
    for (const v of Array.isArray(valeur) ? valeur : [valeur]) entetes.append(nom, v);
  }
  const requete = new Request(`http://plateforme.test${c.chemin}`, {
    method: c.methode,
    headers: entetes,
    body: c.corps,
  });
  const reponse = await (c.cible?.() ?? plateforme).fetch(requete, { ip: '192.0.2.1' });
  const texte = await reponse.text();
  const ou = `${c.categorie} / ${c.nom} → ${reponse.status}`;
  if (reponse.status >= 500) return `${ou} : erreur de la plateforme ${texte.slice(0, 200)}`;
  if (reponse.status < 400) return c.tolere && reponse.status < 300 ? undefined : `${ou} : accepté`;
  if (c.statut !== undefined && reponse.status !== c.statut)
    return `${ou} : ${c.statut} attendu (${texte.slice(0, 200)})`;
  const type = reponse.headers.get('content-type')?.split(';')[0]?.trim();
  if (type !== 'application/problem+json') return `${ou} : type ${type}`;
  let corps: unknown;
  try {
    corps = JSON.parse(texte);
  } catch {
    return `${ou} : corps non JSON`;
  }
  if (!validerProbleme(corps)) return `${ou} : hors schéma Probleme ${JSON.stringify(validerProbleme.errors)}`;
  if ((corps as { status: number }).status !== reponse.status) return `${ou} : status du corps différent`;
  const statuts = declares(c.methode, c.chemin);
  if (statuts && !statuts.includes(String(reponse.status))) return `${ou} : statut non déclaré (${statuts.join(', ')})`;
  if (reponse.status === 401 && !reponse.headers.get('www-authenticate')) return `${ou} : sans WWW-Authenticate`;
  if (reponse.status === 429 && !reponse.headers.get('retry-after')) return `${ou} : sans Retry-After`;
  if (reponse.headers.get('access-control-allow-origin') !== '*') return `${ou} : sans CORS`;
  return undefined;
}

let cas: Cas[] = [];
let avant: Record<string, string>;
const echecs: string[] = [];

before(async () => {
  const db = await openDatabase({ memory: true });
  plateforme = await createPlatform({ db, apiKeys: [CLE_AGENT], rateLimit: false, now: () => instant });
  limitee = await createPlatform({ db, rateLimit: { avisParMinute: 1 }, now: () => instant });
  const creer = async (cle: string) => {
    const reponse = await plateforme.fetch(
      new Request('http://plateforme.test/v1/avis', {
        method: 'POST',
        headers: posterAvis(cle),
        body: JSON.stringify(corpsCreation()),
      }),
    );
    assert.equal(reponse.status, 201);
    return (await reponse.json()) as { id: string; jeton: string };
  };
  ancien = await creer(randomUUID());
  instant = new Date(instant.getTime() + 2 * 3600_000);
  avis = await creer(cleAvis);
  cas = genererCas();
  avant = await empreinte(db);
});
after(() => plateforme.close());

describe('requêtes invalides générées depuis openapi.yaml', () => {
  it('en génère au moins 200', () => {
    const parCategorie = new Map<string, number>();
    for (const c of cas) parCategorie.set(c.categorie, (parCategorie.get(c.categorie) ?? 0) + 1);
    console.log(
      `[robustesse] ${cas.length} requêtes (${cas.filter((c) => c.tolere).length} tolérées) :`,
      Object.fromEntries(parCategorie),
    );
    const invalides = cas.filter((c) => !c.tolere).length;
    assert.ok(invalides >= 200, String(invalides));
  });

  it('chacune reçoit un 4xx application/problem+json conforme au contrat, jamais un 5xx', async () => {
    for (const c of cas) {
      const echec = await envoyer(c);
      if (echec) echecs.push(echec);
    }
    assert.deepEqual(echecs, []);
  });

  it('aucune ne modifie la base de données', async () => {
    assert.deepEqual(await empreinte(plateforme.db), avant);
  });
});
