/**
 * The federal criminal warrant check (Illinois § 15(c), § 15(g); Oregon ORS 181A.820): only a
 * warrant of a federal judge or magistrate judge on probable cause counts, and for Oregon only
 * one for a crime under the federal immigration laws. Unrecorded elements are missing, never false.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CaseInput } from '../../engine/case.js';
import { parseCase } from '../../engine/case.js';
import { testCondition } from '../../engine/condition.js';
import { UNKNOWN } from '../../engine/tri.js';
import { detainerCase } from '../testing/law-case.js';
import { federalCriminalWarrant } from './criminal-warrant.js';

const anyCrime = federalCriminalWarrant({ label: 'any', cites: [], forImmigrationCrime: false });
const immigrationCrime = federalCriminalWarrant({
  label: 'imm',
  cites: [],
  forImmigrationCrime: true,
});

function check(warrant: CaseInput['request']['judicialWarrant'], forImmigration = false) {
  const input = parseCase(detainerCase('illinois', { request: { judicialWarrant: warrant } }));
  const finding = testCondition(
    forImmigration ? immigrationCrime : anyCrime,
    input,
    '2022-01-03',
    'America/Chicago',
  );
  return { value: finding.value, missing: (finding.missing ?? []).map((m) => m.path) };
}

const FULL = {
  presented: true,
  issuer: 'federal-magistrate-judge' as const,
  probableCause: true,
  federalCriminalImmigrationLaw: true,
};

test('a federal judge’s or magistrate judge’s warrant on probable cause counts', () => {
  assert.equal(check(FULL).value, true);
  assert.equal(check({ ...FULL, issuer: 'article-iii-judge' }).value, true);
  assert.equal(check(FULL, true).value, true);
});

test('no warrant, a state judge’s or another issuer’s warrant, or no probable cause: false', () => {
  assert.equal(check({ presented: false }).value, false);
  assert.equal(check({ ...FULL, issuer: 'state-judge' }).value, false);
  assert.equal(check({ ...FULL, issuer: 'other' }).value, false);
  assert.equal(check({ ...FULL, probableCause: false }).value, false);
});

test('Oregon’s exception needs a crime under the federal immigration laws', () => {
  assert.equal(check({ ...FULL, federalCriminalImmigrationLaw: false }, true).value, false);
  assert.equal(check({ ...FULL, federalCriminalImmigrationLaw: false }).value, true);
});

test('what is not recorded is missing, never false', () => {
  assert.deepEqual(check(undefined), {
    value: UNKNOWN,
    missing: ['request.judicialWarrant.presented'],
  });
  assert.deepEqual(check({ presented: true }), {
    value: UNKNOWN,
    missing: ['request.judicialWarrant.issuer', 'request.judicialWarrant.probableCause'],
  });
  const withoutCrime = { presented: true, issuer: FULL.issuer, probableCause: true };
  assert.deepEqual(check(withoutCrime, true), {
    value: UNKNOWN,
    missing: ['request.judicialWarrant.federalCriminalImmigrationLaw'],
  });
});
