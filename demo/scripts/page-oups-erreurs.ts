import { afficherVariantes, cibleVariantes } from './variantes.js';

afficherVariantes(
  cibleVariantes(),
  'spp-oups-erreurs',
  [
    {
      titre: 'Tous les événements de vie',
      description: 'limite="5" : cinq erreurs, puis « Voir plus d’erreurs ».',
      attributs: { limite: '5', 'niveau-titre': '3' },
    },
    {
      titre: 'Particuliers seulement',
      description: 'public="particulier".',
      attributs: { public: 'particulier', limite: '3', 'niveau-titre': '3' },
    },
    {
      titre: 'Professionnels seulement',
      description: 'public="professionnel".',
      attributs: { public: 'professionnel', limite: '3', 'niveau-titre': '3' },
    },
    {
      titre: 'Un événement présélectionné',
      description: 'evenement="demenagement".',
      attributs: { evenement: 'demenagement', 'niveau-titre': '3' },
    },
    {
      titre: 'Une administration',
      description: 'administration="Caf" : les erreurs qui concernent la Caf.',
      attributs: { administration: 'Caf', 'niveau-titre': '3' },
    },
    {
      titre: 'Sans champ de recherche',
      description: 'recherche="false".',
      attributs: { recherche: 'false', limite: '3', 'niveau-titre': '3' },
    },
    {
      titre: 'Marque neutre',
      description: 'marque="neutre".',
      attributs: { marque: 'neutre', limite: '3', 'niveau-titre': '3' },
    },
    {
      titre: 'En anglais',
      description: 'lang="en" : l’interface en anglais (les erreurs restent en français).',
      attributs: { lang: 'en', limite: '3', 'niveau-titre': '3' },
    },
  ],
  { niveau: 2, large: true },
);
