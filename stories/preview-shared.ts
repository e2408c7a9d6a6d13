// What every story runs in, shared by .storybook/preview.ts and stories/stories.test.ts
// (which renders the stories as Storybook does, without Storybook's runtime).
import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * The page around the element: French (Storybook's own page says `lang="en"`, and an
 * element without `lang` takes the closest one), and dark when the element is, as on a
 * DSFR site in dark mode.
 */
export const page: Decorator = (story, { args }) => {
  const dark = args.theme === 'dark';
  return html`<div
    class="spp-story"
    lang="fr"
    style=${dark ? 'background:#161616;color:#cecece;padding:1rem' : 'padding:1rem'}
  >
    ${story()}
  </div>`;
};

export const decorators: Decorator[] = [page];
