/**
 * The platform as it runs on a developer's machine: `npm run platform` (platform/server.ts)
 * and `npm start` (mounted at /api in Vite's dev server) open it the same way.
 *
 * - DATABASE_URL: a PostgreSQL server; otherwise embedded PostgreSQL (PGlite) kept in
 *   .platform-data/ at the root of the repository, so data survives a restart;
 * - SPP_API_KEYS: comma-separated keys for GET /v1/demarches/{id}/avis; otherwise a random
 *   key is made at start (and printed by the caller).
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createPlatform, type Journal, type Plateforme } from './app.js';
import { openDatabase } from './db.js';

export interface PlateformeLocale {
  plateforme: Plateforme;
  /** Where the data lives, without secrets (a DATABASE_URL may hold a password). */
  stockage: string;
  /** The key generated for this run, when SPP_API_KEYS is not set. */
  cleLocale: string | null;
  clesConfigurees: number;
}

export async function ouvrirPlateformeLocale(logger?: Journal): Promise<PlateformeLocale> {
  const url = process.env.DATABASE_URL;
  const dossier = fileURLToPath(new URL('../../.platform-data/', import.meta.url));
  const clesConfigurees = (process.env.SPP_API_KEYS ?? '')
    .split(',')
    .map((cle) => cle.trim())
    .filter(Boolean);
  const cleLocale = clesConfigurees.length === 0 ? randomBytes(24).toString('base64url') : null;
  const db = await openDatabase(url ? { url } : { dataDir: dossier });
  const plateforme = await createPlatform({ db, apiKeys: cleLocale ? [cleLocale] : clesConfigurees, logger });
  return {
    plateforme,
    stockage: url ? 'PostgreSQL (DATABASE_URL)' : 'PostgreSQL embarqué (PGlite), .platform-data/',
    cleLocale,
    clesConfigurees: clesConfigurees.length,
  };
}

export function decrireCles({ cleLocale, clesConfigurees }: PlateformeLocale): string {
  return cleLocale
    ? `Clé API locale (GET /v1/demarches/{id}/avis) : ${cleLocale}`
    : `Clés API : ${clesConfigurees} lue(s) dans SPP_API_KEYS`;
}
