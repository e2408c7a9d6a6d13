// Brings xliff/en.xlf up to date: extracts every msg() of the sources (lit-localize
// keeps the translations already there), then fills the missing English targets from
// the translation notes `xliff/en.*.json` ({ "texte source": "English text" }) that
// work in progress leaves, so several people can add strings without editing the same
// file. Keys and values are the texts as XLIFF shows them, placeholders included
// (`Étape <x id="0" equiv-text="${n}"/> sur <x id="1" equiv-text="${total}"/>`). Once
// merged, XLIFF is the reference; the notes can go.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const xliffPath = new URL('xliff/en.xlf', root);

const extract = spawnSync(new URL('node_modules/.bin/lit-localize', root).pathname, ['extract'], {
  cwd: root,
  stdio: 'inherit',
});
if (extract.status !== 0) process.exit(extract.status ?? 1);

const notes = {};
for (const file of readdirSync(new URL('xliff/', root)).filter((f) => /^en\..+\.json$/.test(f))) {
  Object.assign(notes, JSON.parse(readFileSync(new URL(`xliff/${file}`, root), 'utf8')));
}

// Placeholders of `str` messages stay as XLIFF elements: <x id="0" equiv-text="${n}"/>.
const escape = (text) =>
  text
    .split(/(<x id="\d+" equiv-text="[^"]*"\/>)/)
    .map((part, i) => (i % 2 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
const unescape = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

let filled = 0;
const missing = [];
const xliff = readFileSync(xliffPath, 'utf8').replace(
  // The source may not run past its own </source> (into a translated unit's).
  /(<trans-unit id="[^"]+">\s*<source>)((?:(?!<\/source>)[\s\S])*)(<\/source>)(?!\s*<target>)/g,
  (unit, open, source, close) => {
    const text = unescape(source);
    if (!(text in notes)) {
      missing.push(text);
      return unit;
    }
    filled += 1;
    return `${open}${source}${close}\n  <target>${escape(notes[text])}</target>`;
  },
);
writeFileSync(xliffPath, xliff);
console.log(`xliff/en.xlf: ${filled} translation(s) added from notes.`);
if (missing.length) console.warn(`Still untranslated (${missing.length}):\n  ${missing.join('\n  ')}`);
