// `npm run bench`: measures the built CDN in headless Chromium against a plain <a><img>
// baseline in the same run, then the reference platform under load, and writes
// bench/results.json and bench/results.md (the README « Performances » block).
//
// Options: --no-build (fail instead of building when dist/cdn is missing), --runs=15,
// --only=avis,temoin,… (scenarios), --platform-duration=30 (seconds per route),
// --no-platform, --out=bench/results.json (the .md goes next to it), --from=bench/results.json
// (summaries, bars and the .md again from the runs that file holds), --quiet-load=0.8
// (wait up to --quiet-wait=10 minutes for the 1-minute load average to drop below this).
/* global setInterval, clearInterval */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { format, resolveConfig } from 'prettier';
import puppeteer from 'puppeteer-core';
import { findChromium } from '../scripts/find-chromium.mjs';
import { measurePage } from './measure.mjs';
import { MIX_COUNTS, PAGES } from './pages.mjs';
import { judgeBars, renderMarkdown } from './report.mjs';
import { startServer } from './server.mjs';
import { aggregate, derive } from './stats.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? true];
  }),
);
const RUNS = Number(args.runs ?? 15);
const WARMUP = Number(args.warmup ?? 2);
const PLATFORM_DURATION = Number(args['platform-duration'] ?? 30);
const OUT = resolve(ROOT, args.out ?? 'bench/results.json');
const startedAt = Date.now();
const git = (...command) => spawnSync('git', command, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
const log = (line) => console.log(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** Scenarios, in the order of each run: each widget page next to its baseline. */
const SCENARIOS = [
  { id: 'avis', page: 'avis' },
  { id: 'avis-sri', page: 'avis-sri' },
  { id: 'temoin', page: 'temoin' },
  { id: 'clic-precharge', page: 'avis', click: 'prefetched' },
  { id: 'clic-a-froid', page: 'avis', click: 'cold' },
  { id: 'engagements', page: 'engagements' },
  { id: 'resultats', page: 'resultats' },
  { id: 'oups', page: 'oups' },
  { id: 'bloc-marque', page: 'bloc-marque' },
  { id: 'tous', page: 'tous' },
  { id: 'cinquante', page: 'cinquante' },
  { id: 'cinquante-boutons', page: 'cinquante-boutons' },
  { id: 'temoin-cinquante', page: 'temoin-cinquante' },
].filter((s) => !args.only || String(args.only).split(',').includes(s.id));

function findLoaders(dir) {
  const found = [];
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findLoaders(path));
    else if (entry.name === 'spp-widgets.js') found.push(path);
  }
  return found;
}

/** dist/cdn/<version>/spp-widgets.js, or dist/cdn/spp-widgets.js in the older layout. */
function locateCdn(version) {
  const cdnRoot = resolve(ROOT, process.env.SPP_DIST ?? 'dist', 'cdn');
  const loaders = findLoaders(cdnRoot);
  const loader = loaders.find((p) => p.includes(`/${version}/`)) ?? loaders.find((p) => dirname(p) === cdnRoot);
  return loader ? dirname(loader) : undefined;
}

/** A URL of the bench server without its origin (a random loopback port). */
const local = (url) => {
  try {
    const { pathname, search } = new URL(url);
    return pathname + search;
  } catch {
    return url;
  }
};

/** The CDN folder as the report names it: no path of this machine (SPP_DIST may be anywhere). */
const cdnLabel = (cdnDir) =>
  join(process.env.SPP_DIST ? '$SPP_DIST' : 'dist', relative(resolve(ROOT, process.env.SPP_DIST ?? 'dist'), cdnDir));

function staticClosure(files, entry, seen = new Set()) {
  if (seen.has(entry) || !files[entry]) return seen;
  seen.add(entry);
  for (const dependency of files[entry].imports ?? []) staticClosure(files, dependency, seen);
  return seen;
}

