// The CDN build's bookkeeping: which element module each tag loads (for the loader),
// and what every output file statically imports (for the size budgets).

/**
 * Content, not code: bundled reference texts (data/), DSFR pictograms and artwork, and
 * translations. The size budgets count code and content separately.
 */
const CONTENT_MODULE = /^\0spp:(data\/|dsfr\/pictogram\/|dsfr\/artwork)|[\\/]generated[\\/]locales[\\/]/;

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
