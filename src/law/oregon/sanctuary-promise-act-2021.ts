/**
 * The Sanctuary Promise Act, HB 3265, 2021 c.550: rewrites ORS 181A.820 and 180.805 and adds
 * ORS 181A.822-181A.829, in force 2021-07-19 (emergency clause; signed that day). Public
 * facilities, money and personnel may not be used to detain or hold anyone for immigration
 * enforcement, nor to give federal immigration authorities a person's custody status or release
 * date (ORS 181A.826); every request is declined and documented, and reported to the Criminal
 * Justice Commission; a person committed or detained is told of their right not to disclose
 * their status (ORS 181A.823(3)). The agreements ORS 181A.820(3) and 181A.829 forbid concern no
 * action the engine decides and are not encoded.
 * @module
 */
import { clause } from '../../engine/clause.js';
import type { Clause, Verification } from '../../engine/clause.js';
import type { Provision } from '../../engine/jurisdiction.js';
import { actionRule } from '../../engine/rule.js';
import { CLAUSE } from './clause-ids.js';
import { WARRANT_READING, magistrateImmigrationWarrant } from './facts.js';
import { SANCTUARY_PROMISE_FROM } from './sanctuary-1987.js';
import { SOURCE } from './sources.js';

const VERSION = 'HB 3265 (2021 c.550), the Sanctuary Promise Act';
const EFFECTIVE = 'Emergency clause: in force on passage, 2021-07-19, when the Governor signed it.';

function act2021(spec: {
  id: string;
  citation: string;
  title: string;
  text: string;
  url?: string;
  verification: Verification;
  note?: string;
}): Clause {
  return clause({
    ...spec,
    url: spec.url ?? SOURCE.ors181A,
    version: VERSION,
    validFrom: SANCTUARY_PROMISE_FROM,
    effective: EFFECTIVE,
  });
}

export const RESOURCES = act2021({
  id: CLAUSE.resources,
  citation: 'ORS 181A.820(2), as amended by 2021 c.550 § 9',
  title:
    'No agency resources for detecting or apprehending persons to enforce federal immigration laws',
  text: '(2) A law enforcement agency may not use agency moneys, equipment or personnel for the purpose of detecting or apprehending persons for the purpose of enforcing federal immigration laws.',
  verification: 'verbatim',
});

export const INFORMATION_EXCHANGE = act2021({
  id: CLAUSE.informationExchange,
  citation: 'ORS 181A.820(4), as amended by 2021 c.550 § 9',
  title: 'Only criminal investigation information may be requested',
  text: '(4) Notwithstanding subsection (2) of this section, a law enforcement agency may exchange information with a federal immigration authority in order to request criminal investigation information with reference to persons named in records of the federal immigration authority.',
  verification: 'verbatim',
});

export const CRIMINAL_WARRANT_ARREST = act2021({
  id: CLAUSE.criminalWarrantArrest,
  citation: 'ORS 181A.820(5), as amended by 2021 c.550 § 9',
  title: 'Arrest on a federal magistrate’s warrant for a federal immigration crime',
  text: `(5) Notwithstanding subsection (2) of this section, a law enforcement agency may arrest any person who:
(a) Is charged by the United States with a criminal violation of federal immigration laws under Title II of the Immigration and Nationality Act or 18 U.S.C. 1015, 1422 to 1429 or 1505; and
(b) Is subject to arrest for the crime pursuant to a warrant of arrest issued by a federal magistrate.`,
  verification: 'verbatim',
});

export const DISCLOSURE = act2021({
  id: CLAUSE.disclosure,
  citation: 'ORS 180.805(2), as amended by 2021 c.550',
  title: 'Information a public body may not disclose for immigration enforcement',
  text: `(2) Except as required by state or federal law, a public body may not disclose, for the purpose of enforcement of federal immigration laws, the following information concerning any person, whether current or otherwise:
(a) The person's address;
(b) The person's workplace or hours of work;
(c) The person's school or school hours;
(d) The person's contact information, including telephone number, electronic mail address or social media account information;
(e) The identity of known associates or relatives of the person;
(f) The date, time or location of the person's hearings, proceedings or appointments with the public body that are not matters of public record; or
(g) ...`,
  url: SOURCE.ors180,
  verification: 'verbatim',
  note: 'Paragraph (g) and subsections (1) and (3)-(4) are left out; ORS 181A.826 now decides information requests.',
});