/** gzip -9 of every file the manifest lists, and each tag's static closure with the loader. */
function staticSizes(cdnDir) {
  const manifest = JSON.parse(readFileSync(join(cdnDir, 'manifest.json'), 'utf8'));
  const gzip = (file) => gzipSync(readFileSync(join(cdnDir, file)), { level: 9 }).length;
  const files = Object.fromEntries(
    ['spp-widgets.js', ...Object.keys(manifest.files)].map((file) => [
      file,
      {
        bytes: statSync(join(cdnDir, file)).size,
        gzip: gzip(file),
        // The share of published content (pictograms, official texts, translations): see build/cdn.mjs.
        contentShare: manifest.files[file]?.contentShare ?? 0,
      },
    ]),
  );
  const entries = Object.fromEntries(
    Object.entries(manifest.tags).map(([tag, entry]) => {
      const closure = [...staticClosure(manifest.files, entry)];
      return [
        tag,
        {
          entry,
          entryGzip: files[entry].gzip,
          staticClosureWithLoader: files['spp-widgets.js'].gzip + closure.reduce((s, f) => s + files[f].gzip, 0),
          files: closure.length + 1,
        },
      ];
    }),
  );
  const fonts = readdirSync(join(cdnDir, 'fonts'), { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({ file: `fonts/${e.name}`, bytes: statSync(join(cdnDir, 'fonts', e.name)).size }));
  return { loader: files['spp-widgets.js'], entries, files, fonts };
}

async function waitForQuiet(threshold) {
  const deadline = Date.now() + Number(args['quiet-wait'] ?? 10) * 60_000;
  while (os.loadavg()[0] > threshold && Date.now() < deadline) {
    log(`load average ${os.loadavg()[0].toFixed(2)} > ${threshold}: waiting for a quieter machine…`);
    await new Promise((resolve) => setTimeout(resolve, 20_000));
  }
}

/** --from: the summaries, bars and table again from the runs a file holds (no new measure). */
async function rerender(path) {
  const file = resolve(ROOT, path);
  const results = JSON.parse(readFileSync(file, 'utf8'));
  for (const [id, scenario] of Object.entries(results.scenarios)) {
    if (results.runs?.[id]) scenario.summary = aggregate(results.runs[id]);
  }
  results.bars = judgeBars(results);
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(JSON.stringify(results), { ...options, parser: 'json' }));
  const markdown = await format(renderMarkdown(results), { ...options, parser: 'markdown' });
  writeFileSync(file.replace(/\.json$/, '.md'), markdown);
  console.log(markdown);
}

