import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import oups from '~spp/data/oups';
import { attributeArgTypes, attributeArgs, attributes } from '../../../stories/manifest-args.js';
import './spp-oups-erreurs.js';
import type { Erreur, Evenement } from './types.js';

// Stories never reach a network: a fetch stub answers these addresses from data/oups.json
// (the platform's seed), in the API's shapes, and passes every other request on.
//  - a platform at PLATEFORME;
//  - platforms that are down (every request fails with 503): EN_PANNE, where the API
//    client kept a copy two days ago, and HORS_SERVICE, with nothing kept.
const PLATEFORME = 'https://plateforme.example/api';
const EN_PANNE = 'https://plateforme-en-panne.example/api';
const HORS_SERVICE = 'https://plateforme-hors-service.example/api';

interface Seed {
  exemple: boolean;
  mention?: string;
  evenements: (Omit<Evenement, 'nombreErreurs' | 'exemple'> & {
    erreurs: Omit<Erreur, 'evenement' | 'exemple'>[];
  })[];
}

/** The seed, as GET /v1/oups/evenements and GET /v1/oups/erreurs answer it. */
function responses() {
  const seed = oups as Seed;
  const marque = { exemple: seed.exemple, ...(seed.mention ? { mention: seed.mention } : {}) };
  const evenements = seed.evenements.map(({ erreurs, ...evenement }) => ({
    ...evenement,
    nombreErreurs: erreurs.length,
    ...marque,
  }));
  const erreurs = seed.evenements.flatMap((evenement) =>
    evenement.erreurs.map((erreur) => ({ ...erreur, evenement: evenement.id, ...marque })),
  );
  return { evenements: { evenements }, erreurs: { erreurs } };
}

function answerFromSeed() {
  const marker = Symbol.for('spp-oups-erreurs.stories.fetch');
  const page = window as unknown as Record<symbol, boolean>;
  if (page[marker]) return;
  page[marker] = true;
  const data = responses();
  const network = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(EN_PANNE) || url.startsWith(HORS_SERVICE)) return new Response('', { status: 503 });
    if (url === `${PLATEFORME}/v1/oups/evenements`) return Response.json(data.evenements);
    if (url === `${PLATEFORME}/v1/oups/erreurs`) return Response.json(data.erreurs);
    return network(input, init);
  };
}

/** What the API client kept of EN_PANNE two days ago. */
function keepAnOldCopy() {
  const data = responses();
  const fetchedAt = Date.now() - 2 * 86_400_000;
  try {
    for (const [path, body] of [
      ['/v1/oups/evenements', data.evenements],
      ['/v1/oups/erreurs', data.erreurs],
    ] as const) {
      localStorage.setItem(`spp-widgets:cache:v1:${EN_PANNE}${path}`, JSON.stringify({ data: body, fetchedAt }));
    }
  } catch {
    // No storage on this page: the story then shows the message without data.
  }
}

const TAG = 'spp-oups-erreurs';

// Args are the element's attributes, by name; controls and docs come from custom-elements.json.
const meta: Meta = {
  title: 'Éléments/Oups, erreurs fréquentes',
  component: TAG,
  loaders: [async () => answerFromSeed()],
  args: attributeArgs(TAG, { 'api-base': PLATEFORME }),
  argTypes: attributeArgTypes(TAG, {
    evenement: {
      control: { type: 'select', labels: { '': '(absent)' } },
      options: ['', ...(oups as Seed).evenements.map((e) => e.id)],
    },
    limite: { control: { type: 'number', min: 0 } },
    'niveau-titre': { control: { type: 'number', min: 2, max: 6 } },
    'api-base': {
      description: `${PLATEFORME} : données de data/oups.json ; vide : sans API (lien vers oups.gouv.fr).`,
    },
  }),
  render: (args) => html`<spp-oups-erreurs ${attributes(TAG, args)}></spp-oups-erreurs>`,
};
export default meta;

type Story = StoryObj;

export const ToutesLesErreurs: Story = {};
export const Particuliers: Story = { args: { public: 'particulier' } };
export const Professionnels: Story = { args: { public: 'professionnel' } };
export const EvenementPreselectionne: Story = { args: { evenement: 'demenagement' } };
export const UneAdministration: Story = { args: { administration: 'Caf' } };
export const SansRechercheAvecLimite: Story = { args: { recherche: false, limite: 5, 'niveau-titre': 3 } };
export const Sombre: Story = { args: { theme: 'dark' } };
export const Anglais: Story = { args: { lang: 'en' } };
export const Neutre: Story = { args: { marque: 'neutre' } };
/** The platform is down: the copy kept two days ago, dated; search still works. */
export const DonneesAnciennes: Story = { args: { 'api-base': EN_PANNE }, loaders: [async () => keepAnOldCopy()] };
/** The platform is down and nothing was kept: a message, a retry, the link to oups.gouv.fr. */
export const PlateformeIndisponible: Story = {
  args: { 'api-base': HORS_SERVICE },
  parameters: { expectedConsole: [/<spp-oups-erreurs> load: .* 503/] },
};
/** No platform configured (zero-config): where to find the errors. */
export const SansApi: Story = { args: { 'api-base': '' } };
