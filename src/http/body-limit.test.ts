import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from './body-limit.js';

/** Posts `chunks` over a real socket: with Content-Length, or chunked when `declare` is false. */
function post(port: number, chunks: string[], declare: boolean) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const length = chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk), 0);
    const req = request(
      {
        port,
        method: 'POST',
        path: '/',
        headers: declare ? { 'content-length': String(length) } : {},
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, text });
        });
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('the body limit on the Node server', () => {
  let server: ServerType;
  let port: number;
  before(async () => {
    const app = new Hono();
    app.use(bodyLimit(10, (c) => c.text('too large', 413)));
    app.post('/', async (c) => c.text(`read ${String((await c.req.text()).length)}`));
    app.get('/', (c) => c.text('no body'));
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
        resolve(started);
      });
    });
    port = (server.address() as AddressInfo).port;
  });
  after(() => {
    server.close();
  });

  it('passes a request without a body', async () => {
    const response = await fetch(`http://127.0.0.1:${String(port)}/`);
    assert.equal(await response.text(), 'no body');
  });

  it('passes a body up to the limit, declared or chunked', async () => {
    assert.deepEqual(await post(port, ['12345', '67890'], true), { status: 200, text: 'read 10' });
    assert.deepEqual(await post(port, ['12345', '67890'], false), { status: 200, text: 'read 10' });
  });

  it('refuses a body over the limit, declared or chunked', async () => {
    assert.deepEqual(await post(port, ['12345', '678901'], true), {
      status: 413,
      text: 'too large',
    });
    assert.deepEqual(await post(port, ['12345', '678901'], false), {
      status: 413,
      text: 'too large',
    });
  });
});
