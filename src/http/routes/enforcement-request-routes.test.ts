import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { startTestDesk, type TestDesk } from '../../testing/desk-server.js';
import { TEST_STORES } from '../../testing/test-stores.js';

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

interface View {
  id: string;
  response: { kind: string; respondedBy: string } | null;
  withheld: { clause: string } | null;
}

/** A quarter that has ended whatever the day the tests run: the one before last. */
function endedQuarter(): { id: string; day: (month: number, day: number) => string } {
  const now = new Date();
  const month = now.getUTCMonth() - 6;
  const start = new Date(Date.UTC(now.getUTCFullYear(), month - (((month % 3) + 3) % 3), 1));
  const year = start.getUTCFullYear();
  const first = start.getUTCMonth();
  return {
    id: `${String(year)}Q${String(first / 3 + 1)}`,
    // Noon in New York on a day of the quarter's `month` (0, 1 or 2).
    day: (offset, day) =>
      new Date(Date.UTC(year, first + offset, day, 17)).toISOString().replace('.000Z', 'Z'),
  };
}

const request = (receivedAt: string) => ({
  receivingAgency: 'nyc-nypd',
  requestingAgency: 'cbp',
  receivedAt,
  asked: 'Asked officers to stand by at a checkpoint run for immigration enforcement.',
});

