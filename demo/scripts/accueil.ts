// The home page shows the very script tag it runs.
import { baliseChargeur, chargeurDeLaPage } from './snippet.js';

const chargeur = chargeurDeLaPage();
const cible = document.getElementById('balise-page');
if (cible && chargeur) cible.textContent = baliseChargeur(chargeur);

// A static build made without SPP_DEMO_API: say why the elements use their public sources.
if (chargeur && !chargeur.apiBase && cible) {
  const avis = document.createElement('p');
  avis.className = 'fr-notice fr-notice--info fr-p-2w';
  avis.textContent =
    'Cette version de la démonstration n’est reliée à aucune plateforme : les engagements viennent de la liste officielle embarquée, les résultats des données ouvertes, et le bouton d’avis ouvre le formulaire JDMA.';
  cible.before(avis);
}
