/**
 * Oregon's 1987 law, 1987 c.467 § 1 (ORS 181.850; amended by 2003 c.571 § 1, renumbered ORS
 * 181A.820 by 2019 c.13 § 32), in force before the engine's first day and until the Sanctuary
 * Promise Act rewrote it on 2021-07-19. It forbids spending agency money, equipment or personnel
 * on detecting or apprehending people "whose only violation of law" is their immigration status;
 * it says nothing of detainers. With it, ORS 180.805 (2017): public bodies may not disclose a
 * person's address, workplace, contacts or non-public hearing dates for immigration enforcement.
 * @module
 */
import { clause, COVERAGE_START } from '../../engine/clause.js';
import type { Clause } from '../../engine/clause.js';
import { all, fact } from '../../engine/condition.js';
import type { Provision } from '../../engine/jurisdiction.js';
import { actionRule } from '../../engine/rule.js';
import { UNKNOWN } from '../../engine/tri.js';
import { FEDERAL_HOLD_LIMIT, DETAINER_IS_A_REQUEST } from '../federal/detainer-regulation.js';
import { CLAUSE } from './clause-ids.js';
import { itemIs } from '../request-facts.js';
import { SOURCE } from './sources.js';

export const SANCTUARY_PROMISE_FROM = '2021-07-19';
/** 2003 c.571 carries no emergency clause in the sources read: ORS 171.022's 1 January 2004. */
const AMENDED_2003 = '2004-01-01';
export const DISCLOSURE_FROM = '2017-08-15';

const ORIGINAL = '1987 c.467 § 1';
const AMENDED =
  '1987 c.467 § 1, as amended by 2003 c.571 § 1 (ORS 181.850; ORS 181A.820 from 2019)';
const NOT_READ_1987 =
  'The text is the ORS 181.850 wording after 2003 c.571 (the same in ORS 181A.820 as renumbered ' +
  'in 2019); the 1987 session-law wording in force before 2004 was not read.';
const AMENDED_EFFECTIVE =
  '2003 c.571 read as in force on 2004-01-01, the ordinary effective date (ORS 171.022); not ' +
  'checked against the session law.';

/** One subsection of ORS 181.850, before and after 2003 c.571. */
function section181850(spec: { id: string; subsection: string; title: string; text: string }) {
  const base = { id: spec.id, title: spec.title, text: spec.text, url: SOURCE.ors181A };
  return {
    original: clause({
      ...base,
      version: ORIGINAL,
      citation: `ORS 181.850${spec.subsection} (1987 c.467 § 1)`,
      validFrom: COVERAGE_START,
      validTo: AMENDED_2003,
      effective: 'Enacted 1987; in force before the engine’s first day.',
      verification: 'secondary',
      note: NOT_READ_1987,
    }),
    amended: clause({
      ...base,
      version: AMENDED,
      citation: `ORS 181.850${spec.subsection}, as amended by 2003 c.571 § 1 (ORS 181A.820${spec.subsection} from 2019)`,
      validFrom: AMENDED_2003,
      validTo: SANCTUARY_PROMISE_FROM,
      effective: AMENDED_EFFECTIVE,
      verification: 'verbatim',
    }),
  };
}

const RESOURCES = section181850({
  id: CLAUSE.resources,
  subsection: '(1)',
  title:
    'No agency resources to detect or apprehend people whose only violation is immigration status',
  text: '(1) No law enforcement agency of the State of Oregon or of any political subdivision of the state shall use agency moneys, equipment or personnel for the purpose of detecting or apprehending persons whose only violation of law is that they are persons of foreign citizenship present in the United States in violation of federal immigration laws.',
});

const CRIMINAL_WARRANT_ARREST = section181850({
  id: CLAUSE.criminalWarrantArrest,
  subsection: '(3)',
  title: 'Arrest on a federal magistrate’s warrant for a federal immigration crime',
  text: `(3) Notwithstanding subsection (1) of this section, a law enforcement agency may arrest any person who:
(a) Is charged by the United States with a criminal violation of federal immigration laws under Title II of the Immigration and Nationality Act or 18 U.S.C. 1015, 1422 to 1429 or 1505; and
(b) Is subject to arrest for the crime pursuant to a warrant of arrest issued by a federal magistrate.`,
});

