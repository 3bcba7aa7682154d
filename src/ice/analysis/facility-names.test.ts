import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ABBREVIATIONS, normalFacilityName, normalFacilityNameSql } from './facility-names.js';
import { evaluateSql } from './synthetic-detainers.js';

const NAMES = [
  'Harris Co. Jail',
  'HARRIS CNTY JAIL',
  'harris county   jail',
  'NYC DEPT OF CORR',
  'N.Y.C. Dept. of Corrections',
  'Smith Co Det Ctr',
  "Sheriff's Office - Adult Det. Fac.",
  'Peña County Corr Inst',
  'A&B Regional Jail',
  'CO CO', // two abbreviations side by side
  '  ',
  null,
];

describe('facility names', () => {
  it('merges spellings of one name', () => {
    assert.equal(normalFacilityName('Harris Co. Jail'), 'HARRIS COUNTY JAIL');
    assert.equal(normalFacilityName('HARRIS CNTY JAIL'), 'HARRIS COUNTY JAIL');
    assert.equal(normalFacilityName('harris county   jail'), 'HARRIS COUNTY JAIL');
    assert.equal(normalFacilityName('Smith Co Det Ctr'), 'SMITH COUNTY DETENTION CENTER');
    assert.equal(normalFacilityName('NYC DEPT OF CORR'), 'NEW YORK CITY DEPARTMENT OF CORRECTION');
    assert.equal(
      normalFacilityName('New York City Department of Corrections'),
      'NEW YORK CITY DEPARTMENT OF CORRECTION',
    );
    assert.equal(
      normalFacilityName("Sheriff's Office - Adult Det. Fac."),
      'SHERIFF OFFICE ADULT DETENTION FACILITY',
    );
    assert.equal(
      normalFacilityName('Peña County Corr Inst'),
      'PENA COUNTY CORRECTIONAL INSTITUTION',
    );
    assert.equal(normalFacilityName('A&B Regional Jail'), 'A AND B REGIONAL JAIL');
    assert.equal(normalFacilityName('  '), undefined);
  });

  it('expands whole words only', () => {
    assert.equal(normalFacilityName('COCONINO DETENTION'), 'COCONINO DETENTION');
    assert.equal(normalFacilityName('CO CO'), 'COUNTY COUNTY');
  });

  it('every abbreviation says why it is safe', () => {
    for (const rule of ABBREVIATIONS) assert.ok(rule.why.length > 5, rule.from);
  });

  it('the SQL agrees with the function', async () => {
    assert.deepEqual(
      await evaluateSql(normalFacilityNameSql, NAMES),
      NAMES.map((name) => normalFacilityName(name) ?? null),
    );
  });
});
