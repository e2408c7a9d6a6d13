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
 * The DSFR bloc marque: the Marianne, the official title (« République française » or the
 * ministry's, on several lines) and the devise, with an optional operator logo and an
 * optional link. With `marque="neutre"` it renders nothing.
 *
 * @tagname spp-bloc-marque
 * @summary The State's bloc marque, with an optional operator logo.
 * @csspart bloc - The bloc marque (Marianne, title, devise).
 * @csspart operateur - The operator logo image.
 * @csspart lien - The link around the bloc marque, when `lien` is set.
 */
export class SppBlocMarque extends SppElement {
  static override styles = [SppElement.styles, dsfrLogo, styles];

  /** The official title, lines separated by line breaks; « République française » when empty. */
  @property() ministere?: string;

  /** The operator's logo (http(s) or page-relative URL; anything else is ignored). */
  @property({ attribute: 'logo-src' }) logoSrc?: string;

  /** The operator logo's text alternative: the operator's name. */
  @property({ attribute: 'logo-alt' }) logoAlt?: string;

  /** Makes the bloc marque a link (usually to the site's home page). */
  @property() lien?: string;

  /** `sm`, `md` (default) or `lg`, as DSFR's `fr-logo--sm` / `fr-logo--lg`. */
  @property() taille: 'sm' | 'md' | 'lg' = 'md';

  private lines(): string[] {
    const lines = intituleLines(this.ministere);
    // The bloc marque is the State's official mark: it is never translated.
    return lines.length ? lines : ['République', 'française'];
  }

  private renderBloc() {
    const lines = this.lines();
    const size = this.taille === 'sm' || this.taille === 'lg' ? `fr-logo--${this.taille}` : '';
    return html`<p class="fr-logo ${size}" part="bloc">
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
