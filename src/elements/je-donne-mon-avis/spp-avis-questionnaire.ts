// The questionnaire of <spp-je-donne-mon-avis>, loaded on demand (its own chunk): the form
// from the platform (or the bundled JDMA « root »), one step at a time, each step saved at
// once through the outbox, in a native <dialog> or in the page.
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import formulaireRoot from '~spp/data/formulaire-root';
import { SppElement } from '../../core/spp-element.js';
import { apiFor } from '../../core/api/client.js';
import { resolveApiBase } from '../../core/api/config.js';
import { ApiError } from '../../core/api/errors.js';
import { outbox, type DeliveryState } from '../../core/api/outbox.js';
import { uuid } from '../../core/api/uuid.js';
import { heading, toHeadingLevel } from '../../core/heading.js';
import { dsfrButton, dsfrForm, dsfrModal, dsfrStepper } from '../../core/styles/dsfr.js';
import styles from './spp-avis-questionnaire.styles.css';
import {
  basculer,
  blocsVisibles,
  cle,
  cleAutre,
  contientTexte,
  etapesVisibles,
  occurrences,
  problemes,
  reponsesEtape,
  saisieVide,
  type Bloc,
  type Etape,
  type Formulaire,
  type Option,
  type Probleme,
  type Reponse,
  type Saisie,
} from './formulaire.js';
import { detectPii, type PiiKind } from './pii.js';
import { demanderFormulaire, formulaireDe } from './definition.js';
import { lockScroll } from './scroll-lock.js';
import { traduire } from './textes-formulaire.js';

/** The success screen's offer: share the experience publicly on Services Publics +. */
export const PARTAGE_EXPERIENCE_URL = 'https://www.plus.transformation.gouv.fr/experience/step_1';
/** The `pk_campaign` of that link, so Services Publics + can count what comes from these elements. */
export const PARTAGE_CAMPAGNE = 'spp-widgets';

export const TAG = 'spp-avis-questionnaire';

/** The bundled « root » form is shown when the platform has not answered by then. */
const ATTENTE_FORMULAIRE_MS = 1500;

export interface OpenDetail {
  mode: 'modal';
}
export interface CloseDetail {
  /** The step shown when the dialog closed. */
  etape: string | undefined;
  /** Whether the usager finished the questionnaire. */
  termine: boolean;
}
export interface StepDetail {
  etape: string;
  reponses: Reponse[];
  /** `sent`: the platform has them; `queued`: kept on this device and sent later; `failed`: refused. */
  envoi: DeliveryState;
}
export interface CompleteDetail {
  /** The avis's client UUID (undefined when nothing was sent). */
  avis: string | undefined;
  envoi: DeliveryState;
}

declare global {
  interface SppEventMap {
    'spp-open': OpenDetail;
    'spp-close': CloseDetail;
    'spp-step': StepDetail;
    'spp-complete': CompleteDetail;
  }
  interface GlobalEventHandlersEventMap {
    'spp-open': CustomEvent<OpenDetail>;
    'spp-close': CustomEvent<CloseDetail>;
    'spp-step': CustomEvent<StepDetail>;
    'spp-complete': CustomEvent<CompleteDetail>;
  }
}

type Statut = 'envoi' | 'envoye' | 'attente' | 'trop' | 'echec';

const BOUTON = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The attributes of <spp-je-donne-mon-avis> the questionnaire follows. */
const SUIVIS = [
  'demarche',
  'formulaire',
  'bouton',
  'libelle',
  'api-base',
  'theme',
  'marque',
  'ministere',
  'logo-src',
  'logo-alt',
  'afficher',
  'niveau-titre',
];

/**
 * The questionnaire of a <spp-je-donne-mon-avis> (created in its shadow root the first time),
 * which keeps following the button's attributes.
 */
export function attach(hote: HTMLElement, mode: 'modal' | 'inline'): SppAvisQuestionnaire {
  const root = hote.shadowRoot as ShadowRoot;
  let questionnaire = root.querySelector(TAG);
  if (questionnaire?.mode === mode) return questionnaire;
  questionnaire?.remove();
  const created = document.createElement(TAG);
  created.mode = mode;
  created.setAttribute('exportparts', 'dialog, questionnaire, fermer');
  const copy = () => {
    for (const name of SUIVIS) {
      const value = hote.getAttribute(name);
      if (value === null) created.removeAttribute(name);
      else created.setAttribute(name, value);
    }
  };
  copy();
  // Also while the button is out of the page (a framework keeping it aside to show it again);
  // only a questionnaire that was replaced stops following.
  const observer = new MutationObserver(() => (created.parentNode === root ? copy() : observer.disconnect()));
  observer.observe(hote, { attributes: true, attributeFilter: SUIVIS });
  root.append(created);
  questionnaire = created;
  return questionnaire;
}

/**
 * Whether the platform's last answer about this avis was a 429 (too many requests). The
 * outbox keeps the request and tries again later; this only chooses the message. Read from
 * Resource Timing (`responseStatus`), where the browser exposes it.
 */
function limiteAtteinte(base: string): boolean {
  const entries = performance.getEntriesByType('resource') as (PerformanceResourceTiming & {
    responseStatus?: number;
  })[];
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].name.startsWith(`${base}/v1/avis`)) return entries[i].responseStatus === 429;
  }
  return false;
}

