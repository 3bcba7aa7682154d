/**
 * Stable ids of the clauses of DOC § 9-131. Paragraph numbers moved between versions (the
 * definition of "federal immigration authorities" was (a)(4), then (a)(6), then (a)(4) again),
 * so ids name what a clause is about; each version's citation gives its number.
 * @module
 */
export const CLAUSE = Object.freeze({
  conviction: 'nyc.9-131.a.conviction',
  coveredCrime: 'nyc.9-131.a.covered-crime',
  coveredCriminalCase: 'nyc.9-131.a.covered-criminal-case',
  pendingCase: 'nyc.9-131.a.pending-case',
  federalImmigrationAuthorities: 'nyc.9-131.a.federal-immigration-authorities',
  judicialWarrant: 'nyc.9-131.a.judicial-warrant',
  terroristScreeningDatabase: 'nyc.9-131.a.terrorist-screening-database',
  violentOrSeriousCrime: 'nyc.9-131.a.violent-or-serious-crime',
  honoring: 'nyc.9-131.b',
  noConferral: 'nyc.9-131.c',
  information: 'nyc.9-131.h.1',
} as const);
