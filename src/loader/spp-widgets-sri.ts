// The CDN loader for sites that want every module verified, not only this script: the
// snippet's `integrity` covers this file, and this file carries the SRI hash of every
// module of its version, so the browser checks each one before running it (see
// verified-import.ts). It costs about 2.6 kB more (gzip) than spp-widgets.js: the hashes.
import files from '~spp/cdn-integrity';
import { boot } from './boot.js';
import { verifiedImport } from './verified-import.js';

boot((base) => {
  const verified = verifiedImport(files, base);
  // Chunks import their lazily loaded parts through this hook when it exists (build/cdn.mjs).
  (globalThis as typeof globalThis & { sppImport?: unknown }).sppImport = (specifier: string, from: string) =>
    verified(new URL(specifier, from).href);
  return verified;
});
