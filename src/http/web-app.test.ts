import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { problemApp } from './app.js';
import { registerWebApp } from './web-app.js';

describe('the web app is served beside the API', () => {
  const build = mkdtempSync(join(tmpdir(), 'desk-web-'));
  mkdirSync(join(build, 'assets'));
  writeFileSync(join(build, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(build, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(build, 'secret.txt'), 'not an asset');
  const app = problemApp();
  app.get('/api/known', (c) => c.json({ ok: true }));
  registerWebApp(app, build);
  after(() => {
    rmSync(build, { recursive: true, force: true });
  });

  it('answers the app at / and at its own routes, under a CSP without inline script or style', async () => {
    for (const path of ['/', '/cases/0190-abc', '/sign-in?next=%2F']) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
      assert.equal(await response.text(), '<!doctype html><title>app</title>');
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      const policy = response.headers.get('content-security-policy') ?? '';
      assert.match(policy, /script-src 'self'/);
      assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    }
  });

  it('serves built assets as immutable, and nothing outside assets/', async () => {
    const asset = await app.request('/assets/index-abc123.js');
    assert.equal(asset.status, 200);
    assert.equal(asset.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    for (const path of ['/assets/missing.js', '/assets/..%2Fsecret.txt', '/assets/secret.txt']) {
      assert.equal((await app.request(path)).status, 404, path);
    }
  });

  it('never shadows the API: unknown /api paths and other methods stay 404 problems', async () => {
    assert.equal((await app.request('/api/known')).status, 200);
    for (const [method, path] of [
      ['GET', '/api/unknown'],
      ['GET', '/api'],
      ['POST', '/api/unknown'],
      ['POST', '/cases/1'],
    ] as const) {
      const response = await app.request(path, { method });
      assert.equal(response.status, 404, `${method} ${path}`);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
    }
  });

  it('says how to build the app when it is not built', async () => {
    const bare = problemApp();
    registerWebApp(bare, join(build, 'nowhere'));
    const response = await bare.request('/');
    assert.equal(response.status, 503);
    assert.match(await response.text(), /npm run build:web/);
  });
});
