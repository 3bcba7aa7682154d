/**
 * The request body's size limit. Hono's `bodyLimit` reads `c.req.raw.body` first, which makes
 * @hono/node-server build a web `Request` and a stream over the socket for every request instead
 * of reading the body directly (a tenth of an intake's time over HTTP, bench/api). So a GET or
 * HEAD, which has no body, passes at once, and a body that declares its length, and is not
 * chunked, is judged by its Content-Length header alone, as Hono's `bodyLimit` itself does: Node's
 * HTTP parser never passes on more bytes than declared. Any other body goes through Hono's
 * `bodyLimit`, which counts the bytes as they arrive.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as countedBodyLimit } from 'hono/body-limit';

export function bodyLimit(maxSize: number, onError: (c: Context) => Response): MiddlewareHandler {
  const counted = countedBodyLimit({ maxSize, onError });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) {
      return counted(c, next);
    }
    if (Number(declared) > maxSize) return onError(c);
    await next();
  };
}