export const INFORMATION_EXCHANGE: Clause = clause({
  id: CLAUSE.informationExchange,
  version: AMENDED,
  citation: 'ORS 181.850(2) (ORS 181A.820(2) from 2019)',
  title: 'Information that may be exchanged with federal immigration authorities',
  validFrom: COVERAGE_START,
  validTo: SANCTUARY_PROMISE_FROM,
  effective: 'Enacted 1987; the federal agencies’ names were changed in 2003 and 2019.',
  text: `(2) Notwithstanding subsection (1) of this section, a law enforcement agency may exchange information with United States Immigration and Customs Enforcement, United States Citizenship and Immigration Services and United States Customs and Border Protection in order to:
(a) Verify the immigration status of a person if the person is arrested for any criminal offense; or
(b) Request criminal investigation information with reference to persons named in records of United States Immigration and Customs Enforcement, United States Citizenship and Immigration Services or United States Customs and Border Protection.`,
  url: SOURCE.ors181A,
  verification: 'secondary',
  note:
    'The ORS 181A.820 wording of 2019. The 2003 text named the "United States Bureau of" each ' +
    'agency, and the 1987 text (not read) the agencies of its day; the substance is read as the same.',
});

export const DISCLOSURE: Clause = clause({
  id: CLAUSE.disclosure,
  version: '2017 ORS 180.805',
  citation: 'ORS 180.805(1) (2017)',
  title: 'Information a public body may not disclose for immigration enforcement',
  validFrom: DISCLOSURE_FROM,
  validTo: SANCTUARY_PROMISE_FROM,
  effective:
    'Read as in force on 2017-08-15, the day from which subsection (4) counts the first ' +
    'confidentiality review; the session law’s effective-date clause was not read.',
  text: `(1) Except as required by state or federal law, a public body may not disclose, for the purpose of enforcement of federal immigration laws, the following information concerning any person, whether current or otherwise:
(a) The person's address;
(b) The person's workplace or hours of work;
(c) The person's school or school hours;
(d) The person's contact information, including telephone number, electronic mail address or social media account information;
(e) The identity of known associates or relatives of the person;
(f) The date, time or location of the person's hearings, proceedings or appointments with the public body that are not matters of public record; or
(g) Information described in paragraphs (a) through (f) of this subsection with respect to known relatives or associates of the person.`,
  url: SOURCE.ors180,
  verification: 'verbatim',
});

const NOT_REACHED =
  'ORS 181.850(1) bars agency resources for detecting or apprehending persons "whose only ' +
  'violation of law" is their presence in violation of federal immigration laws. It is read as ' +
  'not reaching a person already in custody on a criminal matter, about whom (2)(a) lets the ' +
  'agency exchange status information; the text does not speak of detainers. A legal reviewer ' +
  'should confirm, above all for a person held on no criminal charge.';

const RESOURCE_CITES = [CLAUSE.resources, DETAINER_IS_A_REQUEST.id];

const ORIGINAL_RULES = {
  hold: actionRule({
    status: 'allowed',
    explanation:
      'Oregon law does not bar honouring a detainer for a person in custody on a criminal matter; ' +
      'the detainer is a request, and a hold may not exceed the federal limit.',
    cites: RESOURCE_CITES,
    interpretation: NOT_REACHED,
    holdLimit: FEDERAL_HOLD_LIMIT,
  }),
  notify: actionRule({
    status: 'allowed',
    explanation: 'Oregon law does not bar answering a detainer’s request for notice of release.',
    cites: RESOURCE_CITES,
    interpretation: NOT_REACHED,
  }),
  transfer: actionRule({
    status: 'allowed',
    explanation: 'Oregon law does not bar handing the person over at release on a detainer.',
    cites: RESOURCE_CITES,
    interpretation: NOT_REACHED,
  }),
};

const ONLY_IMMIGRATION: Provision['cautions'] = [
  {
    id: 'or-only-violation-immigration',
    text:
      'If the person is held on no criminal charge or conviction, so that their only violation ' +
      'of law may be their immigration status, ORS 181.850(1) may forbid spending agency ' +
      'resources on the detainer: ask a legal reviewer before acting on it.',
    cites: [CLAUSE.resources],
    actions: ['hold', 'notify', 'transfer'],
  },
];

/** Before ORS 180.805: § 181.850(2) allows the exchanges it names and limits no others. */
export const EXCHANGE_RULE = actionRule({
  status: 'allowed',
  explanation:
    'ORS 181.850(2) lets the agency exchange information with federal immigration authorities to ' +
    'verify the status of a person arrested for a crime or to request criminal investigation ' +
    'information; no Oregon law limited other answers before ORS 180.805 (2017).',
  cites: [CLAUSE.informationExchange, CLAUSE.disclosure],
  interpretation:
    'Answering a request about a person in custody is read as neither "detecting" nor ' +
    '"apprehending" under ORS 181.850(1); (2) names two exchanges it permits and is not read as ' +
    'forbidding others. A legal reviewer should confirm.',
});

