/**
 * The desk's web app, served by the API's own server: the files Vite built into `dist/web`
 * (`npm run build:web`, run by `npm ci` through `prepare`) under `/assets/`, and `index.html` for
 * every other page path, so the app's own routes (`/cases/…`) survive a reload. Paths under
 * `/api/` are never the app's: an unknown one stays a 404 problem.
 * @module
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import type { DeskEnv } from './desk-env.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
};

/** Vite names assets by content hash: a letter, digit, `-`, `_` or `.`, nothing that climbs. */
const ASSET_NAME = /^[\w-]+(?:\.[\w-]+)*$/;

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Detainer Desk</title></head>
<body><main><h1>The web app is not built</h1>
<p>Run <code>npm run build:web</code> (or <code>npm ci</code>, which builds it), then reload.
The API is at <a href="/api/docs">/api/docs</a>.</p></main></body></html>
`;

/**
 * The app's pages run only the app's own files: no inline script or style, no other origin, and
 * API calls only to this server.
 */
const APP_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `dist/web` in the package's root, from the source (src/http) or the build (dist/src/http). */
export function builtWebAppFolder(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('the package root (package.json) was not found');
    folder = parent;
  }
  return join(folder, 'dist', 'web');
}

export function registerWebApp(app: Hono<DeskEnv>, folder = builtWebAppFolder()): void {
  // Read on first use and kept: the build does not change under a running server.
  const files = new Map<string, Promise<Buffer | undefined>>();
  const cached = (path: string) => {
    let file = files.get(path);
    if (file === undefined) {
      file = readFile(path).catch(() => undefined);
      files.set(path, file);
    }
    return file;
  };

  app.get('/assets/:name', async (c) => {
    const name = c.req.param('name');
    const type = TYPES[extname(name)];
    const file =
      ASSET_NAME.test(name) && type !== undefined
        ? await cached(join(folder, 'assets', name))
        : undefined;
    if (file === undefined) return c.notFound();
    // A content-hashed name never changes content.
    return c.body(new Uint8Array(file), 200, {
      'content-type': type!,
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });

  // Every method, so the 405 check (which skips such routes) does not read it as "GET only";
  // a method other than GET or HEAD, or an /api path, is left to the 404 and 405 answers.
  app.all('*', async (c) => {
    const path = c.req.path;
    const reading = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (!reading || path === '/api' || path.startsWith('/api/')) return c.notFound();
    const page = await cached(join(folder, 'index.html'));
    if (page === undefined) {
      files.delete(join(folder, 'index.html'));
      return c.html(NOT_BUILT, 503);
    }
    // Always asked again, so a new build's asset names reach the browser.
    return c.body(new Uint8Array(page), 200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'content-security-policy': APP_POLICY,
    });
  });
}
