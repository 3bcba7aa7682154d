import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LIFT_REASONS, liftReasonEntry, outcomeOf, outcomeSql } from './outcomes.js';
import { evaluateSql } from './synthetic-detainers.js';

describe('lift reasons to outcomes', () => {
  it('maps every value of ice-formats.md §1.3, legacy and current', () => {
    const expected: Record<string, string> = {
      'Booked into Detention': 'booked',
      'Detainer Declined by LEA': 'declined',
      Lifted: 'lifted',
      'Case Closed': 'lifted',
      Transferred: 'other',
      'Early Release': 'other',
      'Prosecutorial Discretion': 'lifted',
      'Alien Not Subject to Deportation': 'lifted',
      'United States Citizen Interviewed': 'lifted',
      'Lifted - Lack of Space': 'lifted',
      'Lifted - Lack of Funds': 'lifted',
      Died: 'other',
      'Not Amenable to Removal': 'lifted',
      'Noncitizen Not Amenable to Removal': 'lifted',
      'USC or Presumptive Claim to US Citizenship': 'lifted',
      'Judicial Review': 'other',
      'No longer in State, Local, or Federal Custody': 'other',
    };
    for (const [value, outcome] of Object.entries(expected)) {
      assert.equal(outcomeOf(value), outcome, value);
    }
    assert.equal(LIFT_REASONS.length, Object.keys(expected).length, 'no value left untested');
  });

  it('ignores case and extra spaces; blank is blank; unknown is other, not dropped', () => {
    assert.equal(outcomeOf('  booked   INTO detention '), 'booked');
    assert.equal(outcomeOf('detainer declined by lea'), 'declined');
    assert.equal(outcomeOf(null), 'blank');
    assert.equal(outcomeOf('   '), 'blank');
    assert.equal(outcomeOf('Superseded by New Detainer'), 'other');
    assert.equal(liftReasonEntry('Superseded by New Detainer'), undefined);
    assert.equal(liftReasonEntry('judicial  review')?.outcome, 'other');
  });

  it('every entry says why', () => {
    for (const reason of LIFT_REASONS) assert.ok(reason.why.length > 10, reason.value);
  });

  it('the generated SQL CASE agrees with outcomeOf', async () => {
    const inputs = [
      ...LIFT_REASONS.map((reason) => reason.value),
      ...LIFT_REASONS.map((reason) => `  ${reason.value.toLowerCase().replace(/ /g, '   ')} `),
      'Superseded by New Detainer',
      "O'Brien's reason",
      '',
      '   ',
      null,
    ];
    assert.deepEqual(await evaluateSql(outcomeSql, inputs), inputs.map(outcomeOf));
  });
});
