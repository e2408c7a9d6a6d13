/**
 * Load figures for the platform on loopback: GET /v1/engagements, then POST /v1/avis, each for
 * DUREE seconds (default 30) over 20 connections. The platform runs in a child process
 * (in-memory PGlite, rate limit off) so the load generator (autocannon, here) does not share
 * its event loop. Every POST carries a fresh Idempotency-Key, so each one is a real insert.
 *
 * Usage: npx tsx platform/scripts/load.ts [--json]      (DUREE=10 for a shorter run)
 * `npm run bench` calls mesurerCharge() and puts the figures in bench/results.json.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createPlatform } from '../src/app.js';
import { openDatabase } from '../src/db.js';
import { ecouteurNode } from '../src/node.js';

export interface MesureRoute {
  route: string;
  connexions: number;
  dureeS: number;
  requetesParSeconde: number;
  total: number;
  latenceMs: { moyenne: number; p50: number; p99: number; max: number };
  reponses2xx: number;
  autres: number;
  erreurs: number;
  delaisDepasses: number;
}

export interface MesureCharge {
  get: MesureRoute;
  post: MesureRoute;
  /** Rows in the avis table after the POST run (requests still in flight when it stopped included). */
  avisEnBase: number;
}

const DEMARCHE = 'charge';
const CORPS_AVIS = JSON.stringify({
  demarche: DEMARCHE,
  formulaire: 'root',
  bouton: 'mesure',
  reponses: [
    { champ: 'satisfaction', optionId: 'good' },
    { champ: 'verbatim', texte: 'Démarche simple, merci. '.repeat(8) },
  ],
});

type Message = { port: number } | { avis: number };

/** The child process: the platform alone, answering its parent's count requests over IPC. */
async function servir(): Promise<void> {
  const db = await openDatabase({ memory: true });
  const plateforme = await createPlatform({ db, rateLimit: false });
  const serveur = createServer(ecouteurNode(plateforme));
  await new Promise<void>((resolve) => serveur.listen(0, '127.0.0.1', resolve));
  process.on('message', async (demande) => {
    if (demande === 'compter') {
      const [ligne] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM avis')) as [{ n: number }];
      process.send?.({ avis: ligne.n } satisfies Message);
    }
  });
  process.on('disconnect', () => {
    serveur.close();
    void plateforme.close().then(() => process.exit(0));
  });
  process.send?.({ port: (serveur.address() as AddressInfo).port } satisfies Message);
}

function attendre<T extends Message>(enfant: ChildProcess, cle: keyof T): Promise<T> {
  return new Promise((resolve, reject) => {
    const surMessage = (message: Message) => {
      if (cle in message) {
        enfant.off('message', surMessage);
        resolve(message as T);
      }
    };
    enfant.on('message', surMessage);
    enfant.once('exit', (code) => reject(new Error(`platform process exited (${code})`)));
  });
}

function resume(route: string, connexions: number, r: Awaited<ReturnType<typeof autocannon>>): MesureRoute {
  return {
    route,
    connexions,
    dureeS: r.duration,
    requetesParSeconde: Math.round(r.requests.average),
    total: r.requests.total,
    latenceMs: { moyenne: r.latency.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    reponses2xx: r['2xx'],
    autres: r.non2xx,
    erreurs: r.errors,
    delaisDepasses: r.timeouts,
  };
}

export async function mesurerCharge({
  duree = 30,
  connexions = 20,
  journal = (ligne: string) => console.info(ligne),
}: { duree?: number; connexions?: number; journal?: (ligne: string) => void } = {}): Promise<MesureCharge> {
  const enfant = fork(fileURLToPath(import.meta.url), ['--serveur'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const { port } = await attendre<{ port: number }>(enfant, 'port');
    const url = `http://127.0.0.1:${port}`;
    journal(`GET /v1/engagements pendant ${duree} s, ${connexions} connexions, ${url} (PGlite en mémoire)…`);
    const get = await autocannon({ url: `${url}/v1/engagements`, connections: connexions, duration: duree });
    journal(`POST /v1/avis pendant ${duree} s, ${connexions} connexions…`);
    const post = await autocannon({
      url,
      connections: connexions,
      duration: duree,
      requests: [
        {
          method: 'POST',
          path: '/v1/avis',
          headers: { 'content-type': 'application/json' },
          body: CORPS_AVIS,
          setupRequest: (requete) => ({ ...requete, headers: { ...requete.headers, 'idempotency-key': randomUUID() } }),
        },
      ],
    });
    const compte = attendre<{ avis: number }>(enfant, 'avis');
    enfant.send('compter');
    const { avis } = await compte;
    return {
      get: resume('GET /v1/engagements', connexions, get),
      post: resume('POST /v1/avis', connexions, post),
      avisEnBase: avis,
    };
  } finally {
    enfant.disconnect();
  }
}

const direct = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (process.argv.includes('--serveur')) {
  await servir();
} else if (direct) {
  const json = process.argv.includes('--json');
  const mesure = await mesurerCharge({ duree: Number(process.env.DUREE ?? 30), journal: json ? () => {} : undefined });
  if (json) console.log(JSON.stringify(mesure, null, 2));
  else {
    for (const r of [mesure.get, mesure.post]) {
      console.info(`\n${r.route}`);
      console.info(`  requêtes/s : ${r.requetesParSeconde} (moyenne), total ${r.total}`);
      console.info(`  latence : p50 ${r.latenceMs.p50} ms, p99 ${r.latenceMs.p99} ms, max ${r.latenceMs.max} ms`);
      console.info(
        `  réponses 2xx : ${r.reponses2xx}, autres : ${r.autres}, erreurs : ${r.erreurs}, délais dépassés : ${r.delaisDepasses}`,
      );
    }
    console.info(`\navis en base : ${mesure.avisEnBase} (y compris les requêtes encore en vol à l’arrêt de la mesure)`);
  }
}
