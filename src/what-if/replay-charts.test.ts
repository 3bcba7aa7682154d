import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replayChart, replayChartTable } from './replay-charts.js';
import type { ReplayResult } from './replay.js';

const zero = { required: 0, allowed: 0, 'not-allowed': 0, 'needs-information': 0, rejected: 0 };
const result: Pick<ReplayResult, 'totals' | 'under' | 'cases'> = {
  cases: 1200,
  under: { choice: 'nyc-doc@2013-07-16', label: 'nyc-doc: the law in force from 2013-07-16' },
  totals: [
    {
      action: 'hold',
      before: { ...zero, 'not-allowed': 1200 },
      after: { ...zero, allowed: 1000, 'not-allowed': 200 },
      changed: 1000,
      transitions: [
        { from: 'not-allowed', to: 'allowed', count: 1000 },
        { from: 'not-allowed', to: 'not-allowed', count: 200 },
      ],
    },
  ],
};

describe('replay chart', () => {
  it('draws each answer that occurs under either law as a pair of bars, the second hatched', () => {
    const option = replayChart(result);
    const axis = option.yAxis as { data: string[] };
    assert.deepEqual(axis.data, ['hold: allowed', 'hold: not-allowed']);
    const series = option.series as {
      name: string;
      data: number[];
      itemStyle: { decal?: object };
    }[];
    assert.deepEqual(
      series.map((entry) => [entry.name, entry.data]),
      [
        ['Law in force', [0, 1200]],
        ['Under nyc-doc@2013-07-16', [1000, 200]],
      ],
    );
    assert.equal(series[0]!.itemStyle.decal, undefined);
    assert.ok(series[1]!.itemStyle.decal);
  });

  it('says every number in words and gives them as a table', () => {
    const aria = replayChart(result).aria as { label: { description: string } };
    assert.match(aria.label.description, /1,200 cases replayed/);
    assert.match(
      aria.label.description,
      /hold: allowed: 0 under the law in force, 1,000 under the law chosen\./,
    );
    assert.deepEqual(replayChartTable(result).rows, [
      ['hold: allowed', '0', '1,000', '+1,000'],
      ['hold: not-allowed', '1,200', '200', '-1,000'],
    ]);
  });

  it('is plain JSON, so the same replay gives the same chart anywhere', () => {
    const option = replayChart(result);
    assert.deepEqual(JSON.parse(JSON.stringify(option)), option);
  });
});
