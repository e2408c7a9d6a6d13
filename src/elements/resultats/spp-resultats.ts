import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { SppElement } from '../../core/spp-element.js';
import { withLocale } from '../../core/localization.js';
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
 * A service's quality-of-service results (engagement n°6 of Services Publics +): each
 * indicator with its value for the locale, period, update date, type, target and level,
 * trend against the previous period, and a history chart with its data table and a CSV
 * download. Data from the platform when one is configured, else from the programme's
 * open data; when neither answers, the last copy read, else a message and a link.
 *
 * CSV files: UTF-8 with a byte-order mark, CRLF line ends; in French `;` between fields
 * and a decimal comma (what French Excel expects), in English `,` and a decimal point.
 * Columns: indicator, code, period, start, end, value (raw number, empty when not
 * published), unit, target. They are built in the browser and saved through a `blob:` link.
 *
 * Loading: the element itself only shows the loading and error states; the view (cards,
 * table, line), the chart, the CSV writer and the data path it uses (platform client or
 * open-data adapter) are modules loaded on demand, the view and the data in parallel.
 * Under a strict CSP, the open data needs `connect-src https://opendata.plus.transformation.gouv.fr`.
 *
 * @tagname spp-resultats
 * @summary A service's quality-of-service results, as cards, a table or one line.
 * @csspart resultats - The root wrapper.
 * @csspart carte - Each indicator's card (`cartes`).
 * @csspart valeur - Each indicator's value.
 * @csspart graphique - Each history chart.
 * @csspart tableau - The results table (`tableau`) and each history data table.
 * @cssprop --spp-resultats-colonne - The cards' minimum width (default 17rem).
 * @event spp-resultats-charges - The results are shown; `detail`: `{ structure, source, stale, nombre }`.
 */
export class SppResultats extends SppElement {
  static override styles = [SppElement.styles, styles];

  /** The structure's Services Publics + code (required), e.g. `EX-CAF-33`. */
  @property() structure?: string;

  /** Indicator codes to show, in this order, separated by spaces or commas (e.g. `IND-27 IND-05`); all by default. */
  @property() indicateurs?: string;

  /** `cartes` (default): one card per indicator; `tableau`: one table; `compact`: one line with the headline satisfaction figure. */
  @property({ reflect: true }) disposition: Disposition = 'cartes';

  /** Shows each indicator's history chart. On by default in `cartes`; `historique="non"` turns it off. */
  @property({ converter: ouiNon }) historique?: boolean;

  /**
   * `plateforme`: the platform API (`api-base` or the page setting); `opendata`: the
   * programme's public open data. Default: the platform when one is configured, else the open data.
   */
  @property() source?: Source;

  /** The Opendatasoft Explore API v2.1 base for `source="opendata"`. */
  @property({ attribute: 'opendata-base' }) opendataBase?: string;

  /** The level (2–6) of the element's heading; the indicators' headings are one level below. */
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
    const sources = ['structure', 'source', 'apiBase', 'opendataBase'] as const;
    if (!this.hasUpdated || sources.some((p) => changed.has(p))) void this.charger();
    // The chart module loads in parallel with the data, only where a chart is shown.
    if (!this.chartDemande && this.avecHistorique) {
      this.chartDemande = true;
      import('./chart.js').then(
        (chart) => (this.chart = chart),
        (error: unknown) => this.reportError('chart', error),
      );
    }
  }

  /** (Re)loads the results; responses of an older request are ignored. */
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
    const base = this.source === 'opendata' ? undefined : resolveApiBase(this.apiBase);
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
    this.vueDemandee ??= import('./spp-resultats-vue.js').then((vue) => (this.vue = vue));
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
