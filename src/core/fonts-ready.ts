// Long texts are laid out once, in their font. Marianne is declared with `font-display:
// swap` (the brand must show), so a list rendered before the font arrives is laid out
// twice: in the fallback, then in Marianne, which is wider, and every line below moves.
// The display elements wait for their data anyway; they also wait for the font, within
// a bound: a slow font never holds the content back for more than a second.

const WAIT_MS = 1000;
let ready: Promise<void> | undefined;

/**
 * Resolves once Marianne regular and bold are usable, could not load, or after a second;
 * at once for `marque="neutre"`, which uses the system's fonts.
 */
export function marianneReady(marque?: string): Promise<void> {
  if (marque === 'neutre') return Promise.resolve();
  ready ??= new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      // Starts the downloads now if they have not started (a face not declared: at once).
      Promise.all([document.fonts.load('1em Marianne'), document.fonts.load('700 1em Marianne')]).then(done, done);
    } catch {
      done();
    }
  });
  return ready;
}
