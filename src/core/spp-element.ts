import { LitElement, ReactiveElement, html, render, type CSSResultGroup, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { version } from '~spp/version';
import { subscribe, unsubscribe, type DocumentChangeListener } from './document-observer.js';
import { applyTheme, type ThemeSetting } from './theme.js';
import { isLocaleReady, loadLocale, resolveLocale, withLocale, SOURCE_LOCALE, type Locale } from './locale.js';
import { declareMarianne } from './document-setup.js';
import { registerRemUnit } from './rem-unit.js';
import { defineElement, type VersionedElement } from './define.js';
import { describeError, type SppErrorDetail } from './errors.js';
import { resolveApiBase } from './api/config.js';
import { inSlice } from './render-slices.js';
// Straight from its module, not through ./styles/dsfr.js: the build groups this file's
// imports into one chunk, and the other DSFR chunks must stay out of it.
import dsfrCore from '~spp/dsfr/core';
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
 * La base de tous les éléments spp-* : styles de base du DSFR et remise à zéro de l'hôte,
 * thème et deuil repris de la page, langue propre à chaque élément, marque de l'État ou
 * neutre, polices déclarées au niveau du document, `define()` protégé contre le double
 * chargement, événements typés, et une barrière qui garde toute défaillance dans l'élément.
 *
 * @attr {string} lang - La langue de l'élément (`fr`, `en`) ; sinon celle du `lang` le
 *   plus proche (un parent, `<html lang>`), sinon le français.
 * @cssprop [--spp-rem=1em] - L'unité dont dérivent toutes les tailles : par défaut la taille
 *   de police choisie par l'usager. Donner une taille de police à l'élément le met à l'échelle.
 * @event spp-error - Une défaillance dans l'élément (affichage, données). `detail` :
 *   `{ phase, message, error }`. L'élément montre une solution de repli ; rien n'est levé dans la page.
 */
export abstract class SppElement extends LitElement implements DocumentChangeListener {
  /** La version de la bibliothèque qui a défini cet élément. */
  static readonly version: string = version;

  static override styles: CSSResultGroup = [dsfrCore, hostStyles];

  /**
   * Enregistre l'élément sous le nom `tag`, une seule fois. Charger la bibliothèque deux
   * fois est sans danger : la même version est ignorée sans bruit, une autre version est
   * ignorée avec un avertissement par page, et rien n'est jamais levé.
   */
  static define(tag: string): void {
    defineElement(tag, this as unknown as VersionedElement);
  }

  /**
   * `light` ou `dark` impose le thème, `system` suit le réglage du système ; sans cet
   * attribut, l'élément suit le `<html data-fr-theme>` d'une page DSFR, sinon le thème clair.
   */
  @property({ reflect: true }) theme?: ThemeSetting;

  /**
   * `etat` (par défaut) : la marque de l'État, avec la police Marianne et le bloc marque.
   * `neutre` : pour les collectivités et les autres sites hors État — polices du système,
   * sans bloc marque, couleurs neutres.
   * @default 'etat'
   */
  @property({ reflect: true }) marque?: Marque;

  /**
   * L'API de la plateforme : l'URL qui précède `/v1/` (par ex. `https://www.example.gouv.fr/api`).
   * Par défaut, le réglage de la page (`data-api-base` du script de chargement ou
   * `configure()`) ; sans aucun, l'élément se replie sur sa source publique. En https:
   * seulement (ou http://localhost).
   */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /**
   * The platform this element talks to (`api-base`, else the page's setting), or none:
   * kept current, so a `configure()` after the element is shown reaches it too.
   */
  @state() protected platformBase?: string;

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

  /** The page's theme, mourning, a `lang` or its settings changed: re-resolve ours. */
  documentChanged(): void {
    applyTheme(this, this.theme);
    this.platformBase = resolveApiBase(this.apiBase);
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
    if (changed.has('apiBase')) this.platformBase = resolveApiBase(this.apiBase);
    if (changed.has('marque') && this.marque !== 'neutre' && this.isConnected) declareMarianne();
  }

  /**
   * Many elements updating at once share the main thread in slices (core/render-slices.ts).
   * Not the first render: it is the small loading box, and it must be there in the frame
   * where the element is defined, when the loader's reservation stops applying.
   */
  protected override scheduleUpdate(): ReturnType<LitElement['scheduleUpdate']> {
    return this.hasUpdated ? inSlice(() => super.scheduleUpdate()) : super.scheduleUpdate();
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
    // The content says its own language: on a page in a language we do not have (lang="ar"),
    // the French fallback must not be read out as Arabic (RGAA 8.7).
    for (const child of this.renderRoot.children) {
      if (child.getAttribute('lang') !== this.locale) child.setAttribute('lang', this.locale);
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
