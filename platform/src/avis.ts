/**
 * Reviews (avis): answers checked against their questionnaire, idempotent creation, completion
 * by jeton within one hour, statistics with JDMA's scoring.
 */
import { createHash, createHmac, timingSafeEqual, randomUUID } from 'node:crypto';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import type { Database, Requetable } from './db.js';
import { ErreurProbleme, TYPE_PROBLEME, introuvable, requeteInvalide } from './http.js';
import { erreursChamps, type Schema } from './spec.js';
import type {
  AvisCreation,
  AvisCree,
  AvisEnregistre,
  AvisModifie,
  AvisReponse,
  Bloc,
  ErreurChamp,
  Formulaire,
  Option,
  ReponseEnregistree,
  Statistiques,
} from './types.js';

/** As JDMA: a review can be completed during one hour after its creation. */
const DELAI_MODIFICATION_MS = 60 * 60 * 1000;

interface BlocCompile {
  bloc: Bloc;
  options: Map<string, Option>;
  valider: ValidateFunction;
}

export interface Questionnaire {
  formulaire: Formulaire;
  blocs: Map<string, BlocCompile>;
  /** Required blocks of the first step: a review cannot be created without them. */
  obligatoiresCreation: string[];
}

/**
 * JSON Schema of one answer to `bloc`, compiled by Ajv: the option must be one of the bloc's,
 * free text only where the bloc or an `autre` option opens it, within its length, and
 * `parent` exactly when the bloc has a condition.
 */
function schemaReponse(bloc: Bloc): Schema {
  const proprietes: Record<string, Schema | boolean> = {
    parent: bloc.condition ? { enum: bloc.condition.optionIds } : false,
  };
  const requis = bloc.condition ? ['parent'] : [];
  if (bloc.type === 'texte' || bloc.type === 'email') {
    proprietes.optionId = false;
    proprietes.texte = {
      type: 'string',
      maxLength: bloc.longueurMax ?? 1000,
      ...(bloc.type === 'email' ? { format: 'email' } : {}),
    };
    return { type: 'object', properties: proprietes, required: [...requis, 'texte'] };
  }
  const autres = bloc.options.filter((o) => o.autre);
  proprietes.optionId = { enum: bloc.options.map((o) => o.id) };
  if (autres.length === 0) {
    proprietes.texte = false;
    return { type: 'object', properties: proprietes, required: [...requis, 'optionId'] };
  }
  return {
    type: 'object',
    properties: proprietes,
    required: [...requis, 'optionId'],
    allOf: [
      ...autres.map((o) => ({
        if: { properties: { optionId: { const: o.id } } },
        then: { properties: { texte: { type: 'string', maxLength: o.longueurMax ?? 1000 } } },
      })),
      {
        if: { properties: { optionId: { not: { enum: autres.map((o) => o.id) } } } },
        then: { properties: { texte: false } },
      },
    ],
  };
}

export function compilerQuestionnaire(formulaire: Formulaire, ajv: Ajv2020): Questionnaire {
  const blocs = new Map<string, BlocCompile>();
  for (const etape of formulaire.etapes) {
    for (const bloc of etape.blocs) {
      blocs.set(bloc.champ, {
        bloc,
        options: new Map(bloc.options.map((o) => [o.id, o])),
        valider: ajv.compile(schemaReponse(bloc)),
      });
    }
  }
  const obligatoiresCreation = (formulaire.etapes[0]?.blocs ?? []).filter((b) => b.obligatoire).map((b) => b.champ);
  return { formulaire, blocs, obligatoiresCreation };
}

/**
 * Checks `nouvelles` and merges them into `existantes` (null when creating): the answers of a
 * champ present in `nouvelles` replace all its previous ones, so a replayed request changes
 * nothing; conditional answers whose parent option is no longer ticked are dropped.
 * Throws a 400 problem naming every failing answer.
 */
