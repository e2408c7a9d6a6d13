// The accessibility matrix, <spp-resultats source="opendata">: the programme's open data
// (Opendatasoft Explore API v2.1), answered here from the recorded exports
// (src/elements/resultats/fixtures/ods-export-*.json) at a fake portal, as in
// opendata.test.ts. Results with a value not published (with and without its reason), an
// empty export, a portal that does not answer (with and without a copy read before).
import { expect } from '@open-wc/testing';
import '../../src/elements/resultats/spp-resultats.js';
import { fetchJsonFixture } from '../../src/test-support/fixtures.js';
import { urlResultats, versResultats, type OdsReponse } from '../../src/elements/resultats/opendata.js';
import { attendre, creer, dans, matrice, texteProfond, videCache, type Combinaison, type Etat } from './matrice.js';

const ODS = 'https://opendata.example.test/api/explore/v2.1';
const realFetch = window.fetch;
const fixture = (name: string) =>
  fetchJsonFixture<OdsReponse>(new URL(`../../src/elements/resultats/fixtures/${name}.json`, import.meta.url));
let resultats: OdsReponse;
let indicateurs: OdsReponse;

/** The structures the fake portal knows: the recorded export, an empty one, and failures. */
const AVEC_DONNEES = 'S-0042';
const SANS_DONNEES = 'S-0000';
const EN_PANNE = 'S-0503';
const PERIMEE = 'S-0504';

before(async () => {
  resultats = await fixture('ods-export-resultats');
  indicateurs = await fixture('ods-export-indicateurs');
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(`${ODS}/`)) return realFetch(input, init);
    if (url.includes('/export-indicateurs/')) return Response.json(indicateurs);
    const where = new URL(url).searchParams.get('where') ?? '';
    if (where.includes(AVEC_DONNEES)) return Response.json(resultats);
    if (where.includes(SANS_DONNEES)) return Response.json({ total_count: 0, results: [] });
    return new Response('{}', { status: 503 });
  };
});
after(() => {
  window.fetch = realFetch;
  videCache();
});

/** Résultats from the open data once the loading is over (a message or the figures, charts drawn). */
async function donneesOuvertes(c: Combinaison, structure: string, attributes = ''): Promise<HTMLElement> {
  videCache();
  const el = await creer(
    `<spp-resultats ${c.attrs} ${c.api} source="opendata" opendata-base="${ODS}" structure="${structure}" ${attributes}></spp-resultats>`,
  );
  await attendre(() => !dans(el, '[aria-busy]') && !dans(el, 'div.spp-graphique') && !!dans(el, '.spp-root'));
  return el;
}

const carte = (el: HTMLElement, libelle: string) =>
  [...el.shadowRoot!.querySelectorAll('.spp-carte')].find(
    (c) => c.querySelector('.spp-carte__titre')?.textContent?.trim() === libelle,
  );

/** The open data was read (not the platform): its source line is there. */
const depuisDonneesOuvertes = (el: HTMLElement) => expect(dans(el, '.spp-source'), 'open-data source line').to.exist;

/** IND-33 has no value but a reason (« Nombre d'avis insuffisant »), IND-02 « NC » without one. */
function sansValeur(el: HTMLElement): void {
  depuisDonneesOuvertes(el);
  const note = carte(el, 'Note des démarches en ligne')!;
  expect(note.querySelector('.spp-valeur--absente'), 'value not published').to.exist;
  expect(note.querySelector('.spp-motif')?.textContent?.trim()).to.equal("Nombre d'avis insuffisant");
  const appels = carte(el, 'Appels décrochés par un agent')!;
  expect(appels.querySelector('.spp-valeur--absente'), '« NC »: value not published').to.exist;
}

const etats: Etat[] = [
  {
    element: 'spp-resultats (données ouvertes)',
    etat: 'cartes : valeur non publiée avec motif, « NC » sans motif, données d’un historique ouvertes',
    verifier: sansValeur,
    preparer: async (c) => {
      const el = await donneesOuvertes(c, AVEC_DONNEES);
      const bouton = carte(el, 'Note des démarches en ligne')!.querySelector<HTMLButtonElement>('[aria-controls]')!;
      bouton.click();
      await attendre(() => !!dans(el, `#${bouton.getAttribute('aria-controls')!}:not([hidden])`));
      return el;
    },
  },
  {
    element: 'spp-resultats (données ouvertes)',
    etat: 'tableau avec historiques : valeur non publiée et son motif',
    verifier: (el) => {
      depuisDonneesOuvertes(el);
      expect(dans(el, 'tbody .spp-motif')?.textContent?.trim()).to.equal("Nombre d'avis insuffisant");
    },
    preparer: (c) => donneesOuvertes(c, AVEC_DONNEES, 'disposition="tableau" historique="oui"'),
  },
  {
    element: 'spp-resultats (données ouvertes)',
    etat: 'compact',
    verifier: (el) => expect(dans(el, '.spp-compact')).to.exist,
    preparer: (c) => donneesOuvertes(c, AVEC_DONNEES, 'disposition="compact"'),
  },
  {
    element: 'spp-resultats (données ouvertes)',
    etat: 'aucun enregistrement pour la structure',
    verifier: (el) => {
      depuisDonneesOuvertes(el);
      expect(dans(el, '.spp-message')).to.exist;
    },
    preparer: (c) => donneesOuvertes(c, SANS_DONNEES),
  },
  {
    element: 'spp-resultats (données ouvertes)',
    etat: 'portail en panne, rien en cache : message, réessayer, lien',
    verifier: (el) => expect(dans(el, '.spp-erreur button')).to.exist,
    preparer: (c) => donneesOuvertes(c, EN_PANNE),
  },
  {
    element: 'spp-resultats (données ouvertes)',
    etat: 'portail en panne, copie ancienne : « Données du … »',
    verifier: (el) => {
      expect(dans(el, '.spp-perime')).to.exist;
      expect(texteProfond(el)).to.contain('Caf de l');
    },
    preparer: async (c) => {
      videCache();
      // The recorded export, as read three days ago (older than the hour it is kept fresh).
      const data = versResultats(PERIMEE, resultats.results, indicateurs.results);
      const entry = { data, fetchedAt: Date.now() - 3 * 86_400_000 };
      localStorage.setItem(`spp-widgets:cache:v1:${urlResultats(ODS, PERIMEE)}`, JSON.stringify(entry));
      const el = await creer(
        `<spp-resultats ${c.attrs} source="opendata" opendata-base="${ODS}" structure="${PERIMEE}"></spp-resultats>`,
      );
      await attendre(() => !!dans(el, '.spp-perime') && !dans(el, 'div.spp-graphique'));
      return el;
    },
  },
];

matrice('<spp-resultats source="opendata">', etats);
