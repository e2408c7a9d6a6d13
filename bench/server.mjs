// The benchmark's server, on loopback: the built CDN folder as static files (no compression:
// gzip sizes are computed by the bench, the transfer itself stays plain), the bench pages,
// and the reference platform at /api (in-memory PGlite, rate limit off) so the questionnaire
// and the display elements read real data. One origin for all three.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGES, renderPage } from './pages.mjs';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
};
const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

function sendFile(res, path, cacheControl) {
  let size;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new Error('not a file');
    size = stats.size;
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': cacheControl,
  });
  createReadStream(path).pipe(res);
}

/** Serves `cdnDir` at `/spp-widgets/<version>/`; resolves to { origin, loader, apiBase, close }. */
export async function startServer({ cdnDir, version }) {
  const [{ openDatabase }, { createPlatform }, { connectMiddleware }] = await Promise.all([
    import('../platform/src/db.ts'),
    import('../platform/src/app.ts'),
    import('../platform/src/node.ts'),
  ]);
  const db = await openDatabase({ memory: true });
  const platform = await createPlatform({ db, rateLimit: false });
  const api = connectMiddleware(platform, { prefix: '/api' });
  const cdnPrefix = `/spp-widgets/${version}/`;
  const integrity = JSON.parse(readFileSync(join(cdnDir, 'integrity.json'), 'utf8')).files;
  let origin = '';

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    if (url.pathname.startsWith('/api/') || url.pathname === '/api') {
      api(req, res, (error) => {
        res.statusCode = error ? 500 : 404;
        res.end();
      });
      return;
    }
    if (url.pathname.startsWith(cdnPrefix)) {
      const relative = normalize(decodeURIComponent(url.pathname.slice(cdnPrefix.length)));
      if (relative.startsWith('..') || relative.includes(`${sep}..`)) {
        res.writeHead(400).end();
        return;
      }
      // Everything under the version folder is immutable, as on the real CDN.
      sendFile(res, join(cdnDir, relative), 'public, max-age=31536000, immutable');
      return;
    }
    if (url.pathname === '/bench/bouton-avis.svg') {
      sendFile(res, join(BENCH_DIR, 'bouton-avis.svg'), 'public, max-age=86400');
      return;
    }
    const page = /^\/bench\/([\w-]+)\.html$/.exec(url.pathname)?.[1];
    if (page && PAGES[page]) {
      const html = renderPage(page, {
        loader: `${origin}${cdnPrefix}spp-widgets.js`,
        verifiedLoader: { url: `${origin}${cdnPrefix}spp-widgets-sri.js`, integrity: integrity['spp-widgets-sri.js'] },
        apiBase: `${origin}/api`,
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    pageUrl: (id) => `${origin}/bench/${id}.html`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await platform.close();
    },
  };
}
