/**
 * Where the Illinois texts come from: the Illinois General Assembly's Public Acts and the
 * Illinois Compiled Statutes, 5 ILCS 805.
 * @module
 */
export const SOURCE = Object.freeze({
  trustAct: 'https://ilga.gov/legislation/publicacts/100/100-0463.htm',
  wayForwardAct: 'https://ilga.gov/legislation/publicacts/fulltext.asp?Name=102-0234&print=true',
  section15: 'https://witnessslips.ilga.gov/ftp/ILCS/Ch%200005/Act%200805/000508050K15.html',
  section25: 'https://ilga.gov/legislation/ilcs/fulltext.asp?DocName=000508050K25',
  act: 'https://www.ilga.gov/legislation/ilcs/ilcs3.asp?ActID=3818&ChapterID=2',
} as const);

/**
 * The research these texts were checked in records no check date; its latest dated source is of
 * 2025-11-20, so later law dates carry the engine's "past last verification" caution.
 */
export const ILLINOIS_LAST_VERIFIED = '2025-11-20';
