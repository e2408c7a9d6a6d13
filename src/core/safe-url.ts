/**
 * The only way a string from an attribute or the API becomes a link or an image: it must
 * parse as an absolute or page-relative URL with an http(s) scheme. `javascript:`,
 * `data:`, `blob:` and anything unparsable give `undefined`, and the caller renders text.
 */
export function safeUrl(value: string | null | undefined, base: string = document.baseURI): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
