// The history chart: a small inline SVG line (no chart library, no url(), no inline
// style), coloured with DSFR tokens so it follows light and dark. It is one image for
// assistive technologies (`role="img"`), named by the same figures as the data table.
// Loaded on demand, in parallel with the data, by the elements that show a chart.
import { html, svg, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatPeriode, formatValeur, texteCible, type Resultat } from './format.js';

export const WIDTH = 320;
export const HEIGHT = 140;
const LEFT = 52;
const RIGHT = 10;
const TOP = 12;
const BOTTOM = 26;

export interface Geometrie {
  /** One per history point: its position, or null for a period without value. */
  points: ({ x: number; y: number } | null)[];
  /** The scale's bounds. */
  min: number;
  max: number;
  /** The target's height, when the indicator has one. */
  yCible?: number;
  /** The lowest and highest values, and their heights (for the axis labels). */
  bas?: { valeur: number; y: number };
  haut?: { valeur: number; y: number };
}

/** Where each value goes, on a scale that holds every value and the target, with a margin. */
export function geometrie(valeurs: (number | null)[], cible?: number, pourcentage = false): Geometrie {
  const known = valeurs.filter((v): v is number => v !== null);
  const all = cible === undefined ? known : [...known, cible];
  let min = Math.min(...all);
  let max = Math.max(...all);
  if (!all.length) [min, max] = [0, 1];
  const margin = max > min ? (max - min) * 0.15 : Math.max(Math.abs(max) * 0.1, 1);
  min = all.every((v) => v >= 0) ? Math.max(0, min - margin) : min - margin;
  max = pourcentage ? Math.min(100, max + margin) : max + margin;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (v: number) => Math.round((TOP + ((max - v) / (max - min)) * plotHeight) * 10) / 10;
  const n = valeurs.length;
  const x = (i: number) => Math.round((n === 1 ? LEFT + plotWidth / 2 : LEFT + (i * plotWidth) / (n - 1)) * 10) / 10;
  const label = (valeur: number) => ({ valeur, y: y(valeur) });
  return {
    points: valeurs.map((v, i) => (v === null ? null : { x: x(i), y: y(v) })),
    min,
    max,
    yCible: cible === undefined ? undefined : y(cible),
    bas: known.length ? label(Math.min(...known)) : undefined,
    haut: known.length > 1 && Math.max(...known) > Math.min(...known) ? label(Math.max(...known)) : undefined,
  };
}

/** The line's path, broken where a period has no value. */
export function trace(points: Geometrie['points']): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p.x} ${p.y}`;
    pen = true;
  }
  return d;
}

/** The chart; `label` is its accessible name (the figures, as a sentence). */
export function graphique(resultat: Resultat, label: string, locale: string): TemplateResult {
  const { historique, indicateur } = resultat;
  const g = geometrie(
    historique.map((p) => p.valeur),
    indicateur.cible,
    indicateur.unite === '%',
  );
  const premier = historique[0];
  const dernier = historique[historique.length - 1];
  const bottom = HEIGHT - BOTTOM;
  const axe = (l?: { valeur: number; y: number }) =>
    l
      ? svg`<text class="spp-graphique__texte" x=${LEFT - 6} y=${l.y + 4} text-anchor="end">${formatValeur(
          l.valeur,
          indicateur.unite,
          locale,
          true,
        )}</text>`
      : null;
  return html`<svg class="spp-graphique" role="img" aria-label=${label} viewBox="0 0 320 140" focusable="false">
      <line class="spp-graphique__axe" x1=${LEFT} x2=${WIDTH - RIGHT} y1=${bottom} y2=${bottom}></line>
      ${axe(g.haut)} ${axe(g.bas)}
      ${
        g.yCible === undefined
          ? null
          : svg`<line class="spp-graphique__cible" x1=${LEFT} x2=${WIDTH - RIGHT} y1=${g.yCible} y2=${g.yCible}></line>`
      }
      <path class="spp-graphique__ligne" d=${trace(g.points)}></path>
      ${g.points.map((p) => (p ? svg`<circle class="spp-graphique__point" cx=${p.x} cy=${p.y} r="3.5"></circle>` : null))}
      <text class="spp-graphique__texte" x=${LEFT} y=${HEIGHT - 6}>${formatPeriode(premier.periode, locale)}</text>
      ${
        historique.length > 1
          ? svg`<text class="spp-graphique__texte" x=${WIDTH - RIGHT} y=${HEIGHT - 6} text-anchor="end">${formatPeriode(
              dernier.periode,
              locale,
            )}</text>`
          : null
      }
    </svg>
    ${
      g.yCible === undefined
        ? null
        : html`<p class="spp-legende" aria-hidden="true">
            <svg viewBox="0 0 24 4"><line class="spp-graphique__cible" x1="0" x2="24" y1="2" y2="2"></line></svg>
            ${msg('Objectif')}
          </p>`
    }`;
}

/** French puts a space before « ; » and « : », English does not. */
const semicolon = (locale: string) => (locale.startsWith('fr') ? ' ; ' : '; ');

/** The history as one sentence: what the chart draws, for screen readers and as the chart's name. */
export function resumeHistorique(resultat: Resultat, locale: string): string {
  const { indicateur, historique } = resultat;
  const points = historique
    .map((p) => {
      const periode = formatPeriode(p.periode, locale);
      const valeur = p.valeur === null ? msg('non publié') : formatValeur(p.valeur, indicateur.unite, locale);
      return msg(str`${periode} : ${valeur}`);
    })
    .join(semicolon(locale));
  const cible = texteCible(indicateur, locale);
  const resume = msg(str`Évolution de « ${indicateur.libelle} » : ${points}.`);
  return cible ? `${resume} ${cible}.` : resume;
}
