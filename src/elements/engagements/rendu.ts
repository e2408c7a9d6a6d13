// Templates shared by every disposition: an engagement's pictogram, number and title, and
// the pillars with their engagements (grille, liste and the poster).
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { heading } from '../../core/heading.js';
import { safeUrl } from '../../core/safe-url.js';
import { parPilier, segments, type Engagement, type ListeEngagements, type Pilier } from './donnees.js';
import type { Pictogramme } from './pictogrammes.js';

/** What the templates need to know, computed once per render by the element. */
export interface Vue {
  /** The list to show, its titles translated when `traduit`. */
  liste: ListeEngagements;
  /** The titles are the unofficial English translation. */
  traduit: boolean;
  /** `engagements="…"`: the numbers chosen, if any. */
  choisis?: ReadonlySet<number>;
  /** The element's language. */
  locale: string;
  /** The pictograms, once loaded (their place is reserved before). */
  dessins?: Readonly<Record<number, Pictogramme>>;
}

/** `lang="fr"` on French text shown in an element of another language. */
export const langFr = (vue: Vue, francais = true) => (francais && vue.locale !== 'fr' ? 'fr' : nothing);

export function pictogramme(vue: Vue, numero: number) {
  const dessin = vue.dessins?.[numero];
  return html`<svg
    class="spp-pictogramme fr-artwork"
    part="pictogramme"
    viewBox=${dessin?.viewBox ?? '0 0 80 80'}
    aria-hidden="true"
    focusable="false"
  >
    ${dessin?.content ?? nothing}
  </svg>`;
}

export function numero(n: number) {
  return html`<span class="spp-numero"><span class="fr-sr-only">${msg('Engagement')} </span>${n}</span>`;
}

/** The title, its key words in <strong> as in the official material. */
export function titre(vue: Vue, e: Engagement) {
  return html`<span class="spp-titre-engagement" lang=${langFr(vue, !vue.traduit)}
    >${segments(e.titre, e.motsCles).map((s) => (s.cle ? html`<strong>${s.texte}</strong>` : s.texte))}</span
  >`;
}

export function titrePilier(vue: Vue, pilier: Pilier, niveau: number) {
  return heading(niveau, html`<span lang=${langFr(vue, !vue.traduit)}>${pilier.titre}</span>`, 'spp-pilier__titre');
}

/**
 * The pillars and their engagements. `miseEnAvant`: every engagement is shown and the
 * chosen ones are highlighted (grille, affiche); otherwise only the chosen ones are shown.
 */
export function piliers(vue: Vue, niveau: number, { miseEnAvant, liens }: { miseEnAvant: boolean; liens: boolean }) {
  const { choisis } = vue;
  const groupes = parPilier(vue.liste, (e) => miseEnAvant || !choisis || choisis.has(e.numero));
  return html`<div class="spp-piliers">
    ${groupes.map(
      ({ pilier, engagements }) =>
        html`<div class="spp-pilier spp-pilier--${pilier.id}" part="pilier">
          ${titrePilier(vue, pilier, niveau)}
          <ul class="spp-engagements fr-raw-list">
            ${engagements.map((e) => {
              const enAvant = miseEnAvant && !!choisis?.has(e.numero);
              const lien = liens ? safeUrl(e.url) : undefined;
              return html`<li
                class="spp-engagement ${enAvant ? 'spp-engagement--en-avant' : ''}"
                part=${enAvant ? 'engagement mis-en-avant' : 'engagement'}
              >
                ${pictogramme(vue, e.numero)}
                <p class="spp-engagement__texte">
                  ${numero(e.numero)} ${lien ? html`<a href=${lien}>${titre(vue, e)}</a>` : titre(vue, e)}
                </p>
                ${enAvant ? html`<p class="spp-en-avant">${msg('Mis en avant')}</p>` : nothing}
              </li>`;
            })}
          </ul>
        </div>`,
    )}
  </div>`;
}
