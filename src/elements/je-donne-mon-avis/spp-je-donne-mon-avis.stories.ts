import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import formulaireRoot from '~spp/data/formulaire-root';
import { attributeArgTypes, attributeArgs, attributes } from '../../../stories/manifest-args.js';
import logo from '../engagements/fixtures/logo.svg?no-inline';
import './spp-je-donne-mon-avis.js';

// Stories never reach a network: a fetch stub plays the platform at PLATEFORME (the « root »
// questionnaire of data/, and avis accepted without being stored anywhere) and passes every
// other request on. Links (`lien` mode) open the real JDMA form only when clicked.
const PLATEFORME = 'https://plateforme.example/api';
const TAG = 'spp-je-donne-mon-avis';

function answerAsPlatform() {
  const marker = Symbol.for('spp-je-donne-mon-avis.stories.fetch');
  const page = window as unknown as Record<symbol, boolean>;
  if (page[marker]) return;
  page[marker] = true;
  const network = window.fetch.bind(window);
  const jeton = () =>
    Array.from(
      crypto.getRandomValues(new Uint8Array(32)),
      (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[b & 63],
    )
      .join('')
      .slice(0, 43);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(`${PLATEFORME}/v1/`)) return network(input, init);
    const path = url.slice(PLATEFORME.length);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const now = new Date().toISOString();
    if (method === 'GET' && path === '/v1/formulaires/root') return Response.json(formulaireRoot);
    if (method === 'POST' && path === '/v1/avis') {
      return Response.json({ id: crypto.randomUUID(), jeton: jeton(), creeLe: now }, { status: 201 });
    }
    const patch = /^\/v1\/avis\/([\w-]+)$/.exec(path);
    if (method === 'PATCH' && patch) return Response.json({ id: patch[1], creeLe: now, modifieLe: now });
    return Response.json({ type: 'about:blank', title: 'Introuvable', status: 404 }, { status: 404 });
  };
}

// Args are the element's attributes, by name; controls and docs come from custom-elements.json.
const meta: Meta = {
  title: 'Éléments/Je donne mon avis',
  component: TAG,
  loaders: [async () => answerAsPlatform()],
  args: attributeArgs(TAG, { demarche: 'demarche-exemple', 'api-base': PLATEFORME }),
  argTypes: attributeArgTypes(TAG, {
    afficher: { control: { type: 'inline-radio', labels: { '': '(absent)' } }, options: ['', 'contact_email'] },
    'niveau-titre': { control: { type: 'number', min: 2, max: 6 } },
    'api-base': {
      description: `${PLATEFORME} : une plateforme simulée (rien n’est enregistré) ; vide : sans plateforme, le bouton devient un lien JDMA.`,
    },
  }),
  render: (args) => html`<spp-je-donne-mon-avis ${attributes(TAG, args)}></spp-je-donne-mon-avis>`,
};
export default meta;

type Story = StoryObj;

/** Opens the dialog, as a click on the button does. */
const ouvrir: Story['play'] = async ({ canvasElement }) => {
  await canvasElement.querySelector<HTMLElement & { open(): Promise<void> }>(TAG)?.open();
};

// Modes
export const Modale: Story = {};
export const ModaleOuverte: Story = { play: ouvrir };
export const ModaleOuverteSombre: Story = { args: { theme: 'dark' }, play: ouvrir };
export const ModaleOuverteAvecBlocMarque: Story = {
  args: { ministere: 'Ministère\nde l’Exemple', 'logo-src': logo, 'logo-alt': 'Opérateur exemple' },
  play: ouvrir,
};
export const EnLigne: Story = { args: { mode: 'inline' } };
export const EnLigneSombre: Story = { args: { mode: 'inline', theme: 'dark' } };
export const Lien: Story = { args: { mode: 'lien', demarche: '3842', bouton: '12' } };
export const SansPlateforme: Story = {
  name: 'Sans plateforme (devient un lien)',
  args: { 'api-base': '', demarche: '3842' },
};

// Labels
export const UneRemarque: Story = { args: { libelle: 'remarque' } };
export const FaireUnRetour: Story = { args: { libelle: 'retour' } };
export const SignalerUnProbleme: Story = { args: { libelle: 'probleme' } };

// Styles, light and dark
export const Contour: Story = { args: { variante: 'outline' } };
export const Discret: Story = { args: { variante: 'ghost' } };
export const Sombre: Story = { args: { theme: 'dark' } };
export const SombreContour: Story = { args: { theme: 'dark', variante: 'outline' } };
export const SombreDiscret: Story = { args: { theme: 'dark', variante: 'ghost' } };
export const Neutre: Story = { args: { marque: 'neutre' } };

// Options
export const AvecBlocMarque: Story = { args: { ministere: 'Ministère\nde l’Exemple' } };
export const AvecAdresseMail: Story = { args: { mode: 'inline', afficher: 'contact_email' } };
export const EnAnglais: Story = { args: { lang: 'en' } };
/** `demarche` missing: the webmaster sees why the button is not there (and the console says it once). */
export const DemarcheInvalide: Story = {
  args: { demarche: '' },
  parameters: { expectedConsole: [/invalid demarche attribute/] },
};
