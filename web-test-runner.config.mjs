// Unit and element tests in Debian's Chromium (never a downloaded browser).
// End-to-end tests against the real SIP server live in test/e2e and run with
// node's test runner (see package.json).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import rollupJson from '@rollup/plugin-json';
import { chromeLauncher } from '@web/test-runner-chrome';

const commonjs = fromRollup(rollupCommonjs);
const json = fromRollup(rollupJson);

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: { browser: true, preferBuiltins: false, exportConditions: ['production'] },
  mimeTypes: { '**/*.json': 'js' },
  plugins: [
    json({ include: ['**/node_modules/jssip/package.json'] }),
    commonjs({ include: ['**/node_modules/jssip/**', '**/node_modules/events/**', '**/node_modules/debug/**', '**/node_modules/ms/**', '**/node_modules/sdp-transform/**'], requireReturnsDefault: 'auto' }),
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
