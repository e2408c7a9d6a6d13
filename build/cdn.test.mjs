import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loaderManifest } from './cdn.mjs';

test('the loader manifest lists each element module with everything it imports statically, once', () => {
  const files = {
    'elements/a.js': { imports: ['chunks/base.js', 'chunks/define.js'], dynamicImports: ['chunks/later.js'] },
    'elements/b.js': { imports: ['chunks/define.js'], dynamicImports: [] },
    'chunks/base.js': { imports: ['chunks/define.js', 'chunks/install.js'], dynamicImports: [] },
    'chunks/define.js': { imports: [], dynamicImports: [] },
    'chunks/install.js': { imports: [], dynamicImports: [] },
    'chunks/later.js': { imports: ['chunks/base.js'], dynamicImports: [] },
  };
  const manifest = loaderManifest({ 'spp-a': 'elements/a.js', 'spp-b': 'elements/b.js' }, files);
  assert.deepEqual(manifest, {
    // The module first (its failure is the one reported), then its static imports, deep ones
    // included; what it imports on demand is not loaded ahead.
    'spp-a': ['elements/a.js', 'chunks/base.js', 'chunks/define.js', 'chunks/install.js'],
    'spp-b': ['elements/b.js', 'chunks/define.js'],
  });
});
