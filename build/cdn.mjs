// The CDN build's bookkeeping. Everything goes under dist/cdn/<version>/ (immutable once
// published: the version is the folder, the other files carry a content hash):
//   spp-widgets.js, spp-widgets-sri.js   the two classic-script loaders (see src/loader/)
//   elements/, chunks/, fonts/          content-hashed modules and fonts
//   manifest.json                       which module each tag loads, what each file imports
//   integrity.json                      the sha384 SRI hash of every file in the folder
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Content, not code: bundled reference texts (data/), DSFR pictograms and artwork, and
 * translations. The size budgets count code and content separately.
 */
const CONTENT_MODULE = /^\0spp:(data\/|dsfr\/pictogram\/|dsfr\/artwork)|[\\/]generated[\\/]locales[\\/]/;

/**
 * The global the SRI loader defines to verify dynamically imported chunks. Chunks call it
 * when it exists, else import() as usual (the plain loader, or no loader at all).
 */
export const IMPORT_HOOK = 'sppImport';

export const ALGORITHM = 'sha384';

/** The SRI value of a file's bytes. */
export const integrityOf = (bytes) => `${ALGORITHM}-${createHash(ALGORITHM).update(bytes).digest('base64')}`;

/** Every file under `dir`, as POSIX paths relative to it, sorted. */
export function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The share of a chunk's rendered bytes that comes from content modules (0 to 1). */
function contentShare(modules) {
  let total = 0;
  let content = 0;
  for (const [id, info] of Object.entries(modules)) {
    total += info.renderedLength;
    if (CONTENT_MODULE.test(id)) content += info.renderedLength;
  }
  return total ? Math.round((content / total) * 1000) / 1000 : 0;
}

/**
 * What the loaders know of each tag: its module, then every module that one imports
 * statically, so they are all requested at once instead of one level of imports after the
 * other (each level is a round trip before the element can run).
 */
export function loaderManifest(tags, files) {
  const closure = (file, seen) => {
    for (const dependency of files[file].imports) {
      if (seen.includes(dependency)) continue;
      seen.push(dependency);
      closure(dependency, seen);
    }
    return seen;
  };
  return Object.fromEntries(Object.entries(tags).map(([tag, entry]) => [tag, closure(entry, [entry])]));
}

/**
 * The manifest shared between the element build and the loader builds of one run.
 * @param {{ root: string, dir: string, version: string }} paths `root` is dist/cdn (cleaned
 *   before each build: stale hashed files must not linger), `dir` is root/<version>.
 */
export function createCdnManifest({ root, dir, version }) {
  const tags = {};
  const files = {};
  /** JS file → SRI hash of the bytes written (the element build's modules). */
  const integrity = {};
  return {
    tags,
    files,
    /** Rollup plugin for the element build: records entries, imports and hashes. */
    collect() {
      return {
        name: 'spp-cdn-collect',
        buildStart() {
          rmSync(root, { recursive: true, force: true });
        },
        // `import('./x.js')` → through the SRI loader's verifier when it is there.
        renderDynamicImport({ targetModuleId }) {
          if (!targetModuleId) return null;
          return { left: `(self.${IMPORT_HOOK}||(s=>import(s)))(`, right: ',import.meta.url)' };
        },
        generateBundle(_options, bundle) {
          for (const output of Object.values(bundle)) {
            if (output.type !== 'chunk') continue;
            if (output.isEntry) tags[output.name] = output.fileName;
            files[output.fileName] = {
              imports: output.imports,
              dynamicImports: output.dynamicImports,
              contentShare: contentShare(output.modules),
            };
          }
          this.emitFile({
            type: 'asset',
            fileName: 'manifest.json',
            source: `${JSON.stringify({ tags, files }, null, 2)}\n`,
          });
        },
        // Hash what is on disk, so the hashes are those of the bytes a CDN serves.
        writeBundle() {
          for (const file of Object.keys(files)) integrity[file] = integrityOf(readFileSync(join(dir, file)));
        },
      };
    },
    /**
     * Rollup plugin for a loader build: provides `~spp/cdn-manifest` (see loaderManifest) and,
     * for the SRI loader, `~spp/cdn-integrity` ([file, hash, …indices of its static imports]).
     */
    provide({ verify = false } = {}) {
      return {
        name: 'spp-cdn-manifest',
        resolveId: (source) => (/^~spp\/cdn-(manifest|integrity)$/.test(source) ? `\0${source.slice(1)}` : null),
        load(id) {
          if (id === '\0spp/cdn-manifest') return `export default ${JSON.stringify(loaderManifest(tags, files))};\n`;
          if (id !== '\0spp/cdn-integrity') return null;
          if (!verify) return 'export default [];\n';
          const names = Object.keys(files);
          const missing = names.filter((file) => !integrity[file]);
          if (missing.length) this.error(`no integrity hash for ${missing.join(', ')}`);
          const entries = names.map((file) => [
            file,
            integrity[file],
            ...files[file].imports.map((d) => names.indexOf(d)),
          ]);
          return `export default ${JSON.stringify(entries)};\n`;
        },
      };
    },
    /** Rollup plugin for the last build: writes integrity.json over the whole folder. */
    seal() {
      return {
        name: 'spp-cdn-integrity',
        writeBundle() {
          const hashes = {};
          for (const file of filesUnder(dir)) {
            if (file !== 'integrity.json') hashes[file] = integrityOf(readFileSync(join(dir, file)));
          }
          const body = { version, algorithm: ALGORITHM, files: hashes };
          writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify(body, null, 2)}\n`);
        },
      };
    },
  };
}
