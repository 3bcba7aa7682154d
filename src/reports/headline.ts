/**
 * A report's headline: one sentence in plain words from its figures, e.g. "From October 2016 to
 * September 2017 the NYPD received 1,526 civil immigration detainers and honoured none."
 * Figures the records cannot settle are said to be uncertain, not rounded into the sentence.
 * @module
 */
import type { Figure } from './build-report.js';
import type { ReportLaw } from './report-law.js';
import { spanLabel, type ReportPeriod } from './report-periods.js';

/** The figure ids a headline reads; a version that lacks one says less. */
export const HEADLINE_FIGURES = Object.freeze({
  received: 'received',
  held: 'held',
  transferred: 'transferred',
} as const);

const number = new Intl.NumberFormat('en-US');

export function headlineOf(law: ReportLaw, period: ReportPeriod, figures: readonly Figure[]) {
  const value = (id: string) => {
    const figure = figures.find((candidate) => candidate.id === id);
    return figure?.status === 'counted' ? figure : undefined;
  };
  const received = value(HEADLINE_FIGURES.received);
  const held = value(HEADLINE_FIGURES.held);
  const transferred = value(HEADLINE_FIGURES.transferred);
  const span = spanLabel(period.from, period.to);
  // "From June 2017" would read as "since": a single month or year is "In".
  const opening = `${span.includes(' to ') ? 'From' : 'In'} ${span} the ${law.agencyShort}`;
  const parts: string[] = [];
  if (received) {
    parts.push(`received ${detainers(received.value)}`);
  }
  const honouredNone =
    held?.value === 0 && transferred?.value === 0 && held.unknown + transferred.unknown === 0;
  if (honouredNone) {
    parts.push('honoured none');
  } else {
    if (held) parts.push(`held ${people(held.value)} past release on them`);
    if (transferred) parts.push(`transferred ${people(transferred.value)} to ICE`);
  }
  if (parts.length === 0) {
    return `${opening} was not required to report any figure for this period.`;
  }
  const uncertain = figures.some((figure) => figure.status === 'counted' && figure.unknown > 0);
  const sentence = `${opening} ${list(parts)}.`;
  return uncertain
    ? `${sentence} Some figures are uncertain: the records do not say for every case.`
    : sentence;
}

function amount(value: number): string {
  return number.format(value);
}

function detainers(value: number): string {
  if (value === 0) return 'no civil immigration detainers';
  return value === 1
    ? 'one civil immigration detainer'
    : `${amount(value)} civil immigration detainers`;
}

function people(value: number): string {
  if (value === 0) return 'no one';
  return value === 1 ? 'one person' : `${amount(value)} people`;
}

function list(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}
