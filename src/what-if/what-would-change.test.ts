import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateCaseload } from '../../bench/engine/caseload.js';
import { engine, parseCase } from '../index.js';
import type { Case, CaseInput } from '../engine/case.js';
import {
  detainerCase,
  judicialWarrantWithDetainer,
  nyConviction,
  searchFact,
} from '../law/testing/law-case.js';
import type { OutcomeChanges, WhatWouldChange } from './what-would-change.js';
import { NOTHING_CHANGES_IT, whatWouldChange } from './what-would-change.js';
import { whatWouldChangeText } from './what-would-change-text.js';
import { LAW_CASE_TABLES } from '../law/law-case-tables.js';
import { LL22_DOC_CASES } from '../law/nyc/doc/ll22-2013.cases.js';

/** A DOC detainer decided under LL58/2014 (release 2016-06-01, arrest 2016-05-20). */
function docCase(
  convictions: ReturnType<typeof nyConviction>[],
  warrant: CaseInput['request']['judicialWarrant'],
): Case {
  return parseCase(
    detainerCase('nyc-doc', {
      request: { judicialWarrant: warrant },
      record: { searchCompleted: true, convictions, terroristScreeningMatch: searchFact(false) },
    }),
  );
}

function outcome(result: WhatWouldChange, action: string): OutcomeChanges {
  const found = result.outcomes.find((entry) => entry.action === action);
  assert.ok(found, `no ${action} outcome`);
  return found;
}

/** The sets of one change, as "path=value" → status. */
function singleChanges(entry: OutcomeChanges): Map<string, string> {
  return new Map(
    entry.changeSets
      .filter((set) => set.changes.length === 1)
      .map((set) => [`${set.changes[0]!.path}=${JSON.stringify(set.changes[0]!.to)}`, set.status]),
  );
}

/** The test's own way of applying changes: a deep copy, then each path set. */
function applyChanges(input: Case, changes: readonly { path: string; to: unknown }[]): Case {
  const copy = structuredClone(input) as unknown as Record<string, unknown>;
  for (const change of changes) {
    const keys = change.path.replace(/\[(\d+)\]/g, '.$1').split('.');
    let target: Record<string, unknown> = copy;
    for (const key of keys.slice(0, -1)) {
      target[key] ??= {};
      target = target[key] as Record<string, unknown>;
    }
    target[keys.at(-1)!] = structuredClone(change.to);
  }
  return copy as unknown as Case;
}

