/**
 * Stable ids of the clauses of NYPD § 14-154 (and § 10-178, which limits every agency). Ids name
 * what a clause is about; each version's citation gives its paragraph number.
 * @module
 */
export const CLAUSE = Object.freeze({
  conviction: 'nyc.14-154.a.conviction',
  coveredCrime: 'nyc.14-154.a.covered-crime',
  coveredCriminalCase: 'nyc.14-154.a.covered-criminal-case',
  pendingCase: 'nyc.14-154.a.pending-case',
  federalImmigrationAuthorities: 'nyc.14-154.a.federal-immigration-authorities',
  judicialWarrant: 'nyc.14-154.a.judicial-warrant',
  terroristScreeningDatabase: 'nyc.14-154.a.terrorist-screening-database',
  violentOrSeriousCrime: 'nyc.14-154.a.violent-or-serious-crime',
  honoring: 'nyc.14-154.b.1',
  fortyEightHourHold: 'nyc.14-154.b.2',
  noConferral: 'nyc.14-154.c',
  cityResources: 'nyc.10-178.c',
} as const);
