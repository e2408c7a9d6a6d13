// Typings for React 19 JSX and Vue templates, generated from custom-elements.json after
// `tsc` wrote dist/types: dist/types/react.d.ts and dist/types/vue.d.ts (package exports
// `spp-widgets/react` and `spp-widgets/vue`, types only). Each public element gets its
// attributes with their literal types, and its events:
//   React 19 adds a listener for a prop `on<event name>` as written (case-sensitive), so
//   `spp-open` is `onspp-open`; Vue maps `@spp-open` to the prop `onSppOpen`.
// Run by `npm run build`; `node build/framework-types.mjs` alone regenerates them.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = new URL('../', import.meta.url);
const TYPES = new URL(`${process.env.SPP_DIST ?? 'dist'}/types/`, ROOT);
const HEADER = '// Generated from custom-elements.json by build/framework-types.mjs: do not edit.\n';
/** Attributes every HTML element already has (typed by React and Vue themselves). */
const GLOBAL_ATTRIBUTES = new Set(['lang', 'id', 'class', 'style', 'title', 'hidden', 'dir']);
/** A type the manifest already spells with literals and primitives only. */
const LITERAL_TYPE =
  /^(\s*('[^']*'|"[^"]*"|-?\d+(\.\d+)?|string|number|boolean|undefined|null)\s*)(\|\s*('[^']*'|"[^"]*"|-?\d+(\.\d+)?|string|number|boolean|undefined|null)\s*)*$/;

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const pascal = (name) => camel(name).replace(/^./, (c) => c.toUpperCase());

/** The public elements: the entries src/elements/<name>/spp-<name>.ts. */
export function publicElements(manifest) {
  return manifest.modules
    .filter((module) => /^src\/elements\/([\w-]+)\/spp-\1\.ts$/.test(module.path))
    .flatMap((module) =>
      (module.declarations ?? [])
        .filter((declaration) => declaration.customElement && declaration.tagName)
        .map((declaration) => ({ ...declaration, modulePath: module.path })),
    );
}

/** Resolves the types the manifest names by alias (`Disposition`, `ThemeSetting`…) in dist/types. */
function typeResolver(elements) {
  const files = elements.map((element) =>
    fileURLToPath(new URL(element.modulePath.replace(/^src\//, '').replace(/\.ts$/, '.d.ts'), TYPES)),
  );
  const program = ts.createProgram(files, { strict: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  return (element, fieldName) => {
    const file = program.getSourceFile(
      fileURLToPath(new URL(element.modulePath.replace(/^src\//, '').replace(/\.ts$/, '.d.ts'), TYPES)),
    );
    const declaration = file?.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === element.name);
    if (!declaration) return undefined;
    const property = checker.getTypeAtLocation(declaration).getProperty(fieldName);
    if (!property) return undefined;
    const type = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(property, declaration));
    return checker.typeToString(
      type,
      undefined,
      ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType,
    );
  };
}

/** Attribute → TypeScript type of the value a template may give it. */
function attributeTypes(element, resolve) {
  const types = [];
  for (const attribute of element.attributes ?? []) {
    if (GLOBAL_ATTRIBUTES.has(attribute.name)) continue;
    let text = attribute.type?.text?.trim();
    if (!text || !LITERAL_TYPE.test(text))
      text = attribute.fieldName ? resolve(element, attribute.fieldName) : undefined;
    if (!text) throw new Error(`<${element.tagName}> ${attribute.name}: no type in custom-elements.json or dist/types`);
    const parts = [...new Set(text.split('|').map((part) => part.trim().replace(/"/g, "'")))].filter(
      (part) => part !== 'undefined' && part !== 'null',
    );
    // An attribute is text: a number may also come as its digits.
    const value = parts.map((part) => (part === 'number' ? 'number | `${number}`' : part)).join(' | ');
    types.push({ name: attribute.name, type: value, description: attribute.description });
  }
  return types;
}

const doc = (text, indent) =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '';
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

function reactTypes(elements, resolve) {
  const blocks = elements.map((element) => {
    const attributes = attributeTypes(element, resolve)
      .map((a) => `${doc(a.description, '    ')}    ${key(a.name)}?: ${a.type};`)
      .join('\n');
    const events = (element.events ?? [])
      .map((e) => `${doc(e.description, '    ')}    ${key(`on${e.name}`)}?: (event: SppEvent<'${e.name}'>) => void;`)
      .join('\n');
    return `  /** \`<${element.tagName}>\`: ${element.summary ?? ''} */\n  export interface ${element.name}Props extends SppElementProps<${element.name}> {\n${attributes}\n${events}\n  }`;
  });
  const names = elements.map((e) => e.name).join(', ');
  const intrinsic = elements.map((e) => `        '${e.tagName}': SppWidgets.${e.name}Props;`).join('\n');
  return `${HEADER}// React 19 JSX for the spp-widgets elements. Use: import type {} from 'spp-widgets/react';
// Events: React 19 listens for \`on<event name>\` exactly as written: \`onspp-open={…}\`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ${names} } from './index.js';

/** The event a listener receives (a CustomEvent with its typed \`detail\`). */
type SppEvent<K extends string> = K extends keyof GlobalEventHandlersEventMap ? GlobalEventHandlersEventMap[K] : CustomEvent;
type SppElementProps<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E>;

export declare namespace SppWidgets {
${blocks.join('\n\n')}
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${intrinsic}
    }
  }
}
`;
}

function vueTypes(elements, resolve) {
  const blocks = elements.map((element) => {
    const attributes = attributeTypes(element, resolve)
      // Both spellings: vue-tsc checks a static \`api-base="…"\` as written and a bound
      // \`:niveau-titre\` camelized.
      .flatMap((a) => [a.name, ...(a.name.includes('-') ? [camel(a.name)] : [])].map((name) => ({ ...a, name })))
      .map((a) => `${doc(a.description, '    ')}    ${key(a.name)}?: ${a.type};`)
      .join('\n');
    const events = (element.events ?? [])
      .map((e) => `${doc(e.description, '    ')}    on${pascal(e.name)}?: (event: SppEvent<'${e.name}'>) => void;`)
      .join('\n');
    return `  /** \`<${element.tagName}>\`: ${element.summary ?? ''} */\n  export interface ${element.name}Props {\n${attributes}\n${events}\n  }`;
  });
  const components = elements.map((e) => `    '${e.tagName}': DefineComponent<SppWidgets.${e.name}Props>;`).join('\n');
  return `${HEADER}// Vue 3 template types for the spp-widgets elements. Use: import type {} from 'spp-widgets/vue';
// and tell Vue they are custom elements: compilerOptions.isCustomElement = (tag) => tag.startsWith('spp-').
// Write attributes in kebab-case (\`api-base\`, as in HTML) and listen with \`@spp-open\`.
import type { DefineComponent } from 'vue';
// The elements' own typings (HTMLElementTagNameMap, the spp-* events and their detail).
import './index.js';

/** The event a listener receives (a CustomEvent with its typed \`detail\`). */
type SppEvent<K extends string> = K extends keyof GlobalEventHandlersEventMap ? GlobalEventHandlersEventMap[K] : CustomEvent;

export declare namespace SppWidgets {
${blocks.join('\n\n')}
}

declare module 'vue' {
  interface GlobalComponents {
${components}
  }
}
`;
}

export function generateFrameworkTypes() {
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', ROOT), 'utf8'));
  const elements = publicElements(manifest).sort((a, b) => a.tagName.localeCompare(b.tagName));
  if (elements.length === 0) throw new Error('custom-elements.json lists no public element');
  const resolve = typeResolver(elements);
  writeFileSync(new URL('react.d.ts', TYPES), reactTypes(elements, resolve));
  writeFileSync(new URL('vue.d.ts', TYPES), vueTypes(elements, resolve));
  return elements.map((element) => element.tagName);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tags = generateFrameworkTypes();
  console.log(`dist/types/react.d.ts, dist/types/vue.d.ts: ${tags.length} elements (${tags.join(', ')})`);
}
