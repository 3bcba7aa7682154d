import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../auth/roles.js';
import type { Engine } from '../engine/evaluate.js';
import { engine } from '../index.js';
import { DeskError } from '../desk/errors.js';
import { iceDatabaseAt, openIceDatabase } from '../ice/ice-database.js';
import { importRelease, rejectsBeside } from '../ice/import-release.js';
import { writeSyntheticRelease } from '../ice/synthetic-release.js';
import {
  HEADERS,
  PREAMBLE,
  rowOf,
  tempFolder,
  writeParquet,
  writeText,
  writeXlsx,
} from '../ice/test-files.js';
import { JURISDICTIONS } from '../law/jurisdictions.js';
import { ReleaseCases } from '../what-if/ice-release-cases.js';
import type { Store } from '../store/open-store.js';
import { TEST_STORES } from '../testing/test-stores.js';
import { deskContext } from './desk-context.js';
import { readReleaseRows, type ReleaseReplayResult } from './replay-release.js';
import { ReplayJobs, type ReplayJobView } from './replay-service.js';

const reviewer: Actor = { id: 'u-reviewer', username: 'reviewer', role: 'reviewer' };
const auditor: Actor = { id: 'u-auditor', username: 'auditor', role: 'auditor' };
const clerk: Actor = { id: 'u-clerk', username: 'clerk', role: 'clerk' };

/** A legacy release (format D, NPR's CSV conversion: m/d/y dates), every person made up. */
const LEGACY_CSV = [
  HEADERS.D.join(','),
  '8/9/16,I247D,HARRIS COUNTY JAIL,TX,HOUSTON,',
  '8/10/16,I247D,RIKERS ISLAND,NY,EAST ELMHURST,Detainer Declined by LEA',
  '8/11/16,I247D,MIAMI-DADE COUNTY JAIL,FL,MIAMI,',
  '8/12/16,,HARRIS COUNTY JAIL,TX,HOUSTON,',
  '8/13/16,I247N,NASSAU COUNTY CORRECTIONAL CENTER,NY,EAST MEADOW,',
  '1/3/17,I247D,HARRIS COUNTY JAIL,TX,HOUSTON,',
].join('\n');

async function settled(jobs: ReplayJobs, actor: Actor, id: string): Promise<ReplayJobView> {
  for (;;) {
    const job = jobs.get(actor, id);
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function refusalOf(work: Promise<unknown>): Promise<DeskError> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof DeskError, String(error));
    return error;
  }
  assert.fail('expected a DeskError');
}

const releaseOf = (job: ReplayJobView) => (job.result as ReleaseReplayResult).release;

let folder: { dir: string; remove: () => Promise<void> };
let iceFile = '';
let legacy = 0;
let workbook = 0;
let synthetic = 0;
/** A second database: formats B, C, E and F, one import each, by format. */
let everyFormatFile = '';
const everyFormat = new Map<string, number>();

