// Bundle size: how much the widget's own code adds on top of its dependencies.
//
//   node bench/bundle-size.mjs            # measure dist/phone-widget.js (built first only if missing)
//   node bench/bundle-size.mjs --build    # always rebuild it with `npx rollup -c` first
//   node bench/bundle-size.mjs --write-floor /tmp/floor.js   # also keep the floor bundle, to inspect it
//
// What it measures, all as gzip level 9 of the minified single script:
//   widget  dist/phone-widget.js, exactly as `npx rollup -c` ships it;
//   floor   a bundle made of nothing but the dependencies (jssip, lit,
//           @lit/context, idb-keyval), every export kept, built in memory with
//           the very same plugins as the real bundle (taken out of
//           rollup.config.mjs: the `debug` stub, the private-Lit-globals
//           transform, node-resolve, json, commonjs, terser with the same
//           options) as an IIFE. The floor is what any phone built on these
//           libraries costs; widget − floor is our own code (minus whatever
//           tree-shaking removes from the dependencies in the real bundle,
//           which is why the widget can in principle come out below it).
// It prints both, their ratio and the budget (85 KiB gzip for the widget) with
// PASS or OVER. It is a report, not a test: the exit code is 0 unless a build
// fails.
//
// The floor entry is a temporary file under os.tmpdir(); bare imports in it are
// resolved as if it sat in the repository, so node_modules is the project's.
// The real bundle's TypeScript plugin is replaced by an esbuild transform for
// the floor: the only TypeScript file in it is src/core/sip/debug-lite.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { transform } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WIDGET = join(ROOT, 'dist', 'phone-widget.js');
const BUDGET_KIB = 85;

const kib = (bytes) => bytes / 1024;
const gzip = (code) => gzipSync(code, { level: 9 }).length;
const fmt = (bytes) => `${kib(bytes).toFixed(1).padStart(6)} KiB`;

function buildWidget() {
  console.log('Building dist/phone-widget.js (npx rollup -c)…');
  const r = spawnSync('npx', ['rollup', '-c'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    console.error('The widget build failed.');
    process.exit(1);
  }
}

/** The plugins of the single-script build in rollup.config.mjs, TypeScript swapped for esbuild. */
async function widgetPlugins() {
  const { default: configs } = await import(join(ROOT, 'rollup.config.mjs'));
  const iife = configs.find((c) => c.output?.format === 'iife');
  const wanted = ['stub-debug', 'private-lit-globals', 'node-resolve', 'json', 'commonjs', 'terser'];
  const plugins = iife.plugins.filter((p) => wanted.includes(p.name));
  const missing = wanted.filter((name) => !plugins.some((p) => p.name === name));
  if (missing.length) throw new Error(`rollup.config.mjs has no ${missing.join(', ')} plugin any more`);
  const tsViaEsbuild = {
    name: 'ts-via-esbuild',
    async transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const out = await transform(code, { loader: 'ts', format: 'esm', target: 'es2022', sourcemap: true, sourcefile: id });
      return { code: out.code, map: out.map };
    },
  };
  // Same order as the real build: the TypeScript transform sits just before terser.
  const terserAt = plugins.findIndex((p) => p.name === 'terser');
  plugins.splice(terserAt, 0, tsViaEsbuild);
  return plugins;
}

async function buildFloor() {
  const dir = mkdtempSync(join(tmpdir(), 'phone-widget-floor-'));
  const entry = join(dir, 'floor-entry.js');
  // Namespace objects used as values: rollup keeps every export of each.
  writeFileSync(
    entry,
    [
      "import JsSIP from 'jssip';",
      "import * as lit from 'lit';",
      "import * as ctx from '@lit/context';",
      "import * as idb from 'idb-keyval';",
      'console.log(JsSIP, lit, ctx, idb);',
      '',
    ].join('\n'),
  );
  // Bare imports from the temporary entry resolve as if it were in the repository.
  const fromRepo = {
    name: 'resolve-from-repo',
    async resolveId(source, importer, options) {
      if (importer !== entry || source.startsWith('.') || source.startsWith('/')) return null;
      return this.resolve(source, join(ROOT, 'bench', 'floor-entry.js'), { ...options, skipSelf: true });
    },
  };
  try {
    const bundle = await rollup({ input: entry, plugins: [fromRepo, ...(await widgetPlugins())], onwarn: () => undefined });
    const { output } = await bundle.generate({ format: 'iife', sourcemap: false });
    await bundle.close();
    return output[0].code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--build') || !existsSync(WIDGET)) buildWidget();

let floorCode;
try {
  floorCode = await buildFloor();
} catch (error) {
  console.error(`The floor build failed: ${error.stack ?? error}`);
  process.exit(1);
}

const writeFloorAt = process.argv.indexOf('--write-floor');
if (writeFloorAt >= 0 && process.argv[writeFloorAt + 1]) writeFileSync(process.argv[writeFloorAt + 1], floorCode);

const widgetCode = readFileSync(WIDGET);
const widget = { min: widgetCode.length, gz: gzip(widgetCode) };
const floor = { min: Buffer.byteLength(floorCode), gz: gzip(floorCode) };
const ratio = widget.gz / floor.gz;
const verdict = kib(widget.gz) <= BUDGET_KIB ? 'PASS' : 'OVER';

console.log('');
console.log('                       minified     min+gzip');
console.log(`widget (dist)       ${fmt(widget.min)}   ${fmt(widget.gz)}`);
console.log(`floor (deps only)   ${fmt(floor.min)}   ${fmt(floor.gz)}`);
console.log(`widget − floor      ${fmt(widget.min - floor.min)}   ${fmt(widget.gz - floor.gz)}`);
console.log('');
console.log(
  `bundle size  widget ${kib(widget.gz).toFixed(1)} KiB  floor ${kib(floor.gz).toFixed(1)} KiB  ratio ${ratio.toFixed(2)}  budget ≤${BUDGET_KIB} KiB gzip  ${verdict}`,
);
