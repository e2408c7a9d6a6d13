// The open-data adapter on responses in the Explore API v2.1 shape. No network here: the
// fixtures (fixtures/ods-*.json) are built from the datasets' documented field names,
// with the odd records real exports hold (text values, « NC », missing values and
// dates, several date formats, records without indicator).
import { expect } from '@open-wc/testing';
import { fetchJsonFixture } from '../../test-support/fixtures.js';
import {
  deduireSens,
  lireDate,
  lireFrequence,
  lireOds,
  lireOpenData,
  lireType,
  lireUnite,
  lireValeur,
  periodeAvant,
  urlIndicateurs,
  urlResultats,
  versResultats,
  type OdsReponse,
} from './opendata.js';

const BASE = 'https://opendata.example.test/api/explore/v2.1';
const fixture = (name: string) => fetchJsonFixture<OdsReponse>(new URL(`./fixtures/${name}.json`, import.meta.url));

let resultats: OdsReponse;
let indicateurs: OdsReponse;
const realFetch = window.fetch;

before(async () => {
  resultats = await fixture('ods-export-resultats');
  indicateurs = await fixture('ods-export-indicateurs');
});

afterEach(() => {
  window.fetch = realFetch;
});

describe('open data: reading odd values', () => {
  it('reads numbers, French decimals and percentages; keeps text as the reason', () => {
    expect(lireValeur(87)).to.deep.equal({ valeur: 87 });
    expect(lireValeur('12,5')).to.deep.equal({ valeur: 12.5 });
    expect(lireValeur(' 84,2 % ')).to.deep.equal({ valeur: 84.2 });
    expect(lireValeur('1\u202f234')).to.deep.equal({ valeur: 1234 });
    expect(lireValeur('NC')).to.deep.equal({ valeur: null });
    expect(lireValeur('')).to.deep.equal({ valeur: null });
    expect(lireValeur(null)).to.deep.equal({ valeur: null });
    expect(lireValeur(undefined)).to.deep.equal({ valeur: null });
    expect(lireValeur(Number.NaN)).to.deep.equal({ valeur: null });
    expect(lireValeur('Nombre d’avis insuffisant')).to.deep.equal({ valeur: null, motif: 'Nombre d’avis insuffisant' });
  });

  it('reads ISO dates, date-times (as the day in Paris) and DD/MM/YYYY', () => {
    expect(lireDate('2025-01-24')).to.equal('2025-01-24');
    expect(lireDate('2025-07-23T22:30:00+00:00')).to.equal('2025-07-24');
    expect(lireDate('2025-01-24T10:00:00Z')).to.equal('2025-01-24');
    expect(lireDate('24/04/2025')).to.equal('2025-04-24');
    expect(lireDate('4.5.2025')).to.equal('2025-05-04');
    expect(lireDate('2025/05/04')).to.equal('2025-05-04');
    expect(lireDate('31/02/2025')).to.equal(undefined);
    expect(lireDate('pas de date')).to.equal(undefined);
    expect(lireDate(20250124)).to.equal(undefined);
  });

  it('reads units, types and the good direction from the referential’s words', () => {
    expect(lireUnite('%', undefined, '')).to.equal('%');
    expect(lireUnite(undefined, 'Pourcentage', '')).to.equal('%');
    expect(lireUnite('Jours', 'Durée', '')).to.equal('jours');
    expect(lireUnite('min', undefined, '')).to.equal('minutes');
    expect(lireUnite('Heures', undefined, '')).to.equal('heures');
    expect(lireUnite('Note sur 10', undefined, '')).to.equal('/10');
    expect(lireUnite(undefined, undefined, 'Taux de satisfaction')).to.equal('%');
    expect(lireUnite(undefined, undefined, 'Nombre de visites')).to.equal('nombre');
    expect(lireType('Qualité de service perçue', '')).to.equal('satisfaction');
    expect(lireType('Qualité de service rendue', '')).to.equal('performance');
    expect(lireType(undefined, 'Taux de satisfaction')).to.equal('satisfaction');
    expect(deduireSens('jours', 'Délai')).to.equal('baisse');
    expect(deduireSens('%', 'Respect du délai annoncé')).to.equal('hausse');
    expect(deduireSens('nombre', "Temps d'attente")).to.equal('baisse');
  });

  it('places each update in the last complete period before it', () => {
    expect(periodeAvant('2025-01-24', 'annuelle')).to.deep.equal({ debut: '2024-01-01', fin: '2024-12-31' });
    expect(periodeAvant('2025-07-24', 'trimestrielle')).to.deep.equal({ debut: '2025-04-01', fin: '2025-06-30' });
    expect(periodeAvant('2025-02-10', 'trimestrielle')).to.deep.equal({ debut: '2024-10-01', fin: '2024-12-31' });
    expect(periodeAvant('2025-09-24', 'mensuelle')).to.deep.equal({ debut: '2025-08-01', fin: '2025-08-31' });
    expect(periodeAvant('2024-03-01', 'mensuelle')).to.deep.equal({ debut: '2024-02-01', fin: '2024-02-29' });
    expect(periodeAvant('2025-03-15', 'semestrielle')).to.deep.equal({ debut: '2024-07-01', fin: '2024-12-31' });
  });

  it('takes the published frequency, else infers it from the updates’ spacing', () => {
    expect(lireFrequence('Trimestrielle', [])).to.equal('trimestrielle');
    expect(lireFrequence('ANNUELLE', [])).to.equal('annuelle');
    expect(lireFrequence(undefined, ['2025-01-24', '2025-04-24', '2025-07-24'])).to.equal('trimestrielle');
    expect(lireFrequence(undefined, ['2024-01-24', '2025-01-24'])).to.equal('annuelle');
    expect(lireFrequence(undefined, ['2025-01-24', '2025-02-24'])).to.equal('mensuelle');
    expect(lireFrequence(undefined, ['2025-01-24'])).to.equal('annuelle');
  });
});

