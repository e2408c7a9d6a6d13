/**
 * Read side of the reference data (structures, résultats, engagements, oups, questionnaires):
 * SQL rows in, API shapes out. Optional fields are left out rather than sent as null, as the
 * OpenAPI schemas say.
 */
import type { Requetable } from './db.js';
import type {
  Erreur,
  Evenement,
  Formulaire,
  Indicateur,
  ListeEngagements,
  Marque,
  Niveau,
  PointHistorique,
  Resultat,
  Structure,
  StructureResume,
} from './types.js';

/** Lower case, no accents, plain apostrophes: what `q` is compared with. */
export function normaliser(texte: string): string {
  return texte
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** `{a: 1, b: null}` → `{a: 1}`: the API omits absent optional fields. */
function sansNull<T extends object>(objet: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(objet).filter(([, v]) => v !== null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

interface LigneStructure {
  code: string;
  intitule: string;
  typologie: string;
  reseau: string;
  parent: string | null;
  marque: Marque;
  exemple: boolean;
  mention: string | null;
}

const COLONNES_STRUCTURE = 'code, intitule, typologie, reseau, parent, marque, exemple, mention';

function versResume(l: LigneStructure): StructureResume {
  return sansNull({
    code: l.code,
    intitule: l.intitule,
    typologie: l.typologie,
    reseau: l.reseau,
    exemple: l.exemple,
    mention: l.mention,
  });
}

function versStructure(l: LigneStructure): Structure {
  return { ...versResume(l), ...sansNull({ parent: l.parent }), marque: l.marque };
}

export async function chercherStructures(
  db: Requetable,
  filtres: { q?: string; reseau?: string },
): Promise<StructureResume[]> {
  const lignes = await db.query<LigneStructure>(
    `SELECT ${COLONNES_STRUCTURE} FROM structures
     WHERE ($1::text IS NULL OR strpos(recherche, $1) > 0) AND ($2::text IS NULL OR reseau = $2)
     ORDER BY recherche LIMIT 50`,
    [filtres.q === undefined ? null : normaliser(filtres.q), filtres.reseau ?? null],
  );
  return lignes.map(versResume);
}

async function ligneStructure(db: Requetable, code: string): Promise<LigneStructure | undefined> {
  const [ligne] = await db.query<LigneStructure>(`SELECT ${COLONNES_STRUCTURE} FROM structures WHERE code = $1`, [
    code,
  ]);
  return ligne;
}

export async function lireStructure(db: Requetable, code: string): Promise<Structure | null> {
  const ligne = await ligneStructure(db, code);
  return ligne ? versStructure(ligne) : null;
}

/** Green when the target is met, orange within 10 % of it, red beyond. */
function niveau(valeur: number, indicateur: Indicateur): Niveau | undefined {
  const { cible, sens } = indicateur;
  if (cible === undefined) return undefined;
  const objectifAtteint = sens === 'hausse' ? valeur >= cible : valeur <= cible;
  if (objectifAtteint) return { couleur: 'vert', libelle: 'Objectif atteint', objectifAtteint };
  const ecart = Math.abs(valeur - cible) / Math.abs(cible);
  return ecart <= 0.1
    ? { couleur: 'orange', libelle: 'Proche de l’objectif', objectifAtteint }
    : { couleur: 'rouge', libelle: 'Objectif non atteint', objectifAtteint };
}

interface LigneResultat {
  code: string;
  libelle: string;
  libelle_original: string | null;
  type: Indicateur['type'];
  unite: Indicateur['unite'];
  sens: Indicateur['sens'];
  cible: number | null;
  valeur: number | null;
  motif_absence: string | null;
  frequence: Resultat['frequence'];
  debut: string;
  fin: string;
  mise_a_jour: string;
  historique: PointHistorique[];
  exemple: boolean;
  mention: string | null;
}

export async function lireResultats(
  db: Requetable,
  code: string,
): Promise<{ structure: StructureResume; resultats: Resultat[] } | null> {
  const structure = await ligneStructure(db, code);
  if (!structure) return null;
  const lignes = await db.query<LigneResultat>(
    `SELECT i.code, i.libelle, i.libelle_original, i.type, i.unite, i.sens, i.cible,
            r.valeur, r.motif_absence, r.frequence, r.periode_debut::text AS debut, r.periode_fin::text AS fin,
            r.mise_a_jour::text AS mise_a_jour, r.historique, r.exemple, r.mention
     FROM resultats r JOIN indicateurs i ON i.code = r.indicateur
     WHERE r.structure = $1 ORDER BY r.position`,
    [code],
  );
  const resultats = lignes.map((l): Resultat => {
    const indicateur: Indicateur = sansNull({
      code: l.code,
      libelle: l.libelle,
      libelleOriginal: l.libelle_original,
      type: l.type,
      unite: l.unite,
      sens: l.sens,
      cible: l.cible,
    });
    const niveauAtteint = l.valeur === null ? undefined : niveau(l.valeur, indicateur);
    return {
      indicateur,
      valeur: l.valeur,
      ...sansNull({ motifAbsence: l.motif_absence }),
      frequence: l.frequence,
      periode: { debut: l.debut, fin: l.fin },
      miseAJour: l.mise_a_jour,
      historique: l.historique,
      ...(niveauAtteint ? { niveau: niveauAtteint } : {}),
      exemple: l.exemple,
      ...sansNull({ mention: l.mention }),
    };
  });
  return { structure: versResume(structure), resultats };
}

export async function lireEngagements(db: Requetable): Promise<ListeEngagements> {
  const [derniere] = await db.query<{ version: string }>('SELECT max(version) AS version FROM engagements');
  const version = derniere?.version ?? '';
  const piliers = await db.query<ListeEngagements['piliers'][number]>(
    'SELECT id, titre FROM piliers ORDER BY position',
  );
  const lignes = await db.query<{
    numero: number;
    titre: string;
    mots_cles: string[];
    pilier: ListeEngagements['engagements'][number]['pilier'];
    details: ListeEngagements['engagements'][number]['details'];
    url: string | null;
  }>('SELECT numero, titre, mots_cles, pilier, details, url FROM engagements WHERE version = $1 ORDER BY numero', [
    version,
  ]);
  return {
    version,
    piliers,
    engagements: lignes.map((l) => ({
      numero: l.numero,
      titre: l.titre,
      motsCles: l.mots_cles,
      pilier: l.pilier,
      details: l.details,
      ...sansNull({ url: l.url }),
    })),
  };
}

export async function listerEvenements(db: Requetable): Promise<Evenement[]> {
  const lignes = await db.query<Omit<Evenement, 'mention'> & { mention: string | null }>(
    `SELECT e.id, e.libelle, e.public, count(x.id)::int AS "nombreErreurs", e.exemple, e.mention
     FROM oups_evenements e LEFT JOIN oups_erreurs x ON x.evenement = e.id
     GROUP BY e.id ORDER BY e.public = 'professionnel', e.position`,
  );
  return lignes.map(sansNull);
}

export async function evenementExiste(db: Requetable, id: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM oups_evenements WHERE id = $1', [id])).length > 0;
}

export async function chercherErreurs(
  db: Requetable,
  filtres: { evenement?: string; public?: Evenement['public']; q?: string; administration?: string },
): Promise<Erreur[]> {
  const lignes = await db.query<Omit<Erreur, 'mention'> & { mention: string | null }>(
    `SELECT x.id, x.titre, x.description, x.conseils, x.evenement, x.administrations, x.liens,
            x.mise_a_jour::text AS "miseAJour", x.exemple, x.mention
     FROM oups_erreurs x JOIN oups_evenements e ON e.id = x.evenement
     WHERE ($1::text IS NULL OR x.evenement = $1)
       AND ($2::text IS NULL OR e.public = $2)
       AND ($3::text IS NULL OR strpos(x.recherche, $3) > 0)
       AND ($4::text IS NULL OR strpos(x.recherche_administrations, $4) > 0)
     ORDER BY e.public = 'professionnel', e.position, x.position`,
    [
      filtres.evenement ?? null,
      filtres.public ?? null,
      filtres.q === undefined ? null : normaliser(filtres.q),
      filtres.administration === undefined ? null : normaliser(filtres.administration),
    ],
  );
  return lignes.map(sansNull);
}

export async function lireFormulaire(db: Requetable, id: string): Promise<Formulaire | null> {
  const [ligne] = await db.query<{ document: Formulaire }>('SELECT document FROM formulaires WHERE id = $1', [id]);
  return ligne?.document ?? null;
}
