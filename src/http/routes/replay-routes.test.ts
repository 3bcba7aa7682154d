import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemoIceRelease } from '../../demo/load-demo-ice.js';
import { detainerCase } from '../../law/testing/law-case.js';
import { startTestDesk, type Client, type TestDesk } from '../../testing/desk-server.js';
import { docIntakeWithoutWarrant, docIntakeWithWarrant } from '../../testing/intake-fixtures.js';
import { TEST_STORES } from '../../testing/test-stores.js';

interface Job {
  id: string;
  state: string;
  progress: { done: number; total: number };
  result?: {
    cases: number;
    changedCases: number;
    changes: {
      key: string;
      changes: { action: string; before: { status: string }; after: { status: string } }[];
    }[];
  };
}

interface Problem {
  status: number;
  errors?: { path: string; message: string }[];
}

const DESK_JUNE_2016 = {
  kind: 'desk',
  jurisdiction: 'nyc-doc',
  from: '2016-05-01',
  to: '2016-05-31',
};

/** Polls the job until it is no longer running. */
async function finished(client: Client, id: string): Promise<Job> {
  for (;;) {
    const response = await client.request('GET', `/api/what-if/replays/${id}`);
    assert.equal(response.status, 200, response.text);
    const job = response.body as Job;
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const kind of TEST_STORES) {
  describe(`replays under another law over HTTP (${kind.name})`, () => {
    let desk: TestDesk;
    let withoutWarrant: string;
    let release = 0;
    before(async () => {
      desk = await startTestDesk(kind);
      const demo = await loadDemoIceRelease(desk.iceDatabase, {
        seed: 2017,
        now: '2026-09-01T12:00:00Z',
      });
      release = demo.importId!;
      const clerk = await desk.as('clerk');
      for (const intake of [docIntakeWithWarrant('B-1'), docIntakeWithoutWarrant('B-2')]) {
        const response = await clerk.request('POST', '/api/cases', { body: intake });
        assert.equal(response.status, 201, response.text);
        if (intake.custody.bookingNumber === 'B-2')
          withoutWarrant = (response.body as { id: string }).id;
      }
    });
    after(() => desk.close());

    it('replays the desk’s cases: 202 with the address, then progress, then the result', async () => {
      const reviewer = await desk.as('reviewer');
      const started = await reviewer.request('POST', '/api/what-if/replays', {
        body: { under: 'nyc-doc@LL22/2013', source: DESK_JUNE_2016 },
      });
      assert.equal(started.status, 202, started.text);
      const job = started.body as Job;
      assert.equal(started.headers.get('location'), `/api/what-if/replays/${job.id}`);
      assert.equal(job.progress.total, 2);
      const done = await finished(reviewer, job.id);
      assert.equal(done.state, 'done');
      assert.equal(done.progress.done, 2);
      // § 9-131(b)(1) (LL58/2014) refuses the case without a judicial warrant; § 9-131(b)(2)(i)(A)
      // (LL22/2013) honours a detainer for a person "convicted of a covered crime", as PL 120.10 is.
      assert.equal(done.result?.cases, 2);
      assert.deepEqual(
        done.result.changes.map((change) => [
          change.key,
          change.changes.map((a) => `${a.action} ${a.before.status}->${a.after.status}`),
        ]),
        [[withoutWarrant, ['hold not-allowed->allowed', 'notify not-allowed->allowed']]],
      );
      const csv = await reviewer.request('GET', `/api/what-if/replays/${job.id}?format=csv`);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="replay-/);
      const lines = csv.text.trim().split('\n');
      assert.equal(lines.length, 3);
      assert.ok(lines[1]!.startsWith(`${withoutWarrant},nyc-doc,hold,not-allowed,allowed,`));
      const audit = await (await desk.as('auditor')).request('GET', '/api/audit/entries?limit=500');
      assert.ok(audit.text.includes('what-if.read-cases'), 'reading the cases is audited');
    });

    it('replays under an amendment, citing it in each changed answer, and refuses a bad one naming its field', async () => {
      const reviewer = await desk.as('reviewer');
      // § 9-131(b)(1)(i) (LL58/2014), the judicial warrant, dropped: the case without one is held
      // on its listed felony (§ 9-131(b)(1)(ii), (a)(7)(i)), as the case with one already was.
      const amendment = { title: 'No warrant', changes: [{ kind: 'drop-judicial-warrant' }] };
      const started = await reviewer.request('POST', '/api/what-if/replays', {
        body: { under: 'nyc-doc@2016-06-01', amendment, source: DESK_JUNE_2016 },
      });
      assert.equal(started.status, 202, started.text);
      const done = (await finished(reviewer, (started.body as Job).id)) as Job & {
        under: string;
        result: {
          under: { amendment?: unknown };
          changes: { changes: { madeTheDifference: string[] }[] }[];
        };
      };
      assert.equal(done.state, 'done');
      assert.match(done.under, /^nyc-doc@2015-02-12\+amendment [0-9a-f]{12}$/);
      assert.deepEqual(done.result.under.amendment, amendment);
      assert.deepEqual(
        done.result.changes.map((change) => change.key),
        [withoutWarrant],
      );
      for (const change of done.result.changes[0]!.changes) {
        assert.ok(change.madeTheDifference.some((key) => key.startsWith('what-if.amendment@')));
      }
      for (const [body, path] of [
        [
          { under: 'nyc-doc@2016-06-01', amendment: { title: 'x', changes: [] } },
          'amendment.changes',
        ],
        [
          {
            under: 'nyc-doc@2016-06-01',
            amendment: { title: 'x', changes: [{ kind: 'look-back', years: -1 }] },
          },
          'amendment.changes[0].years',
        ],
        [
          {
            under: 'nyc-doc@2016-06-01',
            amendment: { title: 'x', changes: [{ kind: 'add-crimes', crimes: ['theft'] }] },
          },
          'amendment.changes[0].crimes[0]',
        ],
        [{ under: 'nyc-doc', amendment }, 'under'],
        [
          {
            under: 'nyc-doc@LL22/2013',
            amendment: { title: 'x', changes: [{ kind: 'drop-judicial-warrant' }] },
          },
          'amendment.changes[0]',
        ],
      ] as const) {
        const refused = await reviewer.request('POST', '/api/what-if/replays', {
          body: { ...body, source: DESK_JUNE_2016 },
        });
        assert.equal(refused.status, 400, refused.text);
        assert.deepEqual(
          (refused.body as Problem).errors?.map((error) => error.path),
          [path],
          refused.text,
        );
      }
    });

    it('replays cases given as text, and names the line and field of a bad one', async () => {
      const supervisor = await desk.as('supervisor');
      const text = [
        JSON.stringify(detainerCase('nyc-nypd', { caseId: 'x' })),
        JSON.stringify(detainerCase('nyc-nypd', { caseId: 'y' })),
      ].join('\n');
      const started = await supervisor.request('POST', '/api/what-if/replays', {
        body: { under: 'texas', source: { kind: 'file', text } },
      });
      assert.equal(started.status, 202, started.text);
      const done = await finished(supervisor, (started.body as Job).id);
      assert.equal(done.result?.cases, 2);
      const bad = await supervisor.request('POST', '/api/what-if/replays', {
        body: {
          under: 'texas',
          source: { kind: 'file', text: `${text}\n{"jurisdiction":"nyc-nypd"}` },
        },
      });
      assert.equal(bad.status, 400, bad.text);
      assert.ok(
        (bad.body as Problem).errors?.some((error) =>
          error.path.startsWith('source.text line 3: '),
        ),
        bad.text,
      );
    });

    it('refuses a law, a period or a body it cannot take, naming the field', async () => {
      const auditor = await desk.as('auditor');
      for (const [body, field] of [
        [{ under: 'atlantis', source: DESK_JUNE_2016 }, 'under'],
        [{ under: 'nyc-doc@LL99/2030', source: DESK_JUNE_2016 }, 'under'],
        [{ under: 'texas', source: { ...DESK_JUNE_2016, from: '2016-02-30' } }, 'source.from'],
        [{ under: 'texas', source: { ...DESK_JUNE_2016, to: '2016-04-01' } }, 'source.to'],
        [
          { under: 'texas', source: { ...DESK_JUNE_2016, jurisdiction: 'x' } },
          'source.jurisdiction',
        ],
        [{ under: 'texas', source: { kind: 'file', text: '' } }, 'source.text'],
        [{ under: 'texas', source: { kind: 'mine' } }, 'source.kind'],
        [{ under: 'texas', source: DESK_JUNE_2016, extra: 1 }, 'extra'],
      ] as const) {
        const response = await auditor.request('POST', '/api/what-if/replays', { body });
        assert.equal(response.status, 400, `${JSON.stringify(body)}: ${response.text}`);
        assert.ok(
          (response.body as Problem).errors?.some((error) => error.path === field),
          `${field}: ${response.text}`,
        );
      }
      const huge = await auditor.request('POST', '/api/what-if/replays', {
        raw: JSON.stringify({
          under: 'texas',
          source: { kind: 'file', text: 'x'.repeat(1_100_000) },
        }),
      });
      assert.equal(huge.status, 400);
    });

    it('replays an imported ICE release’s rows, saying what was read, skipped and left out', async () => {
      const reviewer = await desk.as('reviewer');
      const source = {
        kind: 'release',
        release,
        state: 'TX',
        from: '2017-08-01',
        to: '2017-09-30',
      };
      const started = await reviewer.request('POST', '/api/what-if/replays', {
        body: { under: 'texas@SB 4', source },
      });
      assert.equal(started.status, 202, started.text);
      const job = started.body as Job & { source: string };
      assert.match(
        job.source,
        /ICE release \d+ \(SYNTHETIC DEMO RELEASE — not ICE data\.csv\) in TEXAS/,
      );
      const done = (await finished(reviewer, job.id)) as Job & {
        result: {
          release: {
            import: { synthetic: boolean };
            rows: { read: number; mapped: number; skipped: number };
            jurisdictions: { jurisdiction: string }[];
            unknownFacts: { path: string; cases: number }[];
          };
        };
      };
      assert.equal(done.state, 'done');
      const input = done.result.release;
      assert.equal(input.import.synthetic, true);
      assert.equal(input.rows.read, input.rows.mapped + input.rows.skipped);
      assert.equal(done.result.cases, input.rows.mapped);
      assert.deepEqual(
        input.jurisdictions.map((one) => one.jurisdiction),
        ['texas'],
      );
      // Tex. Code Crim. Proc. art. 2.251 (SB 4) took effect on 2017-09-01: the August rows change
      // (the duty it imposes is lifted by "proof that the person is a citizen of the United States
      // or has lawful immigration status", art. 2.251(b), a fact no release records), September's
      // do not.
      assert.ok(done.result.changedCases > 0);
      assert.ok(done.result.changedCases < done.result.cases);
      for (const change of done.result.changes) {
        assert.match(change.key, /^row \d+$/);
        assert.equal(change.changes[0]?.after.status, 'needs-information');
      }
      assert.ok(input.unknownFacts.some((fact) => fact.path === 'record.searchCompleted'));
      const audit = await (await desk.as('auditor')).request('GET', '/api/audit/entries?limit=500');
      assert.ok(audit.text.includes('what-if.read-release'), 'reading the rows is audited');
    });

    it('refuses an unknown release or a bad filter with a 400 naming the field, and starts nothing', async () => {
      const auditor = await desk.as('auditor');
      for (const [source, field] of [
        [{ kind: 'release', release: 999 }, 'source.release'],
        [{ kind: 'release', release: '1' }, 'source.release'],
        [{ kind: 'release', release: -1 }, 'source.release'],
        [{ kind: 'release' }, 'source.release'],
        [{ kind: 'release', release, from: 'yesterday' }, 'source.from'],
        [{ kind: 'release', release, state: '' }, 'source.state'],
        [{ kind: 'release', release, state: 'WY' }, 'source'],
        [{ kind: 'release', release, agency: 'nyc-doc' }, 'source.agency'],
      ] as const) {
        const response = await auditor.request('POST', '/api/what-if/replays', {
          body: { under: 'texas', source },
        });
        assert.equal(response.status, 400, `${JSON.stringify(source)}: ${response.text}`);
        assert.ok(
          (response.body as Problem).errors?.some((error) => error.path === field),
          `${field}: ${response.text}`,
        );
      }
      // Nothing started: the auditor may start one at once.
      const started = await auditor.request('POST', '/api/what-if/replays', {
        body: {
          under: 'texas',
          source: { kind: 'release', release, state: 'NY', to: '2013-01-31' },
        },
      });
      assert.equal(started.status, 202, started.text);
      await finished(auditor, (started.body as Job).id);
    });

    it('lets only reviewers, supervisors and auditors replay, and shows a job to its owner alone', async () => {
      const reviewer = await desk.as('reviewer');
      const started = await reviewer.request('POST', '/api/what-if/replays', {
        body: { under: 'california', source: DESK_JUNE_2016 },
      });
      assert.equal(started.status, 202, started.text);
      const id = (started.body as Job).id;
      for (const role of ['clerk', 'admin'] as const) {
        const refused = await (
          await desk.as(role)
        ).request('POST', '/api/what-if/replays', {
          body: { under: 'texas', source: DESK_JUNE_2016 },
        });
        assert.equal(refused.status, 403, role);
      }
      const anonymous = await desk.anonymous.request('GET', `/api/what-if/replays/${id}`);
      assert.equal(anonymous.status, 401);
      const other = await (await desk.as('reviewer2')).request('GET', `/api/what-if/replays/${id}`);
      assert.equal(other.status, 404);
      const cancelByOther = await (
        await desk.as('supervisor')
      ).request('DELETE', `/api/what-if/replays/${id}`);
      assert.equal(cancelByOther.status, 404);
      await finished(reviewer, id);
    });

    it('cancels a replay that runs, and leaves a finished one as it is', async () => {
      const reviewer = await desk.as('reviewer');
      const many = Array.from({ length: 3000 }, (_, index) =>
        JSON.stringify(detainerCase('nyc-doc', { caseId: `c${String(index)}` })),
      ).join('\n');
      const started = await reviewer.request('POST', '/api/what-if/replays', {
        body: { under: 'nyc-doc@LL22/2013', source: { kind: 'file', text: many } },
      });
      assert.equal(started.status, 202, started.text);
      const id = (started.body as Job).id;
      const missing = await reviewer.request('GET', '/api/what-if/replays/no-such-job');
      assert.equal(missing.status, 404);
      // The server may finish 3,000 cases before the DELETE arrives: a finished replay is left as
      // it is (replay-service.test.ts cancels one mid-run for certain, and refuses a second).
      const cancelled = await reviewer.request('DELETE', `/api/what-if/replays/${id}`);
      assert.equal(cancelled.status, 200);
      const job = await finished(reviewer, id);
      assert.equal((cancelled.body as Job).state, job.state);
      if (job.state === 'done') return;
      assert.equal(job.state, 'cancelled');
      assert.equal(job.result, undefined);
      const csv = await reviewer.request('GET', `/api/what-if/replays/${id}?format=csv`);
      assert.equal(csv.status, 409);
    });
  });
}
