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

/**
 * The form from the platform: cached for an hour, and shared with the same request in
 * flight, so the prefetch and the questionnaire never ask twice.
 */
export function demanderFormulaire(client: ApiClient, id: string): Promise<Loaded<Formulaire>> {
  return client.get<Formulaire>(`/v1/formulaires/${encodeURIComponent(id)}`, {
    shape: formulaireShape,
    ttl: HEURE,
    timeoutMs: 4000,
  });
}

/** Starts loading the form of a button (its `api-base` and `formulaire` attributes). */
export function prechargerFormulaire(apiBase: string | null, formulaire: string | null): void {
  const client = apiFor({ apiBase: apiBase ?? undefined });
  if (!client) return;
  demanderFormulaire(client, formulaireDe(formulaire)).catch(() => {
    // The questionnaire falls back (or reports) when it opens.
  });
}
