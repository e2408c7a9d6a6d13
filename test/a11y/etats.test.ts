// The accessibility matrix, states reached with the platform up: every element's
// dispositions, modes and variants, the questionnaire's states that its own tests do not
// walk in all four combinations, the oups filters and the résultats without figures.
import { expect } from '@open-wc/testing';
import '../../src/elements/bloc-marque/spp-bloc-marque.js';
import '../../src/elements/engagements/spp-engagements.js';
import '../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import '../../src/elements/oups-erreurs/spp-oups-erreurs.js';
import '../../src/elements/resultats/spp-resultats.js';
import { setFaults, uniqueDemarche } from '../../src/test-support/platform.js';
import type { SppJeDonneMonAvis } from '../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import {
  choisir,
  cliquer,
  ecrire,
  etape,
  ouvrir,
  qroot,
  questionnaire,
  suivant,
} from '../../src/elements/je-donne-mon-avis/test-helpers.js';
import { attendre, creer, dans, matrice, type Combinaison, type Etat, type EtatCouvert } from './matrice.js';

const LOGO = new URL('../../src/elements/engagements/fixtures/logo.svg', import.meta.url).href;
const PHOTO = new URL('../../src/elements/engagements/fixtures/photo.svg', import.meta.url).href;

/** The avis button, once its text is there (other languages load theirs first). */
async function avis(c: Combinaison, attributes: string, api = true): Promise<SppJeDonneMonAvis> {
  const el = await creer<SppJeDonneMonAvis>(
    `<spp-je-donne-mon-avis demarche="${uniqueDemarche('a11y')}" ${c.attrs} ${api ? c.api : ''} ${attributes}></spp-je-donne-mon-avis>`,
  );
  await attendre(() => !el.hasAttribute('data-attente') && !!el.shadowRoot?.firstElementChild);
  return el;
}

/** The dialog open on its first question. */
async function dialogue(c: Combinaison, attributes = ''): Promise<SppJeDonneMonAvis> {
  const el = await avis(c, attributes);
  await ouvrir(el);
  return el;
}

/** Up to the step `id`, the smiley chosen. */
async function jusqua(el: SppJeDonneMonAvis, id: string): Promise<void> {
  await choisir(el, 'satisfaction', 'medium');
  while (etape(el) !== id) await suivant(el);
}

async function inline(c: Combinaison): Promise<SppJeDonneMonAvis> {
  const el = await avis(c, 'mode="inline"');
  await attendre(() => !!questionnaire(el)?.shadowRoot?.querySelector('form input') && !questionnaire(el).hidden);
  await questionnaire(el).updateComplete;
  return el;
}

const engagements = async (c: Combinaison, attributes: string) => {
  const el = await creer(`<spp-engagements ${c.attrs} ${attributes}></spp-engagements>`);
  await attendre(() => !!dans(el, '.spp-engagement'));
  await attendre(() => [...el.shadowRoot!.querySelectorAll('.spp-pictogramme')].every((s) => s.childElementCount > 0));
  return el;
};

/** Résultats once the loading is over (a message or the figures, charts drawn). */
const resultats = async (c: Combinaison, attributes: string) => {
  const el = await creer(`<spp-resultats ${c.attrs} ${attributes}></spp-resultats>`);
  await attendre(() => !dans(el, '[aria-busy]') && !dans(el, 'div.spp-graphique') && !!dans(el, '.spp-root'));
  return el;
};

const oups = async (c: Combinaison, attributes: string, api = true) => {
  const el = await creer(`<spp-oups-erreurs ${c.attrs} ${api ? c.api : ''} ${attributes}></spp-oups-erreurs>`);
  await attendre(() => !!dans(el, '.fr-accordions-group, .spp-vide, .spp-message--sans-api'));
  return el;
};

