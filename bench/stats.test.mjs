// The bench's arithmetic: quantiles, CLS session windows, TBT, bytes before paint, duplicates.
// Run with `node --test bench/` (the bench is not part of `npm test`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregate, derive, quantile } from './stats.mjs';
import { composition, judgeBars } from './report.mjs';

test('quantile interpolates between ranks', () => {
  assert.equal(quantile([3, 1, 2], 0.5), 2);
  assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantile([10, 20], 0.95), 19.5);
});

/** A raw measurement as measure.mjs returns it, with only what derive() reads. */
function raw({
  shifts = [],
  longtasks = [],
  requests = {},
  network = [],
  resources = [],
  frame = 100,
  fcp = 110,
} = {}) {
  return {
    loaded: {
      bench: { ready: 40, frame, paints: { 'first-contentful-paint': fcp }, longtasks, shifts, loafs: [] },
      resources: [{ url: 'http://x/spp-widgets/0.1.0/spp-widgets.js', start: 5, end: 50 }, ...resources],
    },
    styles: { distinctSheets: 2, distinctContents: 2, styleElements: 0 },
    network,
    requests,
    errors: [],
  };
}

test('CLS is the largest session window, TBT counts only the part of long tasks over 50 ms after FCP', () => {
  const figures = derive(
    raw({
      shifts: [
        { start: 200, value: 0.1, recentInput: false },
        { start: 700, value: 0.05, recentInput: false },
        { start: 3000, value: 0.12, recentInput: false },
        { start: 3100, value: 0.5, recentInput: true },
      ],
      longtasks: [
        { start: 50, duration: 300 },
        { start: 500, duration: 80 },
        { start: 900, duration: 120 },
      ],
    }),
  );
  assert.equal(Number(figures.cls.window.toFixed(3)), 0.15);
  assert.equal(Number(figures.cls.total.toFixed(3)), 0.27);
  assert.equal(figures.longTasks.count, 3);
  assert.equal(figures.longTasks.max, 300);
  assert.equal(figures.longTasks.tbt, 30 + 70);
  // The loader may only start once the document is interactive (40) and it has arrived (50).
  assert.equal(figures.timing.loaderStart, 50);
  assert.equal(figures.timing.paintedFromScript, 60);
});

test('a small layout shift survives the summary: CLS keeps 4 decimals, times keep 1', () => {
  const summary = aggregate([
    { cls: { window: 0.0437552, total: 0.0437552 }, timing: { fcp: 79.26 } },
    { cls: { window: 0.0441, total: 0.0441 }, timing: { fcp: 80.04 } },
  ]);
  assert.equal(summary.cls.window.max, 0.0441);
  assert.equal(summary.cls.total.min, 0.0438);
  assert.equal(summary.timing.fcp.max, 80);
});

test('bytes before paint are the requests started before the button’s frame; duplicates are seen', () => {
  const figures = derive(
    raw({
      frame: 100,
      network: [
        { url: 'http://x/a.js', category: 'code', gzip: 1000, bytes: 3000 },
        { url: 'http://x/b.js', category: 'code', gzip: 500, bytes: 1500 },
        { url: 'http://x/f.woff2', category: 'fonts', gzip: 20000, bytes: 20100 },
        { url: 'http://x/api/v1/x', category: 'data', gzip: 300, bytes: 900 },
      ],
      resources: [
        { url: 'http://x/a.js', start: 60, end: 70 },
        { url: 'http://x/b.js', start: 150, end: 160 },
        { url: 'http://x/f.woff2', start: 90, end: 200 },
        { url: 'http://x/api/v1/x', start: 120, end: 130 },
        { url: 'http://x/api/v1/x', start: 140, end: 150 },
      ],
      requests: { 'http://x/a.js': 1, 'http://x/api/v1/x': 2 },
    }),
  );
  assert.equal(figures.bytes.code, 1500);
  assert.equal(figures.bytes.codeBeforePaint, 1000);
  assert.equal(figures.bytes.fonts, 20100);
  assert.equal(figures.requests.maxPerResource, 2);
  assert.equal(figures.requests.maxPerResourceInPage, 2);
});

test('the paint is timed from whichever loader the page has, the light one or the SRI one', () => {
  const light = derive(raw({ fcp: 110 }));
  assert.equal(light.timing.paintedFromScript, 60);
  const verified = raw({ fcp: 110 });
  verified.loaded.resources[0] = { url: 'http://x/spp-widgets/0.1.0/spp-widgets-sri.js', start: 5, end: 55 };
  assert.equal(derive(verified).timing.paintedFromScript, 55);
});

test('bars: a size over its limit fails, a p95 over a time limit is « median only »', () => {
  const run = (code, painted) => ({
    bytes: { codeBeforePaint: code },
    timing: { paintedFromScript: painted },
  });
  const runs = [run(5000, 30), run(5000, 40), run(7000, 45), run(5000, 80)];
  const results = { scenarios: { avis: { summary: aggregate(runs) } }, runs: {} };
  const bars = Object.fromEntries(judgeBars(results).map((b) => [b.id, b.verdict]));
  assert.equal(bars.bouton, 'median');
  assert.equal(bars.affichage, 'median');
  const worse = { scenarios: { avis: { summary: aggregate([run(7000, 60), run(7000, 70)]) } }, runs: {} };
  const failed = Object.fromEntries(judgeBars(worse).map((b) => [b.id, b.verdict]));
  assert.equal(failed.bouton, 'fail');
  assert.equal(failed.affichage, 'fail');
});

test('composition: each file’s bytes go to the shared base, the API client, content or the element; room can be negative', () => {
  const results = {
    static: { files: { 'chunks/pictogrammes-X.js': { contentShare: 1 }, 'chunks/vue-X.js': { contentShare: 0.25 } } },
    scenarios: {
      page: {
        diagnostics: {
          files: [
            { file: 'spp-widgets.js', category: 'code', gzip: 1000 },
            { file: 'chunks/spp-element-X.js', category: 'code', gzip: 9000 },
            { file: 'chunks/api-X.js', category: 'code', gzip: 2000 },
            { file: 'chunks/pictogrammes-X.js', category: 'code', gzip: 8000 },
            { file: 'chunks/vue-X.js', category: 'code', gzip: 4000 },
            { file: 'fonts/marianne.woff2', category: 'fonts', gzip: 30000 },
          ],
        },
      },
      clic: {
        diagnostics: {
          files: [
            { file: 'spp-widgets.js', category: 'code', gzip: 1000, onDemand: false },
            { file: 'chunks/outbox-X.js', category: 'code', gzip: 1500, onDemand: true },
          ],
        },
      },
    },
  };
  const page = composition(results, { scenario: 'page', path: 'bytes.code', limit: 20000 });
  assert.deepEqual(page, { shared: 10000, api: 2000, content: 9000, own: 3000, total: 24000, room: -1000 });
  // After a click, only what the click brought.
  const clic = composition(results, { scenario: 'clic', path: 'click.codeOnDemand', limit: 25000 });
  assert.deepEqual(clic, { shared: 0, api: 1500, content: 0, own: 0, total: 1500, room: 23500 });
  // An older results file without the file list: nothing to split.
  assert.equal(composition({ scenarios: { page: {} } }, { scenario: 'page', path: 'bytes.code', limit: 1 }), null);
});