before(async () => {
  folder = await tempFolder();
  iceFile = join(folder.dir, 'ice.duckdb');
  const csv = join(folder.dir, 'FY2016.csv');
  await writeText(csv, `${LEGACY_CSV}\n`);
  const xlsx = join(folder.dir, 'ERO Detainers_LESA-STU_FINAL.xlsx');
  const a = (values: Record<string, Date | string | null>) => rowOf(HEADERS.A, values);
  await writeXlsx(xlsx, [
    {
      name: 'Detainers 1',
      rows: [
        ...PREAMBLE,
        HEADERS.A,
        a({
          'Detainer Prepare Date': new Date(Date.UTC(2025, 1, 3)),
          'Facility State': 'CALIFORNIA',
          'Detention Facility': 'LOS ANGELES COUNTY JAIL',
          'Detainer Type': 'I247A - Immigration Detainer - Notice of Action',
          'Detainer Prepared Criminality': '1 Convicted Criminal',
          'Most Serious Conviction (MSC) Charge': 'Assault',
        }),
      ],
    },
  ]);
  const db = await openIceDatabase(iceFile);
  try {
    const options = {
      now: () => new Date('2026-09-01T12:00:00Z'),
      rejectsFile: rejectsBeside(iceFile),
    };
    // The demo's synthetic release (format F) beside the two others: the demo loader keeps it out
    // of a database holding real releases, so it is imported here as any file is.
    const demo = await writeSyntheticRelease(folder.dir);
    for (const [file, set] of [
      [csv, (id: number) => (legacy = id)],
      [xlsx, (id: number) => (workbook = id)],
      [demo.path, (id: number) => (synthetic = id)],
    ] as const) {
      const result = await importRelease(db, file, options);
      assert.equal(result.status, 'imported');
      set(result.importId);
    }
  } finally {
    db.close();
  }
  everyFormatFile = join(folder.dir, 'formats.duckdb');
  const files: [string, string][] = [];
  for (const [format, header, values] of [
    [
      'B',
      HEADERS.B,
      {
        'Detainer Prepare Date': new Date(Date.UTC(2026, 0, 15)),
        'Facility State': 'TEXAS',
        'Detainer Facility': 'HARRIS COUNTY JAIL',
        'Detainer Type': 'I247A - Immigration Detainer - Notice of Action',
      },
    ],
    [
      'C',
      HEADERS.C,
      {
        'Detainer Prepared Date': new Date(Date.UTC(2026, 7, 3)),
        State: 'CALIFORNIA',
        'Detention Facility': 'SANTA CLARA COUNTY MAIN JAIL',
        'Detainer Type': 'I247A',
      },
    ],
  ] as const) {
    const file = join(folder.dir, `format-${format}.xlsx`);
    await writeXlsx(file, [
      { name: 'Sheet1', rows: [...PREAMBLE, [...header], rowOf(header, values)] },
    ]);
    files.push([format, file]);
  }
  // NPR's per-year processed file: no header.
  const npr = join(folder.dir, 'detainers-2013.csv');
  await writeText(
    npr,
    '2013-02-11 00:00:00,,NYC DEPT OF CORRECTION RIKERS,EAST ELMHURST,NY,I247 - Immigration Detainer - Notice of Action\n',
  );
  files.push(['E', npr]);
  // The DDP's parquet: a row, a row without a date (the importer rejects it), and a row without a
  // state that the DDP flags as a duplicate (the importer recomputes the flag: a day later, it is
  // not one).
  const ddp = join(folder.dir, 'detainers-latest.parquet');
  await writeParquet(
    ddp,
    `SELECT * FROM (VALUES
      (DATE '2025-02-03', 'TEXAS', 'HARRIS COUNTY JAIL', NULL, 'I247A - Immigration Detainer', 'aa11', 'x.xlsx', 'Sheet1', 8, false),
      (NULL, 'TEXAS', 'HARRIS COUNTY JAIL', NULL, 'I247A', 'bb22', 'x.xlsx', 'Sheet1', 9, false),
      (DATE '2025-02-04', NULL, NULL, NULL, 'I247A', 'aa11', 'x.xlsx', 'Sheet2', 8, true)
    ) AS t(detainer_prepare_date, facility_state, detention_facility, detainer_lift_reason, detainer_type,
           unique_identifier, file_original, sheet_original, row_original, duplicate_likely)`,
  );
  files.push(['F', ddp]);
  const formats = await openIceDatabase(everyFormatFile);
  try {
    const options = {
      now: () => new Date('2026-09-01T12:00:00Z'),
      rejectsFile: rejectsBeside(everyFormatFile),
    };
    for (const [format, file] of files) {
      const result = await importRelease(formats, file, options);
      assert.equal(result.status, 'imported');
      assert.equal(result.format, format);
      everyFormat.set(format, result.importId);
    }
  } finally {
    formats.close();
  }
});
after(() => folder.remove());