for (const kind of TEST_STORES) {
  describe(`the § 10-178(d) record and quarterly report over HTTP (${kind.name})`, () => {
    let desk: TestDesk;
    const quarter = endedQuarter();
    before(async () => {
      desk = await startTestDesk(kind);
    });
    after(() => desk.close());

    it('a clerk records a request (201, Location), then its response; a supervisor lists them', async () => {
      const clerk = await desk.as('clerk');
      const created = await clerk.request('POST', '/api/enforcement-requests', {
        body: request(quarter.day(0, 10)),
      });
      assert.equal(created.status, 201, created.text);
      const { id } = created.body as View;
      assert.equal(created.headers.get('location'), `/api/enforcement-requests/${id}`);
      const responded = await clerk.request('POST', `/api/enforcement-requests/${id}/response`, {
        body: {
          kind: 'declined',
          actions: 'Declined in writing; no officer was sent.',
          respondedAt: quarter.day(0, 11),
        },
      });
      assert.equal(responded.status, 200, responded.text);
      assert.equal((responded.body as View).response?.respondedBy, 'clerk');
      const again = await clerk.request('POST', `/api/enforcement-requests/${id}/response`, {
        body: { kind: 'agreed', actions: 'Agreed.' },
      });
      assert.equal(again.status, 409);
      const missing = await clerk.request('POST', '/api/enforcement-requests/nope/response', {
        body: { kind: 'agreed', actions: 'Agreed.' },
      });
      assert.equal(missing.status, 404);

      const withheld = await (
        await desk.as('supervisor')
      ).request('POST', '/api/enforcement-requests', {
        body: {
          ...request(quarter.day(1, 3)),
          requestingAgency: 'hsi',
          withheld: {
            ground: 'public-safety',
            reason: 'Part of a joint task force on gang violence; disclosure would endanger it.',
          },
        },
      });
      assert.equal(withheld.status, 201, withheld.text);
      assert.equal((withheld.body as View).withheld?.clause, '§ 10-178(d)(ii)');

      const list = await (
        await desk.as('supervisor')
      ).request('GET', '/api/enforcement-requests?limit=1&status=responded');
      assert.equal(list.status, 200, list.text);
      const page = list.body as { items: View[]; total: number; limit: number };
      assert.deepEqual([page.total, page.limit, page.items[0]?.id], [1, 1, id]);
    });

    it('401 signed out, 403 for a role without the permission', async () => {
      const body = request(quarter.day(0, 12));
      assert.equal(
        (await desk.anonymous.request('POST', '/api/enforcement-requests', { body })).status,
        401,
      );
      assert.equal((await desk.anonymous.request('GET', '/api/enforcement-requests')).status, 401);
      const reviewer = await desk.as('reviewer');
      const refused = await reviewer.request('POST', '/api/enforcement-requests', { body });
      assert.equal(refused.status, 403);
      assert.match((refused.body as Problem).detail, /enforcement-request\.record/);
      assert.equal((await reviewer.request('GET', '/api/enforcement-requests')).status, 403);
      const auditor = await desk.as('auditor');
      assert.equal((await auditor.request('GET', '/api/enforcement-requests')).status, 200);
      assert.equal(
        (await auditor.request('POST', '/api/enforcement-requests', { body })).status,
        403,
      );
    });

    it('400 naming each bad field: unknown fields (a name), dates, identifiers, agencies', async () => {
      const clerk = await desk.as('clerk');
      const future = new Date(Date.now() + 86_400_000).toISOString();
      const cases: [Record<string, unknown>, string[]][] = [
        [
          { ...request(quarter.day(0, 12)), personName: 'Someone', nysid: '1' },
          ['personName', 'nysid'],
        ],
        [{ ...request('1999-06-01T12:00:00Z') }, ['receivedAt']],
        [{ ...request(future) }, ['receivedAt']],
        [{ ...request('yesterday') }, ['receivedAt']],
        [{ ...request(quarter.day(0, 12)), asked: 'About A-123-456-789.' }, ['asked']],
        [{ ...request(quarter.day(0, 12)), requestingAgency: 'other' }, ['requestingAgencyName']],
        [
          { ...request(quarter.day(0, 12)), receivingAgency: 'other', receivingAgencyName: 'D' },
          ['receivingAgencyName'],
        ],
        [
          {
            ...request(quarter.day(0, 12)),
            response: { kind: 'agreed', actions: 'Agreed.', respondedAt: quarter.day(0, 11) },
          },
          ['response.respondedAt'],
        ],
      ];
      for (const [body, paths] of cases) {
        const refused = await clerk.request('POST', '/api/enforcement-requests', { body });
        assert.equal(refused.status, 400, JSON.stringify(body));
        assert.deepEqual(
          (refused.body as Problem).errors?.map((error) => error.path).sort(),
          [...paths].sort(),
          JSON.stringify(body),
        );
      }
      const open = (
        await clerk.request('POST', '/api/enforcement-requests', {
          body: request(quarter.day(2, 1)),
        })
      ).body as View;
      const early = await clerk.request('POST', `/api/enforcement-requests/${open.id}/response`, {
        body: { kind: 'agreed', actions: 'Agreed.', respondedAt: quarter.day(1, 1) },
      });
      assert.equal(early.status, 400);
      assert.deepEqual(
        (early.body as Problem).errors?.map((error) => error.path),
        ['respondedAt'],
      );
      const badQuery = await clerk.request('GET', '/api/enforcement-requests?status=closed');
      assert.equal(badQuery.status, 400);
      assert.deepEqual(
        (badQuery.body as Problem).errors?.map((error) => error.path),
        ['status'],
      );
    });

    it('anyone reads the quarterly report, as JSON or CSV: agencies and counts, no words', async () => {
      const path = `/api/quarterly-reports/${quarter.id}`;
      const report = await desk.anonymous.request('GET', path);
      assert.equal(report.status, 200, report.text);
      const body = report.body as {
        law: { clauseId: string };
        rows: {
          requestingAgency: { id: string };
          counts: { requests: number; declined: number };
        }[];
        total: { requests: number; declined: number; noResponse: number };
        withheld: { ground: string; requests: number }[];
      };
      assert.equal(body.law.clauseId, 'nyc.10-178.d');
      assert.deepEqual(
        [body.total.requests, body.total.declined, body.total.noResponse],
        [2, 1, 1],
      );
      assert.deepEqual(
        body.withheld.map((ground) => [ground.ground, ground.requests]),
        [
          ['investigation', 0],
          ['public-safety', 1],
        ],
      );
      for (const words of ['checkpoint', 'task force', 'clerk', 'supervisor', 'Declined in']) {
        assert.ok(!report.text.includes(words), words);
      }

      const csv = await desk.fetch(`${path}?format=csv`);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      assert.equal(
        csv.headers.get('content-disposition'),
        `attachment; filename="10-178-${quarter.id}.csv"`,
      );
      const rows = parse<Record<string, string>>(await csv.text(), { columns: true });
      assert.equal(rows.find((row) => row.row === 'total')?.requests, '2');
    });

    it('refuses a quarter that is malformed or has not ended, naming `quarter`', async () => {
      for (const quarterText of ['2026-13', '2999Q1', '2100Q4']) {
        const refused = await desk.anonymous.request(
          'GET',
          `/api/quarterly-reports/${quarterText}`,
        );
        assert.equal(refused.status, 400, quarterText);
        assert.deepEqual(
          (refused.body as Problem).errors?.map((error) => error.path),
          ['quarter'],
          quarterText,
        );
      }
      const format = await desk.anonymous.request(
        'GET',
        `/api/quarterly-reports/${quarter.id}?format=pdf`,
      );
      assert.equal(format.status, 400);
      assert.deepEqual(
        (format.body as Problem).errors?.map((error) => error.path),
        ['format'],
      );
    });
  });
}
