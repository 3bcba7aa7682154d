/**
 * The § 10-178(d) quarterly report, clause by clause, on made-up records: each test quotes the
 * words it checks. Agencies only; no record here describes a person.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import {
  receivingAgencyRef,
  requestingAgencyRef,
  type ResponseKind,
  type WithholdingGround,
} from '../desk/enforcement-request.js';
import { REQUEST_RECORDS_ID, REQUEST_RECORDS_PROVISIONS } from '../law/nyc/city-resources.js';
import { quarterlyCsv, quarterlyText } from './quarterly-requests-output.js';
import {
  buildQuarterlyReport,
  lastEndedQuarter,
  parseQuarter,
  QuarterError,
  REPORT_PARTS,
  type RequestForReport,
} from './quarterly-requests.js';

const AUDIT = { size: 7, rootSha256: 'ab'.repeat(32) };
const TODAY = '2026-04-15';

function request(
  requesting: string,
  receiving: string,
  receivedAt: string,
  response: ResponseKind | null,
  withheld: WithholdingGround | null = null,
  names: { requesting?: string; receiving?: string } = {},
): RequestForReport {
  return {
    receivedAt,
    requestingAgency: requestingAgencyRef(requesting, names.requesting ?? null),
    receivingAgency: receivingAgencyRef(receiving, names.receiving ?? null),
    response,
    withheld,
  };
}

const build = (quarter: string, requests: RequestForReport[], today = TODAY) =>
  buildQuarterlyReport({
    quarter: parseQuarter(quarter, today),
    requests,
    dataAsOf: `${today}T12:00:00.000Z`,
    audit: AUDIT,
  });

const counts = (c: {
  requests: number;
  agreed: number;
  declined: number;
  partly: number;
  noResponse: number;
}) => [c.requests, c.agreed, c.declined, c.partly, c.noResponse];

describe('§ 10-178(d), the quarterly report', () => {
  it('cites subdivision d, in the version in force on the quarter’s last day, and quotes it word for word', () => {
    const report = build('2026Q1', []);
    assert.equal(report.law.clauseId, REQUEST_RECORDS_ID);
    assert.equal(report.law.version, 'LL228/2017');
    assert.equal(report.law.verification, 'verbatim');
    const text = REQUEST_RECORDS_PROVISIONS.find(
      (provision) => provision.clause.version === 'LL228/2017',
    )!.clause.text;
    for (const part of REPORT_PARTS) assert.ok(text.includes(part.statute), part.id);
    for (const ground of report.withheld) assert.ok(text.includes(ground.statute), ground.ground);
  });

  it('"such officer or employee\'s agency shall make a record relating to such request, including any response or actions taken in response": each request once, under its response', () => {
    const report = build('2026Q1', [
      request('ice', 'nyc-doc', '2026-01-05T15:00:00Z', 'declined'),
      request('ice', 'nyc-doc', '2026-02-05T15:00:00Z', 'agreed'),
      request('ice', 'nyc-doc', '2026-03-05T15:00:00Z', 'partly'),
      request('ice', 'nyc-doc', '2026-03-06T15:00:00Z', null),
    ]);
    assert.deepEqual(counts(report.total), [4, 1, 1, 1, 1]);
    assert.match(
      report.headline,
      /^From January to March 2026 the desk recorded 4 requests from non-local law enforcement agencies .*: 1 agreed, 1 declined, 1 partly agreed and 1 without a recorded response\.$/,
    );
  });

  it('"a quarterly report": the requests received in the calendar quarter, New York time', () => {
    const report = build('2026Q1', [
      // 2025-12-31 23:59 in New York: the quarter before.
      request('ice', 'nyc-doc', '2026-01-01T04:59:00Z', 'declined'),
      // 2026-01-01 00:00 in New York: the first minute of the quarter.
      request('ice', 'nyc-doc', '2026-01-01T05:00:00Z', 'declined'),
      // 2026-03-31 23:59 in New York (EDT): the last minute.
      request('ice', 'nyc-doc', '2026-04-01T03:59:00Z', 'declined'),
      // 2026-04-01 00:00 in New York: the next quarter.
      request('ice', 'nyc-doc', '2026-04-01T04:00:00Z', 'declined'),
    ]);
    assert.equal(report.total.requests, 2);
    assert.deepEqual([report.quarter.from, report.quarter.to], ['2026-01-01', '2026-03-31']);
  });

  it('"disaggregated by the requesting non-local law enforcement agency and the agency receiving such a request": one row per pair, and totals either way', () => {
    const report = build('2026Q1', [
      request('ice', 'nyc-doc', '2026-01-05T15:00:00Z', 'declined'),
      request('ice', 'nyc-doc', '2026-01-06T15:00:00Z', 'declined'),
      request('ice', 'nyc-nypd', '2026-01-07T15:00:00Z', 'partly'),
      request('us-marshals', 'nyc-nypd', '2026-01-08T15:00:00Z', 'agreed'),
      request('state-police', 'nyc-probation', '2026-01-09T15:00:00Z', null, null, {
        requesting: 'New Jersey State Police',
      }),
      request('state-police', 'other', '2026-01-10T15:00:00Z', 'declined', null, {
        requesting: 'new jersey  state police',
        receiving: 'Department of Sanitation',
      }),
    ]);
    assert.deepEqual(
      report.rows.map((row) => [
        row.requestingAgency.label,
        row.receivingAgency.label,
        ...counts(row.counts),
      ]),
      [
        [
          'U.S. Immigration and Customs Enforcement (ICE)',
          'Department of Correction',
          2,
          0,
          2,
          0,
          0,
        ],
        ['U.S. Immigration and Customs Enforcement (ICE)', 'Police Department', 1, 0, 0, 1, 0],
        ['U.S. Marshals Service', 'Police Department', 1, 1, 0, 0, 0],
        ['New Jersey State Police', 'Department of Probation', 1, 0, 0, 0, 1],
        ['New Jersey State Police', 'Department of Sanitation', 1, 0, 1, 0, 0],
      ],
    );
    assert.deepEqual(
      report.byRequestingAgency.map((total) => [total.agency.id, total.counts.requests]),
      [
        ['ice', 3],
        ['us-marshals', 1],
        ['state-police:new jersey state police', 2],
      ],
    );
    assert.deepEqual(
      report.byReceivingAgency.map((total) => [total.agency.id, total.counts.requests]),
      [
        ['nyc-doc', 2],
        ['nyc-nypd', 2],
        ['nyc-probation', 1],
        ['other:department of sanitation', 1],
      ],
    );
    const sum = (list: { counts: { requests: number } }[]) =>
      list.reduce((n, item) => n + item.counts.requests, 0);
    assert.equal(sum([...report.rows]), report.total.requests);
    assert.equal(sum([...report.byRequestingAgency]), report.total.requests);
    assert.equal(sum([...report.byReceivingAgency]), report.total.requests);
  });

  it('"disclosure ... shall not be required if: (i) ... or (ii) ...": withheld requests are left out, counted by ground only', () => {
    const report = build('2026Q1', [
      request('ice', 'nyc-doc', '2026-01-05T15:00:00Z', 'declined'),
      request('fbi', 'nyc-nypd', '2026-01-06T15:00:00Z', 'agreed', 'investigation'),
      request('fbi', 'nyc-nypd', '2026-01-07T15:00:00Z', 'partly', 'investigation'),
      request('hsi', 'nyc-nypd', '2026-01-08T15:00:00Z', 'agreed', 'public-safety'),
    ]);
    assert.deepEqual(
      report.rows.map((row) => row.requestingAgency.id),
      ['ice'],
    );
    assert.deepEqual(counts(report.total), [1, 0, 1, 0, 0]);
    assert.deepEqual(
      report.withheld.map((ground) => [ground.ground, ground.clause, ground.requests]),
      [
        ['investigation', '§ 10-178(d)(i)', 2],
        ['public-safety', '§ 10-178(d)(ii)', 1],
      ],
    );
    // Nothing about a withheld request but its count: not its agencies, not its response.
    assert.ok(!report.byRequestingAgency.some((total) => ['fbi', 'hsi'].includes(total.agency.id)));
    assert.ok(!report.byReceivingAgency.some((total) => total.agency.id === 'nyc-nypd'));
    assert.match(
      report.headline,
      / 3 more requests are withheld under § 10-178\(d\)\(i\) or \(ii\)\.$/,
    );
    // Both grounds are always listed, with none withheld.
    assert.deepEqual(
      build('2026Q1', []).withheld.map((ground) => ground.requests),
      [0, 0],
    );
  });

  it('"an anonymized compilation or summary": agencies and counts only, never a record’s words', () => {
    const report = build('2026Q1', [request('ice', 'nyc-doc', '2026-01-05T15:00:00Z', 'declined')]);
    const keys = new Set<string>();
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (typeof value === 'object' && value !== null) {
        for (const [key, inner] of Object.entries(value)) {
          keys.add(key);
          walk(inner);
        }
      }
    };
    walk(report.rows);
    assert.deepEqual([...keys].sort(), [
      'agreed',
      'counts',
      'declined',
      'id',
      'label',
      'noResponse',
      'partly',
      'receivingAgency',
      'requestingAgency',
      'requests',
    ]);
  });

  it('"Such report shall not be required to include information contained in reports required pursuant to section 9-131, 9-205, or 14-154": said, and detainers are not in it', () => {
    const part = build('2026Q1', []).parts.find((candidate) => candidate.id === 'other-reports');
    assert.match(part?.method ?? '', /§§ 9-131\(f\), 14-154\(f\) and 9-205\(f\)/);
  });

  it('LL228/2017 § 4: required only for periods beginning on or after 2018-01-30; not in force before', () => {
    const before = build('2017Q4', []);
    assert.equal(before.required, false);
    assert.equal(before.law.version, 'not in force');
    const straddling = build('2018Q1', []);
    assert.equal(straddling.law.version, 'LL228/2017');
    assert.equal(straddling.required, false);
    assert.match(
      straddling.requiredBecause,
      /only for periods beginning on the effective date, 2018-01-30/,
    );
    const first = build('2018Q2', []);
    assert.equal(first.required, true);
  });

  it('LL63/2026 widened "immigration enforcement" from 2026-01-29: noted from that quarter on', () => {
    assert.ok(build('2026Q1', []).notes.some((note) => note.includes('Local Law 63 of 2026')));
    assert.ok(!build('2025Q4', []).notes.some((note) => note.includes('Local Law 63 of 2026')));
  });

  it('a quarter is a year and a quarter that has ended, within the encoded law', () => {
    assert.deepEqual(parseQuarter('2026q1', TODAY), {
      id: '2026Q1',
      from: '2026-01-01',
      to: '2026-03-31',
      label: 'January to March 2026',
    });
    assert.equal(parseQuarter('2024-Q4', TODAY).to, '2024-12-31');
    for (const bad of ['2026Q2', '2026Q5', '2026', 'Q1 2026', '1999Q4', '2101Q1', '']) {
      assert.throws(() => parseQuarter(bad, TODAY), QuarterError, bad);
    }
    // Its last day must have ended in New York.
    assert.throws(() => parseQuarter('2026Q1', '2026-03-31'), /has not ended/);
    assert.equal(lastEndedQuarter('2026-04-15'), '2026Q1');
    assert.equal(lastEndedQuarter('2026-01-01'), '2025Q4');
    assert.equal(lastEndedQuarter('2026-12-31'), '2026Q3');
  });

  it('CSV and text carry the same figures', () => {
    const report = build('2026Q1', [
      request('ice', 'nyc-doc', '2026-01-05T15:00:00Z', 'declined'),
      request('ice', 'nyc-doc', '2026-01-06T15:00:00Z', null),
      request('fbi', 'nyc-nypd', '2026-01-07T15:00:00Z', 'agreed', 'investigation'),
    ]);
    const rows = parse<Record<string, string>>(quarterlyCsv(report), { columns: true });
    assert.deepEqual(
      rows.map((row) => row.row),
      ['requests', 'requesting-agency', 'receiving-agency', 'total', 'withheld', 'withheld'],
    );
    const pick = (row: Record<string, string>, ...columns: string[]) =>
      columns.map((column) => row[column]);
    const figures = ['requests', 'agreed', 'declined', 'partly', 'no_response'];
    assert.deepEqual(
      pick(rows[0]!, 'requesting_agency', 'receiving_agency', 'clause', ...figures),
      [
        'U.S. Immigration and Customs Enforcement (ICE)',
        'Department of Correction',
        '§ 10-178(d)',
        '2',
        '0',
        '1',
        '0',
        '1',
      ],
    );
    assert.deepEqual(pick(rows[4]!, 'withheld_ground', 'clause', 'requests', 'agreed'), [
      'investigation',
      '§ 10-178(d)(i)',
      '1',
      '',
    ]);
    assert.ok(rows.every((row) => row.quarter === '2026Q1' && row.audit_log_size === '7'));
    assert.ok(
      rows.every((row) => row.law === '§ 10-178(d), as added by LL228/2017 § 1 (nyc.10-178.d)'),
    );
    const text = quarterlyText(report);
    assert.ok(text.startsWith(report.headline));
    assert.match(
      text,
      /\n {2}§ 10-178\(d\)\(i\) such disclosure would interfere with law enforcement investigations: 1\n/,
    );
    assert.match(text, /\n {2}Total +2 +0 +1 +0 +1\n/);
  });
});
