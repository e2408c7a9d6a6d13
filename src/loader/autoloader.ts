// Loads each element's code the first time its tag appears in the page, now or later
// (SPAs add elements after load). Knows nothing of the elements themselves.

export interface AutoloaderOptions {
  /**
   * Tag → its module, then the modules that one imports statically (relative to `base`):
   * all are requested at once, not discovered one level of imports after the other.
   */
  manifest: Readonly<Record<string, readonly string[]>>;
  /** Where the module URLs are relative to (the loader script's own URL). */
  base: string;
  /** How to load a module: `import()` (replaceable for tests). */
  importModule?: (url: string) => Promise<unknown>;
  root?: Document;
}

export interface Autoloader {
  /** Tags whose module has been requested. */
  readonly requested: ReadonlySet<string>;
  /** Stops watching the page (it also stops by itself once every tag is loaded). */
  stop(): void;
}

export function startAutoloader({
  manifest,
  base,
  importModule = (url) => import(/* @vite-ignore */ url),
  root = document,
}: AutoloaderOptions): Autoloader {
  const pending = new Set(Object.keys(manifest));
  const requested = new Set<string>();
  const selector = () => [...pending].join(',');

  const load = (tag: string) => {
    pending.delete(tag);
    requested.add(tag);
    const [url, ...imports] = manifest[tag].map((file) => new URL(file, base).href);
    // An import that fails makes the element's module fail too, which is reported below.
    for (const dependency of imports) importModule(dependency).catch(() => undefined);
    importModule(url).catch((error: unknown) => {
      // Leave the tag undefined (its fallback content, if any, stays visible) and say why.
      console.error(`[spp-widgets] could not load <${tag}> from ${url}:`, error);
    });
  };

  const scan = (node: ParentNode) => {
    if (pending.size === 0) return;
    for (const element of node.querySelectorAll(selector())) {
      const tag = element.localName;
      if (pending.has(tag)) load(tag);
      if (pending.size === 0) break;
    }
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        const element = node as Element;
        if (pending.has(element.localName)) load(element.localName);
        scan(element);
      }
    }
    if (pending.size === 0) observer.disconnect();
  });

  scan(root);
  if (pending.size > 0) observer.observe(root.documentElement, { childList: true, subtree: true });

  return {
    requested,
    stop: () => observer.disconnect(),
  };
}
