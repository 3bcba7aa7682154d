import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DeskError } from '../../desk/errors.js';
import { parseDimensions, parseStatsFilter } from './stats-request.js';
import { statsSql, withImpliedDimensions } from './stats-sql.js';

const issues = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DeskError);
    return error.issues;
  }
  assert.fail('expected an error');
};

describe('what may be asked', () => {
  it('reads dimensions from a comma list, once each', () => {
    assert.deepEqual(parseDimensions('year, outcome,year'), ['year', 'outcome']);
    assert.deepEqual(parseDimensions(''), []);
  });

  it('refuses an unknown dimension, naming it and the allowed ones', () => {
    const [issue] = issues(() => parseDimensions('year,person_id'));
    assert.equal(issue?.path, 'by');
    assert.match(issue.message, /unknown dimension "person_id"; allowed: year, federal-fy, nyc-fy/);
  });

  it('refuses bad filters, naming each field', () => {
    const found = issues(() =>
      parseStatsFilter({ from: '2017-02-30', outcome: 'honored', agency: 'nyc-dot', extra: 1 }),
    );
    assert.deepEqual(found.map((issue) => issue.path).sort(), [
      '(body)',
      'agency',
      'from',
      'outcome',
    ]);
    assert.equal(
      issues(() => parseStatsFilter({ from: '2018-01-01', to: '2017-01-01' }))[0]?.path,
      'to',
    );
  });

  it('adds the state after a facility, since names repeat across states', () => {
    assert.deepEqual(withImpliedDimensions(['facility', 'year']), ['facility', 'state', 'year']);
    assert.deepEqual(withImpliedDimensions(['state', 'facility']), ['state', 'facility']);
  });

  it('puts every filter value in a parameter, never in the SQL text', () => {
    const hostile = "x'); DROP TABLE ice_detainers; --";
    const { sql, params } = statsSql(
      ['year'],
      parseStatsFilter({ state: hostile, facility: hostile, liftReason: hostile, form: hostile }),
    );
    assert.ok(!sql.includes('DROP TABLE'));
    assert.ok(Object.values(params).some((value) => String(value).includes('DROP TABLE')));
  });
});
