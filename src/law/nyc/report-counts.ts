/**
 * The counts NYC's three reporting subdivisions share, written once: § 9-131(f) (DOC),
 * § 14-154(f) (NYPD) and § 9-205(f) (Probation) ask for the same figures in parallel words, so
 * each agency's file lists its paragraphs and takes their definitions from here.
 * @module
 */
import { REQUESTERS, parseCase, type InformationItem } from '../../engine/case.js';
import { testCondition } from '../../engine/condition.js';
import { localDateOf } from '../../engine/dates.js';
import type { Jurisdiction } from '../../engine/jurisdiction.js';
import type { Clause } from '../../engine/clause.js';
import { UNKNOWN, triAnd, triNot, type Tri } from '../../engine/tri.js';
import type { ReportCase } from '../../reports/report-case.js';
import {
  eventTally,
  hasEvent,
  receivedTally,
  subject,
  type Belongs,
  type Counted,
  type RequiredFrom,
  type TalliedCount,
  type UnrecordedCount,
} from '../../reports/report-law.js';
import { SUBJECT } from './report-subject.js';

export const RECEIVED_METHOD = 'Detainers the desk recorded as received in the period.';

export function received(paragraph: string, label: string): TalliedCount {
  return {
    id: 'received',
    paragraph,
    label,
    unit: 'detainers',
    method: RECEIVED_METHOD,
    tally: receivedTally(),
  };
}

export function held(paragraph: string): TalliedCount {
  return {
    id: 'held',
    paragraph,
    label:
      'Persons held on a civil immigration detainer beyond the time they would otherwise be released',
    unit: 'persons',
    method: 'Persons whose hold past release the desk recorded as started in the period.',
    tally: eventTally(['hold-started'], 'persons'),
  };
}

/** Persons transferred to ICE, all of them or those of whom `belongs` holds. */
export function transferred(
  paragraph: string,
  id: string,
  label: string,
  belongs?: Belongs,
): TalliedCount {
  return {
    id,
    paragraph,
    label,
    unit: 'persons',
    method:
      'Persons whose transfer to federal immigration authorities the desk recorded in the period' +
      (belongs === undefined ? '.' : ', classified by the record the desk held of them.'),
    tally: eventTally(['transferred-to-ice'], 'persons', belongs),
  };
}

/**
 * "Not honored pursuant to subdivision b": released with the detainer not honored. The desk
 * records that as a release despite the detainer, or a release with no hold and no notice.
 */
export function notHonored(paragraph: string): TalliedCount {
  return {
    id: 'not-honored',
    paragraph,
    label: 'Persons for whom civil immigration detainers were not honored',
    unit: 'persons',
    method:
      'Persons the desk recorded as released in the period with the detainer not honored: ' +
      '"released despite the detainer", or released with no hold and no notice to ICE.',
    interpretation:
      'The desk counts every detainer not honored. Where the law allowed honoring and the ' +
      'agency chose not to, the reason was not subdivision b; such cases are counted here too ' +
      'and can be seen in the list of cases behind the figure.',
    tally: (reportCase) => {
      const silent = !hasEvent(reportCase, 'hold-started') && !hasEvent(reportCase, 'ice-notified');
      return reportCase.events
        .filter(
          (event) =>
            event.kind === 'released-despite-detainer' || (event.kind === 'released' && silent),
        )
        .map((event) => ({
          key: reportCase.personId,
          caseId: reportCase.id,
          at: event.at,
          value: true,
        }));
    },
  };
}

/** Held, then not transferred: the 48 hours ran out (ICE did not come) or ICE withdrew. */
export function heldNotTransferred(paragraph: string): TalliedCount {
  return {
    id: 'held-not-transferred',
    paragraph,
    label:
      'Persons held who were not transferred because the 48-hour hold expired or federal ' +
      'immigration authorities disavowed an intention to assume custody',
    unit: 'persons',
    method:
      'Persons held whose case the desk closed in the period as "ICE did not come" (the hold ' +
      'ran out) or as cancelled by ICE after the hold began.',
    tally: (reportCase) =>
      hasEvent(reportCase, 'hold-started')
        ? eventTally(['ice-did-not-come', 'cancelled-by-ice'], 'persons')(reportCase)
        : [],
  };
}

export function scaapFunding(paragraph: string): UnrecordedCount {
  return {
    id: 'scaap-funding',
    paragraph,
    label: 'State criminal alien assistance funding requested and received',
    method: 'Not derived from case records.',
    notRecorded:
      'An amount of money from the agency’s budget office; the desk records cases, not ' +
      'funding. The agency adds it to the published report.',
  };
}

/**
 * The reasons ICE gives, as the statute lists them (i to iv), read from the form's boxes and
 * the warrants attached. The forms' wording differs from the statute's, so the reading is the
 * desk's own; a detainer with several reasons counts under each.
 */
