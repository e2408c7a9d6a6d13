// What the configurator shows, copies and runs: the snippet, the page the preview loads,
// and the host's CSP (from hostCsp(), computed at build time with stand-in origins).
import { baliseChargeur, baliseElement, type Attributs, type Chargeur } from '../snippet.js';

export interface Politiques {
  origines: { cdn: string; api: string; images: string };
  modeles: Record<string, string>;
}

export function snippet(chargeur: Chargeur, tag: string, attributs: Attributs): string {
  return `${baliseChargeur(chargeur)}\n${baliseElement(tag, attributs)}`;
}

const echapperContenu = (texte: string) => texte.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The preview's whole document: the snippet, verbatim, in a bare page under the policy. */
export function documentApercu(code: string, csp: string | null): string {
  const meta = csp ? `<meta http-equiv="Content-Security-Policy" content="${echapperContenu(csp)}" />\n` : '';
  return (
    '<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8" />\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1" />\n' +
    `${meta}<title>Aperçu</title>\n</head>\n<body>\n${code}\n</body>\n</html>\n`
  );
}

const origine = (url: string) => {
  try {
    const { origin } = new URL(url, document.baseURI);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
};
const uniques = (valeurs: (string | undefined)[]) => [...new Set(valeurs.filter((v): v is string => Boolean(v)))];

/**
 * The policy for this snippet: hostCsp()'s text with the stand-in origins replaced. Without
 * a platform, the API's stand-in is removed (and connect-src with it when nothing is left).
 */
export function politique(
  politiques: Politiques,
  { cdn, api, opendata, images }: { cdn: string; api: string[]; opendata: boolean; images: string[] },
): string {
  const origineImages = uniques(images.map(origine));
  const cle = [opendata && 'opendata', origineImages.length > 0 && 'images'].filter(Boolean).join('+');
  const { origines } = politiques;
  const origineApi = uniques(api.map(origine));
  return politiques.modeles[cle]
    .split('; ')
    .map((directive) =>
      directive
        .replaceAll(origines.cdn, origine(cdn) ?? cdn)
        .replaceAll(origines.images, origineImages.join(' '))
        .replaceAll(` ${origines.api}`, origineApi.length ? ` ${origineApi.join(' ')}` : ''),
    )
    .filter((directive) => directive.includes(' '))
    .join('; ');
}
