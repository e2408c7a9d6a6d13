import { LitElement, ReactiveElement, html, render, type CSSResultGroup, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { version } from '~spp/version';
import { subscribe, unsubscribe, type DocumentChangeListener } from './document-observer.js';
import { applyTheme, type ThemeSetting } from './theme.js';
import { isLocaleReady, loadLocale, resolveLocale, withLocale, SOURCE_LOCALE, type Locale } from './localization.js';
import { declareMarianne, registerRemUnit } from './document-setup.js';
import { defineElement, type VersionedElement } from './define.js';
import { describeError, type SppErrorDetail } from './errors.js';
import { dsfrCore } from './styles/dsfr.js';
import hostStyles from './styles/host.styles.css';

declare global {
  /**
   * The events of spp-* elements and their `detail`. Each element adds its own, which
   * types both `emit()` and `addEventListener('spp-…')`.
   */
  interface SppEventMap {
    'spp-error': SppErrorDetail;
  }
  interface GlobalEventHandlersEventMap {
    'spp-error': CustomEvent<SppErrorDetail>;
  }
}

export type Marque = 'etat' | 'neutre';

/**
 * The base of every spp-* element: DSFR core styles and the host reset, theme and
 * mourning mirrored from the page, per-element language, the State / neutral brand,
 * document-level fonts, a guarded `define()`, typed events, and an error boundary that
 * keeps every failure inside the element.
 *
 * @cssprop --spp-rem - The unit every size derives from; defaults to the user's
 *   default font size. Set a font-size on the element to scale it.
 * @event spp-error - Something failed inside the element (rendering, data). The element
 *   shows a fallback; nothing is thrown into the page.
 */
export abstract class SppElement extends LitElement implements DocumentChangeListener {
  /** The library version that defined this element. */
  static readonly version: string = version;

  static override styles: CSSResultGroup = [dsfrCore, hostStyles];

  /**
   * Registers the element under `tag`, once. Loading the library twice is harmless: the
   * same version is silently ignored, another version is ignored with one warning per
   * page, and nothing ever throws.
   */
  static define(tag: string): void {
    defineElement(tag, this as unknown as VersionedElement);
  }

  /**
   * `light` or `dark` forces the theme, `system` follows the operating system; without it
   * the element follows a DSFR page's `<html data-fr-theme>`, else light.
   */
  @property({ reflect: true }) theme?: ThemeSetting;

  /**
   * `etat` (default): the State's brand, with Marianne and the bloc marque. `neutre`: for
   * collectivités and other non-State sites — system fonts, no bloc marque, neutral colours.
   */
  @property({ reflect: true }) marque?: Marque;

  /**
   * The platform API: the URL that precedes `/v1/` (e.g. `https://www.example.gouv.fr/api`).
   * Defaults to the page's setting (the loader's `data-api-base` or `configure()`); without
   * any, the element uses its public fallback. Only https: (or http://localhost).
   */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The language this element renders in, from `lang` (see core/localization.ts). */
  @state() protected locale: Locale = SOURCE_LOCALE;

  override connectedCallback(): void {
    super.connectedCallback();
    try {
      registerRemUnit();
      if (this.marque !== 'neutre') declareMarianne();
      subscribe(this);
      this.documentChanged();
    } catch (error) {
      this.reportError('connect', error);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unsubscribe(this);
  }

  /** The page's theme, mourning or a `lang` changed: re-resolve ours. */
  documentChanged(): void {
    applyTheme(this, this.theme);
    const locale = resolveLocale(this);
    if (locale === this.locale) return;
    if (isLocaleReady(locale)) {
      this.locale = locale;
      return;
    }
    loadLocale(locale).then(
      () => {
        if (resolveLocale(this) === locale) this.locale = locale;
      },
      (error: unknown) => this.reportError('locale', error),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('theme')) applyTheme(this, this.theme);
    if (changed.has('marque') && this.marque !== 'neutre' && this.isConnected) declareMarianne();
  }

  /** Renders in this element's language, and turns any rendering error into a fallback. */
  protected override update(changed: PropertyValues<this>): void {
    try {
      withLocale(this.locale, () => super.update(changed));
    } catch (error) {
      this.reportError('render', error);
      render(
        withLocale(this.locale, () => this.renderFailure()),
        this.renderRoot,
        this.renderOptions,
      );
      // Finish Lit's bookkeeping so the next change renders normally again.
      (ReactiveElement.prototype as unknown as { update(c: PropertyValues): void }).update.call(this, changed);
    }
  }

  /** Shown in place of the content when rendering failed. */
  protected renderFailure(): unknown {
    return html`<p class="spp-root spp-failure">${msg('Ce contenu ne peut pas être affiché pour le moment.')}</p>`;
  }

  /** Dispatches a typed `spp-*` event that bubbles out of the shadow root. */
  protected emit<K extends keyof SppEventMap>(
    name: K,
    detail: SppEventMap[K],
    { cancelable = false }: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable, detail }));
  }

  /** Reports a failure with `spp-error` and a console warning; never throws. */
  protected reportError(phase: string, error: unknown): void {
    const message = describeError(error);
    console.warn(`[spp-widgets] <${this.localName}> ${phase}: ${message}`);
    this.emit('spp-error', { phase, message, error });
  }
}
