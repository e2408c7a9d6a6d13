// Every attribute each element documents (custom-elements.json), as a form control of the
// configurator. The built-demo test checks this list against the manifest.

export interface Champ {
  attribut: string;
  libelle: string;
  aide?: string;
  /** `choix`: a select; `case`: a checkbox writing `valeurCochee`; `lignes`: a textarea. */
  type: 'texte' | 'url' | 'nombre' | 'choix' | 'case' | 'lignes';
  options?: [valeur: string, libelle: string][];
  /** The value the form starts with (empty: the attribute is left out). */
  initial?: string;
  /** A checkbox's attribute value when checked (`true`: the attribute without value). */
  valeurCochee?: string | true;
  /** Filled from the platform: structures (datalist) or événements de vie (select). */
  source?: 'structures' | 'evenements';
  min?: number;
  max?: number;
}

export interface DefinitionElement {
  tag: string;
  nom: string;
  champs: Champ[];
}

const defaut = (libelle = 'Par défaut'): [string, string] => ['', libelle];
const niveauTitre = (aide = 'Niveau du premier titre, de 2 à 6 (2 par défaut).'): Champ => ({
  attribut: 'niveau-titre',
  libelle: 'Niveau de titre',
  aide,
  type: 'nombre',
  min: 2,
  max: 6,
});

/** Attributes every element has (README, « Attributs communs »). */
export const CHAMPS_COMMUNS: Champ[] = [
  {
    attribut: 'theme',
    libelle: 'Thème',
    aide: 'Sans réglage, l’élément suit le thème d’un site DSFR (data-fr-theme), sinon clair.',
    type: 'choix',
    options: [defaut('Celui du site'), ['light', 'Clair'], ['dark', 'Sombre'], ['system', 'Celui du système']],
  },
  {
    attribut: 'marque',
    libelle: 'Marque',
    aide: 'Neutre : pour les collectivités et les sites hors État (ni Marianne, ni bloc marque).',
    type: 'choix',
    options: [defaut('État (défaut)'), ['neutre', 'Neutre']],
  },
  {
    attribut: 'lang',
    libelle: 'Langue',
    aide: 'Sans réglage : la langue de la page.',
    type: 'choix',
    options: [defaut('Celle de la page'), ['fr', 'Français'], ['en', 'Anglais']],
  },
  {
    attribut: 'api-base',
    libelle: 'Plateforme pour cet élément seulement (api-base)',
    aide: 'Rarement utile : data-api-base, sur la balise du script, vaut pour toute la page.',
    type: 'url',
  },
];

