// One DSFR pictogram per engagement, loaded on demand (about 12 kB of drawings that the
// text does not need to be read): the element reserves their place, so nothing moves.
import type { SVGTemplateResult } from 'lit';
import * as accueil from '~spp/dsfr/pictogram/digital/avatar';
import * as joignables from '~spp/dsfr/pictogram/digital/smartphone';
import * as accompagnement from '~spp/dsfr/pictogram/accessibility/accessibility';
import * as orientation from '~spp/dsfr/pictogram/map/compass';
import * as delais from '~spp/dsfr/pictogram/digital/calendar';
import * as resultats from '~spp/dsfr/pictogram/digital/data-visualization';
import * as avis from '~spp/dsfr/pictogram/leisure/community';
import * as competences from '~spp/dsfr/pictogram/digital/self-training';
import * as ecoresponsables from '~spp/dsfr/pictogram/environment/leaf';

export interface Pictogramme {
  content: SVGTemplateResult;
  viewBox: string;
}

/**
 * By engagement number: 1 an agent who welcomes, 2 the phone, 3 accessibility, 4 a
 * compass, 5 a calendar of deadlines, 6 charts, 7 conversation, 8 training, 9 a leaf.
 */
export const pictogrammes: Readonly<Record<number, Pictogramme>> = {
  1: accueil,
  2: joignables,
  3: accompagnement,
  4: orientation,
  5: delais,
  6: resultats,
  7: avis,
  8: competences,
  9: ecoresponsables,
};
