import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { createUsage, cssForShadowRoot, rewriteRem, rewriteSelector } from './css-for-shadow-root.mjs';
import { buildDsfrChunks, logoArtwork, scanUsage } from './dsfr-styles.mjs';
import { DSFR_CHUNKS } from './dsfr-chunks.mjs';

const gzipSize = (text) => gzipSync(text, { level: 9 }).length;

test('rewrites page selectors for a shadow root', () => {
  assert.equal(rewriteSelector(':root'), ':host');
  assert.equal(rewriteSelector('body'), ':host');
  assert.equal(rewriteSelector(':root[data-fr-theme=dark]'), ':host([data-fr-theme=dark])');
  assert.equal(rewriteSelector(':root[data-fr-theme=dark] .fr-btn'), ':host([data-fr-theme=dark]) .fr-btn');
  assert.equal(rewriteSelector('[data-fr-theme=dark] .fr-logo::after'), ':host([data-fr-theme=dark]) .fr-logo::after');
  assert.equal(
    rewriteSelector(':root[data-fr-mourning] .fr-logo::before'),
    ':host([data-fr-mourning]) .fr-logo::before',
  );
  assert.equal(rewriteSelector('.fr-btn:hover'), '.fr-btn:hover');
  assert.equal(rewriteSelector('a[href]'), 'a[href]');
});

test('drops rules that only make sense on the page', () => {
  assert.equal(rewriteSelector(':root body'), null);
  assert.equal(rewriteSelector(':root[data-fr-scrolling] body'), null);
  assert.equal(rewriteSelector('html'), null);
});

test('rewrites rem to the host-independent unit, leaving other units alone', () => {
  assert.equal(rewriteRem('1.5rem'), 'calc(var(--spp-rem)*1.5)');
  assert.equal(rewriteRem('0 0 .25rem -2rem'), '0 0 calc(var(--spp-rem)*.25) calc(var(--spp-rem)*-2)');
  assert.equal(rewriteRem('calc(100% - 1rem)'), 'calc(100% - calc(var(--spp-rem)*1))');
  assert.equal(rewriteRem('0rem 2em 3px'), '0 2em 3px');
  assert.equal(rewriteRem('var(--fr-rem)'), 'var(--fr-rem)');
});

