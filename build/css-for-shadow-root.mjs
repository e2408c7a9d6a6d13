// Turns page-level DSFR CSS into CSS that works inside a shadow root.
//
// Steps (in order): drop page-only at-rules and rules, rewrite :root / body / theme
// attribute selectors to :host, remove every url() (relative URLs would resolve against
// the host page; data: URIs break a strict `img-src` CSP; icons and the bloc marque
// artwork are rendered as inline SVG instead), rewrite rem so host pages with
// `html { font-size: 62.5% }` cannot shrink us, prune selectors that name classes or
// elements our templates never use, then custom properties and keyframes nobody
// references. Minification is left to the caller.
import postcss from 'postcss';
import selectorParser from 'postcss-selector-parser';

/** `1.5rem` → `calc(var(--spp-rem)*1.5)`; `--spp-rem` is the user's default font size. */
export function rewriteRem(value) {
  return value.replace(/(^|[^\w.-])(-?\d*\.?\d+)rem\b/g, (_, before, n) =>
    n === '0' ? `${before}0` : `${before}calc(var(--spp-rem)*${n})`,
  );
}

const THEME_ATTRIBUTES = /^data-fr-(theme|mourning)$/;

/**
 * Rewrites one selector for a shadow root. Returns null when the selector only makes
 * sense on the page itself (`html`, `:root body`, scroll locking…).
 */
export function rewriteSelector(selector) {
  let dropped = false;
  const out = selectorParser((selectors) => {
    selectors.each((sel) => {
      // A selector is a flat list of nodes; its head is everything before the first combinator.
      const head = [];
      for (const node of sel.nodes) {
        if (node.type === 'combinator') break;
        head.push(node);
      }
      const isRoot = head.some((n) => n.type === 'pseudo' && n.value === ':root');
      const isBody = head.length === 1 && head[0].type === 'tag' && head[0].value === 'body';
      const isHtml = head.some((n) => n.type === 'tag' && n.value === 'html');
      const themeOnly =
        head.length > 0 && head.every((n) => n.type === 'attribute' && THEME_ATTRIBUTES.test(n.attribute));
      if (isHtml) return void (dropped = true);
      if (!isRoot && !isBody && !themeOnly) return;
      // `:root body` and `:root[data-fr-scrolling] body` style the page, not us.
      const rest = sel.nodes.slice(head.length);
      if (isRoot && rest.some((n) => n.type === 'tag' && (n.value === 'body' || n.value === 'html'))) {
        return void (dropped = true);
      }
      if (isRoot && head.some((n) => n.type === 'attribute' && !THEME_ATTRIBUTES.test(n.attribute))) {
        return void (dropped = true);
      }
      const attributes = head.filter((n) => n.type === 'attribute').map((n) => n.toString());
      const host = attributes.length ? `:host(${attributes.join('')})` : ':host';
      head.forEach((n) => n.remove());
      sel.prepend(selectorParser.pseudo({ value: host }));
    });
  }).processSync(selector);
  return dropped ? null : out;
}

/**
 * A class prefix that `[class^=fr-icon-]` or `[class*=" fr-icon-"]` needs (DSFR's icon,
 * pictogram and ratio helpers select this way), else undefined.
 */
function classPrefix(node) {
  if (node.attribute !== 'class' || typeof node.value !== 'string') return undefined;
  const value =
    node.operator === '^='
      ? node.value
      : node.operator === '*=' && node.value.startsWith(' ')
        ? node.value.slice(1)
        : '';
  return value.startsWith('fr-') ? value : undefined;
}

/**
 * Class names (`fr-…`), class prefixes, `type` attribute values (`[type=range]`) and element
 * names a selector needs, outside of :not().
 */
function requirements(selector) {
  const classes = [];
  const prefixes = [];
  const inputTypes = [];
  const tags = [];
  selectorParser((selectors) => {
    selectors.walk((node) => {
      let parent = node.parent;
      while (parent) {
        if (parent.type === 'pseudo' && [':not', ':is', ':where', ':has'].includes(parent.value)) return;
        parent = parent.parent;
      }
      if (node.type === 'class' && node.value.startsWith('fr-')) classes.push(node.value);
      const prefix = node.type === 'attribute' ? classPrefix(node) : undefined;
      if (prefix) prefixes.push(prefix);
      if (node.type === 'attribute' && node.attribute === 'type' && node.operator === '=') inputTypes.push(node.value);
      if (node.type === 'tag') tags.push(node.value.toLowerCase());
    });
  }).processSync(selector);
  return { classes, prefixes, inputTypes, tags };
}