export const IMMIGRATION_ENFORCEMENT = act2021({
  id: CLAUSE.immigrationEnforcement,
  citation: 'ORS 181A.826(1)-(3)(a), as added by 2021 c.550',
  title: 'No public resources to detain or hold individuals for immigration enforcement',
  text: `(1) Public facilities, property, moneys, equipment, technology or personnel may not be used for the purpose of investigating, detecting, apprehending, arresting, detaining or holding individuals for immigration enforcement.
(2) Actions with a purpose described in subsection (1) of this section include, but are not limited to, the following:
(a) Granting a federal immigration agency access to an area of a facility that is not normally open to the public.
(b) Supporting or assisting a federal agency in immigration enforcement, including but not limited to any of the following:
(A) Providing information, including but not limited to an individual's contact information, country of birth, custody status, release date, parole, probation or post-prison supervision appointment dates or times, or home or work address, except as provided in ORS 181A.823;
(B) Investigating or interrogating individuals for immigration enforcement; or
(C) Establishing traffic perimeters for the purpose of supporting or facilitating immigration enforcement.
(3)(a) If a public body receives a communication or request from a federal agency that relates to immigration enforcement, other than a judicial subpoena described in ORS 181A.823 (1)(c)(A), the public body shall decline the request and document the communication or request. ...`,
  verification: 'verbatim',
});

export const COMMISSION_REPORT = act2021({
  id: CLAUSE.commissionReport,
  citation: 'ORS 181A.826(3), as added by 2021 c.550',
  title: 'Documented requests reported to the Oregon Criminal Justice Commission',
  text: '[Substance, not the wording:] The documentation of each declined communication or request goes to the agency’s director and on to the Oregon Criminal Justice Commission, at least monthly in any month a request is received; no report is due for a month with none. The Commission publishes the reports and an annual report each 1 July.',
  url: SOURCE.commission,
  verification: 'secondary',
  note: 'From the Commission’s page on Sanctuary Promise reports; the statute’s wording after "provided to the director or oth[er]" was not read.',
});

export const CUSTODY_INFORMATION = act2021({
  id: CLAUSE.custodyInformation,
  citation: 'ORS 181A.823(1)(c), as added by 2021 c.550',
  title: 'No information about an individual in custody for civil immigration enforcement',
  text: `(1) A law enforcement agency or public body may not: ...
(c) Provide information about an individual in the custody of the public body or law enforcement agency to a federal immigration authority for the purpose of civil immigration enforcement, except:
(A) As may be required by a judicial subpoena issued as part of a court ...`,
  verification: 'verbatim',
  note: 'Copied as far as it was read; the rest of the exception in (A) and any later exceptions were not.',
});

export const ARRESTEE_NOTICE = act2021({
  id: CLAUSE.arresteeNotice,
  citation: 'ORS 181A.823(3), as added by 2021 c.550',
  title: 'Notice to a person committed or detained of the right not to disclose status',
  text: '[Substance, not the wording:] A law enforcement agency must explain to an individual it commits or detains, in writing and in the language the individual prefers, that they have the right to refuse to disclose their nationality, citizenship or immigration status, and that disclosing it may have immigration consequences.',
  verification: 'secondary',
  note: 'From the bill summary and the Oregon Department of Justice’s toolkit; the statute’s wording was not read.',
});

const ENFORCEMENT_CITES = [CLAUSE.immigrationEnforcement];

const transferWarrant = magistrateImmigrationWarrant([CLAUSE.criminalWarrantArrest]);

