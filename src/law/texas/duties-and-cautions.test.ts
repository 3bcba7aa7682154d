/**
 * What the test table cannot show: the duty to tell the person they are held on an ICE detainer
 * (art. 2.251(a)(2)), the penalty caution, and which version of the article decides.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CaseInput } from '../../engine/case.js';
import { parseCase } from '../../engine/case.js';
import { createEngine } from '../../engine/evaluate.js';
import { detainerCase } from '../testing/law-case.js';
import { CLAUSE } from './clause-ids.js';
import { TEXAS } from './index.js';

const engine = createEngine([TEXAS]);

function decide(date: string, proof: boolean, request: Partial<CaseInput['request']> = {}) {
  return engine.evaluate(
    parseCase(
      detainerCase('texas', {
        decisionAt: `${date}T09:00:00-05:00`,
        otherwiseReleaseAt: `${date}T18:00:00-05:00`,
        instantArrestDate: date,
        request: { form: 'I-247A', ...request },
        record: { searchCompleted: true, convictions: [], proofOfLawfulStatus: proof },
      }),
    ),
  );
}

const INFORM = 'tx-inform-person-held-on-detainer';
const PENALTIES = 'tx-detainer-penalties';

test('under SB 4: tell the person they are held on an ICE detainer; penalties for failing to comply', () => {
  const decision = decide('2018-06-01', false);
  assert.deepEqual(
    decision.duties.map((notice) => notice.id),
    [INFORM],
  );
  assert.ok(decision.cautions.some((notice) => notice.id === PENALTIES));
});

test('before SB 4 there is no such duty', () => {
  assert.deepEqual(decide('2017-08-31', false).duties, []);
});

test('proof of status or a non-ICE detainer lifts the duty and the penalty caution', () => {
  for (const decision of [
    decide('2018-06-01', true),
    decide('2018-06-01', false, { requester: 'cbp' }),
  ]) {
    assert.deepEqual(decision.duties, []);
    assert.ok(!decision.cautions.some((notice) => notice.id === PENALTIES));
  }
});

test('from 2025-01-01 the recodified article decides, flagged as unverified', () => {
  const controllingVersion = (date: string) =>
    decide(date, false).outcomes[0]!.controlling.find((ref) => ref.id === CLAUSE.detainerRequests)!;
  assert.equal(controllingVersion('2024-12-31').version, 'SB 4 (85th Leg., R.S., 2017)');
  const recodified = controllingVersion('2025-01-02');
  assert.equal(recodified.verification, 'unverified');
  assert.ok(
    decide('2025-01-02', false).unverified.some((ref) => ref.version === recodified.version),
  );
});