describe('open data: mapping the recorded responses to the platform’s model', () => {
  const map = () => versResultats('S-0042', resultats.results, indicateurs.results);
  const byCode = (code: string) => map().resultats.find((r) => r.indicateur.code === code)!;

  it('gives the structure and one result per indicator, perceived quality first', () => {
    const model = map();
    expect(model.structure).to.deep.equal({
      code: 'S-0042',
      intitule: "Caf de l'Exemple",
      typologie: "Caisse d'allocations familiales",
      reseau: "Caisses d'allocations familiales",
      exemple: false,
    });
    expect(model.resultats.map((r) => r.indicateur.code)).to.deep.equal([
      'IND-27',
      'IND-33',
      'IND-02',
      'IND-05',
      "Temps d'attente moyen en accueil physique",
    ]);
  });

  it('builds the history from the dated records: one point per period, the latest update wins', () => {
    const r = byCode('IND-27');
    expect(r.indicateur).to.deep.equal({
      code: 'IND-27',
      libelle: 'Usagers satisfaits',
      libelleOriginal: 'Taux de satisfaction des usagers',
      type: 'satisfaction',
      unite: '%',
      sens: 'hausse',
    });
    expect(r.frequence).to.equal('annuelle');
    expect(r.valeur).to.equal(81.3);
    expect(r.periode).to.deep.equal({ debut: '2024-01-01', fin: '2024-12-31' });
    expect(r.miseAJour).to.equal('2025-01-24');
    expect(r.historique).to.deep.equal([
      { periode: { debut: '2021-01-01', fin: '2021-12-31' }, valeur: null },
      { periode: { debut: '2022-01-01', fin: '2022-12-31' }, valeur: 76.5 },
      { periode: { debut: '2023-01-01', fin: '2023-12-31' }, valeur: 78 },
      { periode: { debut: '2024-01-01', fin: '2024-12-31' }, valeur: 81.3 },
    ]);
    expect(r).not.to.have.property('niveau');
  });

  it('reads quarters from three date formats, and the referential’s unit and type', () => {
    const r = byCode('IND-05');
    expect(r.indicateur).to.deep.include({
      libelle: "Délai moyen de traitement d'un dossier",
      type: 'performance',
      unite: 'jours',
      sens: 'baisse',
    });
    expect(r.historique.map((p) => [p.periode.debut, p.valeur])).to.deep.equal([
      ['2024-10-01', 17],
      ['2025-01-01', 15],
      ['2025-04-01', 12.5],
    ]);
    expect(r.miseAJour).to.equal('2025-07-24');
  });

  it('keeps a text value as the reason, and « NC » as a value not given', () => {
    const note = byCode('IND-33');
    expect(note.indicateur).to.deep.include({
      unite: '/10',
      type: 'satisfaction',
      libelle: 'Note des démarches en ligne',
    });
    expect(note.valeur).to.equal(null);
    expect(note.motifAbsence).to.equal("Nombre d'avis insuffisant");
    expect(note.historique.map((p) => p.valeur)).to.deep.equal([7.8, null]);
    const appels = byCode('IND-02');
    expect(appels.frequence).to.equal('trimestrielle', 'inferred: the records have no frequency');
    expect(appels.indicateur.unite).to.equal('%');
    expect(appels.valeur).to.equal(null);
    expect(appels).not.to.have.property('motifAbsence');
    expect(appels.historique.map((p) => p.valeur)).to.deep.equal([79, 84.2, null]);
  });

  it('falls back on the original title when the indicator has no code nor referential line', () => {
    const r = map().resultats[4];
    expect(r.indicateur).to.deep.include({
      libelle: "Temps d'attente moyen en accueil physique",
      unite: 'nombre',
      sens: 'baisse',
      type: 'performance',
    });
    expect(r.historique.map((p) => p.valeur)).to.deep.equal([25, 22]);
  });

  it('joins the referential on the code when both datasets have it, else on the title', () => {
    const model = versResultats(
      'X',
      [
        {
          code_sp_de_l_indicateur: 'IND-9',
          titre_original_de_l_indicateur: 'Titre A',
          valeur: 1,
          date_de_mise_a_jour: '2025-01-02',
        },
      ],
      [
        { intitule_original_de_l_indicateur: 'Titre A', intitule_usager_de_l_indicateur: 'Par le titre' },
        { code_sp_de_l_indicateur: 'ind-9', intitule_usager_de_l_indicateur: 'Par le code' },
      ],
    );
    expect(model.resultats[0].indicateur.libelle).to.equal('Par le code');
    expect(model.structure.intitule).to.equal('X');
  });

  it('gives an empty list for a structure without records', () => {
    expect(versResultats('S-0000', [], [])).to.deep.equal({
      structure: { code: 'S-0000', intitule: 'S-0000', typologie: '', reseau: '', exemple: false },
      resultats: [],
    });
  });
});

