/**
 * The § 10-178(d) quarterly report: "an anonymized compilation or summary of such requests and
 * actions taken in response, disaggregated by the requesting non-local law enforcement agency and
 * the agency receiving such a request", built from the desk's record of those requests
 * (src/desk/enforcement-request.ts). Pure: the records, the quarter and the audit state in, the
 * report out.
 *
 * It holds agencies, response kinds and counts, never a record's words: no person can be named in
 * it. Each part of the report sits beside the words of subdivision d it answers (`parts`), and the
 * report cites the clause (REQUEST_RECORDS_ID) in the version in force on the quarter's last day.
 * @module
 */
import type { AuditState } from './build-report.js';
import { DateTime } from 'luxon';
import { isInForce, type Clause } from '../engine/clause.js';
import { LAW_DATES } from '../desk/date-checks.js';
import {
  RECEIVING_AGENCIES,
  REQUESTING_AGENCIES,
  RESPONSE_KIND_LABELS,
  WITHHOLDING_GROUNDS,
  WITHHOLDING_GROUND_IDS,
  type AgencyRef,
  type ResponseKind,
  type WithholdingGround,
} from '../desk/enforcement-request.js';
import { REQUEST_RECORDS_ID, REQUEST_RECORDS_PROVISIONS } from '../law/nyc/city-resources.js';
import { NYC_AGENCY } from '../law/nyc/sources.js';

export const QUARTERLY_TIME_ZONE = NYC_AGENCY.timeZone;

/**
 * Local Law 63 of 2026 (in force on its enactment, 2026-01-29; ../shared/law/nyc.md § 2.8) widened
 * "immigration enforcement" in § 10-178(a), and with it the requests subdivision d reaches; the
 * words of subdivision d are unchanged.
 */
const LL63_IN_FORCE = '2026-01-29';

/** One recorded request, as the report reads it. */
export interface RequestForReport {
  readonly receivedAt: string;
  readonly requestingAgency: AgencyRef;
  readonly receivingAgency: AgencyRef;
  /** The response recorded, or null when none is. */
  readonly response: ResponseKind | null;
  /** The ground on which it is left out of the report, or null when it is reported. */
  readonly withheld: WithholdingGround | null;
}

export interface ResponseCounts {
  readonly requests: number;
  readonly agreed: number;
  readonly declined: number;
  readonly partly: number;
  readonly noResponse: number;
}

export interface QuarterlyRow {
  readonly requestingAgency: AgencyRef;
  readonly receivingAgency: AgencyRef;
  readonly counts: ResponseCounts;
}

export interface AgencyTotal {
  readonly agency: AgencyRef;
  readonly counts: ResponseCounts;
}

export interface WithheldCount {
  readonly ground: WithholdingGround;
  readonly clause: string;
  /** The ground in the statute's words. */
  readonly statute: string;
  readonly requests: number;
}

/** A part of the report and the words of subdivision d it answers. */
export interface ReportPart {
  readonly id: 'record' | 'disaggregation' | 'withholding' | 'other-reports';
  readonly statute: string;
  readonly method: string;
}

