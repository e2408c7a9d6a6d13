// The configurator: form → attributes → snippet, preview (an iframe whose document is the
// snippet under the host CSP), and copy buttons whose result is announced.
import { chargeurDeLaPage, type Attributs } from '../snippet.js';
import { CHAMPS_COMMUNS, ELEMENTS, type Champ, type DefinitionElement } from './definitions.js';
import { documentApercu, politique, snippet, type Politiques } from './code.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const formulaire = $<HTMLFormElement>('configurateur');
const apercu = $<HTMLIFrameElement>('apercu');
const code = $<HTMLPreElement>('code');
const csp = $<HTMLPreElement>('csp');
const statut = $<HTMLParagraphElement>('statut-copie');
const relier = $<HTMLInputElement>('relier-plateforme');

const chargeur = chargeurDeLaPage();
const configuration = JSON.parse(document.getElementById('configuration')?.textContent ?? '{}') as {
  politiques?: Politiques;
  integrites?: Record<string, string>;
};
const politiques = configuration.politiques ?? null;
const apiPage = chargeur?.apiBase;

if (apiPage) $('adresse-plateforme').textContent = apiPage;
else {
  relier.checked = false;
  relier.disabled = true;
  $('adresse-plateforme').textContent = 'Aucune plateforme configurée pour cette démonstration.';
}

let courant: DefinitionElement = ELEMENTS[0];
const demande = new URLSearchParams(location.search).get('element');
courant = ELEMENTS.find((e) => e.tag === demande) ?? courant;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributs: Record<string, string> = {},
  ...enfants: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const noeud = document.createElement(tag);
  for (const [nom, valeur] of Object.entries(attributs)) noeud.setAttribute(nom, valeur);
  noeud.append(...enfants);
  return noeud;
}

/** One DSFR form group per attribute; the control carries data-attribut. */
function controle(champ: Champ): HTMLElement {
  const id = `champ-${champ.attribut}`;
  const aide = champ.aide ? element('span', { class: 'fr-hint-text' }, champ.aide) : '';
  const conteneur = element('div', { class: 'fr-fieldset__element' });
  if (champ.type === 'case') {
    const input = element('input', { type: 'checkbox', id, 'data-attribut': champ.attribut });
    conteneur.append(
      element(
        'div',
        { class: 'fr-checkbox-group' },
        input,
        element('label', { class: 'fr-label', for: id }, champ.libelle, aide),
      ),
    );
    return conteneur;
  }
  let saisie: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  if (champ.type === 'choix') {
    saisie = element('select', { class: 'fr-select', id });
    for (const [valeur, libelle] of champ.options ?? []) saisie.append(element('option', { value: valeur }, libelle));
  } else if (champ.type === 'lignes') {
    saisie = element('textarea', { class: 'fr-input', id, rows: '3' });
  } else {
    const type = { texte: 'text', url: 'url', nombre: 'number' }[champ.type];
    saisie = element('input', { class: 'fr-input', id, type, autocomplete: 'off', spellcheck: 'false' });
    if (champ.min !== undefined) saisie.setAttribute('min', String(champ.min));
    if (champ.max !== undefined) saisie.setAttribute('max', String(champ.max));
    if (champ.source === 'structures') saisie.setAttribute('list', 'liste-structures');
  }
  saisie.dataset.attribut = champ.attribut;
  if (champ.initial !== undefined) saisie.value = champ.initial;
  const groupe = champ.type === 'choix' ? 'fr-select-group' : 'fr-input-group';
  conteneur.append(
    element('div', { class: groupe }, element('label', { class: 'fr-label', for: id }, champ.libelle, aide), saisie),
  );
  if (champ.source === 'evenements') remplirEvenements(saisie as HTMLSelectElement);
  return conteneur;
}

async function lireApi<T>(chemin: string): Promise<T | undefined> {
  if (!apiPage) return undefined;
  try {
    const reponse = await fetch(`${apiPage}${chemin}`);
    return reponse.ok ? ((await reponse.json()) as T) : undefined;
  } catch {
    return undefined;
  }
}

