// Where the platform API is. An element's `api-base` wins, then the page's setting (the
// loader's `data-api-base`, or `configure({ apiBase })`), else none: without a platform
// every element uses its public fallback (bundled engagements, open data, links).

const PAGE_CONFIG = Symbol.for('spp-widgets.config');

export interface PageConfig {
  /** The URL that precedes `/v1/` (e.g. `https://www.example.gouv.fr/api`). */
  apiBase?: string;
}

type ConfigGlobal = typeof globalThis & { [PAGE_CONFIG]?: PageConfig };

/** Page-level settings, shared with the CDN loader (which fills them from its script tag). */
export function pageConfig(): PageConfig {
  const page = globalThis as ConfigGlobal;
  return (page[PAGE_CONFIG] ??= {});
}

/**
 * Dispatched on `document` by `configure()`: elements already on the page re-read the
 * settings (an event, so that it also reaches elements of another copy of the library).
 */
export const CONFIG_EVENT = 'spp-config';

/** Sets page-level options for every element on the page (also those already there). */
export function configure(options: PageConfig): void {
  Object.assign(pageConfig(), options);
  document.dispatchEvent(new Event(CONFIG_EVENT));
}

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;
const warned = new Set<string>();

/**
 * The API base as an absolute URL without trailing slash, or undefined when none is set
 * or it is not allowed: only `https:`, or `http:` on the loopback (local development).
 */
export function resolveApiBase(attribute: string | null | undefined): string | undefined {
  const raw = attribute?.trim() || pageConfig().apiBase?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw, document.baseURI);
  } catch {
    url = undefined;
  }
  const allowed = url && (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname)));
  if (url && allowed) return url.href.replace(/\/+$/, '');
  if (!warned.has(raw)) {
    warned.add(raw);
    console.warn(`[spp-widgets] api-base "${raw}" ignored: only https: URLs (or http://localhost) are allowed.`);
  }
  return undefined;
}
