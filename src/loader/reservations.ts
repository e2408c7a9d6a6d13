// The space each element takes while its code loads, reserved by the loader before it is
// defined: an undefined element is an empty inline box, so without this the host page
// would jump down when the element first renders. One constructed sheet for the document
// (no <style>: it works under a CSP without 'unsafe-inline'), whose rules only match our
// tags while they are undefined: once defined, an element's own box takes over, the same
// size (src/loader/reservations.test.ts measures both).
//
// Sizes are the elements' loading boxes in em of `font-size: medium`, the unit they use
// (--spp-rem), at a width of 48em and more; narrower, some wrap and grow. What they show
// once loaded depends on the data (six indicators, thirty errors…): that one change in
// height cannot be known in advance.

/**
 * The rules, as CSS text, written out once: every byte here is loaded by every page. They
 * match an element while its code loads; only those that set `display` leave out the
 * elements the page hides (a min-height on them does nothing). Heights are each element's
 * box while it loads, in its default disposition; the `disposition` attributes with their
 * own reservation are the common ones. Where a box depends on the element's own width
 * (its container queries), the viewport's width stands in for it: on a phone or a tablet
 * the element is about as wide as the page. `inline` avis show the questionnaire's first
 * step, but only with a platform to send to (else they are the link to the JDMA form, a
 * button): with a page-level API every one of them, without only those with an `api-base`.
 */
export function reservationCss(pageHasApi: boolean): string {
  const inline = `spp-je-donne-mon-avis[mode=inline]${pageHasApi ? '' : '[api-base]'}:not(:defined)`;
  return `spp-bloc-marque:not(:defined):not([hidden]),spp-engagements:not(:defined):not([hidden]),spp-resultats:not(:defined):not([hidden]),spp-oups-erreurs:not(:defined):not([hidden]),${inline}:not([hidden]){display:block;font-size:medium}
spp-je-donne-mon-avis:not(:defined):not([hidden]){display:inline-block;vertical-align:middle;font-size:medium;min-height:2.5em}
${inline}{min-height:17.25em}
@media (max-width:25em){${inline}{min-height:18.75em}}
spp-bloc-marque:not(:defined){min-height:7.20625em}
spp-engagements:not(:defined){min-height:27.75em}
@media (max-width:50em){spp-engagements:not(:defined){min-height:53.75em}}
spp-engagements[disposition=liste]:not(:defined){min-height:38.75em}
spp-engagements[disposition=accordeon]:not(:defined){min-height:53.75em}
spp-resultats:not(:defined){min-height:12em}
spp-resultats[disposition=compact]:not(:defined){min-height:1.5em}
spp-oups-erreurs:not(:defined){min-height:9em}`;
}

/** Adopts the reservation sheet in the document, once, after the page's own sheets. */
export function reserveSpace(pageHasApi: boolean, root: Document = document): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(reservationCss(pageHasApi));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // An old browser without constructed sheets: the elements still work, they just
    // do not reserve their place before they load.
  }
}