async function remplirEvenements(select: HTMLSelectElement): Promise<void> {
  const donnees = await lireApi<{ evenements: { id: string; libelle: string }[] }>('/v1/oups/evenements');
  for (const { id, libelle } of donnees?.evenements ?? []) select.append(element('option', { value: id }, libelle));
}

async function remplirStructures(): Promise<void> {
  const liste = element('datalist', { id: 'liste-structures' });
  document.body.append(liste);
  const donnees = await lireApi<{ structures: { code: string; intitule: string }[] }>('/v1/structures');
  for (const { code: valeur, intitule } of donnees?.structures ?? []) {
    liste.append(element('option', { value: valeur }, intitule));
  }
}

function afficherChoixElement(): void {
  const fieldset = $('choix-element');
  for (const definition of ELEMENTS) {
    const id = `element-${definition.tag}`;
    const input = element('input', { type: 'radio', id, name: 'element', value: definition.tag });
    input.checked = definition === courant;
    input.addEventListener('change', () => {
      courant = definition;
      afficherChamps();
      mettreAJour();
    });
    const libelle = element('label', { class: 'fr-label', for: id }, definition.nom, ' ');
    libelle.append(element('code', {}, `<${definition.tag}>`));
    fieldset.append(
      element('div', { class: 'fr-fieldset__element' }, element('div', { class: 'fr-radio-group' }, input, libelle)),
    );
  }
}

function afficherChamps(): void {
  for (const [id, champs] of [
    ['champs-element', courant.champs],
    ['champs-communs', CHAMPS_COMMUNS],
  ] as const) {
    const fieldset = $(id);
    fieldset.replaceChildren(...fieldset.querySelectorAll('legend'), ...champs.map(controle));
  }
}

/** The attributes as the form says, in the definitions' order; empty fields are left out. */
function attributs(): Attributs {
  const resultat: Attributs = {};
  for (const champ of [...courant.champs, ...CHAMPS_COMMUNS]) {
    const saisie = formulaire.querySelector<HTMLInputElement>(`[data-attribut="${champ.attribut}"]`);
    if (!saisie) continue;
    if (champ.type === 'case') {
      if (saisie.checked) resultat[champ.attribut] = champ.valeurCochee ?? true;
      continue;
    }
    const valeur = champ.type === 'lignes' ? saisie.value.replace(/\r\n?/g, '\n').trim() : saisie.value.trim();
    if (valeur) resultat[champ.attribut] = valeur;
  }
  return resultat;
}

/** Script and policy options: not attributes of the element (no data-attribut). */
function caseScript(id: string, libelle: string, aide: string, coche: boolean): HTMLInputElement {
  const input = element('input', { type: 'checkbox', id });
  input.checked = coche;
  $('champs-script').append(
    element(
      'div',
      { class: 'fr-fieldset__element' },
      element(
        'div',
        { class: 'fr-checkbox-group' },
        input,
        element('label', { class: 'fr-label', for: id }, libelle, element('span', { class: 'fr-hint-text' }, aide)),
      ),
    ),
  );
  return input;
}
const bloquant = caseScript(
  'bloquer-affichage',
  'Attendre le chargeur avant le premier affichage (blocking="render")',
  'Script dans <head> seulement. Rien ne bouge quand les éléments apparaissent, mais la page reste blanche tant ' +
    'que le CDN ne répond pas : pour un CDN qui répond vite (le même site, le vôtre) ; décochez sinon.',
  true,
);
const doublonsLit = caseScript(
  'doublons-lit',
  'La page utilise déjà Lit (politique Trusted Types lit-html)',
  "Ajoute 'allow-duplicates' à trusted-types : sans lui, la seconde politique lit-html est refusée.",
  false,
);

/** The structure's logo address on a platform (marque.logoUrl): null when it has none or cannot be read. */
const logosStructures = new Map<string, string | null>();
const logosDemandes = new Set<string>();

