// 200 avis given through the real questionnaire (the button, the smileys, each later step,
// in modal and inline modes), by a page held in an iframe, against the reference platform
// with 30 % of the avis requests failing (500, answers later than the client's timeout,
// connections cut before or after the platform stored the request), offline periods and
// real reloads of the page while a request is in flight. The platform must end up with
// exactly the 200 avis, each holding the answers the usager gave, none twice.
import { expect } from '@open-wc/testing';
import { setFaults, uniqueDemarche, type FaultConfig } from '../../src/test-support/platform.js';
import type { SppJeDonneMonAvis } from '../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import {
  attendre,
  bouton,
  choisir,
  cliquer,
  ecrire,
  etape,
  ouvrir,
  qroot,
  questionnaire,
  texte,
} from '../../src/elements/je-donne-mon-avis/test-helpers.js';
import type { AvisPage } from './pages/avis-page.js';

const TOTAL = 200;
/** The client gives up after CLIENT_TIMEOUT_MS; « slow » answers come SLOW_MS after the platform stored them. */
const CLIENT_TIMEOUT_MS = 600;
const SLOW_MS = 1000;
const FAULTS: FaultConfig = {
  rate: 0.3,
  kinds: ['500', 'slow', 'drop', 'drop-after'],
  delayMs: SLOW_MS,
  paths: ['/api/v1/avis'],
  seed: 9,
};
/** Avis after whose « Envoyer » the page is reloaded while a request is held in flight. */
const RELOADS = new Map<number, 'forward' | 'drop'>(
  [12, 37, 62, 87, 112, 137, 162, 187].map((i, n) => [i, n % 2 ? 'drop' : 'forward']),
);
/** Avis given while offline (each period covers two avis). */
const OFFLINE = new Set([25, 75, 125, 175]);

const SMILEYS = ['bad', 'medium', 'good'];
const ADMINISTRATION = ['guichet', 'telephone', 'email', 'chat'];
const AUTRES_AIDES = ['proche', 'association', 'internet', 'autre'];
const QUALITES = ['tres-mauvaise', 'mauvaise', 'moyenne', 'bonne', 'excellente'];
const PHRASES = [
  'Démarche claire, merci.',
  'Le formulaire était trop long.',
  'J’ai dû appeler deux fois avant d’avoir une réponse.',
  'Très bien, rapide et simple « vraiment ».',
  'Les pièces justificatives demandées n’étaient pas expliquées.',
];

interface Reponse {
  champ: string;
  optionId?: string;
  texte?: string;
  parent?: string;
}

/** What one usager does: the smileys clicked (the last one counts), then each later step. */
interface Plan {
  bouton: string;
  mode: 'modal' | 'inline';
  smileys: string[];
  comprehension?: string;
  aides: string[];
  autre?: string;
  canaux: Record<string, { atteint?: string; qualite?: string }>;
  verbatim?: string;
}

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function planifier(i: number, random: () => number): Plan {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const smileys = [pick(SMILEYS)];
  // Some usagers change their mind after the first click (which already created the avis).
  if (random() < 0.1) smileys.push(pick(SMILEYS.filter((s) => s !== smileys[0])));
  const comprehension = random() < 0.85 ? String(1 + Math.floor(random() * 5)) : undefined;
  let aides: string[] = [];
  const r = random();
  if (r >= 0.15 && r < 0.35) aides = ['aucune'];
  else if (r >= 0.35) {
    const pool = [...ADMINISTRATION, ...AUTRES_AIDES];
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--)
      aides.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  }
  const canaux: Plan['canaux'] = {};
  for (const canal of aides.filter((a) => ADMINISTRATION.includes(a))) {
    canaux[canal] = {
      atteint: random() < 0.9 ? pick(['oui', 'non']) : undefined,
      qualite: random() < 0.8 ? pick(QUALITES) : undefined,
    };
  }
  return {
    bouton: `avis-${i}`,
    mode: i % 4 < 2 ? 'modal' : 'inline',
    smileys,
    comprehension,
    aides,
    autre: aides.includes('autre') ? `Une amie, pour l’avis ${i}` : undefined,
    canaux,
    // A reload follows « Envoyer »: that step must have something to send.
    verbatim: random() < 0.85 || RELOADS.has(i) ? `Avis ${i} : ${pick(PHRASES)}` : undefined,
  };
}

