/**
 * The reports' charts as ECharts option objects, built once from the report's data and used as
 * they are by the web app (in the browser) and by the server (rendered to SVG for the PDF, see
 * chart-svg.ts): a report's counted figures as horizontal bars, unknowns stacked apart; and a
 * trend across periods, with the officially published figure as its own series where given.
 *
 * Pure and free of Node and the DOM (the web app imports this file): plain data in, plain
 * JSON-safe objects out, no function in an option (labels are written out), so the same report
 * gives the same chart everywhere. Accessible by default: ARIA on with a description in words,
 * a decal pattern per series so no series is told by its colour alone, every colour readable on
 * white (WCAG AA, 4.5:1 or more), and a table of the same numbers for each chart.
 * @module
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { CountedFigure, Figure, Report } from './build-report.js';

export type ReportChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
>;

/** What a chart reads of a report: the public report, or the API's JSON of it. */
export type ChartReport = Pick<Report, 'jurisdiction' | 'agencyShort' | 'period' | 'figures'>;

/** A chart's numbers as a table, for the reader who cannot see the chart (and for the PDF). */
export interface ChartTable {
  readonly caption: string;
  readonly columns: readonly string[];
  /** One row per bar or period; a cell the data lacks is "—". */
  readonly rows: readonly (readonly string[])[];
}

/**
 * Series colours, each with a contrast of at least 4.5:1 on white (tested), so a bar, a line or
 * a label in that colour is readable; the decals below tell the series apart without colour.
 */
export const CHART_COLOURS = Object.freeze({
  counted: '#1a4480',
  unknown: '#8a4b00',
  received: '#1a4480',
  held: '#b50909',
  transferred: '#00687d',
  notHonored: '#5c5c5c',
  published: '#54278f',
  reasonI: '#1a4480',
  reasonII: '#00687d',
  reasonIII: '#8a4b00',
  reasonIV: '#54278f',
  text: '#1b1b1b',
  axis: '#54555a',
} as const);

/** Light grid lines only guide the eye; no information is in them. */
const GRID_LINE = '#dfe1e2';

type Decal = NonNullable<NonNullable<BarSeriesOption['itemStyle']>['decal']>;
type DecalName = 'solid' | 'hatch' | 'dots' | 'vertical';

const OVERLAY = 'rgba(255, 255, 255, 0.75)';

/**
 * A series' pattern over its colour. A new object each time: ECharts marks the decals it draws
 * (it writes to them), so none may be shared between charts or frozen.
 */
function decal(name: DecalName): { decal?: Decal } {
  switch (name) {
    case 'solid':
      return {};
    case 'hatch':
      return {
        decal: {
          symbol: 'rect',
          color: OVERLAY,
          dashArrayX: [1, 0],
          dashArrayY: [3, 5],
          rotation: -Math.PI / 4,
        },
      };
    case 'dots':
      return {
        decal: {
          symbol: 'circle',
          color: OVERLAY,
          symbolSize: 0.5,
          dashArrayX: [4, 4],
          dashArrayY: [4, 4],
        },
      };
    case 'vertical':
      return {
        decal: {
          symbol: 'rect',
          color: OVERLAY,
          dashArrayX: [1, 0],
          dashArrayY: [2, 4],
          rotation: Math.PI / 2,
        },
      };
  }
}

const number = new Intl.NumberFormat('en-US');
const format = (value: number) => number.format(value);

/** Roboto is the PDF's font (pdfmake ships it); a browser without it falls back to Arial's metrics. */
export const CHART_FONT = 'Roboto, Arial, Helvetica, sans-serif';
export const TEXT_STYLE = { color: CHART_COLOURS.text, fontFamily: CHART_FONT, fontSize: 12 };

/** The frame every chart over time shares: room for the legend, labels inside the bounds. */
export const TIME_CHART_GRID = Object.freeze({
  top: 56,
  bottom: 32,
  left: 16,
  right: 24,
  outerBoundsMode: 'same',
  outerBoundsContain: 'axisLabel',
} as const);

/** A count axis: whole numbers, labelled, with light grid lines. */
export function countAxis() {
  return {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { color: CHART_COLOURS.text },
    axisLine: { show: true, lineStyle: { color: CHART_COLOURS.axis } },
    splitLine: { lineStyle: { color: GRID_LINE } },
  };
}

