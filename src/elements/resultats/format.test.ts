// How results read (values, periods, trends, targets), the chart's figures and the CSV
// file, in French and in English.
import { expect } from '@open-wc/testing';
import { loadLocale, withLocale } from '../../core/localization.js';
import {
  formatDate,
  formatEcart,
  formatPeriode,
  formatValeur,
  tendance,
  texteCible,
  texteTendance,
  type Resultat,
} from './format.js';
import { geometrie, resumeHistorique, trace } from './chart.js';
import { BOM, fichierCsv, lignesResultats, versCsv } from './csv.js';

const en = <T>(fn: () => T): T => withLocale('en', fn);
/** Intl puts a no-break space (U+00A0 or U+202F, by ICU version) before units: compare as plain spaces. */
const sp = (text: string | undefined) => text?.replace(/[\u00a0\u202f]/g, ' ');

function resultat(over: Partial<Resultat> = {}, indicateur: Partial<Resultat['indicateur']> = {}): Resultat {
  return {
    indicateur: {
      code: 'IND-27',
      libelle: 'Usagers satisfaits',
      type: 'satisfaction',
      unite: '%',
      sens: 'hausse',
      cible: 80,
      ...indicateur,
    },
    valeur: 81.3,
    frequence: 'annuelle',
    periode: { debut: '2024-01-01', fin: '2024-12-31' },
    miseAJour: '2025-01-24',
    historique: [
      { periode: { debut: '2021-01-01', fin: '2021-12-31' }, valeur: 74.5 },
      { periode: { debut: '2022-01-01', fin: '2022-12-31' }, valeur: null },
      { periode: { debut: '2023-01-01', fin: '2023-12-31' }, valeur: 78.2 },
      { periode: { debut: '2024-01-01', fin: '2024-12-31' }, valeur: 81.3 },
    ],
    exemple: false,
    ...over,
  };
}

before(() => loadLocale('en'));

describe('formatValeur: each unit, in French and in English', () => {
  const cases: [number, Resultat['indicateur']['unite'], string, string][] = [
    [87, '%', `87 %`, '87%'],
    [81.3, '%', `81,3 %`, '81.3%'],
    [12.5, 'jours', '12,5 jours', '12.5 days'],
    [1, 'jours', '1 jour', '1 day'],
    [15, 'minutes', '15 minutes', '15 minutes'],
    [1.5, 'heures', '1,5 heure', '1.5 hours'],
    [7.6, '/10', '7,6/10', '7.6/10'],
    [12345.6, 'nombre', `12 345,6`, '12,345.6'],
  ];
  for (const [value, unite, fr, english] of cases) {
    it(`${value} ${unite} → « ${fr} » / "${english}"`, () => {
      expect(sp(formatValeur(value, unite, 'fr'))).to.equal(fr);
      expect(sp(formatValeur(value, unite, 'en'))).to.equal(english);
    });
  }

  it('rounds to one decimal', () => {
    expect(sp(formatValeur(81.2999, '%', 'fr'))).to.equal(`81,3 %`);
    expect(sp(formatValeur(2 / 3, 'jours', 'en'))).to.equal('0.7 days');
  });

  it('never breaks a line between a figure and its unit', () => {
    for (const unite of ['%', 'jours', 'minutes', 'heures'] as const) {
      expect(formatValeur(12, unite, 'fr')).to.match(/^12[\u00a0\u202f]\S+$/, unite);
      expect(formatValeur(12, unite, 'en')).to.match(/^12([\u00a0\u202f]\S+|%)$/, unite);
    }
  });
});

describe('formatPeriode and formatDate', () => {
  const periods: [string, string, string, string][] = [
    ['2025-01-01', '2025-12-31', '2025', '2025'],
    ['2025-07-01', '2025-09-30', '3e trimestre 2025', 'Q3 2025'],
    ['2025-01-01', '2025-03-31', '1er trimestre 2025', 'Q1 2025'],
    ['2025-01-01', '2025-06-30', '1er semestre 2025', 'first half of 2025'],
    ['2025-07-01', '2025-12-31', '2e semestre 2025', 'second half of 2025'],
    ['2025-08-01', '2025-08-31', 'août 2025', 'August 2025'],
    ['2024-02-01', '2024-02-29', 'février 2024', 'February 2024'],
  ];
  for (const [debut, fin, fr, english] of periods) {
    it(`${debut} – ${fin} → « ${fr} » / "${english}"`, () => {
      expect(formatPeriode({ debut, fin }, 'fr')).to.equal(fr);
      expect(en(() => formatPeriode({ debut, fin }, 'en'))).to.equal(english);
    });
  }

  it('gives any other span as a date range', () => {
    expect(formatPeriode({ debut: '2025-02-03', fin: '2025-03-15' }, 'fr')).to.match(/^3 févr\. – 15 mars 2025$/);
    expect(formatPeriode({ debut: '2025-02-03', fin: '2025-03-15' }, 'en')).to.match(/^Feb 3 – Mar 15, 2025$/);
  });

  it('writes update dates in full, whatever the time zone', () => {
    expect(formatDate('2025-01-24', 'fr')).to.equal('24 janvier 2025');
    expect(formatDate('2025-01-01', 'en')).to.equal('January 1, 2025');
  });
});

