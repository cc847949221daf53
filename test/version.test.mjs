// The version the settings show is the package's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

test('src/version.ts says the version package.json says', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const src = readFileSync(new URL('../src/version.ts', import.meta.url), 'utf8');
  assert.equal(src.match(/VERSION = '([^']+)'/)?.[1], pkg.version);
});
