/**
 * What the Oregon test tables cannot show: the Sanctuary Promise Act's duties (decline and
 * document, report to the Criminal Justice Commission, the notice to the person), the cautions,
 * and which decisions flag a clause not read verbatim.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCase } from '../../engine/case.js';
import { createEngine } from '../../engine/evaluate.js';
import { CLAUSE } from './clause-ids.js';
import { OREGON } from './index.js';
import { oregonCase, oregonInformationRequest } from './sanctuary-1987.cases.js';

const engine = createEngine([OREGON]);
const decide = (input: Parameters<typeof parseCase>[0]) => engine.evaluate(parseCase(input));
const ids = (notices: readonly { id: string }[]) => notices.map((notice) => notice.id);
const DUTIES = ['or-decline-and-document', 'or-report-to-commission', 'or-arrestee-notice'];

test('from 2021-07-19 every request is declined, documented and reported, and the person told of their rights', () => {
  assert.deepEqual(ids(decide(oregonCase('2021-07-19')).duties), DUTIES);
  assert.deepEqual(
    ids(decide(oregonInformationRequest('2022-01-10', ['release-date'])).duties),
    DUTIES,
  );
  assert.deepEqual(ids(decide(oregonCase('2021-07-18')).duties), []);
});

test('the notice and the Commission report rest on secondary sources and say so', () => {
  const clauses = decide(oregonCase('2021-07-19')).duties.flatMap((duty) => duty.clauses);
  for (const id of [CLAUSE.arresteeNotice, CLAUSE.commissionReport]) {
    assert.equal(clauses.find((ref) => ref.id === id)?.verification, 'secondary', id);
  }
  const arrestee = OREGON.lawOn('2021-07-19').clauses.get(CLAUSE.arresteeNotice)!;
  assert.match(arrestee.text, /^\[Substance, not the wording:\]/);
});

test('before 2021: the caution for a person whose only violation may be immigration status', () => {
  assert.ok(
    ids(decide(oregonCase('2016-06-01')).cautions).includes('or-only-violation-immigration'),
  );
  assert.ok(
    !ids(decide(oregonCase('2021-07-19')).cautions).includes('or-only-violation-immigration'),
  );
});

test('from 2021: a judicial subpoena is a caution on notices and information', () => {
  const cautions = ids(decide(oregonInformationRequest('2022-01-10', ['release-date'])).cautions);
  assert.ok(cautions.includes('or-judicial-subpoena'));
});

test('a hold before 2004 rests on a wording not read for those years, and is flagged; later ones are not', () => {
  const flagged = (date: string) => decide(oregonCase(date)).unverified.map((ref) => ref.id);
  assert.ok(flagged('2003-06-02').includes(CLAUSE.resources));
  assert.ok(!flagged('2016-06-01').includes(CLAUSE.resources));
  assert.deepEqual(flagged('2021-07-19'), []);
});
