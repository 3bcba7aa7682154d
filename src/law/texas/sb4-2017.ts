/**
 * Texas SB 4 (85th Leg., R.S., 2017), in force 2017-09-01: an agency with custody of a person
 * subject to an ICE detainer request must comply with every request it makes, unless the person
 * has provided proof of citizenship or lawful status (CCP art. 2.251). Local entities may not
 * limit sharing immigration-status information (Gov't Code § 752.053). Also the 2025
 * recodification of art. 2.251 into CCP chapter 2A (HB 4504, 88th Leg.), a nonsubstantive
 * revision that carries the same rule. Source notes: jurisdictions.md § 2.9.
 * @module
 */
import { clause } from '../../engine/clause.js';
import type { Clause } from '../../engine/clause.js';
import { derived, fact, not } from '../../engine/condition.js';
import type { Obligation, Provision } from '../../engine/jurisdiction.js';
import type { ActionRule, HoldLimit, OutcomeSpec } from '../../engine/rule.js';
import { actionRule } from '../../engine/rule.js';
import { UNKNOWN } from '../../engine/tri.js';
import { DETAINER_IS_A_REQUEST, FEDERAL_HOLD_LIMIT } from '../federal/detainer-regulation.js';
import { CLAUSE } from './clause-ids.js';

export const SOURCE = Object.freeze({
  article2251:
    'https://www.lawserver.com/law/state/texas/tx-codes/texas_code_of_criminal_procedure_2-251',
  sb4: 'https://capitol.texas.gov/billlookup/BillSummary.aspx?Bill=SB4&LegSess=85R',
  elCenizo: 'https://casebriefsco.com/casebrief/city-of-el-cenizo-texas-v-texas',
  hb4504: 'https://capitol.texas.gov/tlodocs/88R/billtext/html/HB04504E.htm',
} as const);

const SB4 = 'SB 4 (85th Leg., R.S., 2017)';
const SB4_EFFECTIVE = 'SB 4 took effect 2017-09-01 (jurisdictions.md § 2.9(a), [V]).';
const RENDERED =
  'The research file marks art. 2.251 [V] (read at the source linked) but records only its ' +
  'substance and the quoted words; kept "secondary" until the enacted wording replaces this rendering.';

const ARTICLE_TEXT = `(a) A law enforcement agency that has custody of a person subject to an immigration detainer request issued by United States Immigration and Customs Enforcement shall:
(1) "comply with, honor, and fulfill any request made in the detainer request"; and
(2) inform the person that the person is being held pursuant to an immigration detainer request issued by United States Immigration and Customs Enforcement.
(b) The agency is not required to perform a duty imposed by Subsection (a) with respect to a person who has provided proof that the person is a citizen of the United States or has lawful immigration status in the United States, such as a Texas driver's license or similar government-issued identification.`;

export const DETAINER_REQUESTS = clause({
  id: CLAUSE.detainerRequests,
  version: SB4,
  citation: 'Tex. Code Crim. Proc. art. 2.251, as added by SB 4 (2017)',
  title: 'Duties related to immigration detainer requests',
  validFrom: '2017-09-01',
  validTo: '2025-01-01',
  effective: SB4_EFFECTIVE,
  text: ARTICLE_TEXT,
  url: SOURCE.article2251,
  verification: 'secondary',
  note: RENDERED,
});

export const DETAINER_REQUESTS_RECODIFIED = clause({
  id: CLAUSE.detainerRequests,
  version: 'HB 4504 (88th Leg., R.S., 2023), nonsubstantive revision',
  citation: 'Tex. Code Crim. Proc. art. 2A.060 (number unverified; formerly art. 2.251)',
  title: 'Immigration detainer requests',
  validFrom: '2025-01-01',
  effective: 'The recodified Code of Criminal Procedure chapter 2A took effect 2025-01-01.',
  text: ARTICLE_TEXT,
  url: SOURCE.hb4504,
  verification: 'unverified',
  note:
    'Art. 2.251 is marked "effective until January 01, 2025" (jurisdictions.md § 2.9(a), [V]); ' +
    'its new number and wording were not retrieved ([U]). The engrossed HB 4504 lists "Art. 2A.060. ' +
    'IMMIGRATION DETAINER REQUESTS" in chapter 2A, not checked against the enrolled act. As a ' +
    'nonsubstantive revision it is encoded with the same text and rule.',
});

export const COOPERATION_NOT_LIMITED = clause({
  id: CLAUSE.cooperationNotLimited,
  version: SB4,
  citation: 'Tex. Gov’t Code § 752.053, as added by SB 4 (2017)',
  title: 'Local entities may not limit the enforcement of immigration laws',
  validFrom: '2017-09-01',
  effective: SB4_EFFECTIVE,
  text: `(a) A local entity or campus police department may not adopt, enforce, or endorse a policy, or have a pattern or practice, under which it prohibits or materially limits the enforcement of immigration laws.
(b) It may not prohibit or materially limit its officers and employees from:
(1) inquiring into the immigration status of a person under a lawful detention or under arrest;
(2) sharing information about the immigration status of such a person with federal agencies;
(3) assisting or cooperating with a federal immigration officer, including providing enforcement assistance.`,
  url: SOURCE.elCenizo,
  verification: 'secondary',
  note:
    'Known from a summary of City of El Cenizo v. Texas (jurisdictions.md § 2.9(b), [S]). ' +
    '[U]: (b)(4), letting federal immigration officers enter and conduct enforcement in a jail.',
});

