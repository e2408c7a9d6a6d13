/**
 * Contract check for the tests: every response goes through `verifier`, which fails the test
 * unless the status is declared for the operation in openapi.yaml, the media type is one of
 * that status's, the body validates against its schema and the declared headers are present.
 * `nonExercees()` lists the operations never answered with a success.
 */
import assert from 'node:assert/strict';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { InfosClient } from '../src/app.js';
import { chargerSpec, creerAjv, erreursChamps, operations, type Operation } from '../src/spec.js';

interface ReponseAttendue {
  contenu: Map<string, ValidateFunction>;
  entetes: Map<string, ValidateFunction>;
}

export interface ClientContrat {
  /** Sends `chemin` (e.g. `/v1/avis`) to the platform and checks the response against the contract. */
  requete(chemin: string, init?: RequestInit, client?: InfosClient): Promise<Response>;
  nonExercees(): string[];
  /** Declared statuses seen per operation, for the test report. */
  statutsVus(): Record<string, string[]>;
}

export function clientContrat(plateforme: { fetch(r: Request, c?: InfosClient): Promise<Response> }): ClientContrat {
  const spec = chargerSpec();
  const ajv = creerAjv();
  const ajvEntetes = creerAjv({ coercition: true });
  ajv.addSchema(spec.schemaComposants);
  ajvEntetes.addSchema(spec.schemaComposants);
  const probleme = ajv.compile({ $ref: spec.refComposant('Probleme') });

  const routes = operations(spec).map((op) => ({
    op,
    motif: new RegExp(`^${op.chemin.replace(/\{\w+\}/g, '[^/]+')}$`),
    reponses: new Map<string, ReponseAttendue>(
      Object.entries(op.reponses).map(([statut, r]) => [
        statut,
        {
          contenu: new Map(Object.entries(r.contenu).map(([type, schema]) => [type, ajv.compile(schema)])),
          entetes: new Map(
            Object.entries(r.entetes)
              .filter(([, e]) => e.required)
              // Wrapped in an object: Ajv coerces properties ("3" → 3), not a bare root value.
              .map(([nom, e]) => [
                nom,
                ajvEntetes.compile({ type: 'object', properties: { v: e.schema }, required: ['v'] }),
              ]),
          ),
        },
      ]),
    ),
  }));
  const vus = new Map<string, Set<string>>();

  async function verifier(methode: string, chemin: string, reponse: Response): Promise<void> {
    const ou = `${methode} ${chemin} → ${reponse.status}`;
    assert.equal(reponse.headers.get('access-control-allow-origin'), '*', `${ou} : CORS ouvert attendu`);
    assert.equal(reponse.headers.get('access-control-allow-credentials'), null, `${ou} : jamais d'identifiants CORS`);
    if (methode === 'OPTIONS') {
      assert.equal(reponse.status, 204, `${ou} : pré-vol CORS`);
      assert.equal(await reponse.text(), '', `${ou} : pré-vol sans corps`);
      return;
    }
    const type = reponse.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    const texte = await reponse.text();
    const corps: unknown = texte === '' ? undefined : JSON.parse(texte);
    const route = routes.find((r) => r.op.methode === methode.toLowerCase() && r.motif.test(chemin));
    if (!route) {
      assert.equal(reponse.status, 404, `${ou} : aucune opération ne correspond`);
      assert.ok(probleme(corps), `${ou} : ${JSON.stringify(probleme.errors)}`);
      return;
    }
    const attendue = route.reponses.get(String(reponse.status));
    assert.ok(
      attendue,
      `${ou} : statut non déclaré pour ${route.op.operationId} (${[...route.reponses.keys()].join(', ')})`,
    );
    const valider = attendue.contenu.get(type);
    assert.ok(valider, `${ou} : type ${type} non déclaré (${[...attendue.contenu.keys()].join(', ')})`);
    assert.ok(valider(corps), `${ou} : corps hors contrat : ${JSON.stringify(erreursChamps(valider.errors))}`);
    for (const [nom, validerEntete] of attendue.entetes) {
      const valeur = reponse.headers.get(nom);
      assert.ok(valeur !== null, `${ou} : en-tête ${nom} manquant`);
      assert.ok(validerEntete({ v: valeur }), `${ou} : en-tête ${nom} invalide (${valeur})`);
    }
    marquer(route.op, reponse.status);
  }

  function marquer(op: Operation, statut: number): void {
    vus.set(op.operationId, (vus.get(op.operationId) ?? new Set()).add(String(statut)));
  }

  return {
    async requete(chemin, init, client) {
      const requete = new Request(new URL(chemin, 'http://plateforme.test'), init);
      const reponse = await plateforme.fetch(requete, client);
      await verifier(requete.method, new URL(requete.url).pathname, reponse.clone());
      return reponse;
    },
    nonExercees: () =>
      routes
        .map((r) => r.op.operationId)
        .filter((id) => ![...(vus.get(id) ?? [])].some((statut) => statut.startsWith('2'))),
    statutsVus: () => Object.fromEntries([...vus].map(([id, statuts]) => [id, [...statuts].sort()])),
  };
}
