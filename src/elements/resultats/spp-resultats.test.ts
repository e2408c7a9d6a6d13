import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { API_BASE, setFaults } from '../../test-support/platform.js';
import { waitFor } from '../../test-support/page.js';
import { fetchJsonFixture } from '../../test-support/fixtures.js';
import { loadLocale, withLocale } from '../../core/localization.js';
import { OPENDATA_BASE, SITE_RESULTATS, type SppResultats } from './spp-resultats.js';
import { formatPeriode, formatValeur, type ResultatsStructure } from './format.js';
import { resumeHistorique } from './chart.js';
import { urlResultats } from './opendata.js';

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<E>(selector),
];
/** The text, spaces collapsed (and Intl's no-break spaces as plain ones). */
const text = (node: Element | null) =>
  node?.textContent
    ?.replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim() ?? '';
/** A date some days ago (the cache keeps copies 30 days), and how the element writes it. */
const daysAgo = (days: number) => {
  const at = Date.now() - days * 86_400_000;
  return { at, fr: new Intl.DateTimeFormat('fr', { dateStyle: 'long' }).format(at) };
};
const cardOf = (el: Element, libelle: string) =>
  $$(el, '.spp-carte').find((c) => text(c.querySelector('.spp-carte__titre')) === libelle)!;

/** Waits until the results (and, when shown, the charts) are there, or a message is. */
async function ready(el: SppResultats) {
  await waitFor(() => !$(el, '[aria-busy]') && !$(el, 'div.spp-graphique'), 5000);
  await el.updateComplete;
  return el;
}

const platform = (code: string) => `${API_BASE}/v1/structures/${code}/resultats`;
const readApi = async (code: string): Promise<ResultatsStructure> => (await fetch(platform(code))).json();
const ODS = 'https://ods.example.test/api/explore/v2.1';
const realFetch = window.fetch;
let odsResultats: unknown;
let odsIndicateurs: unknown;

/** Answers the open-data URLs from the recorded fixtures (or with `status`), passes the rest through. */
function stubOpenData(status = 200) {
  const calls: string[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes('/catalog/datasets/')) return realFetch(input, init);
    calls.push(url);
    if (status !== 200) return new Response('{}', { status });
    return Response.json(url.includes('export-resultats') ? odsResultats : odsIndicateurs);
  };
  return calls;
}

before(async () => {
  await loadLocale('en');
  const fixture = (name: string) => fetchJsonFixture(new URL(`./fixtures/${name}.json`, import.meta.url));
  odsResultats = await fixture('ods-export-resultats');
  odsIndicateurs = await fixture('ods-export-indicateurs');
});

afterEach(async () => {
  window.fetch = realFetch;
  await setFaults();
});

