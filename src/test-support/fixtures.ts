// Fixture files that tests read with fetch() while stories import the same files as
// modules (test/server/stories-modules.mjs answers both on one URL).

/**
 * Reads a JSON fixture without leaving it in the browser's cache: a cached copy would be
 * handed to a later test page's `import` of the same URL, which then fails on its MIME type.
 */
export async function fetchJsonFixture<T = unknown>(url: URL | string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`Fixture ${String(url)}: ${response.status}`);
  return (await response.json()) as T;
}
