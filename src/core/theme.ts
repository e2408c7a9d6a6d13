import { prefersDark } from './document-observer.js';

export type ThemeSetting = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

/**
 * The theme an element shows: its own `theme` attribute wins (`system` follows the
 * operating system), else a DSFR host's `<html data-fr-theme>`, else light — which is
 * also what DSFR does on a page that has not opted into dark mode.
 */
export function resolveTheme(setting: string | null | undefined): Theme {
  if (setting === 'light' || setting === 'dark') return setting;
  if (setting === 'system') return prefersDark() ? 'dark' : 'light';
  return document.documentElement.getAttribute('data-fr-theme') === 'dark' ? 'dark' : 'light';
}

/** Mirrors the resolved theme and the page's mourning flag onto the host element. */
export function applyTheme(host: HTMLElement, setting: string | null | undefined): void {
  const theme = resolveTheme(setting);
  if (host.getAttribute('data-fr-theme') !== theme) host.setAttribute('data-fr-theme', theme);
  const mourning = document.documentElement.hasAttribute('data-fr-mourning');
  if (host.hasAttribute('data-fr-mourning') !== mourning) host.toggleAttribute('data-fr-mourning', mourning);
}
