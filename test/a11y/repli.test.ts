// The accessibility matrix, states where the platform fails: messages with a retry, the
// bundled fallbacks, and stale copies. Run in a page of their own, nothing loaded
// successfully before them (the API client keeps what it got in memory), the failures
// first and the stale copies after.
import '../../src/elements/engagements/spp-engagements.js';
import '../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import '../../src/elements/oups-erreurs/spp-oups-erreurs.js';
import '../../src/elements/resultats/spp-resultats.js';
import { API_BASE, injectedFaults, setFaults, uniqueDemarche } from '../../src/test-support/platform.js';
import type { SppJeDonneMonAvis } from '../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import { bouton, choisir, ouvrir, qroot, questionnaire } from '../../src/elements/je-donne-mon-avis/test-helpers.js';
import { attendre, creer, dans, matrice, videCache, type Combinaison, type Etat } from './matrice.js';

const CACHE = 'spp-widgets:cache:v1:';
const TROIS_JOURS = 3 * 86_400_000;

/** Puts a copy of the platform's answer in the cache, as received days ago. */
async function copieAncienne(path: string): Promise<void> {
  const data: unknown = await (await fetch(`${API_BASE}${path}`)).json();
  localStorage.setItem(`${CACHE}${API_BASE}${path}`, JSON.stringify({ data, fetchedAt: Date.now() - TROIS_JOURS }));
}

/**
 * Waits until the background refresh has given up (refused, and no retry for a while), so
 * that no late success puts fresh data in the client's memory for the next combination.
 */
async function refreshAbandonne(): Promise<void> {
  const total = async () => Object.values(await injectedFaults()).reduce((a, b) => a + b, 0);
  const start = performance.now();
  let last = -1;
  let since = performance.now();
  for (;;) {
    const count = await total();
    if (count !== last) [last, since] = [count, performance.now()];
    if (count > 0 && performance.now() - since > 2500) return;
    if (performance.now() - start > 15_000) throw new Error(`the refresh was not tried: ${count} faults`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function avis(c: Combinaison, attributes: string): Promise<SppJeDonneMonAvis> {
  const el = await creer<SppJeDonneMonAvis>(
    `<spp-je-donne-mon-avis demarche="${uniqueDemarche('a11y-repli')}" ${c.attrs} ${c.api} ${attributes}></spp-je-donne-mon-avis>`,
  );
  await attendre(() => !el.hasAttribute('data-attente') && !!bouton(el));
  return el;
}

before(() => videCache());

const etats: Etat[] = [
  {
    element: 'spp-oups-erreurs',
    etat: 'échec (plateforme en panne, rien en cache) : message, réessayer, lien',
    preparer: async (c) => {
      await setFaults({ rules: [{ match: '/v1/oups/', kind: '503', times: 1000 }] });
      const el = await creer(`<spp-oups-erreurs ${c.attrs} ${c.api}></spp-oups-erreurs>`);
      await attendre(() => !!dans(el, '.spp-message--echec button'));
      return el;
    },
  },
  {
    element: 'spp-resultats',
    etat: 'échec (plateforme en panne, rien en cache) : message, réessayer, lien',
    preparer: async (c) => {
      await setFaults({ rules: [{ match: '/EX-SIP-69003/', kind: '503', times: 1000 }] });
      const el = await creer(`<spp-resultats ${c.attrs} ${c.api} structure="EX-SIP-69003"></spp-resultats>`);
      await attendre(() => !!dans(el, '.spp-erreur button'));
      return el;
    },
  },
  {
    element: 'spp-engagements',
    etat: 'plateforme en panne : la liste officielle embarquée',
    preparer: async (c) => {
      await setFaults({ rules: [{ match: '/v1/engagements', kind: '503', times: 1000 }] });
      let failed = false;
      const listener = () => (failed = true);
      document.addEventListener('spp-error', listener);
      try {
        const el = await creer(`<spp-engagements ${c.attrs} ${c.api}></spp-engagements>`);
        await attendre(() => failed && el.shadowRoot!.querySelectorAll('.spp-engagement').length === 9);
        return el;
      } finally {
        document.removeEventListener('spp-error', listener);
      }
    },
  },
  {
    element: 'spp-je-donne-mon-avis',
    etat: 'questionnaire introuvable : message et réessayer',
    preparer: async (c) => {
      const el = await avis(c, 'formulaire="inexistant"');
      bouton(el).click();
      await attendre(() => !!questionnaire(el)?.shadowRoot?.querySelector('.spp-probleme button'));
      return el;
    },
  },
  {
    element: 'spp-je-donne-mon-avis',
    etat: 'avis refusé par la plateforme',
    preparer: async (c) => {
      const demarche = uniqueDemarche('a11y-refus');
      const cle = crypto.randomUUID();
      // The same key with another content is refused for good (422).
      await fetch(`${API_BASE}/v1/avis`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': cle },
        body: JSON.stringify({ demarche, formulaire: 'root', reponses: [{ champ: 'satisfaction', optionId: 'bad' }] }),
      });
      const el = await avis(c, `demarche="${demarche}"`);
      await ouvrir(el);
      const original = crypto.randomUUID;
      crypto.randomUUID = () => cle;
      try {
        await choisir(el, 'satisfaction', 'good');
        await attendre(() => !!qroot(el).querySelector('.spp-statut--echec, .spp-alerte:not(:empty)'));
        await attendre(() => (qroot(el).querySelector('.spp-alerte')?.textContent?.trim() ?? '') !== '');
      } finally {
        crypto.randomUUID = original;
      }
      return el;
    },
  },
  // Stale copies, after every failure above (a copy read once stays in the client's memory).
  {
    element: 'spp-resultats',
    etat: 'copie ancienne, plateforme en panne : « Données du … »',
    preparer: async (c) => {
      await copieAncienne('/v1/structures/EX-PREF-35/resultats');
      await setFaults({ rules: [{ match: '/EX-PREF-35/', kind: '503', times: 1000 }] });
      const el = await creer(`<spp-resultats ${c.attrs} ${c.api} structure="EX-PREF-35"></spp-resultats>`);
      await attendre(() => !!dans(el, '.spp-perime') && !dans(el, 'div.spp-graphique'));
      await refreshAbandonne();
      return el;
    },
  },
  {
    element: 'spp-oups-erreurs',
    etat: 'copie ancienne, plateforme en panne',
    preparer: async (c) => {
      await copieAncienne('/v1/oups/evenements');
      await copieAncienne('/v1/oups/erreurs');
      await setFaults({ rules: [{ match: '/v1/oups/', kind: '503', times: 1000 }] });
      const el = await creer(`<spp-oups-erreurs ${c.attrs} ${c.api} limite="4"></spp-oups-erreurs>`);
      await attendre(() => !!dans(el, '.fr-accordions-group'));
      await refreshAbandonne();
      return el;
    },
  },
];

matrice('states where the platform fails', etats);
