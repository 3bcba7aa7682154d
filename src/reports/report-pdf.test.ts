import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdfContent } from '../testing/pdf-text.js';
import {
  SAMPLE_CASE_IDS,
  SAMPLE_ROOT,
  sampleReport,
  tracedSampleReport,
} from '../testing/sample-report.js';
import { reportPdf } from './report-pdf.js';

/** Text as a reader finds it: PDF.js breaks lines and spaces items as the layout does. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('a report as a PDF (pdfmake, no browser)', () => {
  it('prints the headline, the period, the law, each figure, the chart and the audit state', async () => {
    const pdf = await reportPdf(sampleReport());
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
    const { text, info, pages } = await pdfContent(pdf);
    const words = flat(text);
    assert.ok(pages >= 2);
    for (const expected of [
      'From October 2016 to September 2017 the NYPD received 1,526 civil immigration detainers',
      'New York City Police Department (NYPD)',
      'From 2016-10-01',
      'To 2017-09-30',
      'Due 2017-10-15',
      '§ 14-154(f), as amended by LL59/2014 § 1',
      'https://example.org/ll59-2014.pdf',
      // The figures table: paragraph, label, unit, value, unknown.
      '2 Persons held on a civil immigration detainer beyond the time they would otherwise be released persons 1 2',
      '1 Civil immigration detainers received from federal immigration authorities detainers 1,526 0',
      'Not required for this period. LL228/2017 requires this figure only',
      'Not in the desk’s records. The desk does not record funding',
      // The chart's labels, drawn from the SVG.
      '1 person + 2 unknown',
      // Definitions: the statute's words, the method, the desk's reading marked as such.
      '“2. the number of persons held pursuant to civil immigration detainers',
      'How the desk counts it: Persons whose hold past release',
      'The desk’s reading (not the statute’s words): The desk counts every detainer not honoured',
      'Where the record cannot tell whether a case belongs',
      'Data as of 2017-11-01T12:00:00.000Z',
      'Audit log size 8,450 entries',
      `SHA-256 ${SAMPLE_ROOT}`,
      'detainer-desk.example/audit 8400',
    ]) {
      assert.ok(words.includes(expected), `missing: ${expected}\n---\n${words}`);
    }
    assert.equal(
      info.Title,
      'NYPD mandated report, October 2016 to September 2017, the report due 2017-10-15',
    );
    assert.equal(info.CreationDate, 'D:20171101120000Z', 'dated by the data, not the clock');
  });

  it('is deterministic: the same report gives the same bytes', async () => {
    const first = await reportPdf(sampleReport());
    const second = await reportPdf(sampleReport());
    assert.ok(Buffer.from(first).equals(Buffer.from(second)));
    const later = await reportPdf({ ...sampleReport(), dataAsOf: '2017-11-02T12:00:00.000Z' });
    assert.ok(!Buffer.from(first).equals(Buffer.from(later)));
  });

  it('never prints a case id, even from a report that carries them', async () => {
    const traced = tracedSampleReport();
    assert.ok(JSON.stringify(traced).includes(SAMPLE_CASE_IDS[0]!));
    const pdf = await reportPdf(traced);
    const { text } = await pdfContent(pdf);
    const raw = Buffer.from(pdf).toString('latin1');
    for (const id of SAMPLE_CASE_IDS) {
      assert.ok(!text.includes(id), id);
      assert.ok(!raw.includes(id), id);
    }
    assert.ok(!text.includes('do-not-print'));
    assert.ok(Buffer.from(pdf).equals(Buffer.from(await reportPdf(sampleReport()))));
  });

  it('a report with no counted figure has no chart, and says so in the table', async () => {
    const report = sampleReport();
    const omitted = {
      ...report,
      figures: report.figures.filter((figure) => figure.status !== 'counted'),
    };
    const { text } = await pdfContent(await reportPdf(omitted));
    assert.ok(!flat(text).includes('The counted figures as bars'));
    assert.ok(flat(text).includes('Not required for this period.'));
  });
});