async function main() {
  if (args.from) return rerender(String(args.from));
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  let cdnDir = locateCdn(version);
  if (!cdnDir) {
    if (args['no-build']) {
      console.error('No built CDN under dist/cdn/ (spp-widgets.js): run `npm run build`, or drop --no-build.');
      process.exit(1);
    }
    log('dist/cdn missing: npm run build…');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
    cdnDir = locateCdn(version);
    if (!cdnDir) throw new Error('the build wrote no dist/cdn/**/spp-widgets.js');
  }
  const chromium = findChromium();
  if (!chromium) process.exit(1);
  if (args['quiet-load']) await waitForQuiet(Number(args['quiet-load']));

  const sizes = staticSizes(cdnDir);
  const load = { start: os.loadavg(), samples: [] };
  const sampler = setInterval(() => load.samples.push(Number(os.loadavg()[0].toFixed(2))), 10_000);
  const server = await startServer({ cdnDir, version });
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const browserVersion = await browser.version();
  log(`CDN ${cdnLabel(cdnDir)}, ${browserVersion}, ${SCENARIOS.length} scenarios × ${RUNS} runs`);

  const raw = Object.fromEntries(SCENARIOS.map((s) => [s.id, []]));
  const diagnostics = Object.fromEntries(
    SCENARIOS.map((s) => [s.id, { longAnimationFrames: [], shifts: [], errors: [], duplicates: [] }]),
  );
  try {
    for (let run = -WARMUP; run < RUNS; run++) {
      for (const scenario of SCENARIOS) {
        const result = await measurePage(browser, server.pageUrl(scenario.page), { click: scenario.click });
        if (run < 0) continue;
        raw[scenario.id].push(derive(result));
        const d = diagnostics[scenario.id];
        // What to look at when a bar fails: the slow frames' scripts, the shifted nodes, errors.
        for (const frame of result.loaded.bench.loafs.filter((f) => f.blocking > 0)) {
          if (d.longAnimationFrames.length < 20) {
            const scripts = frame.scripts.map((script) => ({
              ...script,
              source: local(script.source),
              invoker: script.invoker?.replace(/https?:\/\/127\.0\.0\.1:\d+/g, ''),
            }));
            d.longAnimationFrames.push({ run, ...frame, scripts });
          }
        }
        for (const shift of result.loaded.bench.shifts) if (d.shifts.length < 20) d.shifts.push({ run, ...shift });
        for (const error of result.errors) if (d.errors.length < 10 && !d.errors.includes(error)) d.errors.push(error);
        if (run === 0) {
          // What the page loaded, file by file (first measured run), to explain the totals;
          // after a click, which files the click brought.
          const onDemand = new Set(result.clicked?.resources.map((r) => r.url));
          d.files = result.network
            .filter((n) => n.category !== 'document')
            .map((n) => ({
              file: new URL(n.url).pathname.replace(/^\/spp-widgets\/[^/]+\//, ''),
              category: n.category,
              gzip: n.gzip,
              bytes: n.bytes,
              ...(result.clicked ? { onDemand: onDemand.has(n.url) } : {}),
            }));
        }
        for (const [url, count] of Object.entries(result.requests)) {
          if (count > 1 && !d.duplicates.some((x) => x.url === local(url)))
            d.duplicates.push({ url: local(url), count });
        }
      }
      if (run >= 0) log(`run ${run + 1}/${RUNS} done (load ${os.loadavg()[0].toFixed(2)})`);
      else log(`warm-up ${run + WARMUP + 1}/${WARMUP} done`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const browserDone = Date.now();

  let platform = null;
  if (!args['no-platform']) {
    const { mesurerCharge } = await import('../platform/scripts/load.ts');
    platform = await mesurerCharge({ duree: PLATFORM_DURATION, connexions: 20, journal: log });
  }
  clearInterval(sampler);
  load.end = os.loadavg();

  const results = {
    date: new Date(startedAt).toISOString(),
    durationS: Math.round((Date.now() - startedAt) / 1000),
    browserDurationS: Math.round((browserDone - startedAt) / 1000),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      chromium: browserVersion,
      cpuThrottling: 'off',
      viewport: '1280×800',
      loadAverage: load,
    },
    method: {
      runs: RUNS,
      warmupRuns: WARMUP,
      statistics:
        'median and p95 (linear interpolation) over the runs; each run is a fresh browser context (empty cache)',
      server: 'one loopback origin, HTTP/1.1, no compression; CDN files served from ' + cdnLabel(cdnDir),
      gzip: 'zlib level 9 of each response body the page received; fonts counted apart (raw woff2 bytes)',
      painted:
        'loader start = max(document turns "interactive", loader responseEnd) (a deferred script runs then); ' +
        'button painted = first-contentful-paint (the button page has no other content), checked against the first rAF in which the button has a box',
      click:
        'element.click() on the button (no hover/focus first); interactive = dialog open, focus inside the questionnaire, first smiley enabled; ' +
        'prefetched = after the idle-time prefetch, cold = requestIdleCallback disabled so nothing was prefetched',
      longTasks:
        'PerformanceObserver longtask (buffered) from navigation to a quiet network; TBT = Σ(duration − 50 ms) of long tasks after FCP',
      cls: 'PerformanceObserver layout-shift without recent input; largest session window (gap 1 s, 5 s max), and the plain sum',
      styles:
        'distinct CSSStyleSheet objects in adoptedStyleSheets across all shadow roots (nested ones included), and their distinct contents',
    },
    source: {
      commit: git('rev-parse', '--short', 'HEAD'),
      uncommittedFiles: git('status', '--porcelain').split('\n').filter(Boolean).length,
      cdn: cdnLabel(cdnDir),
    },
    mix: MIX_COUNTS,
    pages: Object.fromEntries(Object.entries(PAGES).map(([id, p]) => [id, p.title])),
    static: sizes,
    scenarios: Object.fromEntries(
      SCENARIOS.map((s) => [
        s.id,
        { page: s.page, click: s.click ?? null, summary: aggregate(raw[s.id]), diagnostics: diagnostics[s.id] },
      ]),
    ),
    runs: raw,
    platform,
  };
  results.bars = judgeBars(results);
  // Formatted as the repository formats everything (`npm run lint` checks these files too).
  const options = (await resolveConfig(OUT)) ?? {};
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, await format(JSON.stringify(results), { ...options, parser: 'json' }));
  const markdown = await format(renderMarkdown(results), { ...options, parser: 'markdown' });
  writeFileSync(OUT.replace(/\.json$/, '.md'), markdown);
  console.log(`\n${markdown}`);
  log(`wrote ${relative(ROOT, OUT)} and its .md, in ${results.durationS} s`);
}

await main();
