// Every demo page: the site's theme (light, dark, or the system's), applied as DSFR does on
// <html data-fr-theme>, which the elements follow too. The choice is kept for the next page.

type Choix = 'light' | 'dark' | 'system';
const CLE = 'spp-demo:theme';
const systeme = matchMedia('(prefers-color-scheme: dark)');

function lireChoix(): Choix {
  try {
    const choix = localStorage.getItem(CLE);
    return choix === 'light' || choix === 'dark' ? choix : 'system';
  } catch {
    return 'system';
  }
}

function appliquer(choix: Choix): void {
  const theme = choix === 'system' ? (systeme.matches ? 'dark' : 'light') : choix;
  document.documentElement.setAttribute('data-fr-scheme', choix);
  document.documentElement.setAttribute('data-fr-theme', theme);
}

let choix = lireChoix();
appliquer(choix);
systeme.addEventListener('change', () => appliquer(choix));

const champs = document.querySelectorAll<HTMLInputElement>('input[name="theme-demo"]');
for (const champ of champs) {
  champ.checked = champ.value === choix;
  champ.addEventListener('change', () => {
    choix = champ.value as Choix;
    appliquer(choix);
    try {
      localStorage.setItem(CLE, choix);
    } catch {
      // Storage refused (private mode, policy): the choice lasts for this page only.
    }
  });
}
