// The published package: what `npm pack` ships, the CDN folder's integrity.json, and the
// typings npm users get.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { filesUnder } from '../../build/cdn.mjs';
import { CDN, ROOT, integrity, manifest, pkg } from './helpers.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('npm pack ships only dist/, custom-elements.json, README.md, LICENSE and package.json', () => {
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  const [{ files }] = JSON.parse(out);
  const paths = files.map((f) => f.path);
  const allowed = (p) =>
    p.startsWith('dist/') || ['custom-elements.json', 'README.md', 'LICENSE', 'package.json'].includes(p);
  assert.deepEqual(
    paths.filter((p) => !allowed(p)),
    [],
  );
  for (const required of ['LICENSE', 'README.md', 'package.json', 'custom-elements.json', 'dist/index.js']) {
    assert.ok(paths.includes(required), `${required} is in the package`);
  }
  // The whole CDN folder, and the typings of every export.
  for (const file of Object.keys(integrity().files)) assert.ok(paths.includes(`dist/cdn/${pkg.version}/${file}`), file);
  for (const [name, entry] of Object.entries(pkg.exports)) {
    if (typeof entry === 'object')
      for (const target of Object.values(entry)) assert.ok(paths.includes(target.slice(2)), `${name}: ${target}`);
  }
  assert.ok(!paths.some((p) => p.endsWith('size-report.json')), 'no build report');
});

test('integrity.json holds the sha384 of every file of the CDN folder, and nothing else', () => {
  const { version, algorithm, files } = integrity();
  assert.equal(version, pkg.version);
  assert.equal(algorithm, 'sha384');
  const onDisk = filesUnder(CDN).filter((f) => f !== 'integrity.json');
  assert.deepEqual(Object.keys(files).sort(), onDisk);
  for (const file of onDisk) {
    const expected = `sha384-${createHash('sha384')
      .update(readFileSync(CDN + file))
      .digest('base64')}`;
    assert.equal(files[file], expected, file);
  }
  // The layout of the contract: the loaders, hashed modules and fonts, the manifest.
  for (const file of onDisk) {
    assert.match(
      file,
      /^(spp-widgets(-sri)?\.js|manifest\.json|(elements|chunks)\/[\w-]+-[\w-]{8}\.js|fonts\/[\w-]+-[\w-]{8}\.woff2)$/,
      file,
    );
  }
});

test('the SRI loader carries the hash of every module, equal to integrity.json', () => {
  const { files } = integrity();
  const loader = readFileSync(`${CDN}spp-widgets-sri.js`, 'utf8');
  const modules = Object.keys(manifest().files);
  assert.ok(modules.length > 10);
  for (const file of modules) {
    assert.ok(loader.includes(`["${file}","${files[file]}"`), `${file} and its hash are in spp-widgets-sri.js`);
  }
  // The plain loader carries none (it is counted in every size budget).
  assert.doesNotMatch(readFileSync(`${CDN}spp-widgets.js`, 'utf8'), /sha384-/);
});

test('the avis button in another language loads the translation runtime, not Lit', () => {
  const { tags, files } = manifest();
  const staticClosure = (file, seen = new Set()) => {
    if (!seen.has(file)) {
      seen.add(file);
      for (const dependency of files[file].imports) staticClosure(dependency, seen);
    }
    return seen;
  };
  const button = tags['spp-je-donne-mon-avis'];
  const runtime = files[button].dynamicImports.find((file) => file.startsWith('chunks/localization-'));
  assert.ok(runtime, 'the button imports the translation runtime on demand');
  const loaded = [...staticClosure(runtime), ...staticClosure(button)];
  assert.deepEqual(
    loaded.filter((file) => file.startsWith('chunks/spp-element-')),
    [],
    `the button with its English texts loads ${loaded.join(', ')}`,
  );
});

test('every element has its HTMLElementTagNameMap entry and React / Vue typings', () => {
  const tags = Object.keys(manifest().tags);
  assert.ok(tags.length >= 5);
  const types = (path) => readFileSync(`${ROOT}dist/types/${path}`, 'utf8');
  const react = types('react.d.ts');
  const vue = types('vue.d.ts');
  for (const tag of tags) {
    const name = tag.replace(/^spp-/, '');
    assert.match(
      types(`elements/${name}/${tag}.d.ts`),
      new RegExp(`interface HTMLElementTagNameMap \\{[^}]*'${tag}'`),
      tag,
    );
    assert.ok(react.includes(`'${tag}': SppWidgets.`), `${tag} in react.d.ts`);
    assert.ok(vue.includes(`'${tag}': DefineComponent<`), `${tag} in vue.d.ts`);
  }
});
