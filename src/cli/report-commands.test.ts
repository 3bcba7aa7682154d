import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { docIntakeWithWarrant, docIntakeWithoutWarrant } from '../testing/intake-fixtures.js';
import { pdfContent } from '../testing/pdf-text.js';
import { runCli } from '../testing/cli-run.js';

describe('reports from the command line (real CLI, SQLite)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const cli = (...args: string[]) => runCli(env, args);
  const YEAR = ['reports', 'build', 'nyc-doc', '--from', '2016-01-01', '--to', '2016-12-31'];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-reports-'));
    env = { ...process.env, DESK_DATA_DIR: dir, DESK_DATABASE: `sqlite:${join(dir, 'desk.db')}` };
    const file = join(dir, 'intakes.ndjson');
    writeFileSync(
      file,
      [docIntakeWithWarrant('B-C1'), docIntakeWithoutWarrant('B-C2')]
        .map((intake) => JSON.stringify(intake))
        .join('\n'),
    );
    const imported = await cli('cases', 'import', file);
    assert.equal(imported.code, 0, imported.stderr);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the statutory periods with their deadlines and texts', async () => {
    const listed = await cli('reports', 'list');
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(
      listed.stdout,
      /nyc-nypd \(New York City Police Department\)\n {2}--from 2012-10-01 --to 2013-09-30 {2}due 2013-09-30 {2}§ 14-154\(f\), as added by LL21\/2013 § 1\n/,
    );
  });

  it('builds a report as text, JSON and CSV from the same figures', async () => {
    const text = await cli(...YEAR);
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      /^In calendar year 2016 the DOC received 2 civil immigration detainers/,
    );
    assert.match(
      text.stdout,
      /\n {2}1 {6}Civil immigration detainers lodged with the department: 2\n/,
    );
    const json = JSON.parse((await cli(...YEAR, '--format', 'json')).stdout) as {
      figures: { id: string; value?: number; caseIds?: string[] }[];
    };
    assert.equal(json.figures.find((figure) => figure.id === 'received')?.value, 2);
    assert.ok(json.figures.every((figure) => figure.caseIds === undefined));
    const csv = (await cli(...YEAR, '--format', 'csv')).stdout.trim().split('\n');
    assert.equal(csv.length, json.figures.length + 1);
  });

  it('writes the same report as a PDF to the file --output names, and needs that file', async () => {
    const file = join(dir, 'doc-2016.pdf');
    const built = await cli(...YEAR, '--format', 'pdf', '--output', file);
    assert.equal(built.code, 0, built.stderr);
    assert.equal(built.stdout, `report written to ${file}\n`);
    const pdf = readFileSync(file);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = (await pdfContent(pdf)).text.replace(/\s+/g, ' ');
    assert.ok(
      text.includes('In calendar year 2016 the DOC received 2 civil immigration detainers'),
    );
    assert.ok(
      text.includes('Civil immigration detainers lodged with the department detainers 2 0'),
    );
    const json = JSON.parse((await cli(...YEAR, '--format', 'json')).stdout) as {
      audit: { rootSha256: string };
    };
    assert.ok(text.includes(`SHA-256 ${json.audit.rootSha256}`));

    const missing = await cli(...YEAR, '--format', 'pdf');
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /^detainer-desk: --format pdf needs --output <file>/);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
    const traced = await cli(...YEAR, '--format', 'pdf', '--output', file, '--with-cases');
    assert.equal(traced.code, 2);
    assert.match(traced.stderr, /^detainer-desk: --with-cases: the PDF is the public report/);
  });

  it('--with-cases names the cases, and the read is in the audit log', async () => {
    const traced = await cli(...YEAR, '--with-cases');
    assert.equal(traced.code, 0, traced.stderr);
    assert.match(traced.stdout, /cases: [0-9a-f-]{36}, [0-9a-f-]{36}\n/);
    const db = new Database(join(dir, 'desk.db'), { readonly: true });
    const entries = db
      .prepare("select count(*) as n from audit_entries where action = 'report.read-cases'")
      .get() as { n: number };
    db.close();
    assert.equal(entries.n, 1);
  });

  it('a bad period is one line naming the field, exit 2', async () => {
    const bad = await cli(
      'reports',
      'build',
      'nyc-doc',
      '--from',
      '2016-02-30',
      '--to',
      '2016-12-31',
    );
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^detainer-desk: invalid input: from: must be/);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
  });
});
