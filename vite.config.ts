// Vite serves the demo (npm start) with the reference platform mounted at /api, and
// Storybook; the published build is Rollup's (rollup.config.mjs).
import { defineConfig, type Plugin } from 'vite';
import { sppPlugins } from './build/plugins.mjs';
import { connectMiddleware } from './platform/src/node.js';
import { decrireCles, ouvrirPlateformeLocale } from './platform/src/local.js';

/** The platform under /api, on the same origin as the demo; `/` opens the demo. */
function embeddedPlatform(): Plugin {
  return {
    name: 'spp-embedded-platform',
    apply: 'serve',
    async configureServer(server) {
      const locale = await ouvrirPlateformeLocale(quietLogger());
      server.middlewares.use(connectMiddleware(locale.plateforme, { prefix: '/api' }));
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

export default defineConfig({
  plugins: [...(sppPlugins() as Plugin[]), embeddedPlatform()],
  server: { port: Number(process.env.PORT ?? 5173), host: process.env.HOST ?? 'localhost' },
  build: { target: 'es2022' },
});
