import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

test('English is complete: every message of xliff/en.xlf has a translation', () => {
  const xliff = readFileSync(new URL('../xliff/en.xlf', import.meta.url), 'utf8');
  const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
  assert.ok(units.length > 0);
  const missing = units
    .filter(([, , body]) => !/<target>[\s\S]+?<\/target>/.test(body))
    .map(([, id, body]) => `${id}: ${body.trim()}`);
  assert.deepEqual(missing, []);
});
