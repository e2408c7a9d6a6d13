/**
 * The platform as one Web-standard handler: `fetch(Request) → Response`. Routes come from
 * platform/openapi.yaml; every operationId is bound to one entry of `gestionnaires` below, and
 * its path, query, header and body are validated by Ajv against the document before the
 * entry runs.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import {
  compilerQuestionnaire,
  completerAvis,
  derniersAvis,
  enregistrerAvis,
  lireSecret,
  statistiques,
  verifierReponses,
  type ContexteAvis,
} from './avis.js';
import type { Database } from './db.js';
import { ErreurProbleme, champsAvecNul, extraireBearer, introuvable, lireCorpsJson, requeteInvalide } from './http.js';
import { Limiteur } from './limiteur.js';
import {
  chercherErreurs,
  chercherStructures,
  evenementExiste,
  lireEngagements,
  lireFormulaire,
  lireResultats,
  lireStructure,
  listerEvenements,
} from './referentiels.js';
import { chargerSeed } from './seed.js';
import { chargerSpec, compilerValidateurs, creerAjv, operations, type Operation } from './spec.js';
import type { Formulaire, OperationId, Operations } from './types.js';

/** Console-compatible: `logger: console` works. */
export interface Journal {
  info(message: string): void;
  error(message: string, erreur?: unknown): void;
}

export interface OptionsPlateforme {
  /** Open database (see openDatabase); the platform closes it in close(). */
  db: Database;
  /** Keys accepted by GET /v1/demarches/{id}/avis. None: that endpoint always answers 403. */
  apiKeys?: string[];
  /** Per client (hashed address) and per démarche, on POST and PATCH /v1/avis. `false` disables it. */
  rateLimit?: { avisParMinute: number; avisParMinuteParDemarche?: number } | false;
  /** Clock (tests move it forward to pass the one-hour window or refill the rate limit). */
  now?: () => Date;
  /** One line per request: method, path template, status, duration. Nothing else is logged. */
  logger?: Journal;
}

/** What the Node adapters know about the caller. The address is hashed, never stored or logged. */
export interface InfosClient {
  ip?: string;
}

export interface Plateforme {
  fetch(requete: Request, client?: InfosClient): Promise<Response>;
  db: Database;
  close(): Promise<void>;
}

const CACHE = {
  referentiel: 'public, max-age=3600, stale-while-revalidate=86400',
  structures: 'public, max-age=300, stale-while-revalidate=3600',
  statistiques: 'public, max-age=60',
  aucun: 'no-store',
};

type Parametres<K extends OperationId, L extends 'path' | 'query' | 'header'> = NonNullable<
  Operations[K]['parameters'][L]
>;
type CorpsDe<K extends OperationId> = Operations[K] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : undefined;
type JsonDe<R> = R extends { content: { 'application/json': infer J } } ? J : never;
/** The success responses the document declares for K, as `{statut, corps}` pairs. */
type Succes<K extends OperationId> = {
  [S in keyof Operations[K]['responses']]: S extends 200 | 201
    ? { statut: S; corps: JsonDe<Operations[K]['responses'][S]> }
    : never;
}[keyof Operations[K]['responses']];

interface Entree<K extends OperationId> {
  chemin: Parametres<K, 'path'>;
  requete: Parametres<K, 'query'>;
  entetes: Parametres<K, 'header'>;
  corps: CorpsDe<K>;
  /** Credential of the operation's Bearer scheme; '' when it has none. */
  jeton: string;
  /** Hashed client address. */
  client: string;
}

interface Gestionnaire<K extends OperationId> {
  cache: string;
  /** Counted against the per-client rate limit before anything else is done. */
  limite?: boolean;
  executer(entree: Entree<K>): Promise<Succes<K>>;
}

type Variables = { route: string };

