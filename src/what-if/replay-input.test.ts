import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detainerCase } from '../law/testing/law-case.js';
import { detectFormat, readReplayCases, ReplayInputError } from './replay-input.js';

const one = (caseId?: string) =>
  JSON.stringify(detainerCase('nyc-doc', caseId === undefined ? {} : { caseId }));

function issuesOf(work: () => unknown): { at: string; path: string; message: string }[] {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof ReplayInputError, String(error));
    return [...error.issues];
  }
  assert.fail('expected a ReplayInputError');
}

const CSV_HEADER =
  'jurisdiction,person_name,date_of_birth,nysid,a_number,booking_number,facility,instant_arrest_date,expected_release_at,form,received_at,judicial_warrant,judicial_warrant_issuer,search_completed,convictions';

describe('replay input', () => {
  it('tells the formats apart by their first character', () => {
    assert.equal(detectFormat('  [{}]'), 'json');
    assert.equal(detectFormat('\uFEFF{"a":1}\n{"a":2}'), 'ndjson');
    assert.equal(detectFormat('jurisdiction,form'), 'csv');
  });

  it('reads a JSON array, one case, and NDJSON, keyed by case id or where each was read', () => {
    const array = readReplayCases(`[${one('a')},${one()}]`, { maxCases: 10 });
    assert.deepEqual(
      array.map((entry) => entry.key),
      ['a', 'case 2'],
    );
    const single = readReplayCases(JSON.stringify(detainerCase('nyc-doc'), null, 2), {
      maxCases: 10,
    });
    assert.deepEqual(
      single.map((entry) => entry.key),
      ['case 1'],
    );
    const lines = readReplayCases(`${one('x')}\n\n${one()}\n`, { maxCases: 10 });
    assert.deepEqual(
      lines.map((entry) => entry.key),
      ['x', 'line 3'],
    );
    assert.equal(lines[0]!.input.request.kind, 'detainer');
  });

  it('reads the intake CSV, each row decided when it was received', () => {
    const text = `${CSV_HEADER}\nnyc-doc,Synthetic Person,1990-01-01,,,B1,,2016-05-20,2016-06-01T10:00:00-04:00,I-247A,2016-05-25T09:00:00-04:00,no,,yes,PL 120.10|felony|2014-03-01|new-york|conviction\n`;
    const [row] = readReplayCases(text, { maxCases: 10 });
    assert.equal(row!.key, 'line 2');
    assert.equal(row!.input.decisionAt, '2016-05-25T09:00:00-04:00');
    assert.equal(row!.input.record.convictions[0]?.charge, 'PL 120.10');
  });

  it('names the line and the field of every bad case, and reads none of the file', () => {
    const bad = JSON.stringify({ ...detainerCase('nyc-doc'), decisionAt: 'yesterday' });
    const issues = issuesOf(() =>
      readReplayCases(`${one('a')}\n${bad}\n{not json\n`, { maxCases: 10 }),
    );
    assert.deepEqual(
      issues.map((issue) => `${issue.at} ${issue.path}`),
      ['line 2 decisionAt', 'line 3 (case)'],
    );
    assert.match(issues[1]!.message, /^not JSON/);
    const csv = issuesOf(() =>
      readReplayCases(
        `${CSV_HEADER}\nnyc-doc,P,1990-01-01,,,B1,,,,I-999,2016-05-25T09:00:00-04:00,,,,\n`,
        {
          maxCases: 10,
        },
      ),
    );
    assert.equal(csv[0]!.at, 'line 2');
    assert.equal(csv[0]!.path, 'request.form');
  });

  it('refuses an empty file, a file that is not JSON, and one with too many cases', () => {
    assert.match(issuesOf(() => readReplayCases('  \n', { maxCases: 10 }))[0]!.message, /no cases/);
    assert.match(issuesOf(() => readReplayCases('[1,', { maxCases: 10 }))[0]!.message, /^not JSON/);
    assert.match(
      issuesOf(() => readReplayCases(`[${one()},${one()},${one()}]`, { maxCases: 2 }))[0]!.message,
      /^3 cases is more than the 2 a replay takes/,
    );
    assert.match(
      issuesOf(() => readReplayCases('[]', { maxCases: 2 }))[0]!.message,
      /there are no cases/,
    );
    const unclosed = issuesOf(() =>
      readReplayCases(`${CSV_HEADER}\nnyc-doc,"Synthetic Person,1990-01-01\n`, { maxCases: 10 }),
    );
    assert.deepEqual([unclosed[0]!.at, unclosed[0]!.path], ['input', '(case)']);
    assert.match(unclosed[0]!.message, /^not CSV: .*quote/i);
  });

  it('lists at most twenty issues however bad the file', () => {
    const lines = Array.from({ length: 100 }, () => '{}').join('\n');
    const issues = issuesOf(() => readReplayCases(lines, { maxCases: 1000 }));
    assert.equal(issues.length, 20);
  });
});
