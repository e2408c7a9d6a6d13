// custom-elements.json is committed (Storybook, the README tables and editors read it):
// it must be what the analyzer makes of today's sources, and document every public
// attribute, event, part, slot and CSS property, in French.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { publicModules } from '../../custom-elements-manifest.config.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const committed = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
// In memory (noWrite), with the project's config: nothing is written into the repository.
const fresh = await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true });

const declarations = (manifest) =>
  manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, path: m.path })));
const elements = declarations(committed).filter((d) => d.tagName);
const COMMON_ATTRIBUTES = ['theme', 'marque', 'lang', 'api-base'];

test('the committed manifest is what `npx cem analyze` generates now', () => {
  const same = JSON.stringify(fresh) === JSON.stringify(committed);
  if (!same) {
    const folder = mkdtempSync(join(tmpdir(), 'spp-manifest-'));
    writeFileSync(join(folder, 'custom-elements.json'), `${JSON.stringify(fresh, null, 2)}\n`);
    assert.fail(
      `custom-elements.json is out of date: run \`npx cem analyze\` and commit it ` +
        `(the fresh one is in ${folder}/custom-elements.json).`,
    );
  }
});

test('one declaration per public element, and nothing internal', () => {
  const tags = publicModules
    .filter((path) => path.startsWith('src/elements/'))
    .map((path) => path.split('/').at(-1).replace(/\.ts$/, ''));
  assert.deepEqual(elements.map((e) => e.tagName).sort(), [...tags].sort());
  assert.deepEqual(
    committed.modules.map((m) => m.path),
    publicModules,
    'only the public modules are analysed',
  );
  for (const declaration of declarations(committed)) {
    assert.equal(declaration.kind, 'class', `${declaration.name}: only classes`);
    for (const member of declaration.members ?? []) {
      assert.ok(
        !member.privacy || member.privacy === 'public',
        `${declaration.name}.${member.name} is ${member.privacy}`,
      );
    }
  }
  assert.ok(!JSON.stringify(committed).includes('spp-avis-questionnaire'), 'the internal questionnaire element');
});

/** Plain-text check that a description is French: no common English words outside `code`. */
function looksEnglish(text) {
  const prose = text.replace(/`[^`]*`/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  return /\b(the|and|when|with|which|shown|default|its|is|are|of)\b/i.test(prose);
}

for (const element of elements) {
  test(`<${element.tagName}>: every attribute, property, event, part, slot and CSS property is described in French`, () => {
    assert.ok(element.description?.trim(), 'the element itself');
    assert.ok(element.summary?.trim(), 'its summary');
    const items = [
      ...(element.attributes ?? []).map((i) => ['attribute', i]),
      ...(element.members ?? []).map((i) => [i.kind, i]),
      ...(element.events ?? []).map((i) => ['event', i]),
      ...(element.cssParts ?? []).map((i) => ['part', i]),
      ...(element.slots ?? []).map((i) => ['slot', i]),
      ...(element.cssProperties ?? []).map((i) => ['CSS property', i]),
    ];
    const missing = items.filter(([, i]) => !i.description?.trim()).map(([kind, i]) => `${kind} ${i.name}`);
    assert.deepEqual(missing, [], 'without a description');
    const english = [[element.tagName, element], ...items.map(([kind, i]) => [`${kind} ${i.name}`, i])]
      .filter(([, i]) => looksEnglish(`${i.description ?? ''} ${i.summary ?? ''}`))
      .map(([name]) => name);
    assert.deepEqual(english, [], 'descriptions that look English');
  });

  test(`<${element.tagName}>: the common attributes, typed attributes and typed events`, () => {
    const attributes = new Map((element.attributes ?? []).map((a) => [a.name, a]));
    for (const name of COMMON_ATTRIBUTES) assert.ok(attributes.has(name), `attribute ${name}`);
    assert.match(attributes.get('theme').type.text, /^'light' \| 'dark' \| 'system'/);
    assert.match(attributes.get('marque').type.text, /^'etat' \| 'neutre'/);
    for (const attribute of attributes.values()) {
      assert.ok(attribute.type?.text, `attribute ${attribute.name} has a type`);
      // A type alias left unexpanded (`Disposition`) tells a reader nothing.
      assert.doesNotMatch(attribute.type.text, /^[A-Z]/, `attribute ${attribute.name}: ${attribute.type.text}`);
    }
    assert.ok(
      element.events?.some((e) => e.name === 'spp-error'),
      'spp-error',
    );
    for (const event of element.events ?? []) {
      assert.match(event.name, /^spp-/);
      assert.match(event.type?.text ?? '', /^CustomEvent<\w+>$/, `event ${event.name}: its detail type`);
    }
  });

  test(`<${element.tagName}>: the parts and slots in its templates are the documented ones`, () => {
    const folder = join(root, dirname(element.path));
    const sources = readdirSync(folder)
      .filter((f) => f.endsWith('.ts') && !/\.(test|stories)\.ts$/.test(f))
      .map((f) => readFileSync(join(folder, f), 'utf8'))
      .join('\n');
    const parts = new Set();
    // part="a b", part=${x ? 'a b' : 'a'}, part: 'a' (DOM-built) and exportparts.
    for (const [, plain, expression] of sources.matchAll(/\bpart=(?:"([^"]+)"|\$\{([^}]+)\})/g)) {
      const literals = plain !== undefined ? [plain] : [...expression.matchAll(/'([^']+)'/g)].map((m) => m[1]);
      for (const literal of literals) literal.split(/\s+/).forEach((p) => parts.add(p));
    }
    for (const [, value] of sources.matchAll(/\bpart: '([^']+)'/g)) parts.add(value);
    for (const [, value] of sources.matchAll(/'exportparts', '([^']+)'/g))
      value.split(/[\s,]+/).forEach((p) => parts.add(p));
    const slots = new Set([...sources.matchAll(/<slot name="([^"]+)"/g)].map((m) => m[1]));
    assert.deepEqual((element.cssParts ?? []).map((p) => p.name).sort(), [...parts].sort(), 'CSS parts');
    assert.deepEqual((element.slots ?? []).map((s) => s.name).sort(), [...slots].sort(), 'slots');
  });
}
