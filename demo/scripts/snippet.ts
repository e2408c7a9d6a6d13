// The HTML a webmaster copies: one element with its attributes, and the loader's script tag.
// The same text is shown, copied and run by the configurator's preview.

/** Attribute value → `true` for a boolean attribute written without value. */
export type Attributs = Record<string, string | true>;

export function echapperAttribut(valeur: string): string {
  const entites: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', '\n': '&#10;' };
  return valeur.replace(/[&"<>\n]/g, (c) => entites[c] ?? c);
}

function listeAttributs(attributs: Attributs): string[] {
  return Object.entries(attributs).map(([nom, valeur]) =>
    valeur === true ? nom : `${nom}="${echapperAttribut(valeur)}"`,
  );
}

/** `<tag a="b"></tag>`, on one line. */
export function baliseElement(tag: string, attributs: Attributs): string {
  const liste = listeAttributs(attributs);
  return `<${tag}${liste.map((a) => ` ${a}`).join('')}></${tag}>`;
}

export interface Chargeur {
  src: string;
  integrity: string;
  apiBase?: string;
}

/** The loader's script tag, one attribute per line as in the README. */
export function baliseChargeur({ src, integrity, apiBase }: Chargeur): string {
  const attributs: Attributs = { src, integrity, crossorigin: 'anonymous' };
  if (apiBase) attributs['data-api-base'] = apiBase;
  attributs.defer = true;
  // The page paints once the loader has reserved the elements' place (Chromium; ignored elsewhere).
  attributs.blocking = 'render';
  return `<script\n${listeAttributs(attributs)
    .map((a) => `  ${a}\n`)
    .join('')}></script>`;
}

/** Creates the element itself (no HTML parsing: nothing here needs Trusted Types). */
export function creerElement(tag: string, attributs: Attributs): HTMLElement {
  const element = document.createElement(tag);
  for (const [nom, valeur] of Object.entries(attributs)) element.setAttribute(nom, valeur === true ? '' : valeur);
  return element;
}

/** The loader script of the current page: where the demo's own pages load the elements from. */
export function chargeurDeLaPage(): Chargeur | null {
  const script = document.querySelector<HTMLScriptElement>('script[src$="/spp-widgets.js"]');
  if (!script) return null;
  const apiBase = script.dataset.apiBase;
  return {
    src: script.src,
    integrity: script.integrity,
    apiBase: apiBase ? new URL(apiBase, document.baseURI).href.replace(/\/+$/, '') : undefined,
  };
}
