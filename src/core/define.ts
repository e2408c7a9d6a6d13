// Registering an element, safe against the library being loaded twice on a page (a theme
// and a plugin each adding the script, two versions during an upgrade). Lit-free, so
// light elements can use it too.

const VERSION_WARNING = Symbol.for('spp-widgets.version-warning');
type WarnedGlobal = typeof globalThis & { [VERSION_WARNING]?: true };

/** An element class that says which version of the library defined it. */
export type VersionedElement = CustomElementConstructor & { readonly version?: string };

/**
 * Defines `tag` once. The same version again is silently ignored, another version is
 * ignored with one console warning per page (the first definition stays), and nothing
 * ever throws.
 */
export function defineElement(tag: string, element: VersionedElement): void {
  const existing = customElements.get(tag) as VersionedElement | undefined;
  if (!existing) {
    try {
      customElements.define(tag, element);
    } catch (error) {
      console.warn(`[spp-widgets] <${tag}> could not be defined: ${(error as Error).message}`);
    }
    return;
  }
  if (existing === element || existing.version === element.version) return;
  const page = globalThis as WarnedGlobal;
  if (page[VERSION_WARNING]) return;
  page[VERSION_WARNING] = true;
  console.warn(
    `[spp-widgets] version ${element.version} ignored: version ${existing.version ?? '?'} is already in use.`,
  );
}
