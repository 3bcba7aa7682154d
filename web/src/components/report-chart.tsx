/**
 * A report's chart with its words and numbers: the chart (an ECharts option object from
 * src/reports/report-charts.ts, drawn once ECharts has loaded, which is only when a chart is on
 * the page) is an image named by the option's own description, and the same numbers follow as a
 * table, for the reader who cannot see the chart and for anyone who wants the figures.
 * @module
 */
import { useEffect, useId, useRef } from 'react';
import type { ChartTable, ReportChartOption } from '../../../src/reports/report-charts.js';

function descriptionOf(option: ReportChartOption): string {
  const aria = Array.isArray(option.aria) ? option.aria[0] : option.aria;
  return aria?.label?.description ?? '';
}

export function ReportChart({
  option,
  table,
  heading,
}: {
  option: ReportChartOption;
  table: ChartTable;
  heading: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const id = useId();
  const description = descriptionOf(option);
  useEffect(() => {
    let chart: { dispose(): void } | undefined;
    let gone = false;
    void import('./echarts-draw').then(({ drawChart }) => {
      if (gone || container.current === null) return;
      chart = drawChart(container.current, option);
    });
    return () => {
      gone = true;
      chart?.dispose();
    };
  }, [option]);
  return (
    <figure className="desk-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="desk-chart__caption">
        {heading}
      </figcaption>
      {/* ECharts also writes the description as the image's name; it is here from the start. */}
      <div ref={container} className="desk-chart__canvas" role="img" aria-label={description} />
      <details className="desk-chart__table">
        <summary>The chart’s numbers as a table</summary>
        <table className="usa-table usa-table--borderless usa-table--compact">
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
              <tr key={`${String(index)} ${row[0] ?? ''}`}>
                {row.map((cell, column) =>
                  column === 0 ? (
                    <th key={column} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={column}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
