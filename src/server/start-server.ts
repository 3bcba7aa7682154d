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
import { iceDatabaseAt } from '../ice/ice-database.js';
import { createCheckpoint } from '../services/audit-service.js';
import { refreshDashboard } from '../services/report-service.js';
import { createLogger, type Logger } from './logger.js';

const CHECKPOINT_ACTOR = { id: 'server', username: 'server', role: 'admin' } as const;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** `logger` defaults to JSON lines on standard output at the configured level. */
export async function startServer(
  ctx: DeskContext,
  config: DeskConfig,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  const auditSigner = loadAuditSigner(config);
  const app = createApp(ctx, {
    secureCookies: config.secureCookies,
    loginLimit: config.loginLimit,
    sessionIdleMinutes: config.sessionIdleMinutes,
    auditSigner,
    ice: iceDatabaseAt(config.iceDatabase),
    logger,
  });
  // A busy or forbidden address rejects here (EADDRINUSE, EACCES), for the caller to name it.
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => {
      started.off('error', reject);
      resolve(started);
    });
    started.once('error', reject);
  });
  // A signed checkpoint every few minutes, so a truncated or rewritten log cannot pass unnoticed
  // for long; copies kept outside the database (GET /api/audit/checkpoint) make it provable.
  const checkpoints = setInterval(() => {
    createCheckpoint(ctx, CHECKPOINT_ACTOR, auditSigner).catch((error: unknown) => {
      logger.error({ error: String(error) }, 'audit checkpoint failed');
    });
  }, config.checkpointMinutes * 60_000);
  checkpoints.unref();
  // Derives any report rows older code left, and builds the public dashboard, before a visitor
  // asks for it; a failure is logged and left to the first visitor's request to retry.
  const warming = refreshDashboard(ctx).then(
    () => undefined,
    (error: unknown) => {
      logger.error({ error: String(error) }, 'building the reports dashboard failed');
    },
  );
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  return {
    url: `http://${config.host}:${String(port)}`,
    close: async () => {
      clearInterval(checkpoints);
      // The store may close next: the dashboard's first build must not be reading it then.
      await warming;
      await new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      });
    },
  };
}