describe('what would change the outcome: NYC DOC § 9-131 as amended by LL58/2014', () => {
  const assault1 = nyConviction('PL 120.10 BF', '2014-03-01');

  it('§ 9-131(b)(1)(i): “federal immigration authorities present the department with a judicial warrant ... at the time such civil immigration detainer is presented”: the warrant alone would make the hold allowed', () => {
    const result = whatWouldChange(engine, docCase([assault1], { presented: false }));
    const hold = outcome(result, 'hold');
    assert.equal(hold.status, 'not-allowed');
    const first = hold.changeSets[0]!;
    assert.equal(first.changes.length, 1);
    assert.equal(first.changes[0]!.path, 'request.judicialWarrant');
    assert.match(first.changes[0]!.words, /^a judicial warrant presented with the detainer/);
    assert.deepEqual(first.changes[0]!.from, { presented: false, issuer: 'unknown' });
    assert.equal(first.status, 'allowed');
    assert.ok(first.controlling.some((ref) => ref.id === 'nyc.9-131.b'));
    assert.ok(first.controlling.some((ref) => ref.id === 'nyc.9-131.a.judicial-warrant'));
  });

  it('§ 9-131(a)(2)(ii): not convicted if no judgment “for at least five years prior to the date of the instant arrest”: a judgment exactly five years back is outside, the next day inside', () => {
    const fiveYears = nyConviction('PL 120.10 BF', '2011-05-20');
    const result = whatWouldChange(engine, docCase([fiveYears], judicialWarrantWithDetainer()));
    const hold = outcome(result, 'hold');
    assert.equal(hold.status, 'not-allowed');
    const dates = hold.changeSets.filter(
      (set) => set.changes[0]!.path === 'record.convictions[0].judgmentDate',
    );
    assert.equal(dates.length, 1);
    assert.deepEqual(dates[0]!.changes, [
      {
        path: 'record.convictions[0].judgmentDate',
        from: '2011-05-20',
        to: '2011-05-21',
        words: 'a judgment on the PL 120.10 BF conviction dated on or after 2011-05-21',
      },
    ]);
    assert.equal(dates[0]!.status, 'allowed');
    assert.ok(dates[0]!.controlling.some((ref) => ref.id === 'nyc.9-131.a.conviction'));
  });

  it('§ 9-131(a)(2)(ii) from the other side: a judgment inside the look-back stops counting on the day five years before the arrest', () => {
    const result = whatWouldChange(engine, docCase([assault1], judicialWarrantWithDetainer()));
    const hold = outcome(result, 'hold');
    assert.equal(hold.status, 'allowed');
    const single = singleChanges(hold);
    assert.equal(single.get('record.convictions[0].judgmentDate="2011-05-20"'), 'not-allowed');
    // § 9-131(a)(2)(i): a youthful-offender adjudication is never a conviction.
    assert.equal(
      single.get('record.convictions[0].disposition="youthful-offender"'),
      'not-allowed',
    );
    // § 9-131(a)(5): a state judge's warrant is not a judicial warrant.
    assert.equal(single.get('request.judicialWarrant.issuer="state-judge"'), 'not-allowed');
    assert.equal(single.get('request.judicialWarrant.withDetainer=false'), 'not-allowed');
    // § 9-131(b)(1)(ii)(B) already fails and cannot lose the hold its allowance.
    assert.equal(
      single.get('record.terroristScreeningMatch={"value":true,"source":"e-justice-ny"}'),
      undefined,
    );
  });

  it('§ 9-131(b)(1): both a judicial warrant and a conviction in the look-back are needed, so with neither only pairs change it', () => {
    const old = nyConviction('PL 120.10 BF', '2009-01-01');
    const result = whatWouldChange(engine, docCase([old], { presented: false }));
    const hold = outcome(result, 'hold');
    assert.equal(hold.status, 'not-allowed');
    const toAllowed = hold.changeSets.filter((set) => set.status === 'allowed');
    assert.ok(toAllowed.length >= 2);
    for (const set of toAllowed) assert.equal(set.changes.length, 2);
    const paths = toAllowed.map((set) =>
      set.changes
        .map((change) => change.path)
        .sort()
        .join(' + '),
    );
    assert.ok(paths.includes('record.convictions[0].judgmentDate + request.judicialWarrant'));
    assert.ok(paths.includes('record.terroristScreeningMatch + request.judicialWarrant'));
    const oneFact = whatWouldChange(engine, docCase([old], { presented: false }), { maxFacts: 1 });
    assert.deepEqual(outcome(oneFact, 'hold').changeSets, []);
    assert.equal(outcome(oneFact, 'hold').nothing, NOTHING_CHANGES_IT);
  });

  it('§ 9-131(a)(2)(ii): the look-back runs back from “the date of the instant arrest”: unrecorded, an arrest on or after the judgment would decide it', () => {
    const input = parseCase({
      ...detainerCase('nyc-doc', {
        request: { judicialWarrant: judicialWarrantWithDetainer() },
        record: {
          searchCompleted: true,
          convictions: [assault1],
          terroristScreeningMatch: searchFact(false),
        },
      }),
      instantArrestDate: undefined,
    });
    const hold = outcome(whatWouldChange(engine, input), 'hold');
    assert.equal(hold.status, 'needs-information');
    const arrest = hold.changeSets.find((set) => set.changes[0]!.path === 'instantArrestDate');
    assert.deepEqual(arrest?.changes, [
      {
        path: 'instantArrestDate',
        to: '2014-03-01',
        words: 'an instant arrest dated on or after 2014-03-01',
      },
    ]);
    assert.equal(arrest.status, 'allowed');
  });

  it('an unrecorded warrant needs information: recording a full warrant allows the hold, recording none forbids it', () => {
    const result = whatWouldChange(engine, docCase([assault1], undefined));
    const hold = outcome(result, 'hold');
    assert.equal(hold.status, 'needs-information');
    const single = singleChanges(hold);
    assert.equal(single.get('request.judicialWarrant.presented=false'), 'not-allowed');
    assert.ok(
      [...single].some(
        ([key, status]) => key.startsWith('request.judicialWarrant=') && status === 'allowed',
      ),
    );
  });
});

