import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { canonicalize } from 'json-canonicalize';
import { storedTextSha256 } from '../audit/record-hashes.js';
import type { Actor } from '../auth/roles.js';
import { DeskError } from '../desk/errors.js';
import { TEST_STORES } from '../testing/test-stores.js';
import { deskContext, type DeskContext } from './desk-context.js';
import {
  listEnforcementRequests,
  quarterlyRequestsReport,
  recordEnforcementRequest,
  respondToEnforcementRequest,
} from './enforcement-request-service.js';

const clerk: Actor = { id: 'u-clerk', username: 'clerk', role: 'clerk' };
const supervisor: Actor = { id: 'u-sup', username: 'supervisor', role: 'supervisor' };
const auditor: Actor = { id: 'u-aud', username: 'auditor', role: 'auditor' };
const reviewer: Actor = { id: 'u-rev', username: 'reviewer', role: 'reviewer' };

const NOW = '2026-04-15T14:00:00.000Z';

const iceAtDoc = {
  receivingAgency: 'nyc-doc',
  requestingAgency: 'ice',
  receivedAt: '2026-02-10T09:30:00-05:00',
  asked: 'Asked for officers to escort an ICE team through a facility to make arrests.',
};

/** The paths a refusal names, or fails if `work` does not refuse with invalid input. */
async function refusedPaths(work: Promise<unknown>): Promise<string[]> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof DeskError, String(error));
    assert.equal(error.code, 'invalid-input', error.message);
    return error.issues.map((issue) => issue.path);
  }
  assert.fail('expected a refusal');
}

