// The published build (Vite only serves the demo and Storybook):
//   dist/                          ESM, one module per source file, lit external (npm users bundle it)
//   dist/cdn/<version>/            what a CDN serves, immutable (see build/cdn.mjs):
//     elements/, chunks/, fonts/   one self-contained ESM entry per element (lit inside,
//                                  minified) and the shared code split out, content-hashed
//     spp-widgets.js               the classic-script loader that imports them on demand
//     spp-widgets-sri.js           the same, verifying every module against its SRI hash
//     manifest.json, integrity.json
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { sppPlugins } from './build/plugins.mjs';
import { createCdnManifest } from './build/cdn.mjs';
import { slimLocalize } from './build/slim-localize.mjs';

/** Every element: src/elements/<name>/spp-<name>.ts, registered as <spp-name>. */
const elements = Object.fromEntries(
  readdirSync('src/elements').map((name) => [`spp-${name}`, `src/elements/${name}/spp-${name}.ts`]),
);

const typescript = (minify) => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify, legalComments: 'none' });
// After esbuild's minification, terser compresses again (three passes): about 1 % less
// gzip, which the avis button's 6 kB budget needs.
const squeeze = ({ module }) => terser({ compress: { passes: 3 }, ecma: 2022, module });
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
// SPP_DIST builds elsewhere (to measure a change without touching dist/).
const dist = process.env.SPP_DIST ?? 'dist';
const cdnDir = `${dist}/cdn/${version}`;
const cdn = createCdnManifest({ root: `${dist}/cdn`, dir: cdnDir, version });
const isLit = (id) => /^(lit|lit-html|lit-element|@lit\/[\w-]+)(\/|$)/.test(id);

/** Stale modules from earlier builds must not end up in the npm package. */
const cleanNpmBuild = () => ({
  name: 'spp-clean-npm-build',
  buildStart() {
    if (!existsSync(dist)) return;
    for (const name of readdirSync(dist).filter((n) => n !== 'cdn'))
      rmSync(`${dist}/${name}`, { recursive: true, force: true });
  },
});

const ELEMENT_ESSENTIALS =
  /[\\/]src[\\/]core[\\/](define|safe-url|theme|document-observer|document-setup|api[\\/]config)\.ts$|\0spp:version/;

// The base class and what every Lit element imports with it (Lit, the DSFR core sheet,
// fonts, the heading helper: all but the bloc marque render headings); the API client; the
// language of an element (core/locale.ts) with @lit/localize's msg() hook: the Lit elements
// need them, and so does the Lit-free avis button on a page in another language, through
// the translation runtime, which must not pull in Lit.
const LIT_ESSENTIALS = /[\\/]src[\\/]core[\\/](spp-element|fonts-ready|heading)\.ts$/;
const API_CLIENT = /[\\/]src[\\/]core[\\/]api[\\/](client|cache|http|storage|shape|errors)\.ts$/;
const LOCALE = /[\\/]@lit[\\/]localize[\\/]init[\\/]install\.js$|[\\/]src[\\/]core[\\/]locale\.ts$/;

/**
 * Modules that always load together share one file: the small modules every element needs
 * (each extra file costs the avis button's 6 kB budget its own gzip header and import
 * line), and the groups above. Fewer files is fewer requests (HTTP/1.1 runs six at a time)
 * and fewer levels of imports discovered one after the other. A group also takes the
 * imports of its modules that no other group claims.
 */
function sharedChunk(id) {
  if (ELEMENT_ESSENTIALS.test(id)) return 'define';
  if (LOCALE.test(id)) return 'locale';
  if (API_CLIENT.test(id)) return 'api';
  if (LIT_ESSENTIALS.test(id)) return 'spp-element';
  return undefined;
}

const loader = (input, file, plugins) => ({
  input,
  plugins: [...sppPlugins(), ...plugins, nodeResolve(), typescript(true), squeeze({ module: false })],
  // No "use strict" prologue: the loader is compiled TypeScript (strict already), and every
  // byte of it counts in each element's size budget.
  output: { file: `${cdnDir}/${file}`, format: 'iife', strict: false },
});

export default [
  {
    input: ['src/index.ts', ...Object.values(elements)],
    external: isLit,
    plugins: [cleanNpmBuild(), ...sppPlugins({ emitFonts: true }), nodeResolve(), typescript(false)],
    output: {
      dir: dist,
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      assetFileNames: 'fonts/[name]-[hash][extname]',
      sourcemap: true,
    },
  },
  {
    input: elements,
    plugins: [
      ...sppPlugins({ emitFonts: true }),
      slimLocalize(),
      nodeResolve(),
      typescript(true),
      squeeze({ module: true }),
      cdn.collect(),
    ],
    output: {
      dir: cdnDir,
      format: 'es',
      entryFileNames: 'elements/[name]-[hash].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      assetFileNames: 'fonts/[name]-[hash][extname]',
      manualChunks: sharedChunk,
    },
  },
  loader('src/loader/spp-widgets.ts', 'spp-widgets.js', [cdn.provide()]),
  // Last: it seals the folder with integrity.json.
  loader('src/loader/spp-widgets-sri.ts', 'spp-widgets-sri.js', [cdn.provide({ verify: true }), cdn.seal()]),
];
