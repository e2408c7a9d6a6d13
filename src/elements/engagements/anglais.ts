// The unofficial English titles, loaded only for an element shown in English.
import traduction from '~spp/data/engagements.en';
import type { ListeEngagements, TraductionEngagements } from './donnees.js';

/** The titles, the pillars and the notice saying the translation is not official. */
export const anglais = traduction as TraductionEngagements;

/** A list whose titles are the translation's, when it is a translation of that version. */
export function traduire(liste: ListeEngagements, traduction: TraductionEngagements = anglais): ListeEngagements {
  if (traduction.version !== liste.version) return liste;
  const piliers = new Map(traduction.piliers.map((p) => [p.id, p.titre]));
  const titres = new Map(traduction.engagements.map((e) => [e.numero, e]));
  return {
    ...liste,
    piliers: liste.piliers.map((p) => ({ ...p, titre: piliers.get(p.id) ?? p.titre })),
    engagements: liste.engagements.map((e) => {
      const t = titres.get(e.numero);
      return t ? { ...e, titre: t.titre, motsCles: t.motsCles } : e;
    }),
  };
}