describe('<spp-resultats> from the platform, as cards', () => {
  let el: SppResultats;
  beforeEach(async () => {
    el = await ready(await fixture(html`<spp-resultats structure="EX-CAF-33" api-base=${API_BASE}></spp-resultats>`));
  });

  it('shows each indicator as a card, under a heading, with the example mention visible', async () => {
    expect(text($(el, 'h2'))).to.equal('Résultats de qualité de service');
    expect(text($(el, '.spp-structure'))).to.equal('Caf de la Gironde');
    expect(text($(el, '.spp-mention'))).to.equal('Exemple fictif : ces chiffres ne sont pas des résultats officiels.');
    const titles = $$(el, '.spp-carte h3').map(text);
    expect(titles).to.deep.equal((await readApi('EX-CAF-33')).resultats.map((r) => r.indicateur.libelle));
    expect($(el, '.spp-source a')!.getAttribute('href')).to.equal(SITE_RESULTATS);
    await expect(el).to.be.accessible();
  });

  it('gives value, period, type, target, level, trend and update date, in words', () => {
    const card = cardOf(el, 'Usagers satisfaits');
    expect(text(card.querySelector('.spp-valeur'))).to.equal('81,3 %');
    expect(text(card.querySelector('.spp-periode'))).to.equal('Période : 2024');
    expect(text(card.querySelector('.spp-type'))).to.equal('Qualité de service perçue');
    expect(text(card.querySelector('.spp-objectif'))).to.equal('Objectif atteint Objectif : 80 % ou plus');
    expect(text(card.querySelector('.spp-tendance'))).to.equal(
      'En hausse de 3,1 points, en amélioration, par rapport à la période précédente (2023).',
    );
    expect(text(card.querySelector('.spp-maj'))).to.equal('Mis à jour le 24 janvier 2025');

    const delai = cardOf(el, 'Délai moyen de traitement d’un dossier');
    expect(text(delai.querySelector('.spp-valeur'))).to.equal('14 jours');
    expect(text(delai.querySelector('.spp-periode'))).to.equal('Période : 2e trimestre 2025');
    expect(text(delai.querySelector('.spp-type'))).to.equal('Qualité de service rendue');
    expect(text(delai.querySelector('.spp-objectif'))).to.equal('Objectif atteint Objectif : 15 jours ou moins');
    expect(text(delai.querySelector('.spp-tendance'))).to.equal(
      'En baisse de 2 jours, en amélioration, par rapport à la période précédente (1er trimestre 2025).',
    );

    const note = cardOf(el, 'Note des démarches en ligne');
    expect(text(note.querySelector('.spp-valeur'))).to.equal('7,8/10');
    expect(text(note.querySelector('.spp-periode'))).to.equal('Période : août 2025');
    expect(text(note.querySelector('.spp-tendance'))).to.equal(
      'En baisse de 0,1 point, en dégradation, par rapport à la période précédente (juillet 2025).',
    );
  });

  it('shows the level as a badge whose words say it, its colour only repeating them', () => {
    const vert = cardOf(el, 'Usagers satisfaits').querySelector('.spp-badge')!;
    const orange = cardOf(el, 'Appels décrochés par un agent').querySelector('.spp-badge')!;
    expect(text(vert)).to.equal('Objectif atteint');
    expect(text(orange)).to.equal('Proche de l’objectif');
    expect(getComputedStyle(vert).backgroundColor).not.to.equal(getComputedStyle(orange).backgroundColor);
    const up = cardOf(el, 'Usagers satisfaits').querySelector('.spp-tendance .spp-icon')!;
    const down = cardOf(el, 'Note des démarches en ligne').querySelector('.spp-tendance .spp-icon')!;
    expect(getComputedStyle(up).color).not.to.equal(getComputedStyle(down).color);
    expect(getComputedStyle(up).transform).not.to.equal(getComputedStyle(down).transform);
  });

  it('draws each history as an image named by exactly the figures of its data table', async () => {
    const data = await readApi('EX-CAF-33');
    for (const r of data.resultats) {
      const card = cardOf(el, r.indicateur.libelle);
      const chart = card.querySelector('svg[role="img"]')!;
      expect(chart.getAttribute('aria-label')).to.equal(withLocale('fr', () => resumeHistorique(r, 'fr')));
      expect(chart.querySelectorAll('circle')).to.have.length(r.historique.filter((p) => p.valeur !== null).length);
      // The table holds the same figures, in the same order.
      const rows = [...card.querySelectorAll('.spp-tableau tbody tr')].map((tr) => [
        tr.querySelector('th')!.textContent!.trim(),
        tr.querySelector('td')!.textContent!.trim(),
      ]);
      expect(rows).to.deep.equal(
        r.historique.map((p) => [
          formatPeriode(p.periode, 'fr'),
          p.valeur === null ? 'Non publié' : formatValeur(p.valeur, r.indicateur.unite, 'fr'),
        ]),
      );
      for (const [periode, valeur] of rows)
        expect(chart.getAttribute('aria-label')).to.contain(`${periode} : ${valeur}`);
    }
  });

  it('shows and hides the data table with « Voir les données », by mouse and keyboard', async () => {
    const card = cardOf(el, 'Usagers satisfaits');
    const button = [...card.querySelectorAll('button')].find((b) => text(b).startsWith('Voir les données'))!;
    const table = card.querySelector<HTMLElement>('.spp-tableau')!;
    expect(button.getAttribute('aria-controls')).to.equal(table.id);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(table.hidden).to.equal(true);
    expect(text(button)).to.equal('Voir les données – Usagers satisfaits');

    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(table.hidden).to.equal(false);
    expect(table.getBoundingClientRect().height).to.be.above(100);
    expect(text(table.querySelector('caption'))).to.equal('Historique : Usagers satisfaits');
    expect(table.querySelectorAll('th[scope="col"]')).to.have.length(2);
    await expect(el).to.be.accessible();

    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(table.hidden).to.equal(true);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(table.hidden).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('downloads the figures of the history as a CSV file, byte for byte', async () => {
    const saved: { blob?: Blob; name?: string; href?: string } = {};
    const { createObjectURL } = URL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => {
      saved.blob = blob;
      return createObjectURL(blob);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.name = this.download;
      saved.href = this.href;
    };
    try {
      const card = cardOf(el, 'Usagers satisfaits');
      [...card.querySelectorAll('button')].find((b) => text(b).startsWith('Télécharger (CSV)'))!.click();
      await waitFor(() => saved.name !== undefined);
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(saved.name).to.equal('resultats-IND-27.csv');
    expect(saved.href).to.match(/^blob:/);
    const expected =
      '\uFEFFIndicateur;Code;Période;Début;Fin;Valeur;Unité;Objectif\r\n' +
      'Usagers satisfaits;IND-27;2021;2021-01-01;2021-12-31;74,5;%;80\r\n' +
      'Usagers satisfaits;IND-27;2022;2022-01-01;2022-12-31;76;%;80\r\n' +
      'Usagers satisfaits;IND-27;2023;2023-01-01;2023-12-31;78,2;%;80\r\n' +
      'Usagers satisfaits;IND-27;2024;2024-01-01;2024-12-31;81,3;%;80\r\n';
    const bytes = new Uint8Array(await saved.blob!.arrayBuffer());
    expect([...bytes]).to.deep.equal([...new TextEncoder().encode(expected)]);
    expect($(el, 'a[download]')).to.equal(null, 'the temporary link is gone');
  });

  it('shows the indicators asked, in the order asked', async () => {
    el.indicateurs = 'IND-05, IND-27 IND-99';
    await el.updateComplete;
    expect($$(el, '.spp-carte h3').map(text)).to.deep.equal([
      'Délai moyen de traitement d’un dossier',
      'Usagers satisfaits',
    ]);
  });

  it('fits the page outline with niveau-titre, and can hide the charts', async () => {
    el.niveauTitre = '3';
    el.historique = false;
    await el.updateComplete;
    expect(text($(el, 'h3'))).to.equal('Résultats de qualité de service');
    expect($$(el, '.spp-carte h4')).to.have.length(6);
    expect($(el, 'svg[role="img"]')).to.equal(null);
  });

  it('reflows to one column at 320 px without scrolling sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      await el.updateComplete;
      const cards = $$(el, '.spp-carte');
      expect(new Set(cards.map((c) => Math.round(c.getBoundingClientRect().left))).size).to.equal(1);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('<spp-resultats> values without result', () => {
  it('shows the reason instead of a zero, and no level nor trend', async () => {
    const el = await ready(
      await fixture(html`<spp-resultats structure="EX-FS-23096" api-base=${API_BASE}></spp-resultats>`),
    );
    const card = cardOf(el, 'Usagers satisfaits');
    expect(text(card.querySelector('.spp-valeur'))).to.equal('Résultat non publié');
    expect(text(card.querySelector('.spp-motif'))).to.equal(
      'Moins de 100 réponses au questionnaire sur la période : le résultat n’est pas publié.',
    );
    expect(text(card)).not.to.match(/\b0 %/);
    expect(card.querySelector('.spp-badge')).to.equal(null);
    expect(card.querySelector('.spp-tendance')).to.equal(null);
    expect(text(card.querySelector('.spp-objectif'))).to.equal('Objectif : 80 % ou plus');
    expect(card.querySelector('svg[role="img"]')!.getAttribute('aria-label')).to.contain('2023 : non publié');
    expect(card.querySelectorAll('svg circle')).to.have.length(2);
    await expect(el).to.be.accessible();
  });
});

describe('<spp-resultats> dispositions, themes and languages', () => {
  const combos = (['cartes', 'tableau', 'compact'] as const).flatMap((d) =>
    (['light', 'dark'] as const).flatMap((t) => (['fr', 'en'] as const).map((l) => [d, t, l] as const)),
  );
  for (const [disposition, theme, lang] of combos) {
    it(`is accessible: ${disposition}, ${theme}, ${lang}`, async () => {
      const el = await ready(
        await fixture(
          html`<spp-resultats
            structure="EX-CAF-33"
            api-base=${API_BASE}
            disposition=${disposition}
            theme=${theme}
            lang=${lang}
          ></spp-resultats>`,
        ),
      );
      await waitFor(() => (lang === 'en') === text($(el, '.spp-root')).includes('Target'));
      await expect(el).to.be.accessible();
      const toggle = $$(el, 'button').find((b) => b.hasAttribute('aria-expanded'));
      if (disposition === 'cartes') {
        toggle!.click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
      } else {
        expect(toggle).to.equal(undefined, 'no chart by default');
      }
    });
  }

  it('switches its colours to dark', async () => {
    const light = await ready(
      await fixture(html`<spp-resultats structure="EX-CAF-33" api-base=${API_BASE}></spp-resultats>`),
    );
    const dark = await ready(
      await fixture(html`<spp-resultats structure="EX-CAF-33" api-base=${API_BASE} theme="dark"></spp-resultats>`),
    );
    const colour = (el: SppResultats, selector: string, prop: 'color' | 'stroke' | 'backgroundColor') =>
      getComputedStyle($(el, selector)!)[prop];
    expect(colour(dark, '.spp-valeur', 'color')).not.to.equal(colour(light, '.spp-valeur', 'color'));
    expect(colour(dark, '.spp-graphique__ligne', 'stroke')).not.to.equal(
      colour(light, '.spp-graphique__ligne', 'stroke'),
    );
    expect(colour(dark, '.spp-badge', 'backgroundColor')).not.to.equal(colour(light, '.spp-badge', 'backgroundColor'));
  });

  it('speaks English with lang="en": units, periods, targets, trends, dates', async () => {
    const el = await ready(
      await fixture(html`<spp-resultats structure="EX-CAF-33" api-base=${API_BASE} lang="en"></spp-resultats>`),
    );
    await waitFor(() => text($(el, 'h2')) === 'Quality of service results');
    const card = cardOf(el, 'Usagers satisfaits');
    expect(text(card.querySelector('.spp-valeur'))).to.equal('81.3%');
    expect(text(card.querySelector('.spp-periode'))).to.equal('Period: 2024');
    expect(text(card.querySelector('.spp-type'))).to.equal('Perceived quality of service');
    expect(text(card.querySelector('.spp-objectif'))).to.equal('Target met Target: 80% or more');
    expect(text(card.querySelector('.spp-tendance'))).to.equal(
      'Up 3.1 points, improving, compared with the previous period (2023).',
    );
    expect(text(card.querySelector('.spp-maj'))).to.equal('Updated on January 24, 2025');
    const delai = cardOf(el, 'Délai moyen de traitement d’un dossier');
    expect(text(delai.querySelector('.spp-valeur'))).to.equal('14 days');
    expect(text(delai.querySelector('.spp-periode'))).to.equal('Period: Q2 2025');
    expect(card.querySelector('svg[role="img"]')!.getAttribute('aria-label')).to.match(
      /^History of “Usagers satisfaits”: 2021: 74.5%;/,
    );
  });

  it('as a table: one row per indicator, its latest figures, and their CSV', async () => {
    const el = await ready(
      await fixture(
        html`<spp-resultats structure="EX-CAF-33" api-base=${API_BASE} disposition="tableau"></spp-resultats>`,
      ),
    );
    const table = $(el, 'table')!;
    expect(text(table.querySelector('caption'))).to.equal('Dernier résultat de chaque indicateur');
    expect([...table.querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Indicateur',
      'Résultat',
      'Période',
      'Objectif',
      'Évolution',
      'Mise à jour',
    ]);
    const first = [...table.querySelectorAll('tbody tr')][0];
    expect([...first.children].map(text)).to.deep.equal([
      'Usagers satisfaits Qualité de service perçue',
      '81,3 %',
      '2024',
      'Objectif atteint Objectif : 80 % ou plus',
      'En hausse de 3,1 points, en amélioration, par rapport à la période précédente (2023).',
      '24 janvier 2025',
    ]);
    expect(table.querySelectorAll('tbody th[scope="row"]')).to.have.length(6);
    let blob: Blob | undefined;
    const { createObjectURL } = URL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (b: Blob) => ((blob = b), 'blob:x');
    HTMLAnchorElement.prototype.click = () => undefined;
    try {
      $$(el, 'button')
        .find((b) => text(b).startsWith('Télécharger (CSV)'))!
        .click();
      await waitFor(() => blob !== undefined);
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes).split('\r\n');
    expect(csv[0]).to.equal('Indicateur;Code;Période;Début;Fin;Valeur;Unité;Objectif');
    expect(csv[1]).to.equal('Usagers satisfaits;IND-27;2024;2024-01-01;2024-12-31;81,3;%;80');
    expect(csv[3]).to.equal(
      'Délai moyen de traitement d’un dossier;IND-05;2e trimestre 2025;2025-04-01;2025-06-30;14;jours;15',
    );
    expect(csv).to.have.length(8);
  });

  it('as one line: the headline satisfaction figure', async () => {
    const el = await ready(
      await fixture(
        html`<spp-resultats structure="EX-CAF-33" api-base=${API_BASE} disposition="compact"></spp-resultats>`,
      ),
    );
    expect(text($(el, '.spp-compact'))).to.equal(
      '81,3 % Usagers satisfaits (2024 · Caf de la Gironde) Objectif atteint',
    );
    expect($(el, 'h2')).to.equal(null);
    expect(text($(el, '.spp-mention'))).to.contain('Exemple fictif');
    expect($(el, '.spp-compact')!.getBoundingClientRect().height).to.be.below(40);
  });
});

describe('<spp-resultats> when the data is missing or late', () => {
  it('shows the last copy with « Données du <date> » when the platform is down', async () => {
    const data = await readApi('EX-PREF-35');
    const copy = daysAgo(3);
    localStorage.setItem(
      `spp-widgets:cache:v1:${platform('EX-PREF-35')}`,
      JSON.stringify({ data, fetchedAt: copy.at }),
    );
    await setFaults({ rules: [{ match: '/EX-PREF-35/', kind: '503', times: 10 }] });
    const el = await ready(
      await fixture(html`<spp-resultats structure="EX-PREF-35" api-base=${API_BASE}></spp-resultats>`),
    );
    expect(text($(el, '.spp-perime'))).to.equal(`Données du ${copy.fr}`);
    expect($$(el, '.spp-carte')).to.have.length(6);
    const delai = cardOf(el, 'Délai moyen de traitement d’un dossier');
    expect(text(delai.querySelector('.spp-badge'))).to.equal('Objectif non atteint');
    await expect(el).to.be.accessible();
    await new Promise((r) => setTimeout(r, 300));
    expect(text($(el, '.spp-perime'))).to.equal(`Données du ${copy.fr}`, 'still there after the failed refresh');
  });

  it('replaces an old copy with fresh data as soon as the platform answers', async () => {
    const data = await readApi('EX-CPAM-59');
    data.resultats = data.resultats.slice(0, 1);
    localStorage.setItem(
      `spp-widgets:cache:v1:${platform('EX-CPAM-59')}`,
      JSON.stringify({ data, fetchedAt: Date.now() - 3 * 86_400_000 }),
    );
    const events: boolean[] = [];
    const el = await fixture<SppResultats>(
      html`<spp-resultats
        structure="EX-CPAM-59"
        api-base=${API_BASE}
        @spp-resultats-charges=${(e: CustomEvent<{ stale: boolean }>) => events.push(e.detail.stale)}
      ></spp-resultats>`,
    );
    await waitFor(() => $$(el, '.spp-carte').length === 6, 5000);
    expect($(el, '.spp-perime')).to.equal(null);
    expect(events).to.deep.equal([true, false]);
  });

  it('says so clearly, with a retry and a link, when nothing can be shown; the retry works', async () => {
    await setFaults({ rules: [{ match: '/EX-SIP-69003/', kind: '503', times: 3 }] });
    const errors: string[] = [];
    const el = await fixture<SppResultats>(
      html`<spp-resultats
        structure="EX-SIP-69003"
        api-base=${API_BASE}
        @spp-error=${(e: CustomEvent<{ phase: string }>) => errors.push(e.detail.phase)}
      ></spp-resultats>`,
    );
    await waitFor(() => !!$(el, '.spp-erreur'), 8000);
    expect(text($(el, '.spp-erreur .spp-message'))).to.equal(
      'Les résultats ne peuvent pas être chargés pour le moment.',
    );
    expect($(el, '.spp-erreur a')!.getAttribute('href')).to.equal('https://plus.transformation.gouv.fr/');
    expect(errors).to.deep.equal(['data']);
    await expect(el).to.be.accessible();

    const retry = $(el, '.spp-erreur button')!;
    expect(text(retry)).to.equal('Réessayer');
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await ready(el);
    expect($$(el, '.spp-carte')).to.have.length(6);
    const appels = cardOf(el, 'Appels décrochés par un agent');
    expect(text(appels.querySelector('.spp-badge'))).to.equal('Objectif non atteint');
    expect(text(appels.querySelector('.spp-tendance'))).to.equal(
      'En baisse de 24,9 points, en dégradation, par rapport à la période précédente (1er trimestre 2025).',
    );
  });

  it('says when a structure is unknown, or has published nothing yet', async () => {
    const unknown = await ready(
      await fixture(html`<spp-resultats structure="EX-INCONNU" api-base=${API_BASE}></spp-resultats>`),
    );
    expect(text($(unknown, '.spp-message'))).to.equal('Aucun résultat n’est publié pour ce service.');
    expect($(unknown, 'button')).to.equal(null);
    expect($(unknown, 'a')!.getAttribute('href')).to.equal(SITE_RESULTATS);
    const empty = await ready(
      await fixture(html`<spp-resultats structure="EX-CNAF" api-base=${API_BASE}></spp-resultats>`),
    );
    expect(text($(empty, '.spp-message'))).to.equal('Ce service n’a pas encore publié de résultats.');
    expect(text($(empty, '.spp-structure'))).to.equal('Caisse nationale des allocations familiales');
    await expect(empty).to.be.accessible();
  });

  it('never stays an empty box without a structure code', async () => {
    const el = await ready(await fixture(html`<spp-resultats api-base=${API_BASE}></spp-resultats>`));
    expect(text($(el, '.spp-message'))).to.equal('Les résultats de ce service ne sont pas disponibles.');
    expect($(el, 'a')).to.exist;
  });

  it('reserves its space while loading', async () => {
    await setFaults({ rules: [{ match: '/EX-NOUVEAU/', kind: 'slow', times: 1 }], delayMs: 300 });
    const el = await fixture<SppResultats>(
      html`<spp-resultats structure="EX-NOUVEAU" api-base=${API_BASE}></spp-resultats>`,
    );
    expect(text($(el, '[role="status"]'))).to.equal('Chargement des résultats…');
    expect(el.getBoundingClientRect().height).to.be.at.least(150);
    await ready(el);
  });
});

describe('<spp-resultats> from the open data', () => {
  it('is the default without a platform, on the programme’s open-data portal', async () => {
    const calls = stubOpenData();
    const el = await ready(await fixture(html`<spp-resultats structure="S-0042"></spp-resultats>`));
    expect(calls[0].startsWith(`${OPENDATA_BASE}/catalog/datasets/export-resultats/records?`)).to.equal(true);
    expect(text($(el, '.spp-structure'))).to.equal("Caf de l'Exemple");
    expect(text($(el, '.spp-source'))).to.contain('Source : données ouvertes du programme Services Publics +.');
    expect($(el, '.spp-mention')).to.equal(null, 'real data: no example mention');
    const card = cardOf(el, 'Usagers satisfaits');
    expect(text(card.querySelector('.spp-valeur'))).to.equal('81,3 %');
    expect(text(card.querySelector('.spp-tendance'))).to.equal(
      'En hausse de 3,3 points, en amélioration, par rapport à la période précédente (2023).',
    );
    expect(card.querySelector('.spp-objectif')).to.equal(null, 'the open data has no targets');
    const note = cardOf(el, 'Note des démarches en ligne');
    expect(text(note.querySelector('.spp-valeur'))).to.equal('Résultat non publié');
    expect(text(note.querySelector('.spp-motif'))).to.equal("Nombre d'avis insuffisant");
    await expect(el).to.be.accessible();
  });

  it('reads the open data when asked, even with a platform, at the base given', async () => {
    const calls = stubOpenData();
    const el = await ready(
      await fixture(
        html`<spp-resultats
          structure="S-0044"
          source="opendata"
          api-base=${API_BASE}
          opendata-base=${ODS}
          disposition="tableau"
        ></spp-resultats>`,
      ),
    );
    expect(calls.every((url) => url.startsWith(`${ODS}/catalog/datasets/`))).to.equal(true);
    expect($$(el, 'tbody tr')).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('reads the open data, and says so once, when a platform is asked but none is configured', async () => {
    const calls = stubOpenData();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const el = await ready(
        await fixture(html`<spp-resultats structure="S-0047" source="plateforme"></spp-resultats>`),
      );
      expect(calls[0].startsWith(OPENDATA_BASE)).to.equal(true);
      expect($$(el, '.spp-carte')).to.have.length(5);
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.deep.equal([
      '[spp-widgets] <spp-resultats> source="plateforme" but no api-base: reading the open data.',
    ]);
  });

  it('shows the last copy read when the portal does not answer, else a message', async () => {
    stubOpenData(503);
    const copy = daysAgo(2);
    const structure = { code: 'S-0045', intitule: 'Caf en cache', typologie: '', reseau: '', exemple: false };
    const cached = { data: { structure, resultats: [] }, fetchedAt: copy.at };
    localStorage.setItem(`spp-widgets:cache:v1:${urlResultats(ODS, 'S-0045')}`, JSON.stringify(cached));
    const stale = await ready(
      await fixture(html`<spp-resultats structure="S-0045" opendata-base=${ODS}></spp-resultats>`),
    );
    expect(text($(stale, '.spp-perime'))).to.equal(`Données du ${copy.fr}`);
    expect(text($(stale, '.spp-structure'))).to.equal('Caf en cache');

    const none = await ready(
      await fixture(html`<spp-resultats structure="S-0046" opendata-base=${ODS}></spp-resultats>`),
    );
    expect(text($(none, '.spp-message'))).to.equal('Les résultats ne peuvent pas être chargés pour le moment.');
    expect($(none, '.spp-erreur a')!.getAttribute('href')).to.equal(SITE_RESULTATS);
    await expect(none).to.be.accessible();
  });
});
