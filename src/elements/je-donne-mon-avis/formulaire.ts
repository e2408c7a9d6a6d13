// The questionnaire's logic, without any rendering: which steps and questions are shown,
// conditional questions (one per ticked option), exclusive options, and the answers a
// step sends. Pure functions over the form definition and the usager's input.
import type { components } from '../../generated/api.js';

export type Formulaire = components['schemas']['Formulaire'];
export type Etape = components['schemas']['Etape'];
export type Bloc = components['schemas']['Bloc'];
export type Option = components['schemas']['Option'];
export type Reponse = components['schemas']['AvisReponse'];

/** What the usager entered so far. Keys: `champ`, or `champ|parent` for a conditional question. */
export interface Saisie {
  /** One choice (smiley, scale, radio). */
  choix: Record<string, string>;
  /** Ticked options of a `cases` question, in ticking order. */
  cases: Record<string, string[]>;
  /** Free text (`texte`, `email`), or `champ:option` for the text of an `autre` option. */
  textes: Record<string, string>;
}

export const saisieVide = (): Saisie => ({ choix: {}, cases: {}, textes: {} });

/** The key of one occurrence of a question (conditional questions have one per parent option). */
export const cle = (champ: string, parent?: string): string => (parent ? `${champ}|${parent}` : champ);

/** The key of the free text of an `autre` option. */
export const cleAutre = (champ: string, option: string): string => `${champ}:${option}`;

/** The same regular expression as the platform's validator (ajv-formats, full mode). */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export const emailValide = (value: string): boolean => EMAIL.test(value.trim());

/** Questions shown: masked ones (`masque`) only when the page asks for them (`afficher`). */
export function blocsVisibles(etape: Etape, afficher: ReadonlySet<string>): Bloc[] {
  return etape.blocs.filter((bloc) => !bloc.masque || afficher.has(bloc.champ));
}

/** Steps with at least one visible question (the platform may hide every question of a step). */
export function etapesVisibles(formulaire: Formulaire, afficher: ReadonlySet<string>): Etape[] {
  return formulaire.etapes.filter((etape) => blocsVisibles(etape, afficher).length > 0);
}

/** Options ticked or chosen for a question asked once (not conditional). */
export function cochees(saisie: Saisie, champ: string): string[] {
  return saisie.cases[champ] ?? (saisie.choix[champ] ? [saisie.choix[champ]] : []);
}

/**
 * The occurrences of a question: `[undefined]` for an ordinary one; for a conditional one,
 * each option of its condition that is ticked, in the condition's order.
 */
export function occurrences(bloc: Bloc, saisie: Saisie): (string | undefined)[] {
  if (!bloc.condition) return [undefined];
  const ticked = new Set(cochees(saisie, bloc.condition.champ));
  return bloc.condition.optionIds.filter((id) => ticked.has(id));
}

/** Ticks or unticks an option of a `cases` question, honouring exclusive options. */
export function basculer(bloc: Bloc, saisie: Saisie, optionId: string, coche: boolean): string[] {
  const current = saisie.cases[bloc.champ] ?? [];
  if (!coche) return current.filter((id) => id !== optionId);
  const exclusive = (id: string) => bloc.options.find((o) => o.id === id)?.exclusif === true;
  // An exclusive option clears the others; any other option clears the exclusive ones.
  const kept = exclusive(optionId) ? [] : current.filter((id) => !exclusive(id));
  return kept.includes(optionId) ? kept : [...kept, optionId];
}

const texteDe = (value: string | undefined, max: number | undefined): string | undefined => {
  const text = value?.trim();
  return text ? text.slice(0, max ?? 1000) : undefined;
};

/** The answers of one question (every occurrence), as the API takes them. */
export function reponsesBloc(bloc: Bloc, saisie: Saisie): Reponse[] {
  const reponses: Reponse[] = [];
  for (const parent of occurrences(bloc, saisie)) {
    const base = parent ? { champ: bloc.champ, parent } : { champ: bloc.champ };
    if (bloc.type === 'texte' || bloc.type === 'email') {
      const texte = texteDe(saisie.textes[cle(bloc.champ, parent)], bloc.longueurMax);
      if (texte && (bloc.type === 'texte' || emailValide(texte))) reponses.push({ ...base, texte });
    } else if (bloc.type === 'cases') {
      const ticked = new Set(saisie.cases[cle(bloc.champ, parent)] ?? []);
      for (const option of bloc.options.filter((o) => ticked.has(o.id))) {
        const texte = option.autre
          ? texteDe(saisie.textes[cleAutre(bloc.champ, option.id)], option.longueurMax)
          : undefined;
        reponses.push(texte ? { ...base, optionId: option.id, texte } : { ...base, optionId: option.id });
      }
    } else {
      const optionId = saisie.choix[cle(bloc.champ, parent)];
      if (optionId && bloc.options.some((o) => o.id === optionId)) reponses.push({ ...base, optionId });
    }
  }
  return reponses;
}

/** The answers of a step: what its PATCH (or, for the first step, the POST) carries. */
export function reponsesEtape(etape: Etape, saisie: Saisie, afficher: ReadonlySet<string>): Reponse[] {
  return blocsVisibles(etape, afficher).flatMap((bloc) => reponsesBloc(bloc, saisie));
}

/** Problems that prevent leaving a step: a required question unanswered, an invalid e-mail. */
export type Probleme = 'obligatoire' | 'email';

export function problemes(etape: Etape, saisie: Saisie, afficher: ReadonlySet<string>): Map<string, Probleme> {
  const found = new Map<string, Probleme>();
  for (const bloc of blocsVisibles(etape, afficher)) {
    for (const parent of occurrences(bloc, saisie)) {
      const key = cle(bloc.champ, parent);
      const text = saisie.textes[key]?.trim();
      if (bloc.type === 'email' && text && !emailValide(text)) found.set(key, 'email');
      else if (bloc.obligatoire && reponsesBloc(bloc, saisie).every((r) => r.parent !== parent)) {
        found.set(key, 'obligatoire');
      }
    }
  }
  return found;
}

/** Free text entered in a step (verbatim, e-mail, « autre »): what the anti-bot timing guards. */
export const contientTexte = (reponses: readonly Reponse[]): boolean => reponses.some((r) => r.texte !== undefined);
