// The build-time plugins every tool uses (Vite, Rollup, web-test-runner, Storybook), so
// they all see the same modules and the same CSS.
import { apiSchemas } from './api-schemas.mjs';
import { dataModules } from './data-modules.mjs';
import { dsfrStyles } from './dsfr-styles.mjs';
import { packageVersion } from './package-version.mjs';

/** @param {{ emitFonts?: boolean, fontBase?: string }} [options] */
export function sppPlugins(options = {}) {
  return [dsfrStyles(options), packageVersion(), apiSchemas(), dataModules()];
}
