import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { attributeArgTypes, attributeArgs, attributes } from '../../../stories/manifest-args.js';
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

const TAG = 'spp-resultats';

// Args are the element's attributes, by name; controls and docs come from custom-elements.json.
const meta: Meta = {
  title: 'Éléments/Résultats',
  component: TAG,
  loaders: [async () => answerFromRecordings()],
  args: attributeArgs(TAG, { structure: 'EX-CAF-33', historique: '', 'api-base': PLATEFORME }),
  argTypes: attributeArgTypes(TAG, {
    structure: { description: 'Code Services Publics + de la structure (EX-CAF-33, EX-FS-23096 enregistrés ici).' },
    // `historique` is a yes/no attribute whose absence means « the disposition decides ».
    historique: { control: { type: 'inline-radio', labels: { '': '(absent)' } }, options: ['', 'oui', 'non'] },
    'api-base': {
      description: `${PLATEFORME} : réponses enregistrées ; vide : les données ouvertes (enregistrées aussi).`,
    },
    'niveau-titre': { control: { type: 'number', min: 2, max: 6 } },
  }),
  render: (args) => html`<spp-resultats ${attributes(TAG, args)}></spp-resultats>`,
};
export default meta;

type Story = StoryObj;

export const Cartes: Story = {};
export const Tableau: Story = { args: { disposition: 'tableau' } };
export const TableauAvecHistorique: Story = { args: { disposition: 'tableau', historique: 'oui' } };
export const CartesSansHistorique: Story = { args: { historique: 'non' } };
export const Compact: Story = { args: { disposition: 'compact' } };
export const IndicateursChoisis: Story = { args: { indicateurs: 'IND-05 IND-27', 'niveau-titre': 3 } };
export const ResultatNonPublie: Story = { args: { structure: 'EX-FS-23096' } };
export const Sombre: Story = { args: { theme: 'dark' } };
export const Anglais: Story = { args: { lang: 'en' } };
export const Neutre: Story = { args: { marque: 'neutre' } };
/** Without a platform: the programme's open data (recorded responses). */
export const DonneesOuvertes: Story = { args: { structure: 'S-0042', 'api-base': '' } };
export const DonneesOuvertesTableau: Story = {
  args: { structure: 'S-0042', 'api-base': '', source: 'opendata', disposition: 'tableau' },
};
/** The platform is down: the copy read two days ago, dated. */
export const DonneesAnciennes: Story = { args: { 'api-base': EN_PANNE }, loaders: [async () => keepAnOldCopy()] };
/** The platform is down and nothing was kept: a message, a retry, a link. */
export const PlateformeIndisponible: Story = {
  args: { 'api-base': EN_PANNE, structure: 'EX-PREF-35' },
  parameters: { expectedConsole: [/<spp-resultats> data: .* 503/] },
};
export const StructureInconnue: Story = {
  args: { structure: 'EX-INCONNU' },
  parameters: { expectedConsole: [/<spp-resultats> data: .* 404/] },
};
