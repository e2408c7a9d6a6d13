export function sppPlugins(options?: { emitFonts?: boolean; fontBase?: string }): unknown[];
