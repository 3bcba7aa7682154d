/**
 * Builds a mandated report from the desk's cases: every count of the reporting text in force,
 * each computed from the cases' events in the period, with the cases behind it, the figure the
 * records cannot settle named as unknown (never folded into a yes or a no), and what the report
 * was built on: the period, the text, the method, the data's date and the audit log's state.
 * Pure: the same cases and inputs give the same report.
 * @module
 */
import { UNKNOWN, type Tri } from '../engine/tri.js';
import { headlineOf } from './headline.js';
import type { ReportCase } from './report-case.js';
import { isTallied, type CountDefinition, type ReportLaw, type Unit } from './report-law.js';
import { periodBounds, type ReportPeriod } from './report-periods.js';
import { paragraphText } from './statute-paragraph.js';

/** The audit log the report was built on: its size and root, and its latest signed checkpoint. */
export interface AuditState {
  readonly size: number;
  readonly rootSha256: string;
  readonly checkpoint?: string;
}

interface FigureCommon {
  readonly id: string;
  readonly paragraph: string;
  readonly label: string;
  /** The paragraph's own words. */
  readonly statute: string;
  readonly method: string;
  readonly interpretation?: string;
}

export interface CountedFigure extends FigureCommon {
  readonly status: 'counted';
  readonly unit: Unit;
  readonly value: number;
  /** How many more may belong: the records do not say. */
  readonly unknown: number;
  /** The cases behind the figure, and behind its unknowns; only in the authorised report. */
  readonly caseIds?: readonly string[];
  readonly unknownCaseIds?: readonly string[];
}

export interface OmittedFigure extends FigureCommon {
  readonly status: 'not-required' | 'not-recorded';
  /** Why there is no figure. */
  readonly reason: string;
}

export type Figure = CountedFigure | OmittedFigure;

export interface Report {
  readonly jurisdiction: string;
  readonly agency: string;
  readonly agencyShort: string;
  readonly period: {
    readonly kind: ReportPeriod['kind'];
    readonly from: string;
    readonly to: string;
    readonly due?: string;
    readonly label: string;
  };
  readonly law: {
    readonly clauseId: string;
    readonly version: string;
    readonly citation: string;
    readonly url: string;
    readonly verification: string;
  };
  /** The versions of the agency's law in force during the period, each from its first day. */
  readonly lawInForce: readonly { readonly version: string; readonly from: string }[];
  readonly headline: string;
  /** How the period, the text and the counting were chosen, in plain words. */
  readonly method: readonly string[];
  readonly figures: readonly Figure[];
  readonly dataAsOf: string;
  readonly audit: AuditState;
}

export interface BuildInput {
  readonly law: ReportLaw;
  readonly period: ReportPeriod;
  readonly cases: Iterable<ReportCase>;
  readonly dataAsOf: string;
  readonly audit: AuditState;
  /** Whether each figure lists the cases behind it (the traced report); true unless said. */
  readonly traced?: boolean;
}

export function buildReport({
  law,
  period,
  cases,
  dataAsOf,
  audit,
  traced = true,
}: BuildInput): Report {
  const { version } = period;
  const [start, end] = periodBounds(period, law.timeZone);
  const tallies = version.counts.map((count) =>
    isTallied(count) && isRequired(count, period) ? new Map<string, Member>() : undefined,
  );
  const counting = version.counts.flatMap((count, index) =>
    isTallied(count) && tallies[index] !== undefined
      ? [{ tally: count.tally, members: tallies[index] }]
      : [],
  );
  for (const reportCase of cases) {
    for (const { tally, members } of counting) {
      for (const counted of tally(reportCase)) {
        if (counted.value === false) continue;
        const at = Date.parse(counted.at);
        if (at < start || at >= end) continue;
        join(members, counted.key, counted.value, traced ? counted.caseId : undefined);
      }
    }
  }
  const figures = version.counts.map((count, index) =>
    figureOf(count, period, tallies[index], version.clause.text, traced),
  );
  return {
    jurisdiction: law.jurisdiction,
    agency: law.agency,
    agencyShort: law.agencyShort,
    period: {
      kind: period.kind,
      from: period.from,
      to: period.to,
      ...(period.due === undefined ? {} : { due: period.due }),
      label: period.label,
    },
    law: {
      clauseId: version.clause.id,
      version: version.clause.version,
      citation: version.clause.citation,
      url: version.clause.url,
      verification: version.clause.verification,
    },
    lawInForce: lawInForce(law, period),
    headline: headlineOf(law, period, figures),
    method: methodOf(law, period),
    figures,
    dataAsOf,
    audit,
  };
}

