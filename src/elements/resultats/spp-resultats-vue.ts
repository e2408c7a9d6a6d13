// How <spp-resultats> shows results once they are there: cards, table or one line. Loaded
// on demand, in parallel with the data (the element has nothing else to show before the
// data comes), so the element itself stays small; see the element's JSDoc.
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { content as fleche, viewBox as vbFleche } from '~spp/dsfr/icon/arrows/arrow-right-line';
import { heading, toHeadingLevel } from '../../core/heading.js';
import {
  formatDate,
  formatPeriode,
  formatValeur,
  tendance,
  texteCible,
  texteTendance,
  texteType,
  type Resultat,
  type ResultatsStructure,
} from './format.js';
import { dateFormat } from '../../core/intl.js';
export { warmIntl } from '../../core/intl.js';

/** What the element gives the view to draw. */
export interface Contexte {
  donnees: ResultatsStructure;
  /** The results to show (`indicateurs` applied). */
  resultats: Resultat[];
  stale: boolean;
  fetchedAt: number;
  source: 'plateforme' | 'opendata';
  disposition: 'cartes' | 'tableau' | 'compact';
  historique: boolean;
  niveauTitre?: string;
  locale: string;
  /** Indicators whose data table is shown. */
  ouverts: ReadonlySet<string>;
  chart?: typeof import('./chart.js');
  site: string;
  basculer(code: string): void;
  telecharger(nom: string, resultats: Resultat[], historique: boolean): void;
}

/** One arrow, turned up or down by CSS. */
const flecheTendance = html`<svg class="spp-icon" viewBox=${vbFleche} aria-hidden="true" focusable="false">
  ${fleche}
</svg>`;

export function vue(c: Contexte): TemplateResult {
  const cls = `spp-root spp-resultats spp-resultats--${c.disposition}`;
  if (c.disposition === 'compact') return html`<div class=${cls} part="resultats">${compact(c)}</div>`;
  const niveau = toHeadingLevel(c.niveauTitre);
  return html`<section class=${cls} part="resultats">
    ${heading(niveau, msg('Résultats de qualité de service'), 'spp-titre')}
    <p class="spp-structure">${c.donnees.structure.intitule}</p>
    ${avertissements(c, [c.donnees.structure, ...c.resultats])}
    ${
      c.resultats.length
        ? c.disposition === 'tableau'
          ? tableauResultats(c, niveau + 1)
          : cartes(c, niveau + 1)
        : html`<p class="spp-message">${msg('Ce service n’a pas encore publié de résultats.')}</p>`
    }
    <p class="spp-source">
      ${
        c.source === 'opendata'
          ? msg('Source : données ouvertes du programme Services Publics +.')
          : msg('Source : Services Publics +.')
      }
      <a href=${c.site}>${msg('Tous les résultats des services publics')}</a>
    </p>
  </section>`;
}

/** Example data and data of another day are said, visibly. */
function avertissements(c: Contexte, donnees: { exemple: boolean; mention?: string }[]) {
  const mentions = new Set(donnees.filter((d) => d.exemple && d.mention).map((d) => d.mention as string));
  // Only when shown: the first date formatter of a page costs ~20 ms (locale data).
  const perime = () => {
    const date = dateFormat(c.locale, { dateStyle: 'long' }).format(c.fetchedAt);
    return html`<p class="spp-perime">${msg(str`Données du ${date}`)}</p>`;
  };
  return html`${[...mentions].map((m) => html`<p class="spp-mention">${m}</p>`)} ${c.stale ? perime() : nothing}`;
}

function valeur(c: Contexte, r: Resultat) {
  return r.valeur === null
    ? html`<p class="spp-valeur spp-valeur--absente" part="valeur">${msg('Résultat non publié')}</p>
        <p class="spp-motif">${r.motifAbsence ?? msg('La valeur de cette période n’est pas disponible.')}</p>`
    : html`<p class="spp-valeur" part="valeur">${formatValeur(r.valeur, r.indicateur.unite, c.locale)}</p>`;
}

/** The level as a badge: its words say it, the colour repeats it. */
function badge({ niveau }: Resultat) {
  if (!niveau) return nothing;
  const label =
    niveau.couleur === 'vert'
      ? msg('Objectif atteint')
      : niveau.couleur === 'orange'
        ? msg('Proche de l’objectif')
        : msg('Objectif non atteint');
  return html`<span class="spp-badge spp-badge--${niveau.couleur}">${label}</span>`;
}

function objectif(c: Contexte, r: Resultat) {
  const cible = texteCible(r.indicateur, c.locale);
  if (!cible && !r.niveau) return nothing;
  return html`<p class="spp-objectif">${badge(r)} ${cible ?? nothing}</p>`;
}

function evolution(c: Contexte, r: Resultat) {
  const t = tendance(r);
  if (!t) return nothing;
  const qualite = t.mieux === undefined ? '' : t.mieux ? 'spp-tendance--mieux' : 'spp-tendance--moins-bien';
  return html`<p class="spp-tendance spp-tendance--${t.direction} ${qualite}">
    ${flecheTendance}<span>${texteTendance(t, r.indicateur.unite, c.locale)}</span>
  </p>`;
}

