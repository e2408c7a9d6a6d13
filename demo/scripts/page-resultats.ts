import { afficherVariantes, cibleVariantes } from './variantes.js';

const structure = 'EX-CAF-33';

afficherVariantes(
  cibleVariantes(),
  'spp-resultats',
  [
    {
      titre: 'Cartes (défaut)',
      description: 'Une carte par indicateur, avec son historique.',
      attributs: { structure, 'niveau-titre': '3' },
    },
    {
      titre: 'Cartes sans historique',
      description: 'historique="non".',
      attributs: { structure, historique: 'non', 'niveau-titre': '3' },
    },
    {
      titre: 'Tableau',
      description: 'Un seul tableau pour tous les indicateurs.',
      attributs: { structure, disposition: 'tableau', 'niveau-titre': '3' },
    },
    {
      titre: 'Compact',
      description: 'Une ligne avec l’indicateur principal.',
      attributs: { structure, disposition: 'compact', 'niveau-titre': '3' },
    },
    {
      titre: 'Indicateurs choisis, dans l’ordre voulu',
      description: 'indicateurs="IND-05 IND-27".',
      attributs: { structure, indicateurs: 'IND-05 IND-27', 'niveau-titre': '3' },
    },
    {
      titre: 'Source explicite : la plateforme',
      description:
        'source="plateforme" (défaut quand une plateforme est configurée). source="opendata" lit les données ouvertes du programme sur opendata.plus.transformation.gouv.fr, un site tiers : le configurateur le propose.',
      attributs: { structure, source: 'plateforme', disposition: 'compact', 'niveau-titre': '3' },
    },
    {
      titre: 'Marque neutre',
      description: 'marque="neutre".',
      attributs: { structure, marque: 'neutre', disposition: 'tableau', 'niveau-titre': '3' },
    },
    {
      titre: 'En anglais',
      description: 'lang="en" : nombres, dates et textes en anglais.',
      attributs: { structure, lang: 'en', disposition: 'tableau', 'niveau-titre': '3' },
    },
  ],
  { niveau: 2, large: true },
);
