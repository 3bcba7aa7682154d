import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stateName, stateNameSql } from './us-states.js';
import { evaluateSql } from './synthetic-detainers.js';

const INPUTS = ['NY', 'ny', 'N.Y.', 'New York', 'NEW  YORK', 'tx', 'Texas', 'Narnia', '', null];

describe('state names', () => {
  it('reads codes and names in any case as the capitalised name', () => {
    assert.deepEqual(INPUTS.map(stateName), [
      'NEW YORK',
      'NEW YORK',
      'NEW YORK',
      'NEW YORK',
      'NEW YORK',
      'TEXAS',
      'TEXAS',
      'NARNIA',
      undefined,
      undefined,
    ]);
  });

  it('the SQL agrees with the function', async () => {
    assert.deepEqual(
      await evaluateSql(stateNameSql, INPUTS),
      INPUTS.map((input) => stateName(input) ?? null),
    );
  });
});
