// Filtering and search in the browser, over data already loaded: instant as you type,
// and it keeps working from the cache when the API is down. Case, accents, ligatures and
// the typographic apostrophe do not count: « demenagement » finds « Déménagement »,
// « l'adresse » finds « l’adresse ».
import type { Erreur, Evenement, Filtres, Selection } from './types.js';

/** `Déménagement l’Œuvre` → `demenagement l'oeuvre`. */
export function normaliser(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[’‘ʼ]/g, "'");
}

/** The words of a query, normalised; every one of them must be found. */
export function termes(query: string): string[] {
  return normaliser(query).split(/\s+/).filter(Boolean);
}

const textes = new WeakMap<Erreur, string>();

/** An error's searchable text (title, description, conseils), normalised once. */
function texte(erreur: Erreur): string {
  let t = textes.get(erreur);
  if (t === undefined) {
    t = normaliser([erreur.titre, erreur.description, ...erreur.conseils].join('\n'));
    textes.set(erreur, t);
  }
  return t;
}

/** True when every word is in the error's title, description or conseils. */
export function correspond(erreur: Erreur, mots: readonly string[]): boolean {
  const t = texte(erreur);
  return mots.every((mot) => t.includes(mot));
}

/** The attributes first (`public`, `administration`), then the usager's search and tag. */
export function filtrer(evenements: Evenement[], erreurs: Erreur[], filtres: Filtres): Selection {
  const pub = filtres.public === 'particulier' || filtres.public === 'professionnel' ? filtres.public : undefined;
  const administration = normaliser(filtres.administration?.trim() ?? '');
  const publics = new Map(evenements.map((e) => [e.id, e.public]));
  const portee = erreurs.filter(
    (e) =>
      (!pub || publics.get(e.evenement) === pub) &&
      (!administration || e.administrations.some((a) => normaliser(a.nom).includes(administration))),
  );
  const visibles = evenements.filter((ev) => (!pub || ev.public === pub) && portee.some((e) => e.evenement === ev.id));
  const choisi = visibles.some((ev) => ev.id === filtres.choisi) ? filtres.choisi : undefined;
  const mots = termes(filtres.saisie);
  const trouvees = portee.filter((e) => correspond(e, mots));
  const resultats = choisi ? trouvees.filter((e) => e.evenement === choisi) : trouvees;
  return { evenements: visibles, choisi, trouvees, resultats };
}
