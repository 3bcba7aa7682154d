import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { sampleReport } from '../testing/sample-report.js';
import type { Report } from './build-report.js';
import {
  CHART_COLOURS,
  figureAxisLabel,
  figureBarChart,
  figureBarTable,
  reasonsChart,
  reasonsTable,
  shortPeriodLabel,
  trendChart,
  trendPointOf,
  trendTable,
  type ReportChartOption,
  type TrendPoint,
} from './report-charts.js';

interface Series {
  type: string;
  name: string;
  stack?: string;
  data: (number | null | { value: number; label: { formatter: string } })[];
  itemStyle?: { color?: string; decal?: unknown };
  lineStyle?: { type?: unknown };
  symbol?: string;
}

const seriesOf = (option: ReportChartOption) => option.series as unknown as Series[];
const categories = (axis: unknown) => (axis as { data: string[] }).data;
const descriptionOf = (option: ReportChartOption) =>
  (option.aria as { enabled: boolean; label: { description: string } }).label.description;

/** WCAG 2 contrast ratio of a #rrggbb colour on white. */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

/** Every colour an option names, but the light grid lines, which carry no information. */
function coloursIn(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return /^#[0-9a-f]{6}$/i.test(value) ? [value] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'splitLine' ? [] : coloursIn(inner, `${path}.${key}`),
  );
}

const PERIODS: TrendPoint[] = [
  {
    label: '2016',
    received: 80,
    held: 2,
    transferred: 0,
    notHonored: 78,
    published: { received: 80, honored: 2 },
  },
  { label: '2017', received: 1526, held: 0, transferred: 0, notHonored: 1457 },
];

