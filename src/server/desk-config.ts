/**
 * Where the desk keeps its data and how it listens, from command-line options and environment
 * variables (options win). One place, so `serve`, `demo` and the admin commands agree.
 * @module
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface DeskConfig {
  /** `sqlite:<file>` (the default) or `postgres://…`. */
  databaseUrl: string;
  /** The file holding the audit log's Ed25519 signing key; kept out of the database. */
  auditKeyFile: string;
  /** The audit log's name in its signed checkpoints (C2SP origin line). */
  auditOrigin: string;
  host: string;
  port: number;
  /** Cookies marked Secure; turn off only when serving plain HTTP to a browser on another host. */
  secureCookies: boolean;
  loginLimit: number;
  /** How often the server signs an audit checkpoint. */
  checkpointMinutes: number;
  /** The DuckDB file of ICE's public detainer releases (`detainer-desk ice …`). */
  iceDatabase: string;
}

export interface ConfigOptions {
  database?: string;
  dataDir?: string;
  host?: string;
  port?: string;
}

export function deskConfig(options: ConfigOptions = {}, env = process.env): DeskConfig {
  const dataDir = resolve(options.dataDir ?? env.DESK_DATA_DIR ?? 'data');
  const databaseUrl =
    options.database ?? env.DESK_DATABASE ?? `sqlite:${resolve(dataDir, 'desk.db')}`;
  const auditKeyFile = env.DESK_AUDIT_KEY_FILE ?? resolve(dataDir, 'audit-signing-key.json');
  if (databaseUrl.startsWith('sqlite:') && !databaseUrl.includes(':memory:')) {
    mkdirSync(dirname(databaseUrl.slice('sqlite:'.length)), { recursive: true });
  }
  mkdirSync(dirname(auditKeyFile), { recursive: true });
  const port = Number(options.port ?? env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `the port must be a number from 0 to 65535, not ${String(options.port ?? env.PORT)}`,
    );
  }
  return {
    databaseUrl,
    auditKeyFile,
    auditOrigin: env.DESK_AUDIT_ORIGIN ?? 'detainer-desk.local/audit',
    host: options.host ?? env.HOST ?? '127.0.0.1',
    port,
    secureCookies: env.DESK_INSECURE_COOKIES !== '1',
    loginLimit: Number(env.DESK_LOGIN_LIMIT ?? 30),
    checkpointMinutes: Number(env.DESK_CHECKPOINT_MINUTES ?? 5),
    iceDatabase: env.DESK_ICE_DATABASE ?? resolve(dataDir, 'ice.duckdb'),
  };
}
