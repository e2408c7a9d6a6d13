// What the first element does once at document level: the Marianne font (the Lit-free
// avis button needs it too, so it lives apart from rem-unit.ts).
// Nothing here touches the host page's own styles or DOM.
import { marianneFaces } from '~spp/fonts';

let fontsDeclared = false;

/** True when the page (its CSS, or another script) already declares a Marianne face. */
export function pageDeclaresMarianne(): boolean {
  for (const face of document.fonts) {
    if (face.family.replace(/["']/g, '') === 'Marianne') return true;
  }
  return false;
}

/**
 * Declares Marianne regular and bold once per document, from the library's own location
 * (so it works from a CDN), unless the page already has Marianne (a DSFR site). Fonts
 * declared inside a shadow root are ignored by browsers, so this has to happen at
 * document level; the FontFace API needs no <style> element, so it works under a CSP
 * without 'unsafe-inline' (the host's font-src must allow our origin).
 */
export function declareMarianne(): void {
  if (fontsDeclared) return;
  fontsDeclared = true;
  if (pageDeclaresMarianne()) return;
  for (const source of marianneFaces) {
    const face = new FontFace(source.family, `url("${source.url}") format("woff2")`, {
      weight: source.weight,
      style: source.style,
      display: 'swap',
    });
    document.fonts.add(face);
  }
}
