// The « Je donne mon avis » button. Most pages only ever show this button, so it is written
// without Lit and loads next to nothing: a plain element with an open shadow root and one
// small sheet of its own. The questionnaire (Lit, DSFR) loads on demand: prefetched on
// hover, focus and idle time, opened on click. French needs no localisation runtime; other
// languages load it first (the button's box is reserved meanwhile).
import type { msg as Msg } from '@lit/localize';
import { version } from '~spp/version';
import { defineElement } from '../../core/define.js';
import { subscribe, unsubscribe, type DocumentChangeListener } from '../../core/document-observer.js';
import { declareMarianne } from '../../core/document-setup.js';
import { applyTheme } from '../../core/theme.js';
import { resolveApiBase } from '../../core/api/config.js';
import { safeUrl } from '../../core/safe-url.js';
import type { SppErrorDetail } from '../../core/errors.js';
import { buttonSheet } from './spp-je-donne-mon-avis.css.js';
import type { SppAvisQuestionnaire } from './spp-avis-questionnaire.js';

type QuestionnaireModule = typeof import('./spp-avis-questionnaire.js');
type Localization = typeof import('../../core/localization.js');

const DEMARCHE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const TAG = 'spp-je-donne-mon-avis';

let questionnaireModule: Promise<QuestionnaireModule> | undefined;

/** The questionnaire's code, loaded once per page (a failed load can be tried again). */
function loadQuestionnaire(): Promise<QuestionnaireModule> {
  return (questionnaireModule ??= import('./spp-avis-questionnaire.js').catch((error: unknown) => {
    questionnaireModule = undefined;
    throw error;
  }));
}

let localization: Localization | undefined;
/**
 * French is the source language: its texts need no localisation runtime, so `msg()` is the
 * identity until a page in another language loads @lit/localize and its translations.
 */
let msg = ((text: string) => text) as typeof Msg;
let announced = false;
let outboxChecked = false;

/**
 * Avis a previous page could not send wait in localStorage: load the outbox, which sends
 * them at once. Pages with nothing pending never load it.
 */
function flushPendingAvis(): void {
  if (outboxChecked) return;
  outboxChecked = true;
  try {
    const saved = JSON.parse(localStorage.getItem('spp-widgets:outbox:v1') ?? '{}') as { queue?: unknown[] };
    if (!saved.queue?.length) return;
  } catch {
    return;
  }
  import('../../core/api/outbox.js').then(
    ({ outbox }) => void outbox(),
    () => undefined,
  );
}

/** The language asked for: the element's `lang`, else the closest one, else French. */
function langOf(element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host) {
    const lang = node.getAttribute('lang');
    if (lang) return lang.trim().toLowerCase().slice(0, 2);
  }
  return 'fr';
}

/** Our own drawings: a speech bubble, and an arrow out of a box (new window). */
const ICONS = ['M4 5h16v11H9l-4 3.5V16H4zM8 9h8m-8 3.5h5', 'M14 4h6v6m0-6-8.5 8.5M18 13.5V20H4V6h6.5'];

function icon(d: string): Element {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  const set = (node: Element, attributes: string) => {
    for (const pair of attributes.split(';')) node.setAttribute(...(pair.split('=') as [string, string]));
  };
  set(svg, 'class=spp-icone;viewBox=0 0 24 24;aria-hidden=true');
  set(path, `d=${d};fill=none;stroke=currentColor;stroke-width=2;stroke-linecap=round;stroke-linejoin=round`);
  svg.append(path);
  return svg;
}

function element(tag: string, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const name in attributes) node.setAttribute(name, attributes[name]);
  node.append(...children);
  return node;
}

