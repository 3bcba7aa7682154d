/**
 * The API's reading page at `/api/docs`: Swagger UI served from the installed `swagger-ui-dist`
 * package, never from a CDN, so the page works offline and the API's origin runs no script it
 * does not ship. The page's own start-up script is a file too, so the CSP needs no inline script.
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import type { DeskEnv } from './desk-env.js';

const ASSETS: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Detainer Desk API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<main id="api-reference"></main>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/start.js"></script>
</body>
</html>
`;

/** Scripts, styles and the document from this origin only; Swagger UI's icons are data: URIs. */
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// validatorUrl null: Swagger UI otherwise shows a badge fetched from validator.swagger.io.
const START = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#api-reference', deepLinking: true, validatorUrl: null });\n`;

export function registerApiDocs(app: Hono<DeskEnv>): void {
  const folder = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  // Read once, on first use: most servers never serve the reference page.
  const cache = new Map<string, string>();
  const asset = (name: string) => {
    let text = cache.get(name);
    if (text === undefined) {
      text = readFileSync(join(folder, name), 'utf8');
      cache.set(name, text);
    }
    return text;
  };
  app.get('/api/docs', (c) => c.html(PAGE, 200, { 'content-security-policy': PAGE_POLICY }));
  app.get('/api/docs/assets/start.js', (c) =>
    c.body(START, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/api/docs/assets/:name', (c) => {
    const name = c.req.param('name');
    const type = ASSETS[name];
    if (type === undefined) return c.notFound();
    return c.body(asset(name), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=86400',
    });
  });
}