describe('what would change the outcome: NYC DOC § 9-131 as amended by LL22/2013', () => {
  const row = LL22_DOC_CASES.find(
    (entry) => entry.name === 'A pending grand larceny felony: hold and notice allowed',
  )!;

  it('§ 9-131(a)(7)(iii) (LL22/2013): a person whose case was “adjourned in contemplation of dismissal” “shall not be deemed to be a defendant in a pending covered criminal case”', () => {
    const hold = outcome(whatWouldChange(engine, parseCase(row.input)), 'hold');
    assert.equal(hold.status, 'allowed');
    const acd = hold.changeSets.find(
      (set) => set.changes[0]!.path === 'record.pendingCases[0].disposition',
    );
    assert.ok(acd, 'an ACD is among the changes');
    assert.deepEqual(acd.changes, [
      {
        path: 'record.pendingCases[0].disposition',
        from: 'pending',
        to: 'adjourned-in-contemplation-of-dismissal',
        words: 'an adjournment in contemplation of dismissal of the pending PL 155.35 DF case',
      },
    ]);
    assert.equal(acd.status, 'not-allowed');
  });
});

describe('what would change the outcome: California and Texas', () => {
  const noneMet = {
    seriousOrViolentFelonyConviction: false,
    statePrisonFelonyConviction: false,
    listedOffenseWithinLookback: false,
    sexOrArsonRegistrant: false,
    aggravatedFelonyConviction: false,
    federalFelonyWarrant: false,
    magistrateProbableCause: false,
  } as const;
  const california = (request: Partial<CaseInput['request']>) =>
    parseCase(
      detainerCase('california', {
        decisionAt: '2019-06-03T09:00:00-07:00',
        otherwiseReleaseAt: '2019-06-03T18:00:00-07:00',
        instantArrestDate: '2019-06-03',
        request: {
          form: 'I-247A',
          administrativeWarrants: ['I-200'],
          judicialWarrant: { presented: false },
          judicialProbableCauseDetermination: false,
          informationPubliclyAvailable: false,
          actions: ['hold', 'transfer'],
          ...request,
        },
        findings: { california: noneMet },
      }),
    );

  it('Gov. Code § 7284.6(a)(4) (SB 54): no transfer “unless authorized by a judicial warrant or judicial probable cause determination, or in accordance with Section 7282.5”: each would allow it', () => {
    const transfer = outcome(whatWouldChange(engine, california({})), 'transfer');
    assert.equal(transfer.status, 'not-allowed');
    const single = singleChanges(transfer);
    assert.ok([...single.keys()].some((key) => key.startsWith('request.judicialWarrant=')));
    assert.equal(single.get('request.judicialProbableCauseDetermination=true'), 'allowed');
    // § 7282.5(a)(1): a serious or violent felony conviction.
    assert.equal(
      single.get('findings.california.seriousOrViolentFelonyConviction=true'),
      'allowed',
    );
  });

  it('Gov. Code § 7284.6(a)(1)(B) (SB 54): no “detaining an individual on the basis of a hold request”: nothing within these facts changes it', () => {
    const hold = outcome(whatWouldChange(engine, california({})), 'hold');
    assert.equal(hold.status, 'not-allowed');
    assert.deepEqual(hold.changeSets, []);
    assert.equal(hold.nothing, 'nothing within these facts changes it');
  });

  it('CCP art. 2.251(b) (SB 4): not required for “a person who has provided proof that the person is a citizen of the United States or has lawful immigration status”', () => {
    const texas = parseCase(
      detainerCase('texas', {
        decisionAt: '2018-06-01T09:00:00-05:00',
        otherwiseReleaseAt: '2018-06-01T18:00:00-05:00',
        instantArrestDate: '2018-06-01',
        request: { form: 'I-247A', administrativeWarrants: ['I-200'] },
        record: { searchCompleted: true, convictions: [], proofOfLawfulStatus: false },
      }),
    );
    const hold = outcome(whatWouldChange(engine, texas), 'hold');
    assert.equal(hold.status, 'required');
    const single = singleChanges(hold);
    assert.equal(single.get('record.proofOfLawfulStatus=true'), 'allowed');
    const proof = hold.changeSets.find(
      (set) => set.changes[0]!.path === 'record.proofOfLawfulStatus',
    );
    assert.equal(proof!.changes[0]!.words, 'proof of citizenship or lawful immigration status');
  });
});

