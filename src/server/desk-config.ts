/**
 * Where the desk keeps its data and how it listens, from command-line options and environment
 * variables (options win). One place, so `serve`, `demo` and the admin commands agree. Every
 * setting is checked here, at start, against its range: a bad one stops the command with a
 * message naming it, never a server that runs wrong (a checkpoint interval past Node's timer limit
 * once signed a checkpoint every millisecond).
 * @module
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DeskError } from '../desk/errors.js';
import type { FieldIssue } from '../engine/errors.js';
import { LOG_LEVELS, type LogLevel } from './logger.js';

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
  /** Minutes without a request after which a session ends (CJIS: at most 30). */
  sessionIdleMinutes: number;
  /** How often the server signs an audit checkpoint. */
  checkpointMinutes: number;
  /** The DuckDB file of ICE's public detainer releases (`detainer-desk ice …`). */
  iceDatabase: string;
  /** The least severe log line the server writes (`silent` for none). */
  logLevel: LogLevel;
}

export interface ConfigOptions {
  database?: string;
  dataDir?: string;
  host?: string;
  port?: string;
}

/** The ranges, also in docs/desk.md's configuration table. */
export const LIMITS = {
  port: { min: 0, max: 65_535 },
  loginLimit: { min: 1, max: 100_000 },
  // CJIS Security Policy 5.5.5: a session locks after at most 30 minutes of inactivity.
  sessionIdleMinutes: { min: 1, max: 30 },
  // At least daily: a checkpoint is what makes a truncated log provable.
  checkpointMinutes: { min: 1, max: 1440 },
} as const;

/** One setting: its name as the user wrote it (option or variable) and its text, if given. */
interface Setting {
  name: string;
  text: string | undefined;
}

/** @throws DeskError `invalid-input` naming every setting that is out of range. */
export function deskConfig(options: ConfigOptions = {}, env = process.env): DeskConfig {
  const issues: FieldIssue[] = [];
  // An empty variable counts as unset, as in most shells' `VAR= command`.
  const variable = (name: string): Setting => ({
    name,
    text: env[name] === '' ? undefined : env[name],
  });
  const setting = (option: string, optionText: string | undefined, name: string): Setting =>
    optionText === undefined ? variable(name) : { name: option, text: optionText };
  const refuse = (at: Setting, expected: string) => {
    issues.push({ path: at.name, message: `must be ${expected}, not ${JSON.stringify(at.text)}` });
  };
  const integer = (at: Setting, fallback: number, { min, max }: { min: number; max: number }) => {
    if (at.text === undefined) return fallback;
    const value = Number(at.text);
    if (/^\d+$/.test(at.text.trim()) && value >= min && value <= max) return value;
    refuse(at, `a whole number from ${String(min)} to ${String(max)}`);
    return fallback;
  };
  const text = (at: Setting, fallback: string, pattern: RegExp, expected: string) => {
    if (at.text === undefined) return fallback;
    if (pattern.test(at.text)) return at.text;
    refuse(at, expected);
    return fallback;
  };
  const path = (at: Setting, fallback: string) =>
    text(at, fallback, /^[^\0]+$/, 'a file or folder path');

  const dataDir = resolve(path(setting('DESK_DATA_DIR', options.dataDir, 'DESK_DATA_DIR'), 'data'));
  const database = setting('--database', options.database, 'DESK_DATABASE');
  const databaseUrl = text(
    database,
    `sqlite:${resolve(dataDir, 'desk.db')}`,
    /^(sqlite:[^\0]+|postgres(ql)?:\/\/\S+|(?![a-z][\w+.-]*:)[^\0]+)$/i,
    'sqlite:FILE, postgres://… or a file path',
  );
  const config: DeskConfig = {
    databaseUrl,
    auditKeyFile: path(variable('DESK_AUDIT_KEY_FILE'), resolve(dataDir, 'audit-signing-key.json')),
    auditOrigin: text(
      variable('DESK_AUDIT_ORIGIN'),
      'detainer-desk.local/audit',
      /^[!-*,-~]+$/,
      'one word of printable ASCII without "+" (a schema-less URL such as example.org/audit)',
    ),
    host: text(
      setting('--host', options.host, 'HOST'),
      '127.0.0.1',
      /^\S+$/,
      'a host name or address',
    ),
    port: integer(setting('--port', options.port, 'PORT'), 8080, LIMITS.port),
    secureCookies:
      text(variable('DESK_INSECURE_COOKIES'), '0', /^[01]$/, '1 (plain HTTP) or 0') !== '1',
    loginLimit: integer(variable('DESK_LOGIN_LIMIT'), 30, LIMITS.loginLimit),
    sessionIdleMinutes: integer(
      variable('DESK_SESSION_IDLE_MINUTES'),
      30,
      LIMITS.sessionIdleMinutes,
    ),
    checkpointMinutes: integer(variable('DESK_CHECKPOINT_MINUTES'), 5, LIMITS.checkpointMinutes),
    iceDatabase: path(variable('DESK_ICE_DATABASE'), resolve(dataDir, 'ice.duckdb')),
    logLevel: text(
      variable('DESK_LOG_LEVEL'),
      'info',
      new RegExp(`^(${LOG_LEVELS.join('|')})$`),
      `one of ${LOG_LEVELS.join(', ')}`,
    ) as LogLevel,
  };
  if (issues.length > 0) {
    const each = issues.map((issue) => `${issue.path} ${issue.message}`).join('; ');
    throw new DeskError('invalid-input', `invalid configuration: ${each}`, issues);
  }
  // The data folder is the owner's alone (0700), like every file the desk creates in it.
  if (databaseUrl.startsWith('sqlite:') && !databaseUrl.includes(':memory:')) {
    mkdirSync(dirname(databaseUrl.slice('sqlite:'.length)), { recursive: true, mode: 0o700 });
  }
  mkdirSync(dirname(config.auditKeyFile), { recursive: true, mode: 0o700 });
  return config;
}