describe('trend against the previous period', () => {
  it('says « en hausse de 3,1 points » and that it is better, for a rate that should rise', () => {
    const r = resultat({ historique: resultat().historique.slice(2) });
    const t = tendance(r)!;
    expect(t).to.deep.include({ ecart: 3.1, direction: 'hausse', mieux: true });
    expect(texteTendance(t, '%', 'fr')).to.equal(
      'En hausse de 3,1 points, en amélioration, par rapport à la période précédente (2023).',
    );
    expect(en(() => texteTendance(t, '%', 'en'))).to.equal(
      'Up 3.1 points, improving, compared with the previous period (2023).',
    );
  });

  it('says a shorter delay is an improvement (sens « baisse »)', () => {
    const r = resultat(
      {
        valeur: 12,
        frequence: 'trimestrielle',
        periode: { debut: '2025-04-01', fin: '2025-06-30' },
        historique: [
          { periode: { debut: '2025-01-01', fin: '2025-03-31' }, valeur: 14 },
          { periode: { debut: '2025-04-01', fin: '2025-06-30' }, valeur: 12 },
        ],
      },
      { unite: 'jours', sens: 'baisse', cible: 15 },
    );
    const t = tendance(r)!;
    expect(t).to.deep.include({ ecart: 2, direction: 'baisse', mieux: true });
    expect(sp(texteTendance(t, 'jours', 'fr'))).to.equal(
      'En baisse de 2 jours, en amélioration, par rapport à la période précédente (1er trimestre 2025).',
    );
    expect(sp(en(() => texteTendance(t, 'jours', 'en')))).to.equal(
      'Down 2 days, improving, compared with the previous period (Q1 2025).',
    );
  });

  it('says when a rate that should rise falls, and when nothing changed', () => {
    const down = tendance(
      resultat({
        valeur: 76,
        historique: [
          { periode: { debut: '2023-01-01', fin: '2023-12-31' }, valeur: 77 },
          { periode: { debut: '2024-01-01', fin: '2024-12-31' }, valeur: 76 },
        ],
      }),
    )!;
    expect(texteTendance(down, '%', 'fr')).to.equal(
      'En baisse de 1 point, en dégradation, par rapport à la période précédente (2023).',
    );
    const same = tendance(
      resultat({
        valeur: 76,
        historique: [
          { periode: { debut: '2023-01-01', fin: '2023-12-31' }, valeur: 76 },
          { periode: { debut: '2024-01-01', fin: '2024-12-31' }, valeur: 76 },
        ],
      }),
    )!;
    expect(same.mieux).to.equal(undefined);
    expect(texteTendance(same, '%', 'fr')).to.equal('Stable, par rapport à la période précédente (2023).');
  });

  it('has no trend without both values', () => {
    const trou = resultat().historique.map((p, i) => (i === 2 ? { ...p, valeur: null } : p));
    expect(tendance(resultat({ historique: trou }))).to.equal(undefined, 'previous period without value');
    expect(tendance(resultat({ valeur: null }))).to.equal(undefined, 'no value');
    expect(tendance(resultat({ historique: [resultat().historique[3]] }))).to.equal(undefined, 'one period');
  });

  it('counts points in the language’s plural', () => {
    expect(formatEcart(1.5, '%', 'fr')).to.equal('1,5 point');
    expect(en(() => formatEcart(1.5, '%', 'en'))).to.equal('1.5 points');
    expect(en(() => formatEcart(1, '/10', 'en'))).to.equal('1 point');
    expect(sp(formatEcart(3, 'minutes', 'fr'))).to.equal('3 minutes');
  });
});

