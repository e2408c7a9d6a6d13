// The --spp-rem unit of the Lit elements (the Lit-free avis button sizes itself in em and
// does not load this).

let remRegistered = false;

/**
 * Registers --spp-rem as an inherited <length>, so `--spp-rem: 1em` on the host computes
 * to pixels once (from `font-size: medium`) and descendants inherit that length instead of
 * re-resolving `em` against their own font size. @property rules inside shadow roots are
 * ignored, hence the script registration.
 */
export function registerRemUnit(): void {
  if (remRegistered) return;
  remRegistered = true;
  try {
    CSS.registerProperty({ name: '--spp-rem', syntax: '<length>', inherits: true, initialValue: '16px' });
  } catch {
    // Already registered (another copy of the library on the page): same definition.
  }
}
