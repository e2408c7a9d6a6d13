/**
 * Storage: data survives a restart of the embedded database, migrations and seed run once,
 * an edited data/ file is reloaded. With TEST_DATABASE_URL (a PostgreSQL server where the test
 * may create and drop a temporary database), the same checks run through `pg`, plus the
 * idempotency race with real concurrent connections.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { createPlatform, type Plateforme } from '../src/app.js';
import { openDatabase, type Database } from '../src/db.js';
import { migrer } from '../src/migrate.js';
import { lireStructure } from '../src/referentiels.js';
import { DOSSIER_DATA, chargerSeed } from '../src/seed.js';
import type { AvisCree, Statistiques } from '../src/types.js';

const corps = (demarche: string) =>
  JSON.stringify({ demarche, formulaire: 'root', reponses: [{ champ: 'satisfaction', optionId: 'medium' }] });

function poster(p: Plateforme, cle: string, demarche = 'persistance'): Promise<Response> {
  return p.fetch(
    new Request('http://plateforme.test/v1/avis', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': cle },
      body: corps(demarche),
    }),
  );
}

async function statistiques(p: Plateforme, demarche: string): Promise<Statistiques> {
  return (await (
    await p.fetch(new Request(`http://plateforme.test/v1/demarches/${demarche}/statistiques`))
  ).json()) as Statistiques;
}

/** What must hold on any engine after a first start: tables, seed, one stored review. */
async function verifierPremierDemarrage(db: Database): Promise<{ cle: string; cree: AvisCree }> {
  const migrations = await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
  assert.deepEqual(
    migrations.map((m) => m.version),
    ['0001', '0002'],
  );
  const p = await createPlatform({ db, rateLimit: false });
  const cle = randomUUID();
  const reponse = await poster(p, cle);
  assert.equal(reponse.status, 201);
  return { cle, cree: (await reponse.json()) as AvisCree };
}

/** After a restart: nothing re-applied, the review and the jeton key are still there. */
async function verifierRedemarrage(db: Database, { cle, cree }: { cle: string; cree: AvisCree }): Promise<Plateforme> {
  assert.deepEqual(await migrer(db), []);
  assert.equal(await chargerSeed(db), false);
  const p = await createPlatform({ db, rateLimit: false });
  assert.equal((await statistiques(p, 'persistance')).nombreAvis, 1);
  const rejouee = await poster(p, cle);
  assert.equal(rejouee.status, 200);
  assert.deepEqual(await rejouee.json(), cree);
  const complete = await p.fetch(
    new Request(`http://plateforme.test/v1/avis/${cree.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${cree.jeton}` },
      body: JSON.stringify({ reponses: [{ champ: 'comprehension', optionId: '2' }] }),
    }),
  );
  assert.equal(complete.status, 200);
  return p;
}

describe('PGlite sur disque', () => {
  it('garde les avis au redémarrage, sans rejouer migrations ni chargement, et recharge un fichier modifié', async () => {
    const dossier = mkdtempSync(join(tmpdir(), 'spp-pglite-'));
    const donnees = mkdtempSync(join(tmpdir(), 'spp-data-'));
    try {
      const premier = await openDatabase({ dataDir: dossier });
      const ecrit = await verifierPremierDemarrage(premier);
      await premier.close();

      const second = await openDatabase({ dataDir: dossier });
      const p = await verifierRedemarrage(second, ecrit);

      cpSync(DOSSIER_DATA, donnees, { recursive: true });
      const fichier = join(donnees, 'structures-exemple.json');
      writeFileSync(
        fichier,
        readFileSync(fichier, 'utf8').replace('"Caf de la Gironde"', '"Caf de Gironde (renommée)"'),
      );
      assert.equal(await chargerSeed(second, donnees), true);
      assert.equal((await lireStructure(second, 'EX-CAF-33'))?.intitule, 'Caf de Gironde (renommée)');
      assert.equal(await chargerSeed(second, donnees), false);
      assert.equal((await statistiques(p, 'persistance')).nombreAvis, 1, 'les avis ne sont pas touchés');
      await p.close();
    } finally {
      rmSync(dossier, { recursive: true, force: true });
      rmSync(donnees, { recursive: true, force: true });
    }
  });
});

const URL_TEST = process.env.TEST_DATABASE_URL;

describe('PostgreSQL par DATABASE_URL', () => {
  const nomTest = 'même SQL que PGlite, et 20 POST simultanés sur des connexions distinctes donnent un seul avis';
  it(nomTest, { skip: URL_TEST ? false : 'TEST_DATABASE_URL non défini' }, async () => {
    const nom = `spp_test_${randomUUID().replace(/-/g, '')}`;
    const admin = new pg.Client({ connectionString: URL_TEST });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${nom}`);
    const url = new URL(URL_TEST as string);
    url.pathname = `/${nom}`;
    try {
      const premier = await openDatabase({ url: url.href });
      assert.equal(premier.moteur, 'postgres');
      const ecrit = await verifierPremierDemarrage(premier);
      await premier.close();

      const second = await openDatabase({ url: url.href });
      const p = await verifierRedemarrage(second, ecrit);
      const cle = randomUUID();
      const statuts = await Promise.all(
        Array.from({ length: 20 }, async () => (await poster(p, cle, 'course')).status),
      );
      assert.deepEqual(statuts.filter((s) => s === 201).length, 1);
      assert.deepEqual(statuts.filter((s) => s === 200).length, 19);
      assert.equal((await statistiques(p, 'course')).nombreAvis, 1);
      await p.close();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${nom} WITH (FORCE)`);
      await admin.end();
    }
  });
});
