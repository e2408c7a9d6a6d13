/**
 * HTTP pieces independent of routing: RFC 9457 problems, bounded JSON body reading, Bearer
 * credentials.
 */
import type { ErreurChamp } from './types.js';

export const TYPE_PROBLEME = {
  validation: 'tag:spp-widgets,2025:validation',
  idempotence: 'tag:spp-widgets,2025:idempotence',
  delaiModification: 'tag:spp-widgets,2025:delai-modification',
} as const;

/** Thrown anywhere in a request; app.ts turns it into an `application/problem+json` response (schema Probleme). */
export class ErreurProbleme extends Error {
  constructor(
    readonly statut: number,
    readonly titre: string,
    readonly complement: {
      type?: string;
      detail?: string;
      errors?: ErreurChamp[];
      entetes?: Record<string, string>;
    } = {},
  ) {
    super(`${statut} ${titre}`);
    this.name = 'ErreurProbleme';
  }

  versReponse(chemin: string): Response {
    const { type = 'about:blank', detail, errors, entetes } = this.complement;
    // A path with a stray `%` (`/v1/structures/%E0%A4%A`) is not a URI reference as is.
    const instance = chemin.replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
    const corps = { type, title: this.titre, status: this.statut, detail, instance, errors };
    return new Response(JSON.stringify(corps), {
      status: this.statut,
      headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...entetes },
    });
  }
}

export const requeteInvalide = (errors: ErreurChamp[], detail = 'La requête contient des champs invalides.') =>
  new ErreurProbleme(400, 'Requête invalide', { type: TYPE_PROBLEME.validation, detail, errors });

export const introuvable = (detail: string) => new ErreurProbleme(404, 'Introuvable', { detail });

/**
 * PostgreSQL text (and jsonb) cannot hold U+0000: a string carrying one is refused with its
 * field named, instead of failing in the database.
 */
export function champsAvecNul(valeur: unknown, chemin = ''): ErreurChamp[] {
  if (typeof valeur === 'string') {
    return valeur.includes('\u0000') ? [{ champ: chemin || '(corps)', message: 'caractère U+0000 non permis' }] : [];
  }
  if (Array.isArray(valeur)) return valeur.flatMap((v, i) => champsAvecNul(v, `${chemin}[${i}]`));
  if (valeur && typeof valeur === 'object') {
    return Object.entries(valeur).flatMap(([cle, v]) => champsAvecNul(v, chemin ? `${chemin}.${cle}` : cle));
  }
  return [];
}

/** 16 KiB: a complete review with a 1000-character verbatim is about 2 KiB. */
const LIMITE_CORPS = 16 * 1024;

function tropVolumineux(): ErreurProbleme {
  // The server closes the connection after answering, instead of reading what a client that
  // keeps sending still has to send.
  return new ErreurProbleme(413, 'Corps trop volumineux', {
    detail: `Le corps de la requête dépasse ${LIMITE_CORPS} octets.`,
    entetes: { Connection: 'close' },
  });
}

/**
 * Reads a JSON body without ever holding more than 16 KiB: Content-Length is checked first,
 * then the bytes actually streamed are counted (a chunked body has no length).
 */
export async function lireCorpsJson(requete: Request): Promise<unknown> {
  const longueur = requete.headers.get('content-length');
  if (longueur !== null && Number(longueur) > LIMITE_CORPS) throw tropVolumineux();

  const type = requete.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ErreurProbleme(415, 'Type de contenu non pris en charge', {
      detail: 'Le corps doit être envoyé en application/json.',
    });
  }

  const morceaux: Uint8Array[] = [];
  let total = 0;
  if (requete.body) {
    const lecteur = requete.body.getReader();
    for (;;) {
      let morceau: ReadableStreamReadResult<Uint8Array>;
      try {
        morceau = await lecteur.read();
      } catch {
        // The client closed the connection in the middle of its body.
        throw new ErreurProbleme(400, 'Corps incomplet', {
          detail: 'La connexion a été interrompue pendant l’envoi du corps.',
        });
      }
      const { done, value } = morceau;
      if (done) break;
      total += value.byteLength;
      if (total > LIMITE_CORPS) {
        lecteur.releaseLock();
        throw tropVolumineux();
      }
      morceaux.push(value);
    }
  }
  const octets = new Uint8Array(total);
  let position = 0;
  for (const morceau of morceaux) {
    octets.set(morceau, position);
    position += morceau.byteLength;
  }

  let texte: string;
  try {
    texte = new TextDecoder('utf-8', { fatal: true }).decode(octets);
  } catch {
    throw requeteInvalide([{ champ: '(corps)', message: 'encodage UTF-8 invalide' }]);
  }
  try {
    return JSON.parse(texte);
  } catch {
    throw requeteInvalide([{ champ: '(corps)', message: 'JSON invalide' }]);
  }
}

/** RFC 6750 b64token. */
const JETON_BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;

/** The credential of `Authorization: Bearer …`, or a 401 problem naming the expected scheme. */
export function extraireBearer(requete: Request, royaume: string): string {
  const entete = requete.headers.get('authorization');
  const trouve = entete ? JETON_BEARER.exec(entete) : null;
  if (!trouve?.[1]) {
    throw new ErreurProbleme(401, 'Authentification requise', {
      detail: entete
        ? 'En-tête Authorization mal formé : « Bearer <jeton> » attendu.'
        : 'En-tête Authorization manquant.',
      errors: [
        { champ: 'Authorization', message: entete ? 'format « Bearer <jeton> » attendu' : 'en-tête obligatoire' },
      ],
      entetes: { 'WWW-Authenticate': `Bearer realm="${royaume}"` },
    });
  }
  return trouve[1];
}