export function verifierReponses(
  q: Questionnaire,
  nouvelles: AvisReponse[],
  existantes: ReponseEnregistree[] | null,
): ReponseEnregistree[] {
  const erreurs: ErreurChamp[] = [];
  const blocDe = (champ: string) => q.blocs.get(champ);

  nouvelles.forEach((r, i) => {
    const compile = blocDe(r.champ);
    if (!compile)
      erreurs.push({ champ: `reponses[${i}].champ`, message: `champ inconnu du questionnaire « ${q.formulaire.id} »` });
    else if (!compile.valider(r)) erreurs.push(...erreursChamps(compile.valider.errors, `reponses[${i}]`));
  });
  if (erreurs.length > 0) throw requeteInvalide(erreurs);

  const vues = new Set<string>();
  const groupes = new Map<string, number[]>();
  nouvelles.forEach((r, i) => {
    const { bloc } = blocDe(r.champ) as BlocCompile;
    const groupe = `${r.champ}\u0000${r.parent ?? ''}`;
    const cle = `${groupe}\u0000${bloc.type === 'cases' ? r.optionId : ''}`;
    if (vues.has(cle)) erreurs.push({ champ: `reponses[${i}]`, message: `réponse en double pour « ${r.champ} »` });
    vues.add(cle);
    groupes.set(groupe, [...(groupes.get(groupe) ?? []), i]);
  });
  for (const indices of groupes.values()) {
    for (const i of indices) {
      const r = nouvelles[i] as AvisReponse;
      const option = r.optionId ? blocDe(r.champ)?.options.get(r.optionId) : undefined;
      if (option?.exclusif && indices.length > 1) {
        erreurs.push({
          champ: `reponses[${i}].optionId`,
          message: `« ${option.libelle} » ne se combine avec aucune autre option`,
        });
      }
    }
  }

  const remplaces = new Set(nouvelles.map((r) => r.champ));
  const ajoutees: ReponseEnregistree[] = nouvelles.map((r) => {
    const intention = r.optionId ? blocDe(r.champ)?.options.get(r.optionId)?.intention : undefined;
    return { ...r, ...(intention ? { intention } : {}) };
  });
  const fusion = [...(existantes ?? []).filter((r) => !remplaces.has(r.champ)), ...ajoutees];
  const cochees = (champ: string) => new Set(fusion.filter((r) => r.champ === champ).map((r) => r.optionId));
  const parentCoche = (r: ReponseEnregistree) => {
    const condition = blocDe(r.champ)?.bloc.condition;
    return !condition || cochees(condition.champ).has(r.parent);
  };
  nouvelles.forEach((r, i) => {
    const condition = blocDe(r.champ)?.bloc.condition;
    if (condition && !parentCoche(r)) {
      erreurs.push({
        champ: `reponses[${i}].parent`,
        message: `l'option « ${r.parent} » n'est pas cochée pour « ${condition.champ} »`,
      });
    }
  });
  if (existantes === null) {
    for (const champ of q.obligatoiresCreation) {
      if (!fusion.some((r) => r.champ === champ))
        erreurs.push({ champ: 'reponses', message: `réponse obligatoire pour « ${champ} »` });
    }
  }
  if (erreurs.length > 0) throw requeteInvalide(erreurs);
  return fusion.filter(parentCoche);
}

/** Same JSON, same text: keys sorted at every level. */
function canonique(valeur: unknown): string {
  if (Array.isArray(valeur)) return `[${valeur.map(canonique).join(',')}]`;
  if (valeur !== null && typeof valeur === 'object') {
    const cles = Object.keys(valeur).sort();
    return `{${cles.map((c) => `${JSON.stringify(c)}:${canonique((valeur as Record<string, unknown>)[c])}`).join(',')}}`;
  }
  return JSON.stringify(valeur);
}

export interface ContexteAvis {
  db: Database;
  /** HMAC key of the jetons (table secret_serveur). */
  secret: Buffer;
  maintenant: () => Date;
}

/** The jeton is derived from the id, so it is never stored and a replay returns the same one. */
function jetonDe(contexte: ContexteAvis, id: string): string {
  return createHmac('sha256', contexte.secret).update(id).digest('base64url');
}

function jetonValide(contexte: ContexteAvis, id: string, jeton: string): boolean {
  const attendu = Buffer.from(jetonDe(contexte, id));
  const recu = Buffer.from(jeton);
  return attendu.length === recu.length && timingSafeEqual(attendu, recu);
}

