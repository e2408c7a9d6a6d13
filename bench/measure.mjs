// One measured page load in headless Chromium: what the page loads (from the network, with
// each body's gzip -9 size), the timings its own observers recorded, the stylesheet objects
// of its shadow roots, and optionally a click on the avis button until the questionnaire is
// interactive. Each load gets a fresh browser context: empty HTTP cache, no storage.
/* global window, document, performance, requestAnimationFrame */
import { gzipSync } from 'node:zlib';

const gzipCache = new Map();
/** gzip -9 size of a body, memoised by URL and length (the CDN files are immutable). */
function gzipSize(url, buffer) {
  const key = `${url}#${buffer.length}`;
  if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(buffer, { level: 9 }).length);
  return gzipCache.get(key);
}

const CATEGORY = { script: 'code', stylesheet: 'code', font: 'fonts', fetch: 'data', xhr: 'data', image: 'images' };

/** Every shadow root of the page, nested ones included, and the style sheets they use. */
function styleCensus() {
  const sheets = new Map();
  let shadowRoots = 0;
  let adoptions = 0;
  let styleElements = 0;
  let linkElements = 0;
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
      const shadow = element.shadowRoot;
      if (!shadow) continue;
      shadowRoots += 1;
      for (const sheet of shadow.adoptedStyleSheets) {
        adoptions += 1;
        sheets.set(sheet, (sheets.get(sheet) ?? 0) + 1);
      }
      styleElements += shadow.querySelectorAll('style').length;
      linkElements += shadow.querySelectorAll('link[rel~=stylesheet]').length;
      visit(shadow);
    }
  };
  visit(document);
  const text = (sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');
  const contents = new Set([...sheets.keys()].map(text));
  const rendered = [...document.querySelectorAll('body *')].filter(
    (el) => el.localName.startsWith('spp-') && el.shadowRoot && el.shadowRoot.childNodes.length > 0,
  ).length;
  const present = [...document.querySelectorAll('body *')].filter((el) => el.localName.startsWith('spp-')).length;
  return {
    shadowRoots,
    adoptions,
    distinctSheets: sheets.size,
    distinctContents: contents.size,
    styleElements,
    linkElements,
    documentSheets: document.adoptedStyleSheets.length,
    elements: present,
    rendered,
  };
}

function pageState() {
  const resources = performance.getEntriesByType('resource').map((e) => ({
    url: e.name,
    initiator: e.initiatorType,
    start: e.startTime,
    end: e.responseEnd,
  }));
  return { bench: window.__bench, resources, now: performance.now() };
}

/**
 * Clicks the avis button (as a script would: no hover, no focus first, so nothing is
 * prefetched by the click itself) and resolves when the questionnaire is interactive: its
 * dialog open, focus inside it, and the first smiley there and enabled.
 */
function clickUntilInteractive() {
  const host = document.querySelector('spp-je-donne-mon-avis');
  const button = host.shadowRoot.querySelector('button');
  const deepActive = () => {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return active;
  };
  const interactive = () => {
    const root = host.shadowRoot.querySelector('spp-avis-questionnaire')?.shadowRoot;
    if (!root || !root.querySelector('dialog')?.open) return false;
    const first = root.querySelector('input.spp-smiley__input');
    const active = deepActive();
    return !!first && !first.disabled && !!active && root.contains(active);
  };
  return new Promise((resolve) => {
    let done = false;
    let t0 = 0;
    const check = () => {
      if (done || !interactive()) return;
      done = true;
      const at = performance.now();
      // The frame that shows it: rAF runs in the rendering step of that frame.
      requestAnimationFrame(() => resolve({ t0, interactive: at - t0, frame: performance.now() - t0 }));
    };
    const poll = () => {
      check();
      if (!done) setTimeout(poll, 0);
    };
    document.addEventListener('focusin', check, true);
    setTimeout(() => {
      if (!done) {
        done = true;
        resolve({ t0, timeout: true });
      }
    }, 10_000);
    t0 = performance.now();
    button.click();
    check();
    setTimeout(poll, 0);
  });
}

async function settle(page) {
  await page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 });
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 200)))),
  );
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 30_000 });
}

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {{ click?: 'prefetched' | 'cold' }} options
 */
export async function measurePage(browser, url, { click } = {}) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    if (click === 'cold') {
      // No prefetch at idle time: the click loads the questionnaire and its form.
      await page.evaluateOnNewDocument(() => {
        window.requestIdleCallback = () => 0;
      });
    }
    const requests = new Map();
    const network = [];
    const bodies = [];
    const errors = [];
    page.on('request', (request) => {
      const key = request.url();
      if (!key.startsWith('data:')) requests.set(key, (requests.get(key) ?? 0) + 1);
    });
    page.on('requestfinished', (request) => {
      const response = request.response();
      if (!response || request.url().startsWith('data:')) return;
      bodies.push(
        response.buffer().then(
          (buffer) =>
            network.push({
              url: request.url(),
              type: request.resourceType(),
              category:
                CATEGORY[request.resourceType()] ?? (request.resourceType() === 'document' ? 'document' : 'other'),
              status: response.status(),
              bytes: buffer.length,
              gzip: gzipSize(request.url(), buffer),
            }),
          () => undefined,
        ),
      );
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));

    await page.goto(url, { waitUntil: 'load' });
    await settle(page);
    const loaded = await page.evaluate(pageState);
    const styles = await page.evaluate(styleCensus);

    let clicked;
    if (click) {
      const result = await page.evaluate(clickUntilInteractive);
      await settle(page);
      const after = await page.evaluate(pageState);
      clicked = { ...result, resources: after.resources.filter((r) => r.start >= result.t0) };
    }
    await Promise.all(bodies);
    return { loaded, styles, clicked, network, requests: Object.fromEntries(requests), errors };
  } finally {
    await context.close();
  }
}
