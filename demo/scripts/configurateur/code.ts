// What the configurator shows, copies and runs: the snippet, the page the preview loads,
// and the host's CSP (from hostCsp(), computed at build time with stand-in origins).
import { baliseChargeur, baliseElement, type Attributs, type Chargeur } from '../snippet.js';

export interface Politiques {
  origines: { cdn: string; api: string; images: string };
  modeles: Record<string, string>;
}

/**
 * The loader's tag, then the element's. `bloquant`: keep blocking="render" (the page's first
 * paint waits for the loader; only in <head>, and only for a CDN known to be fast).
 */
export function snippet(chargeur: Chargeur, tag: string, attributs: Attributs, { bloquant = true } = {}): string {
  const balise = baliseChargeur(chargeur);
  return `${bloquant ? balise : balise.replace('\n  blocking="render"', '')}\n${baliseElement(tag, attributs)}`;
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

/** The sources of one directive of a policy (without its name). */
const sources = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((directive) => directive.startsWith(`${name} `))
    ?.split(' ')
    .slice(1) ?? [];

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

/** The origin of an address the elements accept as an API base (https:, or http: on loopback). */
const origineApi = (url: string) => {
  try {
    const parsed = new URL(url, document.baseURI);
    const accepte = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.test(parsed.hostname));
    return accepte ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The policy for this snippet: hostCsp()'s text with the stand-in origins replaced. Without
 * a platform, the API's stand-in is removed (and connect-src with it when nothing is left).
 * `images`: every image address the element shows (logo-src, photo-src, the structure's
 * logo); `opendataBase`: <spp-resultats>' own open data address, which replaces the
 * programme's portal in connect-src; `doublonsLit`: the page itself creates a `lit-html`
 * Trusted Types policy, so trusted-types needs 'allow-duplicates'.
 */
export function politique(
  politiques: Politiques,
  {
    cdn,
    api,
    opendata,
    images,
    opendataBase,
    doublonsLit = false,
  }: {
    cdn: string;
    api: string[];
    opendata: boolean;
    images: string[];
    opendataBase?: string;
    doublonsLit?: boolean;
  },
): string {
  const origineImages = uniques(images.map(origine));
  const cle = [opendata && 'opendata', origineImages.length > 0 && 'images'].filter(Boolean).join('+');
  const { origines, modeles } = politiques;
  const origineApis = uniques(api.map(origine));
  // The portal's origin: what the open data model adds to connect-src.
  const portail = sources(modeles.opendata, 'connect-src').filter(
    (s) => !sources(modeles[''], 'connect-src').includes(s),
  );
  const autrePortail = opendata && opendataBase ? origineApi(opendataBase) : undefined;
  return modeles[cle]
    .split('; ')
    .map((directive) => {
      let texte = directive
        .replaceAll(origines.cdn, origine(cdn) ?? cdn)
        .replaceAll(origines.images, origineImages.join(' '))
        .replaceAll(` ${origines.api}`, origineApis.length ? ` ${origineApis.join(' ')}` : '');
      if (autrePortail && directive.startsWith('connect-src ')) {
        const liste = texte.split(' ').map((s) => (portail.includes(s) ? autrePortail : s));
        texte = uniques(liste).join(' ');
      }
      if (doublonsLit && directive.startsWith('trusted-types ')) texte += " 'allow-duplicates'";
      return texte;
    })
    .filter((directive) => directive.includes(' '))
    .join('; ');
}
