// Storybook's own Vite config (the project's vite.config.ts serves and builds the demo):
// the shared build plugins, and in the static build (`npm run build-storybook`) the
// Marianne fonts emitted next to the bundle, so they load from wherever it is hosted.
import { defineConfig, type Plugin } from 'vite';
import { sppPlugins } from '../build/plugins.mjs';

export default defineConfig(({ command }) => ({
  plugins: sppPlugins({ emitFonts: command === 'build' }) as Plugin[],
  build: { target: 'es2022', assetsInlineLimit: 0 },
}));
