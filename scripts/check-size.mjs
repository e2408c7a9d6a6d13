// Size budgets (gzip -9, JS and CSS — the CSS lives inside the JS; fonts excluded), from
// the built dist/cdn/<version>/ and its loader spp-widgets.js. Fails when a budget is
// exceeded or an element has none.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8'));
const DIST = new URL(`${process.env.SPP_DIST ?? 'dist'}/`, ROOT);
const CDN = new URL(`cdn/${version}/`, DIST);
const KB = 1000;

/** What a page pays before each element is visible: the loader plus the element's static imports. */
export const BUDGETS = {
  elements: {
    'spp-je-donne-mon-avis': 6 * KB, // the button; the questionnaire loads on demand
    'spp-engagements': 20 * KB,
    'spp-resultats': 20 * KB,
    'spp-oups-erreurs': 20 * KB,
    'spp-bloc-marque': 20 * KB,
  },
  /** Chunks loaded later, on demand, matched by file name prefix. */
  onDemand: {
    'chunks/spp-avis-questionnaire': 25 * KB,
  },
  /** A page with the four elements: the loader plus what they load before anything renders. */
  allFour: 60 * KB,
};

/** The elements of the brief (the bloc marque is also used inside them). */
const ALL_FOUR = ['spp-je-donne-mon-avis', 'spp-engagements', 'spp-resultats', 'spp-oups-erreurs'];

function readManifest() {
  try {
    return JSON.parse(readFileSync(new URL('manifest.json', CDN), 'utf8'));
  } catch {
    console.error(`dist/cdn/${version}/manifest.json not found: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const gzipSize = (file) => gzipSync(readFileSync(new URL(file, CDN)), { level: 9 }).length;

function staticClosure(files, entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const dependency of files[entry].imports) staticClosure(files, dependency, seen);
  return seen;
}

const { tags, files } = readManifest();
const sizes = Object.fromEntries([...Object.keys(files), 'spp-widgets.js'].map((f) => [f, gzipSize(f)]));
const rows = [];
const check = (name, bytes, budget) => rows.push({ name, bytes, budget, ok: budget !== undefined && bytes <= budget });

for (const [tag, entry] of Object.entries(tags)) {
  const closure = staticClosure(files, entry);
  const bytes = sizes['spp-widgets.js'] + [...closure].reduce((sum, f) => sum + sizes[f], 0);
  check(`<${tag}> (loader + ${closure.size} file(s))`, bytes, BUDGETS.elements[tag]);
}
for (const [prefix, budget] of Object.entries(BUDGETS.onDemand)) {
  for (const file of Object.keys(files).filter((f) => f.startsWith(prefix))) check(file, sizes[file], budget);
}
const present = ALL_FOUR.filter((tag) => tags[tag]);
if (present.length === ALL_FOUR.length) {
  const union = new Set(present.flatMap((tag) => [...staticClosure(files, tags[tag])]));
  check(
    `all four elements on one page (loader + ${union.size} file(s))`,
    sizes['spp-widgets.js'] + [...union].reduce((sum, f) => sum + sizes[f], 0),
    BUDGETS.allFour,
  );
}

// The whole CDN build, for the record: most of it only loads on demand (other
// dispositions, the questionnaire, CSV export, printing, English, offline fallbacks).
const share = (file) => files[file]?.contentShare ?? 0;
const total = (part) => Object.entries(sizes).reduce((sum, [file, bytes]) => sum + bytes * part(file), 0);
const whole = { code: Math.round(total((f) => 1 - share(f))), content: Math.round(total(share)) };

console.log('\nSize budgets (gzip -9, fonts excluded)\n');
for (const { name, bytes, budget, ok } of rows) {
  const limit = budget === undefined ? 'NO BUDGET' : `${(budget / KB).toFixed(1)} kB`;
  console.log(`${ok ? '✔' : '✘'} ${name.padEnd(58)} ${(bytes / KB).toFixed(2).padStart(7)} kB / ${limit}`);
}
console.log(
  `\nWhole CDN build (every file, most loaded on demand): ${(whole.code / KB).toFixed(2)} kB of code (JS + CSS) ` +
    `and ${(whole.content / KB).toFixed(2)} kB of content (official texts, pictograms, translations).`,
);
console.log('\nFiles:');
for (const [file, bytes] of Object.entries(sizes)) {
  const content = share(file) ? ` (${Math.round(share(file) * 100)} % content)` : '';
  console.log(`  ${file.padEnd(60)} ${(bytes / KB).toFixed(2).padStart(7)} kB${content}`);
}
// Outside the CDN folder: everything in there is published and listed in integrity.json.
writeFileSync(new URL('size-report.json', DIST), `${JSON.stringify({ rows, whole, sizes }, null, 2)}\n`);

const failed = rows.filter((r) => !r.ok);
if (failed.length) {
  console.error(`\n${failed.length} size budget(s) exceeded or missing.`);
  process.exit(1);
}
console.log('\nAll size budgets met.');
