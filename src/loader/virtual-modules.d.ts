// Written by the CDN build (build/cdn.mjs) for the SRI loader.
declare module '~spp/cdn-integrity' {
  import type { IntegrityEntry } from './verified-import.js';
  const files: readonly IntegrityEntry[];
  export default files;
}