/**
 * The « Je donne mon avis » button of Services Publics +: one click opens a short DSFR
 * questionnaire (JDMA's « root » questions) whose answers go to the platform, saved from the
 * first smiley and never lost offline. Also inline in the page, or a plain link to a JDMA form.
 *
 * Without any platform configured (no `api-base`, no page setting), `modal` and `inline`
 * behave as `lien` (the JDMA form in a new window), and the console says so once.
 *
 * @tagname spp-je-donne-mon-avis
 * @summary The « Je donne mon avis » button and its questionnaire.
 *
 * @attr {string} demarche - Required: the démarche (service) the avis is about, as registered on
 *   the platform or JDMA (1–64 letters, digits, `.`, `_`, `-`).
 * @attr {string} formulaire - The questionnaire (default `root`, JDMA's « Évaluation de la satisfaction usager »).
 * @attr {string} bouton - The placement id, so a site can tell its buttons apart in the statistics.
 * @attr {'modal'|'inline'|'lien'} mode - `modal` (default): the button opens a dialog. `inline`: the
 *   first question sits in the page, the next ones unfold in place. `lien`: a link to the form in a new window.
 * @attr {'jdma'|'remarque'|'retour'|'probleme'} libelle - « Je donne mon avis » (default), « Une remarque ? »,
 *   « Faire un retour », « Signaler un problème ».
 * @attr {'solid'|'outline'|'ghost'} variante - The button's style (default `solid`).
 * @attr {string} lien-formulaire - `lien` mode: the form's URL (http(s) only). Default:
 *   `https://jedonnemonavis.numerique.gouv.fr/Demarches/{demarche}?button={bouton}`.
 * @attr {string} ministere - The ministry's title, for a bloc marque in the dialog header (lines separated by `\n`).
 * @attr {string} logo-src - An operator logo for the dialog header (http(s) URL).
 * @attr {string} logo-alt - The operator logo's text alternative.
 * @attr {string} afficher - Questions hidden by default to show, space-separated (e.g. `contact_email`).
 * @attr {number} niveau-titre - `inline` mode: the level of the questionnaire's heading (2–6, default 2).
 * @attr {'light'|'dark'|'system'} theme - Forces the theme; else follows a DSFR page's `data-fr-theme`.
 * @attr {'etat'|'neutre'} marque - `neutre` for non-State sites: no Marianne, no bloc marque, neutral colours.
 * @attr {string} api-base - The platform API (the URL before `/v1/`); else the page's setting.
 * @attr {string} lang - The language (`fr`, `en`); else the closest `lang`, else French.
 *
 * @csspart bouton - The button (the link, in `lien` mode).
 * @csspart erreur - The message shown in place of the button when `demarche` is missing or invalid.
 * @csspart dialog - The questionnaire's `<dialog>` (`modal` mode).
 * @csspart questionnaire - The questionnaire's box (in the dialog, or in the page in `inline` mode).
 * @csspart fermer - The dialog's close button.
 *
 * @event spp-open - The dialog opened. `detail: { mode }`.
 * @event spp-close - The dialog closed. `detail: { etape, termine }`: the step shown, and whether
 *   the questionnaire was finished.
 * @event spp-step - A step's answers were saved. `detail: { etape, reponses, envoi }`: `envoi` is `sent`
 *   (the platform has them), `queued` (kept on this device, sent as soon as possible) or `failed` (refused).
 * @event spp-complete - The usager finished the questionnaire. `detail: { avis, envoi }`.
 * @event spp-error - Something failed (loading the questionnaire, the platform refused an avis…).
 *   `detail: { phase, message, error }`. Nothing is ever thrown into the page.
 *
 * @cssprop --spp-couleur - The button's colour (DSFR blue France; grey with `marque="neutre"`), with
 *   `--spp-couleur-survol` and `--spp-couleur-actif` for hover and press.
 * @cssprop --spp-texte - The text colour of the `solid` button.
 * @cssprop --spp-fond-survol - The background of the `outline` and `ghost` buttons on hover (`--spp-fond-actif` pressed).
 */
export class SppJeDonneMonAvis extends HTMLElement implements DocumentChangeListener {
  /** The library version that defined this element. */
  static readonly version: string = version;

  static readonly observedAttributes = [
    'demarche',
    'bouton',
    'api-base',
    'mode',
    'libelle',
    'variante',
    'lien-formulaire',
    'theme',
    'lang',
  ];

  private control?: Element;
  private reported?: string;

  /** Opens the questionnaire, as a click on the button does (`modal` mode only). */
  async open(): Promise<void> {
    if (this.dataset.mode !== 'modal') return;
    try {
      (await loadQuestionnaire()).attach(this, 'modal').open(this.control as HTMLElement);
    } catch (error) {
      this.reportError('load', error);
    }
  }

  connectedCallback(): void {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    try {
      root.adoptedStyleSheets = [buttonSheet()];
      if (this.getAttribute('marque') !== 'neutre') declareMarianne();
      subscribe(this);
      flushPendingAvis();
    } catch (error) {
      this.reportError('connect', error);
    }
    this.render();
  }

  disconnectedCallback(): void {
    unsubscribe(this);
  }

  attributeChangedCallback(): void {
    if (this.shadowRoot) this.render();
  }

  /** The page's theme, mourning or a `lang` changed. */
  documentChanged(): void {
    this.render();
  }

  private render(): void {
    try {
      applyTheme(this, this.getAttribute('theme'));
      let control: Element | undefined;
      const lang = langOf(this);
      const l10n = localization;
      if (lang === 'fr') {
        this.removeAttribute('data-attente');
        control = this.renderControl();
      } else if (!l10n) {
        // Another language: the box stays reserved (hidden text) until its texts are here.
        this.setAttribute('data-attente', '');
        control = this.renderControl();
        Promise.all([import('../../core/localization.js'), import('@lit/localize/init/install.js')]).then(
          ([module, localize]) => {
            localization = module;
            // localization.js has installed the runtime: this is the translating msg().
            msg = localize.msg;
            this.render();
          },
          this.reportError.bind(this, 'locale'),
        );
      } else {
        const locale = l10n.resolveLocale(this);
        const ready = l10n.isLocaleReady(locale);
        this.toggleAttribute('data-attente', !ready);
        if (!ready) l10n.loadLocale(locale).then(() => this.render(), this.reportError.bind(this, 'locale'));
        control = l10n.withLocale(ready ? locale : 'fr', () => this.renderControl());
      }
      // Unchanged (a theme or language change elsewhere): keep the node, and its focus.
      if (control !== this.control && !control?.isEqualNode(this.control ?? null)) {
        if (this.control && control) this.control.replaceWith(control);
        else if (control) this.shadowRoot?.prepend(control);
        else this.control?.remove();
        this.control = control;
      }
    } catch (error) {
      this.reportError('render', error);
    }
  }