// ---------------------------------------------------------------------------------------------
// (a) One report's counted figures.

/** Pixels per bar and around them: a chart's height for its number of bars. */
export const BAR_ROW_HEIGHT = 48;
const BAR_CHART_FRAME = 96;
const AXIS_LABEL_WIDTH = 260;

export function figureBarChartHeight(bars: number): number {
  return BAR_CHART_FRAME + BAR_ROW_HEIGHT * Math.max(bars, 1);
}

/** "¶ 2.iii  Persons held …": the paragraph and the label, as on the chart's axis. */
export function figureAxisLabel(figure: Pick<Figure, 'paragraph' | 'label'>): string {
  return `¶ ${figure.paragraph}  ${figure.label}`;
}

/** The counted figures a chart shows, in the report's order, or those named. */
export function countedFigures(
  report: ChartReport,
  only?: readonly string[],
): readonly CountedFigure[] {
  return report.figures.filter(
    (figure): figure is CountedFigure =>
      figure.status === 'counted' && (only === undefined || only.includes(figure.id)),
  );
}

/** "1 person", "2 persons", "1,526 detainers". */
function amountOf(value: number, unit: CountedFigure['unit']): string {
  return `${format(value)} ${value === 1 ? unit.slice(0, -1) : unit}`;
}

function valueLabel(figure: CountedFigure): string {
  const amount = amountOf(figure.value, figure.unit);
  return figure.unknown > 0 ? `${amount} + ${format(figure.unknown)} unknown` : amount;
}

/**
 * One report's counted figures as horizontal bars, in the report's order from the top: each bar
 * the figure, with the cases the records cannot settle stacked after it as a separate, hatched,
 * labelled part. Omitted figures (not required, not recorded) have no bar; the report's table
 * gives their reason. `only` limits the chart to those figure ids (a long report in parts).
 */
export function figureBarChart(
  report: ChartReport,
  options: { readonly only?: readonly string[] } = {},
): ReportChartOption {
  const figures = countedFigures(report, options.only);
  const unknowns = figures.filter((figure) => figure.unknown > 0).length;
  const description =
    `Horizontal bar chart of the ${report.agencyShort}'s report for ${report.period.label}: ` +
    `${String(figures.length)} counted figure${figures.length === 1 ? '' : 's'}, each by its ` +
    'paragraph of the law. ' +
    figures
      .map((figure) => `Paragraph ${figure.paragraph}, ${figure.label}: ${valueLabel(figure)}.`)
      .join(' ') +
    (unknowns > 0
      ? ' Cases the records cannot settle are a separate hatched part after each bar, labelled unknown.'
      : ' The records settle every case: no figure has an unknown part.');
  return {
    animation: false,
    aria: { enabled: true, label: { enabled: true, description }, decal: { show: false } },
    color: [CHART_COLOURS.counted, CHART_COLOURS.unknown],
    textStyle: TEXT_STYLE,
    legend: {
      top: 8,
      left: 'center',
      data: ['Counted', 'Unknown (the records do not say)'],
      textStyle: TEXT_STYLE,
    },
    // A fixed margin for the labels: the server measures text by estimate, so a measured one
    // could differ between the browser and the PDF.
    grid: { top: 48, bottom: 40, left: AXIS_LABEL_WIDTH + 32, right: 160, outerBoundsMode: 'none' },
    xAxis: {
      type: 'value',
      minInterval: 1,
      name: 'count',
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: TEXT_STYLE,
      axisLabel: { color: CHART_COLOURS.text },
      axisLine: { show: true, lineStyle: { color: CHART_COLOURS.axis } },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: figures.map(figureAxisLabel),
      axisLabel: {
        color: CHART_COLOURS.text,
        width: AXIS_LABEL_WIDTH,
        overflow: 'break',
        lineHeight: 14,
        interval: 0,
      },
      axisLine: { lineStyle: { color: CHART_COLOURS.axis } },
      axisTick: { alignWithLabel: true },
    },
    series: [
      {
        type: 'bar',
        name: 'Counted',
        stack: 'figure',
        barMaxWidth: 24,
        itemStyle: { color: CHART_COLOURS.counted, ...decal('solid') },
        data: figures.map((figure) => figure.value),
      },
      {
        type: 'bar',
        name: 'Unknown (the records do not say)',
        stack: 'figure',
        barMaxWidth: 24,
        itemStyle: { color: CHART_COLOURS.unknown, ...decal('hatch') },
        // The label sits at the end of the whole bar, whether or not it has an unknown part.
        data: figures.map((figure) => ({
          value: figure.unknown,
          label: {
            show: true,
            position: 'right',
            color: CHART_COLOURS.text,
            formatter: valueLabel(figure),
          },
        })),
      },
    ],
  };
}

