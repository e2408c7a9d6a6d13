// The Content-Security-Policy a host needs, for the configurator. The policy has one source
// of truth, hostCsp() in test/hosts/csp.mjs: this file only calls it, with stand-in origins
// the page swaps for the snippet's real ones (the built demo's origin is unknown at build time).
import { hostCsp } from '../../test/hosts/csp.mjs';

/** Stand-in origins, replaced in the browser by the snippet's CDN, API and image origins. */
export const ORIGINES_MODELES = {
  cdn: 'https://cdn.exemple.invalid',
  api: 'https://api.exemple.invalid',
  images: 'https://images.exemple.invalid',
};

/**
 * One policy per combination the configurator can produce: with or without open data, with
 * or without image origins (keys '', 'opendata', 'images', 'opendata+images').
 */
export function politiqueHote() {
  const modeles = {};
  for (const opendata of [false, true]) {
    for (const images of [false, true]) {
      const cle = [opendata && 'opendata', images && 'images'].filter(Boolean).join('+');
      modeles[cle] = hostCsp({
        cdn: ORIGINES_MODELES.cdn,
        api: ORIGINES_MODELES.api,
        opendata,
        images: images ? [ORIGINES_MODELES.images] : [],
      });
    }
  }
  return { origines: ORIGINES_MODELES, modeles };
}
