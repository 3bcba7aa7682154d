/**
 * A replay's totals as a chart: for each action, how many answers of each kind under the law in
 * force and under the law chosen, as pairs of horizontal bars, with the same numbers as a table.
 * An ECharts option object, pure and JSON-safe like the reports' charts (src/reports/
 * report-charts.ts), drawn by the web app; accessible the same way: a description in words, a
 * pattern on the second series so the two are told apart without colour, readable colours.
 * @module
 */
import {
  CHART_COLOURS,
  TEXT_STYLE,
  countAxis,
  type ChartTable,
  type ReportChartOption,
} from '../reports/report-charts.js';
import { ANSWERS } from './replay.js';

/** What the chart reads of a replay's result: the result, or the API's JSON of it. */
export interface ChartReplay {
  readonly cases: number;
  readonly under: { readonly choice: string; readonly label: string };
  readonly totals: readonly {
    readonly action: string;
    readonly before: Readonly<Record<string, number>>;
    readonly after: Readonly<Record<string, number>>;
  }[];
}

const number = new Intl.NumberFormat('en-US');

/** Each action's answers that occur under either law, in answer order. */
function rowsOf(result: ChartReplay) {
  return result.totals.flatMap((totals) =>
    ANSWERS.map((answer) => ({
      label: `${totals.action}: ${answer}`,
      before: totals.before[answer] ?? 0,
      after: totals.after[answer] ?? 0,
    })).filter((row) => row.before > 0 || row.after > 0),
  );
}

export function replayChart(result: ChartReplay): ReportChartOption {
  const rows = rowsOf(result);
  const after = `Under ${result.under.choice}`;
  const description =
    `Horizontal bar chart of ${number.format(result.cases)} cases replayed under ${result.under.label}: ` +
    'for each action and answer, the number under the law in force, then the number under the law chosen, hatched. ' +
    rows
      .map(
        (row) =>
          `${row.label}: ${number.format(row.before)} under the law in force, ${number.format(row.after)} under the law chosen.`,
      )
      .join(' ');
  return {
    animation: false,
    aria: { enabled: true, label: { enabled: true, description }, decal: { show: false } },
    color: [CHART_COLOURS.counted, CHART_COLOURS.held],
    textStyle: TEXT_STYLE,
    legend: { top: 8, left: 'center', data: ['Law in force', after], textStyle: TEXT_STYLE },
    grid: { top: 48, bottom: 40, left: 250, right: 80, outerBoundsMode: 'none' },
    xAxis: { ...countAxis(), name: 'answers', nameLocation: 'middle', nameGap: 24 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.label),
      axisLabel: { color: CHART_COLOURS.text, width: 230, overflow: 'break', interval: 0 },
      axisLine: { lineStyle: { color: CHART_COLOURS.axis } },
    },
    series: [
      {
        type: 'bar',
        name: 'Law in force',
        barMaxWidth: 18,
        itemStyle: { color: CHART_COLOURS.counted },
        label: { show: true, position: 'right', color: CHART_COLOURS.text },
        data: rows.map((row) => row.before),
      },
      {
        type: 'bar',
        name: after,
        barMaxWidth: 18,
        itemStyle: {
          color: CHART_COLOURS.held,
          // A new object for each chart: ECharts writes to the decals it draws.
          decal: {
            symbol: 'rect',
            color: 'rgba(255, 255, 255, 0.75)',
            dashArrayX: [1, 0],
            dashArrayY: [3, 5],
            rotation: -Math.PI / 4,
          },
        },
        label: { show: true, position: 'right', color: CHART_COLOURS.text },
        data: rows.map((row) => row.after),
      },
    ],
  };
}

export function replayChartTable(result: ChartReplay): ChartTable {
  return {
    caption: `Answers under the law in force and under ${result.under.choice}`,
    columns: ['Action: answer', 'Law in force', `Under ${result.under.choice}`, 'Difference'],
    rows: rowsOf(result).map((row) => [
      row.label,
      number.format(row.before),
      number.format(row.after),
      `${row.after - row.before > 0 ? '+' : ''}${number.format(row.after - row.before)}`,
    ]),
  };
}
