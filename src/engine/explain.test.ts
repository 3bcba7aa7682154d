import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAW_CASE_TABLES } from '../law/law-case-tables.js';
import { evaluate } from '../index.js';
import { parseCase } from './case.js';
import type { ClauseRef } from './clause.js';
import type { ActionOutcome, Decision } from './decision.js';
import { explainDecision } from './explain.js';

const HONORING: ClauseRef = {
  id: 'x.honoring',
  version: 'LL1/2020',
  citation: '§ 1(b), as added by LL1/2020',
  validFrom: '2020-01-01',
  textSha256: 'a'.repeat(64),
  url: 'https://example.test/ll1',
  verification: 'verbatim',
};
const LIST: ClauseRef = {
  ...HONORING,
  id: 'x.list',
  citation: '§ 1(a)(7)',
  verification: 'reconstructed',
};
const CAP: ClauseRef = { ...HONORING, id: 'x.cap', citation: '8 C.F.R. § 287.7(d)' };

function outcome(overrides: Partial<ActionOutcome>): ActionOutcome {
  return {
    action: 'hold',
    status: 'allowed',
    explanation: 'The agency may hold the person.',
    lawDate: { date: '2024-07-03', basis: 'otherwise-release-time' },
    lawHash: 'f'.repeat(64),
    controlling: [HONORING],
    considered: [],
    missing: [],
    interpretations: [],
    ...overrides,
  };
}

function decision(outcomes: ActionOutcome[], overrides: Partial<Decision> = {}): Decision {
  return {
    caseId: 'C-1',
    jurisdiction: { id: 'x', name: 'Example County Jail' },
    timeZone: 'America/New_York',
    outcomes,
    duties: [],
    cautions: [],
    unverified: [],
    missing: [],
    ...overrides,
  };
}

