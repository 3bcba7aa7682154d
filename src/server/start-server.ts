/**
 * Starts the desk's HTTP server on a store. Used by `detainer-desk serve` and by the end-to-end
 * tests, which start the real server on a free port.
 * @module
 */
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../http/app.js';
import type { DeskContext } from '../services/desk-context.js';
import type { DeskConfig } from './desk-config.js';
import { loadAuditSigner } from './audit-signer.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(ctx: DeskContext, config: DeskConfig): Promise<RunningServer> {
  const app = createApp(ctx, {
    secureCookies: config.secureCookies,
    loginLimit: config.loginLimit,
    auditSigner: loadAuditSigner(config),
  });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => {
      resolve(started);
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  return {
    url: `http://${config.host}:${String(port)}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
