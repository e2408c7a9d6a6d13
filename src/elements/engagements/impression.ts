// Printing one element alone, on a page of a given size.
//
// Chromium ignores `@page` in a shadow root's styles (checked with a PDF print: an
// `@page { size: A4 landscape }` there leaves the page portrait), and shadow styles cannot
// hide the rest of the host page. So, only while printing, a constructed stylesheet is
// added to the document: the page size and margins, and « show only this element ». It
// holds print rules only (nothing changes on screen) and is removed after printing
// (`afterprint`), or at the next click or key press where a browser prints without that
// event (sandboxed frames, headless browsers). Nothing stays on the host page.

/** Marks the element being printed, only during printing. */
export const EN_IMPRESSION = 'data-spp-impression';

export type FormatPapier = 'A4' | 'A3';

function regles(format: FormatPapier, seul: boolean): string {
  const m = `[${EN_IMPRESSION}]`;
  const page = `@page { size: ${format} portrait; margin: 0; }`;
  if (!seul) return page;
  return `${page}
@media print {
  html, body { margin: 0 !important; padding: 0 !important; min-width: 0 !important; background: #fff !important; }
  body *:not(${m}, ${m} *, :has(${m})) { display: none !important; }
  :has(${m}) {
    display: block !important; position: static !important; float: none !important;
    margin: 0 !important; padding: 0 !important; border: 0 !important;
    width: auto !important; min-width: 0 !important; max-width: none !important;
    height: auto !important; min-height: 0 !important;
    overflow: visible !important; transform: none !important; contain: none !important;
  }
  ${m} { display: block !important; position: static !important; margin: 0 !important; width: auto !important; max-width: none !important; }
}`;
}

let terminer: (() => void) | undefined;

/**
 * Opens the print dialog for `element` alone. When the element sits inside another
 * shadow root, the rest of the page cannot be told apart from it: only the page size
 * is set then. Returns the clean-up function (already called when printing ended).
 */
export function imprimerSeul(element: HTMLElement, format: FormatPapier): () => void {
  terminer?.();
  const doc = element.ownerDocument;
  const vue = doc.defaultView ?? window;
  const feuille = new CSSStyleSheet();
  feuille.replaceSync(regles(format, element.getRootNode() === doc));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, feuille];
  element.setAttribute(EN_IMPRESSION, '');

  const fin = () => {
    if (terminer !== fin) return;
    terminer = undefined;
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== feuille);
    element.removeAttribute(EN_IMPRESSION);
    vue.removeEventListener('afterprint', fin);
    doc.removeEventListener('pointerdown', fin, true);
    doc.removeEventListener('keydown', fin, true);
  };
  terminer = fin;
  vue.addEventListener('afterprint', fin);
  doc.addEventListener('pointerdown', fin, true);
  doc.addEventListener('keydown', fin, true);
  try {
    vue.print();
  } catch (error) {
    fin();
    throw error;
  }
  return fin;
}
