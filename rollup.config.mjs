// Two builds:
// - dist/phone-widget.js: the single script for a <script> tag; lit, jssip and
//   everything else inside, minified, no globals, nothing fetched at run time.
// - dist/esm/: the ES module entry with .d.ts types for npm users; dependencies external.
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { fileURLToPath } from 'node:url';

const debugLite = fileURLToPath(new URL('./src/core/sip/debug-lite.ts', import.meta.url));

/** Replaces the `debug` package JsSIP requires with our small logger. */
const stubDebug = () => ({
  name: 'stub-debug',
  resolveId(source) {
    return source === 'debug' ? debugLite : null;
  },
});

/**
 * Lit marks the page with globals (its version lists and a shared property
 * metadata map) so that several copies of Lit can find each other. Our copy is
 * private to the bundle, so the bundle keeps them to itself: the host page
 * gets no globals beyond the custom element definitions.
 */
const privateLitGlobals = () => ({
  name: 'private-lit-globals',
  resolveId: (source) => (source === '\0lit-globals' ? source : null),
  load: (id) => (id === '\0lit-globals' ? 'export const litPropertyMetadata = new WeakMap();' : null),
  transform(code, id) {
    if (!/node_modules[\\/](lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id)) return null;
    let out = code.replace(/\(\w+\.(litHtmlVersions|litElementVersions|reactiveElementVersions)\?\?=\[\]\)\.push\("[^"]*"\)/g, 'void 0');
    out = out.replace(/\b\w+\.litPropertyMetadata\?\?=new WeakMap/g, 'void 0');
    if (out.includes('litPropertyMetadata')) {
      out = `import { litPropertyMetadata as __litPropertyMetadata } from '\0lit-globals';\n` +
        out.replace(/(?:\bglobalThis\.)?\blitPropertyMetadata\b/g, '__litPropertyMetadata');
    }
    return out === code ? null : { code: out, map: null };
  },
});

/**
 * The translation tables lit-localize writes (src/generated/locales/*.ts) key
 * each string by a 17-character hash; in the single script the keys are cut to
 * 7 characters (a third of a table's gzip size). src/i18n/locale.ts looks a
 * full id up by its first 7 characters when it is not found whole. The build
 * fails if two strings of a table would share a short key.
 */
const shortLocaleKeys = () => ({
  name: 'short-locale-keys',
  transform(code, id) {
    if (!/[\\/]src[\\/]generated[\\/]locales[\\/][^\\/]+\.ts$/.test(id)) return null;
    const seen = new Set();
    const out = code.replace(/'([sh][0-9a-f]{6})[0-9a-f]{10}':/g, (_, short) => {
      if (seen.has(short)) this.error(`two translations share the key ${short} in ${id}`);
      seen.add(short);
      return `'${short}':`;
    });
    return { code: out, map: null };
  },
});

const pkg = Object.keys((await import('./package.json', { with: { type: 'json' } })).default.dependencies);

export default [
  {
    input: 'src/widget.ts',
    output: { file: 'dist/phone-widget.js', format: 'iife', sourcemap: true },
    plugins: [
      stubDebug(),
      privateLitGlobals(),
      resolve({ browser: true, preferBuiltins: false }),
      json({ preferConst: true, compact: true }),
      commonjs({ requireReturnsDefault: 'auto' }),
      shortLocaleKeys(),
      typescript({ declaration: false, outDir: 'dist', sourceMap: true }),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
  },
  {
    input: 'src/index.ts',
    output: { dir: 'dist/esm', format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: 'src' },
    external: (id) => pkg.some((name) => id === name || id.startsWith(`${name}/`)),
    plugins: [typescript({ declaration: true, declarationDir: 'dist/esm', outDir: 'dist/esm', sourceMap: true })],
  },
];
