// Vite-style asset imports, as the stories write them (`import data from './x.json'`,
// `import url from './x.svg?no-inline'`), for stories/stories.test.ts: a module request
// (Sec-Fetch-Dest: script) for a .json or .svg file gets an ES module; fetch() and <img>
// still get the file itself.
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default () => async (ctx, next) => {
  if (ctx.get('sec-fetch-dest') !== 'script' || !/\.(json|svg)$/.test(ctx.path)) return next();
  const file = resolve(ROOT, `.${decodeURIComponent(ctx.path)}`);
  if (!file.startsWith(ROOT) || file.includes(`${sep}node_modules${sep}`)) return next();
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return next();
  }
  ctx.type = 'text/javascript';
  ctx.body = ctx.path.endsWith('.json')
    ? `export default ${JSON.stringify(JSON.parse(text))};\n`
    : `export default ${JSON.stringify(ctx.path)};\n`;
};
