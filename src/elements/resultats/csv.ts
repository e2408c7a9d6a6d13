// « Télécharger (CSV) »: the figures shown, as a file a spreadsheet opens right.
//
// Format (decided, see README of the element in its JSDoc): UTF-8 with a byte-order mark
// (Excel then reads accents right), CRLF line ends (RFC 4180), fields quoted only when
// they hold the separator, a quote or a line break. French: `;` between fields and a
// decimal comma, as French Excel expects; English: `,` and a decimal point. Numbers are
// written raw (no grouping, no unit: the unit has its own column); a missing value is an
// empty field. Texts starting with = + - @ get a leading apostrophe, so no cell can run
// as a formula (CSV injection).

import { msg } from '@lit/localize';
import { formatPeriode, uniteTexte, type Resultat } from './format.js';

export type Cellule = string | number | null;

export const BOM = '\uFEFF';

export function separateur(locale: string): ';' | ',' {
  return locale.startsWith('fr') ? ';' : ',';
}

function champ(value: Cellule, locale: string): string {
  const sep = separateur(locale);
  if (value === null) return '';
  if (typeof value === 'number') {
    const text = String(Math.round(value * 1000) / 1000);
    return sep === ';' ? text.replace('.', ',') : text;
  }
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text (without the byte-order mark). */
export function versCsv(lignes: Cellule[][], locale: string): string {
  const sep = separateur(locale);
  return lignes.map((ligne) => ligne.map((v) => champ(v, locale)).join(sep) + '\r\n').join('');
}

/** The file: the byte-order mark, then the text, in UTF-8. */
export function fichierCsv(lignes: Cellule[][], locale: string): Blob {
  return new Blob([BOM, versCsv(lignes, locale)], { type: 'text/csv;charset=utf-8' });
}

/**
 * Saves a file from the page, through a temporary `blob:` link with `download` (no
 * server, no data: URL, nothing for a CSP to block). `parent` keeps the link inside
 * the element's shadow root while it is clicked.
 */
export function telecharger(fichier: Blob, nom: string, parent: Node): void {
  const url = URL.createObjectURL(fichier);
  const lien = document.createElement('a');
  lien.href = url;
  lien.download = nom;
  lien.hidden = true;
  parent.appendChild(lien);
  try {
    lien.click();
  } finally {
    lien.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/**
 * The rows of the figures shown: each indicator's history (`historique`), else each
 * indicator's latest result. Call inside the element's withLocale() (texts are msg()).
 */
export function lignesResultats(resultats: Resultat[], historique: boolean, locale: string): Cellule[][] {
  const entete = [
    msg('Indicateur'),
    msg('Code'),
    msg('Période'),
    msg('Début'),
    msg('Fin'),
    msg('Valeur'),
    msg('Unité'),
    msg('Objectif'),
  ];
  return [
    entete,
    ...resultats.flatMap((r) =>
      (historique ? r.historique : [r]).map(({ periode, valeur }) => [
        r.indicateur.libelle,
        r.indicateur.code,
        formatPeriode(periode, locale),
        periode.debut,
        periode.fin,
        valeur,
        uniteTexte(r.indicateur.unite),
        r.indicateur.cible ?? null,
      ]),
    ),
  ];
}
