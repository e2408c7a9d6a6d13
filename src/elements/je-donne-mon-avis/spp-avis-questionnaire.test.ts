import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SppJeDonneMonAvis } from './spp-je-donne-mon-avis.js';
import './spp-je-donne-mon-avis.js';
import {
  PARTAGE_EXPERIENCE_URL,
  SppAvisQuestionnaire,
  type CompleteDetail,
  type StepDetail,
} from './spp-avis-questionnaire.js';
import { API_BASE, setFaults, storedAvis, uniqueDemarche } from '../../test-support/platform.js';
import { addPageCss, settle } from '../../test-support/page.js';
import {
  actif,
  attendre,
  bouton,
  choisir,
  cliquer,
  collect,
  dialog,
  ecrire,
  etape,
  ouvrir,
  qroot,
  questionnaire,
  recordRequests,
  resetStorage,
  suivant,
  texte,
} from './test-helpers.js';

const creer = (demarche: string, attributes = '') =>
  fixture<SppJeDonneMonAvis>(
    `<spp-je-donne-mon-avis demarche="${demarche}" api-base="${API_BASE}" ${attributes}></spp-je-donne-mon-avis>`,
  );
const statut = (el: SppJeDonneMonAvis) => texte(qroot(el).querySelector('[role="status"].spp-statut'));
const alerte = (el: SppJeDonneMonAvis) => texte(qroot(el).querySelector('[role="alert"].spp-alerte'));
const legendes = (el: SppJeDonneMonAvis, champ: string) =>
  [...qroot(el).querySelectorAll(`[data-champ="${champ}"] > legend`)].map((legend) => texte(legend));
const online = () => window.dispatchEvent(new Event('online'));

/** The answers stored, as the service's staff read them (the platform's agents endpoint). */
async function reponsesEnregistrees(demarche: string): Promise<{ champ: string; optionId?: string; texte?: string }[]> {
  const response = await fetch(`${API_BASE}/v1/demarches/${demarche}/avis`, {
    headers: { Authorization: 'Bearer cle-de-test' },
  });
  const { avis } = (await response.json()) as {
    avis: { reponses: { champ: string; optionId?: string; texte?: string }[] }[];
  };
  return (avis[0]?.reponses ?? []).map(({ champ, optionId, texte }) => ({
    champ,
    ...(optionId ? { optionId } : {}),
    ...(texte ? { texte } : {}),
  }));
}

async function jusquAuxAides(el: SppJeDonneMonAvis): Promise<void> {
  await ouvrir(el);
  await choisir(el, 'satisfaction', 'good');
  await suivant(el);
  await suivant(el);
  expect(etape(el)).to.equal('aides');
}