function logoStructure(base: string, code: string): string | undefined {
  const cle = `${base}\n${code}`;
  const connu = logosStructures.get(cle);
  if (connu !== undefined) return connu ?? undefined;
  if (!logosDemandes.has(cle)) {
    logosDemandes.add(cle);
    void (async () => {
      let logo: string | null = null;
      try {
        const reponse = await fetch(`${base.replace(/\/+$/, '')}/v1/structures/${encodeURIComponent(code)}`, {
          signal: AbortSignal.timeout(5000),
        });
        const structure = reponse.ok ? ((await reponse.json()) as { marque?: { logoUrl?: string } }) : undefined;
        logo = structure?.marque?.logoUrl ?? null;
      } catch {
        logo = null;
      }
      logosStructures.set(cle, logo);
      if (logo) mettreAJour();
    })();
  }
  return undefined;
}

let delai: ReturnType<typeof setTimeout> | undefined;
let dernierDocument = '';

function mettreAJour(): void {
  if (!chargeur) {
    code.textContent = 'Le bundle CDN est introuvable : lancez npm start ou npm run build.';
    return;
  }
  const valeurs = attributs();
  const api = relier.checked ? apiPage : undefined;
  const nom = formulaire.querySelector<HTMLInputElement>('input[name="chargeur"]:checked')?.value ?? 'spp-widgets.js';
  const script = {
    src: new URL(nom, chargeur.src).href,
    integrity: configuration.integrites?.[nom] ?? '',
    apiBase: api,
  };
  const texte = snippet(script, courant.tag, valeurs, { bloquant: bloquant.checked });
  const apis = [api, typeof valeurs['api-base'] === 'string' ? valeurs['api-base'] : undefined].filter(
    (v): v is string => Boolean(v),
  );
  const texteDe = (nom: string) => (typeof valeurs[nom] === 'string' ? valeurs[nom] : undefined);
  // Without a platform, <spp-resultats> reads the open data whatever `source` says.
  const opendata = courant.tag === 'spp-resultats' && (valeurs.source === 'opendata' || !apis.length);
  const images = ['logo-src', 'photo-src'].map(texteDe).filter((v): v is string => Boolean(v));
  // The poster of a structure shows the platform's logo for it, unless logo-src replaces it.
  const baseElement = texteDe('api-base') ?? api;
  const structure = texteDe('structure');
  if (courant.tag === 'spp-engagements' && valeurs.disposition === 'affiche' && structure && baseElement) {
    const logo = texteDe('logo-src') ? undefined : logoStructure(baseElement, structure);
    if (logo) images.push(logo);
  }
  const regle = politiques
    ? politique(politiques, {
        cdn: chargeur.src,
        api: apis,
        opendata,
        images,
        opendataBase: courant.tag === 'spp-resultats' ? texteDe('opendata-base') : undefined,
        doublonsLit: doublonsLit.checked,
      })
    : null;
  code.textContent = texte;
  csp.textContent = regle ?? 'Politique indisponible (test/hosts/csp.mjs absent au moment de la construction).';
  clearTimeout(delai);
  delai = setTimeout(() => {
    const page = documentApercu(texte, regle);
    if (page === dernierDocument) return;
    dernierDocument = page;
    apercu.srcdoc = page;
  }, 250);
}

/** The preview grows with its content (a dialog opened inside it keeps the minimum height). */
apercu.addEventListener('load', () => {
  const corps = apercu.contentDocument?.documentElement;
  if (!corps) return;
  new ResizeObserver(() => {
    apercu.style.height = `${Math.max(320, corps.scrollHeight + 2)}px`;
  }).observe(corps);
});

async function copier(texte: string, quoi: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(texte);
    statut.textContent = `${quoi} copié dans le presse-papiers.`;
  } catch {
    statut.textContent = `La copie automatique a échoué : sélectionnez le texte et copiez-le (Ctrl+C).`;
  }
}

$('copier-code').addEventListener('click', () => void copier(code.textContent ?? '', 'Code'));
$('copier-csp').addEventListener('click', () => void copier(csp.textContent ?? '', 'Politique'));
formulaire.addEventListener('input', mettreAJour);
formulaire.addEventListener('change', mettreAJour);
formulaire.addEventListener('submit', (event) => event.preventDefault());

afficherChoixElement();
afficherChamps();
void remplirStructures();
mettreAJour();
