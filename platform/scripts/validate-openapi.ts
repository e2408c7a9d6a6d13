/**
 * Validates platform/openapi.yaml: the OpenAPI 3.1 document itself (structure, $refs,
 * duplicate operationIds) with @readme/openapi-parser, then every schema with Ajv in strict
 * mode (catches misspelt keywords the OpenAPI meta-schema lets through), then the project's
 * own rules: every operation has an operationId and every input object refuses unknown fields.
 * Exits non-zero on the first failing stage.
 *
 * Usage: npx tsx platform/scripts/validate-openapi.ts [path/to/openapi.yaml]
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate, compileErrors } from '@readme/openapi-parser';
import { chargerSpec, creerAjv, operations, type Schema } from '../src/spec.js';

const chemin = process.argv[2] ?? fileURLToPath(new URL('../openapi.yaml', import.meta.url));
const problemes: string[] = [];

const resultat = await validate(chemin);
if (!resultat.valid) {
  console.error(compileErrors(resultat));
  process.exit(1);
}

const spec = chargerSpec(chemin);
const ajv = creerAjv();
const compiler = (schema: Schema | string, ou: string) => {
  try {
    if (typeof schema === 'string') ajv.getSchema(schema);
    else ajv.compile(schema);
  } catch (erreur) {
    problemes.push(`${ou} : schéma refusé par Ajv : ${(erreur as Error).message}`);
  }
};
ajv.addSchema(spec.schemaComposants);
for (const nom of Object.keys(spec.document.components.schemas)) compiler(spec.refComposant(nom), nom);
for (const op of operations(spec)) {
  for (const p of op.parametres) compiler(p.schema, `${op.operationId} (${p.in} ${p.name})`);
  if (op.corps) compiler(op.corps, `${op.operationId} (corps)`);
  for (const [statut, reponse] of Object.entries(op.reponses)) {
    for (const [type, schema] of Object.entries(reponse.contenu))
      compiler(schema, `${op.operationId} (${statut} ${type})`);
  }
}

/** An input object schema must close itself, directly or through the component it references. */
function verifierFerme(schema: Schema | boolean | undefined, ou: string): void {
  if (typeof schema !== 'object') return;
  const resolu = spec.resoudre(schema);
  if (resolu.type === 'object' && resolu.additionalProperties !== false) {
    problemes.push(`${ou} : additionalProperties doit valoir false`);
  }
  for (const [nom, propriete] of Object.entries(resolu.properties ?? {})) verifierFerme(propriete, `${ou}.${nom}`);
  if (resolu.items) verifierFerme(resolu.items, `${ou}[]`);
}

for (const op of operations(spec)) {
  if (!op.operationId) problemes.push(`${op.methode.toUpperCase()} ${op.chemin} : operationId manquant`);
  verifierFerme(op.corps, `${op.operationId} (corps)`);
}

if (problemes.length > 0) {
  for (const p of problemes) console.error(`✗ ${p}`);
  process.exit(1);
}
console.log(
  `✓ ${relative(process.cwd(), chemin)} : OpenAPI ${spec.document.openapi} valide, ${operations(spec).length} opérations.`,
);
