// What both CDN loaders do when their script runs: once per page, read the page settings
// from their own script tag and start loading the elements present.
import { version } from '~spp/version';
import manifest from '~spp/cdn-manifest';
import { pageConfig } from '../core/api/config.js';
import { startAutoloader } from './autoloader.js';
import { reserveSpace } from './reservations.js';

const LOADER = Symbol.for('spp-widgets.loader');
type LoaderGlobal = typeof globalThis & { [LOADER]?: string };

/** `importer` gives how to import a module, from the loader's URL (default: `import()`). */
export function boot(importer?: (base: string) => (url: string) => Promise<unknown>): void {
  const page = globalThis as LoaderGlobal;
  if (page[LOADER] === undefined) {
    page[LOADER] = version;
    const script = document.currentScript as HTMLScriptElement | null;
    // Modules are found relative to this script, wherever the site serves it from.
    const base = script?.src || document.baseURI;
    // Page-level settings from the script tag: <script src="…" data-api-base="https://…/api">
    // (not configure(): the elements it loads are not defined yet, there is no one to tell).
    const config = pageConfig();
    if (script?.dataset.apiBase) config.apiBase = script.dataset.apiBase;
    // Elements the parser adds later (a plain script in <head>) are seen by its observer.
    startAutoloader({ manifest, base, importModule: importer?.(base) });
    // In the same task, so before anything renders (and the modules are already on their
    // way): the page does not move when the elements appear.
    reserveSpace(Boolean(config.apiBase?.trim()));
  } else if (page[LOADER] !== version) {
    console.warn(`[spp-widgets] loader ${version} ignored: version ${page[LOADER]} is already loading the elements.`);
  }
}