/** Reads the HMAC key, creating it on the first start of a database. */
export async function lireSecret(db: Requetable, nouveau: () => string): Promise<Buffer> {
  await db.query('INSERT INTO secret_serveur (id, cle) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [nouveau()]);
  const [ligne] = await db.query<{ cle: string }>('SELECT cle FROM secret_serveur WHERE id = 1');
  if (!ligne) throw new Error('secret_serveur vide');
  return Buffer.from(ligne.cle, 'base64url');
}

/** Answers travel as one JSON parameter, expanded into rows by jsonb_to_recordset. */
const LIGNES_REPONSES = `jsonb_to_recordset($2::jsonb)
  AS r(position integer, champ text, "optionId" text, texte text, parent text, intention text)`;
const lignesReponses = (reponses: ReponseEnregistree[]) =>
  JSON.stringify(reponses.map((r, position) => ({ position, ...r })));

async function insererReponses(tx: Requetable, avis: string, reponses: ReponseEnregistree[]): Promise<void> {
  await tx.query(
    `INSERT INTO avis_reponses (avis, position, champ, option_id, texte, parent, intention)
     SELECT $1, r.position, r.champ, r."optionId", r.texte, r.parent, r.intention FROM ${LIGNES_REPONSES}`,
    [avis, lignesReponses(reponses)],
  );
}

/**
 * Stores the review once per Idempotency-Key. The unique constraint decides, not a prior read:
 * one statement inserts the review and, only if that insert happened, its answers. Of 20
 * racing requests one inserts; PostgreSQL makes the others wait for its commit, then they find
 * its row and answer 200 with the same body, or 422 when their content differs.
 */
export async function enregistrerAvis(
  contexte: ContexteAvis,
  cle: string,
  corps: AvisCreation,
  reponses: ReponseEnregistree[],
): Promise<{ statut: 200 | 201; corps: AvisCree }> {
  const { db } = contexte;
  const empreinte = createHash('sha256').update(canonique(corps)).digest('hex');
  const id = randomUUID();
  const creeLe = contexte.maintenant();
  const inseres = await db.query(
    `WITH nouvel AS (
       INSERT INTO avis (id, cle_idempotence, empreinte, demarche, formulaire, bouton, cree_le, modifie_le)
       VALUES ($1, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (cle_idempotence) DO NOTHING RETURNING id
     ), reponses AS (
       INSERT INTO avis_reponses (avis, position, champ, option_id, texte, parent, intention)
       SELECT nouvel.id, r.position, r.champ, r."optionId", r.texte, r.parent, r.intention FROM nouvel, ${LIGNES_REPONSES}
     )
     SELECT id FROM nouvel`,
    [id, lignesReponses(reponses), cle, empreinte, corps.demarche, corps.formulaire, corps.bouton ?? null, creeLe],
  );
  if (inseres.length === 1) {
    return { statut: 201, corps: { id, jeton: jetonDe(contexte, id), creeLe: creeLe.toISOString() } };
  }
  const [existant] = await db.query<{ id: string; empreinte: string; cree_le: Date }>(
    'SELECT id::text, empreinte, cree_le FROM avis WHERE cle_idempotence = $1',
    [cle],
  );
  if (!existant) throw new Error('conflit d’idempotence sans ligne existante');
  if (existant.empreinte !== empreinte) {
    throw new ErreurProbleme(422, 'Clé d’idempotence déjà utilisée', {
      type: TYPE_PROBLEME.idempotence,
      detail: 'Cette clé a déjà servi pour un avis au contenu différent ; chaque avis doit avoir sa propre clé.',
      errors: [{ champ: 'Idempotency-Key', message: 'déjà utilisée pour un autre contenu' }],
    });
  }
  return {
    statut: 200,
    corps: { id: existant.id, jeton: jetonDe(contexte, existant.id), creeLe: existant.cree_le.toISOString() },
  };
}

/**
 * Adds the answers of a later step. The row lock serialises concurrent completions of one
 * review; `avantEcriture` runs once the review is known (the per-démarche rate limit).
 */
export async function completerAvis(
  contexte: ContexteAvis,
  questionnaires: Map<string, Questionnaire>,
  demande: { id: string; jeton: string; reponses: AvisReponse[]; avantEcriture: (demarche: string) => void },
): Promise<AvisModifie> {
  return contexte.db.transaction(async (tx) => {
    const [avis] = await tx.query<{ demarche: string; formulaire: string; cree_le: Date }>(
      'SELECT demarche, formulaire, cree_le FROM avis WHERE id = $1 FOR UPDATE',
      [demande.id],
    );
    if (!avis) throw introuvable('Aucun avis ne porte cet identifiant.');
    if (!jetonValide(contexte, demande.id, demande.jeton)) {
      throw new ErreurProbleme(403, 'Jeton refusé', { detail: 'Ce jeton ne permet pas de modifier cet avis.' });
    }
    const maintenant = contexte.maintenant();
    if (maintenant.getTime() - avis.cree_le.getTime() > DELAI_MODIFICATION_MS) {
      throw new ErreurProbleme(409, 'Avis clos', {
        type: TYPE_PROBLEME.delaiModification,
        detail: 'Un avis peut être complété pendant une heure après sa création ; ce délai est passé.',
      });
    }
    demande.avantEcriture(avis.demarche);
    const questionnaire = questionnaires.get(avis.formulaire);
    if (!questionnaire) throw new Error(`questionnaire ${avis.formulaire} absent`);
    const existantes = await tx.query<{ r: ReponseEnregistree }>(
      `SELECT jsonb_strip_nulls(jsonb_build_object('champ', champ, 'optionId', option_id, 'texte', texte,
         'parent', parent, 'intention', intention)) AS r
       FROM avis_reponses WHERE avis = $1 ORDER BY position`,
      [demande.id],
    );
    const fusion = verifierReponses(
      questionnaire,
      demande.reponses,
      existantes.map((l) => l.r),
    );
    await tx.query('DELETE FROM avis_reponses WHERE avis = $1', [demande.id]);
    await insererReponses(tx, demande.id, fusion);
    await tx.query('UPDATE avis SET modifie_le = $2 WHERE id = $1', [demande.id, maintenant]);
    return { id: demande.id, creeLe: avis.cree_le.toISOString(), modifieLe: maintenant.toISOString() };
  });
}

/** JDMA scoring of `satisfaction`: good 10, medium 5, bad 0; the mean out of 10, to one decimal. */
export async function statistiques(db: Requetable, demarche: string): Promise<Statistiques> {
  const [ligne] = await db.query<{ nombre: number; good: number; medium: number; bad: number }>(
    `SELECT count(*)::int AS nombre,
            count(*) FILTER (WHERE r.intention = 'good')::int AS good,
            count(*) FILTER (WHERE r.intention = 'medium')::int AS medium,
            count(*) FILTER (WHERE r.intention = 'bad')::int AS bad
     FROM avis a LEFT JOIN avis_reponses r ON r.avis = a.id AND r.champ = 'satisfaction'
     WHERE a.demarche = $1`,
    [demarche],
  );
  const { nombre = 0, good = 0, medium = 0, bad = 0 } = ligne ?? {};
  const notes = good + medium + bad;
  return {
    demarche,
    nombreAvis: nombre,
    satisfaction: {
      note: notes === 0 ? null : Math.round(((10 * good + 5 * medium) / notes) * 10) / 10,
      repartition: { bad, medium, good },
    },
  };
}

export async function derniersAvis(db: Requetable, demarche: string, limite: number): Promise<AvisEnregistre[]> {
  const lignes = await db.query<{
    id: string;
    formulaire: string;
    bouton: string | null;
    cree_le: Date;
    modifie_le: Date;
    reponses: ReponseEnregistree[];
  }>(
    `SELECT a.id::text, a.formulaire, a.bouton, a.cree_le, a.modifie_le,
            coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('champ', r.champ, 'optionId', r.option_id,
              'texte', r.texte, 'parent', r.parent, 'intention', r.intention)) ORDER BY r.position)
              FILTER (WHERE r.avis IS NOT NULL), '[]'::jsonb) AS reponses
     FROM (SELECT * FROM avis WHERE demarche = $1 ORDER BY cree_le DESC, id LIMIT $2) a
     LEFT JOIN avis_reponses r ON r.avis = a.id
     GROUP BY a.id, a.formulaire, a.bouton, a.cree_le, a.modifie_le
     ORDER BY a.cree_le DESC, a.id`,
    [demarche, limite],
  );
  return lignes.map((l) => ({
    id: l.id,
    demarche,
    formulaire: l.formulaire,
    ...(l.bouton === null ? {} : { bouton: l.bouton }),
    creeLe: l.cree_le.toISOString(),
    modifieLe: l.modifie_le.toISOString(),
    reponses: l.reponses,
  }));
}
