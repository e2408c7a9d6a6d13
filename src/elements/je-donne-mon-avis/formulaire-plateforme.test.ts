// The form comes from the platform (which can hide or relabel questions), with the bundled
// JDMA « root » as a fallback. Each test uses its own API origin so that no cached form
// from another test answers in its place.
import { expect, fixture } from '@open-wc/testing';
import formulaireRoot from '~spp/data/formulaire-root';
import './spp-je-donne-mon-avis.js';
import type { SppJeDonneMonAvis } from './spp-je-donne-mon-avis.js';
import type { Formulaire } from './formulaire.js';
import { setFaults, storedAvis, uniqueDemarche } from '../../test-support/platform.js';
import {
  attendre,
  bouton,
  choisir,
  collect,
  etape,
  ouvrir,
  qroot,
  questionnaire,
  suivant,
  texte,
} from './test-helpers.js';

const base = (host: string) => `http://${host}:${location.port}/api`;
const creer = (demarche: string, apiBase: string) =>
  fixture<SppJeDonneMonAvis>(
    `<spp-je-donne-mon-avis demarche="${demarche}" api-base="${apiBase}"></spp-je-donne-mon-avis>`,
  );
const legende = (el: SppJeDonneMonAvis) => texte(qroot(el).querySelector('fieldset[data-champ="satisfaction"] legend'));

describe('where the questionnaire comes from', () => {
  before(() => localStorage.clear());
  afterEach(() => setFaults());

  it('shows the form as the platform serves it: questions hidden or relabelled there are hidden or relabelled here', async () => {
    const apiBase = base('127.0.0.1');
    const served = structuredClone(formulaireRoot) as Formulaire;
    served.etapes[0].blocs[0].libelle = 'Comment s’est passée votre démarche ?';
    served.etapes = served.etapes.filter((e) => e.id !== 'clarte');
    const original = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
      String(input) === `${apiBase}/v1/formulaires/root`
        ? Promise.resolve(new Response(JSON.stringify(served), { headers: { 'Content-Type': 'application/json' } }))
        : original(input, init);
    try {
      const demarche = uniqueDemarche('plateforme');
      const el = await creer(demarche, apiBase);
      await ouvrir(el);
      expect(legende(el)).to.equal('Comment s’est passée votre démarche ? Ce champ est obligatoire.');
      expect(texte(qroot(el).querySelector('.fr-stepper__state'))).to.equal('Étape 1 sur 3');
      await choisir(el, 'satisfaction', 'good');
      await suivant(el);
      expect(etape(el)).to.equal('aides');
      await attendre(() => true);
      expect((await storedAvis(demarche)).length).to.be.at.most(1);
    } finally {
      window.fetch = original;
    }
  });

  it('falls back to the bundled « root » questionnaire when the platform cannot be reached, and still sends', async () => {
    const apiBase = base('127.0.0.2');
    await setFaults({ rules: [{ match: '/v1/formulaires/', kind: 'drop', times: 100 }] });
    const demarche = uniqueDemarche('secours');
    const el = await creer(demarche, apiBase);
    const errors = collect<{ phase: string }>(el, 'spp-error');
    await ouvrir(el);
    expect(legende(el)).to.equal("De façon générale, comment ça s'est passé ? Ce champ est obligatoire.");
    await attendre(() => errors.some((e) => e.phase === 'formulaire'));
    await choisir(el, 'satisfaction', 'medium');
    await attendre(() => texte(qroot(el).querySelector('.spp-statut')) === 'Envoyé');
    expect(await storedAvis(demarche)).to.have.length(1);
  });

  it('does not keep the usager waiting on a slow platform: the bundled questionnaire shows long before its 6 s answer', async () => {
    const apiBase = base('[::1]');
    await setFaults({ rules: [{ match: '/v1/formulaires/', kind: 'slow', times: 10 }], delayMs: 6000 });
    const el = await creer(uniqueDemarche('lent'), apiBase);
    const start = performance.now();
    bouton(el).click();
    await attendre(() => !!questionnaire(el)?.shadowRoot?.querySelector('.spp-chargement'));
    expect(texte(qroot(el).querySelector('.spp-chargement'))).to.equal('Chargement du questionnaire…');
    await expect(el).to.be.accessible();
    await attendre(() => !!qroot(el).querySelector('fieldset[data-champ="satisfaction"]'), 4000);
    // It waits 1.5 s for the platform; the margin is for a loaded test machine.
    expect(performance.now() - start).to.be.below(3500);
    expect((qroot(el).activeElement as HTMLInputElement).value, 'focus moved to the first smiley').to.equal('bad');
  });
});
