// Test-only routes for the hostile-host tests (test/hostile/): real host pages served with
// their own headers (Content-Security-Policy above all), their stylesheets and scripts, and
// the real CDN loader (src/loader/spp-widgets.ts) as a classic script, bundled on the fly
// with esbuild. Its manifest maps each tag to the element's source module, which this same
// dev server compiles (with the build's plugins), so the pages run the code the tests see.
//
//   /hosts/page/<scenario>.html?demarche=…[&without=<directive>]   a page of test/hosts/pages.mjs
//   /hosts/<file>.css | .js                                       test/hosts/ assets
//   /hosts/cdn/spp-widgets.js                                     the loader
//   /hosts/dist/<version>/…                                       the built CDN bundle (dist/cdn/)
import { readFile, readdir } from 'node:fs/promises';
import { build } from 'esbuild';
import { SCENARIOS, renderPage } from '../hosts/pages.mjs';

const HOSTS_DIR = new URL('../hosts/', import.meta.url);
const ROOT = new URL('../../', import.meta.url);
const LOADER_URL = '/hosts/cdn/spp-widgets.js';
const DEMARCHE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Tag → element module, as the CDN manifest has it, but pointing at the sources (whose
 * imports the dev server resolves as they come: no list of them here).
 */
async function sourceManifest() {
  const names = await readdir(new URL('src/elements/', ROOT));
  return Object.fromEntries(names.map((name) => [`spp-${name}`, [`/src/elements/${name}/spp-${name}.ts`]]));
}

let loaderBundle;
async function bundleLoader() {
  const { version } = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8'));
  const manifest = await sourceManifest();
  const virtual = {
    '~spp/version': `export const version = ${JSON.stringify(version)};`,
    '~spp/cdn-manifest': `export default ${JSON.stringify(manifest)};`,
  };
  const result = await build({
    entryPoints: [new URL('src/loader/spp-widgets.ts', ROOT).pathname],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'spp-virtual',
        setup(esbuild) {
          esbuild.onResolve({ filter: /^~spp\// }, ({ path }) => ({ path, namespace: 'spp-virtual' }));
          esbuild.onLoad({ filter: /.*/, namespace: 'spp-virtual' }, ({ path }) => {
            if (!(path in virtual)) throw new Error(`${path} is not provided to the test loader`);
            return { contents: virtual[path], loader: 'js' };
          });
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

/** A policy with one directive emptied ('none'), to prove that directive is needed. */
function without(policy, directive) {
  const parts = policy.split(';').map((p) => p.trim());
  if (!parts.some((p) => p.split(' ')[0] === directive)) throw new Error(`${directive} is not in ${policy}`);
  return parts.map((p) => (p.split(' ')[0] === directive ? `${directive} 'none'` : p)).join('; ');
}

export default function hostsRoutes() {
  return async function hosts(ctx, next) {
    if (!ctx.path.startsWith('/hosts/') || ctx.method !== 'GET') return next();

    if (ctx.path === LOADER_URL) {
      loaderBundle ??= bundleLoader().catch((error) => {
        loaderBundle = undefined;
        throw error;
      });
      ctx.type = 'text/javascript';
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = await loaderBundle;
      return;
    }

    const page = /^\/hosts\/page\/([a-z0-9-]+)\.html$/.exec(ctx.path);
    if (page) {
      const name = page[1];
      const demarche = String(ctx.query.demarche ?? 'hote');
      if (!(name in SCENARIOS) || !DEMARCHE.test(demarche)) {
        ctx.status = 404;
        return;
      }
      let csp = SCENARIOS[name].csp;
      if (ctx.query.without && csp) csp = without(csp, String(ctx.query.without));
      ctx.type = 'text/html; charset=utf-8';
      ctx.set('Cache-Control', 'no-store');
      if (csp) ctx.set('Content-Security-Policy', csp);
      const build = SCENARIOS[name].build;
      if (build) {
        // The real CDN bundle, as `npm run build` left it (byte for byte: its integrity is checked).
        const { version } = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8'));
        let integrity;
        try {
          integrity = JSON.parse(await readFile(new URL(`dist/cdn/${version}/integrity.json`, ROOT), 'utf8')).files[
            build
          ];
        } catch {
          ctx.status = 404;
          ctx.body = 'No CDN build: run npm run build.';
          return;
        }
        ctx.body = renderPage(name, { demarche, loader: `/hosts/dist/${version}/${build}`, integrity });
        return;
      }
      ctx.body = renderPage(name, { demarche, loader: LOADER_URL });
      return;
    }

    // dist/cdn/<version>/…, untouched by the dev server's transforms (SRI hashes must match).
    const built = /^\/hosts\/dist\/(\d+\.\d+\.\d+[\w.-]*\/(?:[\w-]+\/)?[\w.-]+\.(js|woff2|json))$/.exec(ctx.path);
    if (built && !built[1].includes('..')) {
      try {
        ctx.body = await readFile(new URL(`dist/cdn/${built[1]}`, ROOT));
      } catch {
        ctx.status = 404;
        return;
      }
      ctx.type = { js: 'text/javascript', woff2: 'font/woff2', json: 'application/json' }[built[2]];
      ctx.set('Cache-Control', 'no-cache');
      return;
    }

    const asset = /^\/hosts\/([a-z0-9-]+\.(css|js))$/.exec(ctx.path);
    if (asset) {
      try {
        ctx.body = await readFile(new URL(asset[1], HOSTS_DIR), 'utf8');
      } catch {
        ctx.status = 404;
        return;
      }
      ctx.type = asset[2] === 'css' ? 'text/css' : 'text/javascript';
      ctx.set('Cache-Control', 'no-cache');
      return;
    }
    return next();
  };
}
