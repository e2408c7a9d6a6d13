// The platform path, loaded on demand (a page reading the open data never loads it): the
// page's shared API client, with its retries, cache and stale-while-revalidate.
import shape from '~spp/api-schema/ResultatsStructure';
import { clientFor, type Loaded } from '../../core/api/client.js';
import type { ResultatsStructure } from './format.js';

/** Results stay fresh five minutes; older ones are shown at once and refreshed. */
export const TTL_MS = 5 * 60_000;

export function lirePlateforme(
  base: string,
  code: string,
  onRefresh: (fresh: Loaded<ResultatsStructure>) => void,
): Promise<Loaded<ResultatsStructure>> {
  return clientFor(base).get<ResultatsStructure>(`/v1/structures/${encodeURIComponent(code)}/resultats`, {
    shape,
    ttl: TTL_MS,
    onRefresh: onRefresh as (fresh: Loaded<unknown>) => void,
  });
}
