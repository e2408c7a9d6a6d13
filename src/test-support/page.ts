// Helpers for browser tests that change the page around the elements. Each returns a
// function that puts the page back, so tests stay independent.

/** Adds a stylesheet to the page and waits until it is applied. */
export async function addStylesheet(href: string): Promise<() => void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise<void>((resolve, reject) => {
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`Stylesheet not loaded: ${href}`));
  });
  document.head.append(link);
  await loaded;
  return () => link.remove();
}

/** Adds CSS rules to the page (through a constructed sheet: no <style> needed). */
export function addPageCss(css: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/** Sets (or removes, with null) an attribute of <html>. */
export function setHtmlAttribute(name: string, value: string | null): () => void {
  const html = document.documentElement;
  const previous = html.getAttribute(name);
  if (value === null) html.removeAttribute(name);
  else html.setAttribute(name, value);
  return () => {
    if (previous === null) html.removeAttribute(name);
    else html.setAttribute(name, previous);
  };
}

/** Waits for the MutationObserver callbacks and the resulting Lit updates. */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

export const DSFR_FULL_CSS = '/node_modules/@gouvfr/dsfr/dist/dsfr.min.css';

/**
 * Polls until `condition` holds (for changes driven by observers and async loads). The
 * default allows for a loaded CI machine: a passing test never waits that long.
 */
export async function waitFor(condition: () => boolean, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