const estChampTexte = (element: Element | null): boolean =>
  element instanceof HTMLTextAreaElement ||
  (element instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(element.type));

/** Our own smileys: a face whose mouth says the intention. */
const BOUCHES: Record<string, string> = {
  bad: 'M10.5 22.5q5.5-5 11 0',
  medium: 'M10.5 20.5h11',
  good: 'M10 18.5q6 6 12 0',
};

function smiley(intention: string) {
  return svg`<svg class="spp-smiley__visage" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" stroke-width="2"></circle>
    <circle cx="11.5" cy="13" r="1.75"></circle><circle cx="20.5" cy="13" r="1.75"></circle>
    <path d=${BOUCHES[intention] ?? BOUCHES.medium} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"></path>
  </svg>`;
}

const ICONE_FERMER = svg`<svg class="spp-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"></path></svg>`;
const ICONE_EXTERNE = svg`<svg class="spp-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M14 4h6v6M20 4l-8.5 8.5M18 13.5V20H4V6h6.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"></path></svg>`;

/**
 * The questionnaire of `<spp-je-donne-mon-avis>` (an internal element: use
 * `<spp-je-donne-mon-avis>`, which creates it on demand and forwards its attributes).
 *
 * @tagname spp-avis-questionnaire
 * @summary Internal: the questionnaire of <spp-je-donne-mon-avis>.
 * @csspart dialog - The `<dialog>` (`modal` mode).
 * @csspart questionnaire - The questionnaire's box.
 * @csspart fermer - The dialog's close button.
 */
export class SppAvisQuestionnaire extends SppElement {
  static override styles = [SppElement.styles, dsfrButton, dsfrForm, dsfrModal, dsfrStepper, styles];

  /**
   * Free text sent sooner than this after the questions appeared is taken for a bot's and
   * not sent (the choices still are). A person cannot read the questions and write in less.
   */
  static delaiTexteMs = 3000;

  @property() demarche = '';
  @property() formulaire?: string;
  @property() bouton?: string;
  /** The button's label (`jdma`, `remarque`, `retour`, `probleme`): the dialog's title. */
  @property() libelle?: string;
  @property({ reflect: true }) mode: 'modal' | 'inline' = 'modal';
  @property() ministere?: string;
  @property({ attribute: 'logo-src' }) logoSrc?: string;
  @property({ attribute: 'logo-alt' }) logoAlt?: string;
  /** Questions hidden by default to show (space-separated champs). */
  @property() afficher?: string;
  @property({ attribute: 'niveau-titre' }) niveauTitre?: string;

  /** Whether the dialog is open. */
  @state() ouvert = false;

  @state() private definition?: Formulaire;
  @state() private chargement: 'attente' | 'pret' | 'erreur' = 'attente';
  @state() private index = 0;
  @state() private saisie: Saisie = saisieVide();
  @state() private termine = false;
  @state() private erreurs = new Map<string, Probleme>();
  @state() private statut?: Statut;
  @state() private pii: Record<string, PiiKind[]> = {};
  @state() private annonceCompteur = '';