export const ELEMENTS: DefinitionElement[] = [
  {
    tag: 'spp-je-donne-mon-avis',
    nom: 'Je donne mon avis',
    champs: [
      {
        attribut: 'demarche',
        libelle: 'Démarche (obligatoire)',
        aide: 'Son identifiant sur la plateforme ou sur JDMA : lettres, chiffres, « . », « _ », « - ».',
        type: 'texte',
        initial: 'demo-1',
      },
      {
        attribut: 'bouton',
        libelle: 'Emplacement du bouton',
        aide: 'Pour distinguer les boutons d’un site dans les statistiques.',
        type: 'texte',
        initial: 'configurateur',
      },
      {
        attribut: 'mode',
        libelle: 'Mode',
        type: 'choix',
        options: [
          defaut('Boîte de dialogue (défaut)'),
          ['inline', 'Dans la page'],
          ['lien', 'Lien vers le formulaire JDMA'],
        ],
      },
      {
        attribut: 'libelle',
        libelle: 'Libellé',
        type: 'choix',
        options: [
          defaut('« Je donne mon avis » (défaut)'),
          ['remarque', '« Une remarque ? »'],
          ['retour', '« Faire un retour »'],
          ['probleme', '« Signaler un problème »'],
        ],
      },
      {
        attribut: 'variante',
        libelle: 'Style du bouton',
        type: 'choix',
        options: [defaut('Plein (défaut)'), ['outline', 'Contour'], ['ghost', 'Discret']],
      },
      {
        attribut: 'formulaire',
        libelle: 'Questionnaire',
        aide: 'root par défaut : « Évaluation de la satisfaction usager » de JDMA.',
        type: 'texte',
      },
      {
        attribut: 'lien-formulaire',
        libelle: 'Adresse du formulaire (mode lien)',
        aide: 'Par défaut, le formulaire JDMA de la démarche.',
        type: 'url',
      },
      {
        attribut: 'afficher',
        libelle: 'Afficher la question de l’adresse électronique',
        type: 'case',
        valeurCochee: 'contact_email',
      },
      {
        attribut: 'ministere',
        libelle: 'Intitulé du ministère (en-tête du questionnaire)',
        aide: 'Une ligne par ligne du bloc marque.',
        type: 'lignes',
      },
      { attribut: 'logo-src', libelle: 'Logo de l’opérateur (adresse https)', type: 'url' },
      { attribut: 'logo-alt', libelle: 'Texte de remplacement du logo', type: 'texte' },
      niveauTitre('Mode dans la page : niveau du titre du questionnaire, de 2 à 6.'),
    ],
  },
  {
    tag: 'spp-engagements',
    nom: 'Les engagements',
    champs: [
      {
        attribut: 'disposition',
        libelle: 'Disposition',
        type: 'choix',
        options: [defaut('Grille (défaut)'), ['liste', 'Liste'], ['accordeon', 'Accordéon'], ['affiche', 'Affiche']],
      },
      {
        attribut: 'engagements',
        libelle: 'Engagements mis en avant',
        aide: 'Numéros séparés par des virgules, par exemple 1,7.',
        type: 'texte',
      },
      niveauTitre(),
      { attribut: 'sans-titre', libelle: 'Sans titre (la page a déjà le sien)', type: 'case', valeurCochee: true },
      {
        attribut: 'structure',
        libelle: 'Structure (affiche)',
        aide: 'Son code Services Publics + : bloc marque, logo et nom viennent de la plateforme.',
        type: 'texte',
        source: 'structures',
      },
      { attribut: 'ministere', libelle: 'Intitulé du ministère (affiche)', type: 'lignes' },
      { attribut: 'logo-src', libelle: 'Logo (affiche, adresse https)', type: 'url' },
      { attribut: 'logo-alt', libelle: 'Texte de remplacement du logo', type: 'texte' },
      { attribut: 'photo-src', libelle: 'Photo (affiche, adresse https)', type: 'url' },
      { attribut: 'photo-alt', libelle: 'Texte de remplacement de la photo (vide si décorative)', type: 'texte' },
      {
        attribut: 'adresse-avis',
        libelle: 'Adresse où donner son avis (affiche)',
        aide: 'Par défaut, l’adresse de la page.',
        type: 'url',
      },
      {
        attribut: 'format',
        libelle: 'Format d’impression',
        type: 'choix',
        options: [defaut('A4 (défaut)'), ['A3', 'A3']],
      },
    ],
  },
  {
    tag: 'spp-resultats',
    nom: 'Résultats',
    champs: [
      {
        attribut: 'structure',
        libelle: 'Structure (obligatoire)',
        aide: 'Son code Services Publics +.',
        type: 'texte',
        initial: 'EX-CAF-33',
        source: 'structures',
      },
      {
        attribut: 'disposition',
        libelle: 'Disposition',
        type: 'choix',
        options: [defaut('Cartes (défaut)'), ['tableau', 'Tableau'], ['compact', 'Compact']],
      },
      {
        attribut: 'indicateurs',
        libelle: 'Indicateurs, dans l’ordre voulu',
        aide: 'Codes séparés par des espaces, par exemple IND-27 IND-05 ; tous par défaut.',
        type: 'texte',
      },
      {
        attribut: 'historique',
        libelle: 'Historique',
        type: 'choix',
        options: [defaut('Selon la disposition'), ['oui', 'Afficher'], ['non', 'Masquer']],
      },
      {
        attribut: 'source',
        libelle: 'Source des données',
        aide: 'Par défaut : la plateforme si elle est configurée, sinon les données ouvertes.',
        type: 'choix',
        options: [defaut(), ['plateforme', 'La plateforme'], ['opendata', 'Les données ouvertes du programme']],
      },
      {
        attribut: 'opendata-base',
        libelle: 'Adresse de l’API des données ouvertes',
        aide: 'Pour une autre instance Opendatasoft (Explore API v2.1).',
        type: 'url',
      },
      niveauTitre(),
    ],
  },
  {
    tag: 'spp-oups-erreurs',
    nom: 'Erreurs fréquentes',
    champs: [
      {
        attribut: 'public',
        libelle: 'Public',
        type: 'choix',
        options: [defaut('Tous'), ['particulier', 'Particuliers'], ['professionnel', 'Professionnels']],
      },
      {
        attribut: 'evenement',
        libelle: 'Événement de vie présélectionné',
        type: 'choix',
        options: [defaut('Aucun')],
        source: 'evenements',
      },
      {
        attribut: 'administration',
        libelle: 'Administration',
        aide: 'Une partie de son nom, par exemple Caf.',
        type: 'texte',
      },
      {
        attribut: 'recherche',
        libelle: 'Masquer le champ de recherche',
        type: 'case',
        valeurCochee: 'false',
      },
      {
        attribut: 'limite',
        libelle: 'Erreurs affichées avant « Voir plus »',
        type: 'nombre',
        min: 1,
        max: 100,
        initial: '5',
      },
      niveauTitre(),
    ],
  },
  {
    tag: 'spp-bloc-marque',
    nom: 'Bloc marque',
    champs: [
      {
        attribut: 'ministere',
        libelle: 'Intitulé',
        aide: 'Une ligne par ligne du bloc marque.',
        type: 'lignes',
        initial: 'Ministère\nde l’Exemple',
      },
      {
        attribut: 'taille',
        libelle: 'Taille',
        type: 'choix',
        options: [defaut('Moyenne (défaut)'), ['sm', 'Petite'], ['lg', 'Grande']],
      },
      { attribut: 'lien', libelle: 'Lien (page d’accueil du site)', type: 'url' },
      { attribut: 'logo-src', libelle: 'Logo de l’opérateur (adresse https)', type: 'url' },
      { attribut: 'logo-alt', libelle: 'Texte de remplacement du logo', type: 'texte' },
    ],
  },
];
