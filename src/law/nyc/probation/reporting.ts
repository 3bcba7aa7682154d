/**
 * Probation § 9-205(f), the annual report, and (g), publication of the department's policy on
 * federal information requests (LL226/2017). They decide no request; encoded as text so `law
 * show` renders § 9-205 whole and the mandated-reports feature can cite them. Text: nyc.md
 * § 2.6, the final A text.
 * @module
 */
import { clause, notInForce } from '../../../engine/clause.js';
import type { Provision } from '../../../engine/jurisdiction.js';
import { LEGISTAR } from '../sources.js';

export const PROBATION_SUBDIVISION = Object.freeze({
  reporting: 'nyc.9-205.f',
  publishPolicy: 'nyc.9-205.g',
} as const);

const BECAME_LAW = '2017-12-01';
/** Subdivision g "takes effect 90 days after it becomes law" (LL226 § 2). */
const POLICY_FROM = '2018-03-01';
const NOT_YET = '§ 9-205 was added by Local Law 226 of 2017, in force 2017-12-01';

const REPORTING = 'Reporting';
const PUBLISH_POLICY = 'Publication of policy required';

export const PROBATION_REPORTING_PROVISIONS: readonly Provision[] = Object.freeze(
  [
    notInForce({
      id: PROBATION_SUBDIVISION.reporting,
      citation: '§ 9-205(f)',
      title: REPORTING,
      validTo: BECAME_LAW,
      reason: NOT_YET,
      url: LEGISTAR.LL226_2017,
    }),
    clause({
      id: PROBATION_SUBDIVISION.reporting,
      version: 'LL226/2017',
      citation: '§ 9-205(f), as added by LL226/2017 § 1',
      title: REPORTING,
      validFrom: BECAME_LAW,
      effective: 'Became law 2017-12-01 and took effect immediately (LL226 § 2).',
      text: `f. Reporting. No later than September 1, 2018, and no later than September 1 of each year thereafter, the department shall post a report on its website that includes the following information for the preceding 12-month period ending June 30:
1. the number of civil immigration detainers received from federal immigration authorities;
2. the number of persons held pursuant to civil immigration detainers;
3. the number of persons transferred to the custody of federal immigration authorities pursuant to civil immigration detainers;
4. the number of persons for whom civil immigration detainers were not honored; and
5. the number of requests from federal immigration authorities concerning a person's incarceration status, release dates, court appearance dates, scheduled appointment dates or times, or any other information related to such person, and the number of responses honoring such requests, disaggregated by:
i. the number of responses to federal immigration authorities concerning a person with no convictions for a violent or serious crime, disaggregated by the number of such responses that included incarceration status, release dates, court appearance dates, scheduled appointment dates or times, or other types of information, and whether the department facilitated the transfer of such persons to the custody of federal immigration authorities;
ii. the number of responses to federal immigration authorities concerning a person with at least one conviction for a violent or serious crime, disaggregated by the number of such responses that included incarceration status, release dates, court appearance dates, scheduled appointment dates or times, or other types of information, and whether the department facilitated the transfer of such persons to the custody of federal immigration authorities; and
iii. the number of responses to federal immigration authorities concerning a person with no convictions for a violent or serious crime who were identified as a possible match in the terrorist screening database, disaggregated by the number of such responses that included incarceration status, release dates, court appearance dates, scheduled appointment dates or times, or other types of information, and whether the department facilitated the transfer of such persons to the custody of federal immigration authorities.`,
      url: LEGISTAR.LL226_2017,
      verification: 'verbatim',
      note:
        'LL226 § 2: information newly required by subdivision f is required "only for periods ' +
        'beginning 60 days after the effective date", that is from 2018-01-30.',
    }),
    notInForce({
      id: PROBATION_SUBDIVISION.publishPolicy,
      citation: '§ 9-205(g)',
      title: PUBLISH_POLICY,
      validTo: POLICY_FROM,
      reason:
        'subdivision g took effect 90 days after LL226/2017 became law on 2017-12-01 (LL226 § 2)',
      url: LEGISTAR.LL226_2017,
    }),
    clause({
      id: PROBATION_SUBDIVISION.publishPolicy,
      version: 'LL226/2017',
      citation: '§ 9-205(g), as added by LL226/2017 § 1',
      title: PUBLISH_POLICY,
      validFrom: POLICY_FROM,
      effective: 'Became law 2017-12-01; subdivision g in force 90 days later (LL226 § 2).',
      text: `g. Publication of policy required. The department shall publish on its website its policy regarding requests for information from federal immigration authorities.`,
      url: LEGISTAR.LL226_2017,
      verification: 'verbatim',
    }),
  ].map((version) => ({ clause: version })),
);
