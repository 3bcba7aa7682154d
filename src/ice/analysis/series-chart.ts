/**
 * The ICE page's time series as an ECharts option (the same kind of object as the reports' charts
 * in src/reports/report-charts.ts, drawn by the web app's ReportChart): detainers prepared, booked
 * into ICE detention and declined (as recorded), one line each, period by period as
 * `/api/ice/series` gives them (zeros included). Pure and free of Node and the DOM (the web app
 * imports this file): plain data in, JSON-safe objects out. Accessible like the reports' charts:
 * ARIA on with a description in words, each line told apart by its dash and marker as well as its
 * colour (every colour AA on white), and a table of the same numbers.
 * @module
 */
import type { LineSeriesOption } from 'echarts/charts';
import {
  CHART_COLOURS,
  TEXT_STYLE,
  TIME_CHART_GRID,
  countAxis,
  type ChartTable,
  type ReportChartOption,
} from '../../reports/report-charts.js';

/** A point of `/api/ice/series`: its period and the counts the chart draws. */
export interface SeriesChartPoint {
  readonly period: string | number;
  readonly detainers: number;
  readonly booked: number;
  readonly declined: number;
}

export interface SeriesChartOptions {
  /** Where the detainers were prepared, for the words: "New York", "every state". */
  readonly where: string;
  /** Said first in the description when the figures include the demo's synthetic release. */
  readonly syntheticLabel?: string;
}

const number = new Intl.NumberFormat('en-US');

interface Line {
  readonly name: string;
  readonly pick: (point: SeriesChartPoint) => number;
  readonly colour: string;
  readonly dash: 'solid' | number[];
  readonly symbol: string;
}

const LINES: readonly Line[] = [
  {
    name: 'Detainers prepared',
    pick: (point) => point.detainers,
    colour: CHART_COLOURS.received,
    dash: 'solid',
    symbol: 'circle',
  },
  {
    name: 'Booked into ICE detention',
    pick: (point) => point.booked,
    colour: CHART_COLOURS.transferred,
    dash: [8, 4],
    symbol: 'triangle',
  },
  {
    name: 'Declined (as ICE recorded it)',
    pick: (point) => point.declined,
    colour: CHART_COLOURS.held,
    dash: [2, 3],
    symbol: 'diamond',
  },
];

/** "the most, 123, in 2017-03": a line's peak, for the description. */
function peak(points: readonly SeriesChartPoint[], line: Line): string {
  let best: SeriesChartPoint | undefined;
  for (const point of points)
    if (best === undefined || line.pick(point) > line.pick(best)) best = point;
  return best === undefined
    ? 'none'
    : `the most, ${number.format(line.pick(best))}, in ${String(best.period)}`;
}

/** One line per count across the periods, oldest first. */
export function iceSeriesChart(
  points: readonly SeriesChartPoint[],
  options: SeriesChartOptions,
): ReportChartOption {
  const first = points[0]?.period;
  const last = points.at(-1)?.period;
  const span =
    first === undefined || last === undefined
      ? 'no period'
      : `${String(points.length)} periods from ${String(first)} to ${String(last)}`;
  const description =
    (options.syntheticLabel === undefined
      ? ''
      : `These figures include the ${options.syntheticLabel}: made up, not ICE data. `) +
    `Line chart of the detainers ICE prepared in ${options.where} over ${span}, one line each ` +
    'for detainers prepared, booked into ICE detention, and declined as ICE recorded it, told ' +
    'apart by their dashes and markers. ' +
    LINES.map((line) => {
      const total = points.reduce((sum, point) => sum + line.pick(point), 0);
      return `${line.name}: ${number.format(total)} in all, ${peak(points, line)}.`;
    }).join(' ');
  return {
    animation: false,
    aria: { enabled: true, label: { enabled: true, description }, decal: { show: false } },
    color: LINES.map((line) => line.colour),
    textStyle: TEXT_STYLE,
    legend: { top: 8, left: 'center', data: LINES.map((line) => line.name), textStyle: TEXT_STYLE },
    grid: { ...TIME_CHART_GRID },
    xAxis: {
      type: 'category',
      data: points.map((point) => String(point.period)),
      axisLabel: { color: CHART_COLOURS.text },
      axisLine: { lineStyle: { color: CHART_COLOURS.axis } },
    },
    yAxis: countAxis(),
    series: LINES.map((line): LineSeriesOption => ({
      type: 'line',
      name: line.name,
      symbol: line.symbol,
      symbolSize: 6,
      itemStyle: { color: line.colour },
      lineStyle: { color: line.colour, type: line.dash, width: 2 },
      data: points.map(line.pick),
    })),
  };
}

/** A point with every count `/api/ice/series` gives, for the table. */
export interface SeriesTablePoint extends SeriesChartPoint {
  readonly lifted: number;
  readonly other: number;
  readonly blank: number;
  readonly declineRate: number | null;
  readonly declineRateOfRecorded: number | null;
}

const rate = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/**
 * The chart's numbers as a table, one row per period: the three lines and the rest of each
 * period's counts (lifted by ICE, other, no lift reason) with its two decline rates.
 */
export function iceSeriesTable(
  points: readonly SeriesTablePoint[],
  options: Pick<SeriesChartOptions, 'where'>,
): ChartTable {
  return {
    caption: `Detainers ICE prepared in ${options.where}, by period`,
    columns: [
      'Period',
      ...LINES.map((line) => line.name),
      'Lifted by ICE',
      'Other',
      'No lift reason',
      'Decline rate',
      'Decline rate of those recorded',
    ],
    rows: points.map((point) => [
      String(point.period),
      ...LINES.map((line) => number.format(line.pick(point))),
      number.format(point.lifted),
      number.format(point.other),
      number.format(point.blank),
      rate(point.declineRate),
      rate(point.declineRateOfRecorded),
    ]),
  };
}