export const FAILURE_TO_COMPLY = clause({
  id: CLAUSE.failureToComply,
  version: SB4,
  citation: 'Tex. Penal Code § 39.07, as added by SB 4 (2017)',
  title: 'Failure to comply with an immigration detainer request',
  validFrom: '2017-09-01',
  effective: SB4_EFFECTIVE,
  text: 'A sheriff, chief of police, constable, or person who has primary authority for administering a jail commits a Class A misdemeanor if the person knowingly fails to comply with an immigration detainer request as Code of Criminal Procedure art. 2.251 requires.',
  url: SOURCE.sb4,
  verification: 'secondary',
  note: 'From the bill summary (jurisdictions.md § 2.9(b)); the enacted text was not read.',
});

export const CIVIL_PENALTY = clause({
  id: CLAUSE.civilPenalty,
  version: SB4,
  citation: 'Tex. Gov’t Code § 752.056, as added by SB 4 (2017)',
  title: 'Civil penalty for violating § 752.053',
  validFrom: '2017-09-01',
  effective: SB4_EFFECTIVE,
  text: 'A local entity or campus police department that violates § 752.053 is liable for a civil penalty of $1,000 to $1,500 for a first violation and $25,000 to $25,500 for each subsequent violation; each day of a continuing violation is a separate violation.',
  url: SOURCE.elCenizo,
  verification: 'secondary',
  note: 'From a summary of City of El Cenizo v. Texas (jurisdictions.md § 2.9(b)).',
});

/** Art. 2.251 binds only for detainer requests "issued by United States Immigration and Customs Enforcement". */
const issuedByIce = fact({
  label: 'The detainer request was issued by ICE',
  cites: [CLAUSE.detainerRequests],
  path: 'request.requester',
  question: 'Who issued the detainer request: ICE, CBP or another agency?',
  read: (ctx) =>
    ctx.case.request.requester === 'unknown' ? UNKNOWN : ctx.case.request.requester === 'ice',
});

const proofProvided = fact({
  label: 'The person has provided proof of U.S. citizenship or lawful immigration status',
  cites: [CLAUSE.detainerRequests],
  path: 'record.proofOfLawfulStatus',
  question:
    'Has the person provided proof of U.S. citizenship or lawful immigration status, such as a ' +
    'Texas driver’s license or similar government-issued identification?',
  read: (ctx) => ctx.case.record.proofOfLawfulStatus ?? UNKNOWN,
});

const PROOF_READING =
  'The exception lifts the state duty but forbids nothing, so the federal rule decides: the ' +
  'detainer is a request the agency may honour.';
const PROOF_HOLD_READING =
  `${PROOF_READING} Holding a person who has shown U.S. citizenship or lawful status risks an ` +
  'unlawful seizure (a detainer needs probable cause of removability: Morales v. Chadbourne, ' +
  '1st Cir. 2015); have a legal reviewer confirm before holding.';
const NOTICE_FORMS_READING =
  'The article does not define "immigration detainer request"; every DHS I-247-series form, ' +
  'including notice-only forms (I-247N, I-247G), is read as one, and only what it asks for is required.';

/** Cites a subsection of the version in force; the recodified number is not verified. */
type Article = (subsection: string) => string;

/** The mandate of one version of the article, for one requested action. */
function mandate(
  article: Article,
  spec: { asks: string; holdLimit?: HoldLimit; interpretation?: string; proofReading: string },
): ActionRule {
  const limit = spec.holdLimit ? { holdLimit: spec.holdLimit } : {};
  const federal = (explanation: string, interpretation?: string): OutcomeSpec => ({
    status: 'allowed',
    explanation,
    cites: [CLAUSE.detainerRequests, DETAINER_IS_A_REQUEST.id],
    ...limit,
    ...(interpretation === undefined ? {} : { interpretation }),
  });
  return actionRule(
    {
      status: 'required',
      explanation: `The agency must comply with, honor and fulfill the detainer’s request to ${spec.asks} (${article('(a)(1)')}).`,
      cites: [CLAUSE.detainerRequests],
      ...limit,
      ...(spec.interpretation === undefined ? {} : { interpretation: spec.interpretation }),
    },
    {
      label: `The detainer request was not issued by ICE (${article('(a)')})`,
      when: not(
        { label: 'The detainer request was not issued by ICE', cites: [CLAUSE.detainerRequests] },
        issuedByIce,
      ),
      then: federal(
        `The duty covers only detainer requests issued by ICE (${article('(a)')}). This one is a request under federal law that the agency may honour (8 C.F.R. 287.7(a)).`,
      ),
    },
    {
      label: `Proof of U.S. citizenship or lawful immigration status (${article('(b)')})`,
      when: proofProvided,
      then: federal(
        `The person has provided proof of citizenship or lawful status, so the duty does not apply (${article('(b)')}); under federal law the detainer is a request the agency may honour (8 C.F.R. 287.7(a)).`,
        spec.proofReading,
      ),
    },
  );
}

