// The framework snippets of examples/ compile against the BUILT package: `spp-widgets`
// resolves through package.json "exports" to dist/ (TypeScript's self-reference of the
// package by its name), never to src/. Each check also proves it can fail: the deliberate
// mistake in each example is rejected once its expect-error marker is taken away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './helpers.mjs';

const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const examples = join(ROOT, 'examples');

/** Runs a compiler; resolves with { code, output } (never throws on a failed check). */
async function run(name, args) {
  try {
    const { stdout, stderr } = await promisify(execFile)(bin(name), args, { cwd: ROOT, maxBuffer: 1 << 24 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    return { code: error.code ?? 1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}

/** A copy of `dir`'s `file` (and tsconfig) with `edit` applied, next to the original. */
function variant(dir, file, edit, tsconfigEdit = (t) => t) {
  const copy = `.check-${process.pid}-${file}`;
  writeFileSync(join(dir, copy), edit(readFileSync(join(dir, file), 'utf8')));
  const tsconfig = tsconfigEdit(readFileSync(join(dir, 'tsconfig.json'), 'utf8').replaceAll(`"${file}"`, `"${copy}"`));
  writeFileSync(join(dir, `.check-${process.pid}-tsconfig.json`), tsconfig);
  return {
    tsconfig: join(dir, `.check-${process.pid}-tsconfig.json`),
    remove: () => {
      rmSync(join(dir, copy), { force: true });
      rmSync(join(dir, `.check-${process.pid}-tsconfig.json`), { force: true });
    },
  };
}

test('React 19 (TSX): tsc type-checks the attributes and events against dist/types', async () => {
  const dir = join(examples, 'react');
  const ok = await run('tsc', ['-p', join(dir, 'tsconfig.json'), '--listFiles']);
  assert.equal(ok.code, 0, ok.output);
  assert.match(ok.output, /dist\/types\/react\.d\.ts/, 'spp-widgets/react comes from the build');
  assert.match(ok.output, /dist\/types\/index\.d\.ts/);
  assert.doesNotMatch(ok.output, /\/src\/elements\//, 'never from src/');

  const wrong = variant(dir, 'App.tsx', (code) => code.replace(/^.*@ts-expect-error.*\n/m, ''));
  try {
    const failed = await run('tsc', ['-p', wrong.tsconfig]);
    assert.notEqual(failed.code, 0);
    assert.match(failed.output, /TS2322: Type '"graphique"' is not assignable to type '[^']*"tableau"[^']*'/);
  } finally {
    wrong.remove();
  }
});

test('Vue 3 (SFC): vue-tsc type-checks the template, and Vue compiles the tags as custom elements', async () => {
  const dir = join(examples, 'vue');
  const ok = await run('vue-tsc', ['-p', join(dir, 'tsconfig.json'), '--listFiles']);
  assert.equal(ok.code, 0, ok.output);
  assert.match(ok.output, /dist\/types\/vue\.d\.ts/);
  assert.doesNotMatch(ok.output, /\/src\/elements\//);

  const wrong = variant(dir, 'App.vue', (code) => code.replace(/^.*@vue-expect-error.*\n/m, ''));
  try {
    const failed = await run('vue-tsc', ['-p', wrong.tsconfig]);
    assert.notEqual(failed.code, 0);
    assert.match(failed.output, /Type '"bouton"' is not assignable to type '"solid" \| "outline" \| "ghost"/);
  } finally {
    wrong.remove();
  }

  // At run time, with isCustomElement, Vue creates the elements as they are (no component lookup).
  const { parse, compileTemplate } = await import('vue/compiler-sfc');
  const source = readFileSync(join(dir, 'App.vue'), 'utf8');
  const { descriptor } = parse(source, { filename: 'App.vue' });
  const { code, errors } = compileTemplate({
    source: descriptor.template.content,
    filename: 'App.vue',
    id: 'app',
    compilerOptions: { isCustomElement: (tag) => tag.startsWith('spp-') },
  });
  assert.deepEqual(errors, []);
  assert.doesNotMatch(code, /resolveComponent\("spp-/);
  for (const tag of ['spp-je-donne-mon-avis', 'spp-engagements', 'spp-oups-erreurs'])
    assert.ok(code.includes(`"${tag}"`), tag);
});

test('Angular 20 (standalone, CUSTOM_ELEMENTS_SCHEMA): ngc compiles with strict templates, $event typed', async () => {
  const dir = join(examples, 'angular');
  const out = mkdtempSync(join(ROOT, 'node_modules', '.cache-spp-ngc-'));
  try {
    const ok = await run('ngc', ['-p', join(dir, 'tsconfig.json'), '--outDir', out]);
    assert.equal(ok.code, 0, ok.output);
    // ngc prints no file list: the same program through tsc shows where the types come from.
    const files = await run('tsc', ['-p', join(dir, 'tsconfig.json'), '--noEmit', '--listFiles']);
    assert.equal(files.code, 0, files.output);
    assert.match(files.output, /dist\/types\/index\.d\.ts/);
    assert.doesNotMatch(files.output, /\/src\/elements\//);
    // strictTemplates types (spp-complete)'s $event from the package's event map.
    const wrong = variant(dir, 'app.component.ts', (code) =>
      code
        .replace('avisTermine(event: CustomEvent<CompleteDetail>)', 'avisTermine(event: KeyboardEvent)')
        .replace('event.detail.avis !== undefined', "event.key === 'Enter'"),
    );
    try {
      const failed = await run('ngc', ['-p', wrong.tsconfig, '--outDir', out]);
      assert.notEqual(failed.code, 0);
      assert.match(
        failed.output,
        /'CustomEvent<CompleteDetail>' is not assignable to parameter of type 'KeyboardEvent'/,
      );
    } finally {
      wrong.remove();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
