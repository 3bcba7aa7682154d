/**
 * A chart's option object (report-charts.ts) rendered to SVG on the server, with ECharts' own
 * server-side renderer: no DOM, no browser, a fixed size, no animation, the instance disposed
 * after (a live one keeps Node from exiting). Deterministic: the same option and size give the
 * same bytes, since ECharts' process-wide counters in element ids and class names are rewritten
 * to the chart's own. The SVG is an image with a name: role="img", with the option's ARIA
 * description as its <title>, the accessible name.
 * @module
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportChartOption } from './report-charts.js';

use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, SVGRenderer]);

export interface SvgSize {
  readonly width: number;
  readonly height: number;
  /** Prefix of the SVG's element ids and classes, unique per chart on one page. */
  readonly id?: string;
}

export function renderChartSvg(option: ReportChartOption, size: SvgSize): string {
  const chart = init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  let svg: string;
  try {
    // ECharts writes to the option's objects (decals): give it a copy, and keep the caller's.
    chart.setOption({ ...structuredClone(option), animation: false });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  return labelled(stableIds(svg, size.id ?? 'chart'), descriptionOf(option));
}

/** ECharts numbers ids and classes across the process ("zr3-cls-17"); number them per chart. */
function stableIds(svg: string, prefix: string): string {
  const classes = new Map<string, string>();
  return svg
    .replace(/\bzr\d+-cls-\d+\b/g, (name) => {
      let stable = classes.get(name);
      if (stable === undefined) {
        stable = `${prefix}-cls-${String(classes.size)}`;
        classes.set(name, stable);
      }
      return stable;
    })
    .replace(/\bzr\d+-/g, `${prefix}-`);
}

function descriptionOf(option: ReportChartOption): string | undefined {
  const aria = Array.isArray(option.aria) ? option.aria[0] : option.aria;
  return aria?.label?.description;
}

const escapeXml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

function labelled(svg: string, description: string | undefined): string {
  if (description === undefined) return svg;
  return svg.replace(
    /^<svg ([^>]*)>/,
    (_, attributes: string) =>
      `<svg role="img" ${attributes}>\n<title>${escapeXml(description)}</title>`,
  );
}
