// `~spp/api-schema/<Name>`: a response shape of platform/openapi.yaml, reduced to what a
// tolerant reader checks at run time (types, required fields, arrays, references), so
// the browser validates every response against the one contract without shipping Ajv.
// Extra fields, unknown enum values and formats are accepted: a newer platform must not
// break older widgets.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const OPENAPI = new URL('../platform/openapi.yaml', import.meta.url);

/** @returns {Record<string, unknown>} compact schemas by component name */
export function compactSchemas(document = parse(readFileSync(OPENAPI, 'utf8'))) {
  const compact = (schema) => {
    if (schema.$ref) return { ref: schema.$ref.split('/').pop() };
    const alternatives = schema.oneOf ?? schema.anyOf;
    if (alternatives) return { anyOf: alternatives.map(compact) };
    const out = {};
    if (schema.type) out.type = schema.type;
    if (schema.properties) {
      out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, compact(v)]));
    }
    if (schema.required?.length) out.required = schema.required;
    if (schema.items) out.items = compact(schema.items);
    return out;
  };
  return Object.fromEntries(Object.entries(document.components.schemas).map(([name, s]) => [name, compact(s)]));
}

/** One schema and the definitions it reaches, so each element ships only its own. */
export function schemaWithDefinitions(name, schemas = compactSchemas()) {
  if (!schemas[name]) throw new Error(`No schema "${name}" in platform/openapi.yaml`);
  const definitions = {};
  const visit = (schema) => {
    if (schema.ref && !definitions[schema.ref]) {
      definitions[schema.ref] = schemas[schema.ref];
      visit(schemas[schema.ref]);
    }
    schema.anyOf?.forEach(visit);
    Object.values(schema.properties ?? {}).forEach(visit);
    if (schema.items) visit(schema.items);
  };
  visit({ ref: name });
  return { root: name, definitions };
}

export function apiSchemas() {
  const PREFIX = '\0spp:api-schema/';
  return {
    name: 'spp-api-schemas',
    resolveId: (source) => (source.startsWith('~spp/api-schema/') ? PREFIX + source.slice(16) : null),
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      this.addWatchFile?.(OPENAPI.pathname);
      return `export default ${JSON.stringify(schemaWithDefinitions(id.slice(PREFIX.length)))};\n`;
    },
  };
}