export async function createPlatform(options: OptionsPlateforme): Promise<Plateforme> {
  const { db, logger } = options;
  const maintenant = options.now ?? (() => new Date());

  await chargerSeed(db);
  const contexte: ContexteAvis = {
    db,
    maintenant,
    secret: await lireSecret(db, () => randomBytes(32).toString('base64url')),
  };
  const ajv = creerAjv();
  const questionnaires = new Map(
    (await db.query<{ document: Formulaire }>('SELECT document FROM formulaires')).map(({ document }) => [
      document.id,
      compilerQuestionnaire(document, ajv),
    ]),
  );

  const reglage = options.rateLimit ?? { avisParMinute: 30 };
  const horloge = () => maintenant().getTime();
  const limiteurs = reglage
    ? {
        client: new Limiteur(reglage.avisParMinute, horloge),
        demarche: new Limiteur(reglage.avisParMinuteParDemarche ?? reglage.avisParMinute * 20, horloge),
      }
    : null;
  const limiter = (quel: 'client' | 'demarche', cle: string) => {
    const attente = limiteurs?.[quel].consommer(cle) ?? null;
    if (attente !== null) {
      throw new ErreurProbleme(429, 'Trop de requêtes', {
        detail:
          quel === 'client'
            ? 'Trop d’avis envoyés depuis ce poste ; réessayez dans quelques instants.'
            : 'Trop d’avis reçus pour cette démarche ; réessayez dans quelques instants.',
        entetes: { 'Retry-After': String(attente) },
      });
    }
  };

  // Per process: the same address maps to the same bucket, and the hash means nothing elsewhere.
  const sel = randomBytes(16);
  const empreinteClient = (ip = '') => createHash('sha256').update(sel).update(ip).digest('base64url').slice(0, 22);
  const condensat = (texte: string) => createHash('sha256').update(texte).digest();
  const cles = (options.apiKeys ?? []).filter(Boolean).map(condensat);
  const verifierCle = (cle: string) => {
    const recue = condensat(cle);
    if (!cles.some((attendue) => timingSafeEqual(attendue, recue))) {
      throw new ErreurProbleme(403, 'Clé API refusée', {
        detail:
          cles.length === 0
            ? 'Aucune clé API n’est configurée sur cette plateforme.'
            : 'Cette clé API n’est pas reconnue.',
      });
    }
  };

  const gestionnaires: { [K in OperationId]: Gestionnaire<K> } = {
    listerStructures: {
      cache: CACHE.structures,
      executer: async ({ requete }) => ({ statut: 200, corps: { structures: await chercherStructures(db, requete) } }),
    },
    lireStructure: {
      cache: CACHE.structures,
      async executer({ chemin }) {
        const structure = await lireStructure(db, chemin.code);
        if (!structure) throw introuvable(`Aucune structure n’a le code ${chemin.code}.`);
        return { statut: 200, corps: structure };
      },
    },
    lireResultats: {
      cache: CACHE.structures,
      async executer({ chemin }) {
        const resultats = await lireResultats(db, chemin.code);
        if (!resultats) throw introuvable(`Aucune structure n’a le code ${chemin.code}.`);
        return { statut: 200, corps: resultats };
      },
    },
    listerEngagements: {
      cache: CACHE.referentiel,
      async executer({ requete }) {
        const liste = await lireEngagements(db);
        if (requete.structure === undefined) return { statut: 200, corps: liste };
        const structure = await lireStructure(db, requete.structure);
        if (!structure) throw introuvable(`Aucune structure n’a le code ${requete.structure}.`);
        return { statut: 200, corps: { ...liste, structure } };
      },
    },
    listerEvenements: {
      cache: CACHE.referentiel,
      executer: async () => ({ statut: 200, corps: { evenements: await listerEvenements(db) } }),
    },
    listerErreurs: {
      cache: CACHE.referentiel,
      async executer({ requete }) {
        if (requete.evenement !== undefined && !(await evenementExiste(db, requete.evenement))) {
          throw introuvable(`Aucun événement de vie n’a l’identifiant ${requete.evenement}.`);
        }
        return { statut: 200, corps: { erreurs: await chercherErreurs(db, requete) } };
      },
    },
    lireFormulaire: {
      cache: CACHE.referentiel,
      async executer({ chemin }) {
        const formulaire = await lireFormulaire(db, chemin.id);
        if (!formulaire) throw introuvable(`Aucun questionnaire n’a l’identifiant ${chemin.id}.`);
        return { statut: 200, corps: formulaire };
      },
    },
    creerAvis: {
      cache: CACHE.aucun,
      limite: true,
      async executer({ corps, entetes }) {
        const questionnaire = questionnaires.get(corps.formulaire);
        if (!questionnaire) throw requeteInvalide([{ champ: 'formulaire', message: 'questionnaire inconnu' }]);
        const reponses = verifierReponses(questionnaire, corps.reponses, null);
        limiter('demarche', corps.demarche);
        return enregistrerAvis(contexte, entetes['Idempotency-Key'], corps, reponses);
      },
    },
    completerAvis: {
      cache: CACHE.aucun,
      limite: true,
      async executer({ chemin, corps, jeton }) {
        const avis = await completerAvis(contexte, questionnaires, {
          id: chemin.id,
          jeton,
          reponses: corps.reponses,
          avantEcriture: (demarche) => limiter('demarche', demarche),
        });
        return { statut: 200, corps: avis };
      },
    },
    lireStatistiques: {
      cache: CACHE.statistiques,
      executer: async ({ chemin }) => ({ statut: 200, corps: await statistiques(db, chemin.id) }),
    },
    listerAvisDemarche: {
      cache: CACHE.aucun,
      async executer({ chemin, requete }) {
        return {
          statut: 200,
          corps: { demarche: chemin.id, avis: await derniersAvis(db, chemin.id, requete.limite ?? 20) },
        };
      },
    },
  };

  const spec = chargerSpec();
  const validateurs = compilerValidateurs(spec);
  const app = new Hono<{ Bindings: { client?: InfosClient }; Variables: Variables }>();

  app.use('*', async (c, next) => {
    const debut = performance.now();
    await next();
    // The template, not the URL: no identifier, search text or jeton reaches the log.
    logger?.info(
      `${c.req.method} ${c.get('route') ?? '*'} ${c.res.status} ${(performance.now() - debut).toFixed(1)}ms`,
    );
  });
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization'],
      exposeHeaders: ['Retry-After'],
      maxAge: 86_400,
    }),
  );

  const traiter = (op: Operation) => {
    const validateur = validateurs.get(op.operationId);
    const gestionnaire = gestionnaires[op.operationId as OperationId];
    if (!validateur || !gestionnaire) throw new Error(`opération sans gestionnaire : ${op.operationId}`);
    const nomsEntetes = op.parametres.filter((p) => p.in === 'header').map((p) => p.name);

    return async (c: import('hono').Context<{ Bindings: { client?: InfosClient }; Variables: Variables }>) => {
      c.set('route', op.chemin);
      const chemin: Record<string, string> = { ...c.req.param() };
      const requete: Record<string, string> = {};
      const repetes: string[] = [];
      for (const [nom, valeur] of new URL(c.req.url).searchParams) {
        if (nom in requete) repetes.push(nom);
        else requete[nom] = valeur;
      }
      const entetes: Record<string, string> = {};
      for (const nom of nomsEntetes) {
        const valeur = c.req.header(nom);
        if (valeur !== undefined) entetes[nom] = valeur;
      }
      const erreurs = [
        ...validateur.chemin(chemin),
        ...validateur.requete(requete),
        ...repetes.map((nom) => ({ champ: nom, message: 'paramètre répété' })),
        ...validateur.entetes(entetes),
        ...champsAvecNul(chemin),
        ...champsAvecNul(requete),
      ];
      if (erreurs.length > 0) throw requeteInvalide(erreurs);

      const client = empreinteClient(c.env?.client?.ip);
      if (gestionnaire.limite) limiter('client', client);
      const jeton = op.securite ? extraireBearer(c.req.raw, op.securite) : '';
      if (op.securite === 'cleApi') verifierCle(jeton);

      let corps: unknown;
      if (validateur.corps) {
        corps = await lireCorpsJson(c.req.raw);
        const erreursCorps = validateur.corps(corps);
        // Only a body of the expected shape is walked (a deeply nested one is already refused).
        if (erreursCorps.length === 0) erreursCorps.push(...champsAvecNul(corps));
        if (erreursCorps.length > 0) throw requeteInvalide(erreursCorps);
      }

      // The entry matching op.operationId takes exactly this validated input; TypeScript
      // cannot follow that link through a lookup by a runtime id.
      const executer = gestionnaire.executer as (e: unknown) => Promise<{ statut: number; corps: unknown }>;
      const { statut, corps: reponse } = await executer({ chemin, requete, entetes, corps, jeton, client });
      return new Response(JSON.stringify(reponse), {
        status: statut,
        headers: { 'Content-Type': 'application/json', 'Cache-Control': gestionnaire.cache },
      });
    };
  };

  for (const op of operations(spec)) {
    app.on(op.methode.toUpperCase(), op.chemin.replace(/\{(\w+)\}/g, ':$1'), traiter(op));
  }
  const declares = new Set(operations(spec).map((op) => op.operationId));
  for (const id of Object.keys(gestionnaires)) {
    if (!declares.has(id)) throw new Error(`gestionnaire sans opération dans openapi.yaml : ${id}`);
  }

  app.notFound((c) => introuvable('Aucune ressource à cette adresse.').versReponse(new URL(c.req.url).pathname));
  app.onError((erreur, c) => {
    const instance = new URL(c.req.url).pathname;
    if (erreur instanceof ErreurProbleme) return erreur.versReponse(instance);
    logger?.error(`${c.req.method} ${c.get('route') ?? '*'} : erreur interne`, erreur);
    return new ErreurProbleme(500, 'Erreur interne', {
      detail: 'La plateforme a rencontré une erreur ; réessayez plus tard.',
    }).versReponse(instance);
  });

  return {
    db,
    fetch: async (requete, client) => app.fetch(requete, { client }),
    close: () => db.close(),
  };
}
