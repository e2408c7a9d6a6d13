/**
 * The files of data/, read as the browser bundle reads them (no database): shapes from
 * openapi.yaml where a file is an API document, and the content rules of the brief.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DOSSIER_DATA } from '../src/seed.js';
import { chargerSpec, creerAjv, erreursChamps } from '../src/spec.js';
import type { Formulaire, ListeEngagements } from '../src/types.js';

const lire = <T>(nom: string): T => JSON.parse(readFileSync(join(DOSSIER_DATA, nom), 'utf8')) as T;

const spec = chargerSpec();
const ajv = creerAjv();
ajv.addSchema(spec.schemaComposants);
function conforme(nomSchema: string, valeur: unknown): void {
  const valider = ajv.compile({ $ref: spec.refComposant(nomSchema) });
  assert.ok(valider(valeur), `${nomSchema} : ${JSON.stringify(erreursChamps(valider.errors))}`);
}

/** Every string of a points tree, depth first. */
function textes(points: ListeEngagements['engagements'][number]['details'][number]['points']): string[] {
  return points.flatMap((p) => (typeof p === 'string' ? [p] : [p.texte, ...textes(p.points)]));
}

describe('data/engagements.json', () => {
  const liste = lire<ListeEngagements>('engagements.json');

  it('est une réponse GET /v1/engagements complète : 9 engagements, 3 par pilier', () => {
    conforme('ListeEngagements', liste);
    assert.equal(liste.version, '2020');
    assert.deepEqual(
      liste.piliers.map((p) => p.titre),
      ['Des services publics + proches', 'Des services publics + efficaces', 'Des services publics + simples'],
    );
    assert.deepEqual(
      liste.engagements.map((e) => e.numero),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    for (const pilier of liste.piliers) assert.equal(liste.engagements.filter((e) => e.pilier === pilier.id).length, 3);
  });

  it('marque des mots clés présents tels quels dans chaque titre', () => {
    for (const e of liste.engagements) {
      assert.ok(e.motsCles.length > 0, `engagement ${e.numero}`);
      for (const mot of e.motsCles) assert.ok(e.titre.includes(mot), `« ${mot} » dans « ${e.titre} »`);
    }
    assert.deepEqual(liste.engagements[7]?.motsCles, ['nos compétences', 'améliorons en continu']);
  });

  it('n’a plus d’appel de note collé au texte ni de ligne coupée', () => {
    for (const e of liste.engagements) {
      for (const d of e.details) {
        for (const t of [d.titre, ...textes(d.points)]) {
          // e.g. "loi)1Sauf", "l’usager4Charte", "202920." in the source text
          assert.doesNotMatch(t, /[a-zé)»]\d{1,2}[A-ZÉa-z]|\b20\d{4}\b|\n/, t);
        }
      }
    }
  });
});

describe('data/engagements.en.json', () => {
  const francais = lire<ListeEngagements>('engagements.json');
  const anglais = lire<{
    traductionNonOfficielle: boolean;
    langue: string;
    piliers: { id: string; titre: string }[];
    engagements: { numero: number; titre: string; motsCles: string[] }[];
  }>('engagements.en.json');

  it('est marquée comme traduction non officielle et suit les numéros et piliers du français', () => {
    assert.equal(anglais.traductionNonOfficielle, true);
    assert.equal(anglais.langue, 'en');
    assert.deepEqual(
      anglais.piliers.map((p) => p.id),
      francais.piliers.map((p) => p.id),
    );
    assert.deepEqual(
      anglais.engagements.map((e) => e.numero),
      francais.engagements.map((e) => e.numero),
    );
    for (const e of anglais.engagements) {
      for (const mot of e.motsCles) assert.ok(e.titre.includes(mot), `« ${mot} » dans « ${e.titre} »`);
    }
  });
});

