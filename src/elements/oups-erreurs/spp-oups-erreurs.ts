import { adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { SppElement } from '../../core/spp-element.js';
import type { Loaded } from '../../core/api/client.js';
import { heading, toHeadingLevel } from '../../core/heading.js';
import { dsfrButton } from '../../core/styles/dsfr.js';
import type { Erreur, Evenement, Public } from './types.js';
import type { Compte } from './vue.js';
import type { Reception } from './donnees.js';
import styles from './spp-oups-erreurs.styles.css';
import { marianneReady } from '../../core/fonts-ready.js';

export type { Public } from './types.js';

/** `detail` of `spp-select`: the error the usager opened, and how. */
export interface SppOupsSelectDetail {
  id: string;
  titre: string;
  evenement: string;
  /** `clic`: the usager opened it; `ancre`: an `#erreur-<id>` in the page address did. */
  origine: 'clic' | 'ancre';
}

declare global {
  interface SppEventMap {
    'spp-select': SppOupsSelectDetail;
  }
  interface GlobalEventHandlersEventMap {
    'spp-select': CustomEvent<SppOupsSelectDetail>;
  }
}

/** The public source, linked to whenever our data cannot be shown. */
export const OUPS_URL = 'https://www.oups.gouv.fr/';
/** The result count is announced once typing pauses this long. */
const PAUSE_SAISIE_MS = 600;
/** Other changes (tags, « Voir plus ») are announced almost at once. */
const PAUSE_CLIC_MS = 100;
const ANCRE = /^#erreur-([a-z0-9][a-z0-9_-]{0,63})$/;

/** `recherche` is on unless the attribute says `false`, `non`, `off` or `0`. */
const ouiParDefaut = {
  fromAttribute: (value: string | null) => value === null || !/^(false|non|off|0)$/i.test(value.trim()),
};

/**
 * Les erreurs les plus fréquentes des usagers dans leurs démarches, et comment les éviter,
 * par événement de vie (comme sur oups.gouv.fr), depuis l'API `/v1/oups/` de la plateforme.
 * Les usagers filtrent par événement (tags DSFR), cherchent en tapant (sans tenir compte
 * des majuscules ni des accents) et ouvrent chaque erreur (accordéon DSFR) pour lire ce qui
 * se passe mal, les conseils, les administrations concernées et des liens. Un
 * `#erreur-<id>` dans l'adresse de la page ouvre cette erreur et la fait défiler à l'écran.
 *
 * Toutes les erreurs sont chargées une fois (gardées en cache, partagées par les éléments
 * de la page) : le filtrage est immédiat et continue de fonctionner depuis le cache quand
 * l'API est en panne, avec la date des données. Sans cache, ou sans API configurée,
 * l'élément indique où trouver les erreurs : oups.gouv.fr. La vue (liste, tags, accordéons
 * et leurs styles) et le client de l'API se chargent à la demande, en parallèle, pour que
 * l'élément lui-même reste léger.
 *
 * @tagname spp-oups-erreurs
 * @summary Les erreurs les plus fréquentes et comment les éviter, par événement de vie, avec recherche.
 * @csspart titre - Le titre de l'élément.
 * @csspart filtres - Le champ de recherche et les tags des événements.
 * @csspart compte - Le nombre de résultats (annoncé poliment aux lecteurs d'écran).
 * @csspart erreurs - La liste des erreurs (groupe d'accordéons DSFR).
 * @csspart erreur - Une erreur (accordéon DSFR).
 * @csspart vide - Le message montré quand aucune erreur ne correspond, avec « Effacer les filtres ».
 * @csspart message - Les messages de chargement, d'échec et d'absence d'API.
 * @event spp-select - L'usager a ouvert une erreur. `detail` : `{ id, titre, evenement, origine }`
 *   (`origine` : `clic` ou `ancre`), pour les statistiques du site hôte : l'élément ne suit rien lui-même.
 * @event spp-error - Les erreurs n'ont pas pu être chargées (l'élément renvoie vers oups.gouv.fr).
 *   `detail` : `{ phase, message, error }`.
 */
export class SppOupsErreurs extends SppElement {
  static override styles = [SppElement.styles, dsfrButton, styles];

  /** L'événement de vie choisi au départ (son `id`, par ex. `demenagement`). */
  @property() evenement?: string;

  /** Seulement les événements (et les erreurs) pour les `particulier` ou les `professionnel`. */
  @property({ attribute: 'public' }) public?: Public;

  /** Seulement les erreurs qui concernent cette administration (une partie de son nom, par ex. `Caf`). */
  @property() administration?: string;

  /** Le champ de recherche ; `recherche="false"` le retire. */
  @property({ converter: ouiParDefaut }) recherche = true;

  /** Le nombre d'erreurs montrées avant « Voir plus » (chaque clic en montre autant de plus) ; toutes par défaut. */
  @property({ type: Number }) limite?: number;

  /**
   * Le niveau du titre de l'élément (2 à 6) ; le titre de chaque erreur est un niveau en dessous.
   * @default 2
   */
  @property({ attribute: 'niveau-titre' }) niveauTitre?: string;

  @state() private etat: 'chargement' | 'pret' | 'echec' | 'sans-api' = 'chargement';
  @state() private evenements: Evenement[] = [];
  @state() private erreurs: Erreur[] = [];
  /** When the cached data shown was fetched, while it is stale. */
  @state() private donneesDu?: number;
  @state() private saisie = '';
  @state() private choisi?: string;
  @state() private ouvertes: ReadonlySet<string> = new Set();
  /** The page is printing: every error is printed open, so every panel is drawn. */
  @state() private impression = false;
  @state() private affichees = Infinity;
  /** The view module, once loaded. */
  @state() private vue?: typeof import('./vue.js');

  private vueDemandee?: Promise<typeof import('./vue.js')>;
  /** The count the live region says; it follows the list after a pause. */
  private annonce?: Compte;
  private compte?: Compte;
  private pause = PAUSE_CLIC_MS;
  private minuteur?: ReturnType<typeof setTimeout>;
  private chargement = 0;
  /** The API base of the last load. */
  private base?: string;
  private ancreEnAttente = true;
  private readonly mediaImpression = matchMedia('print');

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.surAncre);
    // beforeprint for window.print() and the browser's menu; the media query for what
    // prints without it (emulated print media, some browsers' previews).
    window.addEventListener('beforeprint', this.surImpression);
    window.addEventListener('afterprint', this.surImpression);
    this.mediaImpression.addEventListener('change', this.surImpression);
    if (this.etat !== 'pret') void this.charger();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.surAncre);
    window.removeEventListener('beforeprint', this.surImpression);
    window.removeEventListener('afterprint', this.surImpression);
    this.mediaImpression.removeEventListener('change', this.surImpression);
    clearTimeout(this.minuteur);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('evenement')) this.choisi = this.evenement || undefined;
    if (changed.has('limite')) this.affichees = this.pas();
    // A platform given (or changed) once the element is on the page.
    if (this.isConnected && this.platformBase !== this.base) void this.charger();
  }

  protected override updated(): void {
    if (this.etat !== 'pret') return;
    if (this.ancreEnAttente) {
      this.ancreEnAttente = false;
      // After this update: opening the error changes state again.
      void Promise.resolve().then(() => this.ouvrirAncre());
    }
    const { compte, annonce } = this;
    if (compte && annonce && (compte.total !== annonce.total || compte.affichees !== annonce.affichees)) {
      clearTimeout(this.minuteur);
      this.minuteur = setTimeout(() => {
        this.annonce = this.compte;
        this.requestUpdate();
      }, this.pause);
    }
  }

  /** Loads the view and the data (événements and all errors), in parallel. */
  private async charger(): Promise<void> {
    const tour = ++this.chargement;
    const base = (this.base = this.platformBase);
    this.annonce = undefined;
    if (!base) {
      this.etat = 'sans-api';
      return;
    }
    this.etat = 'chargement';
    const perimees: Record<string, number | undefined> = {};
    const dater = (cle: string, loaded: Loaded<unknown>) => {
      perimees[cle] = loaded.stale ? loaded.fetchedAt : undefined;
      const dates = Object.values(perimees).filter((d): d is number => d !== undefined);
      this.donneesDu = dates.length ? Math.min(...dates) : undefined;
    };
    const reception: Reception = {
      evenements: (loaded) => {
        if (tour !== this.chargement) return;
        this.evenements = loaded.data.evenements;
        dater('evenements', loaded);
      },
      erreurs: (loaded) => {
        if (tour !== this.chargement) return;
        this.erreurs = loaded.data.erreurs;
        dater('erreurs', loaded);
      },
    };
    try {
      const [vue] = await Promise.all([
        (this.vueDemandee ??= import('./vue.js').then((vue) => {
          // Usually here before the data: Intl's first formatter is made while it travels.
          vue.warmIntl(this.locale);
          return vue;
        })),
        import('./donnees.js').then(({ lireOups }) => lireOups(base, reception)),
        marianneReady(this.marque),
      ]);
      if (tour !== this.chargement) return;
      if (!this.vue) {
        adoptStyles(this.renderRoot as ShadowRoot, [...SppOupsErreurs.elementStyles, ...vue.styles]);
        this.vue = vue;
      }
      this.etat = 'pret';
    } catch (error) {
      if (!this.vue) this.vueDemandee = undefined;
      if (tour !== this.chargement) return;
      this.etat = 'echec';
      this.reportError('load', error);
    }
  }

  private pas(): number {
    return this.limite && this.limite > 0 ? Math.floor(this.limite) : Infinity;
  }

  private selection(vue: typeof import('./vue.js')) {
    const { public: pub, administration, saisie, choisi } = this;
    return vue.filtrer(this.evenements, this.erreurs, { public: pub, administration, saisie, choisi });
  }

  private filtrer(pause: number): void {
    this.affichees = this.pas();
    this.pause = pause;
  }

  private readonly saisir = (event: Event) => {
    this.saisie = (event.target as HTMLInputElement).value;
    this.filtrer(PAUSE_SAISIE_MS);
  };

  private readonly choisir = (id: string) => {
    this.choisi = this.choisi === id ? undefined : id;
    this.filtrer(PAUSE_CLIC_MS);
  };

  private readonly effacer = async () => {
    this.saisie = '';
    this.choisi = undefined;
    this.filtrer(PAUSE_CLIC_MS);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input, .fr-tag')?.focus();
  };

  private readonly voirPlus = async () => {
    const premiere = this.affichees;
    this.affichees += this.pas();
    this.pause = PAUSE_CLIC_MS;
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('.fr-accordion__btn')[premiere]?.focus();
  };

  private readonly reessayer = () => void this.charger();

  private readonly basculer = (erreur: Erreur, origine: SppOupsSelectDetail['origine'] = 'clic') => {
    const ouvertes = new Set(this.ouvertes);
    if (ouvertes.has(erreur.id)) {
      if (origine === 'clic') ouvertes.delete(erreur.id);
    } else {
      ouvertes.add(erreur.id);
      this.emit('spp-select', { id: erreur.id, titre: erreur.titre, evenement: erreur.evenement, origine });
    }
    this.ouvertes = ouvertes;
  };

  private readonly surImpression = (event: Event) => {
    const impression = event.type === 'beforeprint' || (event as MediaQueryListEvent).matches === true;
    if (impression === this.impression) return;
    this.impression = impression;
    // Now, not in a later render slice: the browser lays the page out for print right
    // after this event.
    if (impression && this.hasUpdated) this.performUpdate();
  };

  private readonly surAncre = () => {
    this.ancreEnAttente = true;
    if (this.etat === 'pret') this.requestUpdate();
  };

  /** `#erreur-<id>`: show that error (clearing filters that hide it), open it, scroll to it. */
  private async ouvrirAncre(): Promise<void> {
    const id = ANCRE.exec(location.hash)?.[1];
    const vue = this.vue;
    if (!id || !vue) return;
    let { resultats } = this.selection(vue);
    let erreur = resultats.find((e) => e.id === id);
    if (!erreur) {
      erreur = this.erreurs.find((e) => e.id === id);
      if (!erreur) return;
      this.saisie = '';
      this.choisi = erreur.evenement;
      resultats = this.selection(vue).resultats;
      if (!resultats.includes(erreur)) return; // outside `public` or `administration`
    }
    this.affichees = Math.max(this.affichees, resultats.indexOf(erreur) + 1);
    this.basculer(erreur, 'ancre');
    await this.updateComplete;
    const section = this.renderRoot.querySelector<HTMLElement>(`#erreur-${id}`);
    section?.scrollIntoView({ block: 'start' });
    section?.querySelector('button')?.focus({ preventScroll: true });
  }

  override render() {
    const niveau = toHeadingLevel(this.niveauTitre);
    return html`<div class="spp-root spp-oups">
      <div part="titre">${heading(niveau, msg('Erreurs fréquentes : comment les éviter'), 'spp-titre')}</div>
      ${this.etat === 'pret' && this.vue ? this.renderListe(this.vue, niveau) : this.renderMessage()}
    </div>`;
  }

  private renderListe(vue: typeof import('./vue.js'), niveau: number) {
    const selection = this.selection(vue);
    this.compte = {
      total: selection.resultats.length,
      affichees: Math.min(this.affichees, selection.resultats.length),
    };
    this.annonce ??= this.compte;
    return html`${vue.liste({
        evenements: this.evenements,
        erreurs: this.erreurs,
        selection,
        affichees: this.affichees,
        ouvertes: this.ouvertes,
        impression: this.impression,
        saisie: this.saisie,
        recherche: this.recherche,
        niveau,
        donneesDu: this.donneesDu,
        annonce: this.annonce,
        locale: this.locale,
        saisir: this.saisir,
        choisir: this.choisir,
        basculer: this.basculer,
        voirPlus: this.voirPlus,
        effacer: this.effacer,
      })}
      <p class="spp-source">${this.renderLienOups()}</p>`;
  }

  private renderLienOups() {
    return html`<a href=${OUPS_URL}>${msg('Consulter les erreurs fréquentes sur oups.gouv.fr')}</a>`;
  }

  /** Loading, failure, no API: one live region, so each change is announced. */
  private renderMessage() {
    const texte =
      this.etat === 'chargement'
        ? msg('Chargement des erreurs fréquentes…')
        : this.etat === 'echec'
          ? msg('Les erreurs fréquentes ne peuvent pas être affichées pour le moment.')
          : msg('Retrouvez les erreurs les plus fréquentes dans vos démarches, et nos conseils pour les éviter.');
    return html`<div class="spp-message spp-message--${this.etat}" part="message">
      <p role="status">${texte}</p>
      ${
        this.etat === 'echec'
          ? html`<button class="fr-btn fr-btn--secondary" type="button" @click=${this.reessayer}>
              ${msg('Réessayer')}
            </button>`
          : nothing
      }
      ${this.etat === 'chargement' ? nothing : html`<p>${this.renderLienOups()}</p>`}
    </div>`;
  }
}

SppOupsErreurs.define('spp-oups-erreurs');

declare global {
  interface HTMLElementTagNameMap {
    'spp-oups-erreurs': SppOupsErreurs;
  }
}
