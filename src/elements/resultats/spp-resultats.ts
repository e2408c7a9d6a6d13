import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { SppElement } from '../../core/spp-element.js';
import { withLocale } from '../../core/locale.js';
import { marianneReady } from '../../core/fonts-ready.js';
import { resolveApiBase } from '../../core/api/config.js';
import type { Resultat, ResultatsStructure } from './format.js';
import styles from './spp-resultats.styles.css';

export type Disposition = 'cartes' | 'tableau' | 'compact';
export type Source = 'plateforme' | 'opendata';

/** The programme's site, where every published result can be found. */
export const SITE_RESULTATS = 'https://plus.transformation.gouv.fr/';
/** The programme's open data (Opendatasoft Explore API v2.1). */
export const OPENDATA_BASE = 'https://opendata.plus.transformation.gouv.fr/api/explore/v2.1';
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

type Etat =
  | { statut: 'attente' }
  | { statut: 'pret'; donnees: ResultatsStructure; stale: boolean; fetchedAt: number; source: Source }
  | { statut: 'erreur'; motif: 'structure' | 'introuvable' | 'indisponible' };

/** `historique`, `historique="oui"` → on; `historique="non"` (or false, 0, off) → off; absent → the disposition's default. */
const ouiNon = {
  fromAttribute: (value: string | null) => (value === null ? undefined : !/^(non|no|false|0|off)$/i.test(value.trim())),
  toAttribute: (value: boolean | undefined) => (value === undefined ? null : value ? '' : 'non'),
};

/**
 * Les résultats de qualité de service d'un service (engagement n°6 de Services Publics +) :
 * chaque indicateur avec sa valeur dans le format de la langue, sa période, sa date de mise
 * à jour, son type, sa cible et son niveau, l'évolution par rapport à la période précédente,
 * et un graphique d'historique avec son tableau de données et un téléchargement CSV.
 * Données de la plateforme quand une est configurée, sinon des données ouvertes du
 * programme ; quand aucune ne répond, la dernière copie lue, sinon un message et un lien.
 *
 * Fichiers CSV : UTF-8 avec indicateur d'ordre des octets, fins de ligne CRLF ; en français
 * `;` entre les champs et la virgule décimale (ce qu'attend Excel en français), en anglais
 * `,` et le point décimal. Colonnes : indicateur, code, période, début, fin, valeur (nombre
 * brut, vide s'il n'est pas publié), unité, cible. Ils sont construits dans le navigateur et
 * enregistrés par un lien `blob:`.
 *
 * Chargement : l'élément lui-même ne montre que le chargement et les erreurs ; la vue
 * (cartes, tableau, ligne), le graphique, l'écriture du CSV et l'accès aux données utilisé
 * (client de la plateforme ou adaptateur des données ouvertes) sont des modules chargés à
 * la demande, la vue et les données en parallèle. Sous une CSP stricte, les données
 * ouvertes demandent `connect-src https://opendata.plus.transformation.gouv.fr`.
 *
 * @tagname spp-resultats
 * @summary Les résultats de qualité de service d'un service, en cartes, en tableau ou sur une ligne.
 * @csspart resultats - L'enveloppe principale.
 * @csspart carte - La carte de chaque indicateur (`cartes`).
 * @csspart valeur - La valeur de chaque indicateur.
 * @csspart graphique - Chaque graphique d'historique.
 * @csspart tableau - Le tableau des résultats (`tableau`) et chaque tableau de données d'historique.
 * @cssprop [--spp-resultats-colonne=17rem] - La largeur minimale des cartes.
 * @event spp-resultats-charges - Les résultats sont affichés ; `detail` : `{ structure, source, stale, nombre }`
 *   (`stale` : une copie plus ancienne est montrée, la source n'ayant pas répondu ; `nombre` : indicateurs montrés).
 * @event spp-error - Les résultats n'ont pas pu être lus (l'élément montre un message et un
 *   lien vers le site Services Publics +). `detail` : `{ phase, message, error }`.
 */
export class SppResultats extends SppElement {
  static override styles = [SppElement.styles, styles];

  /** Obligatoire : le code Services Publics + de la structure, par ex. `EX-CAF-33`. */
  @property() structure?: string;

  /** Les codes des indicateurs à montrer, dans cet ordre, séparés par des espaces ou des virgules (par ex. `IND-27 IND-05`) ; tous par défaut. */
  @property() indicateurs?: string;

