// Everything, for npm users who want all elements at once. Each element also has its
// own entry (`spp-widgets/bloc-marque`, …) that registers only that element.
export { SppElement, type Marque } from './core/spp-element.js';
export type { SppErrorDetail } from './core/errors.js';
export type { ThemeSetting } from './core/theme.js';
export { configure, type PageConfig } from './core/api/config.js';
export { SppBlocMarque } from './elements/bloc-marque/spp-bloc-marque.js';
