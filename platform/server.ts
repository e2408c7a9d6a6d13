/**
 * The platform as a standalone server: `npx tsx platform/server.ts`.
 *
 * - PORT (default 8787), HOST (default 127.0.0.1: local by default, set 0.0.0.0 to expose it);
 * - DATABASE_URL: a PostgreSQL server; otherwise embedded PostgreSQL (PGlite) kept in
 *   .platform-data/ at the root of the repository;
 * - SPP_API_KEYS: comma-separated keys for GET /v1/demarches/{id}/avis; otherwise a random
 *   key is made at start and printed.
 */
import { createServer } from 'node:http';
import { ecouteurNode } from './src/node.js';
import { decrireCles, ouvrirPlateformeLocale } from './src/local.js';

const port = Number(process.env.PORT ?? 8787);
const hote = process.env.HOST ?? '127.0.0.1';

const locale = await ouvrirPlateformeLocale(console);
const { plateforme } = locale;
const serveur = createServer(ecouteurNode(plateforme));

serveur.listen(port, hote, () => {
  console.info(`Plateforme spp-widgets : http://${hote === '0.0.0.0' ? 'localhost' : hote}:${port}/v1/engagements`);
  console.info(`Stockage : ${locale.stockage}`);
  console.info(decrireCles(locale));
});

async function arreter(): Promise<void> {
  serveur.close();
  await plateforme.close();
  process.exit(0);
}
process.once('SIGINT', () => void arreter());
process.once('SIGTERM', () => void arreter());
