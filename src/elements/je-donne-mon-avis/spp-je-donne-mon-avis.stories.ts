import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import './spp-je-donne-mon-avis.js';

interface Args {
  demarche: string;
  mode: 'modal' | 'inline' | 'lien';
  libelle: 'jdma' | 'remarque' | 'retour' | 'probleme';
  variante: 'solid' | 'outline' | 'ghost';
  theme: 'light' | 'dark' | 'system' | '';
  marque: 'etat' | 'neutre';
  lang: 'fr' | 'en' | '';
  apiBase: string;
  formulaire: string;
  bouton: string;
  lienFormulaire: string;
  ministere: string;
  logoSrc: string;
  logoAlt: string;
  afficher: string;
  niveauTitre: number;
}

/** The dev server (`npm run storybook`) serves the reference platform at /api. */
const API = '/api';

const meta: Meta<Args> = {
  title: 'Éléments/Je donne mon avis',
  component: 'spp-je-donne-mon-avis',
  args: {
    demarche: 'demarche-exemple',
    mode: 'modal',
    libelle: 'jdma',
    variante: 'solid',
    theme: '',
    marque: 'etat',
    lang: '',
    apiBase: API,
    formulaire: '',
    bouton: '',
    lienFormulaire: '',
    ministere: '',
    logoSrc: '',
    logoAlt: '',
    afficher: '',
    niveauTitre: 2,
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['modal', 'inline', 'lien'] },
    libelle: { control: 'inline-radio', options: ['jdma', 'remarque', 'retour', 'probleme'] },
    variante: { control: 'inline-radio', options: ['solid', 'outline', 'ghost'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark', 'system'] },
    marque: { control: 'inline-radio', options: ['etat', 'neutre'] },
    lang: { control: 'inline-radio', options: ['', 'fr', 'en'] },
    afficher: { control: 'inline-radio', options: ['', 'contact_email'] },
    niveauTitre: { control: { type: 'number', min: 2, max: 6 } },
  },
  render: (args) =>
    html`<div style=${args.theme === 'dark' ? 'background:#161616;padding:1rem' : 'padding:1rem'}>
      <spp-je-donne-mon-avis
        demarche=${args.demarche || nothing}
        mode=${args.mode}
        libelle=${args.libelle}
        variante=${args.variante}
        theme=${args.theme || nothing}
        marque=${args.marque}
        lang=${args.lang || nothing}
        api-base=${args.apiBase || nothing}
        formulaire=${args.formulaire || nothing}
        bouton=${args.bouton || nothing}
        lien-formulaire=${args.lienFormulaire || nothing}
        ministere=${args.ministere || nothing}
        logo-src=${args.logoSrc || nothing}
        logo-alt=${args.logoAlt || nothing}
        afficher=${args.afficher || nothing}
        niveau-titre=${args.niveauTitre}
      ></spp-je-donne-mon-avis>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

// Modes
export const Modale: Story = {};
export const EnLigne: Story = { args: { mode: 'inline' } };
export const Lien: Story = { args: { mode: 'lien', demarche: '3842', bouton: '12' } };
export const SansPlateforme: Story = {
  name: 'Sans plateforme (devient un lien)',
  args: { apiBase: '', demarche: '3842' },
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
export const AvecAdresseMail: Story = { args: { afficher: 'contact_email' } };
export const EnAnglais: Story = { args: { lang: 'en' } };
export const DemarcheInvalide: Story = { args: { demarche: '' } };
