/**
 * Applies platform/migrations/NNNN_nom.sql in order, each in its own transaction, and records
 * it in schema_migrations. An advisory lock serialises servers that start together on the
 * same PostgreSQL: the second one waits, then finds the migration already applied.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './db.js';

const DOSSIER = fileURLToPath(new URL('../migrations/', import.meta.url));
const FICHIER = /^(\d{4})_[a-z0-9_]+\.sql$/;
/** Arbitrary constant shared by every server of this platform. */
const VERROU = 5_772_024;

/** Returns the names of the migrations applied by this call. */
export async function migrer(db: Database): Promise<string[]> {
  const fichiers = readdirSync(DOSSIER)
    .filter((f) => FICHIER.test(f))
    .sort();
  const appliquees: string[] = [];
  for (const fichier of fichiers) {
    const version = fichier.slice(0, 4);
    const faite = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [VERROU]);
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version text PRIMARY KEY,
        fichier text NOT NULL,
        appliquee_le timestamptz NOT NULL DEFAULT now()
      )`);
      const deja = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version]);
      if (deja.length > 0) return false;
      await tx.exec(readFileSync(join(DOSSIER, fichier), 'utf8'));
      await tx.query('INSERT INTO schema_migrations (version, fichier) VALUES ($1, $2)', [version, fichier]);
      return true;
    });
    if (faite) appliquees.push(fichier);
  }
  return appliquees;
}
