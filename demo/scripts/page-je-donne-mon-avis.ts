import { afficherVariantes, cibleVariantes } from './variantes.js';

const avis = (bouton: string, autres: Record<string, string> = {}) => ({ demarche: 'demo-1', bouton, ...autres });

afficherVariantes(
  cibleVariantes(),
  'spp-je-donne-mon-avis',
  [
    {
      titre: 'Les quatre libellés de JDMA',
      description: 'libelle : jdma (défaut), remarque, retour, probleme.',
      attributs: ['jdma', 'remarque', 'retour', 'probleme'].map((libelle) => avis(`libelle-${libelle}`, { libelle })),
    },
    {
      titre: 'Les trois variantes du bouton',
      description: 'variante : solid (défaut), outline, ghost.',
      attributs: ['solid', 'outline', 'ghost'].map((variante) => avis(`variante-${variante}`, { variante })),
    },
    {
      titre: 'Mode modal (défaut)',
      description:
        'Le bouton ouvre le questionnaire dans une boîte de dialogue ; Échap la ferme et le focus revient au bouton.',
      attributs: avis('mode-modal', { mode: 'modal' }),
    },
    {
      titre: 'Mode modal avec le bloc marque et le logo',
      description: 'ministere, logo-src et logo-alt : l’en-tête de la boîte de dialogue porte la marque du service.',
      attributs: avis('mode-modal-marque', {
        ministere: 'Ministère\nde l’Exemple',
        'logo-src': '../images/logo-operateur.svg',
        'logo-alt': 'Opérateur d’exemple',
      }),
    },
    {
      titre: 'Mode en ligne',
      description: 'mode="inline" : la première question est dans la page, les suivantes se déplient sur place.',
      attributs: avis('mode-inline', { mode: 'inline', 'niveau-titre': '3' }),
    },
    {
      titre: 'Mode lien',
      description: 'mode="lien" : un lien vers le formulaire JDMA de la démarche, dans une nouvelle fenêtre.',
      attributs: avis('mode-lien', { mode: 'lien' }),
    },
    {
      titre: 'Question facultative affichée',
      description: 'afficher="contact_email" : la question de l’adresse électronique, masquée par défaut.',
      attributs: avis('afficher-email', { mode: 'inline', afficher: 'contact_email', 'niveau-titre': '3' }),
    },
    {
      titre: 'Marque neutre',
      description: 'marque="neutre" : pour les collectivités et les sites hors État, sans Marianne ni bloc marque.',
      attributs: avis('neutre', { marque: 'neutre' }),
    },
    {
      titre: 'En anglais',
      description: 'lang="en" : les textes de l’élément en anglais.',
      attributs: avis('anglais', { lang: 'en' }),
    },
  ],
  { niveau: 2 },
);
