// The one style pipeline, as a Rollup-compatible plugin: Vite uses it directly, the
// Rollup build too, and web-test-runner through @web/dev-server-rollup's fromRollup(),
// so tests run the very CSS the CDN ships.
//
// Modules it provides:
//   ~spp/dsfr/<chunk>                a DSFR chunk (see dsfr-chunks.mjs) as a shared CSSResult
//   ./x.styles.css                   an element's own stylesheet, same rewriting, as a CSSResult
//   ~spp/fonts                       the Marianne faces' URLs (emitted next to the bundle at build)
//   ~spp/dsfr/artwork                the bloc marque artwork as Lit svg templates
//   ~spp/dsfr/icon/<family>/<name>   one DSFR icon as a Lit svg template
//   ~spp/dsfr/pictogram/<family>/<name>  one DSFR pictogram as a Lit svg template
// (`~spp/…` is not a valid URL, so every dev server hands these ids to the plugin.)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform as lightningTransform } from 'lightningcss';
import { DSFR_CHUNKS, MARIANNE_FACES } from './dsfr-chunks.mjs';
import { createUsage, cssForShadowRoot, rewriteRem } from './css-for-shadow-root.mjs';

const require = createRequire(import.meta.url);
export const DSFR_DIST = join(dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist');
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PREFIX = '\0spp:';
const STYLES_SUFFIX = '.styles.css';

/** Source files whose class names, element names and custom properties count as "used". */
function sourceFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'generated') files.push(...sourceFiles(path));
    } else if (/\.(ts|css)$/.test(name) && !/\.(test|stories|d)\.ts$/.test(name)) {
      files.push(path);
    }
  }
  return files;
}

