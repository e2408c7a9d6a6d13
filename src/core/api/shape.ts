// Run-time check of API responses against the contract (platform/openapi.yaml), as a
// tolerant reader: the types and required fields we rely on must be there; extra
// fields, new enum values and formats are accepted so a newer platform never breaks
// the widgets already deployed. Shapes are generated at build time (`~spp/api-schema/…`).

export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  ref?: string;
  anyOf?: SchemaNode[];
}

export interface Shape {
  root: string;
  definitions: Record<string, SchemaNode>;
}

const typeOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

function check(node: SchemaNode, value: unknown, path: string, shape: Shape): string | undefined {
  if (node.ref) return check(shape.definitions[node.ref], value, path, shape);
  if (node.anyOf) {
    return node.anyOf.some((alternative) => check(alternative, value, path, shape) === undefined)
      ? undefined
      : `${path}: matches none of the expected forms`;
  }
  if (node.type) {
    const allowed = Array.isArray(node.type) ? node.type : [node.type];
    const actual = typeOf(value);
    const ok = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
    if (!ok) return `${path}: expected ${allowed.join(' or ')}, got ${actual}`;
  }
  if (node.required && value && typeof value === 'object') {
    const missing = node.required.find((key) => !(key in value));
    if (missing) return `${path}.${missing}: missing`;
  }
  if (node.properties && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(node.properties)) {
      const field = (value as Record<string, unknown>)[key];
      if (field === undefined) continue;
      const problem = check(child, field, `${path}.${key}`, shape);
      if (problem) return problem;
    }
  }
  if (node.items && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = check(node.items, value[i], `${path}[${i}]`, shape);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Where `value` departs from `shape` (e.g. `$.engagements[3].titre: missing`), or undefined. */
export function shapeMismatch(shape: Shape, value: unknown): string | undefined {
  return check({ ref: shape.root }, value, '$', shape);
}
