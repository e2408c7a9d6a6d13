/* global Request -- Node 20 and browsers have it */
// A hostile API for the XSS tests (test/xss/): under /xss/<variant>/ it answers like the
// platform, with the reference platform's real data whose every string is a payload (see
// test/xss/hostile.mjs). An element given `api-base="/xss/a17"` reads hostile engagements,
// structures, results, oups errors and questionnaire; `/xss/a17/ods` serves hostile open
// data. GET /xss/plan/<variant> returns what was put where, for the tests' assertions.
import { DATASETS, N, OPERATIONS, lireVariante, odsHostile, rendreHostile } from '../xss/hostile.mjs';
import { PAYLOADS } from '../xss/payloads.mjs';

/** Addresses whose hostile version the plan describes: one per GET operation, and the open data. */
export const ADRESSES = [
  '/v1/structures',
  '/v1/structures/EX-CAF-33',
  '/v1/structures/EX-CAF-33/resultats',
  '/v1/engagements',
  '/v1/engagements?structure=EX-CAF-33',
  '/v1/oups/evenements',
  '/v1/oups/erreurs',
  '/v1/formulaires/root',
  '/v1/demarches/xss-demarche/statistiques',
  '/v1/demarches/xss-demarche/avis',
];
/** The API key of the test platform (web-test-runner.config.mjs), for the agents' endpoint. */
const CLE_API = 'cle-de-test';

const entetes = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, Authorization',
  'Cache-Control': 'no-store',
};

export default function hostileApi({ platform }) {
  const bases = new Map();

  /** The platform's own answer to `adresse` (cached: its data does not change). */
  async function reelle(adresse, methode) {
    if (methode !== 'GET') return { statut: 200, corps: {} };
    if (!bases.has(adresse)) {
      const reponse = await platform.fetch(
        new Request(`http://plateforme.test${adresse}`, { headers: { Authorization: `Bearer ${CLE_API}` } }),
      );
      bases.set(adresse, {
        statut: reponse.status,
        type: reponse.headers.get('content-type'),
        corps: await reponse.text(),
      });
    }
    const { statut, type, corps } = bases.get(adresse);
    return { statut, type, corps: statut === 200 ? JSON.parse(corps) : corps };
  }

  /** The hostile answer to `adresse` for a variant, or the platform's error as is. */
  async function hostile(adresse, methode, variante) {
    const chemin = adresse.split('?')[0];
    const ods = /^\/ods\/catalog\/datasets\/([\w-]+)\/records$/.exec(chemin);
    if (ods && DATASETS.includes(ods[1])) return { statut: 200, ...odsHostile(ods[1], variante) };
    const op = OPERATIONS.find((o) => o.methode === methode && o.motif.test(chemin));
    if (!op) return { statut: 404, erreur: { type: 'about:blank', title: 'Introuvable', status: 404 } };
    const base = await reelle(adresse, methode);
    if (base.statut !== 200) return { statut: base.statut, brut: base.corps, type: base.type };
    const { document, entrees } = rendreHostile(
      base.corps,
      { op: op.operationId, url: adresse, schema: op.schema },
      variante,
    );
    return { statut: methode === 'POST' ? 201 : 200, document, entrees };
  }

  async function plan(cle) {
    const variante = lireVariante(cle);
    if (!variante) return undefined;
    const documents = {};
    const entrees = [];
    const ajouter = (adresse, r) => {
      documents[adresse] = r.document;
      entrees.push(...r.entrees);
    };
    for (const adresse of ADRESSES) ajouter(adresse, await hostile(adresse, 'GET', variante));
    for (const dataset of DATASETS) ajouter(`/ods/${dataset}`, odsHostile(dataset, variante));
    ajouter('POST /v1/avis', await hostile('/v1/avis', 'POST', variante));
    ajouter('PATCH /v1/avis/{id}', await hostile('/v1/avis/x', 'PATCH', variante));
    return { n: N, payloads: PAYLOADS, documents, entrees };
  }

  /** For each mode, each field (`operationId:path`) and the payloads it carried across the N variants. */
  async function couverture() {
    const resultat = { n: N, modes: {} };
    for (const mode of ['a', 't']) {
      const champs = {};
      for (let v = 0; v < N; v++) {
        for (const e of (await plan(`${mode}${v}`)).entrees) {
          const champ = `${e.op}:${e.chemin}`;
          (champs[champ] ??= { nature: e.nature, payloads: new Set() }).payloads.add(e.payload);
        }
      }
      resultat.modes[mode] = Object.fromEntries(
        Object.entries(champs).map(([champ, { nature, payloads }]) => [champ, { nature, payloads: payloads.size }]),
      );
    }
    return resultat;
  }

  return async function hostileApiMiddleware(ctx, next) {
    if (!ctx.path.startsWith('/xss/')) return next();
    ctx.set(entetes);
    if (ctx.path === '/xss/couverture') {
      ctx.body = await couverture();
      return;
    }
    const planDemande = /^\/xss\/plan\/(\w+)$/.exec(ctx.path);
    if (planDemande) {
      const corps = await plan(planDemande[1]);
      ctx.status = corps ? 200 : 404;
      ctx.body = corps ?? { error: 'variante inconnue' };
      return;
    }
    const m = /^\/xss\/(\w+)(\/.*)$/.exec(ctx.path);
    const variante = lireVariante(m?.[1]);
    if (!m || !variante) return next();
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    const adresse = m[2] + (ctx.querystring ? `?${ctx.querystring}` : '');
    // The body of a POST or PATCH is read and dropped: only the answer matters here.
    for await (const _morceau of ctx.req);
    const r = await hostile(adresse, ctx.method, variante);
    ctx.status = r.statut;
    if (r.document !== undefined) {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(r.document);
    } else if (r.brut !== undefined) {
      ctx.type = r.type ?? 'application/problem+json';
      ctx.body = typeof r.brut === 'string' ? r.brut : JSON.stringify(r.brut);
    } else {
      ctx.type = 'application/problem+json';
      ctx.body = JSON.stringify(r.erreur);
    }
  };
}
