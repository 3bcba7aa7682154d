/**
 * What DOC and NYPD are reported to have published under § 9-131(f) and § 14-154(f), as the
 * project's own constants with their sources, so the public dashboard can show each beside the
 * figure the desk computes for the same period. The agencies' own reports were not found; every
 * figure here comes through the press or a hearing (secondary sources), and where the press does
 * not settle the period (a calendar year, the city's fiscal year or the statutory reporting
 * year), each reading is listed and the dashboard shows them all.
 * @module
 */
import type { PublishedFigures } from '../../reports/report-law.js';

const DAILY_NEWS_2018 =
  'https://www.nydailynews.com/new-york/nypd-ignores-1-526-requests-feds-detain-immigrants-article-1.3806257';
const PATCH_2018 =
  'https://new-origin.patch.com/new-york/new-york-city/requests-detain-nyc-immigrants-skyrocketed-2017-nypd';
const WNYC_2017_REPOST =
  'https://www.alipac.us/f12/ice-sought-ten-times-many-illegals-nyc-jails-previous-year-353380/';
const DAILY_NEWS_2019_EDITORIAL =
  'https://www.nydailynews.com/opinion/ny-edit-immigration-20190520-f4g2bb473vf2blhrgrnxuouqwq-story.html';
const DAILY_NEWS_2019 =
  'http://feeds.nydailynews.com/~r/NydnRss/~3/A1cb0LgAz2M/ny-ice-nypd-detainers-20190818-a2ngqtoudrafvfehfmv436izeu-story.html';
const CITY_LIMITS_2013 =
  'http://www.citylimits.org/news/articles/6057/immigration-detainers-in-nyc-the-numbers';

const CALENDAR_OR_REPORTING =
  'The hearing gave the figure for a year without saying whether it was the calendar year or ' +
  'the twelve months ending September 30 that § 14-154(f) as amended by LL59/2014 sets; the ' +
  'Mayor’s office called it a fiscal year. Both readings are shown.';

const HEARING_2018 = {
  note: 'NYPD Legislative Affairs Director at the City Council Committee on Public Safety, February 2018.',
};

export const NYC_PUBLISHED_FIGURES: readonly PublishedFigures[] = Object.freeze([
  {
    jurisdiction: 'nyc-doc',
    published: 'October 2012 to September 2013',
    readings: [{ basis: 'the report’s stated period', from: '2012-10-01', to: '2013-09-30' }],
    periodNote:
      'DOC’s report under LL62/2011, as City Limits read it ("just over 3,000" honored, not ' +
      'given exactly).',
    transferred: 3074,
    notHonored: 1163,
    sources: [{ url: CITY_LIMITS_2013, note: 'City Limits, reading DOC’s 2013 report.' }],
    verification: 'secondary',
  },
  {
    jurisdiction: 'nyc-nypd',
    published: '2016',
    readings: [
      { basis: 'calendar year', from: '2016-01-01', to: '2016-12-31' },
      { basis: 'statutory reporting year', from: '2015-10-01', to: '2016-09-30' },
    ],
    periodNote: CALENDAR_OR_REPORTING,
    received: 80,
    honored: 2,
    notHonored: 78,
    sources: [
      { url: DAILY_NEWS_2018, ...HEARING_2018 },
      { url: PATCH_2018, note: 'Patch, reporting the same hearing.' },
    ],
    verification: 'secondary',
  },
  {
    jurisdiction: 'nyc-doc',
    published: 'FY2016',
    readings: [
      { basis: 'city fiscal year', from: '2015-07-01', to: '2016-06-30' },
      { basis: 'statutory reporting year', from: '2015-10-01', to: '2016-09-30' },
    ],
    periodNote: 'WNYC gave a fiscal year without saying which; both readings are shown.',
    received: 51,
    honored: 0,
    sources: [{ url: WNYC_2017_REPOST, note: 'WNYC, 2017-12-13, read through a repost.' }],
    verification: 'secondary',
  },
  {
    jurisdiction: 'nyc-doc',
    published: 'FY2017',
    readings: [
      { basis: 'statutory reporting year', from: '2016-10-01', to: '2017-09-30' },
      { basis: 'city fiscal year', from: '2016-07-01', to: '2017-06-30' },
    ],
    periodNote:
      'WNYC wrote of "the fiscal year that ended this fall", which fits the reporting year ' +
      'ending September 30; whether it was the city’s fiscal year is not verified.',
    received: 536,
    honored: 0,
    transferred: 20,
    sources: [{ url: WNYC_2017_REPOST, note: 'WNYC, 2017-12-13, read through a repost.' }],
    verification: 'secondary',
  },
  {
    jurisdiction: 'nyc-nypd',
    published: '2017',
    readings: [
      { basis: 'calendar year', from: '2017-01-01', to: '2017-12-31' },
      { basis: 'statutory reporting year', from: '2016-10-01', to: '2017-09-30' },
    ],
    periodNote: CALENDAR_OR_REPORTING,
    received: 1526,
    honored: 0,
    transferred: 0,
    notHonored: 1526,
    sources: [
      { url: DAILY_NEWS_2018, ...HEARING_2018 },
      { url: PATCH_2018, note: 'Patch, reporting the same hearing.' },
    ],
    verification: 'secondary',
  },
  {
    jurisdiction: 'nyc-nypd',
    published: 'FY2018',
    readings: [{ basis: 'statutory reporting year', from: '2017-07-01', to: '2018-06-30' }],
    periodNote: 'The first report under LL228/2017, for the twelve months ending June 30, 2018.',
    received: 2291,
    honored: 0,
    notHonored: 2291,
    sources: [
      { url: DAILY_NEWS_2019_EDITORIAL, note: 'New York Daily News editorial, 2019-05-20.' },
    ],
    verification: 'secondary',
  },
  {
    jurisdiction: 'nyc-nypd',
    published: 'FY2019',
    readings: [{ basis: 'statutory reporting year', from: '2018-07-01', to: '2019-06-30' }],
    periodNote: 'NYPD’s annual report for the twelve months ending June 30, 2019.',
    received: 2916,
    honored: 0,
    transferred: 0,
    notHonored: 2916,
    sources: [
      { url: DAILY_NEWS_2019, note: 'New York Daily News, 2019-08-18, reading NYPD’s report.' },
    ],
    verification: 'secondary',
  },
]);
