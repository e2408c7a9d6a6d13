import { adoptStyles, html, nothing, type CSSResultOrNative, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { SppElement } from '../../core/spp-element.js';
import { resolveApiBase } from '../../core/api/config.js';
import { heading, toHeadingLevel } from '../../core/heading.js';
import { listeOfficielle, numeros, type ListeEngagements, type Structure } from './donnees.js';
import type { FormatPapier } from './impression.js';
import type { Pictogramme } from './pictogrammes.js';
import { piliers, type Vue } from './rendu.js';
import styles from './spp-engagements.styles.css';

export type Disposition = 'grille' | 'liste' | 'accordeon' | 'affiche';

const DISPOSITIONS: readonly Disposition[] = ['grille', 'liste', 'accordeon', 'affiche'];
/** Past this wait for the platform, the bundled official list is shown meanwhile. */
const ATTENTE_MAX_MS = 3000;

type ModuleAnglais = typeof import('./anglais.js');
type ModuleAccordeon = typeof import('./accordeon.js');
type ModuleAffiche = typeof import('./affiche.js');

/**
 * The 9 Services Publics + engagements, in their 3 pillars (« Des services publics +
 * proches / + efficaces / + simples »), each with its number, its title with the key
 * words emphasised as in the official material, and a DSFR pictogram.
 *
 * The list comes from the platform (`GET /v1/engagements`, cached a day); without a
 * platform, when it fails, or while it is slow, the official list bundled with the element
 * is shown: the element always shows the engagements. With `lang="en"` the titles are
 * clearly-marked unofficial translations; the detailed commitments stay in French (marked
 * `lang="fr"`).
 *
 * `engagements` (e.g. `1,7`) **highlights** those engagements in `grille` and `affiche`
 * (all 9 stay: they are one promise), and **shows only** those in `liste` and `accordeon`.
 *
 * Headings: the title at `niveau-titre` (2 by default), the pillars one level below, in
 * `accordeon` the engagements one more level below and their sections below them (never
 * deeper than 6). `sans-titre` drops the title; the pillars then take `niveau-titre`.
 *
 * `affiche` is the programme's poster: bloc marque (from `ministere`, else the
 * `structure`'s) and operator logo at the top, the photo, the title, the engagements, and
 * where to give one's avis. The screen preview is the print, scaled. `imprimer()` (and
 * the « Imprimer l'affiche » button) prints it alone on one A4 (or `format="A3"`) page.
 *
 * @tagname spp-engagements
 * @summary The 9 Services Publics + engagements: grid, list, accordion or A4 poster.
 * @slot introduction - Text shown under the title (all dispositions).
 * @slot logo - `affiche`: the operator's logo, instead of `logo-src`.
 * @slot photo - `affiche`: the photo, instead of `photo-src` (it fills the photo band).
 * @csspart pilier - Each pillar (its heading and its engagements).
 * @csspart engagement - Each engagement.
 * @csspart mis-en-avant - The engagements listed in `engagements` (`grille`, `affiche`).
 * @csspart pictogramme - Each engagement's pictogram.
 * @csspart bouton-imprimer - `affiche`: the « Imprimer l'affiche » button.
 * @csspart affiche - `affiche`: the poster sheet.
 * @cssprop --spp-engagements-affiche-largeur - `affiche`: the poster's width on screen (default 52rem).
 * @event spp-error - The platform or the structure could not be read (the official list is shown), or printing failed.
 */
export class SppEngagements extends SppElement {
  static override styles = [SppElement.styles, styles];

  /** `grille` (default): the 3 pillars side by side; `liste`: compact, for a sidebar; `accordeon`: each engagement opens on its detailed commitments; `affiche`: the printable A4 poster. */
  @property({ reflect: true }) disposition: Disposition = 'grille';

  /** `affiche`: a structure's code, for its bloc marque, logo and name (read from the platform). */
  @property() structure?: string;

  /** `affiche`: the bloc marque's title, lines separated by line breaks or `\n` (overrides the structure's). */
  @property() ministere?: string;

  /** `affiche`: the operator's logo (http(s) URL; overrides the structure's). */
  @property({ attribute: 'logo-src' }) logoSrc?: string;

  /** `affiche`: the logo's text alternative (the operator's name). */
  @property({ attribute: 'logo-alt' }) logoAlt?: string;

  /** `affiche`: the photo (http(s) URL). */
  @property({ attribute: 'photo-src' }) photoSrc?: string;

  /** `affiche`: the photo's text alternative; empty (default) when it is decorative. */
  @property({ attribute: 'photo-alt' }) photoAlt?: string;

  /** Numbers, e.g. `1,7`: highlighted in `grille` and `affiche`, the only ones shown in `liste` and `accordeon`. */
  @property() engagements?: string;

  /** The level of the first heading, 2 to 6 (default 2). */
  @property({ attribute: 'niveau-titre', type: Number }) niveauTitre?: number;

  /** No title (the page already has one): the pillars' headings take `niveau-titre`. Not in `affiche`. */
  @property({ attribute: 'sans-titre', type: Boolean }) sansTitre = false;

  /** `affiche`: where usagers give their avis, printed on the poster (default: this page's address). */
  @property({ attribute: 'adresse-avis' }) adresseAvis?: string;

  /** The paper of `imprimer()`: `A4` (default) or `A3`; the poster scales to it. */
  @property() format: FormatPapier = 'A4';

  @state() private liste?: ListeEngagements;
  @state() private indisponible = false;
  @state() private moduleAnglais?: ModuleAnglais;
  @state() private infosStructure?: Structure;
  @state() private dessins?: Readonly<Record<number, Pictogramme>>;
  @state() private ouverts: ReadonlySet<number> = new Set();
  @state() private logoInsere = false;
  @state() private photoInseree = false;
  @state() private moduleAccordeon?: ModuleAccordeon;
  @state() private moduleAffiche?: ModuleAffiche;

  private depuisPlateforme = false;
  private cleChargement?: string;
  private traductionDemandee = false;
  private readonly modulesDemandes = new Set<Disposition>();
  private readonly attentes = new Set<Promise<unknown>>();
  private readonly stylesAjoutes: CSSResultOrNative[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.dessins) {
      this.suivre(import('./pictogrammes.js')).then(
        (module) => (this.dessins = module.pictogrammes),
        (error: unknown) => this.reportError('pictogrammes', error),
      );
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const vue = this.vue();
    const cle = `${this.apiBase ?? ''}\n${vue === 'affiche' ? (this.structure?.trim() ?? '') : ''}`;
    if (cle !== this.cleChargement) {
      this.cleChargement = cle;
      this.suivre(this.charger(cle));
    }
    if (this.locale !== 'fr' && !this.traductionDemandee) {
      this.traductionDemandee = true;
      this.suivre(import('./anglais.js')).then(
        (module) => (this.moduleAnglais = module),
        (error: unknown) => this.reportError('traduction', error),
      );
    }
    if (vue === 'accordeon' && !this.modulesDemandes.has(vue)) {
      this.modulesDemandes.add(vue);
      this.chargerModule(import('./accordeon.js'), (m) => (this.moduleAccordeon = m));
    }
    if (vue === 'affiche' && !this.modulesDemandes.has(vue)) {
      this.modulesDemandes.add(vue);
      this.chargerModule(import('./affiche.js'), (m) => (this.moduleAffiche = m));
    }
  }

  /**
   * Prints the element alone, on one `format` portrait page: in `affiche`, the poster.
   * Waits for what is still loading (list, pictograms, images), then opens the browser's
   * print dialog; whatever it added to the page for printing is removed afterwards.
   */
  async imprimer(): Promise<void> {
    try {
      const { imprimerSeul } = await import('./impression.js');
      await this.pret();
      imprimerSeul(this, String(this.format).toUpperCase() === 'A3' ? 'A3' : 'A4');
    } catch (error) {
      this.reportError('impression', error);
    }
  }

  private vue(): Disposition {
    return DISPOSITIONS.includes(this.disposition) ? this.disposition : 'grille';
  }

  /** Keeps track of a load, so printing can wait for it. */
  private suivre<T>(promesse: Promise<T>): Promise<T> {
    this.attentes.add(promesse);
    const fini = () => this.attentes.delete(promesse);
    promesse.then(fini, fini);
    return promesse;
  }

  /** A disposition's module: its templates, and its styles added to ours (shared sheets). */
  private chargerModule<M extends { styles: CSSResultOrNative[] }>(module: Promise<M>, pret: (m: M) => void): void {
    this.suivre(module).then(
      (m) => {
        for (const s of m.styles) if (!this.stylesAjoutes.includes(s)) this.stylesAjoutes.push(s);
        if (this.renderRoot instanceof ShadowRoot) {
          adoptStyles(this.renderRoot, [
            ...(this.constructor as typeof SppEngagements).elementStyles,
            ...this.stylesAjoutes,
          ]);
        }
        pret(m);
      },
      (error: unknown) => this.reportError('module', error),
    );
  }

  private async pret(): Promise<void> {
    while (this.attentes.size) await Promise.allSettled([...this.attentes]);
    await this.updateComplete;
    if (this.vue() === 'affiche' && this.moduleAffiche) await customElements.whenDefined('spp-bloc-marque');
    const images = [...this.renderRoot.querySelectorAll('img'), ...this.querySelectorAll('img')];
    await Promise.all(images.map((img) => (img.complete ? undefined : img.decode().catch(() => undefined))));
  }

  /** The platform's list (and the structure); the bundled one without a platform, when it fails or is slow. */
  private async charger(cle: string): Promise<void> {
    this.infosStructure = undefined;
    if (!resolveApiBase(this.apiBase)) {
      await this.secours(cle);
      return;
    }
    const structure = this.vue() === 'affiche' ? this.structure?.trim() : undefined;
    if (structure) this.suivre(this.chargerStructure(structure, cle));
    const attente = setTimeout(() => void this.secours(cle), ATTENTE_MAX_MS);
    try {
      const { lireEngagements } = await import('./plateforme.js');
      const lu = await lireEngagements(this, (fresh) => {
        if (this.cleChargement === cle) this.liste = fresh;
      });
      if (this.cleChargement !== cle) return;
      if (!lu) throw new Error('no API base');
      this.depuisPlateforme = true;
      this.liste = lu.data;
    } catch (error) {
      if (this.cleChargement !== cle) return;
      this.reportError('engagements', error);
      await this.secours(cle);
    } finally {
      clearTimeout(attente);
    }
  }

  /** The official list bundled with the element. */
  private async secours(cle: string): Promise<void> {
    if (this.depuisPlateforme && this.cleChargement === cle) return;
    this.depuisPlateforme = false;
    try {
      const liste = await listeOfficielle();
      if (this.cleChargement === cle && !this.depuisPlateforme) this.liste = liste;
    } catch (error) {
      if (this.liste) return;
      this.indisponible = true;
      this.reportError('engagements', error);
    }
  }

  private async chargerStructure(code: string, cle: string): Promise<void> {
    const garder = (structure: Structure) => {
      if (this.cleChargement === cle) this.infosStructure = structure;
    };
    try {
      const { lireStructure } = await import('./plateforme.js');
      const lu = await lireStructure(this, code, garder);
      if (lu) garder(lu.data);
    } catch (error) {
      if (this.cleChargement === cle) this.reportError('structure', error);
    }
  }

  private basculer = (numero: number): void => {
    const ouverts = new Set(this.ouverts);
    if (!ouverts.delete(numero)) ouverts.add(numero);
    this.ouverts = ouverts;
  };

  private slotChange = (event: Event): void => {
    const slot = event.target as HTMLSlotElement;
    const rempli = slot.assignedNodes().some((n) => n.nodeType === Node.ELEMENT_NODE || n.textContent?.trim());
    if (slot.name === 'logo') this.logoInsere = rempli;
    if (slot.name === 'photo') this.photoInseree = rempli;
  };

  private lancerImpression = (): void => void this.imprimer();

  // ---------------------------------------------------------------- rendering

  override render() {
    const disposition = this.vue();
    const anglais = this.locale !== 'fr' ? this.moduleAnglais : undefined;
    const liste = this.liste && anglais ? anglais.traduire(this.liste) : this.liste;
    const vue: Vue | undefined = liste && {
      liste,
      traduit: liste !== this.liste,
      choisis: numeros(this.engagements),
      locale: this.locale,
      dessins: this.dessins,
    };
    const niveau = toHeadingLevel(this.niveauTitre);
    const mention = vue?.traduit ? anglais?.anglais.mention : undefined;
    const notice = mention ? html`<p class="spp-mention-traduction">${mention}</p>` : nothing;

    if (disposition === 'affiche') {
      if (!this.moduleAffiche) return html`<div class="spp-root spp-affiche">${this.attente()}</div>`;
      return this.moduleAffiche.affiche({
        vue,
        niveau,
        marque: this.marque,
        ministere: this.ministere,
        logoSrc: this.logoSrc,
        logoAlt: this.logoAlt,
        photoSrc: this.photoSrc,
        photoAlt: this.photoAlt,
        adresseAvis: this.adresseAvis,
        structure: this.infosStructure,
        logoInsere: this.logoInsere,
        photoInseree: this.photoInseree,
        slotChange: this.slotChange,
        imprimer: this.lancerImpression,
        attente: this.attente(),
        mention: notice,
      });
    }

    const avecTitre = !this.sansTitre;
    const niveauPiliers = avecTitre ? niveau + 1 : niveau;
    let contenu: unknown = this.attente();
    if (vue && disposition === 'accordeon') {
      if (this.moduleAccordeon)
        contenu = this.moduleAccordeon.accordeon(vue, niveauPiliers, this.ouverts, this.basculer);
    } else if (vue) {
      contenu = piliers(vue, niveauPiliers, { miseEnAvant: disposition === 'grille', liens: true });
    }
    return html`<div class="spp-root spp-${disposition}">
      ${avecTitre ? heading(niveau, msg('Nos engagements Services Publics +'), 'spp-titre') : nothing}
      <div class="spp-introduction"><slot name="introduction"></slot></div>
      ${notice} ${contenu}
    </div>`;
  }

  /** Reserves the list's place while it loads, or says it cannot be shown at all. */
  private attente() {
    if (this.indisponible) {
      return html`<p class="spp-indisponible">
        ${msg('Les engagements ne peuvent pas être affichés pour le moment.')}
      </p>`;
    }
    return html`<div class="spp-attente" aria-busy="true"></div>`;
  }
}

SppEngagements.define('spp-engagements');

declare global {
  interface HTMLElementTagNameMap {
    'spp-engagements': SppEngagements;
  }
}
