import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detainerFormOf, detainerFormSql, typeGroupOf, typeGroupSql } from './detainer-types.js';
import { evaluateSql } from './synthetic-detainers.js';

const VALUES = [
  'I247 - Immigration Detainer - Notice of Action (as of March 2013)',
  'I247 - Immigration Detainer - Notice of Action (prior to March 2013)',
  'I247D - Immigration Detainer - Request for Action',
  'I247N - Immigration Advisal - Request for Notification',
  'I247A - Immigration Detainer - Immigration Detainer - Notice of Action',
  'i-247a',
  'I-247X',
  'I247ABC',
  'Something else',
  '',
  null,
];

describe('detainer types', () => {
  it('groups hold requests, notification-only requests and the rest (§1.3)', () => {
    assert.deepEqual(VALUES.map(typeGroupOf), [
      'hold',
      'hold',
      'hold',
      'notification',
      'hold',
      'hold',
      'other',
      'other',
      'other',
      'other',
      'other',
    ]);
  });

  it('names the form; the two I-247 versions of FY2015 are one form', () => {
    assert.deepEqual(VALUES.map(detainerFormOf), [
      'I-247',
      'I-247',
      'I-247D',
      'I-247N',
      'I-247A',
      'I-247A',
      'I-247X',
      'I247ABC',
      'SOMETHING ELSE',
      undefined,
      undefined,
    ]);
  });

  it('the SQL agrees with the functions', async () => {
    assert.deepEqual(await evaluateSql(typeGroupSql, VALUES), VALUES.map(typeGroupOf));
    assert.deepEqual(
      await evaluateSql(detainerFormSql, VALUES),
      VALUES.map((value) => detainerFormOf(value) ?? null),
    );
  });
});
