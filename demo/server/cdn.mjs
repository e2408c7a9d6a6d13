// Where the demo finds the built CDN bundle (dist/cdn/<version>/, see rollup.config.mjs),
// whether it is older than its sources, and the loader's SRI hash. Node built-ins only:
// scripts/setup.mjs imports it before node_modules may exist.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RACINE = fileURLToPath(new URL('../../', import.meta.url));
export const LOADER = 'spp-widgets.js';

export function version(racine = RACINE) {
  return JSON.parse(readFileSync(join(racine, 'package.json'), 'utf8')).version;
}

const dossierCdn = (racine) => resolve(racine, process.env.SPP_DIST ?? 'dist', 'cdn');

/**
 * The folder holding the loader: dist/cdn/<version>/ (the published layout), else any
 * dist/cdn/**\/spp-widgets.js (an older layout), else null.
 * @returns {{ dossier: string, version: string } | null}
 */
export function trouverCdn(racine = RACINE) {
  const v = version(racine);
  const cdn = dossierCdn(racine);
  if (existsSync(join(cdn, v, LOADER))) return { dossier: join(cdn, v), version: v };
  const chercher = (dossier, profondeur) => {
    if (existsSync(join(dossier, LOADER))) return dossier;
    if (profondeur === 0 || !existsSync(dossier)) return null;
    for (const entree of readdirSync(dossier, { withFileTypes: true })) {
      const trouve = entree.isDirectory() && chercher(join(dossier, entree.name), profondeur - 1);
      if (trouve) return trouve;
    }
    return null;
  };
  const dossier = chercher(cdn, 2);
  return dossier ? { dossier, version: v } : null;
}

/** What goes into the CDN bundle: a change to any of these makes it stale. */
const SOURCES = ['src', 'build', 'data', 'xliff', 'rollup.config.mjs', 'package.json'];
const HORS_BUNDLE = /(^|[\\/])(generated|test-support)([\\/]|$)|\.(test|stories)\.ts$/;

function derniereModification(chemin) {
  if (!existsSync(chemin)) return 0;
  const info = statSync(chemin);
  if (!info.isDirectory()) return info.mtimeMs;
  let plusRecent = info.mtimeMs;
  for (const entree of readdirSync(chemin)) {
    const enfant = join(chemin, entree);
    if (HORS_BUNDLE.test(enfant)) continue;
    plusRecent = Math.max(plusRecent, derniereModification(enfant));
  }
  return plusRecent;
}

/** Why the CDN bundle must be (re)built, or null when it is up to date. */
export function raisonDeConstruire(racine = RACINE) {
  const cdn = trouverCdn(racine);
  if (!cdn || relative(dossierCdn(racine), cdn.dossier) !== cdn.version) {
    return `dist/cdn/${version(racine)}/ absent`;
  }
  const construit = statSync(join(cdn.dossier, LOADER)).mtimeMs;
  const source = SOURCES.find((chemin) => derniereModification(join(racine, chemin)) > construit);
  return source ? `${source}/ plus récent que dist/cdn/${cdn.version}/` : null;
}

/** The two loaders a site can use (README, « Deux chargeurs ») : verifying every module, or lighter. */
export const CHARGEURS = ['spp-widgets-sri.js', LOADER];

/**
 * The loaders' SRI hashes, from integrity.json (written by the CDN build); computed here only
 * while a build without integrity.json is around.
 * @returns {Record<string, string>}
 */
export function integrites(dossier) {
  const fichier = join(dossier, 'integrity.json');
  const publiees = existsSync(fichier) ? (JSON.parse(readFileSync(fichier, 'utf8')).files ?? {}) : {};
  const resultat = {};
  for (const nom of CHARGEURS) {
    if (publiees[nom]) resultat[nom] = publiees[nom];
    else if (existsSync(join(dossier, nom))) {
      resultat[nom] = `sha384-${createHash('sha384')
        .update(readFileSync(join(dossier, nom)))
        .digest('base64')}`;
    }
  }
  return resultat;
}
