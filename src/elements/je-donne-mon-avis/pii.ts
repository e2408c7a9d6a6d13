// Personal data in free text: the verbatim is anonymous, so the usager is warned (never
// blocked) when what they type looks like an e-mail address, a French phone number, a
// social security number (NIR), an IBAN or a case number. Patterns are deliberately
// narrow, so ordinary sentences (dates, prices, durations, years) raise nothing.

export type PiiKind = 'email' | 'telephone' | 'nir' | 'iban' | 'dossier';

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/i;

/** 0X XX XX XX XX, with spaces, dots or dashes, or +33 / 0033 (0)X …; never inside a longer number. */
const TELEPHONE = /(?:(?:\+|\b00)33[\s.-]?(?:\(0\)[\s.-]?)?|(?<![\d+])0)[1-9](?:[\s.-]?\d{2}){4}(?![\d])/;

/**
 * Sex (1/2), year, month (01–12, or 20–99 for the special cases), département (2 digits,
 * 2A or 2B), commune (3), order (3), optional key (2); spaces, dots or dashes allowed.
 */
const NIR =
  /(?<![\dA-Za-z])[12][\s.-]?\d{2}[\s.-]?(?:0[1-9]|1[0-2]|[2-9]\d)[\s.-]?(?:\d{2}|2[AB])[\s.-]?\d{3}[\s.-]?\d{3}(?:[\s.-]?\d{2})?(?![\d])/i;

/** Country code, check digits, then 11 to 30 letters or digits (possibly grouped by four). */
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}/gi;

/** A word that introduces an identifier, then within a few words a token of 5 digits or more. */
const DOSSIER =
  /(?:dossier|allocataire|r[ée]f[ée]rence|\br[ée]f\b|identifiant|matricule|num[ée]ro|\bn[°º]|\bno\b)[^\d\n]{0,30}(?=[\w./-]*(?:\d[\w./-]*){5})[A-Z0-9][\w./-]{4,}/i;

/** A run of 7 digits or more (allocataire, fiscal or case numbers), not an amount. */
const LONG_NUMBER = /(?<![\d,.])\d{7,}(?![\d,.]*\d)(?!\s*(?:€|euros?\b|eur\b))/i;

/** ISO 13616 check: move the first four characters to the end, letters → 10…35, mod 97 = 1. */
export function isIban(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  return rest === 1;
}

function containsIban(text: string): boolean {
  for (const [match] of text.matchAll(IBAN_CANDIDATE)) {
    const compact = match.replace(/ /g, '');
    if ((compact.match(/\d/g) ?? []).length < 8) continue;
    // The match may run into the next word: try the longest prefix that checks out.
    for (let length = compact.length; length >= 15; length--) {
      if (isIban(compact.slice(0, length))) return true;
    }
  }
  return false;
}

/** The kinds of personal data `text` seems to contain, most sensitive first. */
export function detectPii(text: string): PiiKind[] {
  const found: PiiKind[] = [];
  if (!text.trim()) return found;
  if (NIR.test(text)) found.push('nir');
  if (containsIban(text)) found.push('iban');
  if (EMAIL.test(text)) found.push('email');
  if (TELEPHONE.test(text)) found.push('telephone');
  // A bare long number is a case number only when nothing above explains it.
  if (DOSSIER.test(text) || (found.length === 0 && LONG_NUMBER.test(text))) found.push('dossier');
  return found;
}
