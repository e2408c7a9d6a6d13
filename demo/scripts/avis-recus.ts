/// <reference types="vite/client" />
// « Avis reçus »: statistics (public) and a summary of the latest avis. In the dev server the
// summary comes from /demo-api/avis-recus, which holds the API key; the static demo has no
// server side, so it shows the public statistics only.
import { chargeurDeLaPage } from './snippet.js';

interface Statistiques {
  demarche: string;
  nombreAvis: number;
  satisfaction: { note: number | null; repartition: { bad: number; medium: number; good: number } };
}
interface AvisResume {
  jour: string;
  bouton?: string;
  reponses: { question: string; reponse: string; aPropos?: string }[];
  commentaire: boolean;
}

const resultats = document.getElementById('resultats') as HTMLElement;
const champ = document.getElementById('demarche') as HTMLInputElement;
const apiBase = chargeurDeLaPage()?.apiBase;
const dateCourte = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  classe = '',
  ...enfants: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const noeud = document.createElement(tag);
  if (classe) noeud.className = classe;
  noeud.append(...enfants);
  return noeud;
}

function message(texte: string, type: 'info' | 'error' = 'info'): HTMLElement {
  return el('p', type === 'error' ? 'fr-error-text' : 'fr-info-text', texte);
}

function blocStatistiques(stats: Statistiques): HTMLElement {
  const section = el('section');
  const { note, repartition } = stats.satisfaction;
  section.append(
    el('h2', '', `Statistiques de « ${stats.demarche} »`),
    el(
      'p',
      'fr-text--lg',
      `${stats.nombreAvis} avis`,
      note === null ? ' — pas encore de note.' : ` — satisfaction : ${note.toLocaleString('fr-FR')} sur 10.`,
    ),
  );
  if (stats.nombreAvis === 0) return section;
  const barres = el('div', 'demo-barres');
  const total = Math.max(1, repartition.good + repartition.medium + repartition.bad);
  for (const [libelle, nombre] of [
    ['Très bien', repartition.good],
    ['Moyen', repartition.medium],
    ['Pas bien', repartition.bad],
  ] as const) {
    const barre = el('div', 'demo-barre-valeur');
    barre.style.width = `${(nombre / total) * 100}%`;
    barre.setAttribute('aria-hidden', 'true');
    barres.append(
      el('span', '', libelle),
      el('div', '', barre),
      el('span', '', `${nombre} (${Math.round((nombre / total) * 100)} %)`),
    );
  }
  section.append(el('h3', '', 'Répartition des réponses à « De façon générale, comment ça s’est passé ? »'), barres);
  return section;
}

function tableauAvis(avis: AvisResume[]): HTMLElement {
  const section = el('section', 'fr-mt-4w');
  section.append(el('h2', '', 'Derniers avis'));
  if (avis.length === 0) {
    section.append(message('Aucun avis pour cette démarche.'));
    return section;
  }
  const table = el('table');
  table.append(
    el(
      'caption',
      '',
      avis.length === 1 ? 'Le dernier avis' : `Les ${avis.length} derniers avis, du plus récent au plus ancien`,
    ),
  );
  const entete = el('tr');
  for (const titre of ['Jour', 'Emplacement du bouton', 'Réponses', 'Commentaire']) {
    const th = el('th', '', titre);
    th.scope = 'col';
    entete.append(th);
  }
  table.append(el('thead', '', entete));
  const corps = el('tbody');
  for (const un of avis) {
    const reponses = el('ul', 'fr-mb-0');
    for (const r of un.reponses) {
      reponses.append(
        el('li', '', `${r.question}${r.aPropos ? ` (${r.aPropos})` : ''} : `, el('strong', '', r.reponse)),
      );
    }
    corps.append(
      el(
        'tr',
        '',
        el('td', '', dateCourte.format(new Date(`${un.jour}T00:00:00Z`))),
        el('td', '', un.bouton ?? '—'),
        el('td', '', un.reponses.length ? reponses : '—'),
        el('td', '', un.commentaire ? 'Oui (texte non affiché)' : 'Non'),
      ),
    );
  }
  table.append(corps);
  section.append(
    el(
      'div',
      'fr-table demo-avis',
      el('div', 'fr-table__wrapper', el('div', 'fr-table__container', el('div', 'fr-table__content', table))),
    ),
  );
  return section;
}

async function lireJson<T>(url: string): Promise<T> {
  const reponse = await fetch(url, { headers: { Accept: 'application/json' } });
  const corps = (await reponse.json().catch(() => ({}))) as T & { erreur?: string; title?: string; detail?: string };
  if (!reponse.ok) throw new Error(corps.erreur ?? corps.detail ?? corps.title ?? `Erreur ${reponse.status}`);
  return corps;
}

let enCours = 0;
async function afficher(): Promise<void> {
  const demarche = champ.value.trim();
  const numero = ++enCours;
  if (!demarche) {
    resultats.replaceChildren(message('Indiquez une démarche.', 'error'));
    return;
  }
  try {
    if (import.meta.env.DEV) {
      const donnees = await lireJson<{ statistiques: Statistiques; avis: AvisResume[] | null }>(
        `/demo-api/avis-recus?demarche=${encodeURIComponent(demarche)}`,
      );
      if (numero !== enCours) return;
      resultats.replaceChildren(
        blocStatistiques(donnees.statistiques),
        donnees.avis
          ? tableauAvis(donnees.avis)
          : message('Aucune clé API configurée : les derniers avis ne sont pas lisibles.'),
      );
      return;
    }
    if (!apiBase) {
      resultats.replaceChildren(message('Cette version de la démonstration n’est reliée à aucune plateforme.'));
      return;
    }
    const stats = await lireJson<Statistiques>(`${apiBase}/v1/demarches/${encodeURIComponent(demarche)}/statistiques`);
    if (numero !== enCours) return;
    resultats.replaceChildren(
      blocStatistiques(stats),
      message(
        'Version statique : les derniers avis demandent la clé API, qui ne doit jamais être envoyée au navigateur. Avec npm start, le serveur de la démonstration les résume ici.',
      ),
    );
  } catch (erreur) {
    if (numero !== enCours) return;
    resultats.replaceChildren(
      message(`Lecture impossible : ${erreur instanceof Error ? erreur.message : String(erreur)}`, 'error'),
    );
  }
}

document.getElementById('choix-demarche')?.addEventListener('submit', (event) => {
  event.preventDefault();
  void afficher();
});
// Each step the usager sends is on the platform a moment later.
document.addEventListener('spp-step', () => setTimeout(() => void afficher(), 800));
void afficher();