interface Member {
  value: Tri;
  caseIds: string[];
}

/** A key counts once: true if any of its matches is true, else unknown. */
function join(members: Map<string, Member>, key: string, value: Tri, caseId?: string) {
  const member = members.get(key);
  if (member === undefined) {
    members.set(key, { value, caseIds: caseId === undefined ? [] : [caseId] });
    return;
  }
  if (member.value === UNKNOWN && value === true) member.value = true;
  if (caseId !== undefined && !member.caseIds.includes(caseId)) member.caseIds.push(caseId);
}

function isRequired(count: CountDefinition, period: ReportPeriod): boolean {
  return count.requiredFrom === undefined || period.from >= count.requiredFrom.date;
}

function figureOf(
  count: CountDefinition,
  period: ReportPeriod,
  members: Map<string, Member> | undefined,
  text: string,
  traced: boolean,
): Figure {
  const common: FigureCommon = {
    id: count.id,
    paragraph: count.paragraph,
    label: count.label,
    statute: paragraphText(text, count.paragraph),
    method: count.method,
    ...(count.interpretation === undefined ? {} : { interpretation: count.interpretation }),
  };
  if (!isRequired(count, period)) {
    const { date, citation } = count.requiredFrom!;
    return {
      ...common,
      status: 'not-required',
      reason: `${citation} requires this figure only for periods beginning on or after ${date}; this period began ${period.from}.`,
    };
  }
  if (!isTallied(count)) return { ...common, status: 'not-recorded', reason: count.notRecorded };
  const counted: string[] = [];
  const unknown: string[] = [];
  let value = 0;
  let open = 0;
  for (const member of members!.values()) {
    if (member.value === true) {
      value += 1;
      counted.push(...member.caseIds);
    } else {
      open += 1;
      unknown.push(...member.caseIds);
    }
  }
  return {
    ...common,
    status: 'counted',
    unit: count.unit,
    value,
    unknown: open,
    ...(traced ? { caseIds: counted.sort(), unknownCaseIds: unknown.sort() } : {}),
  };
}

function lawInForce(law: ReportLaw, period: ReportPeriod) {
  const versions = law.lawVersions;
  return versions.filter((version, index) => {
    const next = versions[index + 1];
    return version.from <= period.to && (next === undefined || next.from > period.from);
  });
}

function methodOf(law: ReportLaw, period: ReportPeriod): string[] {
  const { version } = period;
  const method = [
    `The counts are those listed in ${version.clause.citation}. Each is computed from the desk's own ` +
      `records: a request counts on the day it was received, and a hold, notice, transfer or ` +
      `release on the day the desk recorded that it happened, as a day in ${law.timeZone}.`,
    'A person or detainer is counted once in a figure however often it matches. Where the ' +
      'record cannot tell whether a case belongs (a criminal-history search not completed, a ' +
      'fact not recorded), it is counted apart as unknown, never as a yes or a no.',
  ];
  if (period.kind === 'statutory') {
    method.push(
      `The period is the twelve months before the deadline of ${period.due}. ${version.periodBasis.note}`,
    );
  } else {
    method.push(
      `This is not a statutory period: it is reported with the counts of the text in force on ` +
        `its last day, ${period.to}.`,
    );
  }
  const spans = lawInForce(law, period);
  if (spans.length > 1) {
    const changes = spans
      .slice(1)
      .map((next) => `${next.version} from ${next.from}`)
      .join(', ');
    method.push(
      `The law changed during the period (${spans[0]!.version} at its start, ${changes}). ` +
        'Each case was decided under the law in force for it; the report counts every case ' +
        `under the reporting text in force on ${period.due ?? period.to}.`,
    );
  }
  return method;
}