/** The answers the platform should hold for a plan. */
function attendues(plan: Plan): string[][] {
  const reponses: Reponse[] = [{ champ: 'satisfaction', optionId: plan.smileys[plan.smileys.length - 1] }];
  if (plan.comprehension) reponses.push({ champ: 'comprehension', optionId: plan.comprehension });
  for (const aide of plan.aides) {
    reponses.push({ champ: 'contact_tried', optionId: aide, ...(aide === 'autre' ? { texte: plan.autre } : {}) });
  }
  for (const [canal, { atteint, qualite }] of Object.entries(plan.canaux)) {
    if (atteint) reponses.push({ champ: 'contact_reached', parent: canal, optionId: atteint });
    if (qualite) reponses.push({ champ: 'contact_satisfaction', parent: canal, optionId: qualite });
  }
  if (plan.verbatim) reponses.push({ champ: 'verbatim', texte: plan.verbatim });
  return trier(reponses);
}

const trier = (reponses: Reponse[]) =>
  reponses
    .map((r) => JSON.stringify([r.champ, r.parent ?? '', r.optionId ?? '', r.texte ?? '']))
    .sort()
    .map((line) => JSON.parse(line) as string[]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post(url: string, body: unknown): Promise<Record<string, number>> {
  return (await (await fetch(url, { method: 'POST', body: JSON.stringify(body) })).json()) as Record<string, number>;
}
const holdState = async () => (await (await fetch('/__test/avis-hold')).json()) as Record<string, number>;

function tally(total: Record<string, number>, part: Record<string, number>, rename: Record<string, string> = {}) {
  for (const [kind, count] of Object.entries(part))
    total[rename[kind] ?? kind] = (total[rename[kind] ?? kind] ?? 0) + count;
}

type PageWindow = Window & typeof globalThis & { avisPage?: AvisPage };

/** The iframe holding the page: loads it (again) and waits until its button can be mounted. */
async function charger(frame: HTMLIFrameElement, action: () => void): Promise<PageWindow> {
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  action();
  await loaded;
  const win = frame.contentWindow as PageWindow;
  await attendre(() => !!win.avisPage, 10_000);
  return win;
}

/** One usager's avis, through the questionnaire in the page of the iframe; returns the thanks text. */
async function donner(win: PageWindow, plan: Plan, avantEnvoi?: () => Promise<void>): Promise<string> {
  const present = win.document.querySelector<SppJeDonneMonAvis>('spp-je-donne-mon-avis');
  let el: SppJeDonneMonAvis;
  if (plan.mode === 'modal' && present?.getAttribute('mode') === 'modal') {
    // The same button again: « Fermer » after « Merci » started a new avis.
    el = present;
    el.setAttribute('bouton', plan.bouton);
  } else {
    el = win.avisPage!.monter(plan.mode, plan.bouton);
  }
  if (plan.mode === 'modal') {
    await attendre(() => !!bouton(el));
    await ouvrir(el);
  } else {
    await attendre(() => !!questionnaire(el)?.shadowRoot?.querySelector('form input') && !questionnaire(el).hidden);
  }
  for (const smiley of plan.smileys) await choisir(el, 'satisfaction', smiley);
  if (plan.mode === 'modal') cliquer(el, 'button[type="submit"]');
  await attendre(() => etape(el) === 'clarte');

  if (plan.comprehension) await choisir(el, 'comprehension', plan.comprehension);
  cliquer(el, 'button[type="submit"]');
  await attendre(() => etape(el) === 'aides');

  for (const aide of plan.aides) await choisir(el, 'contact_tried', aide);
  if (plan.autre) await ecrire(el, '#spp-contact_tried-autre-texte', plan.autre);
  for (const [canal, { atteint, qualite }] of Object.entries(plan.canaux)) {
    if (atteint) await choisir(el, 'contact_reached', atteint, canal);
    if (qualite) await choisir(el, 'contact_satisfaction', qualite, canal);
  }
  cliquer(el, 'button[type="submit"]');
  await attendre(() => etape(el) === 'commentaire');

  if (plan.verbatim) await ecrire(el, 'textarea', plan.verbatim);
  await avantEnvoi?.();
  cliquer(el, 'button[type="submit"]');
  await attendre(() => !!qroot(el).querySelector('#spp-merci'));
  await questionnaire(el).updateComplete;
  // What the thanks say of the delivery: the status line, once the first send was tried.
  const statut = () => texte(qroot(el).querySelector('[role="status"].spp-statut'));
  await attendre(() => statut() !== 'Envoi en cours…');
  const merci = statut();
  if (plan.mode === 'modal') {
    cliquer(el, '.spp-merci .spp-navigation button');
    await attendre(() => !questionnaire(el).ouvert);
  }
  return merci;
}

describe('avis through the real UI under injected faults', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(async () => {
    frame?.remove();
    await setFaults();
    await post('/__test/avis-hold', { reset: true });
  });

  it(`${TOTAL} avis, modal and inline, 30 % faults, offline periods and reloads mid-send: exactly ${TOTAL} complete avis stored`, async function () {
    this.timeout(240_000);
    const demarche = uniqueDemarche('ui-faults');
    const random = seeded(2026);
    const plans = Array.from({ length: TOTAL }, (_, i) => planifier(i, random));
    // Whatever earlier tests left in this origin's outbox is not ours to send.
    localStorage.removeItem('spp-widgets:outbox:v1');
    await post('/__test/avis-hold', { reset: true });

    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1024px; height: 768px; border: 0';
    const src = `/test/reliability/pages/avis.html?demarche=${demarche}&timeout=${CLIENT_TIMEOUT_MS}`;
    let win = await charger(frame, () => {
      frame!.src = src;
      document.body.append(frame!);
    });

    const injected: Record<string, number> = {};
    let seed = FAULTS.seed!;
    const started = performance.now();
    tally(injected, await setFaults(FAULTS));
    const offlineThanks: string[] = [];
    let reloads = 0;
    let offlinePeriods = 0;

    for (let i = 0; i < TOTAL; i++) {
      const plan = plans[i];
      if (OFFLINE.has(i)) {
        // Offline: the browser says so, and every request to the platform fails at the network level.
        offlinePeriods += 1;
        Object.defineProperty(win.navigator, 'onLine', { configurable: true, get: () => false });
        win.dispatchEvent(new win.Event('offline'));
        tally(injected, await setFaults({ rate: 1, kinds: ['drop'], paths: ['/api/'] }));
        offlineThanks.push(await donner(win, plan));
        offlineThanks.push(await donner(win, plans[++i]));
        await sleep(200);
        tally(injected, await setFaults({ ...FAULTS, seed: ++seed }), { drop: 'offline-drop' });
        delete (win.navigator as { onLine?: boolean }).onLine;
        win.dispatchEvent(new win.Event('online'));
        continue;
      }
      const reload = RELOADS.get(i);
      if (!reload) {
        await donner(win, plan);
        continue;
      }
      // « Envoyer », then the page reloads while an avis request is held in flight.
      let held = 0;
      await donner(win, plan, async () => {
        held = (await holdState()).held;
        await post('/__test/avis-hold', { action: reload });
      });
      const start = performance.now();
      while ((await holdState()).held === held && performance.now() - start < 10_000) await sleep(20);
      expect((await holdState()).held, `a request was in flight at reload ${reloads + 1}`).to.equal(held + 1);
      win = await charger(frame, () => win.location.reload());
      reloads += 1;
    }
    const uiDone = performance.now();

    // Faults stay on while the outbox of the last page delivers what is left, on its own.
    const backlog = win.avisPage!.enAttente();
    await attendre(() => win.avisPage!.enAttente() === 0, 150_000);
    const drained = performance.now();
    tally(injected, await setFaults());
    const hold = await post('/__test/avis-hold', { reset: true });
    const outboxState = JSON.parse(localStorage.getItem('spp-widgets:outbox:v1') ?? '{}') as {
      refused?: Record<string, unknown>;
    };

    const { avis } = (await (await fetch(`/__test/avis-complet?demarche=${demarche}`)).json()) as {
      avis: { cle: string; bouton: string; reponses: Reponse[] }[];
    };
    const faults = Object.values(injected).reduce((a, b) => a + b, 0) + hold.forward + hold.drop;
    // Requests cut off before the platform's mount never reached the hold counter.
    const attempts = hold.seen + (injected['500'] ?? 0) + (injected.drop ?? 0) + (injected['offline-drop'] ?? 0);
    const byBouton = new Map(avis.map((a) => [a.bouton, a]));
    const wrong = plans.filter((plan) => {
      const stored = byBouton.get(plan.bouton);
      return !stored || JSON.stringify(trier(stored.reponses)) !== JSON.stringify(attendues(plan));
    });
    console.log(
      `fault injection through the UI: ${TOTAL} avis (${plans.filter((p) => p.mode === 'modal').length} modal, ` +
        `${plans.filter((p) => p.mode === 'inline').length} inline) in ${((drained - started) / 1000).toFixed(1)} s ` +
        `(usagers ${((uiDone - started) / 1000).toFixed(1)} s, leaving ${backlog} requests queued, ` +
        `then delivery ${((drained - uiDone) / 1000).toFixed(1)} s); ` +
        `${attempts} avis requests, ${faults} faults (${((100 * faults) / attempts).toFixed(1)} %): ` +
        `${JSON.stringify({ ...injected, 'reload-forwarded': hold.forward, 'reload-dropped': hold.drop })}; ` +
        `${offlinePeriods} offline periods, ${reloads} reloads → ${avis.length} stored, ` +
        `${new Set(avis.map((a) => a.cle)).size} distinct keys, ${TOTAL - wrong.length} exactly as given`,
    );

    expect(reloads).to.equal(RELOADS.size);
    expect(offlinePeriods).to.equal(OFFLINE.size);
    expect(hold.forward + hold.drop, 'requests cut by a reload').to.equal(RELOADS.size);
    expect(offlineThanks.every((t) => t === 'Votre avis est enregistré et sera envoyé dès que possible.')).to.equal(
      true,
      offlineThanks.join(' | '),
    );
    expect(Object.keys(outboxState.refused ?? {})).to.deep.equal([]);
    expect(avis).to.have.length(TOTAL);
    expect(new Set(avis.map((a) => a.cle)).size).to.equal(TOTAL);
    expect(new Set(avis.map((a) => a.bouton)).size).to.equal(TOTAL);
    expect(
      wrong.slice(0, 3).map((plan) => ({
        bouton: plan.bouton,
        attendu: attendues(plan),
        stocke: trier(byBouton.get(plan.bouton)?.reponses ?? []),
      })),
    ).to.deep.equal([]);
    // The bar: at least 30 % of the avis requests failed (random faults, offline, reloads).
    expect(faults / attempts, 'share of avis requests that failed').to.be.at.least(0.3);
    expect(injected['500'] ?? 0).to.be.greaterThan(0);
    expect(injected.slow ?? 0).to.be.greaterThan(0);
    expect(injected.drop ?? 0).to.be.greaterThan(0);
    expect(injected['drop-after'] ?? 0).to.be.greaterThan(0);
    expect(injected['offline-drop'] ?? 0).to.be.greaterThan(0);
  });
});
