// stories/stories.test.ts renders the stories it imports: every *.stories.ts file of the
// repository must be one of them, or a new story file would go untested.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function storyFiles(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return storyFiles(path);
    return entry.name.endsWith('.stories.ts') ? [path] : [];
  });
}

test('every *.stories.ts file is rendered by stories/stories.test.ts', () => {
  const files = [...storyFiles('stories'), ...storyFiles('src')].sort();
  assert.ok(files.length >= 6, `story files found: ${files.join(', ')}`);
  const testFile = readFileSync(join(root, 'stories/stories.test.ts'), 'utf8');
  const imported = [...testFile.matchAll(/^import \* as \w+ from '([^']+\.stories)\.js';$/gm)].map((m) =>
    relative(root, join(root, 'stories', `${m[1]}.ts`)),
  );
  const listed = [...testFile.matchAll(/^ {2}'([^']+\.stories\.ts)': \w+,$/gm)].map((m) => m[1]);
  assert.deepEqual([...imported].sort(), files, 'imported by the test');
  assert.deepEqual([...listed].sort(), files, 'listed in STORY_MODULES');
});
