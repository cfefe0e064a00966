// A small static file server for the page: `npm start` and the browser tests use it.
// Loopback only, correct MIME types (application/wasm), optional Content-Security-Policy header.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Serves files under root on 127.0.0.1; resolves to { url, close() } once listening. */
export function startStaticServer({ root, port = 0, csp = null }) {
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(root + sep)) throw new Error('outside the served folder');
      const body = await readFile(file);
      const headers = { 'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream' };
      if (csp) headers['Content-Security-Policy'] = csp;
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () =>
          new Promise((done) => {
            server.close(done);
            server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
          }),
      });
    });
  });
}