/** The bar chart's numbers as a table: paragraph, figure, counted, unknown. */
export function figureBarTable(
  report: ChartReport,
  options: { readonly only?: readonly string[] } = {},
): ChartTable {
  return {
    caption: `The ${report.agencyShort}'s counted figures for ${report.period.label}`,
    columns: ['Paragraph', 'Figure', 'Unit', 'Counted', 'Unknown'],
    rows: countedFigures(report, options.only).map((figure) => [
      figure.paragraph,
      figure.label,
      figure.unit,
      format(figure.value),
      format(figure.unknown),
    ]),
  };
}

// ---------------------------------------------------------------------------------------------
// (b) A trend across periods.

/** One period of a trend. A figure the period's text does not count is absent, not zero. */
export interface TrendPoint {
  /** The period as the axis shows it, e.g. "2016" or "Oct 2016–Sep 2017". */
  readonly label: string;
  readonly received?: number;
  readonly held?: number;
  readonly transferred?: number;
  readonly notHonored?: number;
  /** The figure the agency published for the period, where known (e.g. src/law/nyc/published-figures.ts). */
  readonly published?: { readonly received?: number; readonly honored?: number };
}

/** The report's figure ids a trend reads. */
export const TREND_FIGURES = Object.freeze({
  received: 'received',
  held: 'held',
  transferred: 'transferred',
  notHonored: 'not-honored',
} as const);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2016" for a calendar year, else "Oct 2016–Sep 2017" (or one month, "Mar 2017"). */
export function shortPeriodLabel(from: string, to: string): string {
  const [fromYear, fromMonth] = [from.slice(0, 4), Number(from.slice(5, 7))];
  const [toYear, toMonth] = [to.slice(0, 4), Number(to.slice(5, 7))];
  if (fromYear === toYear && from.slice(5) === '01-01' && to.slice(5) === '12-31') return fromYear;
  const start = `${MONTHS[fromMonth - 1] ?? ''} ${fromYear}`;
  const end = `${MONTHS[toMonth - 1] ?? ''} ${toYear}`;
  return start === end ? start : `${start}–${end}`;
}

/** A report as one period of a trend: its counted figures by id, unknowns left out. */
export function trendPointOf(report: ChartReport, published?: TrendPoint['published']): TrendPoint {
  const value = (id: string) => {
    const figure = report.figures.find((candidate) => candidate.id === id);
    return figure?.status === 'counted' ? figure.value : undefined;
  };
  const point: { -readonly [K in keyof TrendPoint]: TrendPoint[K] } = {
    label: shortPeriodLabel(report.period.from, report.period.to),
  };
  for (const [key, id] of Object.entries(TREND_FIGURES) as [keyof typeof TREND_FIGURES, string][]) {
    const figure = value(id);
    if (figure !== undefined) point[key] = figure;
  }
  if (published !== undefined) point.published = published;
  return point;
}

interface TrendSeries {
  readonly name: string;
  readonly pick: (point: TrendPoint) => number | undefined;
}

const COMPUTED: readonly (TrendSeries & { colour: string; decal: DecalName })[] = [
  {
    name: 'Received',
    pick: (point) => point.received,
    colour: CHART_COLOURS.received,
    decal: 'solid',
  },
  {
    name: 'Held past release',
    pick: (point) => point.held,
    colour: CHART_COLOURS.held,
    decal: 'hatch',
  },
  {
    name: 'Transferred to ICE',
    pick: (point) => point.transferred,
    colour: CHART_COLOURS.transferred,
    decal: 'dots',
  },
  {
    name: 'Not honoured',
    pick: (point) => point.notHonored,
    colour: CHART_COLOURS.notHonored,
    decal: 'vertical',
  },
];

