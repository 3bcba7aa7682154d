import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detainerCase, nyConviction } from '../law/testing/law-case.js';
import { docIntakeWithWarrant, docIntakeWithoutWarrant } from '../testing/intake-fixtures.js';
import { runCli } from '../testing/cli-run.js';

/** A DOC case of 2016 with no judicial warrant, from a person convicted of a felony in 2014. */
const unwarranted = (caseId: string) =>
  detainerCase('nyc-doc', {
    caseId,
    request: { judicialWarrant: { presented: false, issuer: 'unknown' } },
    record: {
      searchCompleted: true,
      convictions: [nyConviction('PL 120.10', '2014-03-01', { level: 'felony' })],
      pendingCases: [],
    },
  });

describe('what-if replay from the command line (real CLI, SQLite)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let casesFile: string;
  const cli = (...args: string[]) => runCli(env, args);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-what-if-'));
    env = { ...process.env, DESK_DATA_DIR: dir, DESK_DATABASE: `sqlite:${join(dir, 'desk.db')}` };
    casesFile = join(dir, 'cases.ndjson');
    writeFileSync(casesFile, ['b', 'a'].map((id) => JSON.stringify(unwarranted(id))).join('\n'));
    const intakes = join(dir, 'intakes.ndjson');
    writeFileSync(
      intakes,
      [docIntakeWithWarrant('B-W1'), docIntakeWithoutWarrant('B-W2')]
        .map((intake) => JSON.stringify(intake))
        .join('\n'),
    );
    const imported = await cli('cases', 'import', intakes);
    assert.equal(imported.code, 0, imported.stderr);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('replays a file under LL22/2013: the holds LL58/2014 refused, as text, JSON and CSV', async () => {
    // § 9-131(b)(1) (LL58/2014) needs a judicial warrant; § 9-131(b)(2)(i)(A) (LL22/2013) let DOC
    // honour a detainer for a person "convicted of a covered crime", as every felony is.
    const text = await cli(
      'what-if',
      'replay',
      '--under',
      'nyc-doc@LL22/2013',
      '--file',
      casesFile,
    );
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^Replayed 2 cases under nyc-doc: the law in force from 2013-07-16/);
    assert.match(text.stdout, /\n {2}nyc\.9-131\.b@LL22\/2013: § 9-131\(b\)/);
    assert.match(text.stdout, /\n {2}a hold: not-allowed -> allowed \(nyc\.9-131\.b@LL22\/2013/);
    const json = await cli(
      'what-if',
      'replay',
      '--under',
      'nyc-doc@LL22/2013',
      '--file',
      casesFile,
      '--format',
      'json',
    );
    assert.equal(json.code, 0, json.stderr);
    const result = JSON.parse(json.stdout) as { changedCases: number; changes: { key: string }[] };
    assert.equal(result.changedCases, 2);
    assert.deepEqual(
      result.changes.map((change) => change.key),
      ['a', 'b'],
    );
    const again = await cli(
      'what-if',
      'replay',
      '--under',
      'nyc-doc@LL22/2013',
      '--file',
      casesFile,
      '--format',
      'json',
    );
    assert.equal(again.stdout, json.stdout, 'the same bytes');
    const csv = await cli(
      'what-if',
      'replay',
      '--under',
      'nyc-doc@LL22/2013',
      '--file',
      casesFile,
      '--format',
      'csv',
    );
    assert.equal(csv.stdout.trim().split('\n').length, 5);
  });

  it("replays the desk's cases of an agency and a period", async () => {
    const replayed = await cli(
      'what-if',
      'replay',
      '--under',
      'nyc-doc@LL22/2013',
      '--agency',
      'nyc-doc',
      '--from',
      '2016-05-01',
      '--to',
      '2016-05-31',
      '--format',
      'json',
    );
    assert.equal(replayed.code, 0, replayed.stderr);
    const result = JSON.parse(replayed.stdout) as { cases: number; changedCases: number };
    assert.deepEqual([result.cases, result.changedCases], [2, 1]);
  });

  it('replays an imported ICE release’s rows, saying what it read, skipped and left unknown', async () => {
    // A legacy release (format D, NPR's CSV conversion); every row made up.
    const release = join(dir, 'FY2016.csv');
    writeFileSync(
      release,
      [
        'Prepare Date,Detainer Type,Detainer Detention Facility,State,City,Detainer Lift Reason',
        '8/9/16,I247D,HARRIS COUNTY JAIL,TX,HOUSTON,',
        '8/10/16,I247D,MIAMI-DADE COUNTY JAIL,FL,MIAMI,',
        '9/2/17,I247A,HARRIS COUNTY JAIL,TX,HOUSTON,',
        '',
      ].join('\n'),
    );
    const imported = await cli('ice', 'import', release);
    assert.equal(imported.code, 0, imported.stderr);
    const id = /import (\d+)/.exec(imported.stdout)![1]!;
    const text = await cli('what-if', 'replay', '--under', 'texas@SB 4', '--release', id);
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      /^ICE release \d+ \(FY2016\.csv, format D\), rows at all\.\n3 rows read: 2 replayed as cases, 1 skipped\./,
    );
    assert.match(
      text.stdout,
      /\n {2}skipped 1: in FLORIDA, for which no jurisdiction’s law is encoded\n/,
    );
    assert.match(text.stdout, /\n {2}record\.searchCompleted: 2 cases; the criminal history/);
    // Tex. Code Crim. Proc. art. 2.251 (SB 4), in force from 2017-09-01: the 2016 row changes, as
    // its duty is lifted only by "proof that the person is a citizen of the United States or has
    // lawful immigration status" (art. 2.251(b)), which no release records.
    assert.match(
      text.stdout,
      /\n {2}row 2 hold: allowed -> needs-information \(tx\.ccp\.immigration-detainer-requests@SB 4/,
    );
    const json = await cli(
      'what-if',
      'replay',
      '--under',
      'texas@SB 4',
      '--release',
      id,
      '--state',
      'Texas',
      '--from',
      '2017-01-01',
      '--format',
      'json',
    );
    assert.equal(json.code, 0, json.stderr);
    const result = JSON.parse(json.stdout) as {
      cases: number;
      changedCases: number;
      release: { rows: { read: number }; filter: { state: string; from: string } };
    };
    assert.deepEqual([result.cases, result.changedCases], [1, 0]);
    assert.deepEqual(result.release.rows.read, 1);
    assert.equal(result.release.filter.state, 'TEXAS');
    for (const [args, message] of [
      [
        ['--release', '99'],
        /^detainer-desk: --release: no ICE release was imported as 99; imported: \d+\n$/,
      ],
      [['--release', 'x'], /^detainer-desk: --release: "x" is not a whole number/],
      [
        ['--release', id, '--state', 'WY'],
        /^detainer-desk: --release: release \d+ has no rows in WYOMING\n$/,
      ],
      [
        ['--release', id, '--to', '2016-02-30'],
        /^detainer-desk: --to: must be a date YYYY-MM-DD\n$/,
      ],
      [['--file', casesFile, '--state', 'TX'], /^detainer-desk: --state goes with --release\n$/],
      [
        ['--release', id, '--ice-database', join(dir, 'none.duckdb')],
        /^detainer-desk: --ice-database: no ICE database at .*none\.duckdb/,
      ],
    ] as const) {
      const answer = await cli('what-if', 'replay', '--under', 'texas', ...args);
      assert.equal(answer.code, 2, `${args.join(' ')}: ${answer.stderr}`);
      assert.match(answer.stderr, message);
    }
  });

  it('replays a file under an amendment to LL58/2014, citing it, and refuses a bad one in one line', async () => {
    // § 9-131(b)(1)(i) (LL58/2014): the judicial warrant; dropped, the listed felony of (b)(1)(ii)
    // (PL 120.10, assault in the first degree, § 9-131(a)(7)(i)) allows the hold.
    const amendment = join(dir, 'no-warrant.json');
    writeFileSync(
      amendment,
      JSON.stringify({ title: 'No warrant', changes: [{ kind: 'drop-judicial-warrant' }] }),
    );
    const text = await cli(
      'what-if',
      'replay',
      '--under',
      'nyc-doc@2016-06-01',
      '--amend',
      amendment,
      '--file',
      casesFile,
    );
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /as amended by "No warrant" \(amendment [0-9a-f]{12}\)/);
    assert.match(text.stdout, /\n {2}The judicial-warrant condition is dropped/);
    assert.match(
      text.stdout,
      /\n {2}a hold: not-allowed -> allowed \(what-if\.amendment@amendment [0-9a-f]{12}; nyc\.9-131\.a\.judicial-warrant@LL58\/2014/,
    );
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '{ title: ');
    const unknownCrime = join(dir, 'bad-crime.json');
    writeFileSync(
      unknownCrime,
      JSON.stringify({ title: 'x', changes: [{ kind: 'add-crimes', crimes: ['shoplifting'] }] }),
    );
    for (const [args, message] of [
      [
        ['--under', 'nyc-doc', '--amend', amendment],
        /^detainer-desk: --under: an amendment changes one version: name it/,
      ],
      [
        ['--under', 'nyc-doc@LL58/2014', '--amend', join(dir, 'none.json')],
        /^detainer-desk: --amend: cannot read .*none\.json: no such file\n$/,
      ],
      [
        ['--under', 'nyc-doc@LL58/2014', '--amend', notJson],
        /^detainer-desk: --amend .*not-json\.json: not JSON: /,
      ],
      [
        ['--under', 'nyc-doc@LL58/2014', '--amend', unknownCrime],
        /^detainer-desk: --amend .*bad-crime\.json: amendment\.changes\[0\]\.crimes\[0\]: Cannot read charge code "shoplifting"/,
      ],
      [
        ['--under', 'texas@SB 4', '--amend', amendment],
        /^detainer-desk: --amend .*no-warrant\.json: amendment\.changes\[0\]: texas's law in force from 2017-09-01 has no judicial-warrant condition\n$/,
      ],
    ] as const) {
      const answer = await cli('what-if', 'replay', ...args, '--file', casesFile);
      assert.equal(answer.code, 2, `${args.join(' ')}: ${answer.stderr}`);
      assert.match(answer.stderr, message);
      assert.equal(answer.stderr.trim().split('\n').length, 1);
    }
  });

  it('says in one line what is wrong with the law, the file or the period', async () => {
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, `${JSON.stringify(unwarranted('a'))}\n{"jurisdiction":"nyc-doc"}\n`);
    for (const [args, message] of [
      [
        ['--under', 'atlantis', '--file', casesFile],
        /^detainer-desk: --under: "atlantis" is not a jurisdiction/,
      ],
      [
        ['--under', 'texas', '--file', join(dir, 'none.json')],
        /^detainer-desk: --file: cannot read .*none\.json: no such file\n$/,
      ],
      [['--under', 'texas', '--file', bad], /^detainer-desk: .*bad\.ndjson: line 2: decisionAt: /],
      [
        ['--under', 'texas', '--agency', 'nyc-doc', '--from', '2016-13-01', '--to', '2016-05-31'],
        /^detainer-desk: --from: must be a date YYYY-MM-DD\n$/,
      ],
      [
        ['--under', 'texas', '--agency', 'nyc-doc'],
        /^detainer-desk: give --file, --release, or --agency with --from and --to/,
      ],
      [
        ['--under', 'texas', '--file', casesFile, '--agency', 'nyc-doc'],
        /cannot be used with option/,
      ],
    ] as const) {
      const answer = await cli('what-if', 'replay', ...args);
      assert.equal(answer.code, 2, `${args.join(' ')}: ${answer.stderr}`);
      assert.match(answer.stderr, message);
      assert.equal(answer.stderr.trim().split('\n').length, 1);
    }
  });
});
