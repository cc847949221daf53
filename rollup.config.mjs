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

const pkg = Object.keys((await import('./package.json', { with: { type: 'json' } })).default.dependencies);

export default [
  {
    input: 'src/widget.ts',
    output: { file: 'dist/phone-widget.js', format: 'iife', sourcemap: true },
    plugins: [
      stubDebug(),
      resolve({ browser: true, preferBuiltins: false }),
      json({ preferConst: true, compact: true }),
      commonjs({ requireReturnsDefault: 'auto' }),
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
