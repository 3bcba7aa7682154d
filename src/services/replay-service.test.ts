import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../auth/roles.js';
import { DeskError } from '../desk/errors.js';
import type { Engine } from '../engine/evaluate.js';
import { engine } from '../index.js';
import { detainerCase } from '../law/testing/law-case.js';
import type { Store } from '../store/open-store.js';
import { TEST_STORES } from '../testing/test-stores.js';
import { deskContext } from './desk-context.js';
import { MAX_RUNNING, ReplayJobs, type ReplayJobView } from './replay-service.js';

const reviewer: Actor = { id: 'u-reviewer', username: 'reviewer', role: 'reviewer' };
const auditor: Actor = { id: 'u-auditor', username: 'auditor', role: 'auditor' };
const supervisor: Actor = { id: 'u-supervisor', username: 'supervisor', role: 'supervisor' };

const casesText = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    JSON.stringify(detainerCase('nyc-doc', { caseId: `c${String(index).padStart(5, '0')}` })),
  ).join('\n');

const fileRequest = (count: number) => ({
  under: 'nyc-doc@LL22/2013',
  source: { kind: 'file' as const, text: casesText(count) },
});

/** The engine, calling `at` once when it has decided `calls` cases. */
function engineCalling(calls: number, at: () => void): Engine {
  let count = 0;
  return {
    jurisdictions: engine.jurisdictions,
    evaluate(input, options) {
      if (++count === calls) at();
      return engine.evaluate(input, options);
    },
  };
}

async function settled(jobs: ReplayJobs, actor: Actor, id: string): Promise<ReplayJobView> {
  for (;;) {
    const job = jobs.get(actor, id);
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function refusal(work: () => unknown): DeskError {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof DeskError);
    return error;
  }
  assert.fail('expected a DeskError');
}

async function refusalOf(work: Promise<unknown>): Promise<DeskError> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof DeskError);
    return error;
  }
  assert.fail('expected a DeskError');
}

for (const kind of TEST_STORES) {
  describe(`replay jobs (${kind.name})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ store, dispose } = await kind.open());
    });
    after(() => dispose());

    it('cancels a job mid-run: no result, the cases decided so far counted', async () => {
      let id = '';
      const jobs: ReplayJobs = new ReplayJobs(
        deskContext(store, { engine: engineCalling(1200, () => jobs.cancel(reviewer, id)) }),
      );
      id = (await jobs.start(reviewer, fileRequest(3000))).id;
      const job = await settled(jobs, reviewer, id);
      assert.equal(job.state, 'cancelled');
      assert.equal(job.result, undefined);
      // Cancelled in the third slice of 500: it stops when that slice ends.
      assert.equal(job.progress.done, 1500);
      assert.equal(job.progress.total, 3000);
      assert.ok(job.finishedAt);
    });

    it('runs one job per person and at most two at once', async () => {
      // A job runs its slices between turns of the event loop; the starts below take none.
      const jobs = new ReplayJobs(deskContext(store));
      const first = await jobs.start(reviewer, fileRequest(2000));
      const again = await refusalOf(jobs.start(reviewer, fileRequest(10)));
      assert.equal(again.code, 'too-many-requests');
      assert.match(again.message, /you have a replay running/);
      const second = await jobs.start(auditor, fileRequest(2000));
      assert.equal(MAX_RUNNING, 2);
      const third = await refusalOf(jobs.start(supervisor, fileRequest(10)));
      assert.equal(third.code, 'too-many-requests');
      assert.match(third.message, /running 2 replays/);
      for (const [actor, job] of [
        [reviewer, first],
        [auditor, second],
      ] as const) {
        const done = await settled(jobs, actor, job.id);
        assert.equal(done.state, 'done');
        assert.equal(done.result?.cases, 2000);
      }
      const next = await jobs.start(supervisor, fileRequest(10));
      assert.equal((await settled(jobs, supervisor, next.id)).state, 'done');
    });

    it('shows a job only to the person who started it, and refuses a clerk', async () => {
      const jobs = new ReplayJobs(deskContext(store));
      const job = await jobs.start(reviewer, fileRequest(5));
      assert.equal(refusal(() => jobs.get(auditor, job.id)).code, 'not-found');
      assert.equal(refusal(() => jobs.cancel(auditor, job.id)).code, 'not-found');
      const clerk: Actor = { id: 'u-clerk', username: 'clerk', role: 'clerk' };
      assert.equal((await refusalOf(jobs.start(clerk, fileRequest(5)))).code, 'forbidden');
      assert.equal(refusal(() => jobs.get(clerk, job.id)).code, 'forbidden');
      await settled(jobs, reviewer, job.id);
      // A finished job is left as it is.
      assert.equal(jobs.cancel(reviewer, job.id).state, 'done');
    });

    it('keeps the newest twenty finished jobs', async () => {
      const jobs = new ReplayJobs(deskContext(store));
      const ids: string[] = [];
      for (let index = 0; index < 22; index++) {
        const job = await jobs.start(reviewer, fileRequest(1));
        await settled(jobs, reviewer, job.id);
        ids.push(job.id);
      }
      assert.equal(refusal(() => jobs.get(reviewer, ids[0]!)).code, 'not-found');
      assert.equal(jobs.get(reviewer, ids[21]!).state, 'done');
      assert.equal(jobs.get(reviewer, ids[2]!).state, 'done');
    });

    it('forgets the oldest finished jobs once those kept hold too many cases', async () => {
      const jobs = new ReplayJobs(deskContext(store), { jobs: 20, cases: 10 });
      const first = await jobs.start(reviewer, fileRequest(6));
      await settled(jobs, reviewer, first.id);
      const second = await jobs.start(reviewer, fileRequest(5));
      await settled(jobs, reviewer, second.id);
      assert.equal(refusal(() => jobs.get(reviewer, first.id)).code, 'not-found');
      assert.equal(jobs.get(reviewer, second.id).result?.cases, 5);
    });

    it('counts a job as running while it reads the desk, and forgets one whose input is refused', async () => {
      const jobs = new ReplayJobs(deskContext(store));
      const desk = {
        under: 'texas',
        source: {
          kind: 'desk' as const,
          jurisdiction: 'nyc-doc',
          from: '2016-01-01',
          to: '2016-12-31',
        },
      };
      const [first, second] = await Promise.allSettled([
        jobs.start(reviewer, desk),
        jobs.start(reviewer, desk),
      ]);
      assert.equal(first.status, 'fulfilled');
      assert.equal(second.status, 'rejected');
      assert.equal((second.reason as DeskError).code, 'too-many-requests');
      await settled(jobs, reviewer, first.value.id);
      const refused = await refusalOf(
        jobs.start(auditor, { ...desk, source: { ...desk.source, from: '2016-02-30' } }),
      );
      assert.deepEqual(
        refused.issues.map((issue) => issue.path),
        ['source.from'],
      );
      // The refused one holds no place: the auditor starts the next at once.
      const next = await jobs.start(auditor, desk);
      assert.equal((await settled(jobs, auditor, next.id)).state, 'done');
    });
  });
}
