import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleReport } from '../testing/sample-report.js';
import { renderChartSvg } from './chart-svg.js';
import { figureBarChart, figureBarChartHeight, trendChart } from './report-charts.js';

const SIZE = { width: 720, height: figureBarChartHeight(3) };

describe('charts rendered to SVG on the server', () => {
  it('renders the bar chart as an SVG image with a name, bars, labels and decals', () => {
    const svg = renderChartSvg(figureBarChart(sampleReport()), SIZE);
    assert.match(svg, /^<svg role="img" width="720" height="240" /);
    assert.match(svg, /<title>Horizontal bar chart of the NYPD's report for October 2016/);
    assert.ok(svg.includes('1 person + 2 unknown'));
    assert.ok(svg.includes('¶ 1'));
    assert.ok(svg.includes('<pattern'), 'the unknown part has its decal');
    assert.ok(svg.includes('fill="#8a4b00"'));
    assert.ok(!/\bzr\d+-/.test(svg), 'no process-wide ids left');
    assert.ok(svg.trimEnd().endsWith('</svg>'));
  });

  it('is deterministic: the same option and size give the same bytes, whatever ran before', () => {
    const option = figureBarChart(sampleReport());
    const first = renderChartSvg(option, SIZE);
    renderChartSvg(trendChart([{ label: '2016', received: 3, published: { received: 2 } }]), {
      width: 600,
      height: 300,
    });
    const again = renderChartSvg(option, SIZE);
    assert.equal(again, first);
    assert.deepEqual(option, figureBarChart(sampleReport()), 'the caller’s option is untouched');
    const named = renderChartSvg(option, { ...SIZE, id: 'part-2' });
    assert.ok(named.includes('id="part-2-p0"'));
    assert.ok(!named.includes('chart-p0'));
  });

  it('escapes the description', () => {
    const report = { ...sampleReport(), agencyShort: 'A&B <agency>' };
    const svg = renderChartSvg(figureBarChart(report), SIZE);
    assert.match(svg, /<title>Horizontal bar chart of the A&amp;B &lt;agency&gt;'s report/);
  });
});