const PUBLISHED: readonly (TrendSeries & { symbol: string; dash: number[] })[] = [
  {
    name: 'Published: received',
    pick: (point) => point.published?.received,
    symbol: 'diamond',
    dash: [6, 4],
  },
  {
    name: 'Published: honoured (held)',
    pick: (point) => point.published?.honored,
    symbol: 'triangle',
    dash: [2, 3],
  },
];

function isReport(input: TrendPoint | ChartReport): input is ChartReport {
  return 'figures' in input;
}

/**
 * Figures across periods, oldest first as given: the desk's counts as bars by period (a decal
 * each) and, where a period has an officially published figure, that figure as a separate dashed
 * line with its own marker, so the reader compares the two. Reports must be of one agency; a
 * series with no value in any period is left out.
 */
export function trendChart(
  input: readonly ChartReport[] | readonly TrendPoint[],
  options: { readonly agency?: string } = {},
): ReportChartOption {
  const reports = input.filter(isReport);
  if (new Set(reports.map((report) => report.jurisdiction)).size > 1) {
    throw new Error('a trend is of one agency: the reports are of several');
  }
  const points = input.map((item) => (isReport(item) ? trendPointOf(item) : item));
  const agency = options.agency ?? reports[0]?.agencyShort;
  const computed = COMPUTED.filter((series) =>
    points.some((point) => series.pick(point) !== undefined),
  );
  const published = PUBLISHED.filter((series) =>
    points.some((point) => series.pick(point) !== undefined),
  );
  const describe = (series: TrendSeries) =>
    `${series.name}: ${points
      .map((point) => {
        const value = series.pick(point);
        return `${point.label} ${value === undefined ? 'not given' : format(value)}`;
      })
      .join(', ')}.`;
  const description =
    `Bar chart of ${agency === undefined ? 'the' : `the ${agency}'s`} figures over ` +
    `${String(points.length)} period${points.length === 1 ? '' : 's'}, one group of bars per period` +
    (published.length > 0
      ? ', with the figures the agency published as dashed lines with markers. '
      : '. ') +
    [...computed, ...published].map(describe).join(' ');
  const data = (series: TrendSeries) => points.map((point) => series.pick(point) ?? null);
  return {
    animation: false,
    aria: { enabled: true, label: { enabled: true, description }, decal: { show: false } },
    color: [...computed.map((series) => series.colour), CHART_COLOURS.published],
    textStyle: TEXT_STYLE,
    legend: {
      top: 8,
      left: 'center',
      data: [...computed, ...published].map((series) => series.name),
      textStyle: TEXT_STYLE,
    },
    grid: { ...TIME_CHART_GRID },
    xAxis: {
      type: 'category',
      data: points.map((point) => point.label),
      axisLabel: { color: CHART_COLOURS.text, interval: 0 },
      axisLine: { lineStyle: { color: CHART_COLOURS.axis } },
    },
    yAxis: countAxis(),
    series: [
      ...computed.map((series): BarSeriesOption => ({
        type: 'bar',
        name: series.name,
        barMaxWidth: 28,
        itemStyle: { color: series.colour, ...decal(series.decal) },
        data: data(series),
      })),
      ...published.map((series): LineSeriesOption => ({
        type: 'line',
        name: series.name,
        connectNulls: false,
        symbol: series.symbol,
        symbolSize: 10,
        itemStyle: { color: CHART_COLOURS.published },
        lineStyle: { color: CHART_COLOURS.published, type: series.dash, width: 2 },
        data: data(series),
      })),
    ],
  };
}

/** The trend's numbers as a table: one row per period, a column per series shown. */
export function trendTable(
  input: readonly ChartReport[] | readonly TrendPoint[],
  options: { readonly agency?: string } = {},
): ChartTable {
  const points = input.map((item) => (isReport(item) ? trendPointOf(item) : item));
  const agency = options.agency ?? input.filter(isReport)[0]?.agencyShort;
  const series = [...COMPUTED, ...PUBLISHED].filter((candidate) =>
    points.some((point) => candidate.pick(point) !== undefined),
  );
  return {
    caption: `${agency === undefined ? 'Figures' : `The ${agency}'s figures`} by period`,
    columns: ['Period', ...series.map((candidate) => candidate.name)],
    rows: points.map((point) => [
      point.label,
      ...series.map((candidate) => {
        const value = candidate.pick(point);
        return value === undefined ? '—' : format(value);
      }),
    ]),
  };
}

