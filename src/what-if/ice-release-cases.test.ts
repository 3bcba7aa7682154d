import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engine } from '../index.js';
import { JURISDICTIONS } from '../law/jurisdictions.js';
import { NEVER_IN_A_RELEASE, ReleaseCases, type IceDetainerRow } from './ice-release-cases.js';

/** A row as `ice_detainers` holds it; the tests below set the fields each format writes. */
const row = (values: Partial<IceDetainerRow>): IceDetainerRow => ({
  sheet: null,
  row: 2,
  preparedDate: '2016-06-01',
  detainerType: 'I-247D - Immigration Detainer - Request for Voluntary Action',
  facility: 'NYC DEPT OF CORRECTION - SYNTHETIC DEMO JAIL A',
  state: 'NY',
  duplicateLikely: false,
  ...values,
});

const mapper = (includeDuplicates = false) =>
  new ReleaseCases(JURISDICTIONS, { includeDuplicates });

describe('an ICE release’s rows as cases', () => {
  it('maps the row shape of each format to the jurisdiction its state and facility make clear', () => {
    const cases = mapper();
    const shapes: [string, IceDetainerRow, string, string, string][] = [
      // Format A (ICE's 2025 xlsx): sheet and Excel row, the state written out, `I247A - …`.
      [
        'A',
        row({
          sheet: 'Detainers 1',
          row: 8,
          preparedDate: '2025-02-03',
          detainerType: 'I247A - Immigration Detainer - Immigration Detainer - Notice of Action',
          facility: 'RIKERS ISLAND',
          state: 'NEW YORK',
        }),
        'nyc-doc',
        'I-247A',
        '2025-02-03T00:00:00-05:00',
      ],
      // Format B (2026-03): another facility column, the same values.
      [
        'B',
        row({
          sheet: 'FY24',
          row: 9,
          preparedDate: '2024-07-04',
          detainerType: 'I247A - Immigration Detainer - Notice of Action',
          facility: 'HARRIS COUNTY JAIL',
          state: 'TEXAS',
        }),
        'texas',
        'I-247A',
        '2024-07-04T00:00:00-05:00',
      ],
      // Format C (2026-08 "DPR"): `State` and `City` columns.
      [
        'C',
        row({
          sheet: 'Sheet1',
          row: 8,
          preparedDate: '2026-01-15',
          detainerType: 'I247A - Immigration Detainer',
          facility: 'LOS ANGELES COUNTY JAIL',
          state: 'CALIFORNIA',
        }),
        'california',
        'I-247A',
        '2026-01-15T00:00:00-08:00',
      ],
      // Format D (legacy FY2008–FY2015): a two-letter state, the bare form code.
      [
        'D',
        row({
          row: 3,
          preparedDate: '2015-03-02',
          detainerType: 'I247D',
          facility: 'NYPD 75 PCT',
          state: 'NY',
        }),
        'nyc-nypd',
        'I-247D',
        '2015-03-02T00:00:00-05:00',
      ],
      // Format E (NPR's processed CSV): the old I-247's long name.
      [
        'E',
        row({
          row: 1,
          preparedDate: '2013-02-11',
          detainerType: 'I247 - Immigration Detainer - Notice of Action (prior to March 2013)',
          facility: 'NYC DEPT OF PROBATION',
          state: 'NY',
        }),
        'nyc-probation',
        'I-247',
        '2013-02-11T00:00:00-05:00',
      ],
      // Format F (the DDP's; the demo's synthetic release): the notification form.
      [
        'F',
        row({
          row: 40,
          preparedDate: '2016-08-09',
          detainerType: 'I-247N - Request for Voluntary Notification of Release',
          facility: 'SYNTHETIC DEMO COUNTY JAIL (TX-1)',
          state: 'TX',
        }),
        'texas',
        'I-247N',
        '2016-08-09T00:00:00-05:00',
      ],
    ];
    for (const [format, given, jurisdiction, form, decisionAt] of shapes) {
      const mapped = cases.caseOf(given);
      assert.ok(mapped, format);
      assert.equal(mapped.input.jurisdiction, jurisdiction, format);
      assert.equal(mapped.input.request.form, form, format);
      assert.equal(mapped.input.request.requester, 'ice', format);
      assert.equal(mapped.input.decisionAt, decisionAt, format);
    }
    assert.deepEqual(
      shapes.map(([, given]) => cases.caseOf(given)?.key),
      ['Detainers 1 row 8', 'FY24 row 9', 'Sheet1 row 8', 'row 3', 'row 1', 'row 40'],
    );
  });

  it('leaves out every fact the release cannot give, so the engine names it instead of guessing', () => {
    const mapped = mapper().caseOf(row({}))!;
    const { input } = mapped;
    assert.equal(input.otherwiseReleaseAt, undefined);
    assert.equal(input.instantArrestDate, undefined);
    assert.equal(input.request.receivedAt, undefined);
    assert.equal(input.request.judicialWarrant, undefined);
    assert.equal(input.record.searchCompleted, 'unknown');
    assert.deepEqual(input.record.convictions, []);
    assert.deepEqual(input.record.pendingCases, []);
    assert.equal(input.record.terroristScreeningMatch, undefined);
    // § 9-131(b)(1) (LL58/2014): DOC may honour a detainer only with a judicial warrant and a
    // conviction of a violent or serious crime (or a terrorist-screening match). The release says
    // none of these, so the hold needs them: it is neither allowed nor refused.
    const hold = engine.evaluate(input).outcomes.find((outcome) => outcome.action === 'hold')!;
    assert.equal(hold.status, 'needs-information');
    const missing = hold.missing.map((fact) => fact.path);
    for (const path of ['request.judicialWarrant.presented', 'record.searchCompleted']) {
      assert.ok(missing.includes(path), path);
    }
    // The law date is the prepare date: with no release time, the engine says what stood in.
    assert.equal(hold.lawDate.date, '2016-06-01');
    assert.match(hold.lawDate.note ?? '', /otherwise-release time is not recorded/);
  });

  it('decides a Texas row by the law in force on its prepare date, SB 4 from 2017-09-01', () => {
    const cases = mapper();
    const texas = (preparedDate: string) =>
      cases.caseOf(row({ preparedDate, facility: 'HARRIS CO JAIL', state: 'TX' }))!.input;
    const before = engine.evaluate(texas('2017-08-31'));
    const after = engine.evaluate(texas('2017-09-01'));
    const hold = (decision: typeof before) =>
      decision.outcomes.find((outcome) => outcome.action === 'hold')!;
    const sb4 = (decision: typeof before) =>
      hold(decision).controlling.find((c) => c.id === 'tx.ccp.immigration-detainer-requests')
        ?.version;
    // Tex. Code Crim. Proc. art. 2.251 (SB 4) is not in force the day before September 1, 2017; from
    // that day art. 2.251(b) lifts the duty to honour a detainer for "a person who has provided
    // proof that the person is a citizen of the United States or has lawful immigration status",
    // a fact no release records.
    assert.equal(sb4(before), 'not in force');
    assert.equal(hold(before).status, 'allowed');
    assert.equal(sb4(after), 'SB 4 (85th Leg., R.S., 2017)');
    assert.equal(hold(after).status, 'needs-information');
    assert.deepEqual(
      hold(after).missing.map((fact) => fact.path),
      ['record.proofOfLawfulStatus'],
    );
  });

  it('skips, and counts by reason, rows it cannot map: hostile dates, places and types', () => {
    const cases = mapper();
    const hostile: IceDetainerRow[] = [
      row({ preparedDate: null }),
      row({ preparedDate: '2016-02-30' }),
      row({ preparedDate: 'yesterday' }),
      row({ preparedDate: '1999-12-31' }),
      row({ duplicateLikely: true }),
      row({ detainerType: null }),
      row({ detainerType: 'DROP TABLE ice_detainers' }),
      row({ detainerType: 'I-247Q - unheard of' }),
      row({ state: null }),
      row({ state: '   ' }),
      row({ state: 'FL', facility: 'MIAMI-DADE JAIL' }),
      row({ state: 'Florida', facility: 'ANOTHER JAIL' }),
      row({ state: 'NY', facility: 'NASSAU COUNTY CORRECTIONAL CENTER' }),
      row({ state: 'NY', facility: null }),
      // Rikers Island is New York City's only in New York.
      row({ state: 'NJ', facility: 'RIKERS ISLAND' }),
      row({ state: 'x'.repeat(5000), facility: 'y'.repeat(5000) }),
    ];
    for (const given of hostile)
      assert.equal(cases.caseOf(given), undefined, JSON.stringify(given).slice(0, 80));
    assert.ok(cases.caseOf(row({})));
    const summary = cases.summary();
    assert.deepEqual(summary.rows, { read: 17, mapped: 1, skipped: 16 });
    const byReason = Object.fromEntries(
      summary.skipped.map((skip) => [skip.text, [skip.reason, skip.rows]]),
    );
    assert.deepEqual(byReason, {
      'the prepare date is blank or not a calendar date': ['prepare-date-unusable', 3],
      'prepared before 2000-01-01, the first day whose law is encoded': ['before-encoded-law', 1],
      'a likely duplicate: the same person had another detainer less than 24 hours before': [
        'likely-duplicate',
        1,
      ],
      'the detainer type is blank or not a form of the I-247 family, so nothing says what the detainer asks for':
        ['form-unknown', 3],
      'the facility’s state is blank or redacted': ['state-blank', 2],
      'in FLORIDA, for which no jurisdiction’s law is encoded': ['state-without-law', 2],
      'a facility in NEW YORK that is none of the agencies encoded there (nyc-doc, nyc-nypd, nyc-probation)':
        ['facility-not-matched', 2],
      'in NEW JERSEY, for which no jurisdiction’s law is encoded': ['state-without-law', 1],
      [`in ${'X'.repeat(40)}…, for which no jurisdiction’s law is encoded`]: [
        'state-without-law',
        1,
      ],
    });
    // Most first.
    assert.deepEqual(
      summary.skipped.map((skip) => skip.rows),
      [...summary.skipped.map((skip) => skip.rows)].sort((a, b) => b - a),
    );
  });

  it('counts likely duplicates in when asked', () => {
    const cases = mapper(true);
    assert.ok(cases.caseOf(row({ duplicateLikely: true })));
    assert.equal(cases.summary().rows.mapped, 1);
  });

  it('names at most twenty states among the skipped rows, counting the rest together', () => {
    const cases = mapper();
    for (let index = 0; index < 25; index++) {
      const state = `STATE ${String.fromCharCode(65 + index)}`;
      for (let copy = 0; copy <= index; copy++) cases.caseOf(row({ state }));
    }
    const skipped = cases.summary().skipped;
    assert.equal(skipped.length, 21);
    assert.deepEqual(skipped.at(-1), {
      reason: 'state-without-law',
      text: 'in a state for which no jurisdiction’s law is encoded',
      rows: 1 + 2 + 3 + 4 + 5,
    });
    assert.equal(skipped[0]!.text, 'in STATE Y, for which no jurisdiction’s law is encoded');
  });

  it('counts the cases by jurisdiction, those matched by an inferred name, and the facts left out', () => {
    const cases = mapper();
    cases.caseOf(row({}));
    cases.caseOf(row({ facility: 'ANY JAIL', state: 'CA' }));
    cases.caseOf(row({ facility: 'ANY JAIL', state: 'CA' }));
    cases.caseOf(row({ state: 'FL' }));
    const summary = cases.summary();
    assert.deepEqual(summary.jurisdictions, [
      { jurisdiction: 'california', cases: 2, inferred: 0 },
      { jurisdiction: 'nyc-doc', cases: 1, inferred: 1 },
    ]);
    const facts = Object.fromEntries(summary.unknownFacts.map((fact) => [fact.path, fact.cases]));
    assert.equal(facts['record.searchCompleted'], 3);
    assert.equal(facts['request.judicialWarrant'], 3);
    assert.equal(facts.otherwiseReleaseAt, 3);
    // California's findings are left out of California's cases only.
    assert.equal(facts['findings.california'], 2);
    assert.equal(summary.unknownFacts.length, NEVER_IN_A_RELEASE.length);
    assert.deepEqual(mapper().summary().unknownFacts, []);
  });

  it('gives the same cases and summary for the same rows', () => {
    const rows = [row({}), row({ row: 3, state: 'TX' }), row({ row: 4, state: 'FL' })];
    const run = () => {
      const cases = mapper();
      return JSON.stringify([rows.map((given) => cases.caseOf(given)), cases.summary()]);
    };
    assert.equal(run(), run());
  });
});
