/**
 * The Illinois Way Forward Act, SB 667, P.A. 102-0234: amends 5 ILCS 805 §§ 5, 10 and 15 and
 * adds § 25 (reporting) and § 30 (enforcement), in force 2021-08-02. No detention on, or other
 * compliance with, an immigration detainer or civil immigration warrant (§ 15(a)); § 15(c)'s
 * federal-warrant exception is blank; unless presented with a federal criminal warrant, no
 * transfer to, or non-public information for, immigration agents (§ 15(g)). § 30 concerns no
 * action the engine decides and is not encoded.
 * @module
 */
import { clause } from '../../engine/clause.js';
import type { Clause, Verification } from '../../engine/clause.js';
import type { Provision } from '../../engine/jurisdiction.js';
import { actionRule } from '../../engine/rule.js';
import { CLAUSE } from './clause-ids.js';
import { WARRANT_READING, federalWarrant, publiclyAvailable } from './facts.js';
import { itemIs } from '../request-facts.js';
import { SOURCE } from './sources.js';
import { WAY_FORWARD_FROM } from './trust-act-2017.js';

const VERSION = 'P.A. 102-0234 (SB 667, 2021)';
const EFFECTIVE =
  'In force 2021-08-02 ("P.A. 102-234, eff. 8-2-21" in the amended sections’ source notes).';

function wayForward(spec: {
  id: string;
  citation: string;
  title: string;
  text: string;
  url: string;
  verification: Verification;
  note?: string;
}): Clause {
  return clause({ ...spec, version: VERSION, validFrom: WAY_FORWARD_FROM, effective: EFFECTIVE });
}

export const PURPOSE = wayForward({
  id: CLAUSE.purpose,
  citation: '5 ILCS 805/5, as amended by P.A. 102-0234',
  title: 'Legislative purpose; citizenship and immigration-status information',
  text: `Sec. 5. Legislative purpose. Recognizing that State law does not currently grant State or local law enforcement the authority to enforce federal civil immigration laws, it is the intent of the General Assembly that nothing in this Act shall be construed to authorize any law enforcement agency or law enforcement official to enforce federal civil immigration law. The changes made to the definitions of immigration detainer and civil immigration warrant (formerly "non-judicial immigration warrant") by Section 10 of this amendatory Act of the 102nd General Assembly are declarative of existing law. This Act shall not be construed to prohibit or restrict any entity from sending to, or receiving from, the United States Department of Homeland Security or other federal, State, or local government entity information regarding the citizenship or immigration status of any individual ...`,
  url: SOURCE.act,
  verification: 'verbatim',
  note:
    'Copied from the compiled section as far as it was read. The rest (in 2017: "under Sections ' +
    '1373 and 1644 of Title 8 of the United States Code" and the NCIC and LEADS sentence) was not ' +
    'read in the amended text, so the LEADS caution of the 2017 version is not repeated here.',
});

export const DEFINITIONS = wayForward({
  id: CLAUSE.definitions,
  citation: '5 ILCS 805/10, as amended by P.A. 102-0234',
  title: '"Immigration detainer" and "civil immigration warrant"',
  text: `[Substance, not the wording:] "Immigration detainer" is a document issued by an immigration agent, not approved or ordered by a judge, that asks a law enforcement agency or official to give notice of release or to maintain custody, expressly including DHS Form I-247A and any predecessor or successor form. "Civil immigration warrant" (formerly "non-judicial immigration warrant") is a document not approved or ordered by a judge that can form the basis of an arrest or detention for civil immigration enforcement, such as Forms I-200 and I-205; it does not include any criminal warrant.`,
  url: SOURCE.wayForwardAct,
  verification: 'secondary',
  note: 'The amended definitions were summarised from the bill, not copied; § 5 declares the changes "declarative of existing law".',
});

export const DETAINERS = wayForward({
  id: CLAUSE.detainers,
  citation: '5 ILCS 805/15(a), as amended by P.A. 102-0234',
  title:
    'No detention on, or other compliance with, an immigration detainer or civil immigration warrant',
  text: `(a) A law enforcement agency or law enforcement official shall not detain or continue to detain any individual solely on the basis of any immigration detainer or civil immigration warrant or otherwise comply with an immigration detainer or civil immigration warrant.`,
  url: SOURCE.section15,
  verification: 'verbatim',
});

