import { html, type TemplateResult } from 'lit';

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** `niveau-titre` → a heading level from 2 to 6 (default 2), so an element fits the page outline. */
export function toHeadingLevel(value: unknown, fallback: HeadingLevel = 2): HeadingLevel {
  const level = Math.round(Number(value));
  return level >= 2 && level <= 6 ? (level as HeadingLevel) : fallback;
}

/**
 * A heading at `level` (clamped to 6), with DSFR's heading class of that level unless
 * `className` gives another. Lit templates cannot take a dynamic tag name, hence one
 * template per level.
 */
export function heading(level: number, content: unknown, className = ''): TemplateResult {
  const cls = className || `fr-h${Math.min(level, 6)}`;
  switch (Math.min(Math.max(level, 2), 6)) {
    case 2:
      return html`<h2 class=${cls}>${content}</h2>`;
    case 3:
      return html`<h3 class=${cls}>${content}</h3>`;
    case 4:
      return html`<h4 class=${cls}>${content}</h4>`;
    case 5:
      return html`<h5 class=${cls}>${content}</h5>`;
    default:
      return html`<h6 class=${cls}>${content}</h6>`;
  }
}