const REASONS: readonly {
  readonly sub: 'i' | 'ii' | 'iii' | 'iv';
  readonly label: string;
  readonly boxes: readonly string[];
}[] = [
  {
    sub: 'i',
    label: 'Reason to believe the person is subject to removal',
    boxes: ['biometric-and-database-check', 'statements-or-other-evidence'],
  },
  {
    sub: 'ii',
    label: 'Removal proceedings initiated and a notice to appear served',
    boxes: ['removal-proceedings-pending'],
  },
  { sub: 'iii', label: 'A warrant of arrest for removal proceedings served', boxes: ['I-200'] },
  {
    sub: 'iv',
    label: 'An order of deportation or removal obtained',
    boxes: ['final-order-of-removal', 'I-205'],
  },
];

const REASON_READING =
  'Read from the form: (i) the I-247A boxes for biometric and database checks or statements ' +
  'and other evidence; (ii) pending removal proceedings; (iii) an I-200 warrant attached; (iv) ' +
  'a final order of removal or an I-205 warrant attached. A detainer with several reasons counts ' +
  'under each; one with no box ticked counts under none.';

/** A total, then the same count for each reason (sub-paragraphs i to iv). */
export function byReason(total: TalliedCount, idPrefix: string): TalliedCount[] {
  const reasonFigures = REASONS.map((reason): TalliedCount => ({
    id: `${idPrefix}-reason-${reason.sub}`,
    paragraph: `${total.paragraph}.${reason.sub}`,
    label: reason.label,
    unit: total.unit,
    method: `${total.method} Of those, the ones whose detainer gave this reason.`,
    interpretation: REASON_READING,
    tally: (reportCase) =>
      reportCase.reasons.some((box) => reason.boxes.includes(box)) ? total.tally(reportCase) : [],
  }));
  return [total, ...reasonFigures];
}

// ---------------------------------------------------------------------------------------------
// Information requests: § 9-131(f)(9), § 14-154(f)(5), § 9-205(f)(5) as LL226/LL228 of 2017 added.

/** Whether a requester was a "federal immigration authority" when it asked. */
export type RequesterTest = (requester: string, at: string) => Tri;

/**
 * The section's own definition of "federal immigration authorities", as in force on the day of
 * the request: LL63/2026 widened it from 2026-01-29, so the same requester may count before and
 * after. The definition is the law's term, tested as decisions test it.
 */
export function federalImmigrationAuthorityIn(
  jurisdiction: Jurisdiction,
  term: string,
): RequesterTest {
  const known = new Map<string, Tri>();
  return (requester, at) => {
    const lawDate = localDateOf(Date.parse(at), jurisdiction.timeZone);
    const key = `${requester} ${lawDate}`;
    let value = known.get(key);
    if (value === undefined) {
      value = definedAs(jurisdiction, term, requester, lawDate);
      known.set(key, value);
    }
    return value;
  };
}

function definedAs(
  jurisdiction: Jurisdiction,
  term: string,
  requester: string,
  lawDate: string,
): Tri {
  const definition = jurisdiction.lawOn(lawDate).terms.get(term);
  if (definition === undefined || !(REQUESTERS as readonly string[]).includes(requester)) {
    return UNKNOWN;
  }
  const input = parseCase({
    jurisdiction: jurisdiction.id,
    decisionAt: `${lawDate}T12:00:00Z`,
    request: { kind: 'information-request', requester, information: ['other'] },
  });
  return testCondition(definition, input, lawDate, jurisdiction.timeZone).value;
}

/** The kinds of information the statute names, with the desk's items that are each. */
interface InformationKind {
  readonly id: string;
  readonly label: string;
  readonly items: readonly InformationItem[];
}

const INCARCERATION_STATUS: InformationKind = {
  id: 'incarceration-status',
  label: 'incarceration status',
  items: ['incarceration-status'],
};
const RELEASE_DATES: InformationKind = {
  id: 'release-dates',
  label: 'release dates',
  items: ['release-date'],
};
const COURT_DATES: InformationKind = {
  id: 'court-dates',
  label: 'court appearance dates',
  items: ['court-dates'],
};
const OTHER_INFORMATION: InformationKind = {
  id: 'other-information',
  label: 'other types of information',
  items: ['citizenship-or-immigration-status', 'criminal-history', 'personal-information', 'other'],
};

const INFORMATION_KINDS = [INCARCERATION_STATUS, RELEASE_DATES, COURT_DATES, OTHER_INFORMATION];

function requests(byAuthority: RequesterTest) {
  return (reportCase: ReportCase): Counted[] =>
    reportCase.informationRequests.map((request) => ({
      key: request.id,
      caseId: reportCase.id,
      at: request.receivedAt,
      value: byAuthority(request.requester, request.receivedAt),
    }));
}

/** Answers that gave something (an empty answer is a refusal), placed when answered. */
function responses(
  byAuthority: RequesterTest,
  belongs: Belongs,
  includes: (disclosed: readonly InformationItem[]) => boolean = () => true,
) {
  return (reportCase: ReportCase): Counted[] =>
    reportCase.informationRequests
      .filter(
        (request) =>
          request.answeredAt !== undefined &&
          request.disclosed !== undefined &&
          request.disclosed.length > 0 &&
          includes(request.disclosed),
      )
      .map((request) => ({
        key: request.id,
        caseId: reportCase.id,
        at: request.answeredAt!,
        value: triAnd(byAuthority(request.requester, request.receivedAt), belongs(reportCase)),
      }));
}

