/**
 * Loads the reference data of data/ into the database. The files are fingerprinted: a start
 * with unchanged files does nothing, a start after an edit replaces the reference tables in
 * one transaction (reviews are never touched; questionnaires are upserted because reviews
 * reference them).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Requetable } from './db.js';
import { normaliser } from './referentiels.js';
import type {
  Erreur,
  Evenement,
  Formulaire,
  Indicateur,
  ListeEngagements,
  PointHistorique,
  Resultat,
  Structure,
} from './types.js';

export const DOSSIER_DATA = fileURLToPath(new URL('../../data/', import.meta.url));

/** Bumped when the mapping below changes, so that existing databases reload. */
const FORMAT = 1;

/** data/structures-exemple.json: structures with their results, derived fields left out. */
interface FichierStructures {
  exemple: boolean;
  mention: string;
  indicateurs: Indicateur[];
  structures: (Omit<Structure, 'exemple' | 'mention'> & {
    resultats: {
      indicateur: string;
      frequence: Resultat['frequence'];
      miseAJour: string;
      /** oldest first; the last point is the current value and period */
      historique: PointHistorique[];
      motifAbsence?: string;
    }[];
  })[];
}

/** data/oups.json: événements with their erreurs nested. */
interface FichierOups {
  exemple: boolean;
  mention: string;
  evenements: (Omit<Evenement, 'nombreErreurs' | 'exemple' | 'mention'> & {
    erreurs: Omit<Erreur, 'evenement' | 'exemple' | 'mention'>[];
  })[];
}

interface Fichiers {
  engagements: ListeEngagements;
  structures: FichierStructures;
  oups: FichierOups;
  formulaires: Formulaire[];
}

function lireFichiers(dossier: string): { fichiers: Fichiers; empreinte: string } {
  const hachage = createHash('sha256').update(`format ${FORMAT}\n`);
  const lire = <T>(nom: string): T => {
    const texte = readFileSync(join(dossier, nom), 'utf8');
    hachage.update(`${nom}\n${texte}\n`);
    return JSON.parse(texte) as T;
  };
  const fichiers: Fichiers = {
    engagements: lire('engagements.json'),
    structures: lire('structures-exemple.json'),
    oups: lire('oups.json'),
    formulaires: readdirSync(dossier)
      .filter((nom) => /^formulaire-[a-z0-9-]+\.json$/.test(nom))
      .sort()
      .map((nom) => lire<Formulaire>(nom)),
  };
  return { fichiers, empreinte: hachage.digest('hex') };
}

const json = (valeur: unknown) => JSON.stringify(valeur);

async function chargerStructures(tx: Requetable, { exemple, mention, indicateurs, structures }: FichierStructures) {
  for (const i of indicateurs) {
    await tx.query(
      `INSERT INTO indicateurs (code, libelle, libelle_original, type, unite, sens, cible) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [i.code, i.libelle, i.libelleOriginal ?? null, i.type, i.unite, i.sens, i.cible ?? null],
    );
  }
  for (const s of structures) {
    await tx.query(
      `INSERT INTO structures (code, intitule, typologie, reseau, parent, marque, exemple, mention, recherche)
       VALUES ($1, $2, $3, $4, $5, $6::json, $7, $8, $9)`,
      [
        s.code,
        s.intitule,
        s.typologie,
        s.reseau,
        s.parent ?? null,
        json(s.marque),
        exemple,
        mention,
        normaliser(`${s.intitule} ${s.code} ${s.typologie}`),
      ],
    );
    for (const [position, r] of s.resultats.entries()) {
      const dernier = r.historique.at(-1);
      if (!dernier) throw new Error(`${s.code} ${r.indicateur} : historique vide`);
      await tx.query(
        `INSERT INTO resultats (structure, indicateur, position, valeur, motif_absence, frequence, periode_debut,
           periode_fin, mise_a_jour, historique, exemple, mention)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::json, $11, $12)`,
        [
          s.code,
          r.indicateur,
          position,
          dernier.valeur,
          r.motifAbsence ?? null,
          r.frequence,
          dernier.periode.debut,
          dernier.periode.fin,
          r.miseAJour,
          json(r.historique),
          exemple,
          mention,
        ],
      );
    }
  }
}

async function chargerEngagements(tx: Requetable, { version, piliers, engagements }: ListeEngagements) {
  for (const [position, p] of piliers.entries()) {
    await tx.query('INSERT INTO piliers (id, titre, position) VALUES ($1, $2, $3)', [p.id, p.titre, position]);
  }
  for (const e of engagements) {
    await tx.query(
      `INSERT INTO engagements (version, numero, pilier, titre, mots_cles, details, url)
       VALUES ($1, $2, $3, $4, $5::json, $6::json, $7)`,
      [version, e.numero, e.pilier, e.titre, json(e.motsCles), json(e.details), e.url ?? null],
    );
  }
}

async function chargerOups(tx: Requetable, { exemple, mention, evenements }: FichierOups) {
  for (const [position, e] of evenements.entries()) {
    await tx.query(
      'INSERT INTO oups_evenements (id, libelle, public, position, exemple, mention) VALUES ($1, $2, $3, $4, $5, $6)',
      [e.id, e.libelle, e.public, position, exemple, mention],
    );
    for (const [rang, x] of e.erreurs.entries()) {
      await tx.query(
        `INSERT INTO oups_erreurs (id, evenement, position, titre, description, conseils, administrations, liens,
           mise_a_jour, exemple, mention, recherche, recherche_administrations)
         VALUES ($1, $2, $3, $4, $5, $6::json, $7::json, $8::json, $9, $10, $11, $12, $13)`,
        [
          x.id,
          e.id,
          rang,
          x.titre,
          x.description,
          json(x.conseils),
          json(x.administrations),
          json(x.liens),
          x.miseAJour,
          exemple,
          mention,
          normaliser([x.titre, x.description, ...x.conseils].join(' ')),
          normaliser(x.administrations.map((a) => a.nom).join(' | ')),
        ],
      );
    }
  }
}

/** Returns true when the data was (re)loaded, false when the database already had it. */
export async function chargerSeed(db: Database, dossier = DOSSIER_DATA): Promise<boolean> {
  const { fichiers, empreinte } = lireFichiers(dossier);
  return db.transaction(async (tx) => {
    // Servers starting together: the first loads, the others wait here and then skip.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [5_772_025]);
    const [etat] = await tx.query<{ empreinte: string }>('SELECT empreinte FROM seed_etat WHERE id = 1');
    if (etat?.empreinte === empreinte) return false;

    await tx.exec(`DELETE FROM resultats; DELETE FROM structures; DELETE FROM indicateurs;
      DELETE FROM engagements; DELETE FROM piliers; DELETE FROM oups_erreurs; DELETE FROM oups_evenements;`);
    await chargerStructures(tx, fichiers.structures);
    await chargerEngagements(tx, fichiers.engagements);
    await chargerOups(tx, fichiers.oups);
    for (const f of fichiers.formulaires) {
      await tx.query(
        `INSERT INTO formulaires (id, document) VALUES ($1, $2::json)
         ON CONFLICT (id) DO UPDATE SET document = excluded.document`,
        [f.id, json(f)],
      );
    }
    await tx.query(
      `INSERT INTO seed_etat (id, empreinte, charge_le) VALUES (1, $1, now())
       ON CONFLICT (id) DO UPDATE SET empreinte = excluded.empreinte, charge_le = excluded.charge_le`,
      [empreinte],
    );
    return true;
  });
}
