/**
 * Whether the server can listen where it was told to, asked before the desk opens its store or
 * loads the demo (about 15 s), so a busy port is one line naming it at once. A port taken in
 * between makes `startServer` reject, and `listenProblem` names that the same way.
 * @module
 */
import { createServer } from 'node:net';
import { UsageError } from './cli-errors.js';

/** What a failed `listen` means to the person who chose the address. */
export function listenProblem(error: unknown, host: string, port: number): UsageError | undefined {
  const where = `${host}:${String(port)}`;
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return new UsageError(
        `port ${String(port)} on ${host} is in use: stop what listens there, or choose another with --port or PORT`,
      );
    case 'EACCES':
      return new UsageError(`not allowed to listen on ${where}: choose a port above 1023`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new UsageError(`cannot listen on ${where}: no such address here (--host or HOST)`);
    default:
      return undefined;
  }
}

/** Listens on the address for a moment; a problem becomes a UsageError naming it. */
export async function assertCanListen(host: string, port: number): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error) => {
      reject(listenProblem(error, host, port) ?? error);
    });
    probe.listen({ host, port, exclusive: true }, () => {
      probe.close(() => {
        resolve();
      });
    });
  });
}