const transferredToIce: Belongs = (reportCase) => hasEvent(reportCase, 'transferred-to-ice');
const vs = subject(SUBJECT.violentOrSeriousConviction);
const tsdb = subject(SUBJECT.terroristScreeningMatch);

const GROUPS: readonly { sub: 'i' | 'ii' | 'iii'; label: string; belongs: Belongs }[] = [
  {
    sub: 'i',
    label: 'Responses about a person with no conviction for a violent or serious crime',
    belongs: (reportCase) => triNot(vs(reportCase)),
  },
  {
    sub: 'ii',
    label: 'Responses about a person with at least one conviction for a violent or serious crime',
    belongs: vs,
  },
  {
    sub: 'iii',
    label:
      'Responses about a person with no conviction for a violent or serious crime identified as a ' +
      'possible match in the terrorist screening database',
    belongs: (reportCase) => triAnd(triNot(vs(reportCase)), tsdb(reportCase)),
  },
];

/**
 * The information-request figures of one paragraph: requests, responses honoring them, and each
 * group (i–iii) by the kinds of information the responses included and by whether the agency
 * facilitated a transfer to ICE. `scheduledAppointments` names the kind only Probation reports.
 */
export function informationCounts(
  paragraph: string,
  requiredFrom: RequiredFrom,
  byAuthority: RequesterTest,
  scheduledAppointments = false,
): (TalliedCount | UnrecordedCount)[] {
  const common = { requiredFrom };
  const figures: (TalliedCount | UnrecordedCount)[] = [
    {
      ...common,
      id: 'information-requests',
      paragraph,
      label: 'Requests from federal immigration authorities for information about a person',
      unit: 'requests',
      method:
        'Information requests the desk recorded as received in the period from "federal ' +
        'immigration authorities" as the section defined them on the day of the request.',
      tally: requests(byAuthority),
    },
    {
      ...common,
      id: 'information-responses',
      paragraph,
      label: 'Responses honoring such requests',
      unit: 'responses',
      method: 'Answers the desk recorded in the period that gave the requester some information.',
      tally: responses(byAuthority, () => true),
    },
  ];
  for (const group of GROUPS) {
    const sub = `${paragraph}.${group.sub}`;
    const base = `information-${group.sub}`;
    figures.push({
      ...common,
      id: base,
      paragraph: sub,
      label: group.label,
      unit: 'responses',
      method:
        'Answers that gave information, classified by the record the desk held of the person.',
      tally: responses(byAuthority, group.belongs),
    });
    for (const kind of INFORMATION_KINDS) {
      figures.push({
        ...common,
        id: `${base}-${kind.id}`,
        paragraph: sub,
        label: `… that included ${kind.label}`,
        unit: 'responses',
        method: `Of those, answers that gave ${kind.items.join(', ')}.`,
        tally: responses(byAuthority, group.belongs, (disclosed) =>
          disclosed.some((item) => kind.items.includes(item)),
        ),
      });
    }
    if (scheduledAppointments) {
      figures.push({
        ...common,
        id: `${base}-scheduled-appointments`,
        paragraph: sub,
        label: '… that included scheduled appointment dates or times',
        method: 'Not separated in the desk’s records.',
        notRecorded:
          'The desk records such an answer as "other" information, counted with other types ' +
          'of information above.',
      });
    }
    figures.push({
      ...common,
      id: `${base}-transfer-facilitated`,
      paragraph: sub,
      label: '… about a person the agency then transferred to federal immigration authorities',
      unit: 'responses',
      method: 'Of those, answers about a person whose transfer to ICE the desk recorded.',
      interpretation:
        'The desk reads "whether the department facilitated the transfer" as whether the ' +
        'person was transferred to federal immigration authorities from the agency’s custody.',
      tally: responses(byAuthority, (reportCase) =>
        triAnd(group.belongs(reportCase), transferredToIce(reportCase)),
      ),
    });
  }
  return figures;
}

/** The local laws that made each version of a section, each from its first day in force. */
export function localLawVersions(
  clauses: readonly Clause[],
  section: string,
): { version: string; from: string }[] {
  const first = new Map<string, string>();
  for (const clause of clauses) {
    if (!clause.id.startsWith(section) || !/^LL\d+\/\d{4}$/.test(clause.version)) continue;
    const known = first.get(clause.version);
    if (known === undefined || clause.validFrom < known)
      first.set(clause.version, clause.validFrom);
  }
  return [...first]
    .map(([version, from]) => ({ version, from }))
    .sort((a, b) => a.from.localeCompare(b.from));
}

/** The version `version` of the clause `id`, which must be encoded. */
export function reportingClause(clauses: readonly Clause[], id: string, version: string): Clause {
  const found = clauses.find((clause) => clause.id === id && clause.version === version);
  if (found === undefined) throw new Error(`no clause ${id} in the version ${version}`);
  return found;
}
