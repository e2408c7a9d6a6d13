import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/bloc-marque/spp-bloc-marque.js';

// The shared entry page of the catalogue; each element's stories live next to its code
// (src/elements/<name>/*.stories.ts).
const meta: Meta = {
  title: 'Introduction',
  render: () =>
    html`<article style="max-width: 40rem; font-family: system-ui, sans-serif; line-height: 1.5">
      <spp-bloc-marque></spp-bloc-marque>
      <h1>spp-widgets</h1>
      <p>
        Composants web du programme Services Publics +, au style du DSFR, intégrables sur tout site de l’administration
        avec une seule ligne de script.
      </p>
    </article>`,
};
export default meta;

export const Accueil: StoryObj = {};
