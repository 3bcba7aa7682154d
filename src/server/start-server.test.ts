/**
 * A started server builds the reports' dashboard, deriving any report rows older code left, before
 * a visitor asks: the first visitor does not pay for it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { intakeCase } from '../services/case-service.js';
import { deskContext } from '../services/desk-context.js';
import { REPORT_FACTS_REVISION } from '../services/report-facts.js';
import { docIntakeWithWarrant } from '../testing/intake-fixtures.js';
import { TEST_STORES } from '../testing/test-stores.js';
import { deskConfig } from './desk-config.js';
import { createLogger } from './logger.js';
import { startServer } from './start-server.js';

for (const kind of TEST_STORES) {
  describe(`starting the server (${kind.name})`, () => {
    it('derives report rows left by older code and builds the dashboard without a request', async () => {
      const { store, dispose } = await kind.open();
      const dataDir = mkdtempSync(join(tmpdir(), 'desk-start-'));
      try {
        const ctx = deskContext(store);
        await intakeCase(
          ctx,
          { id: 'c', username: 'clerk', role: 'clerk' },
          docIntakeWithWarrant(),
        );
        // As a store upgraded from code that derived its rows differently.
        await store.db.deleteFrom('reportFacts').execute();
        await store.db
          .insertInto('reportFactsState')
          .values({ id: 1, revision: 'older' })
          .execute();
        const logs: string[] = [];
        const config = deskConfig({ dataDir, port: '0', database: 'unused' }, {});
        const server = await startServer(
          deskContext(store),
          config,
          createLogger('info', { write: (line: string) => logs.push(line) }),
        );
        const revision = async () =>
          (await store.db.selectFrom('reportFactsState').select('revision').executeTakeFirst())
            ?.revision;
        for (
          let waited = 0;
          waited < 100 && (await revision()) !== REPORT_FACTS_REVISION;
          waited++
        ) {
          await sleep(50);
        }
        await server.close();
        assert.equal(await revision(), REPORT_FACTS_REVISION);
        const rows = await store.db.selectFrom('reportFacts').select('caseId').execute();
        assert.equal(rows.length, 1);
        assert.deepEqual(
          logs.filter((line) => line.includes('"level":50')),
          [],
          'nothing failed',
        );
      } finally {
        await dispose();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
