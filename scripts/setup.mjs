// Runs before `npm start`, `npm test`, `npm run build` and the type check, so each works
// on a fresh clone by itself: installs the dependencies when they are missing or older
// than the lockfile, then generates the locale modules and the API types.
// Uses nothing but Node itself: it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const root = new URL('..', import.meta.url);
const at = (path) => new URL(path, root);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function dependenciesMissing() {
  const installed = at('node_modules/.package-lock.json');
  if (!existsSync(installed)) return true;
  return statSync(at('package-lock.json')).mtimeMs > statSync(installed).mtimeMs + 1000;
}

if (dependenciesMissing()) {
  console.log('Installing dependencies (npm ci)…');
  run(npm, ['ci', '--no-audit', '--no-fund']);
}

if (process.argv.includes('--browser') && !findChromium()) process.exit(1);

const bin = (name) => new URL(`node_modules/.bin/${name}`, root).pathname;
// Extract new msg() texts into xliff/en.xlf (with any translation notes), then build the locales.
run(process.execPath, ['scripts/xliff-merge.mjs']);
run(bin('lit-localize'), ['build']);
if (existsSync(at('platform/openapi.yaml'))) {
  run(bin('openapi-typescript'), ['platform/openapi.yaml', '-o', 'src/generated/api.d.ts', '--silent']);
}

// `npm start` and `npm run build:demo` (--cdn): the demo runs the CDN bundle exactly as a site
// would (dist/cdn/<version>/), so build it when it is missing or older than its sources.
if (process.argv.includes('--cdn')) {
  const { enregistrerEmpreintes, raisonDeConstruire } = await import('../demo/server/cdn.mjs');
  const raison = raisonDeConstruire();
  if (raison) {
    console.log(`Building the CDN bundle (${raison})…`);
    const debut = Date.now();
    run(bin('rollup'), ['-c', 'demo/rollup.cdn.mjs', '--silent']);
    enregistrerEmpreintes();
    console.log(`CDN bundle built in ${((Date.now() - debut) / 1000).toFixed(1)} s.`);
  }
}
