/**
 * Where the Oregon texts come from: the Oregon Revised Statutes as published by the Legislature,
 * the Sanctuary Promise Act (HB 3265, 2021), and the Criminal Justice Commission's page on the
 * reports the Act requires.
 * @module
 */
export const SOURCE = Object.freeze({
  ors181A: 'https://www.oregonlegislature.gov/bills_laws/ors/ors181A.html',
  ors180: 'https://www.oregonlegislature.gov/bills_laws/ors/ors180.html',
  sanctuaryPromiseAct: 'https://olis.oregonlegislature.gov/liz/2021R1/Measures/Overview/HB3265',
  commission: 'https://www.oregon.gov/cjc/Pages/sanctuary-promise-violation.aspx',
} as const);

/**
 * The research these texts were checked in records no check date; its latest dated source is of
 * 2025-11-20, so later law dates carry the engine's "past last verification" caution.
 */
export const OREGON_LAST_VERIFIED = '2025-11-20';