describe('targets', () => {
  it('says which way the target goes', () => {
    expect(sp(texteCible(resultat().indicateur, 'fr'))).to.equal(`Objectif : 80 % ou plus`);
    expect(
      sp(en(() => texteCible(resultat({}, { unite: 'jours', sens: 'baisse', cible: 15 }).indicateur, 'en'))),
    ).to.equal('Target: 15 days or less');
    expect(texteCible(resultat({}, { cible: undefined }).indicateur, 'fr')).to.equal(undefined);
  });
});

describe('history chart', () => {
  it('places the points on a scale holding the values and the target, with gaps for missing values', () => {
    const g = geometrie([74.5, null, 78.2, 81.3], 80, true);
    expect(g.points[1]).to.equal(null);
    expect(g.min).to.be.below(74.5);
    expect(g.max).to.be.above(81.3).and.at.most(100);
    const [a, , c, d] = g.points as { x: number; y: number }[];
    expect(a.x).to.be.below(c.x);
    expect(c.x).to.be.below(d.x);
    expect(d.y).to.be.below(a.y, 'higher values are drawn higher');
    expect(g.yCible).to.be.within(d.y, c.y);
    expect(trace(g.points)).to.equal(`M${a.x} ${a.y}M${c.x} ${c.y}L${d.x} ${d.y}`);
  });

  it('summarises exactly the figures of the history, in each language', () => {
    expect(sp(resumeHistorique(resultat(), 'fr'))).to.equal(
      `Évolution de « Usagers satisfaits » : 2021 : 74,5 % ; 2022 : non publié ; 2023 : 78,2 % ; ` +
        `2024 : 81,3 %. Objectif : 80 % ou plus.`,
    );
    expect(en(() => resumeHistorique(resultat(), 'en'))).to.equal(
      'History of “Usagers satisfaits”: 2021: 74.5%; 2022: not published; 2023: 78.2%; 2024: 81.3%. Target: 80% or more.',
    );
  });
});

describe('CSV', () => {
  const figures = () => [
    resultat(),
    resultat(
      {
        valeur: 12.5,
        periode: { debut: '2025-04-01', fin: '2025-06-30' },
        historique: [{ periode: { debut: '2025-04-01', fin: '2025-06-30' }, valeur: 12.5 }],
      },
      { code: 'IND-05', libelle: 'Délai moyen ; « dossier »', unite: 'jours', sens: 'baisse', cible: 15 },
    ),
  ];

  it('writes a French file byte for byte: BOM, « ; », decimal comma, CRLF, quotes only where needed', async () => {
    const lignes = lignesResultats(figures(), true, 'fr');
    const expected =
      'Indicateur;Code;Période;Début;Fin;Valeur;Unité;Objectif\r\n' +
      'Usagers satisfaits;IND-27;2021;2021-01-01;2021-12-31;74,5;%;80\r\n' +
      'Usagers satisfaits;IND-27;2022;2022-01-01;2022-12-31;;%;80\r\n' +
      'Usagers satisfaits;IND-27;2023;2023-01-01;2023-12-31;78,2;%;80\r\n' +
      'Usagers satisfaits;IND-27;2024;2024-01-01;2024-12-31;81,3;%;80\r\n' +
      '"Délai moyen ; « dossier »";IND-05;2e trimestre 2025;2025-04-01;2025-06-30;12,5;jours;15\r\n';
    expect(versCsv(lignes, 'fr')).to.equal(expected);
    const bytes = new Uint8Array(await fichierCsv(lignes, 'fr').arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect([...bytes]).to.deep.equal([...new TextEncoder().encode(BOM + expected)]);
    expect(fichierCsv(lignes, 'fr').type).to.equal('text/csv;charset=utf-8');
  });

  it('writes an English file with « , » and a decimal point, latest figures only', () => {
    const lignes = en(() => lignesResultats(figures(), false, 'en'));
    expect(versCsv(lignes, 'en')).to.equal(
      'Indicator,Code,Period,Start,End,Value,Unit,Target\r\n' +
        'Usagers satisfaits,IND-27,2024,2024-01-01,2024-12-31,81.3,%,80\r\n' +
        'Délai moyen ; « dossier »,IND-05,Q2 2025,2025-04-01,2025-06-30,12.5,days,15\r\n',
    );
  });

  it('quotes quotes and line breaks, and never lets a cell run as a formula', () => {
    expect(versCsv([['a "b"', 'x\ny', '=1+1', '-2', '@x', 3.25, -1, null]], 'fr')).to.equal(
      `"a ""b""";"x\ny";'=1+1;'-2;'@x;3,25;-1;\r\n`,
    );
  });
});
