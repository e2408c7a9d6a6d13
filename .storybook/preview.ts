import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import manifest from '../custom-elements.json';
import { eventNames } from '../stories/manifest-args.js';
import { decorators } from '../stories/preview-shared.js';

// The docs (descriptions, types, defaults, events, parts, slots, CSS properties) are
// custom-elements.json's, generated from the elements' JSDoc.
setCustomElementsManifest(manifest);

// No page-level DSFR here on purpose: the elements carry their own styles and fonts.
const preview: Preview = {
  tags: ['autodocs'],
  decorators: [...decorators, withActions],
  parameters: {
    controls: { expanded: true },
    // The elements' spp-* events, in the Actions panel.
    actions: { handles: eventNames },
    docs: { toc: true },
  },
};
export default preview;
