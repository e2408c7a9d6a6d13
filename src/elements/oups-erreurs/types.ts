import type { components } from '../../generated/api.js';

export type Evenement = components['schemas']['Evenement'];
export type Erreur = components['schemas']['Erreur'];
export type ListeEvenements = components['schemas']['ListeEvenements'];
export type ListeErreurs = components['schemas']['ListeErreurs'];
export type Public = Evenement['public'];

/** What the usager and the attributes ask for. */
export interface Filtres {
  public?: string;
  administration?: string;
  /** The search box, as typed. */
  saisie: string;
  /** The événement selected (tag pressed or `evenement` attribute). */
  choisi?: string;
}

/** What the filters leave. */
export interface Selection {
  /** Événements in scope (`public`, `administration`) that have at least one error. */
  evenements: Evenement[];
  /** The selected événement, when it is one of them. */
  choisi?: string;
  /** Errors in scope that match the search, of every événement (for the tags' counts). */
  trouvees: Erreur[];
  /** …and of the selected événement: what the list shows, up to `limite`. */
  resultats: Erreur[];
}
