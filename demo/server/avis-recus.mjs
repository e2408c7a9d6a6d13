/* global Request */
// « Avis reçus » in the dev server: the latest avis of a démarche need the platform's API
// key, which must never reach the browser. This route calls the platform server-side with
// the local key and returns only what cannot identify anyone:
// - answers picked among the questionnaire's fixed options (smiley, scale, ticked boxes),
//   with their labels;
// - the day (not the time) and the placement id (`bouton`), chosen by the site;
// - whether a comment was left, never its text: free text may hold names, addresses, health
//   details that no pattern can mask reliably; `contact_email` is never returned either.
// The avis id (a UUID) and the exact timestamps are left out too.

const LIMITE = 20;

/**
 * @param {Array<{ creeLe: string, bouton?: string, formulaire: string,
 *   reponses: Array<{ champ: string, optionId?: string, texte?: string, parent?: string }> }>} avis
 * @param {Map<string, { etapes: Array<{ blocs: Array<{ champ: string, type: string, libelle: string,
 *   options: Array<{ id: string, libelle: string }> }> }> }>} formulaires by id
 */
export function resumerAvis(avis, formulaires) {
  return avis.map((un) => {
    const blocs = new Map(
      (formulaires.get(un.formulaire)?.etapes ?? []).flatMap((etape) => etape.blocs.map((b) => [b.champ, b])),
    );
    const libelleOption = (champ, id) => blocs.get(champ)?.options.find((o) => o.id === id)?.libelle;
    const reponses = [];
    let commentaire = false;
    for (const reponse of un.reponses) {
      const bloc = blocs.get(reponse.champ);
      if (!bloc) continue;
      if (!reponse.optionId) {
        if (bloc.type === 'texte' && reponse.texte?.trim()) commentaire = true;
        continue;
      }
      const libelle = libelleOption(reponse.champ, reponse.optionId);
      if (!libelle) continue;
      const parent = reponse.parent
        ? [...blocs.values()].find((b) => b.options.some((o) => o.id === reponse.parent))
        : undefined;
      reponses.push({
        question: bloc.libelle,
        reponse: libelle,
        ...(parent ? { aPropos: libelleOption(parent.champ, reponse.parent) } : {}),
      });
    }
    return {
      jour: un.creeLe.slice(0, 10),
      ...(un.bouton ? { bouton: un.bouton } : {}),
      reponses,
      commentaire,
    };
  });
}

/**
 * Connect middleware for GET /demo-api/avis-recus?demarche=…
 * @param {{ fetch(requete: Request): Promise<Response> }} plateforme
 * @param {() => string | undefined} cle the platform key, read server-side only
 */
export function middlewareAvisRecus(plateforme, cle) {
  const appeler = (chemin, entetes = {}) =>
    plateforme.fetch(new Request(new URL(chemin, 'http://plateforme.local'), { headers: entetes }));
  const repondre = (res, statut, corps) => {
    res.writeHead(statut, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(corps));
  };
  return async (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/demo-api/avis-recus') return next();
    const demarche = url.searchParams.get('demarche') ?? '';
    const id = encodeURIComponent(demarche);
    try {
      const statistiques = await appeler(`/v1/demarches/${id}/statistiques`);
      if (!statistiques.ok) return repondre(res, statistiques.status, { erreur: (await statistiques.json()).title });
      const stats = await statistiques.json();
      const secret = cle();
      if (!secret) return repondre(res, 200, { statistiques: stats, avis: null });
      const liste = await appeler(`/v1/demarches/${id}/avis?limite=${LIMITE}`, { Authorization: `Bearer ${secret}` });
      if (!liste.ok) return repondre(res, 502, { erreur: `La plateforme a répondu ${liste.status}.` });
      const { avis } = await liste.json();
      const formulaires = new Map();
      for (const idFormulaire of new Set(avis.map((a) => a.formulaire))) {
        const reponse = await appeler(`/v1/formulaires/${encodeURIComponent(idFormulaire)}`);
        if (reponse.ok) formulaires.set(idFormulaire, await reponse.json());
      }
      repondre(res, 200, { statistiques: stats, avis: resumerAvis(avis, formulaires) });
    } catch (erreur) {
      repondre(res, 500, { erreur: erreur instanceof Error ? erreur.message : String(erreur) });
    }
  };
}
