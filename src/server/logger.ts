/**
 * The server's log: one JSON line per event (pino), for a log collector to read. What goes in is
 * chosen field by field by the code that logs, never a whole request, body or error object, so the
 * log holds no one's personal data, cookie or token.
 * @module
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A logger writing to `destination` (standard output by default). */
export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'detainer-desk' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
