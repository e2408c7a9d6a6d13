// Shared by the test/dist tests: where the build is, and its facts. They test the BUILT
// package (run `npm run build` first), never src/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const pkg = JSON.parse(readFileSync(new URL('package.json', `file://${ROOT}`), 'utf8'));
export const CDN = `${ROOT}dist/cdn/${pkg.version}/`;

export function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is missing or unreadable: run \`npm run build\` first (${error.message})`);
  }
}

export const manifest = () => readJson(`${CDN}manifest.json`);
export const integrity = () => readJson(`${CDN}integrity.json`);
