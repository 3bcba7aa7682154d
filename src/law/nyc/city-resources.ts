/**
 * § 10-178 (Local Law 228 of 2017, in force 2018-01-30): no city resources for immigration
 * enforcement, save actions consistent with §§ 9-205, 9-131 and 14-154 and compliance with
 * federal law. It decides the information requests that §§ 14-154 and 9-205 do not address.
 * DOC's own § 9-131(h)(1) governs DOC, whose actions it saves (subd. e(ii)). Subdivision d, the
 * record of each request, binds every agency, DOC included.
 * @module
 */
import { clause, notInForce } from '../../engine/clause.js';
import { any } from '../../engine/condition.js';
import { COVERAGE_START } from '../../engine/clause.js';
import type { Provision } from '../../engine/jurisdiction.js';
import { actionRule } from '../../engine/rule.js';
import { federalBaseline } from '../federal/detainer-regulation.js';
import { informationUnrelatedOrRequired } from './information-facts.js';
import { itemIs } from './record-facts.js';
import { LEGISTAR } from './sources.js';

export const CITY_RESOURCES_ID = 'nyc.10-178.c';

const TITLE = 'No city resources for immigration enforcement';

const LL228 = clause({
  id: CITY_RESOURCES_ID,
  version: 'LL228/2017',
  citation: '§ 10-178(c) and (e), as added by LL228/2017 § 1',
  title: TITLE,
  validFrom: '2018-01-30',
  effective: 'Became law 2017-12-01; in force 60 days later (LL228 § 4).',
  text: `c. No city resources, including, but not limited to, time spent by employees, officers, contractors, or subcontractors while on duty, or the use of city property, shall be utilized for immigration enforcement.
e. Nothing in this section shall prohibit city officers and employees from performing their duties in accordance with state and local law by, including, but not limited to: (i) participating in cooperative arrangements with city, state, or federal law enforcement agencies that are not primarily intended to further immigration enforcement or utilizing city resources in connection with such cooperative arrangements and (ii) taking actions consistent with sections 9-205, 9-131, and 14-154. In addition, nothing in this section shall prevent any city officer or employee from complying with federal law or restrict their discretion to take any action if such restriction is prohibited by federal law.`,
  url: LEGISTAR.LL228_2017,
  verification: 'verbatim',
  note:
    '"Immigration enforcement" (subd. a) covers the civil provisions of the INA and laws penalizing ' +
    'presence, entry or re-entry; LL63/2026 § 4 widened it further. A request for criminal ' +
    're-entry enforcement should be recorded as related to immigration enforcement.',
});

const BEFORE = notInForce({
  id: CITY_RESOURCES_ID,
  citation: '§ 10-178(c)',
  title: TITLE,
  validFrom: COVERAGE_START,
  validTo: '2018-01-30',
  reason: '§ 10-178 was added by Local Law 228 of 2017, in force 2018-01-30',
  url: LEGISTAR.LL228_2017,
});

const STATUS_READING =
  'Subdivision e saves compliance with federal law and actions whose restriction federal law ' +
  'prohibits; 8 U.S.C. § 1373 bars restricting the sharing of citizenship or immigration-status ' +
  'information, so such information may be shared.';

const DETAINER_READING =
  'Probation’s § 9-205 permits honoring a detainer only by holding a person; notifying federal ' +
  'immigration authorities of a release or handing a person over furthers immigration ' +
  'enforcement, so § 10-178(c) is read to forbid it.';

const NO_DETAINER_HELP = actionRule({
  status: 'not-allowed',
  explanation:
    'City resources may not be used for immigration enforcement (§ 10-178(c)); § 9-205 permits only holding.',
  cites: [CITY_RESOURCES_ID],
  interpretation: DETAINER_READING,
});

/**
 * § 10-178 as it decides for an agency. For Probation, whose own section is silent on notices
 * and transfers, it also decides those.
 */
export function cityResourcesProvisions(options: {
  decidesNoticeAndTransfer: boolean;
}): readonly Provision[] {
  const baseline = federalBaseline(CITY_RESOURCES_ID);
  const detainer = options.decidesNoticeAndTransfer;
  return [
    {
      clause: BEFORE,
      decides: detainer
        ? {
            information: baseline.information,
            notify: baseline.notify,
            transfer: baseline.transfer,
          }
        : { information: baseline.information },
    },
    {
      clause: LL228,
      decides: detainer
        ? { information: INFORMATION_RULE, notify: NO_DETAINER_HELP, transfer: NO_DETAINER_HELP }
        : { information: INFORMATION_RULE },
    },
  ];
}

