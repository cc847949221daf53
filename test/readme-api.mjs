// The README's element reference, generated from custom-elements.json (which
// `npm run manifest` generates from the sources' JSDoc). Between the markers
// below in README.md; test/readme-api.test.mjs checks it is up to date.
//
//   node test/readme-api.mjs --write     rewrite the block in README.md
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const START = '<!-- api:start (generated from custom-elements.json by `npm run readme`; do not edit) -->';
export const END = '<!-- api:end -->';

const root = new URL('../', import.meta.url);
const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
const code = (text) => (text ? `\`${cell(text).replace(/`/g, "'")}\`` : '');

/** Markdown tables for every public element of the manifest (internal parts of other elements left out). */
export function apiMarkdown(manifest) {
  const elements = manifest.modules
    .flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, path: m.path })))
    .filter((d) => d.customElement && d.tagName && !/^(phone-chat-|phone-test)/.test(d.tagName) && !d.path.includes('/test/'))
    .sort((a, b) => (a.tagName === 'phone-widget' ? -1 : b.tagName === 'phone-widget' ? 1 : a.tagName.localeCompare(b.tagName)));
  const out = [START, ''];
  for (const el of elements) {
    out.push(`#### \`<${el.tagName}>\``, '');
    if (el.summary) out.push(el.summary, '');
    const attrs = (el.attributes ?? []).filter((a) => a.name);
    if (attrs.length) {
      out.push('| attribute | property | type | default | |', '|---|---|---|---|---|');
      for (const a of attrs) out.push(`| ${code(a.name)} | ${code(a.fieldName ?? '')} | ${code(a.type?.text)} | ${code(a.default)} | ${cell(a.description)} |`);
      out.push('');
    }
    const props = (el.members ?? []).filter((m) => m.kind === 'field' && !m.privacy && !m.static && !m.attribute && m.description && !attrs.some((a) => a.fieldName === m.name));
    if (props.length) {
      out.push('| property (no attribute) | type | |', '|---|---|---|');
      for (const p of props) out.push(`| ${code(p.name)} | ${code(p.type?.text)} | ${cell(p.description)} |`);
      out.push('');
    }
    const methods = (el.members ?? []).filter((m) => m.kind === 'method' && !m.privacy && !m.static && m.description && !m.name.startsWith('#'));
    if (methods.length) {
      out.push('| method | returns | |', '|---|---|---|');
      for (const m of methods) {
        const params = (m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}`).join(', ');
        out.push(`| ${code(`${m.name}(${params})`)} | ${code(m.return?.type?.text)} | ${cell(m.description)} |`);
      }
      out.push('');
    }
    const events = (el.events ?? []).filter((e) => e.name && e.description);
    if (events.length) {
      out.push('| event | |', '|---|---|');
      for (const e of events) out.push(`| ${code(e.name)} | ${cell(e.description)} |`);
      out.push('');
    }
    const styling = [
      ...(el.cssParts ?? []).map((p) => `| ${code(`::part(${p.name})`)} | ${cell(p.description)} |`),
      ...(el.cssProperties ?? []).map((p) => `| ${code(p.name)} | ${cell(p.description)} |`),
      ...(el.slots ?? []).map((s) => `| slot ${code(s.name || '(default)')} | ${cell(s.description)} |`),
    ];
    if (styling.length) out.push('| styling | |', '|---|---|', ...styling, '');
  }
  out.push(END);
  return out.join('\n');
}

/** README.md with its generated block replaced. */
export function withApi(readme, manifest) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md has no api:start / api:end markers');
  return readme.slice(0, start) + apiMarkdown(manifest) + readme.slice(end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--write')) {
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  writeFileSync(new URL('README.md', root), withApi(readme, manifest));
  console.log('README.md: element reference regenerated from custom-elements.json');
}
