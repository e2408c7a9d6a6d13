import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { SppOupsErreurs, SppOupsSelectDetail } from './spp-oups-erreurs.js';
import './spp-oups-erreurs.js';
import { API_BASE, setFaults } from '../../test-support/platform.js';
import { waitFor } from '../../test-support/page.js';

// The reference platform serves the seed of data/oups.json: 12 événements (8 for
// particuliers, 4 for professionnels), 3 errors each.
const TOTAL = 36;

const root = (el: SppOupsErreurs) => el.shadowRoot!;
/** Element assertions that report a description, never the element itself (whose
 * serialisation stalls the test runner's reporting of a failure). */
const describeNode = (node: Element | null) =>
  node ? `<${node.localName}${node.id ? `#${node.id}` : ''}> ${node.textContent!.trim().slice(0, 40)}` : 'nothing';
function absent(el: SppOupsErreurs, selector: string) {
  expect(describeNode(el.shadowRoot!.querySelector(selector)), selector).to.equal('nothing');
}
function present(el: SppOupsErreurs, selector: string) {
  expect(el.shadowRoot!.querySelector(selector) !== null, `${selector} present`).to.equal(true);
}
function expectFocus(el: SppOupsErreurs, target: Element | undefined) {
  expect(describeNode(el.shadowRoot!.activeElement), 'focus').to.equal(describeNode(target ?? null));
  expect(el.shadowRoot!.activeElement === target, 'focus').to.equal(true);
}
const $ = <T extends Element = HTMLElement>(el: SppOupsErreurs, selector: string) =>
  root(el).querySelector<T & Element>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: SppOupsErreurs, selector: string) => [
  ...root(el).querySelectorAll<T & Element>(selector),
];
const boutons = (el: SppOupsErreurs) => $$<HTMLButtonElement>(el, '.fr-accordion__btn');
const ids = (el: SppOupsErreurs) => $$(el, '.fr-accordion').map((s) => s.id.replace(/^erreur-/, ''));
const tags = (el: SppOupsErreurs) => $$<HTMLButtonElement>(el, '.fr-tag');
const tag = (el: SppOupsErreurs, libelle: string) => tags(el).find((t) => t.textContent!.includes(libelle))!;
const compte = (el: SppOupsErreurs) => $(el, '.spp-compte').textContent!.trim();
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const visible = (node: Element) => getComputedStyle(node).visibility === 'visible' && node.clientHeight > 0;
/** The element's own active element (focus inside its shadow root). */
const focused = (el: SppOupsErreurs) => root(el).activeElement;

/** An element on this page's platform, once its list (or its empty state) is shown. */
async function oups(template: ReturnType<typeof html>): Promise<SppOupsErreurs> {
  const el = await fixture<SppOupsErreurs>(template);
  await waitFor(() => root(el).querySelector('.fr-accordions-group, .spp-vide') !== null, 8000);
  await el.updateComplete;
  return el;
}

function clearHash() {
  history.replaceState(null, '', location.pathname + location.search);
}

