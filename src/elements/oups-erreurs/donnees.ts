// Reading the oups data from the platform: loaded on demand by the element, in parallel
// with its view, so a page pays for the API client only where an element uses it.
import evenementsShape from '~spp/api-schema/ListeEvenements';
import erreursShape from '~spp/api-schema/ListeErreurs';
import { clientFor, type Loaded } from '../../core/api/client.js';
import type { ListeErreurs, ListeEvenements } from './types.js';

/** The errors change rarely: an hour fresh, then served stale while revalidating. */
const TTL = 3600_000;

export interface Reception {
  evenements(loaded: Loaded<ListeEvenements>): void;
  erreurs(loaded: Loaded<ListeErreurs>): void;
}

/**
 * Loads the événements and every error (all of them once: the element filters and
 * searches in the browser). Each part is handed over as it comes, and again when stale
 * data served from the cache has been refreshed. Rejects with an ApiError when a part
 * cannot be had at all.
 */
export async function lireOups(base: string, recevoir: Reception): Promise<void> {
  const client = clientFor(base);
  await Promise.all([
    client
      .get<ListeEvenements>('/v1/oups/evenements', {
        shape: evenementsShape,
        ttl: TTL,
        onRefresh: (fresh) => recevoir.evenements(fresh as Loaded<ListeEvenements>),
      })
      .then(recevoir.evenements),
    client
      .get<ListeErreurs>('/v1/oups/erreurs', {
        shape: erreursShape,
        ttl: TTL,
        onRefresh: (fresh) => recevoir.erreurs(fresh as Loaded<ListeErreurs>),
      })
      .then(recevoir.erreurs),
  ]);
}