describe('explainDecision', () => {
  test('names the case, the jurisdiction and each outcome in words', () => {
    const text = explainDecision(
      decision([
        outcome({}),
        outcome({ action: 'notify', status: 'not-allowed', explanation: 'No notice.' }),
        outcome({ action: 'transfer', status: 'required', explanation: 'Must hand over.' }),
        outcome({ action: 'information', item: 'release-date', status: 'needs-information' }),
      ]),
    );
    assert.match(text, /^Decision for case C-1: Example County Jail \(x\)/);
    assert.match(
      text,
      /HOLD THE PERSON PAST THE TIME OF RELEASE\n {2}ALLOWED: the agency may do this; the law does not require it\./,
    );
    assert.match(text, /NOTIFY FEDERAL IMMIGRATION AUTHORITIES OF THE RELEASE\n {2}NOT ALLOWED/);
    assert.match(text, /TRANSFER .*\n {2}REQUIRED: the agency must do this\./);
    assert.match(text, /SHARE INFORMATION: the release date\n {2}CANNOT BE DECIDED YET/);
    assert.match(text, /Why: No notice\./);
  });

  test('says which day’s law applied and why, with any note', () => {
    const text = explainDecision(
      decision([
        outcome({
          lawDate: {
            date: '2024-07-03',
            basis: 'otherwise-release-time',
            note: 'The otherwise-release time is not recorded.',
          },
        }),
        outcome({
          action: 'information',
          item: 'court-dates',
          lawDate: { date: '2024-07-01', basis: 'decision-time' },
        }),
      ]),
    );
    assert.match(
      text,
      /the law in force on 2024-07-03, the day the person would otherwise be released/,
    );
    assert.match(text, /Note: The otherwise-release time is not recorded\./);
    assert.match(text, /the law in force on 2024-07-01, the day of this decision/);
  });

  test('cites controlling clauses and flags only those not verified verbatim', () => {
    const text = explainDecision(
      decision([outcome({ controlling: [HONORING, LIST] })], { unverified: [LIST] }),
    );
    assert.match(text, /- § 1\(b\), as added by LL1\/2020 \(x\.honoring, version LL1\/2020\)\n/);
    assert.match(
      text,
      /- § 1\(a\)\(7\) \(x\.list, version LL1\/2020\) \[NOT VERBATIM: reconstructed, a consolidation/,
    );
    assert.match(
      text,
      /NOT VERIFIED WORD FOR WORD\n {2}- § 1\(a\)\(7\) \(x\.list, LL1\/2020\): reconstructed.*https:\/\/example\.test\/ll1/,
    );
  });

  test('lists conditions that did not apply, and on what fact', () => {
    const text = explainDecision(
      decision([
        outcome({
          status: 'not-allowed',
          considered: [
            {
              rule: 'Judicial warrant and a listed conviction',
              value: false,
              clauses: [HONORING],
              failed: [
                {
                  condition: 'A judicial warrant was presented',
                  facts: [{ path: 'request.judicialWarrant.presented', value: false }],
                },
              ],
            },
            {
              rule: 'Watch-list match',
              value: 'unknown',
              clauses: [HONORING],
              failed: [{ condition: 'Possible match', reason: 'recorded from another source' }],
            },
          ],
        }),
      ]),
    );
    assert.match(
      text,
      /did not apply:\n {4}- Judicial warrant and a listed conviction\n {8}not met: A judicial warrant was presented \(request\.judicialWarrant\.presented: false\)/,
    );
    assert.match(
      text,
      /could not be decided:\n {4}- Watch-list match\n {8}unknown: Possible match: recorded from another source/,
    );
  });

  test('groups missing facts by who must supply them', () => {
    const missing = [
      {
        path: 'record.searchCompleted',
        question: 'Was the search completed?',
        decidedBy: 'clerk' as const,
      },
      {
        path: 'record.convictions[0].equivalence',
        question: 'Is the New Jersey conviction equivalent to a listed crime?',
        decidedBy: 'legal-reviewer' as const,
      },
    ];
    const text = explainDecision(
      decision([outcome({ status: 'needs-information', missing })], { missing }),
    );
    const summary = text.slice(text.indexOf('WHAT MUST BE FOUND OUT'));
    assert.match(
      summary,
      /For the clerk to look up:\n {4}- Was the search completed\? \(record\.searchCompleted\)/,
    );
    assert.match(
      summary,
      /For a legal reviewer to decide:\n {4}- Is the New Jersey conviction equivalent to a listed crime\? \(record\.convictions\[0\]\.equivalence\)/,
    );
    assert.match(text, /Still needed for this:\n {4}For the clerk to look up:/);
  });

  test('gives the hold’s latest end and the days the clock skipped', () => {
    const text = explainDecision(
      decision([
        outcome({
          hold: {
            rule: '48 hours excluding Saturdays, Sundays and holidays',
            clauses: [CAP],
            until: '2024-07-09T18:00:00-04:00',
            clock: {
              startsAt: '2024-07-03T18:00:00-04:00',
              until: '2024-07-09T18:00:00-04:00',
              hours: 48,
              excludedDays: [
                { date: '2024-07-04', reason: 'holiday', holiday: 'Independence Day' },
                { date: '2024-07-06', reason: 'saturday' },
                { date: '2024-07-07', reason: 'sunday' },
              ],
            },
          },
        }),
      ]),
    );
    assert.match(text, /Hold limit: no later than 2024-07-09T18:00:00-04:00 \(48 hours excluding/);
    assert.match(text, /counts 48 hours from 2024-07-03T18:00:00-04:00/);
    assert.match(
      text,
      /- 2024-07-04: holiday \(Independence Day\)\n {6}- 2024-07-06: Saturday\n {6}- 2024-07-07: Sunday/,
    );
    assert.match(text, /Limit set by: 8 C\.F\.R\. § 287\.7\(d\)/);
  });

  test('says when the hold’s end cannot be computed yet', () => {
    const text = explainDecision(decision([outcome({ hold: { rule: '48 hours', clauses: [] } })]));
    assert.match(text, /Hold limit: 48 hours\. The latest end cannot be computed yet/);
  });

  test('shows readings of the law, duties, cautions and, when asked, the trace', () => {
    const text = explainDecision(
      decision([outcome({ interpretations: ['A transfer is read as honoring the detainer.'] })], {
        duties: [
          { id: 'notice', text: 'Give the person a copy of the detainer.', clauses: [HONORING] },
        ],
        cautions: [{ id: 'court', text: 'A court has ruled holds unauthorized.', clauses: [] }],
        trace: [
          { condition: 'A judicial warrant was presented', cites: ['x.honoring'], value: true },
        ],
      }),
    );
    assert.match(text, /should know about:\n {4}- A transfer is read as honoring the detainer\./);
    assert.match(
      text,
      /WHATEVER IT DECIDES\n {2}- Give the person a copy of the detainer\. \[§ 1\(b\), as added by LL1\/2020\]/,
    );
    assert.match(text, /CAUTIONS FOR THE REVIEWER\n {2}- A court has ruled holds unauthorized\./);
    assert.match(
      text,
      /CONDITIONS TESTED, IN ORDER\n {2}- yes: A judicial warrant was presented \[x\.honoring\]/,
    );
  });

  test('leaves out sections with nothing to say', () => {
    const text = explainDecision(decision([outcome({})]));
    for (const heading of [
      'WHAT MUST BE FOUND OUT',
      'DUTIES',
      'CAUTIONS',
      'NOT VERIFIED',
      'CONDITIONS TESTED',
    ]) {
      assert.ok(!text.includes(heading), heading);
    }
  });

  test('explains every legal test row’s decision, citing each controlling clause', () => {
    for (const table of LAW_CASE_TABLES) {
      for (const row of table.cases) {
        const decided = evaluate(parseCase(row.input));
        const text = explainDecision(decided);
        for (const ref of decided.outcomes.flatMap((o) => o.controlling)) {
          assert.ok(text.includes(`${ref.citation} (${ref.id}, version ${ref.version})`), row.name);
        }
      }
    }
  });
});
