/**
 * Where the California texts come from (jurisdictions.md § 2.1), and how far they are verified.
 * @module
 */
export const SOURCE = Object.freeze({
  /** AB 4 as known from secondary summaries; the chaptered text was not read. */
  trustAct: 'http://www.fatonelaw.com/blog/2014/3/30/the-trust-act-cal-govt-code-7282-72825',
  truthAct: 'https://self-law.org/code/ca/government-code/7283-1',
  valuesAct: 'https://leginfo.legislature.ca.gov/faces/billTextClient.xhtml?bill_id=201720180SB54',
} as const);

/**
 * jurisdictions.md records no check date; its latest dated source is of 2025-11-20, so later law
 * dates carry the engine's "past last verification" caution.
 */
export const CALIFORNIA_LAST_VERIFIED = '2025-11-20';

/**
 * Why clauses the research file marks [V] are still `secondary` here: the file gives their
 * substance and a few exact phrases, not the chaptered wording, and the text hash must not
 * claim otherwise.
 */
export const RENDERED_FROM_RESEARCH =
  'The research file marks this [V] (its author read the enacted wording) but records only its ' +
  'substance; quoted words are exact, the rest is that rendering. Kept "secondary" until the ' +
  'chaptered wording replaces it.';
