/**
 * Where NYC's enacted texts come from (nyc.md § 0 and § 2). Each clause cites the Legistar page
 * of the bill whose final "A" text it quotes.
 * @module
 */
export const LEGISTAR = Object.freeze({
  LL62_2011:
    'https://legistar.council.nyc.gov/LegislationDetail.aspx?ID=967785&GUID=9F7C289B-A8D8-4A95-8882-BF044CBB5EE2',
  LL21_2013:
    'https://legistar.council.nyc.gov/LegislationDetail.aspx?GUID=0D6DEEAF-2ED7-45AD-A9DF-27088096F9B2&ID=1265017',
  LL22_2013:
    'http://legistar.council.nyc.gov/LegislationDetail.aspx?ID=1265016&GUID=84A410A1-533B-47A4-B3AD-EC54878428AA',
  LL58_2014:
    'https://legistar.council.nyc.gov/LegislationDetail.aspx?ID=1935437&GUID=0A456911-54A6-41E5-8C5A-1D3B231D56AA',
  LL59_2014: 'http://nyc.legistar1.com/nyc/attachments/5779c392-f613-40a1-b4e8-e12f9690be18.pdf',
  LL226_2017: 'http://legislation.nyc/id/3023525',
  LL228_2017:
    'http://legistar.council.nyc.gov/LegislationDetail.aspx?GUID=D0BFA473-FA7C-4FA6-83C4-216E9706EE7A&ID=3022098',
  LL63_2026: 'https://nyc.legistar1.com/nyc/attachments/19ab6571-cbcc-4ee3-878d-e4e704af8c19.pdf',
} as const);

/** The last day the NYC texts were checked against the Legistar data (nyc.md § 0). */
export const NYC_LAST_VERIFIED = '2026-08-21';

/**
 * Sources a search result or notice may come from under the 2014 laws: "a search ... accessed
 * through ... e-JusticeNY ... indicates, or the department has been informed by a court or any
 * other governmental entity" (§ 9-131(b)(1)(ii)). Federal immigration authorities are a
 * governmental entity; the text does not exclude them.
 */
export const SEARCH_COURT_OR_GOVERNMENT = Object.freeze([
  'e-justice-ny',
  'court',
  'government-entity',
  'federal-immigration-authorities',
] as const);

/** Any recorded source: for tests that turn on a fact about the person, not on how it was found. */
export const ANY_KNOWN_SOURCE = Object.freeze([
  'e-justice-ny',
  'court',
  'government-entity',
  'federal-immigration-authorities',
  'agency-records',
  'other',
] as const);

/**
 * What every NYC agency shares: the zone, the date the texts were checked, and which event's date
 * selects the law. Holds, notices and transfers happen at the otherwise-release time the sections
 * speak of; an information request is governed when it is answered.
 */
export const NYC_AGENCY = Object.freeze({
  timeZone: 'America/New_York',
  lastVerifiedOn: NYC_LAST_VERIFIED,
  lawDateBasis: {
    hold: 'otherwise-release-time',
    notify: 'otherwise-release-time',
    transfer: 'otherwise-release-time',
    information: 'decision-time',
  },
} as const);