async function chercher(el: HTMLElement, mots: string): Promise<void> {
  const champ = dans<HTMLInputElement>(el, 'input[type="search"]')!;
  champ.value = mots;
  champ.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

/** The mark is marked as French, inside content in the element's language. */
function blocEnFrancais(el: HTMLElement, c: Combinaison): void {
  expect(dans(el, '.spp-root')?.getAttribute('lang')).to.equal(c.lang);
  expect(dans(el, '.fr-logo')?.getAttribute('lang')).to.equal('fr');
}

const etats: Etat[] = [
  // <spp-bloc-marque>: the State's mark, French in every language
  {
    element: 'spp-bloc-marque',
    etat: 'République française',
    toujoursFrancais: true,
    verifier: blocEnFrancais,
    preparer: (c) => creer(`<spp-bloc-marque ${c.attrs}></spp-bloc-marque>`),
  },
  {
    element: 'spp-bloc-marque',
    etat: 'ministère, logo d’opérateur, lien, taille lg',
    toujoursFrancais: true,
    verifier: blocEnFrancais,
    preparer: (c) =>
      creer(
        `<spp-bloc-marque ${c.attrs} taille="lg" ministere="Ministère\nde l’Intérieur" logo-src="${LOGO}" logo-alt="Préfecture d’exemple" lien="https://www.example.gouv.fr/"></spp-bloc-marque>`,
      ),
  },

  // <spp-je-donne-mon-avis>: the button
  ...(
    [
      ['solid', 'jdma', ''],
      ['outline', 'remarque', ''],
      ['ghost', 'retour', ''],
      ['solid', 'probleme', 'marque="neutre"'],
    ] as const
  ).map(([variante, libelle, extra]): Etat => ({
    element: 'spp-je-donne-mon-avis',
    etat: `bouton ${variante}, libellé ${libelle}${extra ? `, ${extra}` : ''}`,
    preparer: (c) => avis(c, `variante="${variante}" libelle="${libelle}" ${extra}`),
  })),
  { element: 'spp-je-donne-mon-avis', etat: 'mode lien', preparer: (c) => avis(c, 'mode="lien" bouton="pied"') },
  {
    element: 'spp-je-donne-mon-avis',
    etat: 'sans plateforme (repli en lien JDMA)',
    preparer: (c) => avis(c, 'mode="modal"', false),
  },
  { element: 'spp-je-donne-mon-avis', etat: 'demarche invalide', preparer: (c) => avis(c, 'demarche="§"') },

  // The questionnaire (modal): what its own tests do not check in all four combinations.
  {
    element: 'spp-je-donne-mon-avis',
    etat: 'dialogue avec bloc marque et logo',
    preparer: async (c) => {
      const el = await dialogue(c, `ministere="Ministère\nde l’Intérieur" logo-src="${LOGO}" logo-alt="Préfecture"`);
      await attendre(() => !!qroot(el).querySelector('spp-bloc-marque')?.shadowRoot?.firstElementChild);
      return el;
    },
  },
  {
    element: 'spp-je-donne-mon-avis',
    etat: 'étape aides : deux canaux, questions conditionnelles, « Autres » ouvert',
    preparer: async (c) => {
      const el = await dialogue(c);
      await jusqua(el, 'aides');
      for (const option of ['telephone', 'email', 'autre']) await choisir(el, 'contact_tried', option);
      await choisir(el, 'contact_reached', 'oui', 'telephone');
      await choisir(el, 'contact_satisfaction', 'bonne', 'email');
      return el;
    },
  },
  {
    element: 'spp-je-donne-mon-avis',
    etat: 'commentaire : avertissement de données personnelles',
    preparer: async (c) => {
      const el = await dialogue(c);
      await jusqua(el, 'commentaire');
      await ecrire(el, 'textarea', 'Écrivez-moi à nom.prenom@example.fr ou au 06 12 34 56 78.');
      await attendre(() => !!qroot(el).querySelector('[data-pii]'));
      return el;
    },
  },
  {
    element: 'spp-je-donne-mon-avis',
    etat: 'commentaire : e-mail de contact invalide (afficher="contact_email")',
    preparer: async (c) => {
      const el = await dialogue(c, 'afficher="contact_email"');
      await jusqua(el, 'commentaire');
      await ecrire(el, 'input[type="email"]', 'pas-une-adresse');
      cliquer(el, 'button[type="submit"]');
      await attendre(() => !!qroot(el).querySelector('input[type="email"][aria-invalid="true"]'));
      return el;
    },
  },
  {
    element: 'spp-je-donne-mon-avis',
    etat: 'trop de tentatives (429)',
    preparer: async (c) => {
      const el = await dialogue(c);
      await setFaults({ rules: [{ match: '/api/v1/avis', kind: '429', times: 20, method: 'POST' }] });
      await choisir(el, 'satisfaction', 'good');
      await attendre(() => !!qroot(el).querySelector('.spp-alerte')?.textContent?.trim());
      return el;
    },
  },
  {
    element: 'spp-je-donne-mon-avis',
    etat: 'merci, avis en attente (hors ligne)',
    preparer: async (c) => {
      const el = await dialogue(c);
      await setFaults({ rules: [{ match: '/api/v1/avis', kind: 'drop', times: 1000 }] });
      await jusqua(el, 'commentaire');
      await suivant(el);
      await attendre(() => !!qroot(el).querySelector('#spp-merci'));
      return el;
    },
  },

  // The questionnaire in the page
  { element: 'spp-je-donne-mon-avis', etat: 'inline : première question', preparer: (c) => inline(c) },
  {
    element: 'spp-je-donne-mon-avis',
    etat: 'inline : étapes dépliées après le smiley',
    preparer: async (c) => {
      const el = await inline(c);
      await choisir(el, 'satisfaction', 'bad');
      await attendre(() => etape(el) === 'clarte');
      await attendre(() => !!qroot(el).querySelector('.spp-statut--envoye'));
      return el;
    },
  },
  {
    element: 'spp-je-donne-mon-avis',
    etat: 'inline : merci',
    preparer: async (c) => {
      const el = await inline(c);
      await choisir(el, 'satisfaction', 'good');
      await attendre(() => etape(el) === 'clarte');
      while (!qroot(el).querySelector('#spp-merci')) await suivant(el);
      return el;
    },
  },

  // <spp-engagements>
  ...['grille', 'liste', 'accordeon'].map((disposition): Etat => ({
    element: 'spp-engagements',
    etat: `disposition ${disposition}, engagements 2 et 7 choisis`,
    preparer: async (c) => {
      const el = await engagements(c, `disposition="${disposition}" engagements="2,7"`);
      if (disposition === 'accordeon') {
        dans(el, '[aria-expanded]')!.click();
        await attendre(() => !!dans(el, '[aria-expanded="true"]'));
      }
      return el;
    },
  })),
  {
    element: 'spp-engagements',
    etat: 'disposition affiche, logo et photo',
    preparer: (c) =>
      engagements(
        c,
        `disposition="affiche" ministere="Ministère\nde l’Intérieur" logo-src="${LOGO}" logo-alt="Préfecture" photo-src="${PHOTO}" photo-alt="L’accueil de la préfecture" engagements="1"`,
      ),
  },
  {
    element: 'spp-engagements',
    etat: 'depuis la plateforme, sans titre',
    preparer: (c) => engagements(c, `${c.api} sans-titre niveau-titre="3"`),
  },

  // <spp-resultats> without figures to show (the dispositions are checked by its own tests)
  {
    element: 'spp-resultats',
    etat: 'valeur non publiée (motif d’absence)',
    preparer: (c) => resultats(c, `${c.api} structure="EX-FS-23096"`),
  },
  {
    element: 'spp-resultats',
    etat: 'structure inconnue',
    preparer: (c) => resultats(c, `${c.api} structure="EX-INCONNU"`),
  },
  {
    element: 'spp-resultats',
    etat: 'aucun résultat publié',
    preparer: (c) => resultats(c, `${c.api} structure="EX-CNAF"`),
  },
  { element: 'spp-resultats', etat: 'sans code de structure', preparer: (c) => resultats(c, c.api) },

  // <spp-oups-erreurs> (the list, accordions open and closed, is checked by its own tests)
  {
    element: 'spp-oups-erreurs',
    etat: 'filtre par événement et recherche',
    preparer: async (c) => {
      const el = await oups(c, 'evenement="demenagement"');
      await chercher(el, 'caf');
      await attendre(() => el.shadowRoot!.querySelectorAll('.fr-accordion').length === 1);
      return el;
    },
  },
  {
    element: 'spp-oups-erreurs',
    etat: 'aucun résultat, effacer les filtres',
    preparer: async (c) => {
      const el = await oups(c, 'evenement="emploi"');
      await chercher(el, 'passeport');
      await attendre(() => !!dans(el, '.spp-vide button'));
      return el;
    },
  },
  {
    element: 'spp-oups-erreurs',
    etat: 'limite et « Voir plus », public professionnel',
    preparer: (c) => oups(c, 'limite="2" public="professionnel"'),
  },
  {
    element: 'spp-oups-erreurs',
    etat: 'sans plateforme (lien vers oups.gouv.fr)',
    preparer: (c) => oups(c, '', false),
  },
];

const couverts: EtatCouvert[] = [
  {
    element: 'spp-je-donne-mon-avis',
    etat: 'dialogue à chaque étape, erreur, en attente, merci',
    par: 'src/elements/je-donne-mon-avis/spp-avis-questionnaire.test.ts',
  },
  {
    element: 'spp-resultats',
    etat: 'cartes (graphique et tableau ouverts), tableau, compact',
    par: 'src/elements/resultats/spp-resultats.test.ts',
  },
  {
    element: 'spp-oups-erreurs',
    etat: 'liste, accordéons ouverts et fermés',
    par: 'src/elements/oups-erreurs/spp-oups-erreurs.test.ts',
  },
];

matrice('states with the platform up', etats, couverts);