  /** JDMA's four labels (`libelle`). */
  private texte(): string {
    switch (this.getAttribute('libelle')) {
      case 'remarque':
        return msg('Une remarque ?');
      case 'retour':
        return msg('Faire un retour');
      case 'probleme':
        return msg('Signaler un problème');
      default:
        return msg('Je donne mon avis');
    }
  }

  /** The button, the link, the inline placeholder or the configuration message. */
  private renderControl(): Element | undefined {
    const get = (name: string) => this.getAttribute(name);
    const demarche = get('demarche') ?? '';
    const asked = get('mode');
    let mode = asked === 'inline' || asked === 'lien' ? asked : 'modal';
    const custom = mode === 'lien' ? safeUrl(get('lien-formulaire')) : undefined;

    if (!DEMARCHE.test(demarche) && !custom) {
      this.dataset.mode = 'erreur';
      if (this.reported !== demarche) {
        this.reported = demarche;
        console.error(`[spp-widgets] <${TAG}>: invalid demarche attribute ("${demarche}"), e.g. demarche="3842".`);
      }
      return element(
        'p',
        { class: 'spp-erreur', part: 'erreur' },
        msg('Le bouton « Je donne mon avis » ne peut pas s’afficher : l’attribut demarche est absent ou invalide.'),
      );
    }
    if (mode !== 'lien' && !resolveApiBase(get('api-base'))) {
      mode = 'lien';
      if (!announced) {
        announced = true;
        // eslint-disable-next-line no-console -- a notice for webmasters, not a failure
        console.info(`[spp-widgets] <${TAG}>: no api-base: mode="lien" (JDMA form).`);
      }
    }
    this.dataset.mode = mode;
    if (mode === 'inline') {
      if (this.questionnaire()?.mode === 'inline') return undefined;
      if (this.control?.classList.contains('spp-attente')) return this.control;
      void this.showInline();
      return element('div', { class: 'spp-attente' });
    }

    const current = this.questionnaire();
    if (current?.mode === 'inline') current.remove();
    const variante = get('variante');
    const attributes = {
      class: `spp-bouton spp-bouton--${variante === 'outline' || variante === 'ghost' ? variante : 'solid'}`,
      part: 'bouton',
    };
    if (mode === 'lien') {
      const bouton = get('bouton');
      const href =
        custom ??
        `https://jedonnemonavis.numerique.gouv.fr/Demarches/${encodeURIComponent(demarche)}` +
          (bouton ? `?button=${encodeURIComponent(bouton)}` : '');
      return element(
        'a',
        { ...attributes, href, target: '_blank', rel: 'noopener' },
        icon(ICONS[0]),
        this.texte(),
        element('span', { class: 'spp-lecteur' }, ` – ${msg('nouvelle fenêtre')}`),
        icon(ICONS[1]),
      );
    }
    const button = element(
      'button',
      {
        ...attributes,
        type: 'button',
        'aria-haspopup': 'dialog',
        'aria-expanded': String(!!this.questionnaire()?.ouvert),
      },
      icon(ICONS[0]),
      this.texte(),
    );
    button.addEventListener('click', () => void this.open());
    // Ahead of the click: on hover, on focus, and when the page is idle.
    for (const type of ['pointerenter', 'focus']) button.addEventListener(type, this.prefetch, { once: true });
    if (!this.control) {
      if ('requestIdleCallback' in globalThis) requestIdleCallback(this.prefetch, { timeout: 4000 });
      else setTimeout(this.prefetch, 2000);
    }
    return button;
  }

  private prefetch = (): void => {
    loadQuestionnaire().then(
      (module) => module.prechargerFormulaire(this.getAttribute('api-base'), this.getAttribute('formulaire')),
      () => undefined, // tried again on click, which reports a failure
    );
  };

  private questionnaire(): SppAvisQuestionnaire | null | undefined {
    return this.shadowRoot?.querySelector('spp-avis-questionnaire');
  }

  private async showInline(): Promise<void> {
    try {
      const questionnaire = (await loadQuestionnaire()).attach(this, 'inline');
      // It takes the reserved box's place once its first question is there.
      questionnaire.hidden = true;
      await questionnaire.pret();
      questionnaire.hidden = false;
      this.render();
    } catch (error) {
      this.reportError('load', error);
    }
  }

  private reportError(phase: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    console.warn(`[spp-widgets] <${TAG}> ${phase}: ${message}`);
    const detail: SppErrorDetail = { phase, message, error };
    this.dispatchEvent(new CustomEvent('spp-error', { bubbles: true, composed: true, detail }));
  }
}

defineElement(TAG, SppJeDonneMonAvis);

declare global {
  interface HTMLElementTagNameMap {
    'spp-je-donne-mon-avis': SppJeDonneMonAvis;
  }
}