describe('<spp-oups-erreurs>', function () {
  // axe-core over a few dozen accordions takes seconds on a busy machine.
  this.timeout(30_000);

  before(() => {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('spp-widgets:cache:v1:')) localStorage.removeItem(key);
    }
  });
  afterEach(async () => {
    clearHash();
    await setFaults();
  });

  it('shows every error as a closed DSFR accordion, the événements as tags with counts, and the example mention', async () => {
    const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE}></spp-oups-erreurs>`);
    expect(text($(el, 'h2'))).to.equal('Erreurs fréquentes : comment les éviter');
    expect(boutons(el)).to.have.length(TOTAL);
    expect(boutons(el)[0].closest('h3')).to.exist;
    expect(text(boutons(el)[0])).to.equal('Ne pas signaler sa nouvelle adresse à l’administration fiscale');
    for (const bouton of boutons(el)) {
      expect(bouton.getAttribute('aria-expanded')).to.equal('false');
      const panneau = root(el).getElementById(bouton.getAttribute('aria-controls')!)!;
      expect(visible(panneau)).to.equal(false);
      // A closed panel is drawn only when opened (or printed): 36 × 7 panels on a page
      // would be thousands of nodes built and laid out for nothing.
      expect(panneau.childElementCount, panneau.id).to.equal(0);
    }
    expect(tags(el)).to.have.length(12);
    expect(text(tag(el, 'Je déménage'))).to.equal('Je déménage (3)');
    expect(tags(el).every((t) => t.getAttribute('aria-pressed') === 'false')).to.equal(true);
    // Two groups, named for screen readers: particuliers, then professionnels.
    const groupes = $$(el, '.fr-tags-group');
    expect(groupes.map((g) => text(root(el).getElementById(g.getAttribute('aria-labelledby')!)!))).to.deep.equal([
      'Particuliers',
      'Professionnels',
    ]);
    expect(compte(el)).to.equal(`${TOTAL} erreurs`);
    expect($(el, '.spp-compte').getAttribute('role')).to.equal('status');
    expect(text($(el, '.spp-mention'))).to.contain('Exemple rédigé pour la démonstration');
    expect($<HTMLAnchorElement>(el, '.spp-source a').href).to.equal('https://www.oups.gouv.fr/');
    // The accordion arrow is inline SVG: DSFR's url() mask is gone, its pseudo-element too.
    expect(boutons(el)[0].querySelector('svg.spp-fleche path')).to.exist;
    expect(getComputedStyle(boutons(el)[0], '::after').content).to.equal('none');
    await expect(el).to.be.accessible();
  });

  it('opens an error to show what goes wrong, the conseils, the administrations and links, and emits spp-select', async () => {
    const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE}></spp-oups-erreurs>`);
    const bouton = boutons(el)[1];
    const ouverture = oneEvent(el, 'spp-select');
    bouton.click();
    const { detail } = (await ouverture) as CustomEvent<SppOupsSelectDetail>;
    expect(detail).to.deep.equal({
      id: 'demenagement-caf',
      titre: 'Oublier de prévenir la Caf de son déménagement',
      evenement: 'demenagement',
      origine: 'clic',
    });
    await el.updateComplete;
    expect(bouton.getAttribute('aria-expanded')).to.equal('true');
    const panneau = root(el).getElementById(bouton.getAttribute('aria-controls')!)!;
    await waitFor(() => visible(panneau));
    expect(text(panneau.querySelector('p')!)).to.match(/^L’aide au logement dépend du logement occupé/);
    const sousTitres = [...panneau.querySelectorAll('h4')].map(text);
    expect(sousTitres).to.deep.equal(['Nos conseils', 'Administrations concernées', 'En savoir plus']);
    expect(panneau.querySelectorAll('ul')[0].querySelectorAll('li')).to.have.length(3);
    const liens = [...panneau.querySelectorAll('a')].map((a) => [text(a), a.href]);
    expect(liens).to.deep.equal([
      ['Caisse d’allocations familiales (Caf)', 'https://www.caf.fr/'],
      ['Mon Compte sur caf.fr', 'https://www.caf.fr/'],
    ]);
    expect(text(panneau.querySelector('.spp-maj')!)).to.equal('Mis à jour le 4 février 2025');
    await expect(el).to.be.accessible();

    // Closing emits nothing.
    let emitted = 0;
    el.addEventListener('spp-select', () => (emitted += 1));
    bouton.click();
    await el.updateComplete;
    expect(bouton.getAttribute('aria-expanded')).to.equal('false');
    await waitFor(() => !visible(panneau));
    expect(emitted).to.equal(0);
    expect(panneau.childElementCount).to.equal(0);
  });

  it('is accessible with every accordion open and closed, light and dark, French and English', async () => {
    for (const lang of ['fr', 'en']) {
      for (const theme of ['light', 'dark']) {
        const el = await oups(
          html`<spp-oups-erreurs api-base=${API_BASE} theme=${theme} lang=${lang} limite="6"></spp-oups-erreurs>`,
        );
        expect(el.getAttribute('data-fr-theme')).to.equal(theme);
        await expect(el).to.be.accessible();
        boutons(el).forEach((b) => b.click());
        await el.updateComplete;
        expect(boutons(el).every((b) => b.getAttribute('aria-expanded') === 'true')).to.equal(true);
        await expect(el).to.be.accessible();
      }
    }
  });

  it('speaks English with lang="en", and marks the French data as French', async () => {
    const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} lang="en"></spp-oups-erreurs>`);
    expect(text($(el, 'h2'))).to.equal('Frequent mistakes: how to avoid them');
    expect(text($(el, '.fr-label'))).to.match(/^Search for a mistake/);
    expect(compte(el)).to.equal(`${TOTAL} mistakes`);
    expect(boutons(el)[0].querySelector('span')!.getAttribute('lang')).to.equal('fr');
    expect(tag(el, 'Je déménage').querySelector('span')!.getAttribute('lang')).to.equal('fr');
    boutons(el)[0].click();
    await el.updateComplete;
    expect(text($(el, '.spp-maj'))).to.equal('Updated on March 12, 2025');
    // In French, no lang attribute is needed on the data.
    el.lang = 'fr';
    await waitFor(() => compte(el) === `${TOTAL} erreurs`);
    expect(boutons(el)[0].querySelector('span')!.hasAttribute('lang')).to.equal(false);
  });

  describe('accordion keyboard', () => {
    it('Enter and Space open and close the focused error, focus stays on its button', async () => {
      const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} recherche="false"></spp-oups-erreurs>`);
      const [premier, second] = boutons(el);
      const panneau = root(el).getElementById(premier.getAttribute('aria-controls')!)!;
      premier.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(premier.getAttribute('aria-expanded')).to.equal('true');
      expectFocus(el, premier);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(premier.getAttribute('aria-expanded')).to.equal('false');
      expectFocus(el, premier);
      // Closed (after DSFR's 0.3 s fold): Tab skips the hidden panel, to the next error.
      await waitFor(() => getComputedStyle(panneau).visibility === 'hidden');
      await sendKeys({ press: 'Tab' });
      expectFocus(el, second);
      // Open: Tab goes into the panel, to its first link.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expectFocus(el, premier);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      await waitFor(() => visible(panneau));
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.tagName).to.equal('A');
      expect(text(focused(el)!)).to.equal('Direction générale des Finances publiques');
    });
  });

  describe('filters', () => {
    it('filters by événement with the tags (toggle buttons), and back to all', async () => {
      const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE}></spp-oups-erreurs>`);
      const demenagement = tag(el, 'Je déménage');
      demenagement.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(demenagement.getAttribute('aria-pressed')).to.equal('true');
      expect(demenagement.querySelector('svg.spp-coche')).to.exist;
      // DSFR's check is a url() mask the pipeline removes: its pseudo-element must not show a square.
      expect(getComputedStyle(demenagement, '::after').content).to.equal('none');
      expect(getComputedStyle(demenagement.parentElement!).listStyleType).to.equal('none');
      expect(ids(el)).to.deep.equal(['demenagement-adresse-impots', 'demenagement-caf', 'demenagement-carte-grise']);
      await expect(el).to.be.accessible();
      tag(el, 'Je cesse mon activité').click();
      await el.updateComplete;
      expect(demenagement.getAttribute('aria-pressed')).to.equal('false');
      expect(ids(el)).to.deep.equal(['cessation-cfe', 'cessation-resultat', 'cessation-radiation']);
      tag(el, 'Je cesse mon activité').click();
      await el.updateComplete;
      expect(boutons(el)).to.have.length(TOTAL);
    });

    it('preselects the événement of the evenement attribute', async () => {
      const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} evenement="tva"></spp-oups-erreurs>`);
      expect(tag(el, 'TVA').getAttribute('aria-pressed')).to.equal('true');
      expect(ids(el)).to.deep.equal(['tva-declaree-non-payee', 'tva-deductible', 'tva-franchise']);
      el.evenement = 'retraite';
      await el.updateComplete;
      expect(ids(el)).to.deep.equal(['retraite-demande-tardive', 'retraite-releve-carriere', 'retraite-cumul']);
      el.evenement = 'inconnu';
      await el.updateComplete;
      expect(boutons(el)).to.have.length(TOTAL);
    });

    it('shows only one public with the public attribute', async () => {
      const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} public="professionnel"></spp-oups-erreurs>`);
      expect(tags(el).map((t) => text(t))).to.deep.equal([
        'Je crée mon entreprise (3)',
        'J’embauche un salarié (3)',
        'Je déclare et je paie la TVA (3)',
        'Je cesse mon activité (3)',
      ]);
      expect($$(el, '.fr-tags-group')).to.have.length(1);
      absent(el, '.spp-public');
      expect(boutons(el)).to.have.length(12);
      expect(ids(el)[0]).to.equal('creation-guichet');
      el.public = 'particulier';
      await el.updateComplete;
      expect(tags(el)).to.have.length(8);
      expect(boutons(el)).to.have.length(24);
    });

    it('shows only the errors concerning an administration, and only the événements that have some', async () => {
      const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} administration="caf"></spp-oups-erreurs>`);
      expect(ids(el)).to.deep.equal([
        'demenagement-caf',
        'naissance-declaration-grossesse',
        'couple-caf-situation',
        'separation-caf',
        'etudes-aide-logement',
      ]);
      expect(tags(el).map((t) => text(t))).to.deep.equal([
        'Je déménage (1)',
        'J’attends ou j’accueille un enfant (1)',
        'Je me marie ou je me pacse (1)',
        'Je me sépare (1)',
        'Je fais des études supérieures (1)',
      ]);
      el.administration = 'Finances publiques';
      el.public = 'professionnel';
      await el.updateComplete;
      expect(ids(el)).to.deep.equal([
        'creation-coordonnees-bancaires',
        'tva-declaree-non-payee',
        'tva-deductible',
        'tva-franchise',
        'cessation-cfe',
        'cessation-resultat',
      ]);
    });
  });

  describe('search', () => {
    it('filters titles, descriptions and conseils as you type, ignoring accents and case', async () => {
      const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE}></spp-oups-erreurs>`);
      const champ = $<HTMLInputElement>(el, 'input[type=search]');
      expect(text(root(el).querySelector(`label[for="${champ.id}"]`)!)).to.match(/^Rechercher une erreur/);
      champ.focus();
      await sendKeys({ type: 'demenagement' });
      await el.updateComplete;
      // « Déménagement » in a title and in a description.
      expect(ids(el)).to.deep.equal(['demenagement-caf', 'demenagement-carte-grise']);
      // Counts on the tags follow the search.
      expect(text(tag(el, 'Je déménage'))).to.equal('Je déménage (2)');
      expect(text(tag(el, 'Je me sépare'))).to.equal('Je me sépare (0)');

      champ.select();
      await sendKeys({ type: 'DÉMÉNAGEMENT' });
      await el.updateComplete;
      expect(ids(el)).to.deep.equal(['demenagement-caf', 'demenagement-carte-grise']);

      // A conseil only: « …Mon Compte sur caf.fr… » for errors whose title does not say Caf.
      champ.select();
      await sendKeys({ type: 'CAF' });
      await el.updateComplete;
      expect(ids(el)).to.deep.equal([
        'demenagement-caf',
        'naissance-declaration-grossesse',
        'couple-caf-situation',
        'separation-caf',
        'etudes-aide-logement',
      ]);

      // A straight apostrophe finds the typographic one; several words must all be found.
      champ.select();
      await sendKeys({ type: "l'adresse" });
      await el.updateComplete;
      expect(ids(el)).to.deep.equal(['demenagement-adresse-impots', 'demenagement-carte-grise']);
      champ.select();
      await sendKeys({ type: 'adresse impots' });
      await el.updateComplete;
      expect(ids(el)).to.deep.equal(['demenagement-adresse-impots']);
    });

    it('combines the search with the selected événement', async () => {
      const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} evenement="naissance"></spp-oups-erreurs>`);
      $<HTMLInputElement>(el, 'input').focus();
      await sendKeys({ type: 'caf' });
      await el.updateComplete;
      expect(ids(el)).to.deep.equal(['naissance-declaration-grossesse']);
    });

    it('announces the number of results politely, once typing pauses', async () => {
      const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE}></spp-oups-erreurs>`);
      const statut = $(el, '.spp-compte');
      expect(statut.getAttribute('role')).to.equal('status');
      expect(compte(el)).to.equal(`${TOTAL} erreurs`);
      $<HTMLInputElement>(el, 'input').focus();
      await sendKeys({ type: 'caf' });
      await el.updateComplete;
      // The list follows at once; the live region waits for a pause, so a screen reader
      // hears one count, not one per key.
      expect(boutons(el)).to.have.length(5);
      expect(compte(el)).to.equal(`${TOTAL} erreurs`);
      await waitFor(() => compte(el) === '5 erreurs');
      await sendKeys({ type: ' mon compte' });
      await waitFor(() => compte(el) === '3 erreurs');
      tag(el, 'Je déménage').click();
      await waitFor(() => compte(el) === '1 erreur', 1000);
      await expect(el).to.be.accessible();
    });

    it('suggests clearing the filters when nothing matches, and clears them', async () => {
      const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} evenement="emploi"></spp-oups-erreurs>`);
      const champ = $<HTMLInputElement>(el, 'input');
      champ.focus();
      await sendKeys({ type: 'passeport' });
      await el.updateComplete;
      expect(boutons(el)).to.have.length(0);
      expect(text($(el, '.spp-vide'))).to.contain('Aucune erreur ne correspond à votre recherche.');
      await waitFor(() => compte(el) === 'Aucune erreur');
      await expect(el).to.be.accessible();
      const effacer = $<HTMLButtonElement>(el, '.spp-vide button');
      expect(text(effacer)).to.equal('Effacer les filtres');
      effacer.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(champ.value).to.equal('');
      expectFocus(el, champ);
      expect(tags(el).every((t) => t.getAttribute('aria-pressed') === 'false')).to.equal(true);
      expect(boutons(el)).to.have.length(TOTAL);
      await waitFor(() => compte(el) === `${TOTAL} erreurs`);
    });

    it('hides the search box with recherche="false"', async () => {
      const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} recherche="false"></spp-oups-erreurs>`);
      absent(el, 'input');
      expect(tags(el)).to.have.length(12);
      el.setAttribute('recherche', '');
      await el.updateComplete;
      present(el, 'input');
    });
  });

  it('shows limite errors, then as many more with « Voir plus », moving focus to the first new one', async () => {
    const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} limite="5"></spp-oups-erreurs>`);
    expect(boutons(el)).to.have.length(5);
    expect(compte(el)).to.equal(`${TOTAL} erreurs, dont 5 affichées`);
    const plus = $<HTMLButtonElement>(el, '.spp-plus button');
    expect(text(plus)).to.equal('Voir plus d’erreurs');
    plus.click();
    await el.updateComplete;
    expect(boutons(el)).to.have.length(10);
    expectFocus(el, boutons(el)[5]);
    await waitFor(() => compte(el) === `${TOTAL} erreurs, dont 10 affichées`);
    // A filter starts again from limite.
    tag(el, 'Je déménage').click();
    await el.updateComplete;
    expect(boutons(el)).to.have.length(3);
    absent(el, '.spp-plus');
    await expect(el).to.be.accessible();
  });

  it('loads when its api-base is given after it is on the page', async () => {
    const el = document.createElement('spp-oups-erreurs');
    document.body.append(el);
    try {
      el.apiBase = API_BASE;
      await waitFor(() => boutons(el).length === TOTAL, 8000);
    } finally {
      el.remove();
    }
  });

  it('uses niveau-titre for its heading, the errors one level below', async () => {
    const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} niveau-titre="3"></spp-oups-erreurs>`);
    present(el, 'h3.spp-titre');
    expect(boutons(el)[0].parentElement!.tagName).to.equal('H4');
    boutons(el)[0].click();
    await el.updateComplete;
    present(el, '.fr-collapse--expanded h5');
  });

  it('shares its stylesheets with every other instance (one CSSStyleSheet per chunk)', async () => {
    const a = await oups(html`<spp-oups-erreurs api-base=${API_BASE} limite="1"></spp-oups-erreurs>`);
    const b = await oups(html`<spp-oups-erreurs api-base=${API_BASE} limite="1"></spp-oups-erreurs>`);
    const sheets = (el: SppOupsErreurs) => root(el).adoptedStyleSheets;
    expect(sheets(a).length).to.be.greaterThan(4);
    expect(sheets(a)).to.have.length(sheets(b).length);
    sheets(a).forEach((sheet, i) => expect(sheet === sheets(b)[i], `sheet ${i}`).to.equal(true));
  });

  it('reflows at 320 px without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} limite="4"></spp-oups-erreurs>`);
      boutons(el)[0].click();
      await el.updateComplete;
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect(root(el).querySelector('.spp-root')!.scrollWidth).to.be.at.most(el.clientWidth);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('prints every error open, without the filters', async () => {
    const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} limite="3"></spp-oups-erreurs>`);
    const panneaux = $$(el, '.fr-collapse');
    expect(panneaux).to.have.length(3);
    expect(panneaux.some(visible)).to.equal(false);
    await emulateMedia({ media: 'print' });
    try {
      await waitFor(() => panneaux.every(visible));
      expect(panneaux.map((p) => text(p.querySelector('p')!))[0]).to.match(
        /^Sans changement d’adresse, les courriers des impôts/,
      );
      expect(panneaux.every((p) => p.querySelector('.spp-maj'))).to.equal(true);
      expect(getComputedStyle($(el, '.spp-filtres')).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    await waitFor(() => panneaux.every((p) => p.childElementCount === 0));
  });

  it('draws every panel during beforeprint itself, as window.print() lays the page out right after', async () => {
    const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} limite="3"></spp-oups-erreurs>`);
    const panneaux = $$(el, '.fr-collapse');
    window.dispatchEvent(new Event('beforeprint'));
    // No await: a later render slice would be too late for the printout.
    expect(panneaux.map((p) => p.querySelectorAll('p').length > 0)).to.deep.equal([true, true, true]);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(panneaux.map((p) => p.childElementCount)).to.deep.equal([0, 0, 0]);
    // Removed from the page, it no longer listens.
    el.remove();
    window.dispatchEvent(new Event('beforeprint'));
    expect(panneaux.map((p) => p.childElementCount)).to.deep.equal([0, 0, 0]);
    window.dispatchEvent(new Event('afterprint'));
  });

  describe('deep link #erreur-<id>', () => {
    it('opens, shows and focuses the error of the page address, whatever the filters', async () => {
      location.hash = '#erreur-tva-franchise';
      const el = await oups(
        html`<spp-oups-erreurs api-base=${API_BASE} evenement="demenagement" limite="1"></spp-oups-erreurs>`,
      );
      await waitFor(() => focused(el) !== null);
      const section = $(el, '#erreur-tva-franchise');
      const bouton = section.querySelector('button')!;
      expect(bouton.getAttribute('aria-expanded')).to.equal('true');
      expectFocus(el, bouton);
      expect(tag(el, 'TVA').getAttribute('aria-pressed')).to.equal('true');
      const box = section.getBoundingClientRect();
      expect(box.top).to.be.within(-1, window.innerHeight);
      await expect(el).to.be.accessible();
    });

    it('follows hashchange, and emits spp-select with origine « ancre »', async () => {
      const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} limite="3"></spp-oups-erreurs>`);
      const ouverture = oneEvent(el, 'spp-select');
      location.hash = '#erreur-impots-dons';
      const { detail } = (await ouverture) as CustomEvent<SppOupsSelectDetail>;
      expect([detail.id, detail.origine]).to.deep.equal(['impots-dons', 'ancre']);
      await el.updateComplete;
      expect($(el, '#erreur-impots-dons button').getAttribute('aria-expanded')).to.equal('true');
      // Unknown ids and other anchors change nothing.
      location.hash = '#erreur-inconnue';
      await new Promise((resolve) => setTimeout(resolve, 50));
      location.hash = '#ailleurs';
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect($$(el, '.fr-collapse--expanded')).to.have.length(1);
    });

    it('ignores an error outside its public or administration', async () => {
      location.hash = '#erreur-tva-franchise';
      const el = await oups(html`<spp-oups-erreurs api-base=${API_BASE} public="particulier"></spp-oups-erreurs>`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      absent(el, '#erreur-tva-franchise');
      expect($$(el, '.fr-collapse--expanded')).to.have.length(0);
    });
  });
});