function cartes(c: Contexte, niveau: number) {
  return html`<ul class="spp-cartes" role="list">
    ${c.resultats.map(
      (r, index) =>
        html`<li class="spp-carte" part="carte">
          ${heading(niveau, r.indicateur.libelle, 'spp-carte__titre')}
          <p class="spp-type">${texteType(r.indicateur.type)}</p>
          ${valeur(c, r)}
          <p class="spp-periode">${msg(str`Période : ${formatPeriode(r.periode, c.locale)}`)}</p>
          ${objectif(c, r)} ${evolution(c, r)}
          <p class="spp-maj">${msg(str`Mis à jour le ${formatDate(r.miseAJour, c.locale)}`)}</p>
          ${c.historique ? historique(c, r, index) : nothing}
        </li>`,
    )}
  </ul>`;
}

function tableauResultats(c: Contexte, niveau: number) {
  const csv = () => c.telecharger(`resultats-${c.donnees.structure.code}.csv`, c.resultats, false);
  return html`${tableau(
      msg('Dernier résultat de chaque indicateur'),
      [msg('Indicateur'), msg('Résultat'), msg('Période'), msg('Objectif'), msg('Évolution'), msg('Mise à jour')],
      c.resultats.map(
        (r) =>
          html`<tr>
            <th scope="row">${r.indicateur.libelle} <span class="spp-type">${texteType(r.indicateur.type)}</span></th>
            <td>
              ${
                r.valeur === null
                  ? html`${msg('Non publié')} <span class="spp-motif">${r.motifAbsence ?? ''}</span>`
                  : formatValeur(r.valeur, r.indicateur.unite, c.locale)
              }
            </td>
            <td>${formatPeriode(r.periode, c.locale)}</td>
            <td>${objectif(c, r)}</td>
            <td>${evolution(c, r)}</td>
            <td>${formatDate(r.miseAJour, c.locale)}</td>
          </tr>`,
      ),
    )}
    <p class="spp-actions">${boutonCsv(csv, msg('les résultats'))}</p>
    ${
      c.historique
        ? html`<ul class="spp-cartes" role="list">
            ${c.resultats.map(
              (r, index) =>
                html`<li class="spp-carte" part="carte">
                  ${heading(niveau, r.indicateur.libelle, 'spp-carte__titre')} ${historique(c, r, index)}
                </li>`,
            )}
          </ul>`
        : nothing
    }`;
}

/** A data table that scrolls sideways on narrow screens (hence focusable, and named). */
function tableau(caption: string, entetes: string[], lignes: TemplateResult[], id?: string, hidden = false) {
  return html`<div
    class="spp-tableau"
    part="tableau"
    id=${id ?? nothing}
    ?hidden=${hidden}
    role="region"
    aria-label=${caption}
    tabindex="0"
  >
    <table>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${entetes.map((e) => html`<th scope="col">${e}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${lignes}
      </tbody>
    </table>
  </div>`;
}

function boutonCsv(action: () => void, contexte: string) {
  return html`<button class="spp-btn spp-btn--sans-bord" type="button" @click=${action}>
    ${msg('Télécharger (CSV)')}<span class="fr-sr-only"> – ${contexte}</span>
  </button>`;
}

/** The chart (its module may still be loading: its place is kept), its data table and CSV. */
function historique(c: Contexte, r: Resultat, index: number) {
  if (r.historique.length < 2) return nothing;
  const { indicateur: i } = r;
  const id = `spp-donnees-${index}`;
  const ouvert = c.ouverts.has(i.code);
  const csv = () => c.telecharger(`resultats-${i.code}.csv`, [r], true);
  return html`<div class="spp-historique">
    <figure class="spp-figure" part="graphique">
      ${
        c.chart
          ? c.chart.graphique(r, c.chart.resumeHistorique(r, c.locale), c.locale)
          : html`<div class="spp-graphique"></div>`
      }
    </figure>
    <p class="spp-actions">
      <button
        class="spp-btn"
        type="button"
        aria-expanded=${ouvert ? 'true' : 'false'}
        aria-controls=${id}
        @click=${() => c.basculer(i.code)}
      >
        ${msg('Voir les données')}<span class="fr-sr-only"> – ${i.libelle}</span>
      </button>
      ${boutonCsv(csv, i.libelle)}
    </p>
    ${tableau(
      msg(str`Historique : ${i.libelle}`),
      [msg('Période'), msg('Valeur')],
      r.historique.map(
        (p) =>
          html`<tr>
            <th scope="row">${formatPeriode(p.periode, c.locale)}</th>
            <td>${p.valeur === null ? msg('Non publié') : formatValeur(p.valeur, i.unite, c.locale)}</td>
          </tr>`,
      ),
      id,
      !ouvert,
    )}
  </div>`;
}

/** One line: the headline satisfaction figure (IND-27 when published, else the first satisfaction indicator). */
function compact(c: Contexte) {
  const r =
    c.resultats.find((x) => x.indicateur.code === 'IND-27') ??
    c.resultats.find((x) => x.indicateur.type === 'satisfaction') ??
    c.resultats[0];
  if (!r) return html`<p class="spp-message">${msg('Ce service n’a pas encore publié de résultats.')}</p>`;
  return html`<p class="spp-compact">
      ${
        r.valeur === null
          ? html`<span class="spp-valeur" part="valeur">${msg('Résultat non publié')}</span>`
          : html`<strong class="spp-valeur" part="valeur"
              >${formatValeur(r.valeur, r.indicateur.unite, c.locale)}</strong
            >`
      }
      <span class="spp-compact__libelle">${r.indicateur.libelle}</span>
      <span class="spp-compact__contexte"
        >(${formatPeriode(r.periode, c.locale)} · ${c.donnees.structure.intitule})</span
      >
      ${badge(r)}
    </p>
    ${avertissements(c, [c.donnees.structure, r])}`;
}