export const SANCTUARY_PROMISE_PROVISIONS: readonly Provision[] = Object.freeze([
  { clause: RESOURCES },
  { clause: INFORMATION_EXCHANGE },
  { clause: CRIMINAL_WARRANT_ARREST },
  { clause: DISCLOSURE },
  {
    clause: IMMIGRATION_ENFORCEMENT,
    decides: {
      hold: actionRule({
        status: 'not-allowed',
        explanation:
          'Public facilities and personnel may not be used for "detaining or holding individuals ' +
          'for immigration enforcement" (ORS 181A.826(1)), whatever the person’s record. An arrest ' +
          'on a federal magistrate’s warrant for an immigration crime is made on the warrant, not ' +
          'as a hold: see the transfer rule.',
        cites: ENFORCEMENT_CITES,
      }),
      notify: actionRule({
        status: 'not-allowed',
        explanation:
          'Providing a person’s custody status or release date to a federal agency is assisting ' +
          'immigration enforcement, which ORS 181A.826(2)(b)(A) forbids.',
        cites: ENFORCEMENT_CITES,
      }),
      transfer: actionRule(
        {
          status: 'not-allowed',
          explanation:
            'Handing a person to immigration authorities is detaining or holding them for ' +
            'immigration enforcement (ORS 181A.826(1)); an administrative warrant does not change that.',
          cites: ENFORCEMENT_CITES,
        },
        {
          label: 'A federal magistrate’s warrant for a federal immigration crime (ORS 181A.820(5))',
          when: transferWarrant,
          then: {
            status: 'allowed',
            explanation:
              'ORS 181A.820(5) lets the agency arrest a person charged with a federal immigration ' +
              'crime on a federal magistrate’s warrant; the hand-over is on that warrant.',
            cites: [CLAUSE.criminalWarrantArrest, CLAUSE.immigrationEnforcement],
            interpretation: WARRANT_READING,
          },
        },
      ),
      information: actionRule({
        status: 'not-allowed',
        explanation:
          'Providing information about a person, including contact information, country of birth, ' +
          'custody status, release date or address, to a federal agency for immigration ' +
          'enforcement is forbidden (ORS 181A.826(2)(b)(A)), and so is information about a person ' +
          'in custody for civil immigration enforcement (ORS 181A.823(1)(c)).',
        cites: [CLAUSE.immigrationEnforcement, CLAUSE.custodyInformation],
      }),
    },
    duties: [
      {
        id: 'or-decline-and-document',
        text:
          'Decline the request and document it (ORS 181A.826(3)(a)): every communication or ' +
          'request from a federal agency relating to immigration enforcement, other than a ' +
          'judicial subpoena, is declined and documented.',
        cites: ENFORCEMENT_CITES,
      },
    ],
  },
  {
    clause: COMMISSION_REPORT,
    duties: [
      {
        id: 'or-report-to-commission',
        text:
          'Report the declined request to the Oregon Criminal Justice Commission, in the report ' +
          'for the month it was received (ORS 181A.826(3)).',
        cites: [CLAUSE.commissionReport],
      },
    ],
  },
  {
    clause: CUSTODY_INFORMATION,
    cautions: [
      {
        id: 'or-judicial-subpoena',
        text:
          'A judicial subpoena issued as part of a court proceeding may require information about ' +
          'a person in custody (ORS 181A.823(1)(c)(A)); it is not a request to decline. Send any ' +
          'subpoena to a legal reviewer.',
        cites: [CLAUSE.custodyInformation],
        actions: ['notify', 'information'],
      },
    ],
  },
  {
    clause: ARRESTEE_NOTICE,
    duties: [
      {
        id: 'or-arrestee-notice',
        text:
          'Tell the person in writing, in the language they prefer, that they may refuse to ' +
          'disclose their nationality, citizenship or immigration status, and that disclosing it ' +
          'may have immigration consequences (ORS 181A.823(3)).',
        cites: [CLAUSE.arresteeNotice],
      },
    ],
  },
]);