/** Scans our own templates and styles: what DSFR rules can ever match in our shadow roots. */
export function scanUsage(srcDir = join(PROJECT_ROOT, 'src')) {
  const classes = new Set();
  const tags = new Set();
  const properties = new Set();
  const inputTypes = new Set();
  let anyInputType = false;
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const [m] of text.matchAll(/\bfr-[\w-]+/g)) classes.add(m);
    // type="radio" in a template; { type: 'button' }, input.type = 'email' or
    // setAttribute('type', 'search') in code.
    for (const [, t] of text.matchAll(/\btype(?:\s*[=:]\s*|["'],\s*)["']?([a-z-]+)/g)) inputTypes.add(t);
    // A type from a variable: keep every [type=…] selector.
    if (/\btype=["']?\$\{/.test(text)) anyInputType = true;
    for (const [, t] of text.matchAll(/<([a-z][a-z0-9]*)[\s>/]/g)) tags.add(t);
    for (const [m] of text.matchAll(/--[a-z][\w-]*/g)) properties.add(m);
    // Pictogram modules draw their layers with these classes (see pictogramModule).
    if (text.includes('~spp/dsfr/pictogram/')) {
      for (const layer of ['decorative', 'minor', 'major']) classes.add(`fr-artwork-${layer}`);
    }
  }
  return createUsage({ classes, tags, properties, inputTypes: anyInputType ? undefined : inputTypes });
}

export function minifyCss(css, filename = 'chunk.css') {
  const { code } = lightningTransform({ filename, code: Buffer.from(css), minify: true });
  return code.toString();
}

function readChunkSource(name) {
  const files = DSFR_CHUNKS[name];
  if (!files) throw new Error(`Unknown DSFR chunk "${name}" (known: ${Object.keys(DSFR_CHUNKS).join(', ')})`);
  return files.map((f) => readFileSync(join(DSFR_DIST, f), 'utf8')).join('\n');
}

const referencedProperties = (css) => [...css.matchAll(/var\(\s*(--[\w-]+)/g)].map(([, name]) => name);

/**
 * Builds every DSFR chunk for one usage scan. Component chunks are built first: the
 * tokens they reference must survive in `core`, which declares them all.
 * @returns {Map<string, { css: string, source: string, fontFaces: string[], droppedUrls: string[] }>}
 */
export function buildDsfrChunks(usage = scanUsage()) {
  const chunks = new Map();
  const properties = new Set(usage.properties);
  for (const name of Object.keys(DSFR_CHUNKS)) {
    if (name === 'core') continue;
    const source = readChunkSource(name);
    const result = cssForShadowRoot(source, { usage });
    referencedProperties(result.css).forEach((p) => properties.add(p));
    chunks.set(name, { ...result, source, css: minifyCss(result.css, `${name}.css`) });
  }
  const source = readChunkSource('core');
  const core = cssForShadowRoot(source, { usage: { ...usage, properties } });
  chunks.set('core', { ...core, source, css: minifyCss(core.css, 'core.css') });
  return chunks;
}

/** An element's own stylesheet: only the rem rewrite and minification (never pruned). */
export function buildElementCss(path) {
  const source = readFileSync(path, 'utf8');
  const { css } = cssForShadowRoot(source);
  return minifyCss(css, path);
}

// css-tag alone (not 'lit'), so an element that is not a LitElement can adopt the same
// shared sheet (`result.styleSheet`) without pulling Lit's renderer into its bundle.
const cssResultModule = (css) =>
  `import { unsafeCSS } from '@lit/reactive-element/css-tag.js';\nexport default /*#__PURE__*/ unsafeCSS(${JSON.stringify(css)});\n`;

/** A static SVG fragment as a Lit `svg` template: built from the package, never user data. */
function svgTemplateModule(exports) {
  const body = Object.entries(exports)
    .map(([name, markup]) => {
      if (/[`\\]|\$\{/.test(markup)) throw new Error(`Unexpected characters in SVG "${name}"`);
      return `export const ${name} = svg\`${markup}\`;`;
    })
    .join('\n');
  return `import { svg } from 'lit';\n${body}\n`;
}

function dataUriSvgs(css) {
  return [...css.matchAll(/url\("data:image\/svg\+xml;charset=utf8,([^"]*)"\)/g)].map(([, d]) => decodeURIComponent(d));
}

/**
 * The Marianne and the « Liberté Égalité Fraternité » devise, taken from the published
 * DSFR logo stylesheet (where they are data: URIs) and turned into inline SVG content,
 * so the bloc marque needs no `img-src data:` in the host's CSP.
 */
export function logoArtwork() {
  const css = readFileSync(join(DSFR_DIST, 'component/logo/logo.main.css'), 'utf8');
  const [marianneSvg, deviseSvg] = dataUriSvgs(css);
  const inner = (s) => s.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
  // The Marianne sprite is drawn 1 unit higher than the 44×16 flag it sits on.
  const marianne = `<g transform="translate(0 -1)">${inner(marianneSvg)}</g>`;
  // The devise sheet holds the same symbol twice (black for light, white for dark):
  // keep the symbol definitions and draw it once in currentColor.
  const devise = inner(deviseSvg)
    .replace(/<use fill='#000'[^>]*\/><use fill='#fff'[^>]*\/>$/, '')
    .replace(/id='(\w)'/g, "id='spp-devise-$1'")
    .replace(/href='#(\w)'/g, "href='#spp-devise-$1'");
  return {
    marianne,
    devise: `${devise}<use fill="currentColor" width="126" height="90" href="#spp-devise-n"/>`,
  };
}

/**
 * A DSFR pictogram (artwork/pictograms/…): its <symbol>s become groups with the DSFR
 * artwork classes, whose colours come from the core chunk (light and dark).
 */
export function pictogramModule(family, name) {
  const file = join(DSFR_DIST, 'artwork', 'pictograms', family, `${name}.svg`);
  const svg = readFileSync(file, 'utf8');
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1] ?? '0 0 80 80';
  const layers = [...svg.matchAll(/<symbol id="artwork-(\w+)">([\s\S]*?)<\/symbol>/g)]
    .map(([, layer, paths]) => `<g class="fr-artwork-${layer}">${paths.replace(/\s+/g, ' ').trim()}</g>`)
    .join('');
  if (!layers) throw new Error(`No artwork layers in ${file}`);
  return `${svgTemplateModule({ content: layers })}export const viewBox = ${JSON.stringify(viewBox)};\n`;
}

export function iconModule(family, name) {
  const file = join(DSFR_DIST, 'icons', family, `${name}.svg`);
  const svg = readFileSync(file, 'utf8').trim();
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1] ?? '0 0 24 24';
  const content = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
  return `${svgTemplateModule({ content })}export const viewBox = ${JSON.stringify(viewBox)};\n`;
}

/**
 * @param {{ emitFonts?: boolean, fontBase?: string }} [options]
 *   emitFonts: copy the woff2 files into the output (Rollup/Vite build). Otherwise the
 *   URLs point at `fontBase` (default: the package inside node_modules, for dev servers).
 */
export function dsfrStyles({ emitFonts = false, fontBase = '/node_modules/@gouvfr/dsfr/dist/fonts/' } = {}) {
  let chunks;
  return {
    name: 'spp-dsfr-styles',
    enforce: 'pre',
    buildStart() {
      chunks = undefined;
    },
    resolveId(source, importer) {
      if (source.startsWith('~spp/dsfr/') || source === '~spp/fonts') return PREFIX + source.slice(5);
      if (source.endsWith(STYLES_SUFFIX) && importer) {
        const path = resolve(dirname(importer.replace(/^\0spp:styles:/, '').split('?')[0]), source);
        // The `.js` ending keeps Vite's own CSS handling away from this module.
        return `${PREFIX}styles:${path}.js`;
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const key = id.slice(PREFIX.length);
      if (key.startsWith('dsfr/icon/')) {
        const [family, name] = key.slice('dsfr/icon/'.length).split('/');
        this.addWatchFile?.(join(DSFR_DIST, 'icons', family, `${name}.svg`));
        return iconModule(family, name);
      }
      if (key.startsWith('dsfr/pictogram/')) {
        const [family, name] = key.slice('dsfr/pictogram/'.length).split('/');
        return pictogramModule(family, name);
      }
      if (key === 'dsfr/artwork') return svgTemplateModule(logoArtwork());
      if (key.startsWith('dsfr/')) {
        chunks ??= buildDsfrChunks();
        const chunk = chunks.get(key.slice('dsfr/'.length));
        if (!chunk) throw new Error(`Unknown DSFR chunk "${key}" (known: ${[...chunks.keys()].join(', ')})`);
        return cssResultModule(chunk.css);
      }
      if (key.startsWith('styles:')) {
        const path = key.slice('styles:'.length, -'.js'.length);
        this.addWatchFile?.(path);
        return cssResultModule(buildElementCss(path));
      }
      if (key === 'fonts') return fontsModule.call(this, { emitFonts, fontBase });
      return null;
    },
  };
}

function fontsModule({ emitFonts, fontBase }) {
  const faces = MARIANNE_FACES.map((face) => {
    let url;
    if (emitFonts) {
      const ref = this.emitFile({
        type: 'asset',
        name: face.file,
        source: readFileSync(join(DSFR_DIST, 'fonts', face.file)),
      });
      url = `import.meta.ROLLUP_FILE_URL_${ref}`;
    } else {
      url = `new URL(${JSON.stringify(fontBase + face.file)}, location.href).href`;
    }
    return `{ family: 'Marianne', weight: ${JSON.stringify(face.weight)}, style: ${JSON.stringify(face.style)}, url: ${url} }`;
  });
  return `export const marianneFaces = [${faces.join(', ')}];\n`;
}

export { rewriteRem };