for (const kind of TEST_STORES) {
  describe(`replaying an ICE release's rows (${kind.name})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ store, dispose } = await kind.open());
    });
    after(() => dispose());

    it('replays a legacy release under Texas SB 4: what changed, what was skipped, what is unknown', async () => {
      const ctx = deskContext(store);
      const jobs = new ReplayJobs(ctx, undefined, iceDatabaseAt(iceFile));
      const started = await jobs.start(reviewer, {
        under: 'texas@SB 4',
        source: { kind: 'release', release: legacy },
      });
      assert.match(started.source, /^the rows of ICE release \d+ \(FY2016\.csv\) at all$/);
      const job = await settled(jobs, reviewer, started.id);
      assert.equal(job.state, 'done', job.error);
      assert.equal(job.progress.total, 6);
      const result = job.result as ReleaseReplayResult;
      // Tex. Code Crim. Proc. art. 2.251 (SB 4) took effect on 2017-09-01: before it, the federal
      // regulation (8 C.F.R. 287.7) lets the jail hold; under it the duty to honour the detainer is
      // lifted for "a person who has provided proof that the person is a citizen of the United
      // States or has lawful immigration status" (art. 2.251(b)), which no release records.
      const hold = result.changes.find((change) => change.key === 'row 2')!.changes[0]!;
      assert.equal(hold.action, 'hold');
      assert.equal(hold.before.status, 'allowed');
      assert.equal(hold.after.status, 'needs-information');
      assert.deepEqual(hold.after.missing, ['record.proofOfLawfulStatus']);
      assert.ok(
        hold.madeTheDifference.includes(
          'tx.ccp.immigration-detainer-requests@SB 4 (85th Leg., R.S., 2017)',
        ),
      );
      assert.ok(result.newlyMissing.some((fact) => fact.path === 'record.proofOfLawfulStatus'));
      assert.equal(result.cases, 3);
      assert.deepEqual(result.release.import, {
        id: legacy,
        fileName: 'FY2016.csv',
        format: 'D',
        synthetic: false,
      });
      assert.deepEqual(result.release.rows, { read: 6, mapped: 3, skipped: 3 });
      assert.deepEqual(
        result.release.skipped.map((skip) => [skip.reason, skip.rows]),
        [
          ['facility-not-matched', 1],
          ['state-without-law', 1],
          ['form-unknown', 1],
        ],
      );
      assert.deepEqual(result.release.jurisdictions, [
        { jurisdiction: 'nyc-doc', cases: 1, inferred: 1 },
        { jurisdiction: 'texas', cases: 2, inferred: 0 },
      ]);
      assert.ok(
        result.release.unknownFacts.some(
          (fact) => fact.path === 'record.searchCompleted' && fact.cases === 3,
        ),
      );
      // Reading the rows is audited, with the filter and the count.
      const entries = await store.db
        .selectFrom('auditEntries')
        .select(['subject', 'payloadJson'])
        .where('action', '=', 'what-if.read-release')
        .execute();
      const entry = entries.find((one) => one.subject === `what-if/ice-release/${String(legacy)}`);
      assert.deepEqual(JSON.parse(entry!.payloadJson), {
        rows: 6,
        filter: { includeDuplicates: false },
      });
    });

    it('reads the rows of every format as the importer leaves them, and makes each its case', async () => {
      const ctx = deskContext(store);
      const ice = iceDatabaseAt(everyFormatFile);
      const expected: [string, string, string, string, string][] = [
        ['B', 'Sheet1 row 8', 'texas', 'I-247A', '2026-01-15T00:00:00-06:00'],
        ['C', 'Sheet1 row 8', 'california', 'I-247A', '2026-08-03T00:00:00-07:00'],
        ['E', 'row 1', 'nyc-doc', 'I-247', '2013-02-11T00:00:00-05:00'],
        ['F', 'row 1', 'texas', 'I-247A', '2025-02-03T00:00:00-06:00'],
      ];
      for (const [format, key, jurisdiction, form, decisionAt] of expected) {
        const release = everyFormat.get(format)!;
        const read = await readReleaseRows(ctx, ice, reviewer, { kind: 'release', release });
        const mapper = new ReleaseCases(JURISDICTIONS);
        const cases = read.rows.map((row) => mapper.caseOf(row)).filter((given) => given);
        assert.equal(read.import.format, format);
        assert.deepEqual(
          cases.map((given) => [
            given!.key,
            given!.input.jurisdiction,
            given!.input.request.form,
            given!.input.decisionAt,
          ]),
          [[key, jurisdiction, form, decisionAt]],
          format,
        );
      }
      // The parquet's row without a date was never loaded; its row without a state is read,
      // skipped and counted.
      const ddp = await readReleaseRows(ctx, ice, reviewer, {
        kind: 'release',
        release: everyFormat.get('F')!,
      });
      const mapper = new ReleaseCases(JURISDICTIONS);
      for (const row of ddp.rows) mapper.caseOf(row);
      assert.deepEqual(mapper.summary().rows, { read: 2, mapped: 1, skipped: 1 });
      assert.deepEqual(
        mapper.summary().skipped.map((skip) => skip.reason),
        ['state-blank'],
      );
    });

    it('reads a workbook release and filters by state, facility and period', async () => {
      const jobs = new ReplayJobs(deskContext(store), undefined, iceDatabaseAt(iceFile));
      const california = await jobs.start(auditor, {
        under: 'california@SB 54',
        source: { kind: 'release', release: workbook, state: 'CA' },
      });
      const done = await settled(jobs, auditor, california.id);
      assert.equal(done.state, 'done', done.error);
      assert.deepEqual(releaseOf(done).rows, { read: 1, mapped: 1, skipped: 0 });
      assert.deepEqual(releaseOf(done).filter, { state: 'CALIFORNIA', includeDuplicates: false });
      // "1 Convicted Criminal" and the MSC charge do not become a conviction: the criminal history
      // stays unknown.
      assert.ok(
        releaseOf(done).unknownFacts.some((fact) => fact.path === 'record.searchCompleted'),
      );
      const texas2017 = await jobs.start(auditor, {
        under: 'texas@SB 4',
        source: {
          kind: 'release',
          release: legacy,
          state: 'texas',
          facility: 'Harris Co Jail',
          from: '2017-01-01',
          to: '2017-12-31',
        },
      });
      assert.match(
        texas2017.source,
        /in TEXAS, at facilities named "HARRIS COUNTY JAIL", prepared 2017-01-01 to 2017-12-31$/,
      );
      assert.equal((await settled(jobs, auditor, texas2017.id)).progress.total, 1);
    });

    it('replays the demo’s synthetic release, saying it is synthetic, and leaves its likely duplicates out unless asked', async () => {
      const jobs = new ReplayJobs(deskContext(store), undefined, iceDatabaseAt(iceFile));
      const source = {
        kind: 'release' as const,
        release: synthetic,
        state: 'NY',
        from: '2016-01-01',
        to: '2016-12-31',
      };
      const first = await settled(
        jobs,
        reviewer,
        (await jobs.start(reviewer, { under: 'nyc-doc@LL22/2013', source })).id,
      );
      const release = releaseOf(first);
      assert.equal(release.import.synthetic, true);
      const duplicates =
        release.skipped.find((skip) => skip.reason === 'likely-duplicate')?.rows ?? 0;
      assert.ok(duplicates > 0);
      // Its New York City facilities are named so the matcher finds DOC's and NYPD's; its county
      // jails in New York fall under no encoded law.
      assert.deepEqual(
        release.jurisdictions.map((one) => one.jurisdiction),
        ['nyc-doc', 'nyc-nypd'],
      );
      assert.ok(release.skipped.some((skip) => skip.reason === 'facility-not-matched'));
      const all = await settled(
        jobs,
        reviewer,
        (
          await jobs.start(reviewer, {
            under: 'nyc-doc@LL22/2013',
            source: { ...source, includeDuplicates: true },
          })
        ).id,
      );
      assert.equal(releaseOf(all).rows.read, release.rows.read);
      assert.ok(!releaseOf(all).skipped.some((skip) => skip.reason === 'likely-duplicate'));
      assert.ok(releaseOf(all).rows.mapped > release.rows.mapped);
      // The same rows and law give the same bytes.
      const again = await settled(
        jobs,
        reviewer,
        (await jobs.start(reviewer, { under: 'nyc-doc@LL22/2013', source })).id,
      );
      assert.equal(JSON.stringify(again.result), JSON.stringify(first.result));
    });

    it('refuses an unknown release, no rows in scope, bad fields and too many rows, naming the field', async () => {
      const ctx = deskContext(store);
      const ice = iceDatabaseAt(iceFile);
      const jobs = new ReplayJobs(ctx, undefined, ice);
      const start = (source: Record<string, unknown>) =>
        refusalOf(
          jobs.start(reviewer, { under: 'texas', source: { kind: 'release', ...source } as never }),
        );
      const unknown = await start({ release: 999 });
      assert.equal(unknown.code, 'invalid-input');
      assert.deepEqual(
        unknown.issues.map((issue) => issue.path),
        ['source.release'],
      );
      assert.match(
        unknown.issues[0]!.message,
        /no ICE release was imported as 999; imported: \d+, \d+, \d+/,
      );
      const empty = await start({ release: legacy, state: 'WY' });
      assert.deepEqual(
        empty.issues.map((issue) => issue.path),
        ['source'],
      );
      assert.match(empty.issues[0]!.message, /has no rows in WYOMING/);
      for (const [source, path] of [
        [{ release: 0 }, 'source.release'],
        [{ release: 1.5 }, 'source.release'],
        [{ release: legacy, from: '2016-02-30' }, 'source.from'],
        [{ release: legacy, from: '2017-01-01', to: '2016-01-01' }, 'source.to'],
        [{ release: legacy, state: '!!!' }, 'source.state'],
        [{ release: legacy, facility: 'x'.repeat(201) }, 'source.facility'],
      ] as const) {
        const refused = await start(source);
        assert.deepEqual(
          refused.issues.map((issue) => issue.path),
          [path],
          JSON.stringify(source),
        );
      }
      const many = await refusalOf(
        readReleaseRows(ctx, ice, reviewer, { kind: 'release', release: legacy }, 5),
      );
      assert.match(many.issues[0]!.message, /^6 rows are more than the 5 a replay takes/);
      // A refused start holds no place: the reviewer starts the next at once.
      const next = await jobs.start(reviewer, {
        under: 'texas',
        source: { kind: 'release', release: legacy },
      });
      assert.equal((await settled(jobs, reviewer, next.id)).state, 'done');
      // A server without an ICE database refuses the kind.
      const without = await refusalOf(
        new ReplayJobs(ctx).start(reviewer, {
          under: 'texas',
          source: { kind: 'release', release: legacy },
        }),
      );
      assert.deepEqual(
        without.issues.map((issue) => issue.path),
        ['source.kind'],
      );
    });

    it('cancels a release replay mid-run: no result, the rows gone through so far counted', async () => {
      let id = '';
      let calls = 0;
      const counting: Engine = {
        jurisdictions: engine.jurisdictions,
        evaluate(input, options) {
          if (++calls === 2000) jobs.cancel(reviewer, id);
          return engine.evaluate(input, options);
        },
      };
      const jobs: ReplayJobs = new ReplayJobs(
        deskContext(store, { engine: counting }),
        undefined,
        iceDatabaseAt(iceFile),
      );
      id = (
        await jobs.start(reviewer, {
          under: 'texas',
          source: { kind: 'release', release: synthetic },
        })
      ).id;
      const job = await settled(jobs, reviewer, id);
      assert.equal(job.state, 'cancelled');
      assert.equal(job.result, undefined);
      assert.equal(job.progress.done % 500, 0);
      assert.ok(job.progress.done < job.progress.total);
    });

    it('counts a finished release replay by its cases, not its skipped rows, among those kept', async () => {
      // Six rows, three cases: a server keeping five cases keeps it.
      const jobs = new ReplayJobs(
        deskContext(store),
        { jobs: 20, cases: 5 },
        iceDatabaseAt(iceFile),
      );
      const job = await jobs.start(reviewer, {
        under: 'texas',
        source: { kind: 'release', release: legacy },
      });
      assert.equal((await settled(jobs, reviewer, job.id)).state, 'done');
      assert.equal(jobs.get(reviewer, job.id).result?.cases, 3);
    });

    it('refuses a clerk, and runs two people’s release replays at once', async () => {
      const jobs = new ReplayJobs(deskContext(store), undefined, iceDatabaseAt(iceFile));
      const source = { kind: 'release' as const, release: synthetic };
      assert.equal(
        (await refusalOf(jobs.start(clerk, { under: 'texas', source }))).code,
        'forbidden',
      );
      const [first, second] = await Promise.all([
        jobs.start(reviewer, { under: 'texas@SB 4', source }),
        jobs.start(auditor, { under: 'california', source }),
      ]);
      const again = await refusalOf(jobs.start(reviewer, { under: 'texas', source }));
      assert.equal(again.code, 'too-many-requests');
      const done = await Promise.all([
        settled(jobs, reviewer, first.id),
        settled(jobs, auditor, second.id),
      ]);
      for (const job of done) {
        assert.equal(job.state, 'done', job.error);
        assert.equal(releaseOf(job).rows.read, job.progress.total);
      }
    });
  });
}
