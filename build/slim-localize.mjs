// `@lit/localize` in the CDN bundle: only msg() and str, which is all the elements import.
// The package's index also re-exports its whole runtime (configureLocalization, the
// transform mode, the localized controller), kept for their side effects: about 0.8 kB
// gzip on every page, French ones included, where msg() alone is enough (see
// core/locale.ts). The same bindings, so installing the per-element runtime still works.
const SLIM = '\0spp:lit-localize';

export function slimLocalize() {
  return {
    name: 'spp-slim-localize',
    resolveId: (source) => (source === '@lit/localize' ? SLIM : null),
    load: (id) =>
      id === SLIM
        ? "export { msg } from '@lit/localize/init/install.js';\nexport { str } from '@lit/localize/internal/str-tag.js';\n"
        : null,
  };
}
