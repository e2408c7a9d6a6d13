// Vite serves the demo (npm start) and Storybook; the published build is Rollup's.
import { defineConfig, type Plugin } from 'vite';
import { sppPlugins } from './build/plugins.mjs';

/** `/` → the demo's home page. */
function demoHome(): Plugin {
  return {
    name: 'spp-demo-home',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url === '/' || req.url === '/index.html') {
          res.writeHead(302, { Location: '/demo/' });
          res.end();
          return;
        }
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [...(sppPlugins() as Plugin[]), demoHome()],
  server: { port: Number(process.env.PORT ?? 5173), host: process.env.HOST ?? 'localhost' },
  build: { target: 'es2022' },
});
