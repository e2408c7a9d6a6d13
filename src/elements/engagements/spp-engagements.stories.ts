import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { attributeArgTypes, attributeArgs, attributes } from '../../../stories/manifest-args.js';
import './spp-engagements.js';
import photo from './fixtures/photo.svg?no-inline';
import logo from './fixtures/logo.svg?no-inline';

const TAG = 'spp-engagements';

// Without `api-base` the element shows the official list bundled with it: no request.
// Args are the element's attributes, by name, plus `introduction`, the slot's text.
const meta: Meta = {
  title: 'Éléments/Engagements',
  component: TAG,
  args: attributeArgs(TAG, { introduction: '' }),
  argTypes: attributeArgTypes(TAG, {
    introduction: { control: 'text', description: 'Texte placé dans l’emplacement (slot) `introduction`.' },
    logo: { control: false },
    photo: { control: false },
    'niveau-titre': { control: { type: 'number', min: 2, max: 6 } },
  }),
  render: (args) =>
    html`<spp-engagements ${attributes(TAG, args)}
      >${args.introduction ? html`<p slot="introduction">${args.introduction}</p>` : nothing}</spp-engagements
    >`,
};
export default meta;

type Story = StoryObj;

export const Grille: Story = {};
export const GrilleMiseEnAvant: Story = { args: { engagements: '1,7' } };
export const Liste: Story = { args: { disposition: 'liste', 'niveau-titre': 3 } };
export const ListeSousEnsemble: Story = { args: { disposition: 'liste', engagements: '6,7', 'sans-titre': true } };
export const Accordeon: Story = {
  args: { disposition: 'accordeon', introduction: 'Chaque engagement s’ouvre sur les engagements détaillés.' },
};
export const Affiche: Story = {
  args: {
    disposition: 'affiche',
    ministere: 'Ministère\nde l’Exemple',
    'logo-src': logo,
    'logo-alt': 'Opérateur exemple',
    'photo-src': photo,
    'adresse-avis': 'https://www.example.gouv.fr/avis/',
  },
};
export const AfficheNeutre: Story = {
  args: {
    disposition: 'affiche',
    marque: 'neutre',
    'logo-src': logo,
    'logo-alt': 'Commune exemple',
    'photo-src': photo,
  },
};
export const AfficheA3: Story = { args: { ...Affiche.args, format: 'A3' } };
export const Sombre: Story = { args: { theme: 'dark', engagements: '3' } };
export const SombreAccordeon: Story = { args: { theme: 'dark', disposition: 'accordeon' } };
export const Neutre: Story = { args: { marque: 'neutre', disposition: 'liste' } };
export const English: Story = { args: { lang: 'en', disposition: 'accordeon' } };
