/**
 * Stable ids of the Oregon clauses. ORS 181.850 (1987) was renumbered ORS 181A.820 in 2019 and
 * rewritten by the Sanctuary Promise Act (2021), which moved its subsections: each id follows
 * one rule, and each version's citation gives the number it had.
 * @module
 */
export const CLAUSE = Object.freeze({
  /** ORS 181.850(1), later 181A.820(2): no agency money, equipment or personnel for immigration enforcement. */
  resources: 'or.181a-820.resources',
  /** ORS 181.850(2), later 181A.820(4): information that may be exchanged with federal immigration authorities. */
  informationExchange: 'or.181a-820.information-exchange',
  /** ORS 181.850(3), later 181A.820(5): arrest on a federal magistrate's warrant for an immigration crime. */
  criminalWarrantArrest: 'or.181a-820.criminal-warrant-arrest',
  /** ORS 180.805: information public bodies may not disclose for immigration enforcement (2017). */
  disclosure: 'or.180-805',
  /** ORS 181A.826(1)-(3)(a): public resources may not be used to detain or hold for immigration enforcement. */
  immigrationEnforcement: 'or.181a-826',
  /** ORS 181A.826(3): documented requests reported to the Oregon Criminal Justice Commission. */
  commissionReport: 'or.181a-826.3.report',
  /** ORS 181A.823(1)(c): no information about an individual in custody for civil immigration enforcement. */
  custodyInformation: 'or.181a-823.1.c',
  /** ORS 181A.823(3): the notice to a person committed or detained. */
  arresteeNotice: 'or.181a-823.3',
} as const);