export const FEDERAL_WARRANT = wayForward({
  id: CLAUSE.federalWarrant,
  citation: '5 ILCS 805/15(c), as amended by P.A. 102-0234',
  title: 'Blank',
  text: '(c) (Blank).',
  url: SOURCE.section15,
  verification: 'verbatim',
});

export const CIVIL_ENFORCEMENT_SUPPORT = wayForward({
  id: CLAUSE.civilEnforcementSupport,
  citation: '5 ILCS 805/15(g), as added by P.A. 102-0234',
  title:
    'No transfer or non-public information for civil immigration enforcement without a federal criminal warrant',
  text: `(g) [Not read. Opening words from a bill digest: "Unless presented with a federal criminal warrant, or otherwise required by federal law," a law enforcement agency or official may not ... The list, from recollection: participate in or assist civil immigration enforcement operations; enter into or renew immigration detention or 287(g) agreements; give immigration agents access, including by telephone, to a person in custody; transfer a person into immigration agents' custody; permit use of agency facilities or non-public databases; or give immigration agents non-public information such as a release date or home or work address.]`,
  url: SOURCE.section15,
  verification: 'unverified',
  note: 'Only the opening words are from a secondary source (the bill digest); the list is unverified. Every decision under this clause flags it.',
});

export const REPORTING = wayForward({
  id: CLAUSE.reporting,
  citation: '5 ILCS 805/25, as added by P.A. 102-0234',
  title: 'Annual report to the Attorney General',
  text: `Sec. 25. Reporting requirements. (a) In order to ensure compliance with this Act, starting on the effective date of this amendatory Act of the 102nd General Assembly, law enforcement agencies shall submit a report annually to the Attorney General. This report shall include:
(1) Any requests from the United States Department of Homeland Security, including, but not limited to, Immigration and Customs and Enforcement, with respect to participation, support, or assistance in any immigration agent's civil enforcement operation, and any documentation regarding how the request was addressed, provided that if an agency does not receive any such requests during a reporting period, the agency shall certify and report that it received no such requests;
(2) All immigration detainers or civil immigration warrants received by the law enforcement agency, provided that if an agency does not receive any such detainers or warrants during a reporting period, the agency shall certify and report that it received no such detainers or warrants. The reports shall include:
(A) the date when the immigration detainer or civil immigration warrant was received;
(B) the date and time the individual subject to the immigration detainer or civil immigration warrant posted criminal bail, if applicable;
(C) whether the individual subject to the immigration detainer or civil immigration warrant was released or transferred;
(D) the date and time the individual was released or transferred; and
(E) if the individual is transferred, to which governmental agency's custody.
(b) Law enforcement agencies shall not include names or other personally identifying information in any reports required under this Section.`,
  url: SOURCE.section25,
  verification: 'verbatim',
});

const DETAINER_CITES = [CLAUSE.detainers, CLAUSE.definitions];
const SUPPORT_CITES = [CLAUSE.civilEnforcementSupport];
const warrant = federalWarrant('A federal criminal warrant is presented (§ 15(g))', SUPPORT_CITES);
const WARRANT_OUTCOME = {
  status: 'allowed' as const,
  explanation:
    '§ 15(g) lifts its bar when the agency is presented with a federal criminal warrant; the ' +
    'person is handed over on the warrant, not on the detainer.',
  cites: SUPPORT_CITES,
  interpretation: WARRANT_READING,
};

const PUBLIC_READING =
  'Read from the unverified wording of § 15(g), which bars "non-public" information: ' +
  'information available to the public may be given. A legal reviewer should confirm.';

