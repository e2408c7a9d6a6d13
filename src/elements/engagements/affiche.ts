// disposition="affiche", loaded on demand: the A4 poster of the programme, with the
// bloc marque and the operator's logo at the top, the photo, the title, the 9 engagements
// in their pillars and the address where usagers give their avis.
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import * as imprimante from '~spp/dsfr/icon/business/printer-line';
import { heading } from '../../core/heading.js';
import { safeUrl } from '../../core/safe-url.js';
import { dsfrButton } from '../../core/styles/dsfr.js';
import type { Marque } from '../../core/spp-element.js';
import { adresseLisible, type Structure } from './donnees.js';
import { piliers, type Vue } from './rendu.js';
import afficheStyles from './affiche.styles.css';
import '../bloc-marque/spp-bloc-marque.js';

export const styles = [dsfrButton, afficheStyles];

export interface Affiche {
  /** Undefined while the list is loading. */
  vue?: Vue;
  niveau: number;
  marque?: Marque;
  ministere?: string;
  logoSrc?: string;
  logoAlt?: string;
  photoSrc?: string;
  photoAlt?: string;
  adresseAvis?: string;
  structure?: Structure;
  /** Content was given in the `logo` / `photo` slots. */
  logoInsere: boolean;
  photoInseree: boolean;
  slotChange: (event: Event) => void;
  imprimer: () => void;
  /** What stands in for the pillars while the list loads. */
  attente: unknown;
  /** The unofficial translation's notice, when it applies. */
  mention: unknown;
}

export function affiche(a: Affiche): TemplateResult {
  const marque = a.structure?.marque;
  const ministere = a.ministere?.trim() || marque?.ministere;
  const logoAttribut = safeUrl(a.logoSrc);
  const logo = logoAttribut ?? safeUrl(marque?.logoUrl);
  const logoAlt = logoAttribut ? (a.logoAlt ?? '') : (marque?.logoAlt ?? a.logoAlt ?? '');
  const photo = safeUrl(a.photoSrc);
  const adresse = safeUrl(a.adresseAvis) ?? safeUrl(location.origin + location.pathname);
  return html`<div class="spp-root spp-affiche">
    <p class="spp-actions">
      <button type="button" class="fr-btn fr-btn--secondary" part="bouton-imprimer" @click=${a.imprimer}>
        <svg class="spp-icon" viewBox=${imprimante.viewBox} aria-hidden="true" focusable="false">
          ${imprimante.content}
        </svg>
        ${msg("Imprimer l'affiche")}
      </button>
    </p>
    <div class="spp-cadre">
      <article class="spp-feuille" part="affiche">
        <header class="spp-entete">
          <spp-bloc-marque
            class="spp-bloc-marque"
            theme="light"
            marque=${a.marque ?? 'etat'}
            ministere=${ministere ?? nothing}
            lang="fr"
          ></spp-bloc-marque>
          <div class="spp-logo ${logo || a.logoInsere ? '' : 'spp-vide'}">
            <slot name="logo" @slotchange=${a.slotChange}
              >${logo ? html`<img src=${logo} alt=${logoAlt} />` : nothing}</slot
            >
          </div>
        </header>
        <div class="spp-photo ${photo || a.photoInseree ? '' : 'spp-vide'}">
          <slot name="photo" @slotchange=${a.slotChange}
            >${photo ? html`<img src=${photo} alt=${a.photoAlt ?? ''} />` : nothing}</slot
          >
        </div>
        ${heading(a.niveau, msg('Nos engagements Services Publics +'), 'spp-titre')}
        ${a.structure ? html`<p class="spp-structure">${a.structure.intitule}</p>` : nothing}
        <div class="spp-introduction"><slot name="introduction"></slot></div>
        ${a.vue ? piliers(a.vue, a.niveau + 1, { miseEnAvant: true, liens: false }) : a.attente}
        <footer class="spp-pied">
          ${
            adresse
              ? html`<p class="spp-avis">
                  ${msg('Donnez-nous votre avis :')} <a href=${adresse}>${adresseLisible(adresse)}</a>
                </p>`
              : nothing
          }
          ${a.mention}
          ${
            a.structure?.exemple && a.structure.mention
              ? html`<p class="spp-mention-exemple">${a.structure.mention}</p>`
              : nothing
          }
        </footer>
      </article>
    </div>
  </div>`;
}
