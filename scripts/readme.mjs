// Regenerates the README's generated blocks, `<!-- auto:NAME -->…<!-- /auto:NAME -->`, from
// the files that are the truth: custom-elements.json (element tables), examples/ (the
// framework snippets that `npm run test:dist` compiles and loads), test/hosts/csp.mjs (the
// CSP the hostile-host tests serve) and bench/results.md (the benchmark table).
//
//   node scripts/readme.mjs           rewrites README.md
//   node scripts/readme.mjs --check   exits 1 when a block whose source exists is stale
//
// A block whose source does not exist yet says so in the README and is not checked. The
// whole README goes through Prettier (the repo's config), so `prettier --check` and this
// check agree; verbatim code is fenced behind `<!-- prettier-ignore -->` so it stays verbatim.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';

const require = createRequire(import.meta.url);
export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const README = 'README.md';

const read = (root, path) => readFileSync(`${root}/${path}`, 'utf8');
const exists = (root, path) => existsSync(`${root}/${path}`);

/** A table cell: one line, pipes escaped. */
const cell = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text) => (String(text).includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

function table(headers, rows) {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** A fence longer than any backtick run inside `text`, so any file can be shown verbatim. */
function fenced(text, lang) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `<!-- prettier-ignore -->\n${fence}${lang}\n${text.replace(/\n+$/, '')}\n${fence}`;
}

// ─── custom-elements.json ───────────────────────────────────────────────────────────────

const BASE_MODULE = 'src/core/spp-element.ts';

/** The published elements: those with their own entry in package.json's exports. */
function publicElements(root, manifest) {
  const exported = new Set(
    Object.values(JSON.parse(read(root, 'package.json')).exports ?? {})
      .map((target) => (typeof target === 'object' ? target.import : target))
      .filter((target) => typeof target === 'string' && target.startsWith('./dist/elements/'))
      .map((target) => target.replace('./dist/', 'src/').replace(/\.js$/, '.ts')),
  );
  const elements = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName && exported.has(module.path)) {
        elements.push({ module: module.path, declaration });
      }
    }
  }
  return elements;
}

function baseDeclaration(manifest) {
  const module = manifest.modules.find((m) => m.path === BASE_MODULE);
  return module?.declarations?.find((d) => d.name === 'SppElement');
}

/**
 * Resolves named types (`Disposition`, `ThemeSetting`, `Public`…) to their string literals
 * with the TypeScript checker, in the scope of the module that uses them.
 */
