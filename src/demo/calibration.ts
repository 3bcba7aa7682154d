/**
 * The published figures the demo caseload reproduces, as the project's own constants with their
 * sources. They are copied from the research notes (the published-figures table beside nyc.md),
 * never read at run time. Each number says whether it was published, inferred from the law in
 * force, or chosen for the demo where the sources are silent.
 * @module
 */

export type Basis = 'published' | 'inferred-from-law' | 'demo-choice';

export interface Figure {
  readonly value: number;
  readonly basis: Basis;
  readonly note?: string;
}

export interface PeriodMargins {
  readonly key: 'nypd-2016' | 'nypd-2017' | 'doc-fy2017';
  readonly jurisdiction: 'nyc-nypd' | 'nyc-doc';
  readonly label: string;
  /** First day, inclusive, and the day after the last, as New York local dates. */
  readonly from: string;
  readonly to: string;
  readonly received: Figure;
  /** Requests that came with a judicial warrant. */
  readonly judicialWarrants: Figure;
  /** Honored by holding the person past release. */
  readonly held: Figure;
  /** Honored by telling ICE of the release (with or without a hold). */
  readonly notified: Figure;
  readonly transferredToIce: Figure;
  readonly sources: readonly string[];
  readonly note: string;
}

const DAILY_NEWS_2018 =
  'https://www.nydailynews.com/new-york/nypd-ignores-1-526-requests-feds-detain-immigrants-article-1.3806257';
const PATCH_2018 =
  'https://new-origin.patch.com/new-york/new-york-city/requests-detain-nyc-immigrants-skyrocketed-2017-nypd';
const WNYC_2017_REPOST =
  'https://www.alipac.us/f12/ice-sought-ten-times-many-illegals-nyc-jails-previous-year-353380/';

export const NYPD_2016: PeriodMargins = {
  key: 'nypd-2016',
  jurisdiction: 'nyc-nypd',
  label: 'NYPD, calendar year 2016',
  from: '2016-01-01',
  to: '2017-01-01',
  received: { value: 80, basis: 'published' },
  judicialWarrants: {
    value: 2,
    basis: 'published',
    note: 'The two honored came with federal judicial warrants; no other warrants are reported.',
  },
  held: { value: 2, basis: 'published', note: 'Published as "honored".' },
  notified: {
    value: 2,
    basis: 'demo-choice',
    note: 'How the two were honored is not reported; the demo holds them and tells ICE.',
  },
  transferredToIce: {
    value: 2,
    basis: 'demo-choice',
    note: 'Not reported; the demo has ICE take both into custody during the hold.',
  },
  sources: [DAILY_NEWS_2018, PATCH_2018],
  note:
    'NYPD Legislative Affairs Director Oleg Chernyavsky at the City Council Committee on Public ' +
    'Safety oversight hearing, February 2018, as reported by the New York Daily News.',
};

export const NYPD_2017: PeriodMargins = {
  key: 'nypd-2017',
  jurisdiction: 'nyc-nypd',
  label: 'NYPD, calendar year 2017',
  from: '2017-01-01',
  to: '2018-01-01',
  received: { value: 1526, basis: 'published' },
  judicialWarrants: {
    value: 0,
    basis: 'demo-choice',
    note: 'Not reported; none honored, so the demo gives none a judicial warrant.',
  },
  held: { value: 0, basis: 'published', note: 'All 1,526 were rejected.' },
  notified: { value: 0, basis: 'published' },
  transferredToIce: { value: 0, basis: 'published' },
  sources: [DAILY_NEWS_2018, PATCH_2018],
  note: 'Same hearing and report as 2016.',
};

export const DOC_FY2017: PeriodMargins = {
  key: 'doc-fy2017',
  jurisdiction: 'nyc-doc',
  label: 'DOC, fiscal year 2017 (July 2016 to June 2017, basis unverified)',
  from: '2016-07-01',
  to: '2017-07-01',
  received: { value: 536, basis: 'published' },
  judicialWarrants: {
    value: 20,
    basis: 'inferred-from-law',
    note:
      'Not reported. Under § 9-131(b) as amended by LL58/2014, DOC may tell ICE of a release ' +
      'only with a judicial warrant, so each of the 20 notices implies one.',
  },
  held: { value: 0, basis: 'published', note: 'Published as 0 honored (by a 48-hour hold).' },
  notified: {
    value: 20,
    basis: 'published',
    note: 'The 20 transfers followed DOC telling ICE of the release.',
  },
  transferredToIce: { value: 20, basis: 'published' },
  sources: [WNYC_2017_REPOST],
  note:
    'WNYC (Beth Fertig), 2017-12-13, reporting DOC’s annual detainer report, read through a ' +
    'repost. The article says "the fiscal year that ended this fall": whether that is the city ' +
    'fiscal year (July to June, assumed here) or the federal one (October to September) is not ' +
    'verified.',
};

export const PERIODS: readonly PeriodMargins[] = [NYPD_2016, NYPD_2017, DOC_FY2017];

/** TRAC: about half of the people ICE lodges detainers against have no criminal conviction. */
export const NO_CONVICTION_SHARE = {
  value: 0.5,
  basis: 'published',
  note:
    'Approximate: TRAC’s analyses of ICE detainer records put the share with no criminal ' +
    'conviction at about half, varying by year. The demo gives half of each period none.',
  sources: ['https://trac.syr.edu/immigration/reports/'],
} as const;
