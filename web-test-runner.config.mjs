// Browser tests: real headless Chromium, the same build plugins as Vite and Rollup.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { register } from 'tsx/esm/api';
import { sppPlugins } from './build/plugins.mjs';
import { failedTestsReporter } from './scripts/failed-tests-reporter.mjs';
import { findChromium } from './scripts/find-chromium.mjs';
import { faultInjector, printCommand, storedAvis } from './scripts/test-server.mjs';

const executablePath = findChromium();
if (!executablePath) process.exit(1);

// The reference platform, from its TypeScript sources, on an in-memory PGlite: the
// browser tests send real requests to real storage under /api.
register();
const { openDatabase } = await import('./platform/src/db.ts');
const { createPlatform } = await import('./platform/src/app.ts');
const { koaMiddleware } = await import('./platform/src/node.ts');
const db = await openDatabase({ memory: true });
const platform = await createPlatform({ db, rateLimit: false, apiKeys: ['cle-de-test'] });

// Test-only routes (host pages, hostile APIs…): each module in test/server/ exports a
// default `(context) => middleware`, mounted before the platform.
const testRoutes = [];
if (existsSync('test/server')) {
  for (const file of readdirSync('test/server')
    .filter((f) => f.endsWith('.mjs'))
    .sort()) {
    const module = await import(pathToFileURL(`test/server/${file}`).href);
    testRoutes.push(module.default({ db, platform }));
  }
}

export default {
  rootDir: '.',
  files: ['src/**/*.test.ts', 'test/**/*.test.ts', 'stories/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 1,
  reporters: [defaultReporter(), failedTestsReporter()],
  middleware: [faultInjector(), storedAvis(db), ...testRoutes, koaMiddleware(platform, { prefix: '/api' })],
  plugins: [
    printCommand(),
    ...sppPlugins().map((plugin) => fromRollup(() => plugin)()),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // window.gc(): the SPA test checks that unmounted elements can be collected.
          '--js-flags=--expose-gc',
        ],
      },
    }),
  ],
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10000 } },
};