for (const kind of TEST_STORES) {
  describe(`the § 10-178(d) record of requests (${kind.name})`, () => {
    let ctx: DeskContext;
    let dispose: () => Promise<void>;
    before(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      ctx = deskContext(opened.store, { now: () => NOW });
    });
    after(() => dispose());

    const auditEntries = (subject: string) =>
      ctx.store.db
        .selectFrom('auditEntries')
        .select(['action', 'actor', 'payloadJson'])
        .where('subject', '=', subject)
        .orderBy('seq')
        .execute();

    it('records a request and its later response, each with an audit entry holding the row’s hash', async () => {
      const recorded = await recordEnforcementRequest(ctx, clerk, iceAtDoc);
      assert.equal(recorded.receivedAt, '2026-02-10T14:30:00.000Z');
      assert.equal(recorded.receivingAgencyLabel, 'Department of Correction');
      assert.equal(
        recorded.requestingAgencyLabel,
        'U.S. Immigration and Customs Enforcement (ICE)',
      );
      assert.equal(recorded.response, null);
      assert.equal(recorded.withheld, null);
      assert.equal(recorded.recordedBy, 'clerk');

      const responded = await respondToEnforcementRequest(ctx, supervisor, recorded.id, {
        kind: 'declined',
        actions: 'Declined: city resources may not be used for immigration enforcement.',
        respondedAt: '2026-02-10T11:00:00-05:00',
      });
      assert.deepEqual(responded.response, {
        kind: 'declined',
        actions: 'Declined: city resources may not be used for immigration enforcement.',
        respondedAt: '2026-02-10T16:00:00.000Z',
        respondedBy: 'supervisor',
      });

      const entries = await auditEntries(`enforcement-request/${recorded.id}`);
      assert.deepEqual(
        entries.map((entry) => `${entry.action} ${entry.actor}`),
        ['enforcement-request.record clerk', 'enforcement-request.respond supervisor'],
      );
      const row = await ctx.store.db
        .selectFrom('enforcementRequests')
        .selectAll()
        .where('id', '=', recorded.id)
        .executeTakeFirstOrThrow();
      const last = JSON.parse(entries[1]!.payloadJson) as Record<string, unknown>;
      assert.equal(last.recordSha256, storedTextSha256(canonicalize(row)));
      assert.equal(last.responseKind, 'declined');
      // The audit log keeps codes and dates, never the record's words.
      for (const entry of entries) {
        assert.ok(!entry.payloadJson.includes('escort'), entry.payloadJson);
        assert.ok(!entry.payloadJson.includes('city resources'), entry.payloadJson);
      }

      await assert.rejects(
        respondToEnforcementRequest(ctx, clerk, recorded.id, {
          kind: 'agreed',
          actions: 'Agreed after all.',
        }),
        (error: DeskError) => error.code === 'conflict',
      );
      await assert.rejects(
        respondToEnforcementRequest(ctx, clerk, 'no-such-id', { kind: 'agreed', actions: 'x' }),
        (error: DeskError) => error.code === 'not-found',
      );
    });

    it('records a request with its response and a withholding at once; named agencies', async () => {
      const recorded = await recordEnforcementRequest(ctx, supervisor, {
        receivingAgency: 'other',
        receivingAgencyName: 'Department of Homeless Services',
        requestingAgency: 'state-police',
        requestingAgencyName: 'New Jersey State Police',
        receivedAt: '2026-03-02T10:00:00-05:00',
        asked: 'Asked for shelter records to support a joint task force operation.',
        response: { kind: 'partly', actions: 'Gave the shelter’s public address only.' },
        withheld: {
          ground: 'investigation',
          reason: 'The task force’s investigation is open and would be compromised.',
        },
      });
      assert.equal(recorded.receivingAgencyLabel, 'Department of Homeless Services');
      assert.equal(recorded.requestingAgencyLabel, 'New Jersey State Police');
      assert.equal(recorded.response?.respondedAt, NOW);
      assert.equal(recorded.response.respondedBy, 'supervisor');
      assert.deepEqual(recorded.withheld, {
        ground: 'investigation',
        clause: '§ 10-178(d)(i)',
        reason: 'The task force’s investigation is open and would be compromised.',
      });
    });

    it('refuses bad fields, naming each, and stores nothing', async () => {
      const before = await listEnforcementRequests(ctx, supervisor, { offset: 0, limit: 1 });
      const cases: [unknown, string[]][] = [
        [{ ...iceAtDoc, receivingAgency: 'nyc-parks' }, ['receivingAgency']],
        [{ ...iceAtDoc, receivedAt: '1999-12-31T12:00:00Z' }, ['receivedAt']],
        [{ ...iceAtDoc, receivedAt: '2026-02-30T10:00:00Z' }, ['receivedAt']],
        [{ ...iceAtDoc, receivedAt: '2026-04-16T10:00:00Z' }, ['receivedAt']],
        [{ ...iceAtDoc, asked: '' }, ['asked']],
        [{ ...iceAtDoc, asked: 'x'.repeat(501) }, ['asked']],
        [{ ...iceAtDoc, asked: 'Asked where A123456789 will be released.' }, ['asked']],
        [{ ...iceAtDoc, asked: 'Asked about NYSID 12345678Q.' }, ['asked']],
        [{ ...iceAtDoc, asked: 'Asked about the man with DOB 1990-01-01.' }, ['asked']],
        [{ ...iceAtDoc, asked: 'Asked about booking 3411912345.' }, ['asked']],
        // A field the record does not have (a person's name): the API names it; here, the body.
        [{ ...iceAtDoc, name: 'Someone' }, ['(body)']],
        [{ ...iceAtDoc, receivingAgencyName: 'Department of Correction' }, ['receivingAgencyName']],
        [{ ...iceAtDoc, requestingAgency: 'other' }, ['requestingAgencyName']],
        [
          { ...iceAtDoc, requestingAgency: 'other', requestingAgencyName: '=HYPERLINK("x")' },
          ['requestingAgencyName'],
        ],
        [{ ...iceAtDoc, response: { kind: 'maybe', actions: 'Something.' } }, ['response.kind']],
        [
          {
            ...iceAtDoc,
            response: {
              kind: 'declined',
              actions: 'Declined.',
              respondedAt: '2026-02-09T10:00:00-05:00',
            },
          },
          ['response.respondedAt'],
        ],
        [
          {
            ...iceAtDoc,
            response: {
              kind: 'declined',
              actions: 'Declined.',
              respondedAt: '2026-05-01T10:00:00Z',
            },
          },
          ['response.respondedAt'],
        ],
        [
          { ...iceAtDoc, withheld: { ground: 'secrecy', reason: 'x'.repeat(30) } },
          ['withheld.ground'],
        ],
        [
          { ...iceAtDoc, withheld: { ground: 'investigation', reason: 'short' } },
          ['withheld.reason'],
        ],
      ];
      for (const [input, paths] of cases) {
        assert.deepEqual(
          await refusedPaths(recordEnforcementRequest(ctx, clerk, input)),
          paths,
          JSON.stringify(input),
        );
      }
      const open = await recordEnforcementRequest(ctx, clerk, iceAtDoc);
      for (const [input, paths] of [
        [
          { kind: 'agreed', actions: 'Agreed.', respondedAt: '2026-02-10T09:00:00-05:00' },
          ['respondedAt'],
        ],
        [
          { kind: 'agreed', actions: 'Agreed.', respondedAt: '2026-04-16T00:00:00Z' },
          ['respondedAt'],
        ],
        [{ kind: 'agreed', actions: '' }, ['actions']],
        [{ kind: 'agreed', actions: 'Told them 123-45-6789.' }, ['actions']],
      ] as const) {
        assert.deepEqual(
          await refusedPaths(respondToEnforcementRequest(ctx, clerk, open.id, input)),
          paths,
          JSON.stringify(input),
        );
      }
      const after = await listEnforcementRequests(ctx, supervisor, { offset: 0, limit: 1 });
      assert.equal(after.total, before.total + 1);
      assert.equal(
        (await listEnforcementRequests(ctx, supervisor, { offset: 0, limit: 50, status: 'open' }))
          .items[0]?.id,
        open.id,
      );
    });

    it('lists the requests, the latest received first, paged; by role', async () => {
      const all = await listEnforcementRequests(ctx, auditor, { offset: 0, limit: 50 });
      assert.ok(all.total >= 3);
      const received = all.items.map((item) => item.receivedAt);
      assert.deepEqual(received, [...received].sort().reverse());
      const second = await listEnforcementRequests(ctx, clerk, { offset: 1, limit: 1 });
      assert.deepEqual(
        second.items.map((item) => item.id),
        [all.items[1]!.id],
      );
      const responded = await listEnforcementRequests(ctx, clerk, {
        offset: 0,
        limit: 50,
        status: 'responded',
      });
      assert.ok(responded.items.every((item) => item.response !== null));
      await assert.rejects(
        listEnforcementRequests(ctx, reviewer, { offset: 0, limit: 1 }),
        (error: DeskError) => error.code === 'forbidden',
      );
      await assert.rejects(
        recordEnforcementRequest(ctx, auditor, iceAtDoc),
        (error: DeskError) => error.code === 'forbidden',
      );
    });

    it('builds the quarterly report from the records: agencies and counts, withheld left out', async () => {
      const report = await quarterlyRequestsReport(ctx, '2026Q1');
      assert.equal(report.law.clauseId, 'nyc.10-178.d');
      assert.equal(report.required, true);
      // Two from ICE to DOC (one declined, one without a response); the withheld one left out.
      assert.deepEqual(
        report.rows.map((row) => [
          row.requestingAgency.id,
          row.receivingAgency.id,
          row.counts.requests,
          row.counts.declined,
          row.counts.noResponse,
        ]),
        [['ice', 'nyc-doc', 2, 1, 1]],
      );
      assert.deepEqual(
        report.withheld.map((ground) => [ground.clause, ground.requests]),
        [
          ['§ 10-178(d)(i)', 1],
          ['§ 10-178(d)(ii)', 0],
        ],
      );
      const head = await ctx.store.db
        .selectFrom('auditHead')
        .select('size')
        .executeTakeFirstOrThrow();
      assert.equal(report.audit.size, head.size);
      const text = JSON.stringify(report);
      for (const words of ['escort', 'shelter', 'Homeless', 'New Jersey', 'clerk']) {
        assert.ok(!text.includes(words), `the report must not carry "${words}"`);
      }
      assert.deepEqual(await refusedPaths(quarterlyRequestsReport(ctx, '2026Q2')), ['quarter']);
      assert.deepEqual(await refusedPaths(quarterlyRequestsReport(ctx, '2026-03')), ['quarter']);
      assert.deepEqual(await refusedPaths(quarterlyRequestsReport(ctx, '1999Q4')), ['quarter']);
    });
  });
}
