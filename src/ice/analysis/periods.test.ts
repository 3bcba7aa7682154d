import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { monthsBetween, PERIODS, periodOf, periodRange, periodSql } from './periods.js';
import { evaluateSql } from './synthetic-detainers.js';

const BOUNDARIES = [
  '2016-06-30',
  '2016-07-01',
  '2016-09-30',
  '2016-10-01',
  '2016-12-31',
  '2017-01-01',
  '2017-06-30',
  '2017-07-01',
  '2017-09-30',
  '2017-10-01',
  '2020-02-29',
];

describe('periods', () => {
  it('federal FY2017 is 2016-10-01..2017-09-30; NYC FY2017 is 2016-07-01..2017-06-30', () => {
    assert.equal(periodOf('federal-fy', '2016-09-30'), 2016);
    assert.equal(periodOf('federal-fy', '2016-10-01'), 2017);
    assert.equal(periodOf('federal-fy', '2017-09-30'), 2017);
    assert.equal(periodOf('federal-fy', '2017-10-01'), 2018);
    assert.equal(periodOf('nyc-fy', '2016-06-30'), 2016);
    assert.equal(periodOf('nyc-fy', '2016-07-01'), 2017);
    assert.equal(periodOf('nyc-fy', '2017-06-30'), 2017);
    assert.equal(periodOf('nyc-fy', '2017-07-01'), 2018);
    assert.equal(periodOf('year', '2016-12-31'), 2016);
    assert.equal(periodOf('month', '2020-02-29'), '2020-02');
  });

  it('gives each period’s first and last day', () => {
    assert.deepEqual(periodRange('federal-fy', 2017), { from: '2016-10-01', to: '2017-09-30' });
    assert.deepEqual(periodRange('nyc-fy', 2017), { from: '2016-07-01', to: '2017-06-30' });
    assert.deepEqual(periodRange('year', 2017), { from: '2017-01-01', to: '2017-12-31' });
    assert.deepEqual(periodRange('month', '2020-02'), { from: '2020-02-01', to: '2020-02-29' });
  });

  it('every boundary day falls inside the range of its own period', () => {
    for (const period of PERIODS) {
      for (const date of BOUNDARIES) {
        const { from, to } = periodRange(period, periodOf(period, date));
        assert.ok(from <= date && date <= to, `${period} ${date}`);
      }
    }
  });

  it('the SQL expressions agree with the functions on every boundary day', async () => {
    for (const period of PERIODS) {
      const sql = await evaluateSql((x) => periodSql(period, x), BOUNDARIES, 'DATE');
      assert.deepEqual(
        sql,
        BOUNDARIES.map((date) => periodOf(period, date)),
        period,
      );
    }
  });

  it('refuses a date that is not a calendar date, naming it', () => {
    assert.throws(() => periodOf('year', '2017-02-30'), /not a date: 2017-02-30/);
  });

  it('lists the months between two, across a year end', () => {
    assert.deepEqual(monthsBetween('2016-11', '2017-02'), [
      '2016-11',
      '2016-12',
      '2017-01',
      '2017-02',
    ]);
  });
});