  /** This session's avis (one UUID per questionnaire session: the outbox's Idempotency-Key). */
  private avis?: string;
  /** What was last sent for each step, so an unchanged step is not sent twice. */
  private envoye = new Map<string, string>();
  private envois: Promise<DeliveryState>[] = [];
  private suspect = false;
  private debut = 0;
  private declencheur?: HTMLElement;
  private libererDefilement?: () => void;
  private loading?: Promise<void>;
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private suiviOutbox = false;
  private ouverture = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.mode === 'inline') void this.charger();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.suiviOutbox) outbox().removeEventListener('change', this.onOutboxChange);
    this.suiviOutbox = false;
    this.libererDefilement?.();
    this.libererDefilement = undefined;
    for (const timer of this.timers.values()) clearTimeout(timer);
  }

  /** Resolves once the form is shown (or its loading failed): the first rendering that lasts. */
  async pret(): Promise<void> {
    await this.charger();
    await this.updateComplete;
  }

  /** Opens the dialog (`modal` mode); focus goes back to `trigger` when it closes. */
  async open(trigger?: HTMLElement): Promise<void> {
    // Twice in a row (a double click) opens once.
    if (this.mode !== 'modal' || this.ouverture || this.dialog()?.open) return;
    // Closed a moment ago, its `close` event not delivered yet: finish closing first.
    if (this.ouvert) this.onClose();
    this.declencheur = trigger;
    trigger?.setAttribute('aria-expanded', 'true');
    this.ouvert = true;
    this.ouverture = true;
    const loading = this.charger();
    try {
      await this.updateComplete;
      this.dialog()?.showModal();
    } finally {
      this.ouverture = false;
    }
    if (!this.avis) this.debut = performance.now();
    this.libererDefilement = lockScroll();
    this.emit('spp-open', { mode: 'modal' });
    this.focusPremierChamp();
    if (this.chargement === 'attente') {
      await loading;
      await this.updateComplete;
      // Focus waited on the title while the form loaded: move it to the first question.
      if (this.actif()?.id === 'spp-titre') this.focusPremierChamp();
    }
  }

  /** Closes the dialog; what was already sent stays sent. */
  close(): void {
    this.dialog()?.close();
  }

  /** The focused element inside this questionnaire. */
  private actif(): Element | null {
    return (this.renderRoot as ShadowRoot).activeElement;
  }

  private dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private afficherSet(): Set<string> {
    return new Set((this.afficher ?? '').split(/[\s,]+/).filter(Boolean));
  }

  private etapes(): Etape[] {
    return this.definition ? etapesVisibles(this.definition, this.afficherSet()) : [];
  }

  // --- Loading the form ------------------------------------------------------

  private charger(): Promise<void> {
    if (this.chargement === 'pret') return Promise.resolve();
    this.loading ??= this.chargerFormulaire().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async chargerFormulaire(): Promise<void> {
    const id = formulaireDe(this.formulaire);
    if (this.formulaire && id !== this.formulaire) {
      console.error(
        `[spp-widgets] <spp-je-donne-mon-avis>: formulaire="${this.formulaire}" is invalid; "root" is used.`,
      );
    }
    const bundled = id === 'root' ? (formulaireRoot as Formulaire) : undefined;
    const client = apiFor(this);
    this.chargement = 'attente';
    if (!client) {
      this.installer(bundled);
      return;
    }
    const request = demanderFormulaire(client, id);
    // The bundled root form stands in when the platform is slow; another form has to wait.
    const timeout = bundled
      ? new Promise<'lent'>((resolve) => setTimeout(() => resolve('lent'), ATTENTE_FORMULAIRE_MS))
      : new Promise<never>(() => undefined);
    const report = (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) {
        console.error(
          `[spp-widgets] <spp-je-donne-mon-avis>: the platform has no questionnaire "${id}" (formulaire attribute).`,
        );
      }
      this.reportError('formulaire', error);
    };
    try {
      const result = await Promise.race([request, timeout]);
      if (result === 'lent') request.catch(report); // shown from the bundle; still say why later
      this.installer(result === 'lent' ? bundled : result.data);
    } catch (error) {
      report(error);
      this.installer(bundled);
    }
  }

  private installer(definition: Formulaire | undefined): void {
    this.definition = definition;
    this.chargement = definition && etapesVisibles(definition, this.afficherSet()).length > 0 ? 'pret' : 'erreur';
    if (this.mode === 'inline' && !this.avis) this.debut = performance.now();
  }

  // --- Input -------------------------------------------------------------------

  private get premiereEtape(): Etape | undefined {
    return this.etapes()[0];
  }

  private choisir(bloc: Bloc, parent: string | undefined, optionId: string): void {
    this.saisie = { ...this.saisie, choix: { ...this.saisie.choix, [cle(bloc.champ, parent)]: optionId } };
    this.effacerErreur(cle(bloc.champ, parent));
    this.apresChangement(bloc);
  }

  private cocher(bloc: Bloc, optionId: string, coche: boolean): void {
    const cases = { ...this.saisie.cases, [bloc.champ]: basculer(bloc, this.saisie, optionId, coche) };
    this.saisie = { ...this.saisie, cases };
    this.effacerErreur(bloc.champ);
  }

  private ecrire(cleTexte: string, valeur: string, surveiller: boolean): void {
    this.saisie = { ...this.saisie, textes: { ...this.saisie.textes, [cleTexte]: valeur } };
    this.effacerErreur(cleTexte);
    if (!surveiller) return;
    // Checked once typing pauses: a polite warning, not one per keystroke.
    this.differer(`pii:${cleTexte}`, 400, () => {
      const kinds = detectPii(valeur);
      if (kinds.join() !== (this.pii[cleTexte] ?? []).join()) this.pii = { ...this.pii, [cleTexte]: kinds };
    });
  }

  private differer(key: string, ms: number, task: () => void): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(task, ms));
  }

  private effacerErreur(key: string): void {
    if (!this.erreurs.has(key)) return;
    const erreurs = new Map(this.erreurs);
    erreurs.delete(key);
    this.erreurs = erreurs;
  }

  /**
   * The first step is saved as soon as it is complete (the smiley click creates the avis),
   * and again at each change: the arrow keys go through the smileys one by one, and the
   * last one chosen is the answer, even if the usager leaves without « Suivant ».
   */
  private apresChangement(bloc: Bloc): void {
    const premiere = this.premiereEtape;
    if (!premiere?.blocs.includes(bloc)) return;
    if (problemes(premiere, this.saisie, this.afficherSet()).size > 0) return;
    const creation = !this.avis;
    void this.envoyerEtape(premiere);
    if (creation && this.mode === 'inline' && this.index === 0 && this.etapes().length > 1) this.index = 1;
  }

  // --- Sending -------------------------------------------------------------------

  private pieges(): boolean {
    const honeypot = this.renderRoot.querySelector<HTMLInputElement>('.spp-hp input');
    if (honeypot?.value) this.suspect = true;
    return this.suspect;
  }

  /** Saves a step's answers: the first ones create the avis (POST), later ones complete it (PATCH). */
  private envoyerEtape(etape: Etape): Promise<void> {
    if (this.pieges()) return Promise.resolve();
    let reponses = reponsesEtape(etape, this.saisie, this.afficherSet());
    if (contientTexte(reponses) && performance.now() - this.debut < SppAvisQuestionnaire.delaiTexteMs) {
      reponses = reponses.filter((r) => r.texte === undefined || r.optionId !== undefined);
      reponses = reponses.map(({ texte: _texte, ...r }) => r);
    }
    const empreinte = JSON.stringify(reponses);
    if (reponses.length === 0 || this.envoye.get(etape.id) === empreinte) return Promise.resolve();
    this.envoye.set(etape.id, empreinte);

    const base = resolveApiBase(this.apiBase);
    if (!base) return Promise.resolve();
    const box = outbox();
    if (!this.suiviOutbox) {
      box.addEventListener('change', this.onOutboxChange);
      this.suiviOutbox = true;
    }
    this.statut = 'envoi';
    let envoi: Promise<DeliveryState>;
    if (!this.avis) {
      this.avis = uuid();
      const bouton = this.bouton && BOUTON.test(this.bouton) ? this.bouton : undefined;
      envoi = box.create(base, this.avis, {
        demarche: this.demarche,
        formulaire: formulaireDe(this.formulaire),
        ...(bouton ? { bouton } : {}),
        reponses,
      });
    } else {
      envoi = box.complete(base, this.avis, { reponses });
    }
    this.envois.push(envoi);
    return envoi.then(
      (etat) => {
        this.afficherEtat(etat, base);
        this.emit('spp-step', { etape: etape.id, reponses, envoi: etat });
      },
      (error: unknown) => {
        this.statut = 'attente';
        this.reportError('envoi', error);
      },
    );
  }

  private afficherEtat(etat: DeliveryState, base: string): void {
    if (etat === 'failed') {
      this.statut = 'echec';
      this.reportError('envoi', new Error('the platform refused the avis'));
    } else if (etat === 'queued') {
      this.statut = limiteAtteinte(base) ? 'trop' : 'attente';
    } else {
      this.statut = 'envoye';
    }
  }

  /** Sent later (the network came back): say so if the questionnaire is still there. */
  private onOutboxChange = (event: Event): void => {
    const { avis, state } = (event as CustomEvent<{ avis: string; state: DeliveryState }>).detail;
    if (avis !== this.avis || (this.statut !== 'attente' && this.statut !== 'trop')) return;
    if (state === 'sent') this.statut = 'envoye';
    else if (state === 'failed') this.statut = 'echec';
  };

  private async suivant(event: Event): Promise<void> {
    event.preventDefault();
    const etapes = this.etapes();
    const etape = etapes[this.index];
    if (!etape) return;
    const found = problemes(etape, this.saisie, this.afficherSet());
    if (found.size > 0) {
      this.erreurs = found;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.erreurs = new Map();
    // A smiley changed after the avis was created is saved with the next step.
    if (this.index > 0 && etapes[0]) void this.envoyerEtape(etapes[0]);
    const envoi = this.envoyerEtape(etape);
    if (this.index >= etapes.length - 1) {
      this.termine = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#spp-merci')?.focus();
      await envoi;
      await Promise.allSettled(this.envois);
      const envoiFinal = this.avis ? outbox().state(this.avis) : 'sent';
      this.emit('spp-complete', { avis: this.avis, envoi: envoiFinal });
      return;
    }
    this.index += 1;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#spp-etape')?.focus();
  }

  /** The second click of a double click would validate the next step too: it is ignored. */
  private clicUnique(event: MouseEvent): void {
    if (event.detail > 1) event.preventDefault();
  }

  private async precedent(): Promise<void> {
    if (this.index === 0) return;
    this.erreurs = new Map();
    this.index -= 1;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#spp-etape')?.focus();
  }

  /**
   * « Réessayer »: the button goes away while the form loads, so focus waits on the title,
   * then goes to the first question, or back to « Réessayer » if it failed again.
   */
  private async reessayer(): Promise<void> {
    this.renderRoot.querySelector<HTMLElement>('#spp-titre')?.focus();
    await this.charger();
    await this.updateComplete;
    if (this.chargement === 'pret') this.focusPremierChamp();
    else this.renderRoot.querySelector<HTMLElement>('.spp-probleme button')?.focus();
  }

  // --- Dialog behaviour -------------------------------------------------------

  private focusPremierChamp(): void {
    const root = this.renderRoot;
    const target =
      root.querySelector<HTMLElement>('form input[type="radio"]:checked') ??
      root.querySelector<HTMLElement>('form input:not([tabindex="-1"]), form textarea') ??
      root.querySelector<HTMLElement>('#spp-titre');
    target?.focus();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      // As in DSFR: Escape while typing does not throw away what is being written.
      if (estChampTexte(this.actif())) event.preventDefault();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusables = [
      ...this.renderRoot.querySelectorAll<HTMLElement>(
        'dialog button:not([disabled]), dialog a[href], dialog input:not([tabindex="-1"]), dialog textarea',
      ),
    ];
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    const active = this.actif();
    if (event.shiftKey && (active === first || active?.id === 'spp-titre')) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  private onCancel(event: Event): void {
    if (estChampTexte(this.actif())) event.preventDefault();
  }

  private onDialogClick(event: MouseEvent): void {
    const dialog = event.currentTarget as HTMLDialogElement;
    // The second click of a double click on the button lands on the backdrop: not a close.
    if (event.target !== dialog || event.detail > 1) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    // A click on the backdrop (keyboard "clicks" have no coordinates and are never on it).
    if (!inside && event.detail === 1) dialog.close();
  }

  private onClose(): void {
    // A `close` event that arrives once the dialog is open again is stale.
    if (!this.ouvert || this.dialog()?.open) return;
    const etape = this.termine ? undefined : this.etapes()[this.index]?.id;
    const termine = this.termine;
    // The smiley may have changed since the avis was created: keep the last choice.
    const premiere = this.premiereEtape;
    if (this.avis && premiere && !termine) void this.envoyerEtape(premiere);
    this.ouvert = false;
    this.libererDefilement?.();
    this.libererDefilement = undefined;
    // The button may have been drawn anew while the dialog was open (its language or label
    // changed): focus goes back to the one now in the page.
    const declencheur = this.declencheur?.isConnected
      ? this.declencheur
      : ((this.getRootNode() as ParentNode).querySelector<HTMLElement>('.spp-bouton') ?? undefined);
    declencheur?.setAttribute('aria-expanded', 'false');
    declencheur?.focus();
    this.emit('spp-close', { etape, termine });
    if (termine) this.nouvelleSession();
  }

  /** After « Merci », the next opening is a new avis. */
  private nouvelleSession(): void {
    this.avis = undefined;
    this.envoye = new Map();
    this.envois = [];
    this.suspect = false;
    this.saisie = saisieVide();
    this.index = 0;
    this.termine = false;
    this.statut = undefined;
    this.erreurs = new Map();
    this.pii = {};
  }

  // --- Rendering -----------------------------------------------------------------

  /** The title: the button's text (JDMA's four labels). */
  private titre(): string {
    switch (this.libelle) {
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

  override render() {
    if (this.mode === 'inline') {
      const level = toHeadingLevel(this.niveauTitre);
      return html`<section class="spp-root spp-inline" part="questionnaire" aria-labelledby="spp-titre">
        ${heading(level, html`<span id="spp-titre" tabindex="-1">${this.titre()}</span>`, 'spp-titre')}
        ${this.renderCorps(level + 1)}
      </section>`;
    }
    return html`<dialog
      class="spp-root spp-dialog"
      part="dialog"
      aria-labelledby="spp-titre"
      @keydown=${this.onKeydown}
      @cancel=${this.onCancel}
      @close=${this.onClose}
      @click=${this.onDialogClick}
    >
      ${
        this.ouvert
          ? html`<div class="spp-dialog__corps" part="questionnaire">
              <div class="fr-modal__header">
                ${this.renderMarque()}
                <button class="fr-btn--close fr-btn" part="fermer" type="button" @click=${() => this.close()}>
                  ${msg('Fermer')} ${ICONE_FERMER}
                </button>
              </div>
              <div class="fr-modal__content">
                <h1 class="fr-modal__title" id="spp-titre" tabindex="-1">${this.titre()}</h1>
                ${this.renderCorps(2)}
              </div>
            </div>`
          : nothing
      }
    </dialog>`;
  }

  /** The dialog header shows the ministry's bloc marque when asked (not for `marque="neutre"`). */
  private avecMarque(): boolean {
    return this.mode === 'modal' && this.marque !== 'neutre' && !!(this.ministere || this.logoSrc);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another questionnaire asked for before the usager started: load it.
    if (changed.has('formulaire') && this.hasUpdated && !this.avis && this.chargement !== 'attente') {
      this.chargement = 'attente';
      void this.charger();
    }
    // Its code is loaded only for the dialogs that show it.
    if (this.ouvert && this.avecMarque()) void import('../bloc-marque/spp-bloc-marque.js');
  }

  private renderMarque() {
    if (!this.avecMarque()) return nothing;
    return html`<spp-bloc-marque
      class="spp-marque"
      taille="sm"
      ministere=${this.ministere ?? nothing}
      logo-src=${this.logoSrc ?? nothing}
      logo-alt=${this.logoAlt ?? nothing}
      theme=${this.theme ?? nothing}
    ></spp-bloc-marque>`;
  }

  private renderCorps(level: number) {
    if (this.chargement === 'attente') {
      return html`<p class="spp-chargement" role="status">${msg('Chargement du questionnaire…')}</p>`;
    }
    const etapes = this.etapes();
    if (this.chargement === 'erreur' || etapes.length === 0) {
      return html`<div class="spp-probleme" role="alert">
        <p>${msg('Le questionnaire ne peut pas être chargé pour le moment.')}</p>
        <button class="fr-btn fr-btn--secondary" type="button" @click=${() => void this.reessayer()}>
          ${msg('Réessayer')}
        </button>
      </div>`;
    }
    if (this.termine) return html`${this.renderMerci(level)}${this.renderStatuts()}`;
    if (this.mode === 'inline') {
      const suite = this.index > 0 ? etapes[this.index] : undefined;
      // A one-step questionnaire keeps its « Envoyer » button.
      return html`${this.renderEtape(etapes[0], 0, etapes.length, level, etapes.length === 1)}
      ${suite ? this.renderEtape(suite, this.index, etapes.length, level, true) : nothing} ${this.renderStatuts()}`;
    }
    return html`${this.renderEtape(etapes[this.index], this.index, etapes.length, level, true)}${this.renderStatuts()}`;
  }

  private renderStatuts() {
    const statut = this.statut;
    const texte =
      statut === 'envoi'
        ? msg('Envoi en cours…')
        : statut === 'envoye'
          ? msg('Envoyé')
          : statut === 'attente'
            ? msg('Votre avis est enregistré et sera envoyé dès que possible.')
            : '';
    const alerte =
      statut === 'trop'
        ? msg(
            'Trop de tentatives en peu de temps : votre avis est enregistré et sera envoyé automatiquement dans quelques instants.',
          )
        : statut === 'echec'
          ? msg('Votre avis n’a pas pu être envoyé : la plateforme l’a refusé. Vous pouvez réessayer plus tard.')
          : '';
    return html`<p class="spp-statut spp-statut--${statut ?? 'aucun'}" role="status">${texte}</p>
      <p class="spp-alerte" role="alert">${alerte}</p>`;
  }

  private renderEtape(etape: Etape, position: number, total: number, level: number, complete: boolean) {
    const etapes = this.etapes();
    const prochaine = etapes[position + 1];
    const derniere = position === total - 1;
    const inline = this.mode === 'inline';
    return html`<form
      class="spp-etape"
      novalidate
      data-etape=${etape.id}
      @submit=${(event: Event) => void this.suivant(event)}
    >
      ${
        complete
          ? html`<div class="fr-stepper">
              ${heading(
                level,
                html`<span id="spp-etape" tabindex="-1"
                  >${traduire(etape.titre)}
                  <span class="fr-stepper__state">${msg(str`Étape ${position + 1} sur ${total}`)}</span></span
                >`,
                'fr-stepper__title',
              )}
              <div class="fr-stepper__steps" data-fr-current-step=${position + 1} data-fr-steps=${total}></div>
              ${
                prochaine
                  ? html`<p class="fr-stepper__details">
                      <span class="spp-gras">${msg('Étape suivante :')}</span> ${traduire(prochaine.titre)}
                    </p>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${
        position === 0 && !inline
          ? html`<p class="spp-intro">
              ${msg('Aidez-nous à améliorer ce service en répondant à quelques questions. Vos réponses sont anonymes.')}
            </p>`
          : nothing
      }
      ${blocsVisibles(etape, this.afficherSet()).map((bloc) => this.renderBloc(bloc))}
      ${
        complete
          ? html`<div class="spp-hp" aria-hidden="true" inert>
                <label for="spp-hp-${etape.id}">${msg('Ne pas remplir ce champ')}</label>
                <input id="spp-hp-${etape.id}" name="site" type="text" tabindex="-1" autocomplete="off" />
              </div>
              <div class="spp-navigation">
                ${
                  position > (inline ? 1 : 0)
                    ? html`<button
                        class="fr-btn fr-btn--secondary"
                        type="button"
                        @click=${(event: MouseEvent) => event.detail < 2 && void this.precedent()}
                      >
                        ${msg('Précédent')}
                      </button>`
                    : nothing
                }
                <button class="fr-btn" type="submit" @click=${this.clicUnique}>
                  ${derniere ? msg('Envoyer') : msg('Suivant')}
                </button>
              </div>`
          : nothing
      }
    </form>`;
  }

  private renderBloc(bloc: Bloc): TemplateResult | typeof nothing {
    switch (bloc.type) {
      case 'texte':
      case 'email':
        return this.renderTexte(bloc);
      case 'cases':
        return this.renderCases(bloc);
      default: {
        const parents = occurrences(bloc, this.saisie);
        if (!bloc.condition) return this.renderChoix(bloc, undefined);
        if (parents.length === 0) return nothing;
        const condition = this.definition?.etapes
          .flatMap((e) => e.blocs)
          .find((b) => b.champ === bloc.condition?.champ);
        return html`<fieldset class="fr-fieldset spp-conditionnel" id="spp-${bloc.champ}">
          <legend class="fr-fieldset__legend">${traduire(bloc.libelle)} ${this.renderAide(bloc)}</legend>
          ${parents.map((parent) => {
            const option = condition?.options.find((o) => o.id === parent);
            return this.renderChoix(bloc, parent, option ? traduire(option.libelle) : parent);
          })}
        </fieldset>`;
      }
    }
  }

  private renderAide(bloc: Bloc) {
    return bloc.aide ? html`<span class="fr-hint-text">${traduire(bloc.aide)}</span>` : nothing;
  }

  private renderMessage(key: string) {
    const probleme = this.erreurs.get(key);
    const id = `spp-erreur-${key}`;
    return html`<div class="fr-messages-group" id=${id} aria-live="polite">
      ${
        probleme === 'obligatoire'
          ? html`<p class="fr-message fr-message--error">${msg('Choisissez une réponse pour continuer.')}</p>`
          : probleme === 'email'
            ? html`<p class="fr-message fr-message--error">
                ${msg('Saisissez une adresse e-mail valide, au format nom@domaine.fr.')}
              </p>`
            : nothing
      }
    </div>`;
  }

  /** Smileys, scale or radio buttons: one choice, in a fieldset with its legend. */
  private renderChoix(bloc: Bloc, parent: string | undefined, legende?: string) {
    const key = cle(bloc.champ, parent);
    const erreur = this.erreurs.has(key);
    const choisi = this.saisie.choix[key];
    const name = `spp-${key}`;
    const inputId = (option: Option) => `spp-${bloc.champ}-${parent ?? ''}-${option.id}`;
    const input = (option: Option, className: string) =>
      html`<input
        type="radio"
        class=${className}
        id=${inputId(option)}
        name=${name}
        value=${option.id}
        .checked=${choisi === option.id}
        ?required=${bloc.obligatoire}
        aria-invalid=${erreur ? 'true' : nothing}
        aria-describedby=${erreur ? `spp-erreur-${key}` : nothing}
        @change=${() => this.choisir(bloc, parent, option.id)}
      />`;
    const smileys = bloc.type === 'smiley';
    const echelle = bloc.type === 'echelle';
    const last = bloc.options.length - 1;
    const inlineOptions = echelle || bloc.options.length <= 3;
    return html`<fieldset
      class="fr-fieldset spp-choix spp-choix--${bloc.type} ${erreur ? 'fr-fieldset--error' : ''}"
      id="spp-${key}"
      data-champ=${bloc.champ}
      aria-describedby=${erreur ? `spp-erreur-${key}` : nothing}
    >
      <legend class="fr-fieldset__legend ${parent ? 'spp-sous-legende' : ''}">
        ${legende ?? traduire(bloc.libelle)} ${parent ? nothing : this.renderAide(bloc)}
      </legend>
      ${
        smileys
          ? html`<div class="spp-smileys">
              ${bloc.options.map(
                (option) =>
                  html`<div class="spp-smiley">
                    ${input(option, 'spp-smiley__input')}
                    <label class="spp-smiley__label" for=${inputId(option)}
                      >${smiley(option.intention)}<span>${traduire(option.libelle)}</span></label
                    >
                  </div>`,
              )}
            </div>`
          : bloc.options.map(
              (option, i) =>
                html`<div class="fr-fieldset__element ${inlineOptions ? 'fr-fieldset__element--inline' : ''}">
                  <div class="fr-radio-group">
                    ${input(option, '')}
                    <label class="fr-label" for=${inputId(option)}
                      >${traduire(option.libelle)}
                      ${
                        echelle && i === 0 && bloc.libelleMin
                          ? html`<span class="fr-hint-text">${traduire(bloc.libelleMin)}</span>`
                          : nothing
                      }
                      ${
                        echelle && i === last && bloc.libelleMax
                          ? html`<span class="fr-hint-text">${traduire(bloc.libelleMax)}</span>`
                          : nothing
                      }
                    </label>
                  </div>
                </div>`,
            )
      }
      ${this.renderMessage(key)}
    </fieldset>`;
  }

  private renderCases(bloc: Bloc) {
    const coches = new Set(this.saisie.cases[bloc.champ] ?? []);
    const erreur = this.erreurs.has(bloc.champ);
    return html`<fieldset
      class="fr-fieldset spp-cases ${erreur ? 'fr-fieldset--error' : ''}"
      id="spp-${bloc.champ}"
      data-champ=${bloc.champ}
      aria-describedby=${erreur ? `spp-erreur-${bloc.champ}` : nothing}
    >
      <legend class="fr-fieldset__legend">${traduire(bloc.libelle)} ${this.renderAide(bloc)}</legend>
      ${bloc.options.map((option) => {
        const id = `spp-${bloc.champ}-${option.id}`;
        const coche = coches.has(option.id);
        return html`<div class="fr-fieldset__element">
            <div class="fr-checkbox-group">
              <input
                type="checkbox"
                id=${id}
                name="spp-${bloc.champ}"
                value=${option.id}
                .checked=${coche}
                aria-invalid=${erreur ? 'true' : nothing}
                @change=${(event: Event) => this.cocher(bloc, option.id, (event.target as HTMLInputElement).checked)}
              />
              <label class="fr-label" for=${id}>${traduire(option.libelle)}</label>
            </div>
          </div>
          ${option.autre && coche ? this.renderAutre(bloc, option) : nothing}`;
      })}
      ${this.renderMessage(bloc.champ)}
    </fieldset>`;
  }

  private renderAutre(bloc: Bloc, option: Option) {
    const key = cleAutre(bloc.champ, option.id);
    const id = `spp-${key.replace(':', '-')}-texte`;
    return html`<div class="fr-fieldset__element spp-autre">
      <div class="fr-input-group">
        <label class="fr-label" for=${id}>${traduire(option.libelleAutre ?? option.libelle)}</label>
        <input
          class="fr-input"
          id=${id}
          type="text"
          maxlength=${option.longueurMax ?? 250}
          aria-describedby="spp-pii-${key}"
          .value=${this.saisie.textes[key] ?? ''}
          @input=${(event: Event) => this.ecrire(key, (event.target as HTMLInputElement).value, true)}
        />
        ${this.renderPii(key)}
      </div>
    </div>`;
  }

  private renderPii(key: string) {
    const kinds = this.pii[key] ?? [];
    const noms: Record<PiiKind, string> = {
      email: msg('une adresse e-mail'),
      telephone: msg('un numéro de téléphone'),
      nir: msg('un numéro de sécurité sociale'),
      iban: msg('des coordonnées bancaires (IBAN)'),
      dossier: msg('un numéro de dossier ou d’identifiant'),
    };
    const liste = kinds.map((kind) => noms[kind]).join(', ');
    return html`<div class="spp-pii" id="spp-pii-${key}" aria-live="polite">
      ${
        kinds.length
          ? html`<p class="fr-message fr-message--warning" data-pii=${kinds.join(' ')}>
              ${msg(
                str`Votre texte semble contenir ${liste}. Votre avis est anonyme : retirez toute information personnelle.`,
              )}
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderTexte(bloc: Bloc) {
    const key = bloc.champ;
    const id = `spp-${key}-champ`;
    const max = bloc.longueurMax ?? 1000;
    const valeur = this.saisie.textes[key] ?? '';
    const erreur = this.erreurs.get(key);
    const email = bloc.type === 'email';
    // Not the hint: it is inside the label (as in DSFR), so already part of the field's name.
    const describedBy = [
      bloc.avertissement && `spp-avertissement-${key}`,
      !email && `spp-compteur-${key}`,
      !email && `spp-pii-${key}`,
      erreur && `spp-erreur-${key}`,
    ]
      .filter(Boolean)
      .join(' ');
    const onInput = (event: Event) => {
      const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
      this.ecrire(key, value, !email);
      if (!email) this.annoncerCompteur(max - value.length);
    };
    return html`<div class="fr-input-group spp-texte ${erreur ? 'fr-input-group--error' : ''}" data-champ=${key}>
      <label class="fr-label" for=${id}
        >${traduire(bloc.libelle)}
        ${bloc.aide ? html`<span class="fr-hint-text" id="spp-aide-${key}">${traduire(bloc.aide)}</span>` : nothing}
      </label>
      ${
        email
          ? html`<input
              class="fr-input ${erreur ? 'fr-input--error' : ''}"
              id=${id}
              type="email"
              autocomplete="email"
              spellcheck="false"
              maxlength=${max}
              aria-invalid=${erreur ? 'true' : nothing}
              aria-describedby=${describedBy || nothing}
              .value=${valeur}
              @input=${onInput}
            />`
          : html`<textarea
              class="fr-input"
              id=${id}
              rows="5"
              maxlength=${max}
              aria-describedby=${describedBy || nothing}
              .value=${valeur}
              @input=${onInput}
            ></textarea>`
      }
      ${
        email
          ? nothing
          : html`<p class="fr-hint-text spp-compteur" id="spp-compteur-${key}">
                ${msg(str`${valeur.length} caractères sur ${max}`)}
              </p>
              <p class="fr-sr-only" aria-live="polite">${this.annonceCompteur}</p>`
      }
      ${
        bloc.avertissement
          ? html`<p class="fr-message fr-message--info spp-avertissement" id="spp-avertissement-${key}">
              ${traduire(bloc.avertissement)}
            </p>`
          : nothing
      }
      ${email ? nothing : this.renderPii(key)} ${this.renderMessage(key)}
    </div>`;
  }

  /** Screen readers hear the count when the limit is near, once typing pauses. */
  private annoncerCompteur(restants: number): void {
    this.differer('compteur', 800, () => {
      this.annonceCompteur = restants <= 100 ? msg(str`Il reste ${restants} caractères.`) : '';
    });
  }

  private renderMerci(level: number) {
    const url = new URL(PARTAGE_EXPERIENCE_URL);
    url.searchParams.set('pk_campaign', PARTAGE_CAMPAGNE);
    url.searchParams.set('id_demarche', this.demarche);
    return html`<div class="spp-merci">
      ${heading(level, html`<span id="spp-merci" tabindex="-1">${msg('Merci beaucoup !')}</span>`, 'spp-merci__titre')}
      <p>${msg('Votre avis nous permettra d’améliorer la qualité de ce service.')}</p>
      <p class="spp-gras">${msg('Vous souhaitez aller plus loin ?')}</p>
      <p>
        ${msg(
          'Partagez votre expérience publiquement et de manière anonyme sur Services Publics +. L’administration concernée pourra vous répondre.',
        )}
      </p>
      <a class="fr-btn fr-btn--secondary spp-partage" href=${url.href} target="_blank" rel="noopener"
        >${msg('Partager mon expérience')}<span class="fr-sr-only"> – ${msg('nouvelle fenêtre')}</span>
        ${ICONE_EXTERNE}</a
      >
      ${
        this.mode === 'modal'
          ? html`<div class="spp-navigation">
              <button class="fr-btn" type="button" @click=${() => this.close()}>${msg('Fermer')}</button>
            </div>`
          : nothing
      }
    </div>`;
  }
}

SppAvisQuestionnaire.define(TAG);

declare global {
  interface HTMLElementTagNameMap {
    'spp-avis-questionnaire': SppAvisQuestionnaire;
  }
}
