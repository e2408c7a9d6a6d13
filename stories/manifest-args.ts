// Controls from custom-elements.json: one control per attribute of an element (its type
// union becomes the options), and a Lit directive that puts the args on the element as
// attributes — the way a webmaster writes them. Storybook's docs read the same manifest
// (setCustomElementsManifest in .storybook/preview.ts), so descriptions are written once,
// in the elements' JSDoc.
import type { ArgTypes, Args } from '@storybook/web-components-vite';
import { nothing } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import manifest from '../custom-elements.json';

export interface AttributeDoc {
  name: string;
  fieldName?: string;
  type?: { text: string };
  default?: string;
  description?: string;
}

interface MemberDoc {
  kind: string;
  name: string;
  attribute?: string;
}

export interface ElementDoc {
  tagName?: string;
  attributes?: AttributeDoc[];
  members?: MemberDoc[];
  slots?: { name: string }[];
  events?: { name: string }[];
}

const declarations = (manifest as { modules: { declarations?: ElementDoc[] }[] }).modules.flatMap(
  (module) => module.declarations ?? [],
);

/** The manifest's entry for a public element. */
export function elementDoc(tag: string): ElementDoc {
  const doc = declarations.find((d) => d.tagName === tag);
  if (!doc) throw new Error(`<${tag}> is not in custom-elements.json`);
  return doc;
}

/** Every `spp-*` event of the public elements (for the actions panel). */
export const eventNames = [...new Set(declarations.flatMap((d) => (d.events ?? []).map((e) => e.name)))];

/** `'a' | 'b' | undefined` → ['a', 'b']; anything else → undefined. */
function literals(type: string | undefined): string[] | undefined {
  const parts = (type ?? '')
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined');
  if (!parts.length || !parts.every((p) => /^'[^']*'$/.test(p))) return undefined;
  return parts.map((p) => p.slice(1, -1));
}

const unquote = (value: string | undefined) => value?.replace(/^'(.*)'$/, '$1');
/** `niveau-titre` is a string property holding a number (default `'2'`): a number field all the same. */
const kind = (a: AttributeDoc) =>
  /^'?\d+'?$/.test(a.default ?? '') ? 'number' : (a.type?.text ?? 'string').replace(/ \| undefined$/, '');
/** The languages the elements speak (`lang` is a plain string attribute). */
const LANGUES = "'fr' | 'en'";

/** The label of the "attribute absent" option. */
const ABSENT = '(absent)';

/**
 * One control per attribute, named as the attribute (`logo-src`): enumerations as radio
 * buttons or a list, booleans as a switch, numbers as a number field, the rest as text.
 * The properties that mirror an attribute stay documented but get no control of their own.
 */
export function attributeArgTypes(tag: string, overrides: ArgTypes = {}): ArgTypes {
  const doc = elementDoc(tag);
  const argTypes: ArgTypes = {};
  for (const attribute of doc.attributes ?? []) {
    const options = literals(attribute.name === 'lang' ? LANGUES : attribute.type?.text);
    let control: ArgTypes[string]['control'];
    if (options) {
      const all = attribute.default === undefined ? ['', ...options] : options;
      argTypes[attribute.name] = { options: all };
      control = { type: all.length > 4 ? 'select' : 'inline-radio', labels: { '': ABSENT } };
    } else if (kind(attribute) === 'boolean') control = { type: 'boolean' };
    else if (kind(attribute) === 'number') control = { type: 'number' };
    else control = { type: 'text' };
    argTypes[attribute.name] = { ...argTypes[attribute.name], control, table: { category: 'attributes' } };
  }
  for (const member of doc.members ?? []) {
    if (member.attribute && member.attribute !== member.name) argTypes[member.name] = { control: false };
  }
  for (const [name, override] of Object.entries(overrides)) argTypes[name] = { ...argTypes[name], ...override };
  return argTypes;
}

/**
 * The args of an element left as its defaults: every attribute absent (`''`), except the
 * ones with a default, shown with it (`disposition: 'grille'`, `sans-titre: false`).
 */
export function attributeArgs(tag: string, overrides: Args = {}): Args {
  const args: Args = {};
  for (const attribute of elementDoc(tag).attributes ?? []) {
    if (kind(attribute) === 'boolean') args[attribute.name] = attribute.default === 'true';
    else if (kind(attribute) === 'number')
      args[attribute.name] = attribute.default && Number(unquote(attribute.default));
    else args[attribute.name] = unquote(attribute.default) ?? '';
  }
  return { ...args, ...overrides };
}

/** The attributes an element gets from args: absent when empty; `false` spelled out when the default is on. */
export function attributesFromArgs(tag: string, args: Args): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const attribute of elementDoc(tag).attributes ?? []) {
    const value: unknown = args[attribute.name];
    if (value === undefined || value === null || value === '') continue;
    if (value === true) attributes[attribute.name] = '';
    else if (value === false) {
      if (attribute.default === 'true') attributes[attribute.name] = 'false';
    } else attributes[attribute.name] = String(value);
  }
  return attributes;
}

/** `<spp-x ${attributes(tag, args)}>`: sets and removes the element's attributes from the args. */
class AttributesDirective extends Directive {
  private names = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('attributes() goes on an element');
  }

  render(_tag: string, _args: Args) {
    return nothing;
  }

  override update(part: ElementPart, [tag, args]: [string, Args]) {
    const attributes = attributesFromArgs(tag, args);
    for (const name of this.names) if (!(name in attributes)) part.element.removeAttribute(name);
    for (const [name, value] of Object.entries(attributes)) {
      if (part.element.getAttribute(name) !== value) part.element.setAttribute(name, value);
    }
    this.names = new Set(Object.keys(attributes));
    return nothing;
  }
}

export const attributes = directive(AttributesDirective);