function typeResolver(root, modulePaths) {
  const ts = require('typescript');
  const files = [...new Set(modulePaths)].map((p) => `${root}/${p}`).filter((p) => existsSync(p));
  const config = ts.readConfigFile(`${root}/tsconfig.json`, ts.sys.readFile).config ?? {};
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const program = ts.createProgram(files, { ...options, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const cache = new Map();
  return (name, modulePath) => {
    const key = `${modulePath}#${name}`;
    if (cache.has(key)) return cache.get(key);
    let literals;
    const source = program.getSourceFile(`${root}/${modulePath}`);
    let type;
    for (const statement of source?.statements ?? []) {
      if (ts.isTypeAliasDeclaration(statement) && statement.name.text === name) {
        type = checker.getTypeFromTypeNode(statement.type);
      } else if (ts.isImportDeclaration(statement) && statement.importClause?.namedBindings) {
        const bindings = statement.importClause.namedBindings;
        const specifier = ts.isNamedImports(bindings) ? bindings.elements.find((e) => e.name.text === name) : undefined;
        const symbol = specifier && checker.getSymbolAtLocation(specifier.name);
        if (symbol) type = checker.getDeclaredTypeOfSymbol(checker.getAliasedSymbol(symbol));
      }
      if (type) break;
    }
    if (type) {
      const parts = type.isUnion() ? type.types : [type];
      if (parts.every((t) => t.isStringLiteral())) literals = parts.map((t) => t.value);
    }
    cache.set(key, literals);
    return literals;
  };
}

const PRIMITIVES = { string: 'texte', number: 'nombre', boolean: 'booléen' };

/** « valeurs » of an attribute, from its type text (`'a' | 'b'`, `Disposition | undefined`, `string`). */
function attributeValues(attribute, modulePath, resolve) {
  const text = attribute.type?.text;
  if (!text) return '—';
  const parts = text
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined' && p !== 'null');
  if (parts.length === 0) return '—';
  if (parts.every((p) => /^(['"]).*\1$/.test(p))) return parts.map((p) => code(p.slice(1, -1))).join(', ');
  if (parts.length === 1 && PRIMITIVES[parts[0]]) return PRIMITIVES[parts[0]];
  if (parts.length === 1 && /^[A-Z]\w*$/.test(parts[0])) {
    const literals = resolve(parts[0], attribute.inheritedFrom ? BASE_MODULE : modulePath);
    if (literals) return literals.map(code).join(', ');
  }
  return code(parts.join(' | '));
}

function attributeDefault(attribute, members) {
  const raw = attribute.default ?? members.find((m) => m.name === attribute.fieldName)?.default;
  if (raw === undefined || raw === "''" || raw === '""' || raw === 'undefined') return '—';
  if (raw === 'false' && attribute.type?.text === 'boolean') return 'absent';
  return code(raw.replace(/^(['"])(.*)\1$/, '$2'));
}

function signature(member) {
  if (member.kind !== 'method') return code(member.name);
  return code(`${member.name}(${(member.parameters ?? []).map((p) => p.name).join(', ')})`);
}

/** Members a host page may use: public, per instance, not an attribute's property, not the base class's hooks. */
function documentedMembers(declaration) {
  return (declaration.members ?? []).filter(
    (m) =>
      !m.privacy &&
      !m.static &&
      !m.attribute &&
      m.description &&
      !m.inheritedFrom &&
      // Called by the page-wide observer of theme and language, not by host pages.
      m.name !== 'documentChanged',
  );
}

function commonAttributeNames(base) {
  return new Set([...(base?.attributes ?? []).map((a) => a.name), 'lang']);
}

function renderElement({ module, declaration }, base, resolve) {
  const out = [];
  const common = commonAttributeNames(base);
  const members = declaration.members ?? [];
  const own = (declaration.attributes ?? []).filter((a) => !common.has(a.name));
  // `lang` is HTML's own attribute: every element reads it (the manifest lists it only where declared).
  const shared = [...common];
  out.push(`Généré depuis \`custom-elements.json\` (\`${module}\`).`);
  if (own.length) {
    out.push(
      table(
        ['attribut', 'valeurs', 'défaut', 'description'],
        own.map((a) => [
          code(a.name),
          attributeValues(a, module, resolve),
          attributeDefault(a, members),
          a.description,
        ]),
      ),
    );
  }
  if (shared.length) {
    out.push(`Attributs communs : ${shared.map(code).join(', ')} (voir [Attributs communs](#attributs-communs)).`);
  }
  const api = documentedMembers(declaration);
  if (api.length) {
    out.push(
      `**Propriétés et méthodes**\n\n${table(
        ['nom', 'description'],
        api.map((m) => [signature(m), m.description]),
      )}`,
    );
  }
  if (declaration.events?.length) {
    out.push(
      `**Événements** (\`CustomEvent\`, qui remontent et traversent le Shadow DOM)\n\n${table(
        ['événement', 'description'],
        declaration.events.map((e) => [code(e.name), e.description]),
      )}`,
    );
  }
  const ownProps = (declaration.cssProperties ?? []).filter((p) => !p.inheritedFrom);
  if (ownProps.length) {
    out.push(
      `**Propriétés CSS personnalisées**\n\n${table(
        ['propriété', 'description'],
        ownProps.map((p) => [code(p.name), p.description]),
      )}`,
    );
  }
  if (declaration.cssParts?.length) {
    out.push(
      `**Parties (\`::part()\`)**\n\n${table(
        ['partie', 'description'],
        declaration.cssParts.map((p) => [code(p.name), p.description]),
      )}`,
    );
  }
  if (declaration.slots?.length) {
    out.push(
      `**Emplacements (\`slot\`)**\n\n${table(
        ['emplacement', 'description'],
        declaration.slots.map((s) => [code(s.name || '(défaut)'), s.description]),
      )}`,
    );
  }
  return out.join('\n\n');
}

function renderCommon(base, resolve) {
  if (!base) return undefined;
  const out = [`Généré depuis \`custom-elements.json\` (\`${BASE_MODULE}\`).`];
  out.push(
    table(
      ['attribut', 'valeurs', 'défaut', 'description'],
      (base.attributes ?? []).map((a) => [
        code(a.name),
        attributeValues(a, BASE_MODULE, resolve),
        attributeDefault(a, base.members ?? []),
        a.description,
      ]),
    ),
  );
  if (!(base.attributes ?? []).some((a) => a.name === 'lang')) {
    out.push('Et `lang`, l’attribut HTML global : voir [Localisation](#localisation).');
  }
  if (base.events?.length) {
    out.push(
      table(
        ['événement', 'description'],
        base.events.map((e) => [code(e.name), e.description]),
      ),
    );
  }
  if (base.cssProperties?.length) {
    out.push(
      table(
        ['propriété CSS', 'description'],
        base.cssProperties.map((p) => [code(p.name), p.description]),
      ),
    );
  }
  return out.join('\n\n');
}

// ─── examples/ ──────────────────────────────────────────────────────────────────────────

const FRAMEWORKS = {
  react: 'React',
  vue: 'Vue',
  angular: 'Angular',
  cms: 'CMS (HTML seul)',
};
const LANGUAGES = { tsx: 'tsx', jsx: 'jsx', ts: 'ts', js: 'js', mjs: 'js', vue: 'vue', html: 'html', htm: 'html' };
/** Build and test plumbing of an example, not what a webmaster copies. */
const PLUMBING =
  /(^|\/)(node_modules|dist|out|build|\.angular)(\/|$)|(^|\/)(package(-lock)?\.json|tsconfig[^/]*\.json|README[^/]*|\.gitignore)$|\.(test|spec|config)\.[^/]+$|\.d\.ts$|\.(json|md|txt|map)$/;

function exampleFiles(root, dir) {
  const found = [];
  const walk = (rel) => {
    for (const name of readdirSync(`${root}/${rel}`).sort()) {
      const path = `${rel}/${name}`;
      // Dot files and folders are tools' scratch space, not what a webmaster copies.
      if (name.startsWith('.') || PLUMBING.test(path.slice(dir.length + 1))) continue;
      if (statSync(`${root}/${path}`).isDirectory()) walk(path);
      else if (LANGUAGES[name.split('.').pop()]) found.push(path);
    }
  };
  walk(dir);
  return found;
}

function renderExample(root, framework) {
  const dir = `examples/${framework}`;
  if (!exists(root, dir)) return undefined;
  const files = exampleFiles(root, dir);
  if (files.length === 0) return undefined;
  return files
    .map((path) => `[\`${path}\`](${path}) :\n\n${fenced(read(root, path), LANGUAGES[path.split('.').pop()])}`)
    .join('\n\n');
}

// ─── test/hosts/csp.mjs ─────────────────────────────────────────────────────────────────

export const CSP_EXAMPLE = {
  cdn: 'https://cdn.example.gouv.fr',
  api: 'https://www.example.gouv.fr',
};

/** Why each directive is there (a directive hostCsp() returns without a reason here fails the generator). */
const CSP_REASONS = {
  'default-src': 'tout ce qui n’est pas autorisé plus bas est refusé',
  'script-src': 'le chargeur et les modules des éléments, servis par le CDN ; aucun script en ligne, aucun `eval`',
  'connect-src': (values) =>
    values.length > 1
      ? 'les appels `fetch` des éléments : la plateforme (`data-api-base`), et les données ouvertes que lit `<spp-resultats>` sans plateforme'
      : 'les appels `fetch` des éléments : la plateforme (`data-api-base`), et rien d’autre',
  'font-src': 'la police Marianne, déclarée par `FontFace` depuis le CDN (pas du tout si la page la déclare déjà)',
  'img-src': 'les logos et photos donnés par `logo-src` / `photo-src` (les pictogrammes sont du SVG en ligne)',
  'style-src':
    'les styles sont des `CSSStyleSheet` construites et adoptées par les Shadow DOM : ni fichier ni `unsafe-inline` à autoriser',
  'require-trusted-types-for':
    'le code n’écrit jamais de HTML par `innerHTML` : les gabarits Lit passent par Trusted Types',
  'trusted-types': 'les seules politiques Trusted Types que le code crée',
  'base-uri': 'aucune balise `<base>` ne peut détourner les adresses relatives',
  'form-action': 'les formulaires des éléments ne sont jamais soumis vers une adresse',
  'object-src': 'ni plugin ni `<object>`',
  'frame-ancestors': 'directive de la page hôte, sans lien avec les éléments',
  'frame-src': 'aucun cadre',
  'worker-src': 'aucun worker',
  'manifest-src': 'aucun manifeste',
  'media-src': 'aucun média',
};

async function renderCsp(root, opendata) {
  const path = 'test/hosts/csp.mjs';
  if (!exists(root, path)) return undefined;
  const { hostCsp } = await import(pathToFileURL(`${root}/${path}`).href);
  if (typeof hostCsp !== 'function') return undefined;
  const policy = hostCsp({ ...CSP_EXAMPLE, opendata });
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const [name, ...values] = d.split(/\s+/);
      return { name, values };
    });
  const rows = directives.map(({ name, values }) => {
    const known = CSP_REASONS[name];
    const reason = typeof known === 'function' ? known(values) : known;
    if (!reason)
      throw new Error(`hostCsp() returns a directive "${name}": explain it in CSP_REASONS (${import.meta.url})`);
    return [code(name), values.length ? values.map(code).join(' ') : '—', reason];
  });
  const header = `Content-Security-Policy: ${directives.map((d) => [d.name, ...d.values].join(' ')).join('; ')}`;
  const call = `hostCsp({ cdn: '${CSP_EXAMPLE.cdn}', api: '${CSP_EXAMPLE.api}'${opendata ? ', opendata: true' : ''} })`;
  return [
    `Généré par \`${call}\` ([\`${path}\`](${path})) :`,
    fenced(header, 'http'),
    table(['directive', 'valeur', 'pourquoi'], rows),
  ].join('\n\n');
}

// ─── bench/results.md ───────────────────────────────────────────────────────────────────

/**
 * One line on the brief's thresholds, from the verdict column of the results' first table
 * whose last header is « verdict »: how many hold, and which do not.
 */
function benchSummary(body) {
  const lines = body.split('\n');
  const header = lines.findIndex((l) => /^\|.*\|\s*verdict\s*\|\s*$/.test(l));
  if (header < 0) return '';
  const rows = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim());
    rows.push({ seuil: cells[0], mesure: cells[1], verdict: cells.at(-1) });
  }
  const held = rows.filter((r) => r.verdict.startsWith('✅'));
  const missed = rows.filter((r) => !r.verdict.startsWith('✅'));
  const list = missed.map(
    (r) => `${r.mesure} (${r.seuil}${r.verdict.startsWith('⚠') ? ' : tenu en médiane, pas au p95' : ''})`,
  );
  return (
    `**Seuils du cahier des charges : ${held.length} tenus sur ${rows.length}.**` +
    (missed.length ? ` Non tenus : ${list.join(' ; ')}.` : '') +
    '\n\n'
  );
}

function renderBench(root) {
  const path = 'bench/results.md';
  if (!exists(root, path)) return undefined;
  // Its headings go under « Performances » (level 2): the highest becomes level 3.
  let body = read(root, path).trim();
  const levels = [...body.matchAll(/^(#{1,6}) /gm)].map((m) => m[1].length);
  const shift = levels.length ? 3 - Math.min(...levels) : 0;
  if (shift) {
    body = body.replace(
      /^(#{1,6}) /gm,
      (_, hashes) => `${'#'.repeat(Math.min(6, Math.max(1, hashes.length + shift)))} `,
    );
  }
  return `Copié de [\`${path}\`](${path}) (écrit par \`npm run bench\`).\n\n${benchSummary(body)}${body}`;
}

// ─── package.json: the script tag ───────────────────────────────────────────────────────

function renderScriptTag(root) {
  const { version } = JSON.parse(read(root, 'package.json'));
  return fenced(
    [
      '<script',
      `  src="https://cdn.example.gouv.fr/spp-widgets/${version}/spp-widgets-sri.js"`,
      '  integrity="sha384-…"',
      '  crossorigin="anonymous"',
      '  data-api-base="https://www.example.gouv.fr/api"',
      '  defer',
      '  blocking="render"',
      '></script>',
      '',
      '<spp-je-donne-mon-avis demarche="3842"></spp-je-donne-mon-avis>',
    ].join('\n'),
    'html',
  );
}

// ─── package.json: the commands ─────────────────────────────────────────────────────────

/** What each npm script is for, in the order shown; a script that does not exist is not shown. */
const COMMANDS = {
  'test:node': 'les tests Node seuls (pipeline de styles, plateforme, README, calculs du banc)',
  'test:browser': 'les tests du navigateur seuls (Chromium headless)',
  build: 'écrit `dist/` (ESM et types pour npm) et `dist/cdn/` (chargeurs, modules, polices, empreintes SRI)',
  size: 'vérifie les budgets de taille, après le build',
  'test:dist': 'après le build : vérifie le paquet (contenu publié, CDN et SRI, exemples React, Vue, Angular et CMS)',
  bench: 'mesure tailles, vitesse et plateforme dans Chromium headless, et écrit `bench/results.md`',
  'build:demo': 'la démonstration en fichiers statiques, pointant vers une API configurable',
  storybook: 'Storybook, une histoire par élément, sur http://localhost:6006/',
  'build-storybook': 'Storybook en fichiers statiques (`storybook-static/`)',
  typecheck: 'vérifie les types (éléments, tests, démo, plateforme)',
  lint: 'ESLint et Prettier',
  docs: 'régénère les sections générées de ce README',
  platform: 'la plateforme de référence seule (port `PORT`, 8787 par défaut)',
};

function renderCommands(root) {
  const { scripts = {} } = JSON.parse(read(root, 'package.json'));
  const rows = Object.entries(COMMANDS)
    .filter(([name]) => scripts[name])
    .map(([name, what]) => [code(`npm run ${name}`), what]);
  return table(['commande', 'effet'], rows);
}

// ─── the blocks ─────────────────────────────────────────────────────────────────────────

/**
 * Every block: its name in the README markers, the file or folder it comes from, and its
 * markdown (undefined while the source does not exist).
 */
export async function blocks(root = ROOT) {
  const list = [
    { name: 'commandes', source: 'package.json', render: () => renderCommands(root) },
    { name: 'script', source: 'package.json', render: () => renderScriptTag(root) },
  ];
  const manifestPath = 'custom-elements.json';
  if (exists(root, manifestPath)) {
    const manifest = JSON.parse(read(root, manifestPath));
    const elements = publicElements(root, manifest);
    const base = baseDeclaration(manifest);
    const resolve = typeResolver(root, [BASE_MODULE, ...elements.map((e) => e.module)]);
    list.push({ name: 'attributs-communs', source: manifestPath, render: () => renderCommon(base, resolve) });
    for (const element of elements) {
      list.push({
        name: `element:${element.declaration.tagName}`,
        source: manifestPath,
        render: () => renderElement(element, base, resolve),
      });
    }
  } else {
    list.push({ name: 'attributs-communs', source: manifestPath, render: () => undefined });
  }
  for (const framework of Object.keys(FRAMEWORKS)) {
    list.push({
      name: `exemple:${framework}`,
      source: `examples/${framework}/`,
      render: () => renderExample(root, framework),
    });
  }
  list.push({ name: 'csp', source: 'test/hosts/csp.mjs', render: () => renderCsp(root, false) });
  list.push({ name: 'csp-opendata', source: 'test/hosts/csp.mjs', render: () => renderCsp(root, true) });
  list.push({ name: 'bench', source: 'bench/results.md', render: () => renderBench(root) });
  return list;
}

const MARKERS = /<!-- auto:([\w:.-]+) -->\n?([\s\S]*?)<!-- \/auto:\1 -->/g;

const placeholder = (source) =>
  `> Ce bloc est généré depuis \`${source}\`, qui n’existe pas encore dans le dépôt : \`npm run docs\` le remplira.`;

const renderings = new Map();

/** Every block rendered once per process and root: the sources do not change while it runs. */
function rendered(root) {
  if (!renderings.has(root)) {
    renderings.set(
      root,
      (async () => {
        const all = await blocks(root);
        const status = new Map();
        const contents = new Map();
        for (const block of all) {
          const markdown = await block.render();
          status.set(block.name, markdown === undefined ? 'missing' : 'generated');
          contents.set(block.name, markdown ?? placeholder(block.source));
        }
        return { byName: new Map(all.map((b) => [b.name, b])), status, contents };
      })(),
    );
  }
  return renderings.get(root);
}

/**
 * The README with every block regenerated, formatted by Prettier, and what happened to
 * each block: `generated`, or `missing` (its source does not exist: a placeholder).
 */
export async function regenerate(text, root = ROOT) {
  const { byName, status, contents } = await rendered(root);
  const problems = [];
  const seen = new Set();
  const replaced = text.replace(MARKERS, (whole, name) => {
    if (!byName.has(name)) {
      problems.push(`README has a block "${name}" that scripts/readme.mjs does not generate`);
      return whole;
    }
    seen.add(name);
    return `<!-- auto:${name} -->\n\n${contents.get(name)}\n\n<!-- /auto:${name} -->`;
  });
  for (const name of byName.keys()) {
    if (!seen.has(name)) problems.push(`README has no <!-- auto:${name} --> block`);
  }
  const options = (await prettier.resolveConfig(`${root}/${README}`)) ?? {};
  const formatted = await prettier.format(replaced, { ...options, filepath: `${root}/${README}` });
  return { text: formatted, status, problems };
}

/** The blocks' text as found between their markers. */
export function blockContents(text) {
  return new Map([...text.matchAll(MARKERS)].map((m) => [m[1], m[2].trim()]));
}

/** Blocks whose source exists but whose README text differs from what it generates. */
export async function staleBlocks(text, root = ROOT) {
  const { text: expected, status, problems } = await regenerate(text, root);
  const now = blockContents(text);
  const wanted = blockContents(expected);
  const stale = [...wanted.keys()].filter(
    (name) => status.get(name) === 'generated' && now.get(name) !== wanted.get(name),
  );
  return { stale, status, problems };
}

async function main() {
  const checkOnly = process.argv.includes('--check');
  const text = read(ROOT, README);
  if (checkOnly) {
    const { stale, status, problems } = await staleBlocks(text);
    for (const problem of problems) console.error(`✘ ${problem}`);
    for (const name of stale) console.error(`✘ README block "${name}" is stale: run \`npm run docs\``);
    const missing = [...status].filter(([, s]) => s === 'missing').map(([n]) => n);
    if (missing.length) console.log(`… not checked, source not there yet: ${missing.join(', ')}`);
    if (problems.length || stale.length) process.exit(1);
    console.log(
      `✔ README: ${[...status.values()].filter((s) => s === 'generated').length} generated blocks up to date`,
    );
    return;
  }
  const { text: updated, status, problems } = await regenerate(text);
  for (const problem of problems) console.error(`✘ ${problem}`);
  writeFileSync(`${ROOT}/${README}`, updated);
  for (const [name, s] of status)
    console.log(`${s === 'generated' ? '✔' : '…'} ${name}${s === 'missing' ? ' (source not there yet)' : ''}`);
  if (problems.length) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
