/**
 * Load figure for POST /v1/avis: the platform on a random loopback port, in-memory PGlite,
 * rate limit off; autocannon sends reviews for DUREE seconds (default 30) over 20 connections,
 * each request with a fresh Idempotency-Key so every one is a real insert.
 *
 * Usage: npx tsx platform/scripts/load.ts
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createPlatform } from '../src/app.js';
import { openDatabase } from '../src/db.js';
import { ecouteurNode } from '../src/node.js';

const duree = Number(process.env.DUREE ?? 30);
const connexions = 20;

const db = await openDatabase({ memory: true });
const plateforme = await createPlatform({ db, rateLimit: false });
const serveur = createServer(ecouteurNode(plateforme));
await new Promise<void>((resolve) => serveur.listen(0, '127.0.0.1', resolve));
const { port } = serveur.address() as AddressInfo;

const corps = JSON.stringify({
  demarche: 'charge',
  formulaire: 'root',
  bouton: 'mesure',
  reponses: [
    { champ: 'satisfaction', optionId: 'good' },
    { champ: 'verbatim', texte: 'Démarche simple, merci. '.repeat(8) },
  ],
});

console.info(
  `POST /v1/avis pendant ${duree} s, ${connexions} connexions, http://127.0.0.1:${port} (PGlite en mémoire)…`,
);
const resultat = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections: connexions,
  duration: duree,
  requests: [
    {
      method: 'POST',
      path: '/v1/avis',
      headers: { 'content-type': 'application/json' },
      body: corps,
      setupRequest: (requete) => ({ ...requete, headers: { ...requete.headers, 'idempotency-key': randomUUID() } }),
    },
  ],
});

const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM avis')) as [{ n: number }];
console.info(`requêtes/s : ${resultat.requests.average.toFixed(0)} (moyenne), total ${resultat.requests.total}`);
console.info(
  `latence : p50 ${resultat.latency.p50} ms, p99 ${resultat.latency.p99} ms, max ${resultat.latency.max} ms`,
);
console.info(
  `réponses 2xx : ${resultat['2xx']}, autres : ${resultat.non2xx}, erreurs : ${resultat.errors}, délais dépassés : ${resultat.timeouts}`,
);
console.info(`avis en base : ${n} (y compris les requêtes encore en vol à l’arrêt de la mesure)`);

serveur.close();
await plateforme.close();
