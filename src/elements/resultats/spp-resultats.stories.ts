import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import './spp-resultats.js';
import { OPENDATA_BASE } from './spp-resultats.js';
import odsResultats from './fixtures/ods-export-resultats.json';
import odsIndicateurs from './fixtures/ods-export-indicateurs.json';
import cafGironde from './fixtures/plateforme-EX-CAF-33.json';
import franceServices from './fixtures/plateforme-EX-FS-23096.json';

// Stories never reach a network: they answer from recorded responses (fixtures/), through
// a fetch stub that only answers these addresses and passes every other request on.
//  - a platform at PLATEFORME: responses recorded from the reference platform (seed data);
//  - the programme's open-data portal (OPENDATA_BASE, the default without a platform):
//    responses in the Explore API v2.1 shape, built from the datasets' field names;
//  - a platform that is down (EN_PANNE): every request fails with 503.
const PLATEFORME = 'https://plateforme.example/api';
const EN_PANNE = 'https://plateforme-en-panne.example/api';
const RECORDED: Record<string, unknown> = { 'EX-CAF-33': cafGironde, 'EX-FS-23096': franceServices };

function answerFromRecordings() {
  const marker = Symbol.for('spp-resultats.stories.fetch');
  const page = window as unknown as Record<symbol, boolean>;
  if (page[marker]) return;
  page[marker] = true;
  const network = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(EN_PANNE)) return new Response('', { status: 503 });
    if (url.startsWith(`${PLATEFORME}/v1/structures/`)) {
      const data = RECORDED[url.split('/')[6]];
      return data
        ? Response.json(data)
        : Response.json({ type: 'about:blank', title: 'Introuvable', status: 404 }, { status: 404 });
    }
    if (url.startsWith(`${OPENDATA_BASE}/catalog/datasets/`))
      return Response.json(url.includes('/export-resultats/') ? odsResultats : odsIndicateurs);
    return network(input, init);
  };
}

/** A copy of the results read two days ago, as the API client keeps it, for the platform that is down. */
function keepAnOldCopy() {
  const key = `spp-widgets:cache:v1:${EN_PANNE}/v1/structures/EX-CAF-33/resultats`;
  try {
    localStorage.setItem(key, JSON.stringify({ data: cafGironde, fetchedAt: Date.now() - 2 * 86_400_000 }));
  } catch {
    // No storage on this page: the story then shows the message without data.
  }
}

interface Args {
  structure: string;
  indicateurs: string;
  disposition: 'cartes' | 'tableau' | 'compact';
  historique: '' | 'oui' | 'non';
  source: '' | 'plateforme' | 'opendata';
  apiBase: string;
  opendataBase: string;
  niveauTitre: '' | '2' | '3' | '4' | '5' | '6';
  theme: '' | 'light' | 'dark' | 'system';
  marque: 'etat' | 'neutre';
  lang: '' | 'fr' | 'en';
}

const meta: Meta<Args> = {
  title: 'Éléments/Résultats',
  component: 'spp-resultats',
  loaders: [async () => answerFromRecordings()],
  args: {
    structure: 'EX-CAF-33',
    indicateurs: '',
    disposition: 'cartes',
    historique: '',
    source: '',
    apiBase: PLATEFORME,
    opendataBase: '',
    niveauTitre: '',
    theme: '',
    marque: 'etat',
    lang: 'fr',
  },
  argTypes: {
    structure: { description: 'Code Services Publics + de la structure (EX-CAF-33, EX-FS-23096 enregistrés ici).' },
    indicateurs: { description: 'Codes des indicateurs à montrer, dans l’ordre (ex. « IND-05 IND-27 »).' },
    disposition: { control: 'inline-radio', options: ['cartes', 'tableau', 'compact'] },
    historique: { control: 'inline-radio', options: ['', 'oui', 'non'] },
    source: { control: 'inline-radio', options: ['', 'plateforme', 'opendata'] },
    apiBase: {
      description: `${PLATEFORME} : réponses enregistrées ; /api avec « npm run storybook » : la plateforme.`,
    },
    opendataBase: { description: 'Base Explore API v2.1 (par défaut, le portail du programme, enregistré ici).' },
    niveauTitre: { control: 'select', options: ['', '2', '3', '4', '5', '6'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark', 'system'] },
    marque: { control: 'inline-radio', options: ['etat', 'neutre'] },
    lang: { control: 'inline-radio', options: ['', 'fr', 'en'] },
  },
  render: (args) =>
    html`<spp-resultats
      structure=${args.structure || nothing}
      indicateurs=${args.indicateurs || nothing}
      disposition=${args.disposition}
      historique=${args.historique === '' ? nothing : args.historique}
      source=${args.source || nothing}
      api-base=${args.apiBase || nothing}
      opendata-base=${args.opendataBase || nothing}
      niveau-titre=${args.niveauTitre || nothing}
      theme=${args.theme || nothing}
      marque=${args.marque}
      lang=${args.lang || nothing}
    ></spp-resultats>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Cartes: Story = {};
export const Tableau: Story = { args: { disposition: 'tableau' } };
export const TableauAvecHistorique: Story = { args: { disposition: 'tableau', historique: 'oui' } };
export const Compact: Story = { args: { disposition: 'compact' } };
export const IndicateursChoisis: Story = { args: { indicateurs: 'IND-05 IND-27', niveauTitre: '3' } };
export const ResultatNonPublie: Story = { args: { structure: 'EX-FS-23096' } };
export const Sombre: Story = { args: { theme: 'dark' } };
export const Anglais: Story = { args: { lang: 'en' } };
export const Neutre: Story = { args: { marque: 'neutre' } };
/** Without a platform: the programme's open data (recorded responses). */
export const DonneesOuvertes: Story = { args: { structure: 'S-0042', apiBase: '' } };
export const DonneesOuvertesTableau: Story = {
  args: { structure: 'S-0042', apiBase: '', source: 'opendata', disposition: 'tableau' },
};
/** The platform is down: the copy read two days ago, dated. */
export const DonneesAnciennes: Story = { args: { apiBase: EN_PANNE }, loaders: [async () => keepAnOldCopy()] };
/** The platform is down and nothing was kept: a message, a retry, a link. */
export const PlateformeIndisponible: Story = { args: { apiBase: EN_PANNE, structure: 'EX-PREF-35' } };
export const StructureInconnue: Story = { args: { structure: 'EX-INCONNU' } };
