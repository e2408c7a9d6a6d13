import { html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { devise, marianne } from '~spp/dsfr/artwork';
import { SppElement } from '../../core/spp-element.js';
import { safeUrl } from '../../core/safe-url.js';
import { dsfrLogo } from '../../core/styles/dsfr.js';
import styles from './spp-bloc-marque.styles.css';

/** `Ministère\nde l'Intérieur` (real line breaks or a typed `\n`) → its lines. */
export function intituleLines(value: string | undefined): string[] {
  return (value ?? '')
    .split(/\r?\n|\\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * Le bloc marque du DSFR : la Marianne, l'intitulé officiel (« République française » ou
 * celui du ministère, sur plusieurs lignes) et la devise, avec si besoin le logo d'un
 * opérateur et un lien. Avec `marque="neutre"`, il n'affiche rien.
 *
 * @tagname spp-bloc-marque
 * @summary Le bloc marque de l'État, avec le logo d'un opérateur si besoin.
 * @csspart bloc - Le bloc marque (Marianne, intitulé, devise).
 * @csspart operateur - L'image du logo de l'opérateur.
 * @csspart lien - Le lien autour du bloc marque, quand `lien` est renseigné.
 */
export class SppBlocMarque extends SppElement {
  static override styles = [SppElement.styles, dsfrLogo, styles];

  /**
   * L'intitulé officiel, lignes séparées par des retours à la ligne (ou `\n`) ;
   * « République française » s'il est vide.
   */
  @property() ministere?: string;

  /** Le logo de l'opérateur (URL http(s) ou relative à la page ; toute autre est ignorée). */
  @property({ attribute: 'logo-src' }) logoSrc?: string;

  /** L'alternative textuelle du logo de l'opérateur : son nom. */
  @property({ attribute: 'logo-alt' }) logoAlt?: string;

  /** Fait du bloc marque un lien (en général vers l'accueil du site). */
  @property() lien?: string;

  /** `sm`, `md` (par défaut) ou `lg`, comme `fr-logo--sm` / `fr-logo--lg` du DSFR. */
  @property() taille: 'sm' | 'md' | 'lg' = 'md';

  private lines(): string[] {
    const lines = intituleLines(this.ministere);
    // The bloc marque is the State's official mark: it is never translated.
    return lines.length ? lines : ['République', 'française'];
  }

  private renderBloc() {
    const lines = this.lines();
    const size = this.taille === 'sm' || this.taille === 'lg' ? `fr-logo--${this.taille}` : '';
    // French whatever the element's language: screen readers must not read it as English (RGAA 8.7).
    return html`<p class="fr-logo ${size}" part="bloc" lang="fr">
      <svg class="spp-marianne" viewBox="0 0 44 16" aria-hidden="true" focusable="false">
        ${svg`<rect class="spp-marianne__bleu" width="22" height="16"></rect>
          <rect class="spp-marianne__rouge" x="22" width="22" height="16"></rect>`}${marianne}
      </svg>
      ${lines.map((line, i) => html`${i > 0 ? html`<br />` : nothing}${line}`)}
      <svg class="spp-devise" viewBox="0 0 126 90" aria-hidden="true" focusable="false">${devise}</svg>
    </p>`;
  }

  override render() {
    if (this.marque === 'neutre') return nothing;
    const href = safeUrl(this.lien);
    const logo = safeUrl(this.logoSrc);
    const title = this.lines().join(' ');
    const bloc = href
      ? html`<a
          class="spp-lien"
          part="lien"
          href=${href}
          title=${msg('Accueil')}
          aria-label=${`${msg('Accueil')} – ${title}`}
          >${this.renderBloc()}</a
        >`
      : this.renderBloc();
    return html`<div class="spp-root spp-bloc-marque">
      ${bloc}
      ${logo ? html`<img class="spp-operateur" part="operateur" src=${logo} alt=${this.logoAlt ?? ''} />` : nothing}
    </div>`;
  }
}

SppBlocMarque.define('spp-bloc-marque');

declare global {
  interface HTMLElementTagNameMap {
    'spp-bloc-marque': SppBlocMarque;
  }
}
