// `npm test`: the Node tests (build pipeline, reference platform, README, bench arithmetic),
// then the browser tests in headless Chromium. Prints each runner's own summary, then one
// total line. `--only=node` or `--only=browser` runs one side (npm run test:node, test:browser).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

function run(label, command, args, parse) {
  return new Promise((resolve) => {
    console.log(`\n━━ ${label} ━━\n`);
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (data) => {
      output += data;
      process.stdout.write(data);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, ...parse(output) }));
  });
}

/** `dir/*<suffix>` files (Node 20's test runner takes no globs). */
const testFiles = (dir, suffix) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(suffix))
        .map((f) => `${dir}/${f}`)
    : [];

const lastNumber = (text, pattern) => {
  // eslint-disable-next-line no-control-regex -- runners colour their output
  const matches = [...text.replace(/\x1b\[[0-9;]*m/g, '').matchAll(pattern)];
  return matches.length ? Number(matches.at(-1)[1]) : 0;
};

const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const skipped = { code: 0, passed: 0, failed: 0, skipped: 0 };

const node =
  only === 'browser'
    ? skipped
    : await run(
        'Node tests (build pipeline, platform)',
        process.execPath,
        [
          '--import',
          'tsx',
          '--test',
          '--test-reporter=spec',
          ...testFiles('build', '.test.mjs'),
          ...testFiles('scripts', '.test.mjs'),
          ...testFiles('platform/test', '.test.ts'),
          ...testFiles('test/node', '.test.mjs'),
          ...testFiles('bench', '.test.mjs'),
        ],
        (out) => ({
          passed: lastNumber(out, /ℹ pass (\d+)/g),
          failed: lastNumber(out, /ℹ fail (\d+)/g),
          skipped: lastNumber(out, /ℹ skipped (\d+)/g),
        }),
      );
const browser =
  only === 'node'
    ? skipped
    : await run('Browser tests (headless Chromium, web-test-runner)', bin('wtr'), [], (out) => ({
        passed: lastNumber(out, /(\d+) passed, \d+ failed/g),
        failed: lastNumber(out, /\d+ passed, (\d+) failed/g),
      }));

const passed = node.passed + browser.passed;
const failed = node.failed + browser.failed;
const ok = node.code === 0 && browser.code === 0 && failed === 0 && passed > 0;
const summaries = [
  only !== 'browser' &&
    `Node: ${node.passed} passed, ${node.failed} failed, ${node.skipped} skipped (PostgreSQL server tests need TEST_DATABASE_URL)`,
  only !== 'node' && `Browser: ${browser.passed} passed, ${browser.failed} failed`,
];
console.log(`\n${summaries.filter(Boolean).join(' · ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
