// The static demo (`npm run build:demo`) as a visitor gets it: built into a temporary folder
// against a reference platform on another origin (SPP_DEMO_API), served by a bare static
// server, opened in headless Chromium. Every page, light and dark: no console error, no
// failed request, no axe-core violation (iframes included). The configurator: the snippet
// copied to the clipboard is exactly what its preview runs, under the CSP it shows.
// Needs `npm run build` first (dist/cdn/<version>/).
/* global window, document, navigator, customElements, DOMParser, fetch, crypto -- page code run by puppeteer; fetch and crypto are Node's too */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, relative } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { CDN, ROOT } from './helpers.mjs';
import { openDatabase } from '../../platform/src/db.ts';
import { createPlatform } from '../../platform/src/app.ts';
import { ecouteurNode } from '../../platform/src/node.ts';

const chromium = findChromium({ quiet: true });
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};
/** The pages a visitor opens (the host pages are checked inside hotes.html's iframes). */
const PAGES = [
  'index.html',
  'elements/je-donne-mon-avis.html',
  'elements/engagements.html',
  'elements/resultats.html',
  'elements/oups-erreurs.html',
  'elements/bloc-marque.html',
  'configurateur.html',
  'hotes.html',
  'avis-recus.html',
];

const listen = (server) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));

function staticServer(folder) {
  return createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(folder, path));
    if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  });
}

