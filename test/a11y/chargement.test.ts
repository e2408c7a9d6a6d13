// The accessibility matrix, loading states: the answers these elements wait for never
// come (fetch is held for the URLs concerned), so each combination sees the loading state.
// A page of its own: nothing these URLs return is ever cached here.
import '../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import '../../src/elements/oups-erreurs/spp-oups-erreurs.js';
import '../../src/elements/resultats/spp-resultats.js';
import { uniqueDemarche } from '../../src/test-support/platform.js';
import type { SppJeDonneMonAvis } from '../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import { bouton, questionnaire } from '../../src/elements/je-donne-mon-avis/test-helpers.js';
import { attendre, creer, dans, matrice, videCache, type Etat } from './matrice.js';

const HELD = ['/v1/structures/EX-CAF-33/resultats', '/v1/oups/', '/v1/formulaires/'];
const realFetch = window.fetch;

before(() => {
  videCache();
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    return HELD.some((part) => url.includes(part)) ? new Promise<Response>(() => undefined) : realFetch(input, init);
  };
});
after(() => {
  window.fetch = realFetch;
});

const etats: Etat[] = [
  {
    element: 'spp-resultats',
    etat: 'chargement',
    preparer: async (c) => {
      const el = await creer(`<spp-resultats ${c.attrs} ${c.api} structure="EX-CAF-33"></spp-resultats>`);
      await attendre(() => !!dans(el, '[aria-busy="true"] [role="status"]'));
      return el;
    },
  },
  {
    element: 'spp-oups-erreurs',
    etat: 'chargement',
    preparer: async (c) => {
      const el = await creer(`<spp-oups-erreurs ${c.attrs} ${c.api}></spp-oups-erreurs>`);
      await attendre(() => !!dans(el, '.spp-message--chargement'));
      return el;
    },
  },
  {
    element: 'spp-je-donne-mon-avis',
    etat: 'dialogue : chargement du questionnaire',
    preparer: async (c) => {
      const el = await creer<SppJeDonneMonAvis>(
        `<spp-je-donne-mon-avis demarche="${uniqueDemarche('a11y')}" ${c.attrs} ${c.api} formulaire="sur-mesure"></spp-je-donne-mon-avis>`,
      );
      await attendre(() => !el.hasAttribute('data-attente') && !!bouton(el));
      bouton(el).click();
      await attendre(() => !!questionnaire(el)?.shadowRoot?.querySelector('dialog[open] .spp-chargement'));
      return el;
    },
  },
  {
    element: 'spp-je-donne-mon-avis',
    etat: 'inline : place réservée pendant le chargement',
    sansTexte: true,
    preparer: async (c) => {
      const el = await creer<SppJeDonneMonAvis>(
        `<spp-je-donne-mon-avis demarche="${uniqueDemarche('a11y')}" ${c.attrs} ${c.api} mode="inline" formulaire="sur-mesure"></spp-je-donne-mon-avis>`,
      );
      await attendre(() => !el.hasAttribute('data-attente') && !!el.shadowRoot?.querySelector('.spp-attente'));
      return el;
    },
  },
];

matrice('loading states', etats);
