import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderChartSvg } from '../../reports/chart-svg.js';
import { iceSeriesChart, iceSeriesTable, type SeriesTablePoint } from './series-chart.js';

const rest = { lifted: 0, other: 0, declineRateOfRecorded: null };
const POINTS: SeriesTablePoint[] = [
  {
    period: '2016-11',
    detainers: 12,
    booked: 5,
    declined: 1,
    blank: 6,
    declineRate: 1 / 12,
    ...rest,
  },
  { period: '2016-12', detainers: 0, booked: 0, declined: 0, blank: 0, declineRate: null, ...rest },
  {
    period: '2017-01',
    detainers: 1234,
    booked: 600,
    declined: 321,
    blank: 313,
    declineRate: 0.26,
    ...rest,
  },
];

const descriptionOf = (option: ReturnType<typeof iceSeriesChart>) => {
  const aria = Array.isArray(option.aria) ? option.aria[0] : option.aria;
  return aria?.label?.description ?? '';
};

describe('the ICE page’s series chart', () => {
  it('draws one line per count over every period, zeros included', () => {
    const option = iceSeriesChart(POINTS, { where: 'NEW YORK' });
    const series = (Array.isArray(option.series) ? option.series : []) as {
      name: string;
      data: number[];
      symbol: string;
    }[];
    assert.deepEqual(
      series.map((line) => [line.name, line.data]),
      [
        ['Detainers prepared', [12, 0, 1234]],
        ['Booked into ICE detention', [5, 0, 600]],
        ['Declined (as ICE recorded it)', [1, 0, 321]],
      ],
    );
    // Told apart by marker (and dash), not only by colour.
    assert.equal(new Set(series.map((line) => line.symbol)).size, 3);
    // Plain data: the same after a trip through JSON, as the web app receives it.
    assert.deepEqual(JSON.parse(JSON.stringify(option)), option);
  });

  it('says in words what it shows, the synthetic release first', () => {
    const plain = descriptionOf(iceSeriesChart(POINTS, { where: 'NEW YORK' }));
    assert.match(
      plain,
      /^Line chart of the detainers ICE prepared in NEW YORK over 3 periods from 2016-11 to 2017-01/,
    );
    assert.match(plain, /Detainers prepared: 1,246 in all, the most, 1,234, in 2017-01\./);
    const synthetic = descriptionOf(
      iceSeriesChart(POINTS, {
        where: 'every state',
        syntheticLabel: 'SYNTHETIC DEMO RELEASE — not ICE data',
      }),
    );
    assert.match(
      synthetic,
      /^These figures include the SYNTHETIC DEMO RELEASE — not ICE data: made up/,
    );
    assert.match(descriptionOf(iceSeriesChart([], { where: 'TEXAS' })), /over no period/);
  });

  it('has its numbers, and the rest of each period’s counts, as a table', () => {
    const table = iceSeriesTable(POINTS, { where: 'NEW YORK' });
    assert.equal(table.caption, 'Detainers ICE prepared in NEW YORK, by period');
    assert.deepEqual(table.columns, [
      'Period',
      'Detainers prepared',
      'Booked into ICE detention',
      'Declined (as ICE recorded it)',
      'Lifted by ICE',
      'Other',
      'No lift reason',
      'Decline rate',
      'Decline rate of those recorded',
    ]);
    assert.deepEqual(table.rows, [
      ['2016-11', '12', '5', '1', '0', '0', '6', '8.3%', '—'],
      ['2016-12', '0', '0', '0', '0', '0', '0', '—', '—'],
      ['2017-01', '1,234', '600', '321', '0', '0', '313', '26.0%', '—'],
    ]);
  });

  it('is an option ECharts draws', () => {
    const svg = renderChartSvg(iceSeriesChart(POINTS, { where: 'NEW YORK' }), {
      width: 600,
      height: 300,
    });
    assert.match(svg, /^<svg/);
    assert.match(svg, /Line chart of the detainers ICE prepared in NEW YORK/);
    assert.match(svg, /Booked into ICE detention/);
  });
});
