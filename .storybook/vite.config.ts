// Storybook's own Vite config (the project's vite.config.ts serves and builds the demo):
// the shared build plugins, and in the static build (`npm run build-storybook`) the
// Marianne fonts emitted next to the bundle, so they load from wherever it is hosted.
import { defineConfig, type Plugin } from 'vite';
import { sppPlugins } from '../build/plugins.mjs';

export default defineConfig(({ command }) => ({
  plugins: sppPlugins({ emitFonts: command === 'build' }) as Plugin[],
  build: { target: 'es2022', assetsInlineLimit: 0 },
  // Pre-bundled together, once: the style modules import css-tag.js from generated code,
  // Storybook's renderer imports lit/directive-helpers.js, and lazy modules import the
  // localize runtime — found one at a time, each would bring its own copy of Lit.
  optimizeDeps: {
    include: [
      'lit',
      'lit/decorators.js',
      'lit/directive.js',
      'lit/directive-helpers.js',
      '@lit/reactive-element/css-tag.js',
      '@lit/localize',
      '@lit/localize/init/install.js',
      '@lit/localize/internal/runtime-msg.js',
    ],
  },
}));
