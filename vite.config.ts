// Vite serves the demo (npm start) with the reference platform mounted at /api, builds the
// static demo (npm run build:demo, `--mode demo`), and serves Storybook; the published
// build is Rollup's (rollup.config.mjs).
//
// The demo pages run the CDN bundle (dist/cdn/<version>/, built by `npm start` when stale)
// through the loader's script tag, exactly as a site does. Environment:
// - SPP_DEMO_API: the platform the built demo talks to (none: the elements use their public
//   sources); the dev server always uses its own /api;
// - SPP_PLATFORM_MEMORY=1: an in-memory platform instead of .platform-data/ (tests).
import { randomBytes } from 'node:crypto';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { sppPlugins } from './build/plugins.mjs';
import { connectMiddleware } from './platform/src/node.js';
import { decrireCles, ouvrirPlateformeLocale, type PlateformeLocale } from './platform/src/local.js';
import { createPlatform } from './platform/src/app.js';
import { openDatabase } from './platform/src/db.js';
import { demoPlugins, pagesDemo } from './demo/server/vite-demo.mjs';
import { middlewareAvisRecus } from './demo/server/avis-recus.mjs';

async function ouvrirPlateforme(): Promise<PlateformeLocale & { cles: string[] }> {
  const configurees = (process.env.SPP_API_KEYS ?? '')
    .split(',')
    .map((cle) => cle.trim())
    .filter(Boolean);
  if (process.env.SPP_PLATFORM_MEMORY !== '1') {
    const locale = await ouvrirPlateformeLocale(quietLogger());
    return { ...locale, cles: locale.cleLocale ? [locale.cleLocale] : configurees };
  }
  const cleLocale = configurees.length === 0 ? randomBytes(24).toString('base64url') : null;
  const cles = cleLocale ? [cleLocale] : configurees;
  const plateforme = await createPlatform({ db: await openDatabase({ memory: true }), apiKeys: cles });
  return {
    plateforme,
    stockage: 'PostgreSQL embarqué (PGlite) en mémoire',
    cleLocale,
    clesConfigurees: configurees.length,
    cles,
  };
}

/** The platform under /api, on the same origin as the demo; `/` opens the demo. */
function embeddedPlatform(): Plugin {
  return {
    name: 'spp-embedded-platform',
    apply: 'serve',
    async configureServer(server) {
      const locale = await ouvrirPlateforme();
      server.middlewares.use(connectMiddleware(locale.plateforme, { prefix: '/api' }));
      // The key stays in this process: the « Avis reçus » page gets a summary without it.
      server.middlewares.use(middlewareAvisRecus(locale.plateforme, () => locale.cles[0]));
      server.middlewares.use((req, res, next) => {
        if (req.url !== '/' && req.url !== '/index.html') return next();
        res.writeHead(302, { Location: '/demo/' });
        res.end();
      });
      server.httpServer?.once('listening', () => {
        server.config.logger.info(`  ➜  Plateforme : /api/v1/… — ${locale.stockage}`);
        server.config.logger.info(`  ➜  ${decrireCles(locale)}`);
      });
      server.httpServer?.once('close', () => void locale.plateforme.close());
    },
  };
}

/** Platform errors only: the per-request lines would drown Vite's own output. */
function quietLogger() {
  return { info: () => undefined, error: (message: string) => console.error(message) };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'demo') {
    // The static demo: plain files for any static server, relative URLs, the CDN bundle copied in.
    const apiBase = process.env.SPP_DEMO_API?.trim() || undefined;
    if (!apiBase) {
      console.warn(
        'SPP_DEMO_API is not set: the built demo uses no platform (the elements fall back to public sources).',
      );
    }
    return {
      root: 'demo',
      base: './',
      publicDir: false,
      plugins: demoPlugins({ apiBase, statique: true }) as Plugin[],
      build: {
        outDir: '../demo-dist',
        emptyOutDir: true,
        target: 'es2022',
        // Fonts and icons stay files (never inlined into CSS).
        assetsInlineLimit: 0,
        rollupOptions: { input: pagesDemo() },
      },
    };
  }
  return {
    plugins: [...(sppPlugins() as Plugin[]), embeddedPlatform(), ...(demoPlugins({ apiBase: '/api' }) as Plugin[])],
    server: { port: Number(process.env.PORT ?? 5173), host: process.env.HOST ?? 'localhost' },
    build: { target: 'es2022' },
  };
});