test('extracts @font-face, removes every url() and keeps media queries in em', () => {
  const css = `@charset "UTF-8";
    @font-face { font-family: Marianne; src: url(../fonts/Marianne-Regular.woff2) format("woff2"); }
    .fr-x { mask-image: url(../../icons/system/close-line.svg); color: red; }
    @media (min-width: 48em) { .fr-x { padding: 1rem; } }`;
  const { css: out, fontFaces, droppedUrls } = cssForShadowRoot(css);
  assert.equal(fontFaces.length, 1);
  assert.equal(droppedUrls.length, 1);
  assert.doesNotMatch(out, /url\(|@font-face|@charset/);
  assert.match(out, /@media \(min-width: 48em\)/);
  assert.match(out, /padding: calc\(var\(--spp-rem\)\*1\)/);
});

test('prunes selectors, custom properties and keyframes nobody uses', () => {
  const usage = createUsage({ classes: new Set(['fr-used', 'fr-btn--']), tags: new Set(['p']), properties: new Set() });
  const css = `:root { --a: 1px; --b: var(--c); --c: 2px; --unused: 3px; }
    .fr-used { margin: var(--a); animation: spin 1s; }
    .fr-btn--secondary { padding: var(--b); }
    .fr-unused, h2 { color: red; }
    .fr-used:not(.fr-other) { color: blue; }
    @keyframes spin { to { transform: rotate(1turn); } }
    @keyframes unused { to { opacity: 0; } }`;
  const { css: out } = cssForShadowRoot(css, { usage });
  assert.match(out, /--a: 1px/);
  assert.match(out, /--b: var\(--c\)/);
  assert.match(out, /--c: 2px/, 'transitively referenced properties are kept');
  assert.doesNotMatch(out, /--unused/);
  assert.match(out, /\.fr-btn--secondary/, 'prefixes from `fr-btn--${x}` keep every variant');
  assert.doesNotMatch(out, /fr-unused|h2/);
  assert.match(out, /\.fr-used:not\(\.fr-other\)/, 'classes inside :not() are not requirements');
  assert.match(out, /@keyframes spin/);
  assert.doesNotMatch(out, /@keyframes unused/);
});

test('prunes selectors that need a class prefix none of our classes has ([class^=fr-icon-])', () => {
  const usage = createUsage({
    classes: new Set(['fr-link', 'fr-fieldset', 'fr-btn', 'fr-btn--']),
    tags: new Set(['a']),
    properties: new Set(),
  });
  const css = `[target=_blank]:after, [target=_blank][class^=fr-icon-]:after { content: "x"; }
    [class^=fr-fi-]:before, [class*=" fr-fi-"]:before { content: ""; }
    [class*=\\ fr-link]:before { color: red; }
    .fr-btn[class*=" fr-btn--icon-"] { color: blue; }
    [class*=fr-ratio] { color: green; }`;
  const { css: out } = cssForShadowRoot(css, { usage });
  assert.match(out, /\[target=_blank\]:after \{/, 'the other selectors of a rule stay');
  assert.doesNotMatch(out, /fr-icon-/);
  assert.doesNotMatch(out, /fr-fi-/, '"fr-fieldset" does not start with "fr-fi-"');
  assert.match(out, /fr-link\]:before/, 'a prefix of a class we use is kept');
  assert.match(out, /fr-btn--icon-/, 'a prefix built from `fr-btn--${x}` is kept');
  assert.match(out, /fr-ratio/, 'a substring anywhere (no leading space) is not a prefix: kept');
});

test('prunes [type=…] selectors for input types our templates never render', () => {
  const css = `input[type=radio], input[type=range] { margin: 0; }
    input[type=range]::-webkit-slider-thumb { color: red; }
    input:not([type=range]) { color: blue; }`;
  const usage = (inputTypes) =>
    createUsage({ classes: new Set(), tags: new Set(['input']), properties: new Set(), inputTypes });
  const { css: out } = cssForShadowRoot(css, { usage: usage(new Set(['radio'])) });
  assert.match(out, /input\[type=radio\] \{/);
  assert.doesNotMatch(out, /input\[type=range\](,| |::)/);
  assert.match(out, /input:not\(\[type=range\]\)/, 'inside :not() it is no requirement');
  // A type from a variable somewhere (no list): everything stays.
  assert.match(cssForShadowRoot(css, { usage: usage(undefined) }).css, /slider-thumb/);
});

test('every DSFR chunk builds into shadow-ready CSS, and reports its size before and after', () => {
  const chunks = buildDsfrChunks(scanUsage());
  assert.deepEqual([...chunks.keys()].sort(), Object.keys(DSFR_CHUNKS).sort());
  const core = chunks.get('core').css;
  assert.match(core, /^\/\*!/, 'the DSFR licence banner is kept');
  assert.match(core, /:host\{/);
  assert.match(core, /:host\(\[data-fr-theme=dark\]\)\{/);
  assert.match(core, /--text-black-white-grey:/, 'tokens used by component chunks survive in core');
  for (const [name, chunk] of chunks) {
    assert.doesNotMatch(chunk.css, /:root|url\(|@font-face/, name);
    assert.doesNotMatch(chunk.css, /\d(\.\d+)?rem\b/, `${name} still has rem`);
  }
  const rows = [...chunks].map(
    ([name, c]) =>
      `${name.padEnd(10)} ${String(c.source.length).padStart(7)} B (${gzipSize(c.source)} gz) → ${String(c.css.length).padStart(6)} B (${gzipSize(c.css)} gz)`,
  );
  console.log(`DSFR chunks, source → shadow CSS:\n${rows.join('\n')}`);
});

test('the bloc marque artwork is inline SVG content, with ids of its own', () => {
  const { marianne, devise } = logoArtwork();
  assert.match(marianne, /<path fill='#fff' d='M/);
  assert.match(devise, /<symbol id='spp-devise-n'/);
  assert.match(devise, /href="#spp-devise-n"/);
  assert.doesNotMatch(devise, /href='#[a-z]'/);
});
