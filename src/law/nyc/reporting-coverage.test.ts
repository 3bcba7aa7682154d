/**
 * The reporting texts against their counts: every numbered paragraph of § 9-131(f), § 14-154(f)
 * and § 9-205(f) in every version, and each roman sub-paragraph (the reasons of LL22/2013 and
 * LL58/2014, the information groups of LL228/2017 and LL226/2017), has at least one count; every
 * count cites a paragraph its text has; no two counts of a version share an id. The checker is
 * tried on made-up versions too, so it cannot pass by finding nothing to check.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clause } from '../../engine/clause.js';
import type { ReportVersion } from '../../reports/report-law.js';
import { paragraphText } from '../../reports/statute-paragraph.js';
import { REPORT_LAWS } from '../report-laws.js';
import { DOC_REPORT_LAW } from './doc/reporting-counts.js';
import { DOC_SUBDIVISION } from './doc/reporting-and-other-subdivisions.js';
import { NYPD_REPORT_LAW } from './nypd/reporting-counts.js';
import { NYPD_SUBDIVISION } from './nypd/reporting-and-other-subdivisions.js';
import { PROBATION_REPORT_LAW } from './probation/reporting-counts.js';
import { PROBATION_SUBDIVISION } from './probation/reporting.js';

const NUMBERED = /^(\d+)\. /;
const ROMAN = /^([ivx]+)\. /;

/** The paragraphs a reporting text numbers: "1", "2", and "1.i" for a sub-paragraph. */
function paragraphsOf(text: string): string[] {
  const paragraphs: string[] = [];
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const numbered = NUMBERED.exec(line);
    if (numbered) {
      current = numbered[1]!;
      paragraphs.push(current);
      continue;
    }
    const roman = ROMAN.exec(line);
    if (roman && current !== undefined) paragraphs.push(`${current}.${roman[1]!}`);
  }
  return paragraphs;
}

/** What is wrong with a version's counts against its text; empty when nothing is. */
function coverageProblems(version: ReportVersion): string[] {
  const { text } = version.clause;
  const problems: string[] = [];
  const paragraphs = paragraphsOf(text);
  if (paragraphs.length === 0) problems.push('the text numbers no paragraph');
  const numbers = paragraphs.filter((paragraph) => !paragraph.includes('.'));
  numbers.forEach((number, index) => {
    if (number !== String(index + 1)) {
      problems.push(`paragraph ${number} is the text's paragraph number ${index + 1}`);
    }
  });
  const cited = new Set(version.counts.map((count) => count.paragraph));
  for (const paragraph of paragraphs) {
    if (!cited.has(paragraph)) problems.push(`paragraph ${paragraph} has no count`);
  }
  const seen = new Set<string>();
  for (const count of version.counts) {
    try {
      paragraphText(text, count.paragraph);
    } catch {
      problems.push(`count "${count.id}" cites paragraph ${count.paragraph}, which the text lacks`);
    }
    if (seen.has(count.id)) problems.push(`count id "${count.id}" is used twice`);
    seen.add(count.id);
  }
  return problems;
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => String(from + index));
const subs = (paragraph: string, romans: readonly string[]) =>
  romans.map((roman) => `${paragraph}.${roman}`);
const I_TO_IV = ['i', 'ii', 'iii', 'iv'];
const I_TO_III = ['i', 'ii', 'iii'];

/** Each reporting text's paragraphs as the statute numbers them, written out by hand. */
const EXPECTED = [
  {
    law: DOC_REPORT_LAW,
    clauseId: DOC_SUBDIVISION.reporting,
    versions: {
      'LL62/2011': range(1, 11),
      'LL22/2013': ['1', ...subs('1', I_TO_IV), '2', ...subs('2', I_TO_IV), ...range(3, 17)],
      'LL58/2014': ['1', ...subs('1', I_TO_IV), '2', ...subs('2', I_TO_IV), ...range(3, 8)],
      'LL228/2017': [
        '1',
        ...subs('1', I_TO_IV),
        '2',
        ...subs('2', I_TO_IV),
        ...range(3, 9),
        ...subs('9', I_TO_III),
      ],
    },
  },
  {
    law: NYPD_REPORT_LAW,
    clauseId: NYPD_SUBDIVISION.reporting,
    versions: {
      'LL21/2013': range(1, 4),
      'LL59/2014': range(1, 4),
      'LL228/2017': [...range(1, 5), ...subs('5', I_TO_III)],
    },
  },
  {
    law: PROBATION_REPORT_LAW,
    clauseId: PROBATION_SUBDIVISION.reporting,
    versions: { 'LL226/2017': [...range(1, 5), ...subs('5', I_TO_III)] },
  },
] as const;