export interface Quarter {
  /** e.g. 2026Q1 */
  readonly id: string;
  /** First and last day, New York dates, both included. */
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export interface QuarterlyRequestsReport {
  readonly title: string;
  readonly quarter: Quarter & { readonly timeZone: string };
  readonly law: {
    readonly clauseId: string;
    readonly version: string;
    readonly citation: string;
    readonly url: string;
    readonly verification: string;
  };
  /** Whether § 10-178(d) required a report for this quarter, and why (not). */
  readonly required: boolean;
  readonly requiredBecause: string;
  readonly submittedTo: string;
  readonly headline: string;
  /** Requesting × receiving agency, each pair with at least one reported request. */
  readonly rows: readonly QuarterlyRow[];
  readonly byRequestingAgency: readonly AgencyTotal[];
  readonly byReceivingAgency: readonly AgencyTotal[];
  readonly total: ResponseCounts;
  /** How many requests were left out on each ground; both grounds, always. */
  readonly withheld: readonly WithheldCount[];
  readonly parts: readonly ReportPart[];
  readonly notes: readonly string[];
  readonly dataAsOf: string;
  readonly audit: AuditState;
}

/** A quarter that cannot be reported: the field is always `quarter`. */
export class QuarterError extends Error {
  readonly field = 'quarter';
  constructor(message: string) {
    super(message);
    this.name = 'QuarterError';
  }
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The calendar quarter `text` names (`2026Q1`, also `2026-q1`), which must have ended by `today`
 * (a New York date) and fall within the dates whose law is encoded.
 */
export function parseQuarter(text: string, today: string): Quarter {
  const match = /^(\d{4})-?[Qq]([1-4])$/.exec(text.trim());
  if (match === null) {
    throw new QuarterError('must be a year and a quarter, e.g. 2026Q1 (Q1 is January to March)');
  }
  const year = Number(match[1]);
  const q = Number(match[2]);
  const firstYear = Number(LAW_DATES.first.slice(0, 4));
  const lastYear = Number(LAW_DATES.last.slice(0, 4));
  if (year < firstYear || year > lastYear) {
    throw new QuarterError(
      `must fall between ${String(firstYear)} and ${String(lastYear)}, the years whose law is encoded`,
    );
  }
  const start = DateTime.fromObject({ year, month: (q - 1) * 3 + 1, day: 1 });
  const from = start.toISODate()!;
  const to = start.plus({ months: 3 }).minus({ days: 1 }).toISODate()!;
  if (to >= today) {
    throw new QuarterError(`has not ended: it ends on ${to} and today is ${today} in New York`);
  }
  const label = `${MONTHS[(q - 1) * 3]!} to ${MONTHS[(q - 1) * 3 + 2]!} ${String(year)}`;
  return { id: `${String(year)}Q${String(q)}`, from, to, label };
}

/** The quarter before the one `today` (a New York date) falls in: the last that has ended. */
export function lastEndedQuarter(today: string): string {
  const day = DateTime.fromISO(today).minus({ months: 3 });
  return `${String(day.year)}Q${String(Math.ceil(day.month / 3))}`;
}

/** The instants the quarter spans in New York: [start, end). */
export function quarterBounds(quarter: Quarter): [string, string] {
  const zone = QUARTERLY_TIME_ZONE;
  const start = DateTime.fromISO(quarter.from, { zone });
  const end = DateTime.fromISO(quarter.to, { zone }).plus({ days: 1 });
  return [start.toUTC().toISO()!, end.toUTC().toISO()!];
}

const clauseOn = (date: string): Clause => {
  const found = REQUEST_RECORDS_PROVISIONS.find((provision) => isInForce(provision.clause, date));
  if (found === undefined) throw new Error(`no version of ${REQUEST_RECORDS_ID} on ${date}`);
  return found.clause;
};

/** Words of subdivision d as enacted (LL228/2017 § 1), quoted beside the part answering them. */
const STATUTE = {
  record:
    "Whenever any city officer or employee receives a request from a non-local law enforcement agency for the city to provide support or assistance intended to further immigration enforcement, such officer or employee's agency shall make a record relating to such request, including any response or actions taken in response.",
  disaggregation:
    'a quarterly report containing an anonymized compilation or summary of such requests and actions taken in response, disaggregated by the requesting non-local law enforcement agency and the agency receiving such a request',
  withholding:
    'disclosure of any such information shall not be required if: (i) such disclosure would interfere with law enforcement investigations or (ii) such disclosure is related to actions taken pursuant to clause (i) of subdivision e of this section and would compromise public safety',
  otherReports:
    'Such report shall not be required to include information contained in reports required pursuant to section 9-131, 9-205, or 14-154.',
} as const;

export const REPORT_PARTS: readonly ReportPart[] = Object.freeze([
  {
    id: 'record',
    statute: STATUTE.record,
    method:
      'Each request the desk recorded as received in the quarter (New York time) is counted once, ' +
      'under the response recorded for it when the report was built: agreed, declined, partly ' +
      'agreed, or no response recorded yet.',
  },
  {
    id: 'disaggregation',
    statute: STATUTE.disaggregation,
    method:
      'One row for each pair of requesting agency and receiving agency with a reported request, ' +
      'and a total for each agency on either side. Agencies only: no words of a record, so ' +
      'nothing in the report can name a person.',
  },
  {
    id: 'withholding',
    statute: STATUTE.withholding,
    method:
      'A request recorded as withheld on either ground is left out of every row and total; the ' +
      'report says only how many were left out on each ground.',
  },
  {
    id: 'other-reports',
    statute: STATUTE.otherReports,
    method:
      'Civil immigration detainers and the information requests recorded on cases are counted in ' +
      'the §§ 9-131(f), 14-154(f) and 9-205(f) reports and are not repeated here: this report ' +
      'counts the desk’s record of the other requests.',
  },
]);

const ZERO: ResponseCounts = { requests: 0, agreed: 0, declined: 0, partly: 0, noResponse: 0 };

function add(counts: ResponseCounts, response: ResponseKind | null): ResponseCounts {
  const next: { -readonly [K in keyof ResponseCounts]: number } = {
    ...counts,
    requests: counts.requests + 1,
  };
  next[response ?? 'noResponse'] += 1;
  return next;
}

/** Known agencies in their list's order, a named one after those of its kind, by name. */
function agencyOrder(list: readonly string[]) {
  const rank = (ref: AgencyRef) => {
    const at = list.indexOf(ref.id.split(':')[0]!);
    return at === -1 ? list.length : at;
  };
  return (a: AgencyRef, b: AgencyRef) =>
    rank(a) - rank(b) || a.label.localeCompare(b.label, 'en') || a.id.localeCompare(b.id);
}
const byRequesting = agencyOrder(REQUESTING_AGENCIES);
const byReceiving = agencyOrder(RECEIVING_AGENCIES);

function totalsBy(
  requests: readonly RequestForReport[],
  side: 'requestingAgency' | 'receivingAgency',
  order: (a: AgencyRef, b: AgencyRef) => number,
): AgencyTotal[] {
  const totals = new Map<string, AgencyTotal>();
  for (const request of requests) {
    const agency = request[side];
    const known = totals.get(agency.id);
    totals.set(agency.id, {
      agency: known?.agency ?? agency,
      counts: add(known?.counts ?? ZERO, request.response),
    });
  }
  return [...totals.values()].sort((a, b) => order(a.agency, b.agency));
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function headlineOf(quarter: Quarter, total: ResponseCounts, withheld: number): string {
  const left =
    withheld === 0
      ? ''
      : ` ${plural(withheld, 'more request is', 'more requests are')} withheld under § 10-178(d)(i) or (ii).`;
  if (total.requests === 0) {
    return `From ${quarter.label} the desk recorded no request from a non-local law enforcement agency for support or assistance intended to further immigration enforcement.${left}`;
  }
  const kinds = [
    `${total.agreed.toLocaleString('en-US')} ${RESPONSE_KIND_LABELS.agreed.toLowerCase()}`,
    `${total.declined.toLocaleString('en-US')} ${RESPONSE_KIND_LABELS.declined.toLowerCase()}`,
    `${total.partly.toLocaleString('en-US')} ${RESPONSE_KIND_LABELS.partly.toLowerCase()}`,
    `${total.noResponse.toLocaleString('en-US')} without a recorded response`,
  ];
  return (
    `From ${quarter.label} the desk recorded ${plural(total.requests, 'request', 'requests')} from ` +
    `non-local law enforcement agencies for support or assistance intended to further immigration ` +
    `enforcement: ${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]!}.${left}`
  );
}

function requirement(quarter: Quarter, clause: Clause): { required: boolean; because: string } {
  if (clause.version === 'not in force') {
    return { required: false, because: `${clause.effective}: no report was required yet.` };
  }
  if (quarter.from < clause.validFrom) {
    return {
      required: false,
      because:
        `LL228/2017 § 4: information newly required by § 10-178(d) is required to be reported ` +
        `only for periods beginning on the effective date, ${clause.validFrom}; this quarter ` +
        `began on ${quarter.from}. Built for information.`,
    };
  }
  return {
    required: true,
    because: `${clause.citation} was in force for the whole quarter.`,
  };
}

/**
 * One label for each agency a name was given for ("New Jersey State Police", "new jersey state
 * police"): the spelling given most often, the first in code-point order on a tie, so the report
 * does not depend on the order the records were read in.
 */
function withOneLabel(requests: readonly RequestForReport[]): RequestForReport[] {
  const spellings = new Map<string, Map<string, number>>();
  for (const request of requests) {
    for (const agency of [request.requestingAgency, request.receivingAgency]) {
      const seen = spellings.get(agency.id) ?? new Map<string, number>();
      seen.set(agency.label, (seen.get(agency.label) ?? 0) + 1);
      spellings.set(agency.id, seen);
    }
  }
  const label = (agency: AgencyRef): AgencyRef => {
    const [chosen] = [...(spellings.get(agency.id) ?? [])].sort(
      ([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0),
    );
    return chosen === undefined || chosen[0] === agency.label
      ? agency
      : { id: agency.id, label: chosen[0] };
  };
  return requests.map((request) => ({
    ...request,
    requestingAgency: label(request.requestingAgency),
    receivingAgency: label(request.receivingAgency),
  }));
}

export interface QuarterlyInput {
  readonly quarter: Quarter;
  /** The desk's records; those received outside the quarter are ignored. */
  readonly requests: Iterable<RequestForReport>;
  readonly dataAsOf: string;
  readonly audit: AuditState;
}

export function buildQuarterlyReport(input: QuarterlyInput): QuarterlyRequestsReport {
  const { quarter } = input;
  const [start, end] = quarterBounds(quarter).map((instant) => Date.parse(instant)) as [
    number,
    number,
  ];
  const inQuarter = [...input.requests].filter((request) => {
    const at = Date.parse(request.receivedAt);
    return at >= start && at < end;
  });
  const reported = withOneLabel(inQuarter.filter((request) => request.withheld === null));
  const rows = new Map<string, QuarterlyRow>();
  for (const request of reported) {
    const key = JSON.stringify([request.requestingAgency.id, request.receivingAgency.id]);
    const known = rows.get(key);
    rows.set(key, {
      requestingAgency: known?.requestingAgency ?? request.requestingAgency,
      receivingAgency: known?.receivingAgency ?? request.receivingAgency,
      counts: add(known?.counts ?? ZERO, request.response),
    });
  }
  const total = reported.reduce((counts, request) => add(counts, request.response), ZERO);
  const withheld = WITHHOLDING_GROUND_IDS.map((ground) => ({
    ground,
    clause: WITHHOLDING_GROUNDS[ground].clause,
    statute: WITHHOLDING_GROUNDS[ground].text,
    requests: inQuarter.filter((request) => request.withheld === ground).length,
  }));
  const clause = clauseOn(quarter.to);
  const { required, because } = requirement(quarter, clause);
  const notes = [
    'Quarters are read as calendar quarters (January to March, and so on) in New York time; ' +
      'subdivision d says "quarterly" and sets neither the quarters nor a deadline.',
    'The counts are exact: the law asks for them, and they count agencies’ requests, not people.',
    ...(quarter.to >= LL63_IN_FORCE
      ? [
          `From ${LL63_IN_FORCE}, Local Law 63 of 2026 § 4 widened "immigration enforcement" ` +
            '(§ 10-178(a)), and with it the requests subdivision d reaches; the words of ' +
            'subdivision d are unchanged.',
        ]
      : []),
  ];
  return {
    title:
      'Requests from non-local law enforcement agencies for support or assistance intended to further immigration enforcement',
    quarter: { ...quarter, timeZone: QUARTERLY_TIME_ZONE },
    law: {
      clauseId: clause.id,
      version: clause.version,
      citation: clause.citation,
      url: clause.url,
      verification: clause.verification,
    },
    required,
    requiredBecause: because,
    submittedTo:
      'The speaker of the council, by the office of the mayor, or the agency whose head the ' +
      'mayor appoints, that the mayor designates (§ 10-178(d)).',
    headline: headlineOf(
      quarter,
      total,
      withheld.reduce((sum, ground) => sum + ground.requests, 0),
    ),
    rows: [...rows.values()].sort(
      (a, b) =>
        byRequesting(a.requestingAgency, b.requestingAgency) ||
        byReceiving(a.receivingAgency, b.receivingAgency),
    ),
    byRequestingAgency: totalsBy(reported, 'requestingAgency', byRequesting),
    byReceivingAgency: totalsBy(reported, 'receivingAgency', byReceiving),
    total,
    withheld,
    parts: REPORT_PARTS,
    notes,
    dataAsOf: input.dataAsOf,
    audit: input.audit,
  };
}
