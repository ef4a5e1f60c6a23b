// A small static file server for the release build (dist/), on loopback only. Used by the
// browser tests and the benchmark; it serves .wasm as application/wasm, as a real host must.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/** Starts a server for `root` and resolves to { url, close, requests }. `redirects` maps a path
 * to the path it is redirected to (as some hosts send `/index.html` to `/`). */
export async function serve(root, { port = 0, headers = {}, redirects = {} } = {}) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (redirects[path]) { res.writeHead(301, { location: redirects[path] }).end(); return; }
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      // Serve a precompressed copy when the client accepts it and the build has one.
      const accepts = String(req.headers['accept-encoding'] ?? '');
      let encoding;
      let body;
      for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!accepts.split(',').some((e) => e.trim().split(';')[0] === name)) continue;
        try { body = await readFile(file + ext); encoding = name; break; } catch { /* none */ }
      }
      body ??= await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        vary: 'accept-encoding',
        // Public files with no credentials: script-mode embeds on other sites load them with CORS.
        'access-control-allow-origin': '*',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    requests,
    // Close idle keep-alive sockets too, or close() waits for the browser to drop them.
    close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }),
  };
}

// `node tests/e2e/server.mjs [dir] [port]` serves a folder until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve(process.argv[2] ?? 'dist', { port: Number(process.argv[3] ?? 8080) });
  console.log(`Serving ${process.argv[2] ?? 'dist'} at ${url}`);
}
