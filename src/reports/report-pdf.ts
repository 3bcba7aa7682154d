/**
 * A report as a PDF, built on the server with pdfmake (no browser) from the same Report object
 * as the JSON and the CSV: the headline; the agency and the period; the law and where to read
 * it; every figure with its paragraph, label, value and unknowns, or why it is omitted; the bar
 * chart, rendered from the same ECharts option as the web app's (chart-svg.ts); each figure's
 * statute words and method, the desk's readings marked as such; the method notes; and what the
 * report was built on (data as of, the audit log's size, root and checkpoint).
 *
 * The public report only: no case id is read from the report, so none can be printed, even from
 * a report that carries them. Deterministic: the document's dates are the report's `dataAsOf`,
 * and pdfmake derives the file id from them, so the same report gives the same bytes.
 * @module
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { CountedFigure, Figure, OmittedFigure, Report } from './build-report.js';
import { renderChartSvg } from './chart-svg.js';
import { countedFigures, figureBarChart, figureBarChartHeight } from './report-charts.js';

const FONT_DIR = join(
  dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
);
const FONTS = {
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
};
const FONT_FILES = new Set(Object.values(FONTS.Roboto));

/** Letter paper with 0.75 in margins: the width the content and the chart have, in points. */
const CONTENT_WIDTH = 612 - 2 * 54;
/** The chart's size in SVG pixels before it is scaled to the page. */
const CHART_WIDTH = 720;
/** Bars per chart: a long report's chart comes in parts, each fitting a page. */
const BARS_PER_CHART = 12;

const number = new Intl.NumberFormat('en-US');
const format = (value: number) => number.format(value);

const OMITTED: Readonly<Record<OmittedFigure['status'], string>> = {
  'not-required': 'Not required for this period',
  'not-recorded': 'Not in the desk’s records',
};

/** The PDF's bytes. */
export async function reportPdf(report: Report): Promise<Buffer> {
  // pdfmake's settings are its module's: set them on each call, so nothing else can widen them.
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));
  return pdfmake.createPdf(reportPdfDocument(report)).getBuffer();
}

/** The document definition: plain data, built from the report's public fields only. */
export function reportPdfDocument(report: Report): TDocumentDefinitions {
  const asOf = new Date(report.dataAsOf);
  if (Number.isNaN(asOf.getTime()))
    throw new Error(`dataAsOf is not an instant: ${report.dataAsOf}`);
  const title = `${report.agencyShort} mandated report, ${report.period.label}`;
  return {
    pageSize: 'LETTER',
    pageMargins: [54, 54, 54, 60],
    language: 'en-US',
    displayTitle: true,
    info: {
      title,
      author: 'Detainer Desk',
      subject: report.law.citation,
      creator: 'Detainer Desk',
      producer: 'Detainer Desk (pdfmake)',
      creationDate: asOf,
      modDate: asOf,
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2, color: '#1b1b1b' },
    styles: {
      kicker: { fontSize: 9, color: '#3d4551' },
      headline: { fontSize: 16, bold: true, margin: [0, 4, 0, 10] },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 2] },
      th: { bold: true, fillColor: '#f0f0f0' },
      small: { fontSize: 8.5, color: '#3d4551' },
      reading: { italics: true },
      link: { color: '#005ea2', decoration: 'underline' },
    },
    footer: (page: number, pages: number): Content => ({
      columns: [
        {
          text: `${report.agencyShort}, ${report.period.from} to ${report.period.to}`,
          style: 'small',
        },
        { text: `Page ${String(page)} of ${String(pages)}`, alignment: 'right', style: 'small' },
      ],
      margin: [54, 24, 54, 0],
    }),
    content: [
      { text: `Mandated report under ${report.law.citation}`, style: 'kicker' },
      { text: report.headline, style: 'headline' },
      about(report),
      { text: 'Figures', style: 'h2' },
      figuresTable(report.figures),
      ...readingNote(report.figures),
      ...charts(report),
      { text: 'What each figure counts', style: 'h2' },
      ...report.figures.flatMap(definition),
      { text: 'Method', style: 'h2' },
      { ul: [...report.method], margin: [0, 0, 0, 4] },
      builtOn(report),
    ],
  };
}

function about(report: Report): Content {
  const { period, law } = report;
  const rows: [string, Content][] = [
    ['Agency', `${report.agency} (${report.agencyShort})`],
    ['Period', period.label],
    ['From', period.from],
    ['To', period.to],
    [
      'Due',
      period.due ??
        'Not a statutory period: built with the counts of the text in force on its last day.',
    ],
    ['Law', `${law.citation} (${law.version}; text ${law.verification})`],
    ['Text at', { text: law.url, link: law.url, style: 'link' }],
  ];
  if (report.lawInForce.length > 0) {
    rows.push([
      'Law in force',
      report.lawInForce.map((span) => `${span.version} from ${span.from}`).join('; '),
    ]);
  }
  return {
    table: {
      widths: [70, '*'],
      body: rows.map(([label, value]): TableCell[] => [{ text: label, bold: true }, value]),
    },
    layout: 'noBorders',
  };
}

