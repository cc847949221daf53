// The README's element reference is the one custom-elements.json gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { withApi } from './readme-api.mjs';

test('README.md lists what custom-elements.json says (run `npm run readme` after `npm run manifest`)', () => {
  const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  assert.equal(readme, withApi(readme, manifest));
});

test('the reference has the phone and each public element, with the widget’s attributes and events', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  for (const tag of ['phone-widget', 'phone-dialer', 'phone-call-card', 'phone-blf-panel', 'phone-chat', 'phone-history']) assert.match(readme, new RegExp(`#### \`<${tag}>\``));
  assert.match(readme, /\| `server` \| `server` \|/);
  assert.match(readme, /\| `phone-dial-request` \|/);
});
