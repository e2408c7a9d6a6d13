import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import './spp-engagements.js';
import photo from './fixtures/photo.svg?no-inline';
import logo from './fixtures/logo.svg?no-inline';

interface Args {
  disposition: 'grille' | 'liste' | 'accordeon' | 'affiche';
  engagements: string;
  niveauTitre: number;
  sansTitre: boolean;
  structure: string;
  apiBase: string;
  ministere: string;
  logoSrc: string;
  logoAlt: string;
  photoSrc: string;
  photoAlt: string;
  adresseAvis: string;
  format: 'A4' | 'A3';
  theme: 'light' | 'dark' | 'system' | '';
  marque: 'etat' | 'neutre';
  lang: 'fr' | 'en';
  introduction: string;
}

const meta: Meta<Args> = {
  title: 'Éléments/Engagements',
  component: 'spp-engagements',
  args: {
    disposition: 'grille',
    engagements: '',
    niveauTitre: 2,
    sansTitre: false,
    structure: '',
    apiBase: '',
    ministere: '',
    logoSrc: '',
    logoAlt: '',
    photoSrc: '',
    photoAlt: '',
    adresseAvis: '',
    format: 'A4',
    theme: '',
    marque: 'etat',
    lang: 'fr',
    introduction: '',
  },
  argTypes: {
    disposition: { control: 'inline-radio', options: ['grille', 'liste', 'accordeon', 'affiche'] },
    engagements: { control: 'text', description: 'e.g. 1,7: highlighted (grille, affiche) or the only ones shown' },
    niveauTitre: { control: { type: 'number', min: 2, max: 6 } },
    structure: { control: 'text', description: 'a structure code (needs api-base), e.g. EX-CAF-33' },
    apiBase: { control: 'text', description: 'the platform, e.g. /api under npm start' },
    format: { control: 'inline-radio', options: ['A4', 'A3'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark', 'system'] },
    marque: { control: 'inline-radio', options: ['etat', 'neutre'] },
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    introduction: { control: 'text', description: 'content of the introduction slot' },
  },
  render: (args) =>
    html`<spp-engagements
      disposition=${args.disposition}
      engagements=${args.engagements || nothing}
      niveau-titre=${args.niveauTitre}
      ?sans-titre=${args.sansTitre}
      structure=${args.structure || nothing}
      api-base=${args.apiBase || nothing}
      ministere=${args.ministere || nothing}
      logo-src=${args.logoSrc || nothing}
      logo-alt=${args.logoAlt || nothing}
      photo-src=${args.photoSrc || nothing}
      photo-alt=${args.photoAlt || nothing}
      adresse-avis=${args.adresseAvis || nothing}
      format=${args.format}
      theme=${args.theme || nothing}
      marque=${args.marque}
      lang=${args.lang}
      >${args.introduction ? html`<p slot="introduction">${args.introduction}</p>` : nothing}</spp-engagements
    >`,
};
export default meta;

type Story = StoryObj<Args>;

export const Grille: Story = {};
export const GrilleMiseEnAvant: Story = { args: { engagements: '1,7' } };
export const Liste: Story = { args: { disposition: 'liste', niveauTitre: 3 } };
export const ListeSousEnsemble: Story = { args: { disposition: 'liste', engagements: '6,7', sansTitre: true } };
export const Accordeon: Story = {
  args: { disposition: 'accordeon', introduction: 'Chaque engagement s’ouvre sur les engagements détaillés.' },
};
export const Affiche: Story = {
  args: {
    disposition: 'affiche',
    ministere: 'Ministère\nde l’Exemple',
    logoSrc: logo,
    logoAlt: 'Opérateur exemple',
    photoSrc: photo,
    adresseAvis: 'https://www.example.gouv.fr/avis/',
  },
};
export const AfficheNeutre: Story = {
  args: { disposition: 'affiche', marque: 'neutre', logoSrc: logo, logoAlt: 'Commune exemple', photoSrc: photo },
};
export const AfficheA3: Story = { args: { ...Affiche.args, format: 'A3' } };
export const Sombre: Story = { args: { theme: 'dark', engagements: '3' } };
export const English: Story = { args: { lang: 'en', disposition: 'accordeon' } };
