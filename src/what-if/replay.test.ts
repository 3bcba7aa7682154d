import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateCaseload } from '../../bench/engine/caseload.js';
import { engine, parseCase, type Case } from '../index.js';
import { JURISDICTIONS } from '../law/jurisdictions.js';
import { NYC_DOC } from '../law/nyc/doc/index.js';
import { completedSearch, detainerCase, nyConviction } from '../law/testing/law-case.js';
import { LawChoiceError, parseLawChoice, resolveLawChoice } from './law-choice.js';
import { replay, type ReplayCase } from './replay.js';
import { replayCsv, replayJson, replayText } from './replay-output.js';

const under = (text: string) =>
  resolveLawChoice(parseLawChoice(text, JURISDICTIONS), JURISDICTIONS);

/**
 * A DOC detainer of 2016 with no judicial warrant, from a person convicted in 2014 of assault in
 * the first degree (PL 120.10, a class B felony), a completed search showing nothing else.
 */
function unwarrantedFelony(caseId: string): Case {
  return parseCase(
    detainerCase('nyc-doc', {
      caseId,
      request: { judicialWarrant: { presented: false, issuer: 'unknown' } },
      record: completedSearch([nyConviction('PL 120.10', '2014-03-01', { level: 'felony' })]),
    }),
  );
}

function syntheticCases(count: number): ReplayCase[] {
  return [...generateCaseload(count)].map(({ input }, index) => {
    const parsed = parseCase({ ...input, caseId: `synthetic-${String(index).padStart(5, '0')}` });
    return { key: parsed.caseId!, input: parsed };
  });
}

