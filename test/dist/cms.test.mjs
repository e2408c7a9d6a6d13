// examples/cms/index.html as a CMS serves it: plain HTML with the SRI snippet, under the
// strict policy of test/hosts/csp.mjs (Trusted Types required), the reference platform at
// /api, and a copy of dist/cdn/<version>/ as the CDN. Then one byte of a module is changed,
// as a compromised CDN would: the SRI loader refuses that module (and only what needs
// it), says so with console.error, and nothing is thrown into the page.
/* global window, document, customElements, performance -- code run in the page by puppeteer */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { hostCsp } from '../hosts/csp.mjs';
import { CDN, ROOT, integrity, manifest, pkg } from './helpers.mjs';
import { openDatabase } from '../../platform/src/db.ts';
import { createPlatform } from '../../platform/src/app.ts';
import { connectMiddleware } from '../../platform/src/node.ts';

const CSP = hostCsp({ cdn: "'self'", api: "'self'" });
const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.woff2': 'font/woff2' };
const chromium = findChromium({ quiet: true });

/** The example page with this build's version and loader (and its integrity). */
function cmsPage(loader = 'spp-widgets-sri.js') {
  const html = readFileSync(`${ROOT}examples/cms/index.html`, 'utf8');
  const snippet = /<script\s+src="\/spp-widgets\/([^/]+)\/spp-widgets-sri\.js"\s+integrity="[^"]*"/;
  const [, version] = html.match(snippet) ?? [];
  assert.equal(version, pkg.version, 'examples/cms/index.html uses the current version');
  return html.replace(
    snippet,
    `<script src="/spp-widgets/${pkg.version}/${loader}" integrity="${integrity().files[loader]}"`,
  );
}

