// Modules generated at build time by build/dsfr-styles.mjs (see its header).

declare module '~spp/dsfr/artwork' {
  import type { SVGTemplateResult } from 'lit';
  /** The Marianne of the bloc marque, in a 44×16 viewBox over the flag. */
  export const marianne: SVGTemplateResult;
  /** « Liberté Égalité Fraternité », in a 126×90 viewBox, drawn in currentColor. */
  export const devise: SVGTemplateResult;
}

declare module '~spp/dsfr/icon/*' {
  import type { SVGTemplateResult } from 'lit';
  export const content: SVGTemplateResult;
  export const viewBox: string;
}

declare module '~spp/dsfr/pictogram/*' {
  import type { SVGTemplateResult } from 'lit';
  /** The pictogram's layers, as groups with the DSFR `fr-artwork-*` classes. */
  export const content: SVGTemplateResult;
  export const viewBox: string;
}

declare module '~spp/dsfr/*' {
  import type { CSSResult } from 'lit';
  const styles: CSSResult;
  export default styles;
}

declare module '*.styles.css' {
  import type { CSSResult } from 'lit';
  const styles: CSSResult;
  export default styles;
}

declare module '~spp/fonts' {
  export interface FontFaceSource {
    family: string;
    weight: string;
    style: string;
    url: string;
  }
  export const marianneFaces: readonly FontFaceSource[];
}

declare module '~spp/version' {
  /** The package version, from package.json. */
  export const version: string;
}

declare module '~spp/cdn-manifest' {
  /**
   * Tag name → its element module, then every module that one imports statically, relative
   * to the loader (written by the CDN build).
   */
  const manifest: Readonly<Record<string, readonly string[]>>;
  export default manifest;
}

declare module '~spp/api-schema/*' {
  import type { Shape } from './api/shape.js';
  /** A response shape of platform/openapi.yaml, with the definitions it references. */
  const shape: Shape;
  export default shape;
}

declare module '~spp/data/*' {
  /** A JSON file of data/ (see build/data-modules.mjs); type it where it is imported. */
  const data: unknown;
  export default data;
}
