// The published build (Vite only serves the demo and Storybook):
//   dist/                 ESM, one module per source file, lit external (npm users bundle it)
//   dist/cdn/elements/    one self-contained ESM entry per element, lit inside, minified,
//   dist/cdn/chunks/      shared code split out, content-hashed
//   dist/cdn/spp-widgets.js  the classic-script loader that imports the above on demand
import { readdirSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { sppPlugins } from './build/plugins.mjs';
import { createCdnManifest } from './build/cdn.mjs';

/** Every element: src/elements/<name>/spp-<name>.ts, registered as <spp-name>. */
const elements = Object.fromEntries(
  readdirSync('src/elements').map((name) => [`spp-${name}`, `src/elements/${name}/spp-${name}.ts`]),
);

const typescript = (minify) => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify, legalComments: 'none' });
const cdn = createCdnManifest();
// SPP_DIST builds elsewhere (to measure a change without touching dist/).
const dist = process.env.SPP_DIST ?? 'dist';
const isLit = (id) => /^(lit|lit-html|lit-element|@lit\/[\w-]+)(\/|$)/.test(id);

export default [
  {
    input: ['src/index.ts', ...Object.values(elements)],
    external: isLit,
    plugins: [...sppPlugins({ emitFonts: true }), nodeResolve(), typescript(false)],
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
    plugins: [...sppPlugins({ emitFonts: true }), nodeResolve(), typescript(true), cdn.collect()],
    output: {
      dir: `${dist}/cdn`,
      format: 'es',
      entryFileNames: 'elements/[name]-[hash].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      assetFileNames: 'fonts/[name]-[hash][extname]',
    },
  },
  {
    input: 'src/loader/spp-widgets.ts',
    plugins: [...sppPlugins(), cdn.provide(), nodeResolve(), typescript(true)],
    output: { file: `${dist}/cdn/spp-widgets.js`, format: 'iife' },
  },
];