describe(
  'a CMS page with the SRI snippet',
  { skip: !chromium && 'no Chromium (see scripts/find-chromium.mjs)' },
  () => {
    let server;
    let platform;
    let browser;
    let origin;
    let cdn;
    let page = cmsPage();

    before(async () => {
      cdn = mkdtempSync(join(tmpdir(), 'spp-cdn-'));
      cpSync(CDN, cdn, { recursive: true });
      platform = await createPlatform({ db: await openDatabase({ memory: true }), rateLimit: false });
      const api = connectMiddleware(platform, { prefix: '/api' });
      server = createServer((req, res) => {
        api(req, res, () => {
          const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
          if (path === '/') {
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
            return res.end(page);
          }
          const prefix = `/spp-widgets/${pkg.version}/`;
          const file = path.startsWith(prefix) ? normalize(path.slice(prefix.length)) : '';
          try {
            if (!file || file.startsWith('..')) throw new Error('outside the CDN');
            const body = readFileSync(join(cdn, file));
            res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
            res.end(body);
          } catch {
            res.writeHead(404).end();
          }
        });
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${server.address().port}`;
      browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox'] });
    });

    after(async () => {
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
      await platform?.close();
      rmSync(cdn, { recursive: true, force: true });
    });

    /** The CDN copy with the last byte of `file` changed (a newline becomes a space: same code). */
    function tamper(file) {
      const bytes = readFileSync(join(cdn, file));
      const original = Buffer.from(bytes);
      bytes[bytes.length - 1] = bytes.at(-1) === 0x20 ? 0x0a : 0x20;
      writeFileSync(join(cdn, file), bytes);
      return () => writeFileSync(join(cdn, file), original);
    }

    /** Opens the page; collects console errors, page errors (window.onerror) and requests. */
    async function open() {
      const tab = await browser.newPage();
      const report = { errors: [], pageErrors: [], requests: [], violations: [] };
      tab.on('console', (m) => m.type() === 'error' && report.errors.push(m.text()));
      tab.on('pageerror', (e) => report.pageErrors.push(e.message));
      tab.on('request', (r) => report.requests.push(new URL(r.url()).pathname));
      await tab.evaluateOnNewDocument(() => {
        // The SRI loader removes its modulepreload links once loaded: record them as they come.
        window.__preloads = [];
        new window.MutationObserver((records) => {
          for (const record of records)
            for (const node of record.addedNodes)
              if (node.localName === 'link' && node.rel === 'modulepreload')
                window.__preloads.push([new URL(node.href).pathname, node.integrity, node.crossOrigin]);
        }).observe(document, { childList: true, subtree: true });
        window.__thrown = [];
        window.addEventListener('error', (e) => window.__thrown.push(`error: ${e.message}`));
        window.addEventListener('unhandledrejection', (e) => window.__thrown.push(`unhandledrejection: ${e.reason}`));
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__thrown.push(`csp: ${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await tab.goto(`${origin}/`, { waitUntil: 'load' });
      return { tab, report };
    }

    /** Polls a Node-side condition (the console messages collected). */
    async function until(condition, timeout = 10_000) {
      for (const start = Date.now(); !condition();) {
        if (Date.now() - start > timeout) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    const defined = (tab, tag) => tab.evaluate((t) => customElements.get(t) !== undefined, tag);
    const settle = (tab) => tab.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const file = (pattern) => {
      const found = Object.keys(manifest().files).find((f) => pattern.test(f));
      assert.ok(found, `a module matching ${pattern}`);
      return found;
    };

    test('loads the elements, each module verified by a modulepreload link, under Trusted Types', async () => {
      const { tab, report } = await open();
      try {
        await tab.waitForFunction(
          () => customElements.get('spp-engagements') && customElements.get('spp-je-donne-mon-avis'),
          {
            timeout: 10_000,
          },
        );
        await tab.waitForFunction(
          () => document.querySelector('spp-engagements')?.shadowRoot?.textContent?.includes('9'),
          {
            timeout: 10_000,
          },
        );
        const links = await tab.evaluate(() => window.__preloads);
        const hashes = integrity().files;
        const prefix = `/spp-widgets/${pkg.version}/`;
        assert.ok(links.length >= 5, `${links.length} modules preloaded`);
        for (const [path, value, crossOrigin] of links) {
          assert.equal(value, hashes[path.slice(prefix.length)], path);
          assert.equal(crossOrigin, 'anonymous');
        }
        // Every module fetched was declared with its hash first, and fetched once.
        const modules = report.requests.filter((p) => p.endsWith('.js') && !p.includes('spp-widgets-sri'));
        assert.deepEqual([...new Set(modules)].sort(), links.map(([p]) => p).sort());
        assert.equal(modules.length, new Set(modules).size, 'no module fetched twice');

        // The questionnaire is imported on demand, through the same verification.
        await tab.evaluate(() =>
          document.querySelector('spp-je-donne-mon-avis').shadowRoot.querySelector('button').click(),
        );
        await tab.waitForFunction(() => customElements.get('spp-avis-questionnaire'), { timeout: 10_000 });
        const questionnaire = file(/^chunks\/spp-avis-questionnaire-/);
        assert.ok(await tab.evaluate((p) => window.__preloads.some(([path]) => path.endsWith(p)), questionnaire));
        await settle(tab);
        assert.equal(
          await tab.evaluate(() => document.querySelectorAll('link[rel=modulepreload]').length),
          0,
          'the host’s <head> is left as it was',
        );
        assert.deepEqual(report.errors, []);
        assert.deepEqual(report.pageErrors, []);
        assert.deepEqual(await tab.evaluate(() => window.__thrown), []);
      } finally {
        await tab.close();
      }
    });

    test('a changed byte in a chunk of one element: that element does not load, the others do', async () => {
      const chunk = file(/^chunks\/spp-engagements-/);
      // Only <spp-engagements> needs this chunk.
      const { tags, files } = manifest();
      assert.ok(files[tags['spp-engagements']].imports.includes(chunk));
      assert.ok(!files[tags['spp-je-donne-mon-avis']].imports.includes(chunk));
      const restore = tamper(chunk);
      const { tab, report } = await open();
      try {
        await tab.waitForFunction(() => customElements.get('spp-je-donne-mon-avis'), { timeout: 10_000 });
        await until(() => report.errors.some((e) => e.includes('could not load <spp-engagements>')));
        await settle(tab);
        assert.equal(await defined(tab, 'spp-engagements'), false, '<spp-engagements> stays undefined');
        assert.ok(
          report.errors.some((e) => e.includes('[spp-widgets]') && e.includes(chunk) && e.includes('integrity')),
          `the loader names the file: ${report.errors.join(' | ')}`,
        );
        assert.ok(report.errors.some((e) => e.includes('could not load <spp-engagements>')));
        assert.deepEqual(report.pageErrors, [], 'nothing reaches window.onerror');
        assert.deepEqual(await tab.evaluate(() => window.__thrown), []);
      } finally {
        await tab.close();
        restore();
      }
    });

    test('a changed byte in the on-demand questionnaire: it is refused when the button is clicked', async () => {
      const questionnaire = file(/^chunks\/spp-avis-questionnaire-/);
      const restore = tamper(questionnaire);
      const { tab, report } = await open();
      try {
        await tab.waitForFunction(() => customElements.get('spp-je-donne-mon-avis'), { timeout: 10_000 });
        await tab.evaluate(() =>
          document.querySelector('spp-je-donne-mon-avis').shadowRoot.querySelector('button').click(),
        );
        await tab.waitForFunction(
          (f) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(f)),
          { timeout: 10_000 },
          questionnaire,
        );
        await settle(tab);
        assert.equal(await defined(tab, 'spp-avis-questionnaire'), false, 'the questionnaire never ran');
        assert.ok(
          report.errors.some((e) => e.includes('[spp-widgets]') && e.includes(questionnaire)),
          `the loader names the file: ${report.errors.join(' | ')}`,
        );
        assert.deepEqual(report.pageErrors, []);
        assert.deepEqual(await tab.evaluate(() => window.__thrown), []);
      } finally {
        await tab.close();
        restore();
      }
    });

    test('for comparison, the plain loader runs the same changed chunk: only spp-widgets-sri.js verifies modules', async () => {
      const chunk = file(/^chunks\/spp-engagements-/);
      const restore = tamper(chunk);
      page = cmsPage('spp-widgets.js');
      const { tab, report } = await open();
      try {
        await tab.waitForFunction(() => customElements.get('spp-engagements'), { timeout: 10_000 });
        assert.equal(await tab.evaluate(() => document.querySelectorAll('link[rel=modulepreload]').length), 0);
        assert.deepEqual(report.pageErrors, []);
      } finally {
        await tab.close();
        restore();
        page = cmsPage();
      }
    });
  },
);
