import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { attributeArgTypes, attributeArgs, attributes } from '../../../stories/manifest-args.js';
import logo from '../engagements/fixtures/logo.svg?no-inline';
import './spp-bloc-marque.js';

const TAG = 'spp-bloc-marque';

// Args are the element's attributes, by name; controls and docs come from custom-elements.json.
const meta: Meta = {
  title: 'Éléments/Bloc marque',
  component: TAG,
  args: attributeArgs(TAG),
  argTypes: attributeArgTypes(TAG),
  render: (args) => html`<spp-bloc-marque ${attributes(TAG, args)}></spp-bloc-marque>`,
};
export default meta;

type Story = StoryObj;

export const RepubliqueFrancaise: Story = {};
export const Ministere: Story = {
  args: { ministere: 'Ministère\nde l’Exemple', lien: 'https://www.example.gouv.fr/' },
};
export const AvecOperateur: Story = {
  args: { ministere: 'Ministère\nde l’Exemple', 'logo-src': logo, 'logo-alt': 'Opérateur exemple' },
};
export const Sombre: Story = { args: { ministere: 'Ministère\nde l’Exemple', theme: 'dark' } };
export const Petit: Story = { args: { taille: 'sm' } };
export const Grand: Story = { args: { taille: 'lg' } };
/** `marque="neutre"`: the bloc marque is the State's; a collectivité's page shows nothing. */
export const Neutre: Story = { args: { marque: 'neutre' } };
