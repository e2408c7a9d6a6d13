// The page does not scroll behind an open dialog. We touch the host page's own styles as
// little as possible and put back exactly what was there: `overflow` on <html>, plus
// `scrollbar-gutter` when the page had a scrollbar (so the content does not jump sideways).

let locks = 0;
let restore: (() => void) | undefined;

function lock(): () => void {
  const html = document.documentElement;
  const originalAttribute = html.getAttribute('style');
  const hadScrollbar = window.innerWidth - html.clientWidth > 0;
  const changed: [string, string, string][] = [];
  const set = (name: string, value: string) => {
    changed.push([name, html.style.getPropertyValue(name), html.style.getPropertyPriority(name)]);
    html.style.setProperty(name, value, 'important');
  };
  set('overflow', 'hidden');
  if (hadScrollbar) set('scrollbar-gutter', 'stable');
  const ours = html.getAttribute('style');
  return () => {
    // Nobody else changed <html style> meanwhile: put the attribute back as it was, byte for byte.
    if (html.getAttribute('style') === ours) {
      if (originalAttribute === null) {
        html.removeAttribute('style');
        return;
      }
      // Through the CSSOM first: a CSP without 'unsafe-inline' blocks setAttribute('style')
      // (and would leave the page locked), never cssText. The attribute only when the
      // original text was not in the CSSOM's own spelling.
      html.style.cssText = originalAttribute;
      if (html.getAttribute('style') !== originalAttribute) html.setAttribute('style', originalAttribute);
      return;
    }
    // Someone did: restore only the properties we set, and keep their changes.
    for (const [name, value, priority] of changed.reverse()) {
      if (value) html.style.setProperty(name, value, priority);
      else html.style.removeProperty(name);
    }
  };
}

/** Locks the page's scrolling; returns the release (idempotent). Nested locks are counted. */
export function lockScroll(): () => void {
  if (locks++ === 0) restore = lock();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--locks === 0) {
      restore?.();
      restore = undefined;
    }
  };
}
