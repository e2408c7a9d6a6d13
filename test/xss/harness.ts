// The XSS harness (see xss-affichage.test.ts and xss-tout.test.ts): every element against a hostile API (test/server/hostile-api.mjs) whose every string
// field carries one of the payloads of payloads.mjs, and against hostile attributes. Each
// variant mounts all the elements, drives them through their states (questionnaire step by
// step, accordions open, data tables shown, search, tags), then checks that no payload ran
// (the canary), that no shadow root holds an event-handler attribute, a script, a frame or a
// non-http(s) link or image, and that the payloads shown are there as text.
import '../../src/elements/bloc-marque/spp-bloc-marque.js';
import '../../src/elements/engagements/spp-engagements.js';
import '../../src/elements/resultats/spp-resultats.js';
import '../../src/elements/oups-erreurs/spp-oups-erreurs.js';
import '../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import type { SppJeDonneMonAvis } from '../../src/elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
import { questionnaire, qroot, suivant } from '../../src/elements/je-donne-mon-avis/test-helpers.js';
import { intituleLines } from '../../src/elements/bloc-marque/spp-bloc-marque.js';
import { waitFor } from '../../src/test-support/page.js';
import { PAYLOADS, type Payload } from './payloads.mjs';

declare global {
  interface Window {
    __xssCanary?: (n: number) => void;
  }
}

interface Entree {
  url: string;
  op: string;
  chemin: string;
  pointeur: string;
  nature: 'texte' | 'url' | 'contraint';
  payload: number;
}
export interface Plan {
  n: number;
  payloads: Payload[];
  documents: Record<string, unknown>;
  entrees: Entree[];
}

export const N = PAYLOADS.length;
export const runs: number[] = [];
const canary = (n: number) => void runs.push(n);
window.__xssCanary = canary;
try {
  if (window.top && window.top !== window) window.top.__xssCanary = canary;
} catch {
  // A cross-origin top cannot be reached; the payloads then fail on it, which is not a run.
}

export const attendre = (condition: () => boolean, timeout = 8000) => waitFor(condition, timeout);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

export async function lirePlan(variante: string): Promise<Plan> {
  const reponse = await fetch(`/xss/plan/${variante}`);
  if (!reponse.ok) throw new Error(`plan ${variante}: ${reponse.status}`);
  return (await reponse.json()) as Plan;
}

/** Every shadow root under `node`, nested ones included. */
function racines(node: Node): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  visit(node as ParentNode);
  return found;
}

/** Attributes holding a URL the browser may follow or load, by element. */
const ATTRIBUTS_URL: [string, string[]][] = [
  ['a, area', ['href', 'xlink:href']],
  ['img, source, video, audio, track, input', ['src', 'srcset', 'poster']],
  ['image, use, feImage, script', ['href', 'xlink:href', 'src']],
  ['form', ['action']],
  ['button, input', ['formaction']],
  ['iframe, frame, embed', ['src']],
  ['object', ['data']],
  ['link, base', ['href']],
];
const INTERDITS = 'script, iframe, frame, frameset, object, embed, applet, base, meta, link, portal, noscript';