/**
 * What our templates use. `classes` may hold prefixes ending in `-` (from
 * `fr-btn--${variant}`), which keep every class starting with them. Without `inputTypes`,
 * every `[type=…]` selector is kept.
 */
export function createUsage({ classes, tags, properties, inputTypes }) {
  const used = [...classes];
  const prefixes = used.filter((c) => c.endsWith('-'));
  return {
    hasClass: (c) => classes.has(c) || prefixes.some((p) => c.startsWith(p)),
    /** Some class we use (or may build from a prefix) starts with `start`. */
    hasClassStarting: (start) => used.some((c) => c.startsWith(start)) || prefixes.some((p) => start.startsWith(p)),
    hasTag: (t) => tags.has(t) || t === '*' || t.includes('-'),
    hasInputType: (t) => !inputTypes || inputTypes.has(t),
    properties,
  };
}

function keepSelector(selector, usage) {
  if (selector.startsWith(':host') && !selector.includes(' ')) return true;
  const { classes, prefixes, inputTypes, tags } = requirements(selector);
  return (
    classes.every(usage.hasClass) &&
    prefixes.every(usage.hasClassStarting) &&
    inputTypes.every(usage.hasInputType) &&
    tags.every(usage.hasTag)
  );
}

const PAGE_ONLY_AT_RULES = new Set(['charset', 'font-face', 'import', 'page', '-moz-document']);

/**
 * @param {string} css
 * @param {{ usage?: ReturnType<typeof createUsage>, typographyHost?: boolean }} options
 * @returns {{ css: string, fontFaces: string[], droppedUrls: string[] }}
 */
export function cssForShadowRoot(css, { usage } = {}) {
  const root = postcss.parse(css);
  const fontFaces = [];
  const droppedUrls = [];

  root.walkAtRules((rule) => {
    if (!PAGE_ONLY_AT_RULES.has(rule.name)) return;
    if (rule.name === 'font-face') fontFaces.push(rule.toString());
    rule.remove();
  });
  // Keep the licence banner, drop every other comment.
  root.walkComments((c) => {
    if (!c.text.startsWith('!')) c.remove();
  });

  root.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/.test(rule.parent.name)) return;
    const selectors = rule.selectors
      .map(rewriteSelector)
      .filter((s) => s !== null)
      .filter((s) => !usage || keepSelector(s, usage));
    if (selectors.length === 0) return void rule.remove();
    rule.selectors = [...new Set(selectors)];
  });

  root.walkDecls((decl) => {
    if (/url\(/i.test(decl.value)) {
      droppedUrls.push(`${decl.parent.selector} { ${decl.prop} }`);
      return void decl.remove();
    }
    // The page's `body` font-size becomes the host's, which must not follow the page's
    // root font size: `medium` is the user's default (what 1rem is on a normal page).
    if (decl.parent.selector === ':host' && decl.prop === 'font-size' && decl.value === '1rem') {
      decl.value = 'medium';
      return;
    }
    decl.value = rewriteRem(decl.value);
  });

  if (usage) pruneUnreferenced(root, usage);
  removeEmpty(root);
  return { css: root.toString(), fontFaces, droppedUrls };
}

/** Drops custom properties and keyframes that no kept declaration (or our source) uses. */
function pruneUnreferenced(root, usage) {
  const declared = new Map();
  root.walkDecls(/^--/, (decl) => {
    if (!declared.has(decl.prop)) declared.set(decl.prop, []);
    declared.get(decl.prop).push(decl);
  });
  const referenced = new Set(usage.properties);
  const pending = [];
  const scan = (value) => {
    for (const [, name] of value.matchAll(/var\(\s*(--[\w-]+)/g)) {
      if (!referenced.has(name)) {
        referenced.add(name);
        pending.push(name);
      }
    }
  };
  root.walkDecls((decl) => {
    if (!decl.prop.startsWith('--')) scan(decl.value);
  });
  for (const name of [...referenced]) pending.push(name);
  while (pending.length) {
    for (const decl of declared.get(pending.pop()) ?? []) scan(decl.value);
  }
  for (const [name, decls] of declared) if (!referenced.has(name)) decls.forEach((d) => d.remove());

  const animations = new Set();
  root.walkDecls(/^animation(-name)?$/, (decl) => {
    for (const word of decl.value.split(/[\s,]+/)) animations.add(word);
  });
  root.walkAtRules(/keyframes$/, (rule) => {
    if (!animations.has(rule.params)) rule.remove();
  });
}

function removeEmpty(root) {
  let changed = true;
  while (changed) {
    changed = false;
    root.walk((node) => {
      if ((node.type === 'rule' || node.type === 'atrule') && node.nodes && node.nodes.length === 0) {
        node.remove();
        changed = true;
      }
    });
  }
}