export const WAY_FORWARD_PROVISIONS: readonly Provision[] = Object.freeze([
  { clause: PURPOSE },
  { clause: DEFINITIONS },
  {
    clause: DETAINERS,
    decides: {
      hold: actionRule({
        status: 'not-allowed',
        explanation:
          'No one may be detained or kept in custody solely on an immigration detainer or a ' +
          'civil immigration warrant (5 ILCS 805/15(a)), whatever their record; § 15(c)’s ' +
          'federal-warrant exception is blank since 2021. A federal criminal warrant is executed ' +
          'as a warrant, not as a hold: see the transfer rule.',
        cites: [...DETAINER_CITES, CLAUSE.federalWarrant],
      }),
      notify: actionRule(
        {
          status: 'not-allowed',
          explanation:
            'An immigration detainer asks for notice of release; § 15(a) forbids "otherwise ' +
            'comply[ing]" with one, and § 15(g) forbids giving the release date.',
          cites: [...DETAINER_CITES, CLAUSE.civilEnforcementSupport],
        },
        {
          label: 'A federal criminal warrant is presented (§ 15(g))',
          when: warrant,
          then: WARRANT_OUTCOME,
        },
      ),
    },
  },
  { clause: FEDERAL_WARRANT },
  {
    clause: CIVIL_ENFORCEMENT_SUPPORT,
    decides: {
      transfer: actionRule(
        {
          status: 'not-allowed',
          explanation:
            'Without a federal criminal warrant no one may be transferred into immigration ' +
            'agents’ custody (§ 15(g)), and complying with a detainer is forbidden (§ 15(a)). ' +
            'An administrative warrant (I-200, I-205) is a civil immigration warrant.',
          cites: [CLAUSE.civilEnforcementSupport, ...DETAINER_CITES],
        },
        {
          label: 'A federal criminal warrant is presented (§ 15(g))',
          when: warrant,
          then: WARRANT_OUTCOME,
        },
      ),
      information: actionRule(
        {
          status: 'not-allowed',
          explanation:
            'Without a federal criminal warrant an agency may not give immigration agents ' +
            'non-public information, such as a release date or a home or work address (§ 15(g)).',
          cites: SUPPORT_CITES,
        },
        {
          label: 'Citizenship or immigration-status information (§ 5)',
          when: itemIs(
            'The request asks for citizenship or immigration status',
            ['citizenship-or-immigration-status'],
            [CLAUSE.purpose],
          ),
          then: {
            status: 'allowed',
            explanation:
              'The Act does not restrict sending citizenship or immigration-status information to DHS (5 ILCS 805/5).',
            cites: [CLAUSE.purpose],
          },
        },
        {
          label: 'The information is available to the public',
          when: publiclyAvailable(SUPPORT_CITES),
          then: {
            status: 'allowed',
            explanation: '§ 15(g) bars non-public information; public information may be given.',
            cites: SUPPORT_CITES,
            interpretation: PUBLIC_READING,
          },
        },
        {
          label: 'A federal criminal warrant is presented (§ 15(g))',
          when: warrant,
          then: {
            ...WARRANT_OUTCOME,
            explanation:
              '§ 15(g) lifts its bar when the agency is presented with a federal criminal warrant.',
          },
        },
      ),
    },
    cautions: [
      {
        id: 'il-required-by-federal-law',
        text:
          '§ 15(g) also yields where an action is "otherwise required by federal law". A detainer ' +
          'is a request, not a requirement (8 C.F.R. § 287.7(a)); a subpoena or court order ' +
          'served with the request goes to a legal reviewer.',
        cites: SUPPORT_CITES,
        actions: ['notify', 'transfer', 'information'],
      },
    ],
  },
  {
    clause: REPORTING,
    duties: [
      {
        id: 'il-report-detainer',
        text:
          'Record for the annual report to the Attorney General (5 ILCS 805/25(a)(2)): the date ' +
          'the detainer or civil immigration warrant was received; the date and time the person ' +
          'posted criminal bail, if any; whether they were released or transferred, and when; and, ' +
          'if transferred, to which agency’s custody. No names or other personally identifying ' +
          'information go in the report (§ 25(b)).',
        cites: [CLAUSE.reporting],
        actions: ['hold', 'notify', 'transfer'],
      },
      {
        id: 'il-report-request',
        text:
          'Record the request and how it was addressed for the annual report to the Attorney ' +
          'General (5 ILCS 805/25(a)(1)): requests from DHS for participation, support or ' +
          'assistance in a civil immigration enforcement operation. No names or other personally ' +
          'identifying information (§ 25(b)).',
        cites: [CLAUSE.reporting],
        actions: ['information'],
      },
    ],
  },
]);
