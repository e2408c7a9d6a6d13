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
  import('../../core/api/send-pending.js').catch(() => undefined);
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
 * Le bouton « Je donne mon avis » de Services Publics + : un clic ouvre un court
 * questionnaire DSFR (les questions « root » de JDMA) dont les réponses partent vers la
 * plateforme, enregistrées dès le premier smiley et jamais perdues hors ligne. Aussi
 * intégré dans la page (`inline`), ou simple lien vers un formulaire JDMA (`lien`).
 *
 * Sans plateforme configurée (ni `api-base`, ni réglage de la page), `modal` et `inline`
 * se comportent comme `lien` (le formulaire JDMA dans une nouvelle fenêtre), et la console
 * le signale une fois.
 *
 * @tagname spp-je-donne-mon-avis
 * @summary Le bouton « Je donne mon avis » et son questionnaire.
 *
 * @attr {string} demarche - Obligatoire : la démarche (le service) dont parle l'avis, telle
 *   qu'enregistrée sur la plateforme ou JDMA (1 à 64 lettres, chiffres, `.`, `_`, `-`).
 * @attr {string} [formulaire=root] - Le questionnaire (`root` : « Évaluation de la satisfaction usager » de JDMA).
 * @attr {string} bouton - L'identifiant de l'emplacement, pour distinguer les boutons d'un site dans les statistiques.
 * @attr {'modal' | 'inline' | 'lien'} [mode=modal] - `modal` : le bouton ouvre une fenêtre de dialogue.
 *   `inline` : la première question est dans la page, les suivantes se déroulent sur place.
 *   `lien` : un lien vers le formulaire, dans une nouvelle fenêtre.
 * @attr {'jdma' | 'remarque' | 'retour' | 'probleme'} [libelle=jdma] - Le libellé du bouton :
 *   « Je donne mon avis », « Une remarque ? », « Faire un retour » ou « Signaler un problème ».
 * @attr {'solid' | 'outline' | 'ghost'} [variante=solid] - Le style du bouton : plein, contour ou discret.
 * @attr {string} lien-formulaire - Mode `lien` : l'URL du formulaire (http(s) seulement). Par défaut
 *   `https://jedonnemonavis.numerique.gouv.fr/Demarches/{demarche}?button={bouton}`.
 * @attr {string} ministere - L'intitulé du ministère, pour un bloc marque en tête du dialogue
 *   (lignes séparées par `\n`).
 * @attr {string} logo-src - Le logo d'un opérateur en tête du dialogue (URL http(s)).
 * @attr {string} logo-alt - L'alternative textuelle du logo de l'opérateur.
 * @attr {string} afficher - Questions masquées par défaut à montrer, séparées par des espaces (par ex. `contact_email`).
 * @attr {number} [niveau-titre=2] - Mode `inline` : le niveau du titre du questionnaire (2 à 6).
 * @attr {'light' | 'dark' | 'system'} theme - Impose le thème ; sinon suit le `data-fr-theme` d'une page DSFR.
 * @attr {'etat' | 'neutre'} [marque=etat] - `neutre` pour les sites hors État : sans Marianne,
 *   sans bloc marque, couleurs neutres.
 * @attr {string} api-base - L'API de la plateforme (l'URL avant `/v1/`) ; sinon le réglage de la page.
 * @attr {string} lang - La langue (`fr`, `en`) ; sinon celle du `lang` le plus proche, sinon le français.
 *
 * @csspart bouton - Le bouton (le lien, en mode `lien`).
 * @csspart erreur - Le message montré à la place du bouton quand `demarche` est absent ou invalide.
 * @csspart dialog - Le `<dialog>` du questionnaire (mode `modal`).
 * @csspart questionnaire - La boîte du questionnaire (dans le dialogue, ou dans la page en mode `inline`).
 * @csspart fermer - Le bouton de fermeture du dialogue.
 *
 * @event spp-open - Le dialogue s'est ouvert. `detail` : `{ mode }`.
 * @event spp-close - Le dialogue s'est fermé. `detail` : `{ etape, termine }` : l'étape affichée,
 *   et si le questionnaire a été terminé.
 * @event spp-step - Les réponses d'une étape sont enregistrées. `detail` : `{ etape, reponses, envoi }` ;
 *   `envoi` vaut `sent` (la plateforme les a), `queued` (gardées sur l'appareil, envoyées dès que
 *   possible) ou `failed` (refusées).
 * @event spp-complete - L'usager a terminé le questionnaire. `detail` : `{ avis, envoi }`.
 * @event spp-error - Une défaillance (chargement du questionnaire, avis refusé par la plateforme…).
 *   `detail` : `{ phase, message, error }`. Rien n'est jamais levé dans la page.
 *
 * @cssprop --spp-couleur - La couleur du bouton (bleu France du DSFR ; gris avec `marque="neutre"`),
 *   avec `--spp-couleur-survol` et `--spp-couleur-actif` au survol et à l'appui.
 * @cssprop --spp-texte - La couleur du texte du bouton `solid`.
 * @cssprop --spp-fond-survol - Le fond des boutons `outline` et `ghost` au survol (`--spp-fond-actif` à l'appui).
 */
export class SppJeDonneMonAvis extends HTMLElement implements DocumentChangeListener {
  /** La version de la bibliothèque qui a défini cet élément. */
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

  /** Ouvre le questionnaire, comme un clic sur le bouton (mode `modal` seulement). */
  async open(): Promise<void> {
    if (this.dataset.mode !== 'modal') return;
    this.prefetch();
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
    } catch (error) {
      this.reportError('connect', error);
    }
    // Not before the first paint: reading localStorage costs about 3 ms on a new page.
    if (!this.control) {
      if ('requestIdleCallback' in globalThis) requestIdleCallback(this.whenIdle, { timeout: 4000 });
      else setTimeout(this.whenIdle, 2000);
    }
    this.render();
  }

  /** Once the page is idle: avis a previous page left unsent, then the questionnaire ahead of a click. */
  private whenIdle = (): void => {
    flushPendingAvis();
    if (this.dataset.mode === 'modal') this.prefetch();
  };

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
        import('../../core/localization.js').then(
          (module) => {
            localization = module;
            // localization.js has installed the runtime: this is the translating msg().
            msg = module.msg;
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
        // A page in a language we do not have (lang="ar"): the French text says it is French.
        control?.setAttribute('lang', ready ? locale : 'fr');
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
    // Ahead of the click: on hover, on focus, and when the page is idle (whichever comes first).
    for (const type of ['pointerenter', 'focus']) button.addEventListener(type, this.prefetch);
    return button;
  }

  private prefetched?: boolean;

  /**
   * The questionnaire's code and its form, side by side, once per button: the click asks
   * again only through the questionnaire (which reports a failure).
   */
  private prefetch = (): void => {
    if (this.prefetched) return;
    this.prefetched = true;
    loadQuestionnaire().catch(() => undefined);
    import('./definition.js').then(
      (module) => module.prechargerFormulaire(this.getAttribute('api-base'), this.getAttribute('formulaire')),
      () => undefined,
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
