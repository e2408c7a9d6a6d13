// What the browser tests talk to: the reference platform (in-memory PGlite) mounted at
// /api in web-test-runner's server, behind a fault injector the tests drive through
// /__test/* endpoints, so the client is tested against real storage and real failures.
import { setTimeout as sleep } from 'node:timers/promises';

/** Deterministic pseudo-random numbers (mulberry32), so a failing run can be replayed. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
}

const PROBLEM = JSON.stringify({ type: 'about:blank', title: 'Injected failure', status: 500 });

/**
 * Fault kinds:
 *  500, 503, 429       an error status (429 with Retry-After: 1) before the platform sees it
 *  slow                the platform answers, after `delayMs` (longer than the client waits)
 *  drop                the connection is cut before the platform sees the request
 *  drop-after          the platform handles the request, then the connection is cut
 *  malformed           a 200 whose body is not JSON
 *  shape               a 200 whose JSON has the wrong shape
 */
export function faultInjector() {
  let config = { rate: 0, kinds: [], delayMs: 1500, paths: ['/api/'], rules: [], random: seededRandom(1) };
  let injected = {};

  const pickFault = (ctx) => {
    const rule = config.rules.find(
      (r) => r.times > 0 && ctx.url.includes(r.match) && (!r.method || r.method === ctx.method),
    );
    if (rule) {
      rule.times -= 1;
      return rule.kind;
    }
    if (!config.paths.some((p) => ctx.path.startsWith(p)) || config.rate <= 0 || ctx.method === 'OPTIONS')
      return undefined;
    if (config.random() >= config.rate) return undefined;
    return config.kinds[Math.floor(config.random() * config.kinds.length)];
  };

  return async function faults(ctx, next) {
    if (ctx.path === '/__test/faults') {
      if (ctx.method === 'POST') {
        const body = await readJson(ctx.req);
        config = {
          rate: body.rate ?? 0,
          kinds: body.kinds ?? [],
          delayMs: body.delayMs ?? 1500,
          paths: body.paths ?? ['/api/'],
          rules: (body.rules ?? []).map((r) => ({ times: 1, ...r })),
          random: seededRandom(body.seed ?? 1),
        };
        ctx.body = { injected };
        injected = {};
        return;
      }
      ctx.body = { injected };
      return;
    }
    const kind = pickFault(ctx);
    if (!kind) return next();
    injected[kind] = (injected[kind] ?? 0) + 1;
    // Like the platform's own answers, so a cross-origin client sees the fault, not a CORS error.
    ctx.set('Access-Control-Allow-Origin', '*');
    switch (kind) {
      case '500':
      case '503':
        ctx.status = Number(kind);
        ctx.type = 'application/problem+json';
        ctx.body = PROBLEM.replace('500', kind);
        return;
      case '429':
        ctx.status = 429;
        ctx.set('Retry-After', '1');
        ctx.type = 'application/problem+json';
        ctx.body = JSON.stringify({ type: 'about:blank', title: 'Trop de requêtes', status: 429 });
        return;
      case 'malformed':
        ctx.status = 200;
        ctx.type = 'application/json';
        ctx.body = '{"engagements": [';
        return;
      case 'shape':
        ctx.status = 200;
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({ unexpected: true });
        return;
      case 'drop':
        ctx.respond = false;
        ctx.req.socket.destroy();
        return;
      case 'drop-after':
        await next();
        await drain(ctx.body);
        ctx.respond = false;
        ctx.req.socket.destroy();
        return;
      case 'slow':
        await next();
        await sleep(config.delayMs);
        return;
      default:
        throw new Error(`Unknown fault kind ${kind}`);
    }
  };
}

/** Reads a response body to its end, so the platform's work is complete before the cut. */
async function drain(body) {
  if (body && typeof body[Symbol.asyncIterator] === 'function') for await (const _chunk of body);
}

/** GET /__test/avis?demarche=…: what the platform stored, for assertions on the server side. */
export function storedAvis(db) {
  return async function avisEndpoint(ctx, next) {
    if (ctx.path !== '/__test/avis') return next();
    const demarche = ctx.query.demarche;
    const rows = await db.query(
      `SELECT a.id, a.cle_idempotence AS cle, count(r.*)::int AS reponses,
              coalesce(array_agg(DISTINCT r.champ) FILTER (WHERE r.champ IS NOT NULL), '{}') AS champs,
              coalesce(array_agg(r.champ || '=' || r.option_id ORDER BY r.position)
                FILTER (WHERE r.option_id IS NOT NULL), '{}') AS choix
         FROM avis a LEFT JOIN avis_reponses r ON r.avis = a.id
        WHERE a.demarche = $1 GROUP BY a.id, a.cle_idempotence`,
      [demarche],
    );
    ctx.body = { demarche, avis: rows };
  };
}

/**
 * A wtr command that prints the test page to PDF (print media) and counts its pages:
 * `executeServerCommand('print-pdf', { format: 'A4', landscape: false })` → `{ pages, bytes }`.
 */
export function printCommand() {
  return {
    name: 'spp-print-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'print-pdf') return undefined;
      const page = session.browser.getPage(session.id);
      const pdf = await page.pdf({
        format: payload?.format ?? 'A4',
        landscape: Boolean(payload?.landscape),
        printBackground: true,
        preferCSSPageSize: true,
      });
      const text = Buffer.from(pdf).toString('latin1');
      const pages = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      return { pages, bytes: pdf.length };
    },
  };
}
