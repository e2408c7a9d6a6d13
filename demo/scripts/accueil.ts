// The home page shows the very script tag it runs.
import { baliseChargeur, chargeurDeLaPage } from './snippet.js';

const chargeur = chargeurDeLaPage();
const cible = document.getElementById('balise-page');
if (cible && chargeur) cible.textContent = baliseChargeur(chargeur);