describe('the questionnaire of <spp-je-donne-mon-avis>', () => {
  beforeEach(() => {
    resetStorage();
    SppAvisQuestionnaire.delaiTexteMs = 0;
  });
  afterEach(async () => {
    await setFaults();
    SppAvisQuestionnaire.delaiTexteMs = 3000;
  });

  describe('sending', () => {
    it('creates the avis on the smiley click (POST), and completes it at each step (PATCH with the jeton)', async () => {
      const demarche = uniqueDemarche('envoi');
      const requests = recordRequests();
      try {
        const el = await creer(demarche, 'bouton="pied-de-page"');
        const steps = collect<StepDetail>(el, 'spp-step');
        const complete = collect<CompleteDetail>(el, 'spp-complete');
        await ouvrir(el);
        await choisir(el, 'satisfaction', 'medium');
        await attendre(() => statut(el) === 'Envoyé');
        let stored = await storedAvis(demarche);
        expect(stored.map((a) => a.champs)).to.deep.equal([['satisfaction']]);
        const post = requests.sent[0];
        expect(post.method).to.equal('POST');
        expect(post.headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
        expect(post.body).to.deep.equal({
          demarche,
          formulaire: 'root',
          bouton: 'pied-de-page',
          reponses: [{ champ: 'satisfaction', optionId: 'medium' }],
        });
        expect(steps).to.deep.equal([
          { etape: 'experience', reponses: [{ champ: 'satisfaction', optionId: 'medium' }], envoi: 'sent' },
        ]);

        await suivant(el);
        await choisir(el, 'comprehension', '4');
        await suivant(el);
        await attendre(() => steps.length === 2);
        await choisir(el, 'contact_tried', 'telephone');
        await choisir(el, 'contact_reached', 'oui', 'telephone');
        await choisir(el, 'contact_satisfaction', 'bonne', 'telephone');
        await suivant(el);
        await attendre(() => steps.length === 3);
        await ecrire(el, 'textarea', 'Très clair, merci. 🥵 « ok »');
        await suivant(el);
        await attendre(() => complete.length === 1);

        const patches = requests.sent.filter((r) => r.method === 'PATCH');
        expect(patches).to.have.length(3);
        const id = stored[0].id;
        for (const patch of patches) {
          expect(patch.url).to.equal(`${API_BASE}/v1/avis/${id}`);
          expect(patch.headers.authorization).to.match(/^Bearer [A-Za-z0-9_-]{43}$/);
        }
        expect(patches.map((p) => p.body)).to.deep.equal([
          { reponses: [{ champ: 'comprehension', optionId: '4' }] },
          {
            reponses: [
              { champ: 'contact_tried', optionId: 'telephone' },
              { champ: 'contact_reached', parent: 'telephone', optionId: 'oui' },
              { champ: 'contact_satisfaction', parent: 'telephone', optionId: 'bonne' },
            ],
          },
          { reponses: [{ champ: 'verbatim', texte: 'Très clair, merci. 🥵 « ok »' }] },
        ]);
        stored = await storedAvis(demarche);
        expect(stored).to.have.length(1);
        expect(stored[0].reponses).to.equal(6);
        expect([...stored[0].champs].sort()).to.deep.equal(
          [
            'comprehension',
            'contact_reached',
            'contact_satisfaction',
            'contact_tried',
            'satisfaction',
            'verbatim',
          ].sort(),
        );
        expect(steps.map((s) => [s.etape, s.envoi])).to.deep.equal([
          ['experience', 'sent'],
          ['clarte', 'sent'],
          ['aides', 'sent'],
          ['commentaire', 'sent'],
        ]);
        expect(complete).to.deep.equal([{ avis: post.headers['idempotency-key'], envoi: 'sent' }]);
        const verbatim = (await reponsesEnregistrees(demarche)).find((r) => r.champ === 'verbatim');
        expect(verbatim?.texte, 'emoji and quotes stored as typed').to.equal('Très clair, merci. 🥵 « ok »');
      } finally {
        requests.restore();
      }
    });

    it('keeps what was given when closed early, and skips optional steps without sending them', async () => {
      const demarche = uniqueDemarche('ferme');
      const requests = recordRequests();
      try {
        const el = await creer(demarche);
        await ouvrir(el);
        await choisir(el, 'satisfaction', 'bad');
        await attendre(() => statut(el) === 'Envoyé');
        await suivant(el);
        await suivant(el);
        expect(etape(el), 'an optional step is skipped').to.equal('aides');
        expect(
          requests.sent.map((r) => r.method),
          'nothing sent for a skipped step',
        ).to.deep.equal(['POST']);
        cliquer(el, '[part="fermer"]');
        await attendre(() => !questionnaire(el).ouvert);
        await ouvrir(el);
        await questionnaire(el).updateComplete;
        expect(etape(el), 'resumed').to.equal('aides');
      } finally {
        requests.restore();
      }
    });

    it('saves the last smiley chosen when the dialog closes', async () => {
      const demarche = uniqueDemarche('change');
      const el = await creer(demarche);
      await ouvrir(el);
      await choisir(el, 'satisfaction', 'bad');
      await attendre(() => statut(el) === 'Envoyé');
      await choisir(el, 'satisfaction', 'good');
      cliquer(el, '[part="fermer"]');
      await attendre(() => !questionnaire(el).ouvert);
      let reponses: { champ: string; optionId?: string }[] = [];
      for (let i = 0; i < 30 && reponses[0]?.optionId !== 'good'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        reponses = await reponsesEnregistrees(demarche);
      }
      expect(reponses).to.deep.equal([{ champ: 'satisfaction', optionId: 'good' }]);
      expect(await storedAvis(demarche)).to.have.length(1);
    });

    it('never duplicates an avis: double clicks on a smiley and on « Suivant »', async () => {
      const demarche = uniqueDemarche('double');
      const requests = recordRequests();
      try {
        const el = await creer(demarche);
        await ouvrir(el);
        const label = qroot(el).querySelector<HTMLElement>('label[for$="-good"]')!;
        label.click();
        label.click();
        await attendre(() => statut(el) === 'Envoyé');
        const submit = qroot(el).querySelector<HTMLElement>('button[type="submit"]')!;
        submit.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1 }));
        await questionnaire(el).updateComplete;
        // The second click of the double click reaches the next step's « Suivant ».
        qroot(el)
          .querySelector<HTMLElement>('button[type="submit"]')!
          .dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 2 }));
        await questionnaire(el).updateComplete;
        expect(etape(el)).to.equal('clarte');
        await settle();
        expect(requests.sent.filter((r) => r.method === 'POST')).to.have.length(1);
        expect(await storedAvis(demarche)).to.have.length(1);
      } finally {
        requests.restore();
      }
    });

    it('with the API down, the usager finishes and is told; the avis is delivered once when it returns', async () => {
      const demarche = uniqueDemarche('horsligne');
      await setFaults({ rules: [{ match: '/api/v1/avis', kind: 'drop', times: 1000 }] });
      const el = await creer(demarche);
      const complete = collect<CompleteDetail>(el, 'spp-complete');
      await ouvrir(el);
      await choisir(el, 'satisfaction', 'good');
      await attendre(() => statut(el) === 'Votre avis est enregistré et sera envoyé dès que possible.');
      await suivant(el);
      await choisir(el, 'comprehension', '5');
      await suivant(el);
      await suivant(el);
      await ecrire(el, 'textarea', 'Envoyé plus tard');
      await suivant(el);
      await attendre(() => complete.length === 1);
      expect(complete[0].envoi).to.equal('queued');
      // Said once, by the status line (not also by the thanks): it changes when the avis leaves.
      expect(statut(el)).to.equal('Votre avis est enregistré et sera envoyé dès que possible.');
      expect(texte(qroot(el).querySelector('.spp-merci p'))).to.equal(
        'Votre avis nous permettra d’améliorer la qualité de ce service.',
      );
      await expect(el).to.be.accessible();
      expect(await storedAvis(demarche)).to.have.length(0);

      await setFaults();
      online();
      await attendre(() => statut(el) === 'Envoyé', 10000);
      let stored: Awaited<ReturnType<typeof storedAvis>> = [];
      for (let i = 0; i < 50 && stored[0]?.reponses !== 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        stored = await storedAvis(demarche);
      }
      expect([...stored[0].champs].sort()).to.deep.equal(['comprehension', 'satisfaction', 'verbatim']);
      online();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await storedAvis(demarche), 'delivered exactly once').to.have.length(1);
    });

    it('says « trop de tentatives » on a 429, kindly, and sends it when allowed', async () => {
      const demarche = uniqueDemarche('limite');
      await setFaults({ rules: [{ match: '/api/v1/avis', kind: '429', times: 1, method: 'POST' }] });
      const el = await creer(demarche);
      await ouvrir(el);
      await choisir(el, 'satisfaction', 'good');
      await attendre(() => alerte(el).startsWith('Trop de tentatives'));
      expect(alerte(el)).to.equal(
        'Trop de tentatives en peu de temps : votre avis est enregistré et sera envoyé automatiquement dans quelques instants.',
      );
      await expect(el).to.be.accessible();
      await attendre(() => statut(el) === 'Envoyé', 10000);
      expect(await storedAvis(demarche)).to.have.length(1);
    });

    it('says so when the platform refuses the avis, and reports it', async () => {
      const demarche = uniqueDemarche('refus');
      const fixed = '7b0c5f4e-8d2a-4c1b-9e3f-2a6d8c4b1e5f';
      // An avis with the same key and another content exists: the platform answers 422.
      await fetch(`${API_BASE}/v1/avis`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': fixed },
        body: JSON.stringify({ demarche, formulaire: 'root', reponses: [{ champ: 'satisfaction', optionId: 'bad' }] }),
      });
      const original = crypto.randomUUID;
      crypto.randomUUID = () => fixed;
      try {
        const el = await creer(demarche);
        const errors = collect<{ phase: string }>(el, 'spp-error');
        await ouvrir(el);
        await choisir(el, 'satisfaction', 'good');
        await attendre(() => alerte(el).startsWith('Votre avis n’a pas pu être envoyé'));
        expect(errors.map((e) => e.phase)).to.include('envoi');
        await expect(el).to.be.accessible();
      } finally {
        crypto.randomUUID = original;
      }
    });
  });

  describe('questions', () => {
    it('asks « reached » and « quality » only for the administration channels ticked', async () => {
      const el = await creer(uniqueDemarche('conditions'));
      await jusquAuxAides(el);
      expect(legendes(el, 'contact_reached')).to.deep.equal([]);
      await choisir(el, 'contact_tried', 'proche');
      expect(legendes(el, 'contact_reached'), 'not for help from relatives').to.deep.equal([]);
      await choisir(el, 'contact_tried', 'telephone');
      expect(legendes(el, 'contact_reached')).to.deep.equal(["Par téléphone avec l'administration"]);
      expect(legendes(el, 'contact_satisfaction')).to.deep.equal(["Par téléphone avec l'administration"]);
      await choisir(el, 'contact_tried', 'guichet');
      expect(legendes(el, 'contact_reached')).to.deep.equal([
        "Au guichet avec l'administration",
        "Par téléphone avec l'administration",
      ]);
      await choisir(el, 'contact_tried', 'telephone');
      expect(legendes(el, 'contact_satisfaction')).to.deep.equal(["Au guichet avec l'administration"]);
      await expect(el).to.be.accessible();
    });

    it('makes « Je n’ai pas eu besoin d’aide » exclusive, and « Autres » opens its text field', async () => {
      const el = await creer(uniqueDemarche('exclusif'));
      await jusquAuxAides(el);
      const coches = () =>
        [...qroot(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')].map((c) => c.value);
      await choisir(el, 'contact_tried', 'chat');
      await choisir(el, 'contact_tried', 'autre');
      const autre = qroot(el).querySelector<HTMLInputElement>('.spp-autre input')!;
      expect(texte(qroot(el).querySelector(`label[for="${autre.id}"]`))).to.equal(
        "Quels autres types d'aide avez-vous utilisés ?",
      );
      expect(autre.maxLength).to.equal(250);
      await choisir(el, 'contact_tried', 'aucune');
      expect(coches()).to.deep.equal(['aucune']);
      expect(!!qroot(el).querySelector('.spp-autre'), 'text field gone').to.equal(false);
      expect(legendes(el, 'contact_reached')).to.deep.equal([]);
      await choisir(el, 'contact_tried', 'internet');
      expect(coches()).to.deep.equal(['internet']);
    });

    it('draws the tick of a checked box without any url(), in contrast', async () => {
      const el = await creer(uniqueDemarche('coche'));
      await jusquAuxAides(el);
      await choisir(el, 'contact_tried', 'internet');
      const label = qroot(el).querySelector('label[for="spp-contact_tried-internet"]')!;
      const tick = getComputedStyle(label, '::after');
      expect(tick.content).to.equal('""');
      expect(tick.borderRightColor).to.equal('rgb(245, 245, 254)');
      expect(getComputedStyle(label, '::before').backgroundColor).to.equal('rgb(0, 0, 145)');
      for (const sheet of qroot(el).adoptedStyleSheets) {
        for (const rule of sheet.cssRules) expect(rule.cssText).to.not.match(/url\(/);
      }
    });

    it('requires the smiley, with the error linked to the question', async () => {
      const el = await creer(uniqueDemarche('obligatoire'));
      await ouvrir(el);
      cliquer(el, 'button[type="submit"]');
      await questionnaire(el).updateComplete;
      const fieldset = qroot(el).querySelector('fieldset[data-champ="satisfaction"]')!;
      const message = qroot(el).getElementById(fieldset.getAttribute('aria-describedby')!)!;
      expect(texte(message)).to.equal('Choisissez une réponse pour continuer.');
      expect(actif(el)?.getAttribute('aria-describedby')).to.equal(message.id);
      expect(etape(el)).to.equal('experience');
      await expect(el).to.be.accessible();
      await choisir(el, 'satisfaction', 'good');
      expect(texte(message)).to.equal('');
    });

    it('shows the contact e-mail only when the page asks for it, and checks it', async () => {
      const demarche = uniqueDemarche('email');
      const el = await creer(demarche, 'afficher="contact_email"');
      await ouvrir(el);
      await choisir(el, 'satisfaction', 'good');
      for (let i = 0; i < 3; i++) await suivant(el);
      const email = qroot(el).querySelector<HTMLInputElement>('input[type="email"]')!;
      expect(email.autocomplete).to.equal('email');
      await ecrire(el, 'input[type="email"]', 'nom@');
      cliquer(el, 'button[type="submit"]');
      await questionnaire(el).updateComplete;
      expect(actif(el)).to.equal(email);
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(email.getAttribute('aria-describedby')).to.contain('spp-erreur-contact_email');
      expect(texte(qroot(el).getElementById('spp-erreur-contact_email'))).to.equal(
        'Saisissez une adresse e-mail valide, au format nom@domaine.fr.',
      );
      await expect(el).to.be.accessible();
      await ecrire(el, 'input[type="email"]', 'nom@exemple.fr');
      await suivant(el);
      let stored = await storedAvis(demarche);
      for (let i = 0; i < 30 && !stored[0]?.champs.includes('contact_email'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        stored = await storedAvis(demarche);
      }
      expect(stored[0].champs).to.include('contact_email');
      const plain = await creer(uniqueDemarche('sans-email'));
      await ouvrir(plain);
      await choisir(plain, 'satisfaction', 'good');
      for (let i = 0; i < 3; i++) await suivant(plain);
      expect(!!qroot(plain).querySelector('input[type="email"]')).to.equal(false);
    });

    it('counts the characters of the comment, up to 1000', async () => {
      const el = await creer(uniqueDemarche('compteur'));
      await ouvrir(el);
      await choisir(el, 'satisfaction', 'good');
      for (let i = 0; i < 3; i++) await suivant(el);
      const area = qroot(el).querySelector('textarea')!;
      expect(area.maxLength).to.equal(1000);
      await ecrire(el, 'textarea', 'Dix lettre');
      expect(texte(qroot(el).querySelector('.spp-compteur'))).to.equal('10 caractères sur 1000');
      expect(area.getAttribute('aria-describedby')).to.contain('spp-compteur-verbatim');
      // The hint is in the label, so in the field's name: not also in its description (read twice).
      const aide = qroot(el).querySelector(`label[for="${area.id}"] .fr-hint-text`)!;
      expect(texte(aide)).to.equal("Ne partagez pas d'information personnelle.");
      expect(area.getAttribute('aria-describedby')!.split(' ')).to.not.include(aide.id);
    });
  });

  describe('personal data', () => {
    it('warns live and politely about personal data in the comment, without blocking it', async () => {
      const demarche = uniqueDemarche('pii');
      const el = await creer(demarche);
      await ouvrir(el);
      await choisir(el, 'satisfaction', 'good');
      for (let i = 0; i < 3; i++) await suivant(el);
      const region = qroot(el).getElementById('spp-pii-verbatim')!;
      expect(region.getAttribute('aria-live')).to.equal('polite');
      expect(qroot(el).querySelector('textarea')!.getAttribute('aria-describedby')).to.contain(region.id);
      const cases: [string, string][] = [
        ['Contactez-moi : jean.dupont@example.fr', 'une adresse e-mail'],
        ['Mon portable 06 12 34 56 78', 'un numéro de téléphone'],
        ['Mon numéro de sécu 1 85 05 78 006 084 36', 'un numéro de sécurité sociale'],
        ['Remboursez sur FR76 3000 6000 0112 3456 7890 189', 'des coordonnées bancaires (IBAN)'],
        ['Mon dossier n° 2024-567890 est bloqué', 'un numéro de dossier ou d’identifiant'],
      ];
      for (const [text, kind] of cases) {
        await ecrire(el, 'textarea', text);
        await attendre(() => texte(region).includes(kind), 2000);
        expect(texte(region)).to.equal(
          `Votre texte semble contenir ${kind}. Votre avis est anonyme : retirez toute information personnelle.`,
        );
      }
      await expect(el).to.be.accessible();
      await ecrire(el, 'textarea', 'Le site était clair, la démarche a pris 10 minutes le 3 mars.');
      await attendre(() => texte(region) === '', 2000);
      await ecrire(el, 'textarea', 'Écrivez-moi à nom@exemple.fr');
      await attendre(() => texte(region) !== '', 2000);
      await suivant(el);
      expect(qroot(el).querySelector('#spp-merci'), 'a warning, not a block').to.exist;
      await attendre(() => statut(el) === 'Envoyé');
      let stored = await storedAvis(demarche);
      for (let i = 0; i < 30 && !stored[0]?.champs.includes('verbatim'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        stored = await storedAvis(demarche);
      }
      expect(stored[0].champs).to.include('verbatim');
    });

    it('checks the « Autres » text too', async () => {
      const el = await creer(uniqueDemarche('pii-autre'));
      await jusquAuxAides(el);
      await choisir(el, 'contact_tried', 'autre');
      await ecrire(el, '.spp-autre input', 'ma voisine, 06 12 34 56 78');
      await attendre(() => texte(qroot(el).querySelector('.spp-autre .spp-pii')).includes('numéro de téléphone'), 2000);
    });
  });

  describe('against bots', () => {
    it('has a honeypot nobody sees, not even assistive technologies; when filled, nothing is sent', async () => {
      const demarche = uniqueDemarche('pot-de-miel');
      const el = await creer(demarche);
      await ouvrir(el);
      const pot = qroot(el).querySelector<HTMLElement>('.spp-hp')!;
      expect(pot.getAttribute('aria-hidden')).to.equal('true');
      expect(pot.inert).to.equal(true);
      const input = pot.querySelector('input')!;
      expect(input.tabIndex).to.equal(-1);
      const rect = input.getBoundingClientRect();
      expect(rect.right <= 0 || rect.width <= 1).to.equal(true);
      input.value = 'https://spam.example';
      await choisir(el, 'satisfaction', 'good');
      await suivant(el);
      await suivant(el);
      await suivant(el);
      await ecrire(el, 'textarea', 'Achetez maintenant');
      await suivant(el);
      expect(qroot(el).querySelector('#spp-merci'), 'the bot sees the usual thanks').to.exist;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await storedAvis(demarche)).to.have.length(0);
    });

    it('does not send free text written faster than a person can (choices still go)', async () => {
      SppAvisQuestionnaire.delaiTexteMs = 60_000;
      const demarche = uniqueDemarche('rapide');
      const el = await creer(demarche);
      await ouvrir(el);
      await choisir(el, 'satisfaction', 'good');
      for (let i = 0; i < 3; i++) await suivant(el);
      await ecrire(el, 'textarea', 'Texte tapé par un robot');
      await suivant(el);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const stored = await storedAvis(demarche);
      expect(stored).to.have.length(1);
      expect(stored[0].champs).to.deep.equal(['satisfaction']);
    });
  });

  describe('success', () => {
    it('thanks the usager and offers to share the experience on Services Publics +', async () => {
      const demarche = uniqueDemarche('merci');
      const el = await creer(demarche);
      await ouvrir(el);
      await choisir(el, 'satisfaction', 'good');
      for (let i = 0; i < 4; i++) await suivant(el);
      expect(texte(qroot(el).querySelector('#spp-merci'))).to.equal('Merci beaucoup !');
      expect(actif(el)?.id).to.equal('spp-merci');
      const link = qroot(el).querySelector<HTMLAnchorElement>('a.spp-partage')!;
      const url = new URL(link.href);
      expect(`${url.origin}${url.pathname}`).to.equal(PARTAGE_EXPERIENCE_URL);
      expect(url.searchParams.get('pk_campaign')).to.equal('spp-widgets');
      expect(url.searchParams.get('id_demarche')).to.equal(demarche);
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener');
      expect(texte(link)).to.equal('Partager mon expérience – nouvelle fenêtre');
      await expect(el).to.be.accessible();
    });
  });

  describe('mode="inline"', () => {
    it('puts the first question in the page, reserving its place, and unfolds the next steps in place', async () => {
      const demarche = uniqueDemarche('inline');
      const el = document.createElement('spp-je-donne-mon-avis');
      el.setAttribute('demarche', demarche);
      el.setAttribute('api-base', API_BASE);
      el.setAttribute('mode', 'inline');
      document.body.append(el);
      try {
        const reserved = Math.round(el.getBoundingClientRect().height);
        await attendre(
          () => !!questionnaire(el)?.shadowRoot?.querySelector('input[type="radio"]') && !questionnaire(el).hidden,
        );
        await settle();
        const shown = Math.round(el.getBoundingClientRect().height);
        console.log(`inline: reserved ${reserved}px, first question ${shown}px`);
        expect(shown, 'no layout shift when it loads').to.equal(reserved);
        expect(!!qroot(el).querySelector('dialog')).to.equal(false);
        expect(!!bouton(el)).to.equal(false);
        await expect(el).to.be.accessible();
        const radio = qroot(el).querySelector<HTMLInputElement>('input[value="good"]')!;
        radio.focus();
        await sendKeys({ press: 'Space' });
        await attendre(() => statut(el) === 'Envoyé');
        expect(actif(el), 'focus stays on the smiley').to.equal(radio);
        expect(etape(el)).to.equal('clarte');
        expect(qroot(el).querySelectorAll('form')).to.have.length(2);
        expect(texte(qroot(el).querySelector('.fr-stepper__state'))).to.equal('Étape 2 sur 4');
        await expect(el).to.be.accessible();
        for (let i = 0; i < 3; i++) await suivant(el);
        expect(texte(qroot(el).querySelector('#spp-merci'))).to.equal('Merci beaucoup !');
        expect(await storedAvis(demarche)).to.have.length(1);
      } finally {
        el.remove();
      }
    });
  });

  describe('keyboard only', () => {
    async function tabTo(el: SppJeDonneMonAvis, match: (element: Element | null) => boolean) {
      for (let i = 0; i < 40 && !match(actif(el)); i++) await sendKeys({ press: 'Tab' });
      expect(match(actif(el)), 'reached by Tab').to.equal(true);
    }

    it('the arrow keys go through the smileys: the last one is the answer, even without « Suivant »', async () => {
      const demarche = uniqueDemarche('fleches');
      const el = await creer(demarche);
      bouton(el).focus();
      await sendKeys({ press: 'Enter' });
      await attendre(() => (actif(el) as HTMLInputElement | null)?.value === 'bad');
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      expect((actif(el) as HTMLInputElement).value).to.equal('good');
      // « Moyen » was only passed through; the usager leaves at once.
      el.remove();
      const deadline = performance.now() + 5000;
      let choix: string[] = [];
      while (performance.now() < deadline) {
        choix = (await storedAvis(demarche))[0]?.choix ?? [];
        if (choix.includes('satisfaction=good')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(choix).to.deep.equal(['satisfaction=good']);
      expect(await storedAvis(demarche)).to.have.length(1);
    });

    it('goes from the button to the thanks with the keyboard alone', async () => {
      const demarche = uniqueDemarche('clavier');
      const el = await creer(demarche);
      bouton(el).focus();
      await sendKeys({ press: 'Enter' });
      await attendre(() => (actif(el) as HTMLInputElement | null)?.value === 'bad');
      await sendKeys({ press: 'ArrowRight' });
      await attendre(() => statut(el) === 'Envoyé');
      expect((actif(el) as HTMLInputElement).value).to.equal('medium');
      await tabTo(el, (a) => a?.getAttribute('type') === 'submit');
      await sendKeys({ press: 'Enter' });
      await attendre(() => etape(el) === 'clarte');
      expect(actif(el)?.id, 'focus on the new step’s title').to.equal('spp-etape');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowRight' });
      await tabTo(el, (a) => a?.getAttribute('type') === 'submit');
      await sendKeys({ press: 'Enter' });
      await attendre(() => etape(el) === 'aides');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await tabTo(el, (a) => a?.getAttribute('type') === 'submit');
      await sendKeys({ press: 'Enter' });
      await attendre(() => etape(el) === 'commentaire');
      await tabTo(el, (a) => a?.localName === 'textarea');
      await sendKeys({ type: 'Au clavier, sans souris.' });
      await tabTo(el, (a) => a?.getAttribute('type') === 'submit');
      await sendKeys({ press: 'Enter' });
      await attendre(() => actif(el)?.id === 'spp-merci');
      await tabTo(el, (a) => a?.localName === 'button' && texte(a) === 'Fermer' && !a.matches('[part="fermer"]'));
      await sendKeys({ press: 'Enter' });
      await attendre(() => !questionnaire(el).ouvert);
      expect(el.shadowRoot!.activeElement).to.equal(bouton(el));
      let stored = await storedAvis(demarche);
      for (let i = 0; i < 30 && stored[0]?.reponses !== 4; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        stored = await storedAvis(demarche);
      }
      expect([...stored[0].champs].sort()).to.deep.equal([
        'comprehension',
        'contact_tried',
        'satisfaction',
        'verbatim',
      ]);
    });
  });

  describe('accessibility in every state', () => {
    for (const lang of ['fr', 'en']) {
      for (const theme of ['light', 'dark']) {
        it(`is accessible at every step, in error, queued and thanked — ${lang}, ${theme}`, async () => {
          const restore = addPageCss(theme === 'dark' ? 'html, body { background: #161616 }' : '');
          try {
            const el = await creer(uniqueDemarche('a11y'), `lang="${lang}" theme="${theme}"`);
            await attendre(() => !el.hasAttribute('data-attente'));
            await expect(el).to.be.accessible();
            await ouvrir(el);
            if (lang === 'en') {
              expect(texte(qroot(el).querySelector('#spp-titre'))).to.equal('Give my opinion');
              expect(texte(qroot(el).querySelector('legend'))).to.equal(
                'Overall, how did it go? This field is required.',
              );
            }
            cliquer(el, 'button[type="submit"]');
            await questionnaire(el).updateComplete;
            await expect(el).to.be.accessible();
            await setFaults({ rules: [{ match: '/api/v1/avis', kind: 'drop', times: 1000 }] });
            await choisir(el, 'satisfaction', 'good');
            await attendre(() => !!qroot(el).querySelector('.spp-statut--attente'));
            await expect(el).to.be.accessible();
            for (const id of ['clarte', 'aides', 'commentaire']) {
              await suivant(el);
              expect(etape(el)).to.equal(id);
              if (id === 'aides') {
                await choisir(el, 'contact_tried', 'guichet');
                await choisir(el, 'contact_tried', 'autre');
              }
              if (id === 'commentaire') await ecrire(el, 'textarea', 'nom@exemple.fr');
              await expect(el).to.be.accessible();
            }
            await suivant(el);
            expect(qroot(el).querySelector('#spp-merci')).to.exist;
            await expect(el).to.be.accessible();
          } finally {
            restore();
          }
        });
      }
    }

    it('is accessible when the questionnaire cannot be loaded, with a retry', async () => {
      const el = await creer(uniqueDemarche('introuvable'), 'formulaire="inexistant"');
      const errors = collect<{ phase: string }>(el, 'spp-error');
      bouton(el).click();
      await attendre(() => !!questionnaire(el)?.shadowRoot?.querySelector('.spp-probleme'));
      expect(texte(qroot(el).querySelector('.spp-probleme p'))).to.equal(
        'Le questionnaire ne peut pas être chargé pour le moment.',
      );
      expect(errors.map((e) => e.phase)).to.include('formulaire');
      await expect(el).to.be.accessible();
      expect(dialog(el).open).to.equal(true);
    });
  });
});
