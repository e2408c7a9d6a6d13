import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import './spp-bloc-marque.js';

interface Args {
  ministere: string;
  lien: string;
  logoSrc: string;
  logoAlt: string;
  taille: 'sm' | 'md' | 'lg';
  theme: 'light' | 'dark' | 'system' | '';
  marque: 'etat' | 'neutre';
}

const meta: Meta<Args> = {
  title: 'Éléments/Bloc marque',
  component: 'spp-bloc-marque',
  args: { ministere: '', lien: '', logoSrc: '', logoAlt: '', taille: 'md', theme: '', marque: 'etat' },
  argTypes: {
    taille: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark', 'system'] },
    marque: { control: 'inline-radio', options: ['etat', 'neutre'] },
  },
  render: (args) =>
    html`<spp-bloc-marque
      ministere=${args.ministere || nothing}
      lien=${args.lien || nothing}
      logo-src=${args.logoSrc || nothing}
      logo-alt=${args.logoAlt || nothing}
      taille=${args.taille}
      theme=${args.theme || nothing}
      marque=${args.marque}
    ></spp-bloc-marque>`,
};
export default meta;

type Story = StoryObj<Args>;

export const RepubliqueFrancaise: Story = {};
export const Ministere: Story = {
  args: { ministere: 'Ministère\nde l’Exemple', lien: 'https://www.example.gouv.fr/' },
};
export const Sombre: Story = { args: { ministere: 'Ministère\nde l’Exemple', theme: 'dark' } };
export const Grand: Story = { args: { taille: 'lg' } };
