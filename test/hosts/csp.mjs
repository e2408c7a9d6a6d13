// The Content-Security-Policy a host page needs for spp-widgets: the single source of
// truth (the README's CSP section and the demo's configurator show what hostCsp() returns,
// and the hostile-host tests serve exactly that). Every source listed is proven necessary
// by test/hostile/csp.test.ts (removing it breaks something), and nothing else is allowed.

/** The open data portal <spp-resultats source="opendata"> reads (Opendatasoft Explore API). */
export const OPENDATA_ORIGIN = 'https://opendata.plus.transformation.gouv.fr';

/**
 * The Trusted Types policies the code creates: Lit renders its templates through one
 * policy named `lit-html` (nothing else creates one). If the page itself, or a second copy
 * of Lit, also creates `lit-html`, add 'allow-duplicates' to `trusted-types`.
 */
export const TRUSTED_TYPES_POLICIES = ['lit-html'];

/**
 * The policy, as the header value. `cdn`: where spp-widgets.js and its modules and fonts
 * come from; `api`: the platform's origin (what precedes /v1/, origin only); `opendata`:
 * <spp-resultats> reads the public open data; `images`: the origins of logo-src / photo-src.
 *
 * No style-src at all: the elements style themselves with constructed stylesheets
 * (adoptedStyleSheets), which CSP does not govern, and never with <style> or style="".
 * No img-src unless logos or photos are used: icons and the Marianne are inline SVG.
 * A page merges its own sources (its stylesheets, its scripts) into these directives.
 *
 * @param {{ cdn: string, api: string, opendata?: boolean, images?: string[] }} options
 * @returns {string}
 */
export function hostCsp({ cdn, api, opendata = false, images = [] }) {
  const directives = [
    ['default-src', ["'none'"]],
    ['script-src', [cdn]],
    ['connect-src', unique([api, ...(opendata ? [OPENDATA_ORIGIN] : [])])],
    ['font-src', [cdn]],
    ...(images.length ? [['img-src', unique(images)]] : []),
    ['require-trusted-types-for', ["'script'"]],
    ['trusted-types', TRUSTED_TYPES_POLICIES],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

const unique = (values) => [...new Set(values)];

/** What the hostile-host tests serve: the widgets' own policy, everything on the test origin. */
export const STRICTEST_TEST_CSP = hostCsp({ cdn: "'self'", api: "'self'" });

/** The policy named in the issue: everything from 'self', no 'unsafe-inline', Trusted Types on. */
export const ISSUE_CSP = "default-src 'self'; require-trusted-types-for 'script'";
