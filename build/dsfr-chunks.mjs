// Which files of @gouvfr/dsfr make up each shared style chunk.
// A chunk becomes one CSSResult, so every element that lists it adopts the same
// CSSStyleSheet object. Keep chunks aligned with DSFR's own component boundaries
// (see each component's README for its dependencies) so an element pays only for
// what it renders. Paths are relative to `@gouvfr/dsfr/dist/`.
export const DSFR_CHUNKS = {
  /** Design tokens (light and dark), typography, links, lists: every element needs it. */
  core: ['core/core.main.css', 'scheme/scheme.css'],
  /** Bloc marque (République française + ministry name). */
  logo: ['component/logo/logo.main.css'],
  button: ['component/button/button.main.css'],
  link: ['component/link/link.main.css'],
  badge: ['component/badge/badge.main.css'],
  tag: ['component/tag/tag.main.css'],
  /** Fieldsets, inputs, radios, checkboxes, textarea: the questionnaire. */
  form: [
    'component/form/form.main.css',
    'component/input/input.main.css',
    'component/radio/radio.main.css',
    'component/checkbox/checkbox.main.css',
  ],
  modal: ['component/modal/modal.main.css'],
  alert: ['component/alert/alert.main.css'],
  accordion: ['component/accordion/accordion.main.css'],
  card: ['component/card/card.main.css', 'component/tile/tile.main.css'],
  table: ['component/table/table.main.css'],
  callout: ['component/callout/callout.main.css', 'component/highlight/highlight.main.css'],
  stepper: ['component/stepper/stepper.main.css'],
  select: ['component/select/select.main.css'],
  search: ['component/search/search.main.css'],
  notice: ['component/notice/notice.main.css'],
  segmented: ['component/segmented/segmented.main.css'],
};

/** The Marianne faces we declare at document level (fonts are excluded from size budgets). */
export const MARIANNE_FACES = [
  { weight: '400', style: 'normal', file: 'Marianne-Regular.woff2' },
  { weight: '700', style: 'normal', file: 'Marianne-Bold.woff2' },
];
