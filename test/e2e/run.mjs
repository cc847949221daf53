// Runs the end-to-end files one by one (each starts its own Kamailio and
// Chromium). A file that fails is run once more and the retry is reported:
// a few BLF/presence waits depend on Kamailio's timing on a loaded 2-core
// machine. Prints one closing line with the totals of the final attempts.
// Run inside the loopback-only namespace: sh test/netns.sh node test/e2e/run.mjs
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => `${dir}${f}`);

const run = (file) => {
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(r.stdout);
  const count = (label) => Number(new RegExp(`^ℹ ${label} (\\d+)`, 'm').exec(r.stdout)?.[1] ?? 0);
  return { ok: r.status === 0, pass: count('pass'), fail: count('fail') || (r.status === 0 ? 0 : 1), skipped: count('skipped') };
};

let pass = 0;
let fail = 0;
let skipped = 0;
const retried = [];
for (const file of files) {
  let result = run(file);
  if (!result.ok) {
    retried.push(file.split('/').pop());
    console.log(`\n↻ ${file.split('/').pop()} failed (${result.fail}); running it once more\n`);
    result = run(file);
  }
  pass += result.pass;
  fail += result.fail;
  skipped += result.skipped;
}
if (retried.length) console.log(`\nretried once: ${retried.join(', ')}`);
console.log(`\n${pass} passed, ${fail} failed, ${skipped} skipped`);
process.exit(fail ? 1 : 0);