  /** `cartes` (par défaut) : une carte par indicateur ; `tableau` : un tableau ; `compact` : une ligne avec le chiffre de satisfaction principal. */
  @property({ reflect: true }) disposition: Disposition = 'cartes';

  /** Montre le graphique d'historique de chaque indicateur. Actif par défaut en `cartes` ; `historique="non"` le retire, `historique="oui"` l'ajoute en `tableau`. */
  @property({ converter: ouiNon }) historique?: boolean;

  /**
   * `plateforme` : l'API de la plateforme (`api-base` ou le réglage de la page) ; `opendata` :
   * les données ouvertes publiques du programme. Par défaut : la plateforme quand une est
   * configurée, sinon les données ouvertes.
   */
  @property() source?: Source;

  /** La base de l'API Explore v2.1 d'Opendatasoft pour les données ouvertes (par défaut, le portail du programme). */
  @property({ attribute: 'opendata-base' }) opendataBase?: string;

  /**
   * Le niveau (2 à 6) du titre de l'élément ; les titres des indicateurs sont un niveau en dessous.
   * @default 2
   */
  @property({ attribute: 'niveau-titre' }) niveauTitre?: string;

  @state() private etat: Etat = { statut: 'attente' };
  /** Indicators whose data table is shown. */
  @state() private ouverts = new Set<string>();
  /** The view (results' rendering) and chart modules, once loaded. */
  @state() private vue?: typeof import('./spp-resultats-vue.js');
  @state() private chart?: typeof import('./chart.js');

