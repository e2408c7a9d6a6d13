// Reading the platform, loaded only when one is configured: pages without a platform (the
// bundled official list is then shown) do not download the API client.
import formeListe from '~spp/api-schema/ListeEngagements';
import formeStructure from '~spp/api-schema/Structure';
import { apiFor, type Loaded } from '../../core/api/client.js';
import type { ListeEngagements, Structure } from './donnees.js';

/** The engagements change rarely: a day fresh, then served stale while refreshed. */
const TTL_ENGAGEMENTS = 24 * 3600 * 1000;
const TTL_STRUCTURE = 3600 * 1000;

type Hote = { apiBase?: string };

/** `GET /v1/engagements` (cached, shared by every element of the page). */
export function lireEngagements(hote: Hote, onRefresh: (fresh: ListeEngagements) => void) {
  const client = apiFor(hote);
  if (!client) return Promise.resolve(undefined);
  return client.get<ListeEngagements>('/v1/engagements', {
    shape: formeListe,
    ttl: TTL_ENGAGEMENTS,
    timeoutMs: 5000,
    onRefresh: (fresh: Loaded<unknown>) => onRefresh(fresh.data as ListeEngagements),
  });
}

/** `GET /v1/structures/{code}`: a structure's bloc marque, logo and name. */
export function lireStructure(hote: Hote, code: string, onRefresh: (fresh: Structure) => void) {
  const client = apiFor(hote);
  if (!client) return Promise.resolve(undefined);
  return client.get<Structure>(`/v1/structures/${encodeURIComponent(code)}`, {
    shape: formeStructure,
    ttl: TTL_STRUCTURE,
    onRefresh: (fresh: Loaded<unknown>) => onRefresh(fresh.data as Structure),
  });
}
