/**
 * Mounts the platform in Node servers under a prefix (default `/api`):
 * - connectMiddleware: Vite's dev and preview servers (connect: `(req, res, next)`);
 * - koaMiddleware: @web/dev-server and web-test-runner (`middleware: [...]`, Koa: `(ctx, next)`);
 * - ecouteurNode: a plain `http.createServer` listener (platform/server.ts).
 * Bodies stream both ways: the request body is handed over unread (the platform stops reading
 * past 16 KiB) and the response body is piped, never buffered here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as ReadableStreamNode } from 'node:stream/web';
import type { InfosClient } from './app.js';

/** What the adapters need of a platform: its fetch. */
export interface Montable {
  fetch(requete: Request, client?: InfosClient): Promise<Response>;
}

export interface OptionsMontage {
  /** Path prefix stripped before the platform sees the URL; '' mounts at the root. */
  prefix?: string;
}

/** The path the platform answers for `url`, or null when the URL is outside the prefix. */
function cheminSousPrefixe(url: string, prefixe: string): string | null {
  if (prefixe === '') return url;
  if (url === prefixe || url.startsWith(`${prefixe}?`)) return `/${url.slice(prefixe.length)}`;
  return url.startsWith(`${prefixe}/`) ? url.slice(prefixe.length) : null;
}

/** Builds the Web Request of a Node request; its body is the incoming stream itself. */
function versRequete(entrant: IncomingMessage, chemin: string): Request {
  const entetes = new Headers();
  for (let i = 0; i < entrant.rawHeaders.length; i += 2) {
    const nom = entrant.rawHeaders[i] as string;
    // HTTP/2 pseudo-headers (":path"…) are not headers for fetch.
    if (!nom.startsWith(':')) entetes.append(nom, entrant.rawHeaders[i + 1] as string);
  }
  const methode = entrant.method ?? 'GET';
  const avecCorps = methode !== 'GET' && methode !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = {
    method: methode,
    headers: entetes,
    ...(avecCorps ? { body: Readable.toWeb(entrant) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  };
  return new Request(new URL(chemin, `http://${entetes.get('host') ?? 'localhost'}`), init);
}

function infosClient(entrant: IncomingMessage): InfosClient {
  return { ip: entrant.socket.remoteAddress };
}

/** Writes a Web Response to a Node response, streaming its body. */
async function ecrireReponse(reponse: Response, sortant: ServerResponse): Promise<void> {
  sortant.statusCode = reponse.status;
  for (const [nom, valeur] of reponse.headers) sortant.appendHeader(nom, valeur);
  if (!reponse.body) {
    sortant.end();
    return;
  }
  await pipeline(Readable.fromWeb(reponse.body as ReadableStreamNode<Uint8Array>), sortant);
}

function reponseErreur(sortant: ServerResponse, erreur: unknown, suivant?: (erreur?: unknown) => void): void {
  if (suivant) suivant(erreur);
  else if (!sortant.headersSent) {
    sortant.statusCode = 500;
    sortant.end();
  } else sortant.destroy();
}

/** connect / Vite: `server.middlewares.use(connectMiddleware(platform))`. */
export function connectMiddleware(plateforme: Montable, options: OptionsMontage = {}) {
  const prefixe = options.prefix ?? '/api';
  return (entrant: IncomingMessage, sortant: ServerResponse, suivant: (erreur?: unknown) => void): void => {
    const chemin = cheminSousPrefixe(entrant.url ?? '/', prefixe);
    if (chemin === null) {
      suivant();
      return;
    }
    plateforme
      .fetch(versRequete(entrant, chemin), infosClient(entrant))
      .then((reponse) => ecrireReponse(reponse, sortant))
      .catch((erreur: unknown) => reponseErreur(sortant, erreur, suivant));
  };
}

/** A plain Node listener: `http.createServer(ecouteurNode(platform))`. */
export function ecouteurNode(plateforme: Montable, options: OptionsMontage = {}) {
  const middleware = connectMiddleware(plateforme, { prefix: options.prefix ?? '' });
  return (entrant: IncomingMessage, sortant: ServerResponse): void => {
    middleware(entrant, sortant, (erreur) => {
      if (erreur) reponseErreur(sortant, erreur);
      else {
        sortant.statusCode = 404;
        sortant.end();
      }
    });
  };
}

/** The part of a Koa context the adapter uses (Koa itself is not a dependency). */
export interface ContexteKoa {
  req: IncomingMessage;
  url: string;
  status: number;
  body: unknown;
  set(nom: string, valeur: string | string[]): void;
}

/** @web/dev-server, web-test-runner: `middleware: [koaMiddleware(platform)]`. */
export function koaMiddleware(plateforme: Montable, options: OptionsMontage = {}) {
  const prefixe = options.prefix ?? '/api';
  return async (ctx: ContexteKoa, suivant: () => Promise<unknown>): Promise<void> => {
    const chemin = cheminSousPrefixe(ctx.url, prefixe);
    if (chemin === null) {
      await suivant();
      return;
    }
    const reponse = await plateforme.fetch(versRequete(ctx.req, chemin), infosClient(ctx.req));
    // Order matters in Koa: assigning the body guesses a status and a type, so the body goes
    // first and the platform's status and headers then overwrite the guesses.
    ctx.body = reponse.body ? Readable.fromWeb(reponse.body as ReadableStreamNode<Uint8Array>) : null;
    ctx.status = reponse.status;
    const valeurs = new Map<string, string[]>();
    for (const [nom, valeur] of reponse.headers) valeurs.set(nom, [...(valeurs.get(nom) ?? []), valeur]);
    for (const [nom, liste] of valeurs) ctx.set(nom, liste.length === 1 ? (liste[0] as string) : liste);
  };
}
