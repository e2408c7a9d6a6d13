// The texts of the JDMA « root » questionnaire (bundled, and served by the platform), so
// they can be shown in English too. The platform may relabel a question: a text that is not
// one of these is shown as the platform wrote it.
import { msg } from '@lit/localize';
import { SOURCE_LOCALE, withLocale } from '../../core/locale.js';

const TEXTES: (() => string)[] = [
  () => msg('Évaluation de la satisfaction usager'),
  () => msg('Expérience générale'),
  () => msg("De façon générale, comment ça s'est passé ?"),
  () => msg('Ce champ est obligatoire.'),
  () => msg('Pas bien'),
  () => msg('Moyen'),
  () => msg('Très bien'),
  () => msg('Clarté'),
  () => msg("Qu'avez-vous pensé des informations et des instructions fournies ?"),
  () => msg("Sur une échelle de 1 à 5, 1 n'est pas clair du tout et 5 est très clair."),
  () => msg('Pas clair du tout'),
  () => msg('Très clair'),
  () => msg('Aides'),
  () => msg("Durant votre parcours, avez-vous tenté d'obtenir de l'aide par l'un des moyens suivants ?"),
  () => msg('Plusieurs choix possibles'),
  () => msg("Au guichet avec l'administration"),
  () => msg("Par téléphone avec l'administration"),
  () => msg("Par e-mail avec l'administration"),
  () => msg("Par chat avec l'administration"),
  () => msg('Une personne proche'),
  () => msg('Une association'),
  () => msg('Des sites internet'),
  () => msg('Autres, précisez'),
  () => msg("Quels autres types d'aide avez-vous utilisés ?"),
  () => msg("Je n'ai pas eu besoin d'aide"),
  () => msg("Quand vous avez cherché de l'aide, avez-vous réussi à joindre l'administration ?"),
  () => msg('Oui'),
  () => msg('Non'),
  () => msg("Comment évaluez-vous la qualité de l'aide que vous avez obtenue de la part de l'administration ?"),
  () => msg('Très mauvaise'),
  () => msg('Mauvaise'),
  () => msg('Ni bonne, ni mauvaise'),
  () => msg('Bonne'),
  () => msg('Excellente'),
  () => msg('Commentaire'),
  () => msg('Souhaitez-vous nous en dire plus ?'),
  () => msg("Ne partagez pas d'information personnelle."),
  () =>
    msg(
      'Votre réponse est anonyme. Merci de ne pas écrire des données personnelles (exemple : nom, prénom, numéro de dossier).',
    ),
  () => msg('Adresse mail'),
  () =>
    msg(
      "Vous pouvez laisser votre adresse email si vous acceptez d'être recontacté. Nous ne pouvons cependant pas garantir de réponse pour chaque message.",
    ),
];

let parSource: Map<string, () => string> | undefined;

/** A text of the questionnaire in the language being rendered (call it while rendering). */
export function traduire(texte: string): string {
  // Each function answers in French outside a translated render: that is its key.
  parSource ??= new Map(TEXTES.map((texteDe) => [withLocale(SOURCE_LOCALE, texteDe), texteDe]));
  return parSource.get(texte)?.() ?? texte;
}
