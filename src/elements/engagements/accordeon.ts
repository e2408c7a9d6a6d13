// disposition="accordeon", loaded on demand: each engagement is a DSFR accordion (a
// native button with aria-expanded / aria-controls, so Enter and Space toggle it and focus
// stays on it) that opens on its detailed commitments, as nested lists, with their notes.
// Closed panels are `hidden="until-found"`: the browser's find-in-page still reaches their
// text and opens them (`beforematch`); without DSFR's JS, its collapse animation is off.
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import * as fleche from '~spp/dsfr/icon/arrows/arrow-down-s-line';
import { heading } from '../../core/heading.js';
import { dsfrAccordion } from '../../core/styles/dsfr.js';
import { parPilier, type PointEngagement } from './donnees.js';
import { langFr, numero, pictogramme, titre, titrePilier, type Vue } from './rendu.js';
import accordeonStyles from './accordeon.styles.css';

export const styles = [dsfrAccordion, accordeonStyles];

/** Nested lists deeper than this are shown flat (the official text has 2 levels). */
const PROFONDEUR_MAX = 6;

export function accordeon(
  vue: Vue,
  niveau: number,
  ouverts: ReadonlySet<number>,
  basculer: (numero: number) => void,
): TemplateResult {
  const { choisis } = vue;
  const groupes = parPilier(vue.liste, (e) => !choisis || choisis.has(e.numero));
  return html`<div class="spp-piliers">
    ${groupes.map(
      ({ pilier, engagements }) =>
        html`<div class="spp-pilier spp-pilier--${pilier.id}" part="pilier">
          ${titrePilier(vue, pilier, niveau)}
          <div class="fr-accordions-group">
            ${engagements.map((e) => {
              const ouvert = ouverts.has(e.numero);
              const id = `spp-details-${e.numero}`;
              const bouton = html`<button
                type="button"
                class="fr-accordion__btn"
                aria-expanded=${ouvert ? 'true' : 'false'}
                aria-controls=${id}
                @click=${() => basculer(e.numero)}
              >
                ${pictogramme(vue, e.numero)}
                <span class="spp-engagement__texte">${numero(e.numero)} ${titre(vue, e)}</span>
                <svg class="spp-icon spp-fleche" viewBox=${fleche.viewBox} aria-hidden="true" focusable="false">
                  ${fleche.content}
                </svg>
              </button>`;
              return html`<section class="fr-accordion spp-engagement" part="engagement">
                ${heading(niveau + 1, bouton, 'fr-accordion__title')}
                <div
                  class="fr-collapse ${ouvert ? 'fr-collapse--expanded' : ''}"
                  id=${id}
                  hidden=${ouvert ? nothing : 'until-found'}
                  @beforematch=${() => basculer(e.numero)}
                >
                  ${e.details.map(
                    (d) =>
                      html`<div class="spp-detail" lang=${langFr(vue)}>
                        ${heading(niveau + 2, d.titre, 'spp-detail__titre')} ${points(d.points, 0)}
                        ${
                          d.notes?.length
                            ? html`<div class="spp-notes" lang=${vue.locale}>
                                <p class="spp-notes__titre">${msg('Notes')}</p>
                                <ol lang=${langFr(vue)}>
                                  ${d.notes.map((note) => html`<li>${note}</li>`)}
                                </ol>
                              </div>`
                            : nothing
                        }
                      </div>`,
                  )}
                </div>
              </section>`;
            })}
          </div>
        </div>`,
    )}
  </div>`;
}

function points(liste: readonly PointEngagement[], profondeur: number): TemplateResult {
  return html`<ul class="spp-points">
    ${liste.map((p) =>
      typeof p === 'string'
        ? html`<li>${p}</li>`
        : html`<li>
            ${p.texte}
            ${profondeur < PROFONDEUR_MAX ? points(p.points, profondeur + 1) : p.points.map((q) => ` ${texte(q)}`)}
          </li>`,
    )}
  </ul>`;
}

const texte = (p: PointEngagement): string =>
  typeof p === 'string' ? p : `${p.texte} ${p.points.map(texte).join(' ')}`;