describe('open data: requests', () => {
  it('asks the records of the structure, newest first, and the indicators by title', () => {
    const url = new URL(urlResultats(`${BASE}/`, 'S-0042'));
    expect(url.origin + url.pathname).to.equal(`${BASE}/catalog/datasets/export-resultats/records`);
    expect(url.searchParams.get('where')).to.equal('code_sp_structure="S-0042"');
    expect(url.searchParams.get('order_by')).to.equal('date_de_mise_a_jour desc');
    expect(url.searchParams.get('limit')).to.equal('100');
    const ind = new URL(urlIndicateurs(BASE, ['Taux A', 'Le "B"']));
    expect(ind.pathname).to.match(/\/catalog\/datasets\/export-indicateurs\/records$/);
    expect(ind.searchParams.get('where')).to.equal(
      'intitule_original_de_l_indicateur="Taux A" OR intitule_original_de_l_indicateur="Le \\"B\\""',
    );
  });

  it('reads both datasets, without cookies nor referrer, and maps them', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      calls.push({ url, init });
      return Response.json(url.includes('export-resultats') ? resultats : indicateurs);
    };
    const model = await lireOpenData(BASE, 'S-0042');
    expect(calls.map((c) => new URL(c.url).pathname.split('/')[6])).to.deep.equal([
      'export-resultats',
      'export-indicateurs',
    ]);
    expect(calls[0].init).to.deep.include({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(model).to.deep.equal(versResultats('S-0042', resultats.results, indicateurs.results));
  });

  it('still shows the results, with their original titles, when the referential cannot be read', async () => {
    window.fetch = async (input: RequestInfo | URL) =>
      String(input).includes('export-resultats') ? Response.json(resultats) : new Response('', { status: 500 });
    const model = await lireOpenData(BASE, 'S-0043');
    expect(model.resultats[0].indicateur.libelle).to.equal('Taux de satisfaction des usagers');
  });

  it('turns failures into errors of a known kind', async () => {
    window.fetch = async () => new Response('{}', { status: 503 });
    await lireOds(`${BASE}/a`).then(
      () => expect.fail(),
      (e) => expect(e).to.include({ kind: 'http', status: 503 }),
    );
    window.fetch = async () => new Response('<html>', { status: 200 });
    await lireOds(`${BASE}/b`).then(
      () => expect.fail(),
      (e) => expect(e.kind).to.equal('malformed'),
    );
    window.fetch = async () => Response.json({ error: 'x' });
    await lireOds(`${BASE}/c`).then(
      () => expect.fail(),
      (e) => expect(e.kind).to.equal('shape'),
    );
    window.fetch = async () => Promise.reject(new TypeError('Failed to fetch'));
    await lireOds(`${BASE}/d`).then(
      () => expect.fail(),
      (e) => expect(e.kind).to.equal('network'),
    );
    window.fetch = (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    await lireOds(`${BASE}/e`, { timeoutMs: 50 }).then(
      () => expect.fail(),
      (e) => expect(e.kind).to.equal('timeout'),
    );
  });

  it('shares one request between identical requests in flight', async () => {
    let count = 0;
    window.fetch = async () => {
      count++;
      await new Promise((r) => setTimeout(r, 20));
      return Response.json({ total_count: 0, results: [] });
    };
    const [a, b] = await Promise.all([lireOds(`${BASE}/same`), lireOds(`${BASE}/same`)]);
    expect(count).to.equal(1);
    expect(a).to.equal(b);
  });
});
