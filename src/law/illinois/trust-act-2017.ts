/**
 * The Illinois TRUST Act, SB 31, P.A. 100-0463: 5 ILCS 805, in force 2017-08-28 until the
 * Illinois Way Forward Act (P.A. 102-0234) rewrote it from 2021-08-02. A law enforcement agency
 * or official may not detain anyone solely on an immigration detainer or non-judicial
 * immigration warrant, nor otherwise comply with one (§ 15(a)); status information may still be
 * exchanged (§ 5).
 * @module
 */
import { clause } from '../../engine/clause.js';
import type { Clause } from '../../engine/clause.js';
import type { Provision } from '../../engine/jurisdiction.js';
import { actionRule } from '../../engine/rule.js';
import { FEDERAL_HOLD_LIMIT } from '../federal/detainer-regulation.js';
import { CLAUSE } from './clause-ids.js';
import { WARRANT_READING, federalWarrant } from './facts.js';
import { itemIs } from '../request-facts.js';
import { SOURCE } from './sources.js';

const VERSION = 'P.A. 100-0463 (SB 31, 2017)';
const EFFECTIVE =
  'Approved and in force 2017-08-28 ("eff. 8-28-17" in each section’s source note).';
export const WAY_FORWARD_FROM = '2021-08-02';

function trustAct(spec: {
  id: string;
  citation: string;
  title: string;
  text: string;
  verification: 'verbatim' | 'unverified';
  note?: string;
}): Clause {
  return clause({
    ...spec,
    version: VERSION,
    validFrom: '2017-08-28',
    validTo: WAY_FORWARD_FROM,
    effective: EFFECTIVE,
    url: SOURCE.trustAct,
  });
}

export const PURPOSE = trustAct({
  id: CLAUSE.purpose,
  citation: '5 ILCS 805/5, as enacted by P.A. 100-0463',
  title: 'Legislative purpose; status information and LEADS notifications',
  text: `Sec. 5. Legislative Purpose. Recognizing that State law does not currently grant State or local law enforcement the authority to enforce federal civil immigration laws, it is the intent of the General Assembly that nothing in this Act shall be construed to authorize any law enforcement agency or law enforcement official to enforce federal civil immigration law. This Act shall not be construed to prohibit or restrict any entity from sending to, or receiving from, the United States Department of Homeland Security or other federal, State, or local government entity information regarding the citizenship or immigration status of any individual under Sections 1373 and 1644 of Title 8 of the United States Code. Further, nothing in this Act shall prevent a law enforcement officer from contacting another law enforcement agency for the purposes of clarifying or confirming the nature and status of possible offenses in a record provided by the National Crime Information Center, or detaining someone based on a notification in the Law Enforcement Agencies Data Administrative System unless it is clear that request is based on a non-judicial immigration warrant.`,
  verification: 'verbatim',
});

export const DEFINITIONS = trustAct({
  id: CLAUSE.definitions,
  citation: '5 ILCS 805/10, as enacted by P.A. 100-0463',
  title: '"Immigration detainer"',
  text: `Sec. 10. Definitions. In this Act:
"Immigration detainer" means a document issued by an immigration agent that is not approved or ordered by a judge and requests a law enforcement agency or law enforcement official to provide notice of release or maintain custody of a person, including a detainer issued under Section 1226 or 1357 of Title 8 of the United States Code or Section 236.1 or 287.7 of Title 8 of the Code of Federal Regulations. ...`,
  verification: 'verbatim',
  note: 'Only the definition the rules use is copied; the section also defines "law enforcement agency", "law enforcement official" and "non-judicial immigration warrant".',
});

export const DETAINERS = trustAct({
  id: CLAUSE.detainers,
  citation: '5 ILCS 805/15(a), as enacted by P.A. 100-0463',
  title: 'No detention on, or other compliance with, an immigration detainer',
  text: `(a) A law enforcement agency or law enforcement official shall not detain or continue to detain any individual solely on the basis of any immigration detainer or non-judicial immigration warrant or otherwise comply with an immigration detainer or non-judicial immigration warrant.`,
  verification: 'verbatim',
});

export const FEDERAL_WARRANT = trustAct({
  id: CLAUSE.federalWarrant,
  citation: '5 ILCS 805/15(c), as enacted by P.A. 100-0463',
  title: 'Not when a valid, enforceable federal warrant is presented',
  text: `(c) [Not read. Its substance, from recollection: this Section does not apply if a law enforcement agency is presented with a valid, enforceable federal warrant.]`,
  verification: 'unverified',
  note:
    'The 2017 wording of § 15(c) was not retrieved; the Way Forward Act left it "(Blank)". ' +
    'Every decision that relies on the exception flags it.',
});