const REQUIRED_BY_LAW = fact({
  label: 'Disclosure is required by state or federal law',
  cites: [CLAUSE.disclosure],
  path: 'request.informationRequiredByLaw',
  question:
    'Does a state or federal law (or a subpoena under one) require giving this information?',
  decidedBy: 'legal-reviewer',
  read: (ctx) => ctx.case.request.informationRequiredByLaw ?? UNKNOWN,
});

const PUBLIC_RECORD = fact({
  label: 'The hearing, proceeding or appointment dates are a matter of public record',
  cites: [CLAUSE.disclosure],
  path: 'request.informationPubliclyAvailable',
  question: 'Are the dates asked for a matter of public record?',
  read: (ctx) => ctx.case.request.informationPubliclyAvailable ?? UNKNOWN,
});

const PERSONAL_READING =
  'The case format’s "personal information" is read as the items ORS 180.805(1)(a)-(e) and (g) ' +
  'list: address, workplace or hours, school, contact information, associates or relatives.';

const isCourtDates = itemIs(
  'The request asks for court dates',
  ['court-dates'],
  [CLAUSE.disclosure],
);

const DISCLOSURE_RULE = actionRule(
  {
    status: 'allowed',
    explanation:
      'ORS 180.805(1) names the information a public body may not disclose for immigration ' +
      'enforcement; this item is not among them, and ORS 181.850(2) allows status and criminal ' +
      'investigation exchanges.',
    cites: [CLAUSE.disclosure, CLAUSE.informationExchange],
  },
  {
    label: 'Not an item ORS 180.805(1) lists',
    when: itemIs(
      'The request asks for an item ORS 180.805(1) does not list',
      [
        'release-date',
        'incarceration-status',
        'citizenship-or-immigration-status',
        'criminal-history',
        'other',
      ],
      [CLAUSE.disclosure],
    ),
    then: {
      status: 'allowed',
      explanation:
        'ORS 180.805(1) does not list this item, and ORS 181.850(2) allows status and criminal ' +
        'investigation exchanges.',
      cites: [CLAUSE.disclosure, CLAUSE.informationExchange],
    },
  },
  {
    label: 'Required by state or federal law (ORS 180.805(1))',
    when: REQUIRED_BY_LAW,
    then: {
      status: 'allowed',
      explanation: 'ORS 180.805(1) yields where state or federal law requires the disclosure.',
      cites: [CLAUSE.disclosure],
    },
  },
  {
    label: 'Dates that are a matter of public record (ORS 180.805(1)(f))',
    when: all(
      { label: 'Court dates that are a matter of public record', cites: [CLAUSE.disclosure] },
      isCourtDates,
      PUBLIC_RECORD,
    ),
    then: {
      status: 'allowed',
      explanation: 'ORS 180.805(1)(f) protects only dates that are not matters of public record.',
      cites: [CLAUSE.disclosure],
      interpretation:
        'The case records whether the information is available to the public; dates that are ' +
        'are read as "matters of public record".',
    },
  },
  {
    label: 'Hearing or appointment dates (ORS 180.805(1)(f))',
    when: isCourtDates,
    then: {
      status: 'not-allowed',
      explanation:
        'A public body may not disclose the dates of a person’s hearings, proceedings or ' +
        'appointments that are not matters of public record (ORS 180.805(1)(f)).',
      cites: [CLAUSE.disclosure],
    },
  },
  {
    label:
      'Address, workplace, school, contact information or associates (ORS 180.805(1)(a)-(e), (g))',
    when: itemIs(
      'The request asks for personal information',
      ['personal-information'],
      [CLAUSE.disclosure],
    ),
    then: {
      status: 'not-allowed',
      explanation:
        'A public body may not disclose a person’s address, workplace, school, contact ' +
        'information or associates for immigration enforcement, except as state or federal law ' +
        'requires (ORS 180.805(1)).',
      cites: [CLAUSE.disclosure],
      interpretation: PERSONAL_READING,
    },
  },
);

export const SANCTUARY_1987_PROVISIONS: readonly Provision[] = Object.freeze([
  { clause: RESOURCES.original, decides: ORIGINAL_RULES, cautions: ONLY_IMMIGRATION },
  { clause: RESOURCES.amended, decides: ORIGINAL_RULES, cautions: ONLY_IMMIGRATION },
  { clause: CRIMINAL_WARRANT_ARREST.original },
  { clause: CRIMINAL_WARRANT_ARREST.amended },
  { clause: INFORMATION_EXCHANGE },
  { clause: DISCLOSURE, decides: { information: DISCLOSURE_RULE } },
]);