describe('report charts: ECharts options from the report (pure)', () => {
  it('a report’s counted figures as horizontal bars, paragraph and label on the axis', () => {
    const report = sampleReport();
    const option = figureBarChart(report);
    assert.deepEqual(categories(option.yAxis), [
      '¶ 1  Civil immigration detainers received from federal immigration authorities',
      '¶ 2  Persons held on a civil immigration detainer beyond the time they would otherwise be released',
      '¶ 4  Persons for whom civil immigration detainers were not honored',
    ]);
    assert.equal((option.yAxis as { inverse: boolean }).inverse, true, 'paragraph 1 on top');
    const [counted, unknown] = seriesOf(option);
    assert.deepEqual(counted!.data, [1526, 1, 1457]);
    assert.equal(counted!.stack, unknown!.stack, 'the unknowns are stacked on the figure');
    assert.deepEqual(
      unknown!.data.map((item) => (item as { value: number }).value),
      [0, 2, 0],
    );
    assert.deepEqual(
      unknown!.data.map((item) => (item as { label: { formatter: string } }).label.formatter),
      ['1,526 detainers', '1 person + 2 unknown', '1,457 persons'],
    );
    assert.match(unknown!.name, /^Unknown/);
    assert.notEqual(unknown!.itemStyle?.decal, undefined, 'the unknown part is hatched');
  });

  it('omitted figures have no bar; the table gives the same numbers as the chart', () => {
    const report = sampleReport();
    const labels = categories(figureBarChart(report).yAxis);
    assert.ok(!labels.some((label) => label.includes('funding')));
    const table = figureBarTable(report);
    assert.deepEqual(table.columns, ['Paragraph', 'Figure', 'Unit', 'Counted', 'Unknown']);
    assert.deepEqual(table.rows[1], [
      '2',
      'Persons held on a civil immigration detainer beyond the time they would otherwise be released',
      'persons',
      '1',
      '2',
    ]);
    const part = figureBarChart(report, { only: ['held'] });
    assert.deepEqual(categories(part.yAxis), [figureAxisLabel(report.figures[1]!)]);
  });

  it('is accessible by default: ARIA with a description in words, decals, AA colours', () => {
    for (const option of [
      figureBarChart(sampleReport()),
      trendChart(PERIODS, { agency: 'NYPD' }),
    ]) {
      const aria = option.aria as { enabled: boolean };
      assert.equal(aria.enabled, true);
      assert.ok(descriptionOf(option).length > 40);
      const colours = coloursIn(option);
      assert.ok(colours.length >= 4);
      for (const colour of colours) {
        assert.ok(
          contrastOnWhite(colour) >= 4.5,
          `${colour}: ${contrastOnWhite(colour).toFixed(2)}`,
        );
      }
      // Series told apart without colour: bars by decal (at most one solid), lines by dash and marker.
      const bars = seriesOf(option).filter((series) => series.type === 'bar');
      assert.ok(bars.filter((series) => series.itemStyle?.decal === undefined).length <= 1);
      const decals = bars.map((series) => JSON.stringify(series.itemStyle?.decal ?? null));
      assert.equal(new Set(decals).size, decals.length);
    }
    for (const colour of Object.values(CHART_COLOURS)) assert.ok(contrastOnWhite(colour) >= 4.5);
    assert.match(
      descriptionOf(figureBarChart(sampleReport())),
      /Paragraph 2, Persons held .*: 1 person \+ 2 unknown\./,
    );
  });

  it('gives plain JSON (no function), new each time, the same for the same report', () => {
    const report = sampleReport();
    const option = figureBarChart(report);
    assert.deepEqual(JSON.parse(JSON.stringify(option)), option);
    assert.deepEqual(figureBarChart(report), option);
    assert.notEqual(figureBarChart(report).series, option.series);
    const trend = trendChart(PERIODS);
    assert.deepEqual(JSON.parse(JSON.stringify(trend)), trend);
  });

  it('a trend by period, the published figure a distinct dashed series where given', () => {
    const option = trendChart(PERIODS, { agency: 'NYPD' });
    assert.deepEqual(categories(option.xAxis), ['2016', '2017']);
    const series = seriesOf(option);
    assert.deepEqual(
      series.map((item) => [item.type, item.name]),
      [
        ['bar', 'Received'],
        ['bar', 'Held past release'],
        ['bar', 'Transferred to ICE'],
        ['bar', 'Not honoured'],
        ['line', 'Published: received'],
        ['line', 'Published: honoured (held)'],
      ],
    );
    assert.deepEqual(series[0]!.data, [80, 1526]);
    assert.deepEqual(series[4]!.data, [80, null], 'no published figure for 2017: a gap, not 0');
    assert.notEqual(series[4]!.lineStyle?.type, undefined);
    assert.notEqual(series[4]!.symbol, series[5]!.symbol);
    assert.match(descriptionOf(option), /Published: received: 2016 80, 2017 not given\./);
    const unpublished = seriesOf(trendChart([{ label: '2018', received: 4 }]));
    assert.deepEqual(
      unpublished.map((item) => item.name),
      ['Received'],
    );
    assert.deepEqual(trendTable(PERIODS, { agency: 'NYPD' }).rows[1], [
      '2017',
      '1,526',
      '0',
      '0',
      '1,457',
      '—',
      '—',
    ]);
  });

  it('a trend from reports of one agency, each report one period', () => {
    const first = sampleReport();
    const second: Report = {
      ...sampleReport(),
      period: { kind: 'custom', from: '2017-01-01', to: '2017-12-31', label: 'calendar year 2017' },
    };
    assert.deepEqual(trendPointOf(first, { received: 1526 }), {
      label: 'Oct 2016–Sep 2017',
      received: 1526,
      held: 1,
      notHonored: 1457,
      published: { received: 1526 },
    });
    const option = trendChart([first, second]);
    assert.deepEqual(categories(option.xAxis), ['Oct 2016–Sep 2017', '2017']);
    assert.match(descriptionOf(option), /the NYPD's figures over 2 periods/);
    assert.throws(() => trendChart([first, { ...second, jurisdiction: 'nyc-doc' }]), /one agency/);
  });

  it('the reasons given, side by side per period (a detainer may give several), with a table', () => {
    const points = [
      { label: '2013', reasons: [] },
      {
        label: 'Oct 2014–Sep 2015',
        reasons: [
          { sub: 'ii', label: 'Removal proceedings initiated', value: 12 },
          { sub: 'i', label: 'Reason to believe', value: 1500 },
        ],
      },
      {
        label: 'Oct 2015–Sep 2016',
        reasons: [{ sub: 'i', label: 'Reason to believe (as renamed)', value: 7 }],
      },
    ];
    const option = reasonsChart(points, { agency: 'DOC' });
    const series = seriesOf(option);
    assert.deepEqual(
      series.map((item) => [item.type, item.name, item.stack]),
      [
        ['bar', '(i) Reason to believe', undefined],
        ['bar', '(ii) Removal proceedings initiated', undefined],
      ],
    );
    assert.deepEqual(series[0]!.data, [null, 1500, 7]);
    assert.deepEqual(series[1]!.data, [null, 12, null], 'a reason not counted is a gap, not 0');
    assert.notDeepEqual(series[0]!.itemStyle?.decal, series[1]!.itemStyle?.decal);
    assert.match(
      descriptionOf(option),
      /the DOC received, over 3 periods.*\(ii\) Removal proceedings initiated: 2013 not counted, Oct 2014–Sep 2015 12, Oct 2015–Sep 2016 not counted\./,
    );
    assert.deepEqual(reasonsTable(points, { agency: 'DOC' }).rows, [
      ['2013', '—', '—'],
      ['Oct 2014–Sep 2015', '1,500', '12'],
      ['Oct 2015–Sep 2016', '7', '—'],
    ]);
  });

  it('short period labels', () => {
    assert.equal(shortPeriodLabel('2016-01-01', '2016-12-31'), '2016');
    assert.equal(shortPeriodLabel('2016-10-01', '2017-09-30'), 'Oct 2016–Sep 2017');
    assert.equal(shortPeriodLabel('2017-03-01', '2017-03-31'), 'Mar 2017');
  });

  it('imports nothing at run time: the web app imports this file as it is', () => {
    const source = readFileSync(new URL('./report-charts.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import (.*?) from '([^']+)';$/gms)];
    assert.ok(imports.length > 0);
    for (const [statement] of imports) assert.match(statement, /^import type /);
  });
});
