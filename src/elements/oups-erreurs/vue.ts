// How <spp-oups-erreurs> shows the errors once they are there: search box, événement tags
// and DSFR accordions. Loaded on demand, in parallel with the data (the element has
// nothing else to show before the data comes), so the element itself stays small.
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { content as fleche, viewBox as flecheBox } from '~spp/dsfr/icon/arrows/arrow-down-s-line';
import { content as coche, viewBox as cocheBox } from '~spp/dsfr/icon/system/checkbox-circle-line';
import { heading } from '../../core/heading.js';
import { safeUrl } from '../../core/safe-url.js';
import { dsfrAccordion, dsfrForm, dsfrTag } from '../../core/styles/dsfr.js';
import type { Erreur, Evenement, Selection } from './types.js';
import vueStyles from './vue.styles.css';
import { dateFormat } from '../../core/intl.js';

export { filtrer } from './recherche.js';
export { warmIntl } from '../../core/intl.js';

/** Adopted by the element when this module arrives. */
export const styles = [dsfrAccordion, dsfrTag, dsfrForm, vueStyles];

export interface Compte {
  total: number;
  affichees: number;
}

/** What the element gives the view to draw, and its handlers. */
export interface Contexte {
  evenements: Evenement[];
  erreurs: Erreur[];
  selection: Selection;
  /** How many of `selection.resultats` are shown. */
  affichees: number;
  ouvertes: ReadonlySet<string>;
  /** The page is printing: every panel is drawn (the print styles open them all). */
  impression: boolean;
  saisie: string;
  recherche: boolean;
  /** The element's heading level: errors are one below, their sections two. */
  niveau: number;
  /** When the (stale) cached data shown was fetched. */
  donneesDu?: number;
  /** The count the live region says (it follows the list after a pause). */
  annonce: Compte;
  locale: string;
  saisir(event: Event): void;
  choisir(id: string): void;
  basculer(erreur: Erreur): void;
  voirPlus(): void;
  effacer(): void;
}

function date(value: string | number, locale: string, options: Intl.DateTimeFormatOptions): string {
  try {
    const d = typeof value === 'number' ? new Date(value) : new Date(`${value}T00:00:00`);
    return dateFormat(locale, options).format(d);
  } catch {
    return String(value);
  }
}

export function liste(c: Contexte): TemplateResult {
  const { selection } = c;
  const visibles = selection.resultats.slice(0, c.affichees);
  // The API's texts are French: say so to screen readers when the interface is not.
  const lang = c.locale === 'fr' ? nothing : 'fr';
  const mention = [...c.erreurs, ...c.evenements].find((d) => d.exemple && d.mention)?.mention;
  const filtre = Boolean(c.saisie.trim() || selection.choisi);
  const enregistre = c.donneesDu && date(c.donneesDu, c.locale, { dateStyle: 'long', timeStyle: 'short' });
  return html`${mention ? html`<p class="spp-mention" lang=${lang}>${mention}</p>` : nothing}
    ${
      enregistre
        ? html`<p class="spp-date">
            ${msg(str`Informations enregistrées le ${enregistre} : elles n’ont pas pu être mises à jour pour le moment.`)}
          </p>`
        : nothing
    }
    <div class="spp-filtres" part="filtres">
      ${
        c.recherche
          ? html`<div class="fr-input-group spp-recherche">
              <label class="fr-label" for="recherche"
                >${msg('Rechercher une erreur')}
                <span class="fr-hint-text">${msg('Par exemple : déménagement, Caf, impôts')}</span>
              </label>
              <input
                class="fr-input"
                id="recherche"
                type="search"
                autocomplete="off"
                .value=${c.saisie}
                @input=${c.saisir}
              />
            </div>`
          : nothing
      }
      ${selection.evenements.length > 1 ? evenements(c, lang) : nothing}
    </div>
    <p class="spp-compte" part="compte" role="status">${texteCompte(c.annonce)}</p>
    ${
      visibles.length
        ? html`<div class="fr-accordions-group" part="erreurs">${visibles.map((e) => erreur(c, e, lang))}</div>`
        : vide(c, filtre)
    }
    ${
      visibles.length < selection.resultats.length
        ? html`<p class="spp-plus">
            <button class="fr-btn fr-btn--secondary" type="button" @click=${c.voirPlus}>
              ${msg('Voir plus d’erreurs')}
            </button>
          </p>`
        : nothing
    }`;
}

function texteCompte({ total, affichees }: Compte): string {
  if (affichees < total) return msg(str`${total} erreurs, dont ${affichees} affichées`);
  if (total === 0) return msg('Aucune erreur');
  return total === 1 ? msg('1 erreur') : msg(str`${total} erreurs`);
}

