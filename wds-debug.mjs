import { startDevServer } from '@web/dev-server';
import config from '/work/main/web-test-runner.config.mjs';
const server = await startDevServer({ config: { rootDir: '/work/main', port: 8765, nodeResolve: config.nodeResolve, plugins: config.plugins, mimeTypes: config.mimeTypes }, readCliArgs: false, readFileConfig: false, logStartMessage: false });
const r = await fetch('http://localhost:8765/node_modules/jssip/lib/JsSIP.js'); const t = await r.text(); console.log(r.status, t.slice(0, 600)); console.log('...', t.slice(-400));
await server.stop();
