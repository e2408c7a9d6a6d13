// Test-only routes for the reliability tests of the avis flow (test/reliability/):
//  - /__test/avis-hold: holds the next avis request(s) in flight until the page that sent
//    them goes away (an iframe reloaded mid-send), then either lets the platform store the
//    request (`forward`: stored, but the page never got the answer) or never hands it over
//    (`drop`). GET tells how many requests reached this point and how many were held.
//  - /__test/avis-complet?demarche=: every stored avis with its bouton and its answers, read
//    from the database (not through the API), to compare with what the usager gave.
import { setTimeout as sleep } from 'node:timers/promises';

const AVIS = '/api/v1/avis';
/** A held request is let go after this long even if its page never leaves. */
const HOLD_LIMIT_MS = 15_000;

async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
}

async function drain(body) {
  if (body && typeof body[Symbol.asyncIterator] === 'function') for await (const _chunk of body);
}

/** Resolves when the client closes the connection (or after `limit`); true if it did. */
function clientGone(ctx, limit) {
  return new Promise((resolve) => {
    if (ctx.res.destroyed || ctx.req.socket.destroyed) return resolve(true);
    const timer = setTimeout(() => resolve(false), limit);
    ctx.res.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export default function avisPages({ db }) {
  let armed = [];
  let counts = { seen: 0, held: 0, forward: 0, drop: 0, released: 0 };

  return async function avisPagesRoutes(ctx, next) {
    if (ctx.path === '/__test/avis-hold') {
      if (ctx.method === 'POST') {
        const body = await readJson(ctx.req);
        if (body.disarm) {
          armed = [];
        } else if (body.reset) {
          ctx.body = { ...counts, armed: armed.length };
          counts = { seen: 0, held: 0, forward: 0, drop: 0, released: 0 };
          armed = [];
          return;
        } else {
          armed.push(body.action === 'drop' ? 'drop' : 'forward');
        }
      }
      ctx.body = { ...counts, armed: armed.length };
      return;
    }

    if (ctx.path === '/__test/avis-complet') {
      const rows = await db.query(
        `SELECT a.id, a.cle_idempotence AS cle, a.bouton,
                coalesce(json_agg(json_build_object('champ', r.champ, 'optionId', r.option_id,
                                                    'texte', r.texte, 'parent', r.parent)
                                  ORDER BY r.position) FILTER (WHERE r.champ IS NOT NULL), '[]') AS reponses
           FROM avis a LEFT JOIN avis_reponses r ON r.avis = a.id
          WHERE a.demarche = $1 GROUP BY a.id, a.cle_idempotence, a.bouton`,
        [ctx.query.demarche],
      );
      ctx.body = {
        avis: rows.map((row) => ({
          ...row,
          reponses: (typeof row.reponses === 'string' ? JSON.parse(row.reponses) : row.reponses).map((r) =>
            Object.fromEntries(Object.entries(r).filter(([, value]) => value !== null)),
          ),
        })),
      };
      return;
    }

    if (!ctx.path.startsWith(AVIS) || (ctx.method !== 'POST' && ctx.method !== 'PATCH')) return next();
    counts.seen += 1;
    const action = armed.shift();
    if (!action) return next();
    counts.held += 1;
    // Like the fault injector's own answers, so a cross-origin client sees the outcome.
    ctx.set('Access-Control-Allow-Origin', '*');
    if (action === 'forward') {
      // The platform stores it at once; the answer waits until the page is gone.
      await next();
      await drain(ctx.body);
      if (await clientGone(ctx, HOLD_LIMIT_MS)) {
        counts.forward += 1;
        ctx.respond = false;
      } else {
        counts.released += 1;
        ctx.body = JSON.stringify({ type: 'about:blank', title: 'Held too long', status: 503 });
        ctx.status = 503;
      }
      return;
    }
    // `drop`: the platform never sees it.
    if (await clientGone(ctx, HOLD_LIMIT_MS)) {
      counts.drop += 1;
      ctx.respond = false;
      return;
    }
    counts.released += 1;
    await sleep(0);
    return next();
  };
}
