/**
 * How a law's reporting subdivision is written as code, jurisdiction-free: each version of the
 * subdivision with its deadline and period, and each count it lists, defined once beside the
 * paragraph it implements. A count says what it counts (detainers, persons, requests, responses)
 * and, for each case, which of its events fall under the paragraph, at what instant, and whether
 * the case belongs (true), does not (false), or cannot be told from the record ("unknown").
 * @module
 */
import type { Case } from '../engine/case.js';
import type { Clause } from '../engine/clause.js';
import type { Tri } from '../engine/tri.js';
import type { ReportCase } from './report-case.js';

/** What a figure counts. Persons and detainers are counted once each however often they match. */
export type Unit = 'detainers' | 'persons' | 'requests' | 'responses';

/** One thing a count may count, at the instant that places it in a period. */
export interface Counted {
  /** What is counted once: the person, the case, the request. */
  readonly key: string;
  readonly caseId: string;
  readonly at: string;
  readonly value: Tri;
}

/** A date from which the enacting law first requires a paragraph, for periods beginning then. */
export interface RequiredFrom {
  readonly date: string;
  readonly citation: string;
}

interface CountCommon {
  /** Unique within its version, stable across versions where the paragraph is the same. */
  readonly id: string;
  /** The paragraph it implements, as the statute numbers it: '1', '2.iii', '5.i'. */
  readonly paragraph: string;
  /** The figure in plain words. */
  readonly label: string;
  /** How the desk finds it in its records, in plain words. */
  readonly method: string;
  /** Where the statute leaves a choice, the desk's reading of it: shown as inferred. */
  readonly interpretation?: string;
  readonly requiredFrom?: RequiredFrom;
}

/** A figure the desk computes from its records. */
export interface TalliedCount extends CountCommon {
  readonly unit: Unit;
  readonly tally: (reportCase: ReportCase) => Iterable<Counted>;
}

/** A figure the statute asks for that the desk's records do not hold, and who supplies it. */
export interface UnrecordedCount extends CountCommon {
  readonly notRecorded: string;
}

export type CountDefinition = TalliedCount | UnrecordedCount;

export function isTallied(count: CountDefinition): count is TalliedCount {
  return 'tally' in count;
}

/** "MM-DD". */
export type MonthDay = `${number}-${number}`;

/** One version of a reporting subdivision. */
export interface ReportVersion {
  /** The reporting clause, with its citation, text and dates in force. */
  readonly clause: Clause;
  /** The first report the version requires, a local date. */
  readonly firstDue: string;
  /** Each later report's deadline, in the year it is due. */
  readonly due: MonthDay;
  /** The last day of the twelve months each report covers, before its deadline. */
  readonly periodEnds: MonthDay;
  /** Whether the text states the period's end, or the desk infers it (and why). */
  readonly periodBasis: { readonly stated: boolean; readonly note: string };
  readonly counts: readonly CountDefinition[];
}

/** A reading of a published period: the press does not always say which year it means. */
export interface PeriodReading {
  /** What the reading takes the published period to be. */
  readonly basis: string;
  /** First and last day, both included. */
  readonly from: string;
  readonly to: string;
}

export interface PublishedFigures {
  readonly jurisdiction: string;
  /** The period as the source names it. */
  readonly published: string;
  /** Every reading of that period the sources allow, the likeliest first. */
  readonly readings: readonly PeriodReading[];
  readonly periodNote: string;
  readonly received?: number;
  /** "Honored" as the source uses it: held on the detainer. */
  readonly honored?: number;
  readonly transferred?: number;
  readonly notHonored?: number;
  readonly sources: readonly { readonly url: string; readonly note: string }[];
  readonly verification: 'secondary';
}

/** A jurisdiction's reporting duty: the agency, its versions, and the facts its counts read. */
export interface ReportLaw {
  readonly jurisdiction: string;
  /** The agency's full name and the name its reports use. */
  readonly agency: string;
  readonly agencyShort: string;
  readonly timeZone: string;
  /** Oldest first; each in force from its clause's `validFrom` to its `validTo`. */
  readonly versions: readonly ReportVersion[];
  /** The substantive versions of the law the agency applied, for saying which a period spans. */
  readonly lawVersions: readonly { readonly version: string; readonly from: string }[];
  /** The facts about a person the counts read, classified by the law's own tests on `lawDate`. */
  readonly subjectFacts: (input: Case, lawDate: string) => Readonly<Record<string, Tri>>;
  /** What the agency is reported to have published, to show beside the desk's figures. */
  readonly published: readonly PublishedFigures[];
}

// ---------------------------------------------------------------------------------------------
// Tallies the counts are written with.

/** Whether a case belongs to a count, from the person's facts: true when absent. */
export type Belongs = (reportCase: ReportCase) => Tri;

const always: Belongs = () => true;

function keyOf(unit: 'detainers' | 'persons', reportCase: ReportCase): string {
  return unit === 'persons' ? reportCase.personId : reportCase.id;
}

/** A case that does not belong to a count adds nothing to it: no entry to place and drop. */
const NOTHING: readonly Counted[] = Object.freeze([]);

/** Requests received in the period: each case is one detainer. */
export function receivedTally(belongs: Belongs = always) {
  return (reportCase: ReportCase): readonly Counted[] => {
    const value = belongs(reportCase);
    if (value === false) return NOTHING;
    return [{ key: reportCase.id, caseId: reportCase.id, at: reportCase.receivedAt, value }];
  };
}

/** Cases with one of these timeline events in the period, placed at the event. */
export function eventTally(
  kinds: readonly string[],
  unit: 'detainers' | 'persons',
  belongs: Belongs = always,
) {
  return (reportCase: ReportCase): readonly Counted[] => {
    const events = reportCase.events.filter((event) => kinds.includes(event.kind));
    if (events.length === 0) return NOTHING;
    const value = belongs(reportCase);
    if (value === false) return NOTHING;
    return events.map((event) => ({
      key: keyOf(unit, reportCase),
      caseId: reportCase.id,
      at: event.at,
      value,
    }));
  };
}

/** A fact about the person, by name; a name the law does not classify is a programming error. */
export function subject(name: string): Belongs {
  return (reportCase) => {
    const value = reportCase.subject[name];
    if (value === undefined) throw new Error(`the report law classifies no fact "${name}"`);
    return value;
  };
}

export function hasEvent(reportCase: ReportCase, kind: string): boolean {
  return reportCase.events.some((event) => event.kind === kind);
}
