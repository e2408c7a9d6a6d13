import type { Preview } from '@storybook/web-components-vite';

// No page-level DSFR here on purpose: the elements carry their own styles and fonts.
const preview: Preview = {
  parameters: {
    controls: { expanded: true },
  },
};
export default preview;