function mandates(article: Article): Provision['decides'] {
  return {
    hold: mandate(article, {
      asks: 'hold the person, within the federal limit',
      holdLimit: FEDERAL_HOLD_LIMIT,
      proofReading: PROOF_HOLD_READING,
    }),
    notify: mandate(article, {
      asks: 'be notified of the release',
      interpretation: NOTICE_FORMS_READING,
      proofReading: PROOF_READING,
    }),
    transfer: mandate(article, { asks: 'take custody of the person', proofReading: PROOF_READING }),
  };
}

/**
 * Shows the duty unless it is known not to apply: a notice left out for want of a fact would
 * hide a duty the agency most likely has.
 */
const dutyNotKnownLifted = derived({
  label: 'The detainer article’s duties are not known to be lifted',
  cites: [CLAUSE.detainerRequests],
  evaluate(ctx) {
    const { requester } = ctx.case.request;
    const proof = ctx.case.record.proofOfLawfulStatus;
    const facts = [
      { path: 'request.requester', value: requester },
      { path: 'record.proofOfLawfulStatus', value: proof ?? UNKNOWN },
    ];
    if (requester !== 'ice' && requester !== 'unknown') {
      return { value: false, facts, reason: 'the detainer request was not issued by ICE' };
    }
    if (proof === true)
      return { value: false, facts, reason: 'the person has provided proof of status' };
    return { value: true, facts };
  },
});

function informPerson(article: Article): Obligation {
  return {
    id: 'tx-inform-person-held-on-detainer',
    text: `Tell the person that they are being held pursuant to an immigration detainer request issued by ICE (${article('(a)(2)')}).`,
    cites: [CLAUSE.detainerRequests],
    actions: ['hold', 'notify', 'transfer'],
    when: dutyNotKnownLifted,
  };
}

const PENALTIES: Obligation = {
  id: 'tx-detainer-penalties',
  text:
    'A sheriff, chief of police, constable or jail administrator who knowingly fails to comply ' +
    'with a detainer request Texas law requires the agency to honour commits a Class A ' +
    'misdemeanour (Penal Code § 39.07). A local entity that limits cooperation faces civil ' +
    'penalties of $1,000-$1,500 for a first violation and $25,000-$25,500 for each later one, ' +
    'each day counting separately (Gov’t Code § 752.056).',
  cites: [CLAUSE.failureToComply, CLAUSE.civilPenalty],
  actions: ['hold', 'notify', 'transfer'],
  when: dutyNotKnownLifted,
};

const NOT_A_DUTY =
  '§ 752.053(b) forbids a local entity to limit sharing or cooperation; it does not itself ' +
  'order an answer to each request, so the outcome is "allowed", not "required".';

const INFORMATION_RULE = actionRule(
  {
    status: 'allowed',
    explanation:
      'No Texas law limits answering this request, and a local entity may not limit assisting or ' +
      'cooperating with federal immigration officers (Gov’t Code § 752.053(b)(3)).',
    cites: [CLAUSE.cooperationNotLimited],
    interpretation: NOT_A_DUTY,
  },
  {
    label: 'Immigration-status information (§ 752.053(b)(2))',
    when: fact({
      label: 'The request asks for citizenship or immigration status',
      cites: [CLAUSE.cooperationNotLimited],
      path: 'request.information',
      question: 'What information is asked for?',
      read: (ctx) => ctx.item === 'citizenship-or-immigration-status',
    }),
    then: {
      status: 'allowed',
      explanation:
        'A local entity may not limit sharing information about a person’s immigration status with federal agencies (Gov’t Code § 752.053(b)(2)).',
      cites: [CLAUSE.cooperationNotLimited],
      interpretation: NOT_A_DUTY,
    },
  },
);

function articleProvision(version: Clause, article: Article): Provision {
  return { clause: version, decides: mandates(article), duties: [informPerson(article)] };
}

export const SB4_PROVISIONS: readonly Provision[] = Object.freeze([
  articleProvision(DETAINER_REQUESTS, (sub) => `art. 2.251${sub}`),
  { clause: COOPERATION_NOT_LIMITED, decides: { information: INFORMATION_RULE } },
  { clause: FAILURE_TO_COMPLY, cautions: [PENALTIES] },
  { clause: CIVIL_PENALTY },
]);

export const RECODIFIED_PROVISIONS: readonly Provision[] = Object.freeze([
  articleProvision(
    DETAINER_REQUESTS_RECODIFIED,
    (sub) => `former art. 2.251${sub}, now in CCP ch. 2A`,
  ),
]);
