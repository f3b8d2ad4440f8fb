/**
 * A static file server for the built app, on 127.0.0.1 and an ephemeral port, mounted under any
 * base path so tests prove the build works from a sub-directory. Records every request it serves.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.bin': 'application/octet-stream',
  '.csv': 'text/csv; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  url(path?: string): string;
  /** Replace a file's body for the next requests (e.g. a corrupted data file), or undefined to restore. */
  override(path: string, body: string | Uint8Array | undefined): void;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Compress text and data with gzip when the browser accepts it, as a production static server does. */
  readonly gzip?: boolean;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.webmanifest', '.bin', '.csv']);

export async function serveStatic(root: string, basePath = '/', options: ServeOptions = {}): Promise<StaticServer> {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const dir = resolve(root);
  const overrides = new Map<string, string | Uint8Array>();
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    const relative = path.slice(base.length) || 'index.html';
    const override = overrides.get(relative);
    if (override !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream' }).end(override);
      return;
    }
    const file = normalize(join(dir, relative));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const target = info.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target);
      const type = TYPES[extname(target)] ?? 'application/octet-stream';
      if (options.gzip && COMPRESSIBLE.has(extname(target)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' }).end(gzipSync(body));
      } else {
        res.writeHead(200, { 'content-type': type }).end(body);
      }
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path = '') => `${origin}${base}${path}`,
    override: (path, body) => (body === undefined ? overrides.delete(path) : overrides.set(path, body)),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
