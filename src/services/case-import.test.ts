import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import type { Actor } from '../auth/roles.js';
import { readIntakeCsv } from '../import/intake-csv.js';
import { readIntakeJson } from '../import/intake-json.js';
import { docIntakeWithWarrant } from '../testing/intake-fixtures.js';
import { TEST_STORES } from '../testing/test-stores.js';
import { exportCases } from './case-export.js';
import { importCases } from './case-import.js';
import { deskContext, type DeskContext } from './desk-context.js';

const supervisor: Actor = { id: 's', username: 'supervisor', role: 'supervisor' };
const clerk: Actor = { id: 'c', username: 'clerk', role: 'clerk' };

const CSV = [
  'jurisdiction,person_name,nysid,booking_number,form,received_at,judicial_warrant,search_completed,convictions,expected_release_at',
  'nyc-nypd,Test Csv One,11111111A,CSV-1,I-247A,2018-03-01T10:00:00-05:00,no,yes,PL 120.05(2)|felony|2015-01-02|new-york|conviction,',
  'nyc-nypd,Test Csv Two,,CSV-2,I-247A,2018-03-02T10:00:00-05:00,unknown,no,,2018-03-03T09:00:00-05:00',
  'nyc-nypd,,,CSV-3,I-999,2018-02-30T10:00:00-05:00,maybe,yes,,',
  'nyc-nypd,Test Csv One,11111111A,CSV-1,I-247A,2018-03-01T10:00:00-05:00,no,yes,PL 120.05(2)|felony|2015-01-02|new-york|conviction,',
].join('\n');

for (const kind of TEST_STORES) {
  describe(`importing and exporting case files (${kind.name})`, () => {
    let ctx: DeskContext;
    let dispose: () => Promise<void>;
    before(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      ctx = deskContext(opened.store);
    });
    after(() => dispose());

    it('CSV: good rows are recorded, a repeated row is one case, a bad row is reported with its line and fields', async () => {
      const report = await importCases(ctx, supervisor, readIntakeCsv(Readable.from([CSV])));
      assert.equal(report.read, 4);
      assert.equal(report.created, 2);
      assert.equal(report.alreadyRecorded, 1);
      assert.equal(report.read, report.created + report.alreadyRecorded + report.rejected.length);
      assert.equal(report.rejected.length, 1);
      const reject = report.rejected[0]!;
      assert.equal(reject.line, 4);
      const paths = reject.errors.map((error) => error.path);
      for (const path of [
        'person.name',
        'request.form',
        'request.receivedAt',
        'request.judicialWarrant.presented',
      ]) {
        assert.ok(paths.includes(path), `${path} in ${paths.join()}`);
      }
    });

    it('JSON and NDJSON: a line that is not JSON is rejected by number, the others are kept', async () => {
      const ndjson = [
        JSON.stringify(docIntakeWithWarrant('ND-1')),
        '{not json',
        JSON.stringify(docIntakeWithWarrant('ND-2')),
      ].join('\n');
      const report = await importCases(ctx, supervisor, readIntakeJson(Readable.from([ndjson])));
      assert.deepEqual(
        [report.read, report.created, report.rejected.map((r) => r.line)],
        [3, 2, [2]],
      );
      const array = JSON.stringify([docIntakeWithWarrant('AR-1'), { jurisdiction: 'nyc-doc' }]);
      const second = await importCases(ctx, supervisor, readIntakeJson(Readable.from([array])));
      assert.deepEqual(
        [second.read, second.created, second.rejected.map((r) => r.line)],
        [2, 1, [2]],
      );
    });

    it('only a supervisor imports; export carries the records and is audited', async () => {
      await assert.rejects(
        importCases(ctx, clerk, readIntakeCsv(Readable.from([CSV]))),
        /may not case.import/,
      );
      const views = [];
      for await (const view of exportCases(ctx, supervisor, { jurisdiction: 'nyc-nypd' }))
        views.push(view);
      assert.equal(views.length, 2);
      assert.deepEqual(views.map((view) => view.person.name).sort(), [
        'Test Csv One',
        'Test Csv Two',
      ]);
      const last = await ctx.store.db
        .selectFrom('auditEntries')
        .selectAll()
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(last.action, 'case.export');
      assert.match(last.payloadJson, /"count":2/);
    });
  });
}
