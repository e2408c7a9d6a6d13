// The README stays true: its generated blocks match their sources (custom-elements.json,
// examples/, test/hosts/csp.mjs, bench/results.md), its links lead somewhere, and the
// commands it tells people to run exist.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it, before } from 'node:test';
import { ROOT, blockContents, staleBlocks } from '../../scripts/readme.mjs';

const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
const scripts = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')).scripts;

/** The text of a README without its fenced code blocks (links and headings only count outside them). */
const withoutCode = (text) => text.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '');

/** GitHub's heading anchors: lower case, punctuation dropped (letters with accents kept), spaces → hyphens. */
function anchors(text) {
  const seen = new Map();
  const result = new Set();
  for (const [, heading] of withoutCode(text).matchAll(/^#{1,6} (.+)$/gm)) {
    const plain = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/`/g, '')
      .trim()
      .toLowerCase();
    const base = plain.replace(/[^\p{L}\p{M}\p{N}_\- ]/gu, '').replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count ? `${base}-${count}` : base);
  }
  return result;
}

describe('README.md', () => {
  let check;
  before(async () => {
    check = await staleBlocks(readme);
  });

  it('has every generated block, each up to date with its source (`npm run docs` regenerates them)', () => {
    assert.deepEqual(check.problems, []);
    assert.deepEqual(check.stale, [], `stale blocks: ${check.stale.join(', ')} — run \`npm run docs\``);
    assert.ok([...check.status.values()].includes('generated'));
  });

  it('says clearly which blocks wait for a source that does not exist yet', () => {
    const found = blockContents(readme);
    for (const [name, status] of check.status) {
      const waiting = status === 'missing';
      assert.equal(
        found.get(name)?.includes('n’existe pas encore'),
        waiting,
        `${name}: ${waiting ? 'should say its source is missing' : 'still says its source is missing'}`,
      );
    }
  });

  it('notices a hand edit inside a generated block, and a block whose markers are gone', async () => {
    const name = 'element:spp-engagements';
    assert.equal(check.status.get(name), 'generated', 'custom-elements.json is needed for this test');
    const edited = readme.replace(/(<!-- auto:element:spp-engagements -->[\s\S]*?)`disposition`/, '$1`dispositions`');
    assert.notEqual(edited, readme);
    assert.deepEqual((await staleBlocks(edited)).stale, [name]);

    const unmarked = readme.replace('<!-- auto:csp -->', '').replace('<!-- /auto:csp -->', '');
    assert.ok((await staleBlocks(unmarked)).problems.some((p) => p.includes('auto:csp')));
  });

  it('shows the framework examples verbatim, as `npm run test:dist` checks them', async () => {
    const shown = readme.replace(/\r\n/g, '\n');
    let checked = 0;
    for (const [, path] of shown.matchAll(/\[`(examples\/[^`]+)`\]\(\1\) :/g)) {
      const source = readFileSync(`${ROOT}/${path}`, 'utf8').replace(/\n+$/, '');
      assert.ok(shown.includes(`\n${source}\n`), `${path} is not shown verbatim`);
      checked += 1;
    }
    const missing = ['react', 'vue', 'angular', 'cms'].filter((f) => check.status.get(`exemple:${f}`) === 'missing');
    if (missing.length < 4) assert.ok(checked > 0, 'example blocks are generated but no example file is shown');
  });

  it('links only to files that exist in the repository', () => {
    const targets = [...withoutCode(readme).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    const local = targets.filter((t) => !/^(https?:|mailto:|#)/.test(t));
    assert.ok(local.length > 5, 'the README links to the files it cites');
    const broken = local.filter((t) => !existsSync(`${ROOT}/${decodeURI(t.split('#')[0])}`));
    assert.deepEqual(broken, []);
  });

  it('has a table of contents whose anchors all lead to a heading', () => {
    const known = anchors(readme);
    const links = [...withoutCode(readme).matchAll(/\]\(#([^)]+)\)/g)].map((m) => decodeURIComponent(m[1]));
    assert.ok(links.length >= 10);
    assert.deepEqual(
      links.filter((l) => !known.has(l)),
      [],
    );
  });

  it('only tells people to run npm scripts that exist', () => {
    const mentioned = new Set([...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]));
    assert.ok(mentioned.size > 5);
    assert.deepEqual(
      [...mentioned].filter((name) => !scripts[name]),
      [],
    );
    assert.ok(scripts.start && scripts.test, '`npm start` and `npm test` are the two commands of « Démarrer »');
    assert.equal(scripts.docs, 'node scripts/readme.mjs');
  });
});
