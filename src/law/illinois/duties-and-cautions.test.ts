/**
 * What the Illinois test tables cannot show: the § 25 reporting duties from 2021, the cautions,
 * and which decisions flag the unverified §§ 15(c) (2017) and 15(g) (2021).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCase } from '../../engine/case.js';
import { createEngine } from '../../engine/evaluate.js';
import { CLAUSE } from './clause-ids.js';
import { ILLINOIS } from './index.js';
import { illinoisCase, illinoisInformationRequest } from './trust-act-2017.cases.js';

const engine = createEngine([ILLINOIS]);
const decide = (input: Parameters<typeof parseCase>[0]) => engine.evaluate(parseCase(input));
const ids = (notices: readonly { id: string }[]) => notices.map((notice) => notice.id);

test('§ 25: a detainer received from 2021-08-02 is recorded for the annual report', () => {
  assert.deepEqual(ids(decide(illinoisCase('2021-08-02')).duties), ['il-report-detainer']);
  assert.deepEqual(ids(decide(illinoisCase('2021-08-01')).duties), []);
});

test('§ 25(a)(1): an information request is recorded with how it was addressed', () => {
  const decision = decide(illinoisInformationRequest('2022-06-06', ['release-date']));
  assert.deepEqual(ids(decision.duties), ['il-report-request']);
  assert.match(decision.duties[0]!.text, /No names or other personally identifying information/);
});

test('§ 5 (2017): the LEADS caution comes with a hold decision under the TRUST Act', () => {
  assert.ok(ids(decide(illinoisCase('2019-06-03')).cautions).includes('il-leads-notification'));
  assert.ok(!ids(decide(illinoisCase('2017-08-27')).cautions).includes('il-leads-notification'));
});

test('§ 15(g): "otherwise required by federal law" is a caution from 2021', () => {
  assert.ok(
    ids(decide(illinoisCase('2021-08-02')).cautions).includes('il-required-by-federal-law'),
  );
});

test('a decision on the unverified § 15(c) or § 15(g) flags it; the 2021 hold rule does not', () => {
  const warrant = {
    form: 'I-247A' as const,
    actions: ['hold' as const],
    judicialWarrant: {
      presented: true,
      issuer: 'federal-magistrate-judge' as const,
      probableCause: true,
    },
  };
  const flagged = (input: Parameters<typeof parseCase>[0]) =>
    decide(input).unverified.map((ref) => ref.id);
  assert.deepEqual(flagged(illinoisCase('2019-06-03', warrant)), [CLAUSE.federalWarrant]);
  assert.ok(
    !flagged(illinoisCase('2022-06-06', warrant)).includes(CLAUSE.civilEnforcementSupport),
    'the 2021 hold rule rests on § 15(a) alone',
  );
  assert.ok(
    flagged(illinoisCase('2022-06-06', { ...warrant, actions: ['transfer'] })).includes(
      CLAUSE.civilEnforcementSupport,
    ),
  );
});
