import { afficherVariantes, cibleVariantes } from './variantes.js';

const ministere = 'Ministère\nde l’Exemple';

afficherVariantes(
  cibleVariantes(),
  'spp-bloc-marque',
  [
    { titre: 'Sans intitulé', description: '« République française ».', attributs: {} },
    {
      titre: 'Intitulé du ministère',
      description: 'ministere, lignes séparées par un saut de ligne.',
      attributs: { ministere },
    },
    {
      titre: 'Les trois tailles',
      description: 'taille : sm, md (défaut), lg.',
      attributs: ['sm', 'md', 'lg'].map((taille) => ({ ministere, taille })),
    },
    {
      titre: 'Avec un lien',
      description: 'lien : le bloc marque mène à la page d’accueil du site.',
      attributs: { ministere, lien: 'https://www.example.gouv.fr/' },
    },
    {
      titre: 'Avec le logo d’un opérateur',
      description: 'logo-src et logo-alt.',
      attributs: { ministere, 'logo-src': '../images/logo-operateur.svg', 'logo-alt': 'Opérateur d’exemple' },
    },
    {
      titre: 'Marque neutre',
      description: 'marque="neutre" : rien ne s’affiche (les collectivités n’utilisent pas la marque de l’État).',
      attributs: { ministere, marque: 'neutre' },
    },
  ],
  { niveau: 2 },
);
