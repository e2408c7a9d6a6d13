// `~spp/data/<name>`: a file of data/ (the official reference data shared with the
// platform's seed) as an ES module, for the elements' offline fallbacks.
import { readFileSync } from 'node:fs';

const DATA = new URL('../data/', import.meta.url);

export function dataModules() {
  const PREFIX = '\0spp:data/';
  return {
    name: 'spp-data-modules',
    resolveId: (source) => (source.startsWith('~spp/data/') ? PREFIX + source.slice('~spp/data/'.length) : null),
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = new URL(`${id.slice(PREFIX.length)}.json`, DATA);
      this.addWatchFile?.(file.pathname);
      return `export default ${JSON.stringify(JSON.parse(readFileSync(file, 'utf8')))};\n`;
    },
  };
}
