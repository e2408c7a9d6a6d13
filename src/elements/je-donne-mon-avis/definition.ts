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
 * How long a failed request stands for the next one: the click that started a prefetch
 * opens the questionnaire well within it, a later click asks again.
 */
const ECHEC_VALABLE_MS = 5000;

interface Demande {
  reponse: Promise<Loaded<Formulaire>>;
  enCours: boolean;
  echecA?: number;
  /** Made by a prefetch, for the questionnaire that opens next. */
  pourLeQuestionnaire: boolean;
}

/** The last request for each form, by URL. */
const dernieres = new Map<string, Demande>();

function suivre(cle: string, reponse: Promise<Loaded<Formulaire>>, pourLeQuestionnaire: boolean): Demande {
  const demande: Demande = { reponse, enCours: true, pourLeQuestionnaire };
  dernieres.set(cle, demande);
  reponse.then(
    () => (demande.enCours = false),
    () => {
      demande.enCours = false;
      demande.echecA = Date.now();
    },
  );
  return demande;
}

/** In flight, or failed a moment ago (a success is in the client's cache). */
const recente = (demande: Demande | undefined): demande is Demande =>
  !!demande && (demande.enCours || (demande.echecA !== undefined && Date.now() - demande.echecA < ECHEC_VALABLE_MS));

/**
 * The form from the platform: cached for an hour, shared with the same request in
 * flight. A failure is not cached, so the button's prefetch and the questionnaire also
 * share a failure of a moment ago, whichever arrives first (the platform may answer
 * before the questionnaire's code has arrived, or the reverse): one click, one request.
 */
export function demanderFormulaire(client: ApiClient, id: string): Promise<Loaded<Formulaire>> {
  const cle = client.url(chemin(id));
  const derniere = dernieres.get(cle);
  if (recente(derniere) && derniere.pourLeQuestionnaire) {
    derniere.pourLeQuestionnaire = false;
    return derniere.reponse;
  }
  return suivre(cle, demander(client, id), false).reponse;
}

/** Starts loading the form of a button (its `api-base` and `formulaire` attributes). */
export function prechargerFormulaire(apiBase: string | null, formulaire: string | null): void {
  const client = apiFor({ apiBase: apiBase ?? undefined });
  if (!client) return;
  const id = formulaireDe(formulaire);
  const cle = client.url(chemin(id));
  // Asked a moment ago, by the questionnaire or another button: its answer stands.
  if (recente(dernieres.get(cle))) return;
  suivre(cle, demander(client, id), true).reponse.catch(() => {
    // The questionnaire reports it (or falls back) when it opens.
  });
}
