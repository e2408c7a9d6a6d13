// Where the questionnaire's form comes from, apart from the questionnaire's code: the
// button requests it on click (and on hover, focus and idle time) while that code is
// still loading, so the two arrive together instead of one after the other.
import formulaireShape from '~spp/api-schema/Formulaire';
import { apiFor, type ApiClient, type Loaded } from '../../core/api/client.js';
import type { Formulaire } from './formulaire.js';

const FORMULAIRE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const HEURE = 3600_000;

/** The form asked for (`formulaire` attribute) when it is a valid id, else `root`. */
export const formulaireDe = (value: string | null | undefined): string =>
  value && FORMULAIRE.test(value) ? value : 'root';

const chemin = (id: string) => `/v1/formulaires/${encodeURIComponent(id)}`;

const demander = (client: ApiClient, id: string): Promise<Loaded<Formulaire>> =>
  client.get<Formulaire>(chemin(id), { shape: formulaireShape, ttl: HEURE, timeoutMs: 4000 });

/**
 * How long a failed prefetch stands for the questionnaire's own request: the click that
 * started it opens the questionnaire well within it, a later click asks again.
 */
const ECHEC_VALABLE_MS = 5000;

interface Prechargement {
  reponse: Promise<Loaded<Formulaire>>;
  echecA?: number;
  enCours: boolean;
}

/** The button's last prefetch of each form, by URL, until a questionnaire takes it. */
const prechargements = new Map<string, Prechargement>();

/**
 * The form from the platform: cached for an hour, and shared with the same request in
 * flight. A failure is not cached, so a prefetch that failed a moment ago hands its
 * answer to the questionnaire opening after it: one click, one request, even when the
 * platform answers before the questionnaire's code has arrived.
 */
export function demanderFormulaire(client: ApiClient, id: string): Promise<Loaded<Formulaire>> {
  const cle = client.url(chemin(id));
  const prechargement = prechargements.get(cle);
  prechargements.delete(cle);
  if (
    prechargement &&
    (prechargement.enCours ||
      (prechargement.echecA !== undefined && Date.now() - prechargement.echecA < ECHEC_VALABLE_MS))
  ) {
    return prechargement.reponse;
  }
  return demander(client, id);
}

/** Starts loading the form of a button (its `api-base` and `formulaire` attributes). */
export function prechargerFormulaire(apiBase: string | null, formulaire: string | null): void {
  const client = apiFor({ apiBase: apiBase ?? undefined });
  if (!client) return;
  const id = formulaireDe(formulaire);
  const prechargement: Prechargement = { reponse: demander(client, id), enCours: true };
  prechargements.set(client.url(chemin(id)), prechargement);
  prechargement.reponse.then(
    () => {
      // Cached by the client: the questionnaire finds it there.
      prechargement.enCours = false;
    },
    () => {
      // The questionnaire reports it (or falls back) when it opens.
      prechargement.enCours = false;
      prechargement.echecA = Date.now();
    },
  );
}