function urlSure(value: string): boolean {
  for (const candidate of value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '')) {
    try {
      const url = new URL(candidate, document.baseURI);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** What must never be in a shadow root: handlers, scripts and frames, unsafe URLs, CSS tricks. */
export function violations(container: Element): string[] {
  const found: string[] = [];
  for (const root of racines(container)) {
    const host = (root.host as Element).localName;
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${host}: <${el.localName} ${attr.name}>`);
        if (attr.name === 'style' && /expression\s*\(|javascript:|url\s*\(|__xssCanary/i.test(attr.value)) {
          found.push(`${host}: <${el.localName} style="${attr.value}">`);
        }
        // eslint-disable-next-line no-control-regex -- the URL parser drops these characters too
        if (/^javascript:|^vbscript:|^data:text\/html/i.test(attr.value.replace(/[\s\u0000-\u001f]/g, ''))) {
          // Any attribute, not only URL ones: a value that a later change could make a link.
          if (el.localName === 'a' || ['href', 'src', 'action', 'formaction', 'data'].includes(attr.name)) {
            found.push(`${host}: <${el.localName} ${attr.name}="${attr.value}">`);
          }
        }
      }
      if (el.matches(INTERDITS)) found.push(`${host}: <${el.localName}> element`);
      if (el.localName === 'style' && /__xssCanary|expression\s*\(|javascript:/i.test(el.textContent ?? '')) {
        found.push(`${host}: <style> with a payload`);
      }
    }
    for (const [selector, names] of ATTRIBUTS_URL) {
      for (const el of root.querySelectorAll(selector)) {
        for (const name of names) {
          const value =
            name === 'xlink:href' ? el.getAttributeNS('http://www.w3.org/1999/xlink', 'href') : el.getAttribute(name);
          if (value !== null && !urlSure(value)) found.push(`${host}: <${el.localName} ${name}="${value}">`);
        }
      }
    }
  }
  return found;
}

/** The text of the container and of every shadow root under it. */
function texte(container: Element): string {
  return [container, ...racines(container)].map((root) => root.textContent ?? '').join('\n');
}

function creer(parent: Element, tag: string, attributes: Record<string, string>): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  parent.append(el);
  return el;
}

/** Follows a JSON pointer (`/etapes/2/blocs/0/libelle`). */
function suivre(document: unknown, pointeur: string): unknown {
  let node = document;
  for (const part of pointeur.split('/').slice(1)) {
    node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}
const parent = (plan: Plan, e: Entree) =>
  suivre(plan.documents[e.url], e.pointeur.slice(0, e.pointeur.lastIndexOf('/'))) as Record<string, unknown>;
export type Regle = (plan: Plan, e: Entree) => boolean;
const toujours: Regle = () => true;

/**
 * The fields each element shows, by `operationId:path` (in mode `a`, every occurrence the
 * driving reaches), with the condition under which an occurrence is shown. Fields absent from
 * here are read by no element (e.g. `typologie`, `libelleOriginal`, the agents' endpoint).
 */
export const MONTRES: [RegExp, Regle][] = [
  [
    /^listerEngagements:(piliers\[\]\.titre|engagements\[\]\.titre|engagements\[\]\.details\[\]\.(titre|notes\[\]|points\[\](\.texte|\.points\[\])*))$/,
    toujours,
  ],
  [/^lireStructure:(intitule|mention|marque\.ministere)$/, toujours],
  [/^lireResultats:(structure\.(intitule|mention)|resultats\[\]\.(indicateur\.libelle|mention))$/, toujours],
  [/^lireResultats:resultats\[\]\.motifAbsence$/, (plan, e) => parent(plan, e).valeur === null],
  [
    /^listerEvenements:evenements\[\]\.libelle$/,
    (plan, e) => {
      const erreurs = (plan.documents['/v1/oups/erreurs'] as { erreurs: { evenement: string }[] }).erreurs;
      return erreurs.some((x) => x.evenement === parent(plan, e).id);
    },
  ],
  [/^listerErreurs:erreurs\[\]\.(titre|description|conseils\[\]|administrations\[\]\.nom|liens\[\]\.titre)$/, toujours],
  // Only the first example notice of the oups data is shown (they all say the same).
  [/^listerErreurs:erreurs\[\]\.mention$/, (_plan, e) => e.pointeur === '/erreurs/0/mention'],
  [/^lireFormulaire:etapes\[\]\.(titre|blocs\[\]\.(libelle|aide|options\[\]\.libelle))$/, toujours],
  [
    /^lireFormulaire:etapes\[\]\.blocs\[\]\.avertissement$/,
    (plan, e) => ['texte', 'email'].includes(parent(plan, e).type as string),
  ],
  [/^lireFormulaire:etapes\[\]\.blocs\[\]\.libelle(Min|Max)$/, (plan, e) => parent(plan, e).type === 'echelle'],
  [/^lireFormulaire:etapes\[\]\.blocs\[\]\.options\[\]\.libelleAutre$/, (plan, e) => parent(plan, e).autre === true],
];

/** The needles a shown string leaves in the text: the bloc marque cuts its title into lines. */
function aiguilles(e: Pick<Entree, 'chemin'>, valeur: string): string[] {
  return /ministere$/.test(e.chemin) ? intituleLines(valeur).map(norm) : [norm(valeur)];
}

/** Host attributes filled from user data, and the payload each gets in a variant. */
export const ATTRIBUTS = [
  'ministere',
  'logo-src',
  'logo-alt',
  'photo-src',
  'photo-alt',
  'lien',
  'adresse-avis',
  'lien-formulaire',
  'bouton',
  'demarche',
];
const attribut = (nom: string, v: number) => PAYLOADS[(ATTRIBUTS.indexOf(nom) * 7 + v) % N].texte;

export interface Montage {
  container: HTMLElement;
  snapshots: string[];
  problems: string[];
  timings: string[];
  snap(label: string): void;
}

export function monter(): Montage {
  const debut = performance.now();
  const container = document.createElement('div');
  container.id = 'xss';
  document.body.append(container);
  const m: Montage = {
    container,
    snapshots: [],
    problems: [],
    timings: [],
    snap(label) {
      m.timings.push(`${label}@${Math.round(performance.now() - debut)}`);
      m.snapshots.push(texte(container));
      for (const v of violations(container)) m.problems.push(`${label}: ${v}`);
    },
  };
  return m;
}

const shadow = (el: Element) => el.shadowRoot as ShadowRoot;
const cliquerTout = async (el: HTMLElement & { updateComplete?: Promise<unknown> }, selector: string) => {
  for (const b of shadow(el).querySelectorAll<HTMLElement>(selector)) b.click();
  await el.updateComplete;
};

async function pret(el: Element, selector: string, label: string, problems: string[]) {
  try {
    await attendre(() => !!el.shadowRoot?.querySelector(selector), 20_000);
  } catch {
    problems.push(`${label}: never showed ${selector}`);
  }
}

/** Mounts every element against the variant's API and attributes, and drives them. */
export async function parcourir(variante: string, v: number, complet: boolean): Promise<Montage> {
  const m = monter();
  const { container, problems } = m;
  const base = `${location.origin}/xss/${variante}`;
  const a = (nom: string) => attribut(nom, v);

  const engagements = (['grille', 'liste', 'accordeon'] as const).map((disposition) =>
    creer(container, 'spp-engagements', { 'api-base': base, disposition }),
  );
  const afficheStructure = creer(container, 'spp-engagements', {
    'api-base': base,
    disposition: 'affiche',
    structure: 'EX-CAF-33',
  });
  const afficheAttributs = creer(container, 'spp-engagements', {
    'api-base': base,
    disposition: 'affiche',
    structure: 'EX-CAF-33',
    ministere: a('ministere'),
    'logo-src': a('logo-src'),
    'logo-alt': a('logo-alt'),
    'photo-src': a('photo-src'),
    'photo-alt': a('photo-alt'),
    'adresse-avis': a('adresse-avis'),
  });
  const resultats = (['cartes', 'tableau', 'compact'] as const).map((disposition) =>
    creer(container, 'spp-resultats', { 'api-base': base, structure: 'EX-CAF-33', disposition, historique: 'oui' }),
  );
  const opendata = creer(container, 'spp-resultats', {
    source: 'opendata',
    'opendata-base': `${base}/ods`,
    structure: 'S-0042',
  });
  const oups = creer(container, 'spp-oups-erreurs', { 'api-base': base });
  // A host filter from user data: must find nothing, safely.
  creer(container, 'spp-oups-erreurs', { 'api-base': base, administration: a('ministere') });
  const modal = creer(container, 'spp-je-donne-mon-avis', {
    'api-base': base,
    demarche: 'xss-demarche',
    afficher: 'contact_email',
    ministere: a('ministere'),
    'logo-src': a('logo-src'),
    'logo-alt': a('logo-alt'),
    bouton: a('bouton'),
  }) as SppJeDonneMonAvis;
  const inline = creer(container, 'spp-je-donne-mon-avis', {
    'api-base': base,
    demarche: 'xss-demarche',
    mode: 'inline',
  }) as SppJeDonneMonAvis;
  creer(container, 'spp-je-donne-mon-avis', {
    mode: 'lien',
    demarche: 'xss-demarche',
    'lien-formulaire': a('lien-formulaire'),
    bouton: a('bouton'),
  });
  creer(container, 'spp-je-donne-mon-avis', { mode: 'lien', demarche: a('demarche') });
  const blocMarque = creer(container, 'spp-bloc-marque', {
    ministere: a('ministere'),
    'logo-src': a('logo-src'),
    'logo-alt': a('logo-alt'),
    lien: a('lien'),
  });

  const disposes = complet;
  await Promise.all([
    ...engagements.map((el) =>
      pret(el, disposes ? '.spp-engagement' : '.spp-root', el.getAttribute('disposition') ?? '', problems),
    ),
    pret(afficheStructure, disposes ? '.spp-feuille .spp-engagement' : '.spp-root', 'affiche', problems),
    pret(afficheAttributs, disposes ? '.spp-feuille .spp-engagement' : '.spp-root', 'affiche (attributs)', problems),
    ...resultats.map((el) =>
      pret(
        el,
        disposes ? '.spp-valeur, .spp-tableau' : '.spp-root:not([aria-busy])',
        el.getAttribute('disposition') ?? '',
        problems,
      ),
    ),
    pret(opendata, '.spp-root:not([aria-busy])', 'opendata', problems),
    pret(oups, disposes ? '.fr-accordion' : '.spp-root [part="compte"], .spp-message--echec', 'oups', problems),
    pret(blocMarque, '.spp-root', 'bloc-marque', problems),
  ]);
  if (complet) {
    // The affiche's structure and the results' charts arrive a moment later.
    await attendre(() => !!afficheStructure.shadowRoot?.querySelector('.spp-structure')).catch(() =>
      problems.push('affiche: the structure never showed'),
    );
    await attendre(() => !!resultats[0].shadowRoot?.querySelector('svg.spp-graphique, .spp-graphique svg')).catch(
      () => undefined,
    );
  }
  await pause(50);
  m.snap('chargés');

  // Accordions and data tables open, tags and search.
  await cliquerTout(engagements[2], '.fr-accordion__btn');
  for (const el of resultats) await cliquerTout(el, 'button[aria-controls^="spp-donnees"]');
  await cliquerTout(oups, '.fr-accordion__btn');
  m.snap('ouverts');
  const recherche = shadow(oups).querySelector<HTMLInputElement>('input[type="search"]');
  const premier = shadow(oups).querySelector('.fr-accordion__btn span')?.textContent ?? '';
  if (recherche && premier) {
    // What a usager could type: a search box drops line breaks (value sanitization).
    recherche.value = premier.replace(/[\r\n]+/g, ' ');
    recherche.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await (oups as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    if (complet && !shadow(oups).querySelector('.fr-accordion')) problems.push('oups: searching a title found nothing');
    m.snap('recherche');
    recherche.value = '';
    recherche.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  const tag = shadow(oups).querySelector<HTMLElement>('.fr-tag');
  tag?.click();
  await pause(0);
  m.snap('tag');
  tag?.click();

  // The questionnaire, in the page, then in its dialog, step by step.
  try {
    await attendre(() => !!questionnaire(inline)?.shadowRoot?.querySelector('form input'));
    qroot(inline).querySelector<HTMLElement>('form label')?.click();
    await questionnaire(inline).updateComplete;
    m.snap('inline');
  } catch {
    if (complet) problems.push('inline: the questionnaire never showed');
  }
  await parcourirDialog(modal, m, complet);

  await pause(200); // an injected image's error event, had one been created
  m.snap('fin');
  return m;
}

async function parcourirDialog(el: SppJeDonneMonAvis, m: Montage, complet: boolean) {
  shadow(el).querySelector<HTMLElement>('[part="bouton"]')?.click();
  try {
    await attendre(() => !!questionnaire(el)?.shadowRoot?.querySelector('dialog[open] form input'));
  } catch {
    m.problems.push('modal: the dialog never showed its questions');
    return;
  }
  await questionnaire(el).updateComplete;
  m.snap('dialogue');
  // The first option of the first question (creates the avis), then every step.
  qroot(el).querySelector<HTMLElement>('form label')?.click();
  await questionnaire(el).updateComplete;
  // With ids and types hostile too, the steps cannot be told apart: the first one is enough.
  const etapes = complet ? 8 : 1;
  for (let etape = 0; etape < etapes && !qroot(el).querySelector('#spp-merci'); etape++) {
    // Every non-exclusive checkbox: the conditional questions and the « autre » text appear.
    for (const box of qroot(el).querySelectorAll<HTMLInputElement>('form input[type="checkbox"]')) {
      const label = qroot(el).querySelector<HTMLElement>(`label[for="${CSS.escape(box.id)}"]`);
      if (!box.checked && !/aucune|besoin/i.test(box.value + box.id)) label?.click();
      await questionnaire(el).updateComplete;
    }
    m.snap(`étape ${etape + 1}`);
    try {
      await suivant(el);
    } catch {
      if (complet) m.problems.push(`modal: stuck at step ${etape + 1}`);
      break;
    }
  }
  m.snap('merci');
  if (complet && !qroot(el).querySelector('#spp-merci')) m.problems.push('modal: never reached « Merci »');
  questionnaire(el).close();
}

/** Payloads of mode-`a` fields that an element shows but that are missing from its text. */
export function absents(plan: Plan, m: Montage, v: number, compte = { verifies: 0 }): string[] {
  const haystack = norm(m.snapshots.join('\n'));
  const missing: string[] = [];
  for (const e of plan.entrees) {
    if (e.nature !== 'texte') continue;
    const regle = MONTRES.find(([motif]) => motif.test(`${e.op}:${e.chemin}`))?.[1];
    if (!regle || !regle(plan, e)) continue;
    const valeur = suivre(plan.documents[e.url], e.pointeur) as string;
    compte.verifies += 1;
    for (const needle of aiguilles(e, valeur)) {
      if (needle && !haystack.includes(needle)) missing.push(`${e.op}:${e.pointeur} (payload ${e.payload})`);
    }
  }
  // The attributes shown as text: the bloc marque's title.
  for (const needle of aiguilles({ chemin: 'ministere' }, attribut('ministere', v))) {
    if (!haystack.includes(needle))
      missing.push(`attribute ministere (payload ${(ATTRIBUTS.indexOf('ministere') * 7 + v) % N})`);
  }
  // The open data: the structure's name, and each indicator titled by one of the served strings.
  const ods = plan.documents['/ods/export-resultats'] as { results: Record<string, unknown>[] };
  const nom = norm(String(ods.results[0]?.intitule_de_la_structure ?? ''));
  if (nom && !haystack.includes(nom)) missing.push('ods: intitule_de_la_structure');
  return missing;
}

/** Alternative texts: each image's alt is the string it was given, verbatim. */
export function altsFaux(m: Montage, v: number, plan: Plan): string[] {
  const wrong: string[] = [];
  const permis = new Set([
    attribut('logo-alt', v),
    attribut('photo-alt', v),
    '',
    ...plan.entrees
      .filter((e) => /logoAlt$/.test(e.chemin))
      .map((e) => suivre(plan.documents[e.url], e.pointeur) as string),
  ]);
  for (const root of racines(m.container)) {
    for (const img of root.querySelectorAll('img')) {
      const alt = img.getAttribute('alt') ?? '';
      if (!permis.has(alt)) wrong.push(`<img alt="${alt}">`);
    }
  }
  return wrong;
}

export function nettoyer(m: Montage) {
  m.container.remove();
  localStorage.clear();
}
