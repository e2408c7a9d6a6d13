// custom-elements.json: attributes, properties, events, parts, slots and CSS properties
// of every public element, from their (French) JSDoc. Read by Storybook and the README
// tables, committed, and checked fresh by test/node/manifest.test.mjs.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const root = new URL('.', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

/**
 * The public elements are the package's per-element entry points
 * (`./engagements` → dist/elements/engagements/spp-engagements.js → its TypeScript
 * source), plus their base class. Internal elements (the questionnaire) and helper
 * modules never reach the manifest.
 */
export const publicModules = [
  'src/core/spp-element.ts',
  ...Object.values(pkg.exports)
    .map((entry) => (typeof entry === 'object' ? entry.import : undefined))
    .filter((path) => typeof path === 'string' && path.startsWith('./dist/elements/'))
    .map((path) => path.replace('./dist/', 'src/').replace(/\.js$/, '.ts')),
];

/** Lifecycle callbacks and internal hooks: public in TypeScript, not API for the page. */
const INTERNAL_MEMBERS = new Set([
  'connectedCallback',
  'disconnectedCallback',
  'attributeChangedCallback',
  'adoptedCallback',
  'observedAttributes',
  'documentChanged',
  'styles',
]);

/** A type checker over the public modules, to spell type aliases out as their unions. */
function typeChecker() {
  const program = ts.createProgram({
    rootNames: [...publicModules, 'src/core/virtual-modules.d.ts'].map((p) => new URL(p, root).pathname),
    options: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ES2022,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      experimentalDecorators: true,
      strict: true,
      skipLibCheck: true,
      resolveJsonModule: true,
      noEmit: true,
    },
  });
  return { program, checker: program.getTypeChecker() };
}

const LITERAL = ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BooleanLiteral;

/** `ThemeSetting` → `'light' | 'dark' | 'system'`; anything that is not a union of literals → undefined. */
function literalUnion(checker, typeNode) {
  const type = checker.getTypeFromTypeNode(typeNode);
  const parts = type.isUnion() ? type.types : [type];
  if (!parts.every((t) => t.flags & (LITERAL | ts.TypeFlags.Undefined))) return undefined;
  if (!parts.some((t) => t.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral))) return undefined;
  const format = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;
  return parts.map((t) => checker.typeToString(t, undefined, format)).join(' | ');
}

/** Per source file: class → property → its type spelled out; and every `SppEventMap` entry. */
function collectTypes() {
  const { program, checker } = typeChecker();
  const properties = new Map();
  const events = new Map();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !file.fileName.startsWith(new URL('src/', root).pathname)) continue;
    const path = file.fileName.slice(root.pathname.length);
    const visit = (node) => {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const member of node.members) {
          if (!ts.isPropertyDeclaration(member) || !member.type || !ts.isIdentifier(member.name)) continue;
          const union = literalUnion(checker, member.type);
          if (!union) continue;
          properties.set(
            `${path}#${node.name.text}#${member.name.text}`,
            member.questionToken ? `${union} | undefined` : union,
          );
        }
      }
      if (ts.isInterfaceDeclaration(node) && node.name.text === 'SppEventMap') {
        for (const member of node.members) {
          if (ts.isPropertySignature(member) && member.type && ts.isStringLiteral(member.name)) {
            events.set(member.name.text, `CustomEvent<${member.type.getText(file)}>`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { properties, events };
}

/**
 * `@attr {'a' | 'b'} [name=a]` gives the default `a`, a field initialiser `'a'`: spell
 * string defaults the same way, as in the type.
 */
function quoteDefault(item) {
  const value = item.default;
  const type = item.type?.text ?? '';
  if (typeof value !== 'string' || /^['"`]/.test(value)) return;
  if (type.includes(`'${value}'`) || /^string( \| undefined)?$/.test(type)) item.default = `'${value}'`;
}

let types;

export default {
  globs: publicModules,
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  litelement: true,
  // Never rewrite package.json (its `customElements` already names the manifest).
  packagejson: false,
  plugins: [
    {
      name: 'spp-public-api-only',
      // Per module, before inheritance copies the base class's members into each element.
      moduleLinkPhase({ moduleDoc }) {
        types ??= collectTypes();
        const kept = new Set();
        moduleDoc.declarations = (moduleDoc.declarations ?? []).filter((declaration) => declaration.kind === 'class');
        for (const declaration of moduleDoc.declarations) {
          kept.add(declaration.name);
          declaration.members = (declaration.members ?? []).filter(
            (member) => !member.privacy || member.privacy === 'public',
          );
          declaration.members = declaration.members.filter((member) => !INTERNAL_MEMBERS.has(member.name));
          for (const item of [...declaration.members, ...(declaration.attributes ?? [])]) {
            const union = types.properties.get(`${moduleDoc.path}#${declaration.name}#${item.fieldName ?? item.name}`);
            if (union && item.type) item.type = { text: union };
            // Attributes only: a static field's default may be an identifier (`version`).
            if (item.fieldName || item.attribute || declaration.attributes?.includes(item)) quoteDefault(item);
          }
          // SppElement.emit() dispatches `new CustomEvent(name)`: the analyzer would list a
          // literal event called "name". Our events are the documented `spp-*` ones.
          declaration.events = (declaration.events ?? []).filter((e) => e.name?.startsWith('spp-'));
          for (const event of declaration.events) {
            if ((!event.type || event.type.text === 'CustomEvent') && types.events.has(event.name))
              event.type = { text: types.events.get(event.name) };
          }
        }
        moduleDoc.exports = (moduleDoc.exports ?? []).filter(
          (entry) => entry.kind !== 'js' || kept.has(entry.declaration?.name),
        );
      },
    },
  ],
};
