/**
 * The desk's real HTTP server for the API benchmark, in its own process: argv[2] is the store URL,
 * argv[3] the port. Prints "listening <url>" when ready.
 */
import { deskConfig } from '../../src/server/desk-config.js';
import { startServer } from '../../src/server/start-server.js';
import { deskContext } from '../../src/services/desk-context.js';
import { openStore } from '../../src/store/open-store.js';

const [databaseUrl = '', port = '0', dataDir = 'data'] = process.argv.slice(2);
const store = await openStore(databaseUrl);
const server = await startServer(
  deskContext(store),
  deskConfig({ port, dataDir, database: databaseUrl }),
);
process.stdout.write(`listening ${server.url}\n`);
