/**
 * A tiny static file server for the end-to-end tests: URL prefixes mapped to directories (so the
 * demo can be served under a sub-path such as /some/base/), on 127.0.0.1 and a random port.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A URL prefix (starting and ending with `/`) served from a directory. */
export interface Mount {
  readonly prefix: string;
  readonly dir: string;
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  readonly origin: string;
  close(): Promise<void>;
}

async function fileFor(dir: string, rest: string): Promise<string | undefined> {
  const root = resolve(dir);
  const path = resolve(root, normalize(decodeURIComponent(rest)).replace(/^([/\\])+/, ''));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) return fileFor(dir, join(rest, 'index.html'));
  return info?.isFile() ? path : undefined;
}

/** Serves the mounts; a mount's prefix without its trailing slash redirects to it. */
export function serveStatic(mounts: readonly Mount[]): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const redirect = mounts.find((m) => url.pathname === m.prefix.slice(0, -1));
      if (redirect) {
        response.writeHead(301, { Location: redirect.prefix + url.search });
        response.end();
        return;
      }
      const mount = mounts.find((m) => url.pathname.startsWith(m.prefix));
      const file = mount ? await fileFor(mount.dir, url.pathname.slice(mount.prefix.length)) : undefined;
      if (!file) {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end(`Not found: ${url.pathname}`);
        return;
      }
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      response.end(body);
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
