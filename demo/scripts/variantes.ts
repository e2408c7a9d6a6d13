// The element pages: each example shown in a light panel and a dark panel, with its code.
import { baliseElement, creerElement, type Attributs } from './snippet.js';

export interface Variante {
  titre: string;
  description?: string;
  /** One element, or several shown together (e.g. every label of the button). */
  attributs: Attributs | Attributs[];
  /** One panel only (for large examples, or when the theme is itself the point). */
  seul?: 'light' | 'dark';
}

function panneau(tag: string, liste: Attributs[], theme: 'light' | 'dark'): HTMLElement {
  const div = document.createElement('div');
  div.className = theme === 'dark' ? 'demo-panneau demo-panneau--sombre' : 'demo-panneau';
  const legende = document.createElement('p');
  legende.textContent = theme === 'dark' ? 'Thème sombre' : 'Thème clair';
  const rangee = document.createElement('div');
  rangee.className = 'demo-rangee';
  rangee.append(...liste.map((attributs) => creerElement(tag, { ...attributs, theme })));
  div.append(legende, ...(liste.length > 1 ? [rangee] : rangee.childNodes));
  return div;
}

/**
 * Renders the examples into `cible`, each under a heading of level `niveau`.
 * @param large one panel under the other (wide elements)
 */
export function afficherVariantes(
  cible: HTMLElement,
  tag: string,
  variantes: Variante[],
  { niveau = 3, large = false }: { niveau?: number; large?: boolean } = {},
): void {
  for (const variante of variantes) {
    const section = document.createElement('section');
    section.className = 'demo-exemple';
    const titre = document.createElement(`h${niveau}`);
    titre.textContent = variante.titre;
    section.append(titre);
    if (variante.description) {
      const p = document.createElement('p');
      p.textContent = variante.description;
      section.append(p);
    }
    const liste = [variante.attributs].flat();
    const themes = document.createElement('div');
    themes.className = large ? 'demo-themes demo-themes--large' : 'demo-themes';
    for (const theme of ['light', 'dark'] as const) {
      if (!variante.seul || variante.seul === theme) themes.append(panneau(tag, liste, theme));
    }
    const code = document.createElement('pre');
    code.className = 'demo-code';
    code.textContent = liste.map((attributs) => baliseElement(tag, attributs)).join('\n');
    const legende = document.createElement('p');
    legende.className = 'fr-text--sm fr-mb-0';
    legende.textContent = 'Le code (l’attribut theme en plus dans chaque panneau) :';
    section.append(themes, legende, code);
    cible.append(section);
  }
}

/** Where an element page puts its examples. */
export function cibleVariantes(): HTMLElement {
  const cible = document.getElementById('variantes');
  if (!cible) throw new Error('#variantes manquant');
  return cible;
}