/** Every spp-* element of the page and of its same-origin iframes is defined and rendered. */
async function settle(page) {
  await page.waitForNetworkIdle({ idleTime: 500, timeout: 60_000 });
  for (const frame of page.frames()) {
    await frame.waitForFunction(
      () =>
        [...document.querySelectorAll('*')]
          .filter((el) => el.localName.startsWith('spp-'))
          .every((el) => customElements.get(el.localName) && el.shadowRoot?.childNodes.length),
      { timeout: 60_000 },
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/**
 * axe-core in every frame (evaluated, so a frame's CSP cannot refuse it), run from the top,
 * every rule (best practices included). The element pages show each example twice on
 * purpose (light and dark panels): two identical elements have identical landmark names
 * there, so `landmark-unique` is left out on those pages only.
 */
async function axe(page, { repeatedExamples = false } = {}) {
  for (const frame of page.frames()) await frame.evaluate(AXE);
  return page.evaluate(async (repeated) => {
    const options = { iframes: true, resultTypes: ['violations'] };
    if (repeated) options.rules = { 'landmark-unique': { enabled: false } };
    const { violations } = await window.axe.run(document, options);
    return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }, repeatedExamples);
}

describe('the static demo (npm run build:demo)', { skip: !chromium && 'no Chromium' }, () => {
  let platform;
  let apiServer;
  let demoServer;
  let api;
  let origin;
  let browser;
  let out;
  const weights = {};

  before(async () => {
    assert.ok(existsSync(`${CDN}spp-widgets.js`), `${relative(ROOT, CDN)} is missing: run \`npm run build\` first`);
    platform = await createPlatform({ db: await openDatabase({ memory: true }), rateLimit: false });
    apiServer = createServer(ecouteurNode(platform, { prefix: '/api' }));
    api = `${await listen(apiServer)}/api`;

    out = mkdtempSync(join(tmpdir(), 'spp-demo-'));
    const started = Date.now();
    const build = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'vite.config.ts',
        '--mode',
        'demo',
        '--outDir',
        out,
        '--emptyOutDir',
      ],
      { cwd: ROOT, env: { ...process.env, SPP_DEMO_API: api }, encoding: 'utf8' },
    );
    assert.equal(build.status, 0, `vite build failed:\n${build.stdout}\n${build.stderr}`);
    console.log(`# demo built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    demoServer = staticServer(out);
    origin = await listen(demoServer);
    browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox'] });
    await browser.defaultBrowserContext().overridePermissions(origin, ['clipboard-read', 'clipboard-sanitized-write']);

    // One avis, so « Avis reçus » has statistics to show.
    const created = await fetch(`${api}/v1/avis`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        demarche: 'demo-1',
        formulaire: 'root',
        reponses: [{ champ: 'satisfaction', optionId: 'good' }],
      }),
    });
    assert.equal(created.status, 201);
  });

  after(async () => {
    const weightsText = Object.entries(weights)
      .map(([page, w]) => `${page}: ${w}`)
      .join('\n# ');
    if (weightsText) console.log(`# transferred per page (demo files, raw; JS + CSS gzipped):\n# ${weightsText}`);
    await browser?.close();
    demoServer?.close();
    apiServer?.close();
    await platform?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('builds every page, with the CDN bundle and the images next to them', () => {
    const html = readdirSync(out, { recursive: true }).filter((f) => f.endsWith('.html'));
    for (const page of [...PAGES, 'hotes/dsfr-sombre.html', 'hotes/bootstrap.html', 'hotes/reinitialise.html']) {
      assert.ok(html.includes(page), `${page} built`);
    }
    const version = relative(`${ROOT}dist/cdn`, CDN).replace(/\/$/, '');
    for (const file of ['spp-widgets.js', 'spp-widgets-sri.js', 'integrity.json']) {
      assert.ok(existsSync(join(out, 'spp-widgets', version, file)), `spp-widgets/${version}/${file}`);
    }
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    assert.match(index, new RegExp(`data-api-base="${api}"`), 'the pages point at SPP_DEMO_API');
    assert.doesNotMatch(index, /<!-- demo:/, 'no placeholder left');
  });

  for (const theme of ['light', 'dark']) {
    for (const path of PAGES) {
      const name = `${path} (${theme}): no console error, no failed request, no axe violation`;
      test(name, { timeout: 180_000 }, async () => {
        const page = await browser.newPage();
        const problems = [];
        const sizes = { all: 0, codeGzip: 0, fonts: 0 };
        const reading = [];
        try {
          await page.setViewport({ width: 1280, height: 900 });
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
          page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
          page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
          page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
          page.on('response', (r) => {
            if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
            if (theme !== 'light' || !r.url().startsWith(origin)) return;
            // What the demo's own files weigh (the API's answers are not counted).
            const measured = r.buffer().then(
              (body) => {
                const { pathname } = new URL(r.url());
                sizes.all += body.length;
                if (/\.(js|css)$/.test(pathname)) sizes.codeGzip += gzipSync(body).length;
                if (/\.woff2?$/.test(pathname)) sizes.fonts += body.length;
              },
              () => undefined,
            );
            reading.push(measured);
          });
          await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
          await settle(page);
          const current = await page.evaluate(() => document.documentElement.dataset.frTheme);
          assert.equal(current, theme, 'the site follows the system theme');
          const violations = await axe(page, { repeatedExamples: path.startsWith('elements/') });
          assert.deepEqual(problems, [], 'console and network');
          assert.deepEqual(violations, [], 'axe-core');
          if (theme === 'light') {
            await Promise.all(reading);
            const kB = (n) => `${(n / 1024).toFixed(0)} kB`;
            weights[path] = `${kB(sizes.all)} (fonts ${kB(sizes.fonts)}), JS + CSS ${kB(sizes.codeGzip)} gzip`;
          }
        } finally {
          await page.close();
        }
      });
    }
  }

  test('configurator: documents every attribute of custom-elements.json', { timeout: 60_000 }, async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/configurateur.html`, { waitUntil: 'load' });
      for (const mod of manifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const tag = declaration.tagName;
          if (!tag || !(await page.$(`#element-${tag}`))) continue;
          await page.click(`#element-${tag}`);
          const controls = await page.$$eval('[data-attribut]', (els) => els.map((el) => el.dataset.attribut));
          const documented = (declaration.attributes ?? []).map((a) => a.name).filter(Boolean);
          const missing = documented.filter((name) => !controls.includes(name));
          assert.deepEqual(missing, [], `<${tag}>: attributes without a control`);
        }
      }
    } finally {
      await page.close();
    }
  });

  test(
    'configurator: the copied snippet is exactly what the preview runs, under the CSP shown',
    { timeout: 120_000 },
    async () => {
      const page = await browser.newPage();
      const problems = [];
      try {
        page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(`${origin}/configurateur.html`, { waitUntil: 'load' });
        await page.click('#element-spp-engagements');
        await page.select('#champ-disposition', 'liste');
        await page.click('#champ-sans-titre');
        await page.type('#champ-engagements', '1,7');
        await page.type('#champ-logo-src', `${origin}/images/logo-operateur.svg`);
        await page.type('#champ-logo-alt', 'Opérateur "test" & <autre>');
        await page.waitForFunction(() => document.querySelector('#apercu').srcdoc.includes('disposition="liste"'));
        await page.waitForFunction(() => document.querySelector('#apercu').srcdoc.includes('&lt;autre&gt;'));
        await settle(page);

        await page.bringToFront();
        await page.click('#copier-code');
        await page.waitForFunction(() => document.querySelector('#statut-copie').textContent.includes('copié'));
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        const state = await page.evaluate(() => {
          const frame = document.querySelector('#apercu');
          const body = frame.srcdoc.split('<body>\n')[1]?.split('\n</body>')[0];
          const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(frame.srcdoc)?.[1];
          // The elements mirror the theme onto themselves (data-fr-theme): not part of the snippet.
          const describe = (el) =>
            `${el.localName} ${[...el.attributes]
              .filter((a) => !a.name.startsWith('data-fr-'))
              .map((a) => `${a.name}=${a.value}`)
              .join(' ')}`;
          const live = frame.contentDocument;
          const element = live.querySelector('spp-engagements');
          return {
            body,
            csp: csp
              ?.replace(/&amp;/g, '&')
              .replace(/&quot;/g, '"')
              .replace(/&lt;/g, '<'),
            shownCode: document.querySelector('#code').textContent,
            shownCsp: document.querySelector('#csp').textContent,
            status: document.querySelector('#statut-copie').getAttribute('role'),
            parsed: [...new DOMParser().parseFromString(`<body>${body}`, 'text/html').body.children].map(describe),
            running: [...live.body.children].map(describe),
            rendered: Boolean(customElements && element?.shadowRoot?.querySelector('li')),
            scriptLoaded: Boolean(live.defaultView.customElements.get('spp-engagements')),
          };
        });
        assert.equal(copied, state.shownCode, 'the clipboard holds the code shown');
        assert.equal(state.body, copied, 'the preview document’s body is the copied snippet, verbatim');
        assert.deepEqual(state.running, state.parsed, 'the preview runs these very tags and attributes');
        assert.match(
          copied,
          /<script\n {2}src="http:\/\/127\.0\.0\.1:\d+\/spp-widgets\/[^/]+\/spp-widgets-sri\.js"\n {2}integrity="sha384-/,
        );
        assert.match(copied, new RegExp(`data-api-base="${api}"`));
        assert.match(copied, /logo-alt="Opérateur &quot;test&quot; &amp; &lt;autre&gt;"/);
        assert.equal(state.status, 'status', 'the copy is announced (role=status)');
        assert.equal(state.csp, state.shownCsp, 'the preview runs under the policy shown');
        assert.match(state.csp, /img-src http:\/\/127\.0\.0\.1:\d+/, 'the logo’s origin is in img-src');
        assert.ok(state.scriptLoaded && state.rendered, 'the loader passed SRI and CSP and the element rendered');
        assert.deepEqual(problems, [], 'no console error');
      } finally {
        await page.close();
      }
    },
  );

  test('« Avis reçus »: public statistics from SPP_DEMO_API, never the latest avis', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/avis-recus.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('#resultats').textContent.includes('avis'));
      const text = await page.$eval('#resultats', (el) => el.textContent);
      assert.match(text, /1 avis — satisfaction : 10 sur 10/);
      assert.match(text, /Version statique/);
    } finally {
      await page.close();
    }
  });
});
