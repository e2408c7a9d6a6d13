// Everything, for npm users who want all elements at once. Each element also has its
// own entry (`spp-widgets/engagements`, …) that registers only that element.
export { SppElement, type Marque } from './core/spp-element.js';
export type { SppErrorDetail } from './core/errors.js';
export type { ThemeSetting } from './core/theme.js';
export { configure, type PageConfig } from './core/api/config.js';
export { SppBlocMarque } from './elements/bloc-marque/spp-bloc-marque.js';
export { SppJeDonneMonAvis } from './elements/je-donne-mon-avis/spp-je-donne-mon-avis.js';
export type {
  OpenDetail,
  CloseDetail,
  StepDetail,
  CompleteDetail,
} from './elements/je-donne-mon-avis/spp-avis-questionnaire.js';
export { SppEngagements, type Disposition as EngagementsDisposition } from './elements/engagements/spp-engagements.js';
export {
  SppResultats,
  type SppResultatsChargesDetail,
  type Disposition as ResultatsDisposition,
  type Source as ResultatsSource,
} from './elements/resultats/spp-resultats.js';
export { SppOupsErreurs, type SppOupsSelectDetail } from './elements/oups-erreurs/spp-oups-erreurs.js';
