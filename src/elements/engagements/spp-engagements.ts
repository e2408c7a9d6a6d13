import { adoptStyles, html, nothing, type CSSResultOrNative, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { SppElement } from '../../core/spp-element.js';
import { heading, toHeadingLevel } from '../../core/heading.js';
import { listeOfficielle, numeros, type ListeEngagements, type Structure } from './donnees.js';
import type { FormatPapier } from './impression.js';
import type { Pictogramme } from './pictogrammes.js';
import { piliers, type Vue } from './rendu.js';
import styles from './spp-engagements.styles.css';
import { marianneReady } from '../../core/fonts-ready.js';

export type Disposition = 'grille' | 'liste' | 'accordeon' | 'affiche';

const DISPOSITIONS: readonly Disposition[] = ['grille', 'liste', 'accordeon', 'affiche'];
/** Past this wait for the platform, the bundled official list is shown meanwhile. */
const ATTENTE_MAX_MS = 3000;

type ModuleAnglais = typeof import('./anglais.js');
type ModuleAccordeon = typeof import('./accordeon.js');
type ModuleAffiche = typeof import('./affiche.js');

/**
 * Les 9 engagements Services Publics +, dans leurs 3 piliers (« Des services publics +
 * proches / + efficaces / + simples »), chacun avec son numéro, son titre aux mots clés
 * mis en valeur comme dans les supports officiels, et un pictogramme du DSFR.
 *
 * La liste vient de la plateforme (`GET /v1/engagements`, gardée un jour) ; sans
 * plateforme, en cas d'échec ou de lenteur, la liste officielle fournie avec l'élément est
 * affichée : l'élément montre toujours les engagements. Avec `lang="en"`, les titres sont
 * des traductions non officielles, signalées comme telles ; les engagements détaillés
 * restent en français (marqués `lang="fr"`).
 *
 * `engagements` (par ex. `1,7`) **met en avant** ces engagements en `grille` et `affiche`
 * (les 9 restent : ils forment une seule promesse), et **montre seulement** ceux-là en
 * `liste` et `accordeon`.
 *
 * Titres : le titre au niveau `niveau-titre` (2 par défaut), les piliers un niveau en
 * dessous, en `accordeon` les engagements encore un niveau en dessous et leurs sections
 * sous eux (jamais plus bas que 6). `sans-titre` retire le titre ; les piliers prennent
 * alors `niveau-titre`.
 *
 * `affiche` est l'affiche du programme : bloc marque (de `ministere`, sinon celui de la
 * `structure`) et logo de l'opérateur en haut, la photo, le titre, les engagements, et où
 * donner son avis. L'aperçu à l'écran est l'impression, à l'échelle. `imprimer()` (et le
 * bouton « Imprimer l'affiche ») l'imprime seule sur une page A4 (ou `format="A3"`).
 *
 * @tagname spp-engagements
 * @summary Les 9 engagements Services Publics + : grille, liste, accordéon ou affiche A4.
 * @slot introduction - Texte affiché sous le titre (toutes les dispositions).
 * @slot logo - `affiche` : le logo de l'opérateur, à la place de `logo-src`.
 * @slot photo - `affiche` : la photo, à la place de `photo-src` (elle remplit le bandeau photo).
 * @csspart pilier - Chaque pilier (son titre et ses engagements).
 * @csspart engagement - Chaque engagement.
 * @csspart mis-en-avant - Les engagements cités dans `engagements` (`grille`, `affiche`).
 * @csspart pictogramme - Le pictogramme de chaque engagement.
 * @csspart bouton-imprimer - `affiche` : le bouton « Imprimer l'affiche ».
 * @csspart affiche - `affiche` : la feuille de l'affiche.
 * @cssprop [--spp-engagements-affiche-largeur=52rem] - `affiche` : la largeur de l'affiche à l'écran.
 * @event spp-error - La plateforme ou la structure n'a pas pu être lue (la liste officielle est
 *   affichée), ou l'impression a échoué. `detail` : `{ phase, message, error }`.
 */
export class SppEngagements extends SppElement {
  static override styles = [SppElement.styles, styles];

  /**
   * `grille` (par défaut) : les 3 piliers côte à côte ; `liste` : compacte, pour une colonne
   * latérale ; `accordeon` : chaque engagement s'ouvre sur ses engagements détaillés ;
   * `affiche` : l'affiche A4 à imprimer.
   */
  @property({ reflect: true }) disposition: Disposition = 'grille';

  /** `affiche` : le code d'une structure, pour son bloc marque, son logo et son nom (lus sur la plateforme). */
  @property() structure?: string;

  /** `affiche` : l'intitulé du bloc marque, lignes séparées par des retours à la ligne ou `\n` (remplace celui de la structure). */
  @property() ministere?: string;

  /** `affiche` : le logo de l'opérateur (URL http(s) ; remplace celui de la structure). */
  @property({ attribute: 'logo-src' }) logoSrc?: string;

  /** `affiche` : l'alternative textuelle du logo (le nom de l'opérateur). */
  @property({ attribute: 'logo-alt' }) logoAlt?: string;

  /** `affiche` : la photo (URL http(s)). */
  @property({ attribute: 'photo-src' }) photoSrc?: string;

  /** `affiche` : l'alternative textuelle de la photo ; vide (par défaut) quand elle est décorative. */
  @property({ attribute: 'photo-alt' }) photoAlt?: string;

  /** Des numéros, par ex. `1,7` : mis en avant en `grille` et `affiche`, seuls montrés en `liste` et `accordeon`. */
  @property() engagements?: string;

  /**
   * Le niveau du premier titre, de 2 à 6.
   * @default 2
   */
  @property({ attribute: 'niveau-titre', type: Number }) niveauTitre?: number;

  /** Sans titre (la page en a déjà un) : les titres des piliers prennent `niveau-titre`. Pas en `affiche`. */
  @property({ attribute: 'sans-titre', type: Boolean }) sansTitre = false;

  /** `affiche` : où les usagers donnent leur avis, imprimé sur l'affiche (par défaut : l'adresse de cette page). */
  @property({ attribute: 'adresse-avis' }) adresseAvis?: string;

  /** Le papier d'`imprimer()` : `A4` (par défaut) ou `A3` ; l'affiche s'y met à l'échelle. */
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
    const cle = `${this.platformBase ?? ''}\n${vue === 'affiche' ? (this.structure?.trim() ?? '') : ''}`;
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
   * Imprime l'élément seul, sur une page `format` en portrait : en `affiche`, l'affiche.
   * Attend ce qui se charge encore (liste, pictogrammes, images), puis ouvre la fenêtre
   * d'impression du navigateur ; ce qui a été ajouté à la page pour l'impression est retiré ensuite.
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
    if (!this.platformBase) {
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
      await marianneReady(this.marque);
      if (this.cleChargement !== cle) return;
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
      await marianneReady(this.marque);
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
