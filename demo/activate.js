// The activation-link builder: writes one-click links in both URL forms and
// checks them with the phone's own configuration code (the ESM build), so a
// link that would not work is flagged before it is sent.
import { readUrlParams, resolveConfig } from '/dist/esm/core/config.js';

const form = document.getElementById('builder');
const out = document.getElementById('link');
const problem = document.getElementById('problem');
const copy = document.getElementById('copy');
const open = document.getElementById('open');

// The page's own server, as the demo pages fix it with data-server / data-domain.
const PAGE_DEFAULTS = { server: 'ws://127.0.0.1:8080', domain: 'phone.test' };
const FIELDS = { any: ['server', 'identity', 'authentication', 'display', 'password', 'destination'], fixed: ['username', 'password', 'destination'] };

function build() {
  const data = new FormData(form);
  const kind = data.get('form');
  for (const part of form.querySelectorAll('[data-form]')) part.hidden = part.dataset.form !== kind;
  const url = new URL(data.get('page'), location.origin);
  for (const name of FIELDS[kind]) {
    const value = String(data.get(name) ?? '').trim();
    if (value) url.searchParams.set(name, value);
  }
  // What the phone will read from this link, and what it makes of it.
  const input = readUrlParams(url.search);
  const result = resolveConfig(kind === 'fixed' ? { ...PAGE_DEFAULTS, ...input } : input, location);
  const ok = result.ok;
  problem.textContent = ok ? '' : result.error?.message ?? 'Fill in the account.';
  out.value = ok ? url.toString() : '';
  copy.disabled = !ok;
  if (ok) {
    open.href = url.toString();
    open.removeAttribute('aria-disabled');
  } else {
    open.removeAttribute('href');
    open.setAttribute('aria-disabled', 'true');
  }
}

form.addEventListener('input', build);
copy.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(out.value);
    document.getElementById('copied').textContent = 'Link copied.';
  } catch {
    out.select();
    document.getElementById('copied').textContent = 'Select the link and copy it (the browser did not allow copying).';
  }
});
build();
