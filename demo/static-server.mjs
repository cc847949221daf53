// A small static file server for the demo pages and the end-to-end tests:
// serves the repository's demo/, dist/ and test/e2e/pages/ on loopback only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ALLOWED = ['demo', 'dist', join('test', 'e2e', 'pages')];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Starts the server; resolves to { url, port, close() }. */
export function startStaticServer({ port = 8000, host = '127.0.0.1', headers = {} } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://x');
      let path = normalize(decodeURIComponent(pathname === '/' ? '/demo/index.html' : pathname)).replace(/^[/\\]+/, '');
      if (!ALLOWED.some((dir) => path === dir || path.startsWith(dir + sep))) throw Object.assign(new Error('not here'), { code: 'ENOENT' });
      let file = join(ROOT, path);
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers });
      res.end(body);
    } catch (error) {
      res.writeHead(error.code === 'ENOENT' || error.code === 'ENOTDIR' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(error.code === 'ENOENT' ? 'Not found' : 'Server error');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({ url: `http://${host}:${actual}`, port: actual, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