  private vueDemandee?: Promise<unknown>;
  private chartDemande = false;
  private requete = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) void this.charger();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.requete++; // an answer still on its way is ignored
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // platformBase is protected, so not a key of PropertyValues<this>.
    const sources: PropertyKey[] = ['structure', 'source', 'platformBase', 'opendataBase'];
    if (!this.hasUpdated || sources.some((p) => (changed as PropertyValues).has(p))) void this.charger();
    // The chart module loads in parallel with the data, only where a chart is shown.
    if (!this.chartDemande && this.avecHistorique) {
      this.chartDemande = true;
      import('./chart.js').then(
        (chart) => (this.chart = chart),
        (error: unknown) => this.reportError('chart', error),
      );
    }
  }

  /** (Re)charge les résultats ; les réponses d'une demande plus ancienne sont ignorées. */
  async charger(): Promise<void> {
    const id = ++this.requete;
    const code = this.structure?.trim() ?? '';
    if (!CODE.test(code)) {
      this.etat = { statut: 'erreur', motif: 'structure' };
      if (this.isConnected) this.reportError('structure', new Error(`invalid or missing structure code "${code}"`));
      return;
    }
    this.etat = { statut: 'attente' };
    // An explicit `opendata`, else the platform when one is configured, else the open data.
    const base = this.source === 'opendata' ? undefined : this.platformBase;
    const odsBase = (this.opendataBase?.trim() && resolveApiBase(this.opendataBase)) || OPENDATA_BASE;
    const source: Source = base ? 'plateforme' : 'opendata';
    if (this.source === 'plateforme' && !base)
      console.warn('[spp-widgets] <spp-resultats> source="plateforme" but no api-base: reading the open data.');
    const montrer = ({ data, stale, fetchedAt }: { data: ResultatsStructure; stale: boolean; fetchedAt: number }) => {
      if (id !== this.requete) return;
      this.etat = { statut: 'pret', donnees: data, stale, fetchedAt, source };
      this.emit('spp-resultats-charges', { structure: code, source, stale, nombre: this.selection(data).length });
    };
    // The view loads in parallel with the data; each data path is a module of its own,
    // loaded on demand (a page pays for the one it uses).
    this.vueDemandee ??= import('./spp-resultats-vue.js').then((vue) => {
      // Usually here before the data: the page's first formatter is made while it travels.
      vue.warmIntl(this.locale);
      this.vue = vue;
    });
    const vue = this.vueDemandee.catch((error: unknown) => {
      this.vueDemandee = undefined; // the retry button tries again
      throw error;
    });
    vue.catch(() => undefined); // reported below, with the data
    try {
      const loaded = base
        ? await (await import('./plateforme.js')).lirePlateforme(base, code, montrer)
        : await (await import('./opendata.js')).chargerOpenData(odsBase, code);
      await vue;
      await marianneReady(this.marque);
      montrer(loaded);
    } catch (error) {
      if (id !== this.requete) return;
      const introuvable = (error as { status?: number } | null)?.status === 404;
      this.etat = { statut: 'erreur', motif: introuvable ? 'introuvable' : 'indisponible' };
      this.reportError('data', error);
    }
  }

  /** The results to show: those listed in `indicateurs`, in that order, else all. */
  private selection(donnees: ResultatsStructure): Resultat[] {
    const codes = (this.indicateurs ?? '').split(/[\s,;]+/).filter(Boolean);
    if (!codes.length) return donnees.resultats;
    return codes.flatMap((code) => donnees.resultats.filter((r) => r.indicateur.code === code));
  }

  /** Charts are on by default in `cartes`, off elsewhere; `historique` decides. */
  private get avecHistorique(): boolean {
    return this.disposition !== 'compact' && (this.historique ?? this.disposition === 'cartes');
  }

  private basculer(code: string) {
    const ouverts = new Set(this.ouverts);
    if (!ouverts.delete(code)) ouverts.add(code);
    this.ouverts = ouverts;
  }

  /**
   * Saves the figures shown as CSV: an indicator's history, or (`tableau`) each latest
   * result. The CSV module loads on the first click; texts are in the element's language.
   */
  private async telechargerCsv(nom: string, resultats: Resultat[], historique: boolean) {
    try {
      const csv = await import('./csv.js');
      const lignes = withLocale(this.locale, () => csv.lignesResultats(resultats, historique, this.locale));
      csv.telecharger(csv.fichierCsv(lignes, this.locale), nom, this.renderRoot);
    } catch (error) {
      this.reportError('csv', error);
    }
  }

  // --- Rendering -------------------------------------------------------------------------

  override render() {
    const { etat, vue } = this;
    const cls = `spp-root spp-resultats spp-resultats--${this.disposition}`;
    if (etat.statut === 'erreur') {
      return html`<div class=${cls} part="resultats">${this.renderErreur(etat.motif)}</div>`;
    }
    if (etat.statut === 'attente' || !vue) {
      return html`<div class=${cls} part="resultats" aria-busy="true">
        <p class="spp-chargement" role="status">${msg('Chargement des résultats…')}</p>
      </div>`;
    }
    return vue.vue({
      ...etat,
      resultats: this.selection(etat.donnees),
      disposition: this.disposition,
      historique: this.avecHistorique,
      niveauTitre: this.niveauTitre,
      locale: this.locale,
      ouverts: this.ouverts,
      chart: this.chart,
      site: SITE_RESULTATS,
      basculer: (code) => this.basculer(code),
      telecharger: (nom, resultats, historique) => void this.telechargerCsv(nom, resultats, historique),
    });
  }

  private renderErreur(motif: Extract<Etat, { statut: 'erreur' }>['motif']) {
    const texte =
      motif === 'indisponible'
        ? msg('Les résultats ne peuvent pas être chargés pour le moment.')
        : motif === 'introuvable'
          ? msg('Aucun résultat n’est publié pour ce service.')
          : msg('Les résultats de ce service ne sont pas disponibles.');
    return html`<div class="spp-erreur">
      <p class="spp-message">${texte}</p>
      <p class="spp-erreur__actions">
        ${
          motif === 'indisponible'
            ? html`<button class="spp-btn spp-btn--secondaire" type="button" @click=${() => this.charger()}>
                ${msg('Réessayer')}
              </button>`
            : nothing
        }
        <a href=${SITE_RESULTATS}>${msg('Voir les résultats sur le site Services Publics +')}</a>
      </p>
    </div>`;
  }
}

SppResultats.define('spp-resultats');

export interface SppResultatsChargesDetail {
  structure: string;
  source: Source;
  /** True when the data shown is an older copy (the source did not answer). */
  stale: boolean;
  /** How many indicators are shown. */
  nombre: number;
}

declare global {
  interface HTMLElementTagNameMap {
    'spp-resultats': SppResultats;
  }
  interface SppEventMap {
    'spp-resultats-charges': SppResultatsChargesDetail;
  }
  interface GlobalEventHandlersEventMap {
    'spp-resultats-charges': CustomEvent<SppResultatsChargesDetail>;
  }
}
