// The engagements' data: types from the API contract, the bundled official list (loaded
// on demand: it is the biggest part of the element and pages with a platform do not need
// it), and the small pure helpers the templates use.
import type { components } from '../../generated/api.js';

export type ListeEngagements = components['schemas']['ListeEngagements'];
export type Engagement = components['schemas']['Engagement'];
export type DetailEngagement = components['schemas']['DetailEngagement'];
export type PointEngagement = components['schemas']['PointEngagement'];
export type Pilier = components['schemas']['Pilier'];
export type Structure = components['schemas']['Structure'];

/** `data/engagements.en.json`: English titles of one version of the list (see anglais.ts). */
export interface TraductionEngagements {
  version: string;
  langue: string;
  traductionNonOfficielle: boolean;
  /** Says, in English, that the translation is not official. */
  mention: string;
  piliers: { id: Pilier['id']; titre: string }[];
  engagements: { numero: number; titre: string; motsCles: string[] }[];
}

/** The official list, verbatim from the programme's documents (the platform's seed). */
export async function listeOfficielle(): Promise<ListeEngagements> {
  const module = await import('~spp/data/engagements');
  return module.default as ListeEngagements;
}

/** `"1, 7"` → {1, 7}; nothing usable → undefined (all engagements, none highlighted). */
export function numeros(value: string | null | undefined): Set<number> | undefined {
  const found = (value ?? '')
    .split(/[\s,;]+/)
    .map((part) => Number(part))
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 99);
  return found.length ? new Set(found) : undefined;
}

export interface Segment {
  texte: string;
  /** A key word, emphasised as in the official material. */
  cle: boolean;
}

/**
 * Cuts a title around its key words (each an exact substring of the title, in order);
 * a key word that is not found is ignored, so a wrong list never hides text.
 */
export function segments(titre: string, motsCles: readonly string[] = []): Segment[] {
  const result: Segment[] = [];
  let from = 0;
  for (const mot of motsCles) {
    if (!mot) continue;
    const at = titre.indexOf(mot, from);
    if (at < 0) continue;
    if (at > from) result.push({ texte: titre.slice(from, at), cle: false });
    result.push({ texte: mot, cle: true });
    from = at + mot.length;
  }
  if (from < titre.length) result.push({ texte: titre.slice(from), cle: false });
  return result;
}

/** The engagements of each pillar, in the pillars' order, keeping only `garder`. */
export function parPilier(
  liste: ListeEngagements,
  garder: (e: Engagement) => boolean = () => true,
): { pilier: Pilier; engagements: Engagement[] }[] {
  return liste.piliers
    .map((pilier) => ({
      pilier,
      engagements: liste.engagements
        .filter((e) => e.pilier === pilier.id && garder(e))
        .sort((a, b) => a.numero - b.numero),
    }))
    .filter((groupe) => groupe.engagements.length > 0);
}

/** `https://www.example.gouv.fr/avis/` → `www.example.gouv.fr/avis`, as printed on a poster. */
export function adresseLisible(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
