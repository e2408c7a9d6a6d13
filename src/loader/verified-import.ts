// Subresource Integrity for ES modules loaded by import(), which has no `integrity` option.
// Before importing a module, declare it and everything it statically imports with
// <link rel="modulepreload" integrity crossorigin>: the browser fetches each file once,
// checks its hash and keeps the module in the page's module map, where import() then
// finds it. A file that fails its check never runs, and neither does what imports it.
// (link.href is not a Trusted Types sink, unlike script.src: this works under
// `require-trusted-types-for 'script'` without any policy.)

/** A module of the build: [file relative to the loader, its SRI hash, …indices of its static imports]. */
export type IntegrityEntry = [file: string, integrity: string, ...imports: number[]];

export function verifiedImport(files: readonly IntegrityEntry[], base: string): (url: string) => Promise<unknown> {
  const urls = files.map(([file]) => new URL(file, base).href);
  const preloads: Promise<unknown>[] = [];

  const preload = (index: number) =>
    (preloads[index] ??= new Promise((resolve, reject) => {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = 'anonymous';
      link.integrity = files[index][1];
      link.href = urls[index];
      // The module stays in the page's module map once fetched: the link itself can go,
      // leaving the host's <head> as it was.
      link.onload = () => {
        link.remove();
        resolve(undefined);
      };
      link.onerror = () => {
        link.remove();
        const message = `[spp-widgets] ${urls[index]} not loaded: it does not match its integrity hash, or could not be fetched.`;
        console.error(message);
        reject(new Error(message));
      };
      document.head.append(link);
    }));

  const closure = (index: number, seen: Set<number>) => {
    if (seen.has(index)) return seen;
    seen.add(index);
    for (const dependency of files[index].slice(2) as number[]) closure(dependency, seen);
    return seen;
  };

  return async (url) => {
    const index = urls.indexOf(url);
    // Nothing unverified runs: a module this version does not know is refused.
    if (index < 0) throw new Error(`[spp-widgets] ${url} is not in this version's integrity list.`);
    await Promise.all([...closure(index, new Set())].map(preload));
    return import(/* @vite-ignore */ url);
  };
}
