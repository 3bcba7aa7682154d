/**
 * ECharts for the reports' charts, tree-shaken to what their option objects use (bars, lines,
 * the grid, the legend, ARIA) with the SVG renderer, so a chart stays sharp when printed. Only
 * loaded by a dynamic import from `report-chart.tsx`: the first page never carries it.
 * @module
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportChartOption } from '../../../src/reports/report-charts.js';

use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, SVGRenderer]);

/** A drawn chart, redrawn to its container's width; dispose it when the page leaves. */
export interface DrawnChart {
  dispose(): void;
}

export function drawChart(container: HTMLElement, option: ReportChartOption): DrawnChart {
  const chart = init(container, null, { renderer: 'svg' });
  // ECharts writes to the option's objects (its decals): give it a copy, keep the page's.
  chart.setOption(structuredClone(option));
  const resized = new ResizeObserver(() => {
    chart.resize();
  });
  resized.observe(container);
  return {
    dispose() {
      resized.disconnect();
      chart.dispose();
    },
  };
}
