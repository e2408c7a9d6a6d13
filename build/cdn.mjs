// The CDN build's bookkeeping: which element module each tag loads (for the loader),
// and what every output file statically imports (for the size budgets).

/** The manifest shared between the element build and the loader build of one run. */
export function createCdnManifest() {
  const tags = {};
  const files = {};
  return {
    tags,
    files,
    /** Rollup plugin for the element build: records entries and imports. */
    collect() {
      return {
        name: 'spp-cdn-collect',
        generateBundle(_options, bundle) {
          for (const output of Object.values(bundle)) {
            if (output.type !== 'chunk') continue;
            if (output.isEntry) tags[output.name] = output.fileName;
            files[output.fileName] = { imports: output.imports, dynamicImports: output.dynamicImports };
          }
          this.emitFile({
            type: 'asset',
            fileName: 'manifest.json',
            source: `${JSON.stringify({ tags, files }, null, 2)}\n`,
          });
        },
      };
    },
    /** Rollup plugin for the loader build: provides `~spp/cdn-manifest`. */
    provide() {
      return {
        name: 'spp-cdn-manifest',
        resolveId: (source) => (source === '~spp/cdn-manifest' ? '\0spp:cdn-manifest' : null),
        load: (id) => (id === '\0spp:cdn-manifest' ? `export default ${JSON.stringify(tags)};\n` : null),
      };
    },
  };
}