function evenements(c: Contexte, lang: string | typeof nothing) {
  const { selection } = c;
  const titres = { particulier: msg('Particuliers'), professionnel: msg('Professionnels') };
  const groupes = (['particulier', 'professionnel'] as const)
    .map((pub) => ({ pub, evenements: selection.evenements.filter((ev) => ev.public === pub) }))
    .filter((groupe) => groupe.evenements.length);
  const nommer = groupes.length > 1;
  return html`<div class="spp-evenements" role="group" aria-labelledby="evenements">
    <p class="spp-label" id="evenements">${msg('Filtrer par événement de vie')}</p>
    ${groupes.map(
      ({ pub, evenements }) =>
        html`${nommer ? html`<p class="spp-public" id="public-${pub}">${titres[pub]}</p>` : nothing}
          <ul class="fr-tags-group" aria-labelledby=${nommer ? `public-${pub}` : nothing}>
            ${evenements.map((ev) => {
              const choisi = ev.id === selection.choisi;
              const nombre = selection.trouvees.filter((e) => e.evenement === ev.id).length;
              return html`<li>
                <button
                  class="fr-tag"
                  type="button"
                  aria-pressed=${choisi ? 'true' : 'false'}
                  @click=${() => c.choisir(ev.id)}
                >
                  <span lang=${lang}>${ev.libelle}</span>&nbsp;(${nombre})${
                    choisi
                      ? html`<svg class="spp-coche" viewBox=${cocheBox} aria-hidden="true" focusable="false">
                          ${coche}
                        </svg>`
                      : nothing
                  }
                </button>
              </li>`;
            })}
          </ul>`,
    )}
  </div>`;
}

function erreur(c: Contexte, e: Erreur, lang: string | typeof nothing) {
  const ouverte = c.ouvertes.has(e.id);
  return html`<section class="fr-accordion" id="erreur-${e.id}" part="erreur">
    ${heading(
      c.niveau + 1,
      html`<button
        class="fr-accordion__btn"
        type="button"
        aria-expanded=${ouverte ? 'true' : 'false'}
        aria-controls="panneau-${e.id}"
        @click=${() => c.basculer(e)}
      >
        <span lang=${lang}>${e.titre}</span>
        <svg class="spp-icon spp-fleche" viewBox=${flecheBox} aria-hidden="true" focusable="false">${fleche}</svg>
      </button>`,
      'fr-accordion__title',
    )}
    <div class="fr-collapse ${ouverte ? 'fr-collapse--expanded' : ''}" id="panneau-${e.id}">
      ${ouverte || c.impression ? panneau(c, e, lang) : nothing}
    </div>
  </section>`;
}

/**
 * What an open error says. Closed panels stay empty: 36 errors on 7 elements would be
 * thousands of nodes nobody sees, built and laid out in long tasks (bench: « 50 éléments »).
 */
function panneau(c: Contexte, e: Erreur, lang: string | typeof nothing) {
  const sousNiveau = c.niveau + 2;
  const miseAJour = date(e.miseAJour, c.locale, { dateStyle: 'long' });
  return html`<p lang=${lang}>${e.description}</p>
    ${
      e.conseils.length
        ? html`${heading(sousNiveau, msg('Nos conseils'), 'spp-sous-titre')}
            <ul lang=${lang}>
              ${e.conseils.map((conseil) => html`<li>${conseil}</li>`)}
            </ul>`
        : nothing
    }
    ${liens(
      msg('Administrations concernées'),
      e.administrations.map((a) => [a.nom, a.url]),
      sousNiveau,
      lang,
    )}
    ${liens(
      msg('En savoir plus'),
      e.liens.map((l) => [l.titre, l.url]),
      sousNiveau,
      lang,
    )}
    <p class="spp-maj">${msg(str`Mis à jour le ${miseAJour}`)}</p>`;
}

function liens(titre: string, items: [string, string][], niveau: number, lang: string | typeof nothing) {
  if (!items.length) return nothing;
  return html`${heading(niveau, titre, 'spp-sous-titre')}
    <ul class="spp-liens" lang=${lang}>
      ${items.map(([texte, url]) => {
        const href = safeUrl(url);
        return html`<li>${href ? html`<a href=${href}>${texte}</a>` : texte}</li>`;
      })}
    </ul>`;
}

function vide(c: Contexte, filtre: boolean) {
  return html`<div class="spp-vide" part="vide">
    ${
      filtre
        ? html`<p><strong>${msg('Aucune erreur ne correspond à votre recherche.')}</strong></p>
            <p>${msg('Vérifiez l’orthographe, essayez d’autres mots ou effacez les filtres.')}</p>
            <button class="fr-btn fr-btn--secondary" type="button" @click=${c.effacer}>
              ${msg('Effacer les filtres')}
            </button>`
        : html`<p>${msg('Aucune erreur fréquente n’est répertoriée ici pour le moment.')}</p>`
    }
  </div>`;
}