describe('what would change the outcome: its own checks', () => {
  it('refuses a maxFacts outside 1 to 3', () => {
    const input = docCase([], { presented: false });
    for (const maxFacts of [0, 4, 1.5, Number.NaN]) {
      assert.throws(() => whatWouldChange(engine, input, { maxFacts }), /maxFacts must be/);
    }
  });

  it('refuses a maxDecisions below 1 or not whole', () => {
    const input = docCase([], { presented: false });
    for (const maxDecisions of [0, -1, 2.5]) {
      assert.throws(() => whatWouldChange(engine, input, { maxDecisions }), /maxDecisions must be/);
    }
  });

  it('stops at its limit of decisions on a huge record, says so, and never then claims nothing changes it', () => {
    const many = Array.from({ length: 120 }, () => nyConviction('PL 120.10 BF', '2009-01-01'));
    const input = docCase(many, { presented: false });
    const result = whatWouldChange(engine, input, { maxDecisions: 40 });
    assert.equal(result.complete, false);
    for (const entry of result.outcomes) {
      assert.equal(entry.nothing, undefined);
      for (const set of entry.changeSets) {
        const after = engine
          .evaluate(applyChanges(input, set.changes))
          .outcomes.find((o) => o.action === entry.action)!;
        assert.equal(after.status, set.status);
      }
    }
    const text = whatWouldChangeText(result);
    assert.match(text, /the search stopped at its limit of decisions, so other changes may exist/);
    assert.match(text, /The hold, now not allowed: none found before the search stopped\./);
  });

  it('renders each set as one sentence with its clauses, and "nothing" in words', () => {
    const text = whatWouldChangeText(
      whatWouldChange(
        engine,
        docCase([nyConviction('PL 120.10 BF', '2014-03-01')], { presented: false }),
      ),
    );
    assert.match(
      text,
      /a judicial warrant presented with the detainer \(.*\) would make the hold allowed \[§ 9-131\(b\), as amended by LL58\/2014 § 2;/,
    );
    const nothing = whatWouldChangeText(
      whatWouldChange(
        engine,
        docCase([nyConviction('PL 120.10 BF', '2009-01-01')], { presented: false }),
        {
          maxFacts: 1,
        },
      ),
    );
    assert.match(nothing, /The hold, now not allowed: nothing within these facts changes it\./);
  });

  it('over every row of the legal test tables (every jurisdiction and version): every set changes its action when applied and decided again', () => {
    let sets = 0;
    for (const table of LAW_CASE_TABLES) {
      for (const row of table.cases) {
        const input = parseCase(row.input);
        const base = engine.evaluate(input);
        const result = whatWouldChange(engine, input);
        assert.ok(result.complete, row.name);
        for (const entry of result.outcomes) {
          const same = (o: { action: string; item?: string }) =>
            o.action === entry.action && o.item === entry.item;
          const before = base.outcomes.find(same)!;
          for (const set of entry.changeSets) {
            sets++;
            const after = engine.evaluate(applyChanges(input, set.changes)).outcomes.find(same)!;
            assert.equal(after.status, set.status, `${row.name}: ${JSON.stringify(set.changes)}`);
            assert.notEqual(after.status, before.status, row.name);
          }
        }
      }
    }
    assert.ok(sets > 1000, `only ${sets} sets over the tables`);
  });

  it('over the synthetic caseload: every set changes the outcome when applied and decided again, no set holds another, and the same case gives the same bytes', () => {
    let sets = 0;
    for (const synthetic of generateCaseload(300, 13)) {
      const input = parseCase(synthetic.input);
      const base = engine.evaluate(input);
      const result = whatWouldChange(engine, input);
      assert.ok(result.complete, `${String(input.caseId)}: the search reached its limit`);
      assert.equal(JSON.stringify(whatWouldChange(engine, input)), JSON.stringify(result));
      for (const entry of result.outcomes) {
        const before = base.outcomes.find(
          (o) => o.action === entry.action && o.item === entry.item,
        )!;
        assert.equal(entry.status, before.status);
        assert.equal(entry.nothing === undefined, entry.changeSets.length > 0);
        const keys = entry.changeSets.map(
          (set) => new Set(set.changes.map((c) => `${c.path}=${JSON.stringify(c.to)}`)),
        );
        entry.changeSets.forEach((set, index) => {
          sets++;
          const after = engine
            .evaluate(applyChanges(input, set.changes))
            .outcomes.find((o) => o.action === entry.action && o.item === entry.item)!;
          assert.equal(after.status, set.status, `${input.caseId}: ${JSON.stringify(set.changes)}`);
          assert.notEqual(after.status, before.status);
          assert.notEqual(after.status, 'needs-information');
          assert.deepEqual(after.controlling, set.controlling);
          keys.forEach((other, otherIndex) => {
            if (otherIndex === index || other.size >= keys[index]!.size) return;
            const contained = [...other].every((key) => keys[index]!.has(key));
            assert.ok(!contained, `${input.caseId}: a set holds a smaller one`);
          });
          if (index > 0) {
            assert.ok(set.changes.length >= entry.changeSets[index - 1]!.changes.length);
          }
        });
      }
    }
    assert.ok(sets > 300, `only ${sets} sets over the caseload`);
  });
});