describe('data/formulaire-root.json', () => {
  const formulaire = lire<Formulaire>('formulaire-root.json');
  const blocs = formulaire.etapes.flatMap((e) => e.blocs);
  const bloc = (champ: string) => blocs.find((b) => b.champ === champ);

  it('suit le modèle JDMA root : champs, obligatoire, masqué, limites', () => {
    conforme('Formulaire', formulaire);
    assert.equal(formulaire.id, 'root');
    assert.deepEqual(
      formulaire.etapes[0]?.blocs.map((b) => [b.champ, b.type, b.obligatoire]),
      [['satisfaction', 'smiley', true]],
    );
    assert.deepEqual(
      bloc('satisfaction')?.options.map((o) => [o.id, o.libelle, o.intention]),
      [
        ['bad', 'Pas bien', 'bad'],
        ['medium', 'Moyen', 'medium'],
        ['good', 'Très bien', 'good'],
      ],
    );
    assert.equal(bloc('verbatim')?.longueurMax, 1000);
    assert.equal(bloc('contact_email')?.masque, true);
    const tried = bloc('contact_tried');
    assert.equal(tried?.options.find((o) => o.autre)?.longueurMax, 250);
    assert.deepEqual(
      tried?.options.filter((o) => o.exclusif).map((o) => o.libelle),
      ["Je n'ai pas eu besoin d'aide"],
    );
  });

  it('a des identifiants d’options uniques et des conditions qui pointent vers des options existantes', () => {
    for (const b of blocs) assert.equal(new Set(b.options.map((o) => o.id)).size, b.options.length, b.champ);
    for (const b of blocs.filter((x) => x.condition)) {
      const parent = bloc(b.condition?.champ ?? '');
      assert.ok(parent, b.champ);
      for (const id of b.condition?.optionIds ?? [])
        assert.ok(
          parent.options.some((o) => o.id === id),
          `${b.champ} → ${id}`,
        );
    }
  });
});

describe('data/structures-exemple.json', () => {
  const fichier = lire<{
    exemple: boolean;
    mention: string;
    indicateurs: { code: string }[];
    structures: {
      reseau: string;
      marque: unknown;
      resultats: { indicateur: string; historique: { valeur: number | null }[]; motifAbsence?: string }[];
    }[];
  }>('structures-exemple.json');

  it('est marqué comme exemple et couvre au moins quatre réseaux avec 6 à 8 indicateurs', () => {
    assert.equal(fichier.exemple, true);
    assert.match(fichier.mention, /exemple/i);
    const avecResultats = fichier.structures.filter((s) => s.resultats.length > 0);
    assert.ok(new Set(avecResultats.map((s) => s.reseau)).size >= 4);
    const codes = new Set(fichier.indicateurs.map((i) => i.code));
    for (const s of fichier.structures) {
      conforme('Marque', s.marque);
      if (s.resultats.length === 0) continue;
      assert.ok(s.resultats.length >= 6 && s.resultats.length <= 8);
      for (const r of s.resultats) {
        assert.ok(codes.has(r.indicateur), r.indicateur);
        assert.ok(r.historique.length >= 4 && r.historique.length <= 8);
        // A missing current value must say why.
        if (r.historique.at(-1)?.valeur === null) assert.ok(r.motifAbsence);
      }
    }
    assert.ok(fichier.structures.some((s) => s.resultats.some((r) => r.historique.at(-1)?.valeur === null)));
  });
});

describe('data/oups.json', () => {
  const fichier = lire<{
    exemple: boolean;
    evenements: {
      id: string;
      public: string;
      erreurs: { id: string; administrations: { url: string }[]; liens: { url: string }[] }[];
    }[];
  }>('oups.json');

  it('est marqué comme exemple : 8 événements ou plus pour les deux publics, 30 erreurs ou plus, liens https', () => {
    assert.equal(fichier.exemple, true);
    assert.ok(fichier.evenements.length >= 8);
    assert.deepEqual(new Set(fichier.evenements.map((e) => e.public)), new Set(['particulier', 'professionnel']));
    const erreurs = fichier.evenements.flatMap((e) => e.erreurs);
    assert.ok(erreurs.length >= 30);
    assert.equal(new Set(erreurs.map((e) => e.id)).size, erreurs.length);
    for (const e of erreurs) {
      for (const { url } of [...e.administrations, ...e.liens]) assert.match(url, /^https:\/\//);
    }
  });
});
