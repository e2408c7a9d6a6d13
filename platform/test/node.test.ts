/**
 * Node adapters over real sockets: prefix handling, fall-through to the next middleware,
 * request and response bodies streamed, 413 on an endless upload. The platform is replaced by
 * a small stand-in that uses the platform's own body reader; the API itself is tested in
 * api.test.ts.
 */
import assert from 'node:assert/strict';
import { createServer, request, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Koa from 'koa';
import type { InfosClient } from '../src/app.js';
import { ErreurProbleme, lireCorpsJson } from '../src/http.js';
import { connectMiddleware, ecouteurNode, koaMiddleware, type Montable } from '../src/node.js';

const vues: { url: string; client?: InfosClient }[] = [];
let libererFlux: () => void = () => undefined;

const doublure: Montable = {
  async fetch(requete, client) {
    vues.push({ url: requete.url, client });
    const { pathname } = new URL(requete.url);
    if (pathname === '/corps') {
      try {
        return Response.json({ recu: await lireCorpsJson(requete) }, { status: 201 });
      } catch (erreur) {
        if (erreur instanceof ErreurProbleme) return erreur.versReponse(pathname);
        throw erreur;
      }
    }
    if (pathname === '/flux') {
      const suite = new Promise<void>((resolve) => {
        libererFlux = resolve;
      });
      const encodeur = new TextEncoder();
      return new Response(
        new ReadableStream<Uint8Array>({
          async start(controleur) {
            controleur.enqueue(encodeur.encode('premier;'));
            await suite;
            controleur.enqueue(encodeur.encode('second'));
            controleur.close();
          },
        }),
        { headers: { 'Content-Type': 'text/plain' } },
      );
    }
    const entetes = new Headers({ 'X-Essai': 'oui' });
    entetes.append('Vary', 'Origin');
    entetes.append('Vary', 'Accept');
    return new Response(null, { status: pathname === '/vide' ? 204 : 401, headers: entetes });
  },
};

async function demarrer(ecouteur: RequestListener): Promise<{ base: string; serveur: Server }> {
  const serveur = createServer(ecouteur);
  await new Promise<void>((resolve) => serveur.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`, serveur };
}

/** Sends an endless chunked body until the server answers; returns its status and what was sent. */
function televerserSansFin(base: string): Promise<{ statut: number; envoyes: number }> {
  return new Promise((resolve, reject) => {
    let envoyes = 0;
    let fini = false;
    const morceau = Buffer.alloc(16 * 1024, 0x20);
    const req = request(`${base}/api/corps`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    req.on('response', (reponse) => {
      fini = true;
      reponse.resume();
      req.destroy();
      resolve({ statut: reponse.statusCode ?? 0, envoyes });
    });
    req.on('error', (erreur) => {
      if (!fini) reject(erreur);
    });
    const ecrire = () => {
      while (!fini && envoyes < 64 * 1024 * 1024) {
        envoyes += morceau.length;
        if (!req.write(morceau)) {
          req.once('drain', ecrire);
          return;
        }
      }
    };
    ecrire();
  });
}

async function lirePremierMorceau(url: string): Promise<{ premier: string; reste: Promise<string> }> {
  const lecteur = (await fetch(url)).body?.getReader();
  assert.ok(lecteur);
  const decodeur = new TextDecoder();
  const premier = decodeur.decode((await lecteur.read()).value);
  const reste = (async () => {
    let texte = '';
    for (let m = await lecteur.read(); !m.done; m = await lecteur.read()) texte += decodeur.decode(m.value);
    return texte;
  })();
  return { premier, reste };
}

/** The same checks for both adapters, mounted under /api with a "next" that answers 418. */
function verifierAdaptateur(nom: string, monter: () => Promise<{ base: string; serveur: Server }>): void {
  describe(nom, () => {
    let base = '';
    let serveur: Server;
    before(async () => {
      ({ base, serveur } = await monter());
    });
    after(() => serveur.close());

    it('laisse passer au suivant ce qui est hors du préfixe', async () => {
      for (const chemin of ['/', '/index.html', '/apix/v1']) {
        const reponse = await fetch(`${base}${chemin}`);
        assert.equal(reponse.status, 418, chemin);
        assert.equal(await reponse.text(), 'suivant');
      }
    });

    it('retire le préfixe, garde la requête et transmet l’adresse du client', async () => {
      vues.length = 0;
      const reponse = await fetch(`${base}/api/v1/structures?q=caf`);
      assert.equal(reponse.status, 401);
      assert.equal(reponse.headers.get('x-essai'), 'oui');
      assert.equal(reponse.headers.get('vary'), 'Origin, Accept');
      assert.equal(new URL(vues[0]?.url ?? '').pathname + new URL(vues[0]?.url ?? '').search, '/v1/structures?q=caf');
      assert.match(vues[0]?.client?.ip ?? '', /127\.0\.0\.1$/);
      await fetch(`${base}/api`);
      assert.equal(new URL(vues[1]?.url ?? '').pathname, '/');
    });

    it('garde un statut sans corps', async () => {
      const reponse = await fetch(`${base}/api/vide`);
      assert.equal(reponse.status, 204);
      assert.equal(reponse.headers.get('x-essai'), 'oui');
    });

    it('transmet le corps de la requête', async () => {
      const reponse = await fetch(`${base}/api/corps`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ texte: 'é🙂' }),
      });
      assert.equal(reponse.status, 201);
      assert.deepEqual(await reponse.json(), { recu: { texte: 'é🙂' } });
    });

    it('envoie la réponse au fil de l’eau, sans l’attendre en entier', { timeout: 5000 }, async () => {
      const { premier, reste } = await lirePremierMorceau(`${base}/api/flux`);
      assert.equal(premier, 'premier;');
      libererFlux();
      assert.equal(await reste, 'second');
    });

    it('répond 413 à un envoi sans fin et cesse de le lire', { timeout: 10_000 }, async () => {
      const { statut, envoyes } = await televerserSansFin(base);
      assert.equal(statut, 413);
      assert.ok(envoyes < 64 * 1024 * 1024, `${envoyes} octets envoyés`);
    });
  });
}

verifierAdaptateur('connectMiddleware (Vite)', () => {
  const middleware = connectMiddleware(doublure, { prefix: '/api' });
  return demarrer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 418;
      res.end('suivant');
    }),
  );
});

verifierAdaptateur('koaMiddleware (@web/dev-server, web-test-runner)', () => {
  const app = new Koa();
  app.use(koaMiddleware(doublure, { prefix: '/api' }));
  app.use((ctx) => {
    ctx.status = 418;
    ctx.body = 'suivant';
  });
  return demarrer(app.callback());
});

describe('ecouteurNode (serveur autonome)', () => {
  it('sert la plateforme à la racine', async () => {
    const { base, serveur } = await demarrer(ecouteurNode(doublure));
    try {
      vues.length = 0;
      assert.equal((await fetch(`${base}/vide`)).status, 204);
      assert.equal(new URL(vues[0]?.url ?? '').pathname, '/vide');
    } finally {
      serveur.close();
    }
  });
});