const DETAINER_CITES = [CLAUSE.detainers, CLAUSE.definitions];
const warrant = federalWarrant(
  'A valid, enforceable federal warrant (§ 15(c), read as a federal criminal warrant)',
  [CLAUSE.federalWarrant],
);
const WARRANT_OUTCOME = {
  status: 'allowed' as const,
  cites: [CLAUSE.federalWarrant],
  interpretation: WARRANT_READING,
};

const TRANSFER_READING =
  'A transfer request is read as an immigration detainer: a request, not approved by a judge, ' +
  'to maintain custody until immigration authorities take the person. Handing the person over ' +
  'on it is complying with it. A legal reviewer should confirm.';

const RELEASE_DATE_READING =
  'A request for the release date is read as a request "to provide notice of release" (§ 10), ' +
  'so answering it is complying with an immigration detainer (§ 15(a)). The Act does not ' +
  'otherwise limit information requests. A legal reviewer should confirm.';

export const TRUST_ACT_PROVISIONS: readonly Provision[] = Object.freeze([
  {
    clause: PURPOSE,
    decides: {
      information: actionRule(
        {
          status: 'allowed',
          explanation:
            'The TRUST Act limits compliance with immigration detainers and non-judicial ' +
            'immigration warrants; it does not otherwise limit answering requests for information.',
          cites: [CLAUSE.purpose, CLAUSE.detainers],
          interpretation: RELEASE_DATE_READING,
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
              'The Act does not restrict sending citizenship or immigration-status information to DHS (5 ILCS 805/5; 8 U.S.C. 1373, 1644).',
            cites: [CLAUSE.purpose],
          },
        },
        {
          label: 'The release date (read as notice of release, §§ 10, 15(a))',
          when: itemIs('The request asks for the release date', ['release-date'], DETAINER_CITES),
          then: {
            status: 'not-allowed',
            explanation:
              'Giving the release date is providing notice of release, which § 15(a) forbids on an immigration detainer.',
            cites: DETAINER_CITES,
            interpretation: RELEASE_DATE_READING,
          },
        },
      ),
    },
    cautions: [
      {
        id: 'il-leads-notification',
        text:
          'The Act does not prevent detaining someone on a notification in the Law Enforcement ' +
          'Agencies Data Administrative System (LEADS) unless it is clear the request rests on a ' +
          'non-judicial immigration warrant (5 ILCS 805/5). An ICE detainer is not such a ' +
          'notification; a LEADS hit that rests on an I-200 or I-205 cannot justify the hold.',
        cites: [CLAUSE.purpose],
        actions: ['hold'],
      },
    ],
  },
  { clause: DEFINITIONS },
  {
    clause: DETAINERS,
    decides: {
      hold: actionRule(
        {
          status: 'not-allowed',
          explanation:
            'No one may be detained or kept in custody solely on an immigration detainer or a ' +
            'non-judicial immigration warrant (5 ILCS 805/15(a)), whatever their record.',
          cites: DETAINER_CITES,
        },
        {
          label: 'A federal warrant is presented (§ 15(c))',
          when: warrant,
          then: {
            ...WARRANT_OUTCOME,
            explanation:
              '§ 15 does not apply when a valid, enforceable federal warrant is presented; the ' +
              'person is held on the warrant, within the federal limit.',
            holdLimit: FEDERAL_HOLD_LIMIT,
          },
        },
      ),
      notify: actionRule(
        {
          status: 'not-allowed',
          explanation:
            'An immigration detainer asks for notice of release; § 15(a) forbids "otherwise ' +
            'comply[ing]" with one.',
          cites: DETAINER_CITES,
        },
        {
          label: 'A federal warrant is presented (§ 15(c))',
          when: warrant,
          then: {
            ...WARRANT_OUTCOME,
            explanation:
              '§ 15 does not apply when a valid, enforceable federal warrant is presented.',
          },
        },
      ),
      transfer: actionRule(
        {
          status: 'not-allowed',
          explanation:
            'Handing the person over on an immigration detainer or a non-judicial immigration ' +
            'warrant is complying with it, which § 15(a) forbids.',
          cites: DETAINER_CITES,
          interpretation: TRANSFER_READING,
        },
        {
          label: 'A federal warrant is presented (§ 15(c))',
          when: warrant,
          then: {
            ...WARRANT_OUTCOME,
            explanation:
              '§ 15 does not apply when a valid, enforceable federal warrant is presented.',
          },
        },
      ),
    },
  },
  { clause: FEDERAL_WARRANT },
]);
