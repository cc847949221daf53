// custom-elements.json documents the public API (elements, attributes,
// events, methods, parts); it must match the source it is generated from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

test('custom-elements.json is in sync with the source (run `npm run manifest`)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cem-'));
  // The analyzer resolves --outdir against the working directory.
  execFileSync('npx', ['cem', 'analyze', '--outdir', relative(process.cwd(), dir)], { stdio: 'pipe' });
  const fresh = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
  const committed = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  assert.deepEqual(committed, fresh);
});

test('the manifest documents the public events and methods of <phone-widget>', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const widget = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'phone-widget');
  const events = widget.events.map((e) => e.name);
  for (const name of ['phone-status', 'phone-incoming', 'phone-call-start', 'phone-call-end', 'phone-error']) assert.ok(events.includes(name), name);
  const methods = widget.members.filter((m) => m.kind === 'method' && !m.privacy).map((m) => m.name);
  for (const name of ['dial', 'answer', 'hangup']) assert.ok(methods.includes(name), name);
});
