// `~spp/version`: the package version, so SppElement.define() can tell two copies apart.
import { readFileSync } from 'node:fs';

export function packageVersion(packageJsonUrl = new URL('../package.json', import.meta.url)) {
  const { version } = JSON.parse(readFileSync(packageJsonUrl, 'utf8'));
  return {
    name: 'spp-package-version',
    resolveId: (source) => (source === '~spp/version' ? '\0spp:version' : null),
    load: (id) => (id === '\0spp:version' ? `export const version = ${JSON.stringify(version)};\n` : null),
  };
}