function figuresTable(figures: readonly Figure[]): Content {
  const head: TableCell[] = ['¶', 'Figure', 'Unit', 'Value', 'Unknown'].map((text, index) => ({
    text,
    style: 'th',
    ...(index >= 3 ? { alignment: 'right' as const } : {}),
  }));
  const rows = figures.map((figure): TableCell[] => {
    const label = figure.interpretation === undefined ? figure.label : `${figure.label} †`;
    if (figure.status !== 'counted') {
      return [
        figure.paragraph,
        label,
        {
          colSpan: 3,
          text: [{ text: `${OMITTED[figure.status]}. `, bold: true }, figure.reason],
          style: 'small',
        },
        '',
        '',
      ];
    }
    return [
      figure.paragraph,
      label,
      figure.unit,
      { text: format(figure.value), alignment: 'right', bold: true },
      { text: format(figure.unknown), alignment: 'right' },
    ];
  });
  return {
    table: { headerRows: 1, widths: [34, '*', 58, 52, 50], body: [head, ...rows] },
    layout: 'lightHorizontalLines',
  };
}

function readingNote(figures: readonly Figure[]): Content[] {
  const notes: Content[] = [
    {
      text:
        'Unknown: cases the records cannot settle (a search not completed, a fact not recorded), ' +
        'counted apart, never as a yes or a no.',
      style: 'small',
      margin: [0, 6, 0, 0],
    },
  ];
  if (figures.some((figure) => figure.interpretation !== undefined)) {
    notes.push({
      text: '† The count rests on the desk’s reading of the text where the statute leaves a choice; the reading is given with the figure’s definition below.',
      style: 'small',
    });
  }
  return notes;
}

function charts(report: Report): Content[] {
  const figures = countedFigures(report);
  if (figures.length === 0) return [];
  const parts: CountedFigure[][] = [];
  for (let index = 0; index < figures.length; index += BARS_PER_CHART) {
    parts.push(figures.slice(index, index + BARS_PER_CHART));
  }
  return parts.map((part, index): Content => {
    const first = part[0]!;
    const last = part.at(-1)!;
    const range =
      parts.length === 1
        ? ''
        : ` (¶ ${first.paragraph} to ¶ ${last.paragraph}, part ${String(index + 1)} of ${String(parts.length)})`;
    const svg = renderChartSvg(figureBarChart(report, { only: part.map((figure) => figure.id) }), {
      width: CHART_WIDTH,
      height: figureBarChartHeight(part.length),
      id: `figures-${String(index + 1)}`,
    });
    return {
      stack: [
        { text: `The counted figures as bars${range}`, style: 'h3' },
        { svg, width: CONTENT_WIDTH },
        {
          text: 'The same numbers as the table above; unknowns are the hatched part after each bar.',
          style: 'small',
        },
      ],
      unbreakable: true,
      margin: [0, 8, 0, 0],
    };
  });
}

function definition(figure: Figure): Content[] {
  const parts: Content[] = [
    { text: `¶ ${figure.paragraph}  ${figure.label}`, style: 'h3' },
    { text: [{ text: 'The statute: ', bold: true }, `“${figure.statute}”`] },
    { text: [{ text: 'How the desk counts it: ', bold: true }, figure.method] },
  ];
  if (figure.interpretation !== undefined) {
    parts.push({
      text: [
        { text: 'The desk’s reading (not the statute’s words): ', bold: true },
        { text: figure.interpretation, style: 'reading' },
      ],
    });
  }
  if (figure.status !== 'counted') {
    parts.push({ text: [{ text: `${OMITTED[figure.status]}: `, bold: true }, figure.reason] });
  }
  return [{ stack: parts, unbreakable: true }];
}

function builtOn(report: Report): Content {
  const { audit } = report;
  const rows: [string, Content][] = [
    ['Data as of', report.dataAsOf],
    ['Audit log size', `${format(audit.size)} entries`],
    ['Audit log root', { text: `SHA-256 ${audit.rootSha256}`, fontSize: 8.5 }],
    [
      'Checkpoint',
      audit.checkpoint === undefined
        ? 'None: no checkpoint had been signed at or below this size.'
        : { text: audit.checkpoint.trimEnd(), fontSize: 8.5, preserveLeadingSpaces: true },
    ],
  ];
  return {
    stack: [
      { text: 'What the report was built on', style: 'h2' },
      {
        table: {
          widths: [90, '*'],
          body: rows.map(([label, value]): TableCell[] => [{ text: label, bold: true }, value]),
        },
        layout: 'noBorders',
      },
      {
        text:
          `The root is the Merkle root (RFC 6962) of the audit log’s first ${format(audit.size)} ` +
          'entries, the state the report was read from. “detainer-desk audit verify” re-derives ' +
          'the log and every signed checkpoint; with a checkpoint kept outside the database ' +
          '(--trusted) it shows the log was not rewritten.',
        style: 'small',
        margin: [0, 6, 0, 0],
      },
    ],
    unbreakable: true,
  };
}
