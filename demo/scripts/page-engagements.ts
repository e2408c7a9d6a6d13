import { afficherVariantes, cibleVariantes } from './variantes.js';

afficherVariantes(
  cibleVariantes(),
  'spp-engagements',
  [
    { titre: 'Grille (défaut)', description: 'Les 3 piliers côte à côte.', attributs: { 'niveau-titre': '3' } },
    {
      titre: 'Grille, engagements mis en avant',
      description: 'engagements="1,7" : ces engagements ressortent, les autres restent visibles.',
      attributs: { engagements: '1,7', 'niveau-titre': '3' },
    },
    {
      titre: 'Grille sans titre',
      description: 'sans-titre : la page a déjà son titre ; les piliers prennent le niveau de titre donné.',
      attributs: { 'sans-titre': true, 'niveau-titre': '3' },
    },
    {
      titre: 'Liste',
      description: 'Compacte, pour une colonne latérale.',
      attributs: { disposition: 'liste', 'niveau-titre': '3' },
    },
    {
      titre: 'Accordéon',
      description: 'Chaque engagement et ses engagements détaillés.',
      attributs: { disposition: 'accordeon', 'niveau-titre': '3' },
    },
    {
      titre: 'Accordéon, deux engagements seulement',
      description: 'engagements="2,5" : seuls ces engagements, en liste et en accordéon.',
      attributs: { disposition: 'accordeon', engagements: '2,5', 'niveau-titre': '3' },
    },
    {
      titre: 'Affiche A4',
      description:
        'disposition="affiche" : l’affiche imprimable, avec le bloc marque, le logo, la photo et l’adresse où donner son avis. Le bouton « Imprimer l’affiche » l’imprime seule.',
      attributs: {
        disposition: 'affiche',
        structure: 'EX-CAF-33',
        'logo-src': '../images/logo-operateur.svg',
        'logo-alt': 'Opérateur d’exemple',
        'photo-src': '../images/photo-accueil.svg',
        'adresse-avis': 'https://www.example.gouv.fr/avis',
        engagements: '1,7',
      },
    },
    {
      titre: 'Affiche A3, intitulé du ministère donné',
      description: 'format="A3" et ministere : l’intitulé remplace celui de la structure.',
      attributs: { disposition: 'affiche', format: 'A3', ministere: 'Ministère\nde l’Exemple' },
    },
    {
      titre: 'Marque neutre',
      description: 'marque="neutre".',
      attributs: { marque: 'neutre', disposition: 'liste', 'niveau-titre': '3' },
    },
    {
      titre: 'En anglais',
      description: 'lang="en" : traductions non officielles, signalées comme telles.',
      attributs: { lang: 'en', disposition: 'liste', 'niveau-titre': '3' },
    },
  ],
  { niveau: 2, large: true },
);
