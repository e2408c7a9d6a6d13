// Where the demo finds the built CDN bundle (dist/cdn/<version>/, see rollup.config.mjs),
// whether it is older than its sources, and the loader's SRI hash. Node built-ins only:
// scripts/setup.mjs imports it before node_modules may exist.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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
/** Rewritten by every `npm start` (lit-localize extract), so judged by content only. */
const REECRITS = /^xliff([\\/]|$)/;

function fichiersSources(racine) {
  const fichiers = [];
  const parcourir = (chemin) => {
    if (!existsSync(join(racine, chemin)) || HORS_BUNDLE.test(chemin)) return;
    if (!statSync(join(racine, chemin)).isDirectory()) return void fichiers.push(chemin);
    for (const entree of readdirSync(join(racine, chemin)).sort()) parcourir(join(chemin, entree));
  };
  SOURCES.forEach(parcourir);
  return fichiers;
}

const empreinte = (octets) => createHash('sha256').update(octets).digest('base64');
const fichierEmpreinte = (racine) => join(racine, 'node_modules', '.cache', 'spp-widgets', 'cdn-demo.json');

/** The sources' content and the built loader, as recorded after a build by setup.mjs. */
function empreintes(racine, cdn) {
  const sources = createHash('sha256');
  for (const fichier of fichiersSources(racine)) sources.update(fichier).update(readFileSync(join(racine, fichier)));
  return { sources: sources.digest('base64'), chargeur: empreinte(readFileSync(join(cdn.dossier, LOADER))) };
}

/** Records what the CDN bundle was built from (after a build, or once found fresh). */
export function enregistrerEmpreintes(racine = RACINE) {
  const cdn = trouverCdn(racine);
  if (!cdn) return;
  mkdirSync(dirname(fichierEmpreinte(racine)), { recursive: true });
  writeFileSync(fichierEmpreinte(racine), JSON.stringify(empreintes(racine, cdn)));
}

/** Why the CDN bundle must be (re)built, or null when it is up to date. */
export function raisonDeConstruire(racine = RACINE) {
  const cdn = trouverCdn(racine);
  if (!cdn || relative(dossierCdn(racine), cdn.dossier) !== cdn.version) {
    return `dist/cdn/${version(racine)}/ absent`;
  }
  const actuelles = empreintes(racine, cdn);
  try {
    const connues = JSON.parse(readFileSync(fichierEmpreinte(racine), 'utf8'));
    if (connues.chargeur === actuelles.chargeur) {
      return connues.sources === actuelles.sources ? null : 'sources modifiées depuis la construction';
    }
  } catch {
    // No record yet: judge by dates below.
  }
  // Built by someone else (npm run build): compare dates, leaving out the files every start rewrites.
  const construit = statSync(join(cdn.dossier, LOADER)).mtimeMs;
  const plusRecent = fichiersSources(racine).find(
    (fichier) => !REECRITS.test(fichier) && statSync(join(racine, fichier)).mtimeMs > construit,
  );
  if (plusRecent) return `${plusRecent} plus récent que dist/cdn/${cdn.version}/`;
  enregistrerEmpreintes(racine);
  return null;
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