/** One period's reasons ICE gave: each box of the form its text counts, with the detainers. */
export interface ReasonPoint {
  readonly label: string;
  readonly reasons: readonly {
    readonly sub: string;
    readonly label: string;
    readonly value: number;
  }[];
}

const REASON_STYLES: readonly { colour: string; decal: DecalName }[] = [
  { colour: CHART_COLOURS.reasonI, decal: 'solid' },
  { colour: CHART_COLOURS.reasonII, decal: 'hatch' },
  { colour: CHART_COLOURS.reasonIII, decal: 'dots' },
  { colour: CHART_COLOURS.reasonIV, decal: 'vertical' },
];

/** Each reason any period counts, in the statute's order, named as the first period names it. */
function reasonSeries(points: readonly ReasonPoint[]) {
  const named = new Map<string, string>();
  for (const point of points) {
    for (const reason of point.reasons) {
      if (!named.has(reason.sub)) named.set(reason.sub, `(${reason.sub}) ${reason.label}`);
    }
  }
  const order = ['i', 'ii', 'iii', 'iv'];
  return [...named]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([sub, name]) => ({
      sub,
      name,
      pick: (point: ReasonPoint) => point.reasons.find((reason) => reason.sub === sub)?.value,
    }));
}

/**
 * The reasons ICE gave for the detainers received, by period: a bar per reason the period's text
 * counts. A detainer may give several reasons, so the bars of a period are side by side, not
 * stacked: they do not add up to the detainers received.
 */
export function reasonsChart(
  points: readonly ReasonPoint[],
  options: { readonly agency?: string } = {},
): ReportChartOption {
  const series = reasonSeries(points);
  const description =
    `Bar chart of the reasons federal immigration authorities gave for the detainers ` +
    `${options.agency === undefined ? '' : `the ${options.agency} `}received, over ` +
    `${String(points.length)} period${points.length === 1 ? '' : 's'}, one bar per reason; a ` +
    'detainer may give several. ' +
    series
      .map(
        (reason) =>
          `${reason.name}: ${points
            .map((point) => {
              const value = reason.pick(point);
              return `${point.label} ${value === undefined ? 'not counted' : format(value)}`;
            })
            .join(', ')}.`,
      )
      .join(' ');
  return {
    animation: false,
    aria: { enabled: true, label: { enabled: true, description }, decal: { show: false } },
    color: series.map((_, index) => REASON_STYLES[index]!.colour),
    textStyle: TEXT_STYLE,
    legend: {
      top: 8,
      left: 'center',
      orient: 'vertical',
      data: series.map((reason) => reason.name),
      textStyle: TEXT_STYLE,
    },
    grid: { ...TIME_CHART_GRID, top: 24 + 20 * series.length },
    xAxis: {
      type: 'category',
      data: points.map((point) => point.label),
      axisLabel: { color: CHART_COLOURS.text, interval: 0 },
      axisLine: { lineStyle: { color: CHART_COLOURS.axis } },
    },
    yAxis: countAxis(),
    series: series.map((reason, index): BarSeriesOption => ({
      type: 'bar',
      name: reason.name,
      barMaxWidth: 20,
      itemStyle: {
        color: REASON_STYLES[index]!.colour,
        ...decal(REASON_STYLES[index]!.decal),
      },
      data: points.map((point) => reason.pick(point) ?? null),
    })),
  };
}

/** The reasons' numbers as a table: one row per period, a column per reason. */
export function reasonsTable(
  points: readonly ReasonPoint[],
  options: { readonly agency?: string } = {},
): ChartTable {
  const series = reasonSeries(points);
  return {
    caption: `Reasons given for the detainers ${options.agency === undefined ? '' : `the ${options.agency} `}received, by period (a detainer may give several)`,
    columns: ['Period', ...series.map((reason) => reason.name)],
    rows: points.map((point) => [
      point.label,
      ...series.map((reason) => {
        const value = reason.pick(point);
        return value === undefined ? '—' : format(value);
      }),
    ]),
  };
}