describe('reporting texts and their counts', () => {
  test('the report laws are DOC § 9-131(f), NYPD § 14-154(f) and Probation § 9-205(f)', () => {
    assert.deepEqual(
      REPORT_LAWS.map((law) => law.jurisdiction),
      EXPECTED.map(({ law }) => law.jurisdiction),
    );
  });

  for (const { law, clauseId, versions } of EXPECTED) {
    test(`${law.agencyShort}: every version of ${clauseId}, in force one after another`, () => {
      assert.deepEqual(
        law.versions.map((version) => version.clause.version),
        Object.keys(versions),
      );
      law.versions.forEach((version, index) => {
        assert.equal(version.clause.id, clauseId);
        const next = law.versions[index + 1];
        if (next) assert.equal(version.clause.validTo, next.clause.validFrom);
        else assert.equal(version.clause.validTo, undefined);
      });
    });

    for (const version of law.versions) {
      const { citation } = version.clause;
      const expected = versions[version.clause.version as keyof typeof versions] as
        readonly string[] | undefined;

      test(`${citation}: the text numbers the paragraphs the statute has`, () => {
        assert.deepEqual(paragraphsOf(version.clause.text), expected);
      });

      test(`${citation}: each paragraph has a count, each count a paragraph, each id once`, () => {
        assert.deepEqual(coverageProblems(version), []);
        assert.deepEqual(
          [...new Set(version.counts.map((count) => count.paragraph))].sort(),
          [...expected!].sort(),
        );
      });
    }
  }
});

describe('the coverage checker finds what is wrong', () => {
  const [, ll22, ll58] = DOC_REPORT_LAW.versions as [ReportVersion, ReportVersion, ReportVersion];

  test('a version missing a paragraph', () => {
    const missing: ReportVersion = {
      ...ll58,
      counts: ll58.counts.filter((count) => count.paragraph !== '5'),
    };
    assert.deepEqual(coverageProblems(missing), ['paragraph 5 has no count']);
  });

  test('a version missing a roman sub-paragraph', () => {
    const missing: ReportVersion = {
      ...ll22,
      counts: ll22.counts.filter((count) => count.paragraph !== '2.iii'),
    };
    assert.deepEqual(coverageProblems(missing), ['paragraph 2.iii has no count']);
  });

  test('a version with no counts: every paragraph is missing', () => {
    const empty: ReportVersion = { ...ll58, counts: [] };
    assert.equal(coverageProblems(empty).length, paragraphsOf(ll58.clause.text).length);
  });

  test('a count citing a paragraph the text lacks, and an id used twice', () => {
    const held = ll58.counts.find((count) => count.id === 'held')!;
    const wrong: ReportVersion = {
      ...ll58,
      counts: [...ll58.counts, { ...held, id: 'information-requests', paragraph: '9' }, held],
    };
    assert.deepEqual(coverageProblems(wrong), [
      'count "information-requests" cites paragraph 9, which the text lacks',
      'count id "held" is used twice',
    ]);
  });

  test('a text with an extra paragraph, and one that numbers none', () => {
    const text = `${ll58.clause.text}\n9. the number of made-up figures.`;
    const longer: ReportVersion = { ...ll58, clause: clause({ ...ll58.clause, text }) };
    assert.deepEqual(coverageProblems(longer), ['paragraph 9 has no count']);
    const unnumbered: ReportVersion = {
      ...ll58,
      counts: [],
      clause: clause({ ...ll58.clause, text: 'f. Reporting. The department shall report.' }),
    };
    assert.deepEqual(coverageProblems(unnumbered), ['the text numbers no paragraph']);
  });
});