const INFORMATION_RULE = actionRule(
  {
    status: 'not-allowed',
    explanation:
      'City time and resources may not be used to answer a request that furthers immigration enforcement (§ 10-178(c)).',
    cites: [CITY_RESOURCES_ID],
  },
  {
    label: 'Citizenship or immigration-status information (§ 10-178(e), 8 U.S.C. § 1373)',
    when: itemIs('The request asks only for citizenship or immigration status', [
      'citizenship-or-immigration-status',
    ]),
    then: {
      status: 'allowed',
      explanation: 'Sharing citizenship or immigration-status information is saved by § 10-178(e).',
      cites: [CITY_RESOURCES_ID],
      interpretation: STATUS_READING,
    },
  },
  {
    label: 'Unrelated to immigration enforcement, or required by law (§ 10-178(c), (e))',
    when: any(
      {
        label: 'Unrelated to immigration enforcement, or otherwise required by law',
        cites: [CITY_RESOURCES_ID],
      },
      ...informationUnrelatedOrRequired([CITY_RESOURCES_ID]),
    ),
    then: {
      status: 'allowed',
      explanation:
        'The response does not use city resources for immigration enforcement, or federal law requires it (§ 10-178).',
      cites: [CITY_RESOURCES_ID],
    },
  },
);

export const REQUEST_RECORDS_ID = 'nyc.10-178.d';
export const RECORD_REQUEST_DUTY_ID = 'nyc-record-request-and-response';

const REQUEST_RECORDS_TITLE = 'Records of requests for immigration enforcement; quarterly report';

/**
 * § 10-178(d), which binds every agency, DOC included: record each request and the response, for
 * the mayor's quarterly report to the Speaker. Decides nothing; its duty is shown on every request.
 */
export const REQUEST_RECORDS_PROVISIONS: readonly Provision[] = Object.freeze([
  {
    clause: notInForce({
      id: REQUEST_RECORDS_ID,
      citation: '§ 10-178(d)',
      title: REQUEST_RECORDS_TITLE,
      validTo: '2018-01-30',
      reason: '§ 10-178 was added by Local Law 228 of 2017, in force 2018-01-30',
      url: LEGISTAR.LL228_2017,
    }),
  },
  {
    clause: clause({
      id: REQUEST_RECORDS_ID,
      version: 'LL228/2017',
      citation: '§ 10-178(d), as added by LL228/2017 § 1',
      title: REQUEST_RECORDS_TITLE,
      validFrom: '2018-01-30',
      effective: 'Became law 2017-12-01; in force 60 days later (LL228 § 4).',
      text: `d. Whenever any city officer or employee receives a request from a non-local law enforcement agency for the city to provide support or assistance intended to further immigration enforcement, such officer or employee's agency shall make a record relating to such request, including any response or actions taken in response. An office of the mayor, or an agency the head of which is appointed by the mayor, shall be designated by the mayor to submit to the speaker of the council a quarterly report containing an anonymized compilation or summary of such requests and actions taken in response, disaggregated by the requesting non-local law enforcement agency and the agency receiving such a request; provided, however, disclosure of any such information shall not be required if: (i) such disclosure would interfere with law enforcement investigations or (ii) such disclosure is related to actions taken pursuant to clause (i) of subdivision e of this section and would compromise public safety. Such report shall not be required to include information contained in reports required pursuant to section 9-131, 9-205, or 14-154.`,
      url: LEGISTAR.LL228_2017,
      verification: 'verbatim',
      note:
        'The text reaches requests "intended to further immigration enforcement". The duty is ' +
        'shown on every request: a detainer is such a request by definition, and recording an ' +
        'information request that proves unrelated costs nothing. LL63/2026 § 4 widened ' +
        '"immigration enforcement" (subd. a), and with it the requests to record.',
    }),
    duties: [
      {
        id: RECORD_REQUEST_DUTY_ID,
        text: 'Record the request and any response (§ 10-178(d))',
        cites: [REQUEST_RECORDS_ID],
      },
    ],
  },
]);
