// The demo's dev server (`npm start`), in process, with an in-memory platform: the CDN bundle
// is served byte for byte as its integrity says, and « Avis reçus » gets a summary of the
// latest avis without the API key ever reaching the browser and without any typed text.
// Needs `npm run build` first (dist/cdn/<version>/).
/* global fetch -- Node 20 has it */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'vite';
import { CDN, ROOT } from './helpers.mjs';

const KEY = `cle-demo-${randomUUID()}`;
const SECRETS = ['Jean Dupont', 'jean.dupont@example.com', '06 12 34 56 78', 'mon voisin'];

describe('the demo dev server (npm start)', () => {
  let server;
  let base;
  const saved = { memory: process.env.SPP_PLATFORM_MEMORY, keys: process.env.SPP_API_KEYS };

  before(async () => {
    assert.ok(existsSync(`${CDN}spp-widgets.js`), 'dist/cdn/<version>/ is missing: run `npm run build` first');
    process.env.SPP_PLATFORM_MEMORY = '1';
    process.env.SPP_API_KEYS = KEY;
    server = await createServer({
      configFile: `${ROOT}vite.config.ts`,
      root: ROOT,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await server.listen();
    base = server.resolvedUrls.local[0].replace(/\/$/, '');
  });

  after(async () => {
    await server?.close();
    process.env.SPP_PLATFORM_MEMORY = saved.memory;
    process.env.SPP_API_KEYS = saved.keys;
    if (saved.memory === undefined) delete process.env.SPP_PLATFORM_MEMORY;
    if (saved.keys === undefined) delete process.env.SPP_API_KEYS;
  });

  test('each page loads the CDN loader whose bytes match its integrity attribute', async () => {
    const html = await (await fetch(`${base}/demo/elements/resultats.html`)).text();
    const [, src, integrity] = /<script src="([^"]+spp-widgets\.js)" integrity="([^"]+)"/.exec(html) ?? [];
    assert.ok(src, 'the loader tag is in the page');
    assert.equal(src, '../spp-widgets/0.1.0/spp-widgets.js'.replace('0.1.0', CDN.split('/').at(-2)));
    const loader = await fetch(new URL(src, `${base}/demo/elements/resultats.html`));
    assert.equal(loader.status, 200);
    assert.equal(loader.headers.get('access-control-allow-origin'), '*');
    const bytes = Buffer.from(await loader.arrayBuffer());
    assert.equal(integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`);
    assert.match(html, /data-api-base="\/api"/);
    assert.doesNotMatch(html, /<!-- demo:/);
  });

  test('« Avis reçus »: chosen answers only, no typed text, no key in what the browser gets', async () => {
    const demarche = `demo-dev-${randomUUID().slice(0, 8)}`;
    const created = await fetch(`${base}/api/v1/avis`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        demarche,
        formulaire: 'root',
        bouton: 'pied-de-page',
        reponses: [{ champ: 'satisfaction', optionId: 'medium' }],
      }),
    });
    assert.equal(created.status, 201);
    const { id, jeton } = await created.json();
    const patched = await fetch(`${base}/api/v1/avis/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jeton}` },
      body: JSON.stringify({
        reponses: [
          { champ: 'contact_tried', optionId: 'telephone' },
          { champ: 'contact_tried', optionId: 'autre', texte: 'mon voisin Jean Dupont' },
          { champ: 'contact_reached', optionId: 'non', parent: 'telephone' },
          { champ: 'verbatim', texte: 'Appelez-moi au 06 12 34 56 78, jean.dupont@example.com' },
          { champ: 'contact_email', texte: 'jean.dupont@example.com' },
        ],
      }),
    });
    assert.equal(patched.status, 200, await patched.text());

    const response = await fetch(`${base}/demo-api/avis-recus?demarche=${demarche}`);
    assert.equal(response.status, 200);
    const text = await response.text();
    for (const secret of [...SECRETS, KEY, id, jeton]) assert.ok(!text.includes(secret), `no "${secret}"`);
    const { statistiques, avis } = JSON.parse(text);
    assert.equal(statistiques.nombreAvis, 1);
    assert.equal(avis.length, 1);
    assert.equal(avis[0].bouton, 'pied-de-page');
    assert.equal(avis[0].commentaire, true);
    assert.match(avis[0].jour, /^\d{4}-\d{2}-\d{2}$/);
    const answers = avis[0].reponses.map((r) => `${r.reponse}${r.aPropos ? ` / ${r.aPropos}` : ''}`);
    assert.deepEqual(answers, [
      'Moyen',
      "Par téléphone avec l'administration",
      'Autres, précisez',
      "Non / Par téléphone avec l'administration",
    ]);

    for (const path of ['/demo/avis-recus.html', '/demo/scripts/avis-recus.ts', '/demo/configurateur.html']) {
      const served = await (await fetch(`${base}${path}`)).text();
      assert.ok(!served.includes(KEY), `the key is not in ${path}`);
    }
  });

  test('« Avis reçus »: an invalid démarche is the platform’s 400, not a crash', async () => {
    const response = await fetch(`${base}/demo-api/avis-recus?demarche=${encodeURIComponent('pas valide !')}`);
    assert.equal(response.status, 400);
  });
});
