// Unit and element tests in Debian's Chromium (never a downloaded browser).
// End-to-end tests against the real SIP server live in test/e2e and run with
// node's test runner (see package.json).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { build } from 'esbuild';

/**
 * JsSIP ships CommonJS only: serve it to the browser as one ES module
 * (default export = the JsSIP object), bundled once by esbuild.
 */
function jssipAsEsm() {
  let body;
  return {
    name: 'jssip-as-esm',
    resolveImport({ source }) {
      if (source === 'jssip') return '/__jssip.js';
    },
    async serve(context) {
      if (context.path !== '/__jssip.js') return;
      body ??= (
        await build({ entryPoints: ['node_modules/jssip/lib/JsSIP.js'], bundle: true, format: 'esm', platform: 'browser', write: false })
      ).outputFiles[0].text;
      return { body, type: 'js' };
    },
  };
}

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: { browser: true, preferBuiltins: false, exportConditions: ['production'] },
  plugins: [
    jssipAsEsm(),
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--headless=new',
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 5000 } },
};