describe('replay', () => {
  it('holds a detainer without a judicial warrant under LL22/2013 that LL58/2014 refuses', () => {
    // § 9-131(b)(1) (LL58/2014): "may only honor ... if: i. ... a judicial warrant ... and ii. ..."
    // § 9-131(b)(2)(i)(A) (LL22/2013): may honour when the person "has been convicted of a covered
    // crime", and § 9-131(a)(3) (LL22/2013) makes every felony a covered crime.
    const result = replay(
      [{ key: 'a', input: unwarrantedFelony('a') }],
      under('nyc-doc@LL22/2013'),
      engine,
    );
    assert.equal(result.changedCases, 1);
    const hold = result.changes[0]!.changes.find((change) => change.action === 'hold')!;
    assert.equal(hold.before.status, 'not-allowed');
    assert.equal(hold.after.status, 'allowed');
    assert.deepEqual(hold.before.controlling, ['nyc.9-131.b@LL58/2014']);
    assert.ok(hold.madeTheDifference.includes('nyc.9-131.b@LL22/2013'));
    assert.equal(
      result.clauses['nyc.9-131.b@LL22/2013']?.citation,
      NYC_DOC.lawOn('2013-07-16').clauses.get('nyc.9-131.b')?.citation,
    );
    // The law hashes say which law decided: the period LL22/2013 began and the one in force.
    assert.equal(hold.after.lawHash, NYC_DOC.lawOn('2013-07-16').hash);
    assert.equal(hold.before.lawHash, NYC_DOC.lawOn('2016-06-01').hash);
    assert.equal(result.under.lawHash, NYC_DOC.lawOn('2013-07-16').hash);
    const holdTotals = result.totals.find((totals) => totals.action === 'hold')!;
    assert.deepEqual(holdTotals.transitions, [{ from: 'not-allowed', to: 'allowed', count: 1 }]);
  });

  it('lists changed cases in the order a person reads their keys: line 9 before line 10', () => {
    const keys = ['line 10', 'line 9', 'row 2', 'line 1', 'row 12', 'case-01', 'case-1'];
    const result = replay(
      keys.map((key) => ({ key, input: unwarrantedFelony(key) })),
      under('nyc-doc@LL22/2013'),
      engine,
    );
    assert.deepEqual(
      result.changes.map((change) => change.key),
      ['case-01', 'case-1', 'line 1', 'line 9', 'line 10', 'row 2', 'row 12'],
    );
  });

  it('changes nothing when the law chosen is the one in force', () => {
    const result = replay(
      [{ key: 'a', input: unwarrantedFelony('a') }],
      under('nyc-doc@LL58/2014'),
      engine,
    );
    assert.equal(result.changedCases, 0);
    assert.deepEqual(result.changes, []);
  });

  it('agrees with deciding each case one by one, totals and every change', () => {
    const cases = syntheticCases(3000);
    const choice = under('nyc-doc@LL22/2013');
    const result = replay(cases, choice, engine);
    const expected = new Map<string, number>();
    const changed = new Map<string, string>();
    for (const { key, input } of cases) {
      const before = engine.evaluate(input);
      const after = choice.engine.evaluate(input);
      for (const [index, outcome] of before.outcomes.entries()) {
        const now = after.outcomes[index]!;
        assert.equal(now.action, outcome.action);
        const count = `${outcome.action} ${outcome.status} ${now.status}`;
        expected.set(count, (expected.get(count) ?? 0) + 1);
        if (outcome.status !== now.status) {
          changed.set(`${key} ${outcome.action}`, `${outcome.status} ${now.status}`);
        }
      }
    }
    const counted = new Map<string, number>();
    for (const totals of result.totals) {
      for (const { from, to, count } of totals.transitions) {
        counted.set(`${totals.action} ${from} ${to}`, count);
      }
    }
    assert.deepEqual(counted, expected);
    const listed = new Map(
      result.changes.flatMap((change) =>
        change.changes.map((action) => [
          `${change.key} ${action.action}`,
          `${action.before.status} ${action.after.status}`,
        ]),
      ),
    );
    assert.deepEqual(listed, changed);
    assert.ok(changed.size > 100, 'LL22/2013 changes many answers of a 2012-2026 caseload');
    assert.equal(result.cases, 3000);
    const unknownAfter = result.totals.reduce(
      (sum, totals) => sum + totals.after['needs-information'],
      0,
    );
    assert.equal(result.unknown.after, unknownAfter);
  });

  it('pins a version without changing how a case of its own period is decided', () => {
    const choice = under('nyc-doc@2016-05-01');
    const from = choice.choice.kind === 'pinned' ? choice.choice.from : '';
    const until = NYC_DOC.clauses
      .map((clause) => clause.validFrom)
      .filter((date) => date > from)
      .sort()[0]!;
    let compared = 0;
    for (const { input } of syntheticCases(3000)) {
      const date = input.otherwiseReleaseAt!.slice(0, 10);
      if (date < from || date >= until) continue;
      // Only the jurisdiction's name differs: it says the law was pinned.
      const withoutName = (decision: object) => JSON.stringify({ ...decision, jurisdiction: null });
      assert.equal(withoutName(choice.engine.evaluate(input)), withoutName(engine.evaluate(input)));
      compared++;
    }
    assert.ok(compared > 50);
  });

  it('gives the same bytes twice and whatever the order of the cases', () => {
    const cases = syntheticCases(1500);
    const choice = under('nyc-doc@LL22/2013');
    const first = replay(cases, choice, engine);
    const reversed = replay([...cases].reverse(), choice, engine);
    assert.equal(replayJson(reversed), replayJson(first));
    assert.equal(replayCsv(reversed), replayCsv(first));
    assert.equal(replayText(reversed), replayText(first));
    assert.equal(replayJson(replay(cases, under('nyc-doc@LL22/2013'), engine)), replayJson(first));
  });

  it('decides the same facts under another jurisdiction in their own time zone, naming what it lacks', () => {
    const input = unwarrantedFelony('a');
    const choice = under('texas@SB 4');
    assert.equal(choice.caseUnder(input).timeZone, 'America/New_York');
    assert.equal(choice.caseUnder(input).jurisdiction, 'texas');
    const result = replay([{ key: 'a', input }], choice, engine);
    // Tex. Code Crim. Proc. art. 2.251(a)(1) (SB 4): comply with a detainer "unless the person
    // has provided proof that the person is a citizen ... or has lawful immigration status".
    assert.deepEqual(result.newlyMissing, [{ path: 'record.proofOfLawfulStatus', cases: 1 }]);
    const hold = result.changes[0]!.changes.find((change) => change.action === 'hold')!;
    assert.equal(hold.after.status, 'needs-information');
    assert.deepEqual(hold.after.missing, ['record.proofOfLawfulStatus']);
    assert.equal(result.unknown.after, 2);
  });

  it('counts a case the engine refuses under one law as rejected, with the reason', () => {
    // Before SB 4 the federal baseline lets Texas hold (8 CFR 287.7(d): "not to exceed 48 hours,
    // excluding Saturdays, Sundays, and holidays"), and a hold clock run past the end of the
    // holiday calendar (2100) cannot be counted: the case is refused under that law, not guessed.
    const far = parseCase(
      detainerCase('texas', {
        caseId: 'far',
        decisionAt: '2100-12-30T09:00:00-05:00',
        otherwiseReleaseAt: '2100-12-30T10:00:00-05:00',
        instantArrestDate: '2100-12-20',
      }),
    );
    const result = replay([{ key: 'far', input: far }], under('texas@2016-01-01'), engine);
    const hold = result.changes[0]!.changes.find((change) => change.action === 'hold')!;
    assert.equal(hold.before.status, 'needs-information');
    assert.equal(hold.after.status, 'rejected');
    assert.match(hold.after.reason ?? '', /past the end of .*2100-12-31/);
    assert.deepEqual(result.totals[0]!.transitions, [
      { from: 'needs-information', to: 'rejected', count: 1 },
    ]);
  });

  it('writes the CSV one changed answer a row, with the law chosen on each', () => {
    const result = replay(
      [{ key: 'a', input: unwarrantedFelony('a') }],
      under('nyc-doc@LL22/2013'),
      engine,
    );
    const lines = replayCsv(result).trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^case,jurisdiction,action,before,after,/);
    assert.match(lines[1]!, /^a,nyc-doc,hold,not-allowed,allowed,nyc\.9-131\.b@LL58\/2014,/);
    assert.match(lines[1]!, /nyc-doc@2013-07-16,[0-9a-f]{64}$/);
  });
});

describe('law choices', () => {
  it('reads a jurisdiction, a date and a version named in full or by its first words', () => {
    assert.deepEqual(parseLawChoice('california', JURISDICTIONS), {
      kind: 'jurisdiction',
      jurisdiction: 'california',
    });
    assert.deepEqual(parseLawChoice('nyc-doc@2016-05-01', JURISDICTIONS), {
      kind: 'pinned',
      jurisdiction: 'nyc-doc',
      from: NYC_DOC.lawOn('2016-05-01').from,
    });
    // LL21/2013 § 2: "This local law shall take effect 90 days after its enactment" (2013-07-16).
    assert.deepEqual(parseLawChoice('nyc-nypd@LL21/2013', JURISDICTIONS), {
      kind: 'pinned',
      jurisdiction: 'nyc-nypd',
      from: '2013-07-16',
    });
    // SB 4 (85th Leg., R.S., 2017) took effect September 1, 2017.
    assert.deepEqual(parseLawChoice('texas@SB 4', JURISDICTIONS), {
      kind: 'pinned',
      jurisdiction: 'texas',
      from: '2017-09-01',
    });
  });

  it('refuses what names no law, saying what would', () => {
    assert.throws(
      () => parseLawChoice('atlantis', JURISDICTIONS),
      (error: unknown) => {
        assert.ok(error instanceof LawChoiceError);
        assert.match(error.message, /^under: "atlantis" is not a jurisdiction .* known: nyc-doc/);
        return true;
      },
    );
    assert.throws(
      () => parseLawChoice('nyc-doc@LL99/2030', JURISDICTIONS),
      /its versions: .*"LL58\/2014"/,
    );
    assert.throws(() => parseLawChoice('nyc-doc@1999-12-31', JURISDICTIONS), /before 2000-01-01/);
    assert.throws(
      () =>
        resolveLawChoice(
          { kind: 'pinned', jurisdiction: 'nyc-doc', from: '2016-05-02' },
          JURISDICTIONS,
        ),
      /no period of nyc-doc's law begins on 2016-05-02/,
    );
  });
});
