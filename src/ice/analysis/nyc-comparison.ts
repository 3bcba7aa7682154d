/**
 * ICE's records of New York City beside the city's own figures: for each figure DOC and NYPD are
 * reported to have published (src/law/nyc/published-figures.ts, through REPORT_LAWS), and for
 * every reading of its period, the detainers ICE's imported releases record at the facilities
 * matched to that agency (agency-aliases.ts) and in New York State as a whole, with how far the
 * imported releases cover the period. One grouped query (New York by month and agency) answers
 * every period that is whole months; any other period is asked on its own.
 *
 * The two need not match, and the answer says why in its caveats: ICE counts detainers it
 * prepared, attributed by facility names matched by inferred patterns; the agencies count what
 * they received, by their own definitions; the published figures are secondary sources.
 * @module
 */
import type { PublishedFigures } from '../../reports/report-law.js';
import { REPORT_LAWS } from '../../law/report-laws.js';
import type { IceDatabase } from '../ice-database.js';
import type { Caveat } from './caveats.js';
import {
  addCounts,
  declineRates,
  NO_COUNTS,
  type DeclineRates,
  type OutcomeCounts,
} from './decline-rates.js';
import { iceImports, iceStats, type Coverage, type StatsRow } from './ice-stats.js';
import { periodRange } from './periods.js';
import { AGENCY_FILTERS, type StatsFilterInput } from './stats-request.js';

export type Counts = OutcomeCounts & DeclineRates;

/** How much of a period the imported releases' prepare dates span. */
export type ReleaseCoverage = 'whole' | 'part' | 'none';

export interface NycReading {
  basis: string;
  from: string;
  to: string;
  /** Whether the imported releases run over the whole period, part of it, or none of it. */
  releases: ReleaseCoverage;
  /** ICE's detainers at the facilities matched to the agency, with the filter selecting them. */
  agency: Counts & { drill: StatsFilterInput };
  /** ICE's detainers at every facility in New York State, for scale. */
  newYorkState: Counts & { drill: StatsFilterInput };
}

export interface NycFigure {
  jurisdiction: string;
  /** The agency's name, and the short name its reports use. */
  agency: string;
  agencyShort: string;
  /** The period as the source names it, what it leaves open, and the figures as published. */
  published: string;
  periodNote: string;
  received?: number;
  honored?: number;
  transferred?: number;
  notHonored?: number;
  sources: readonly { url: string; note: string }[];
  verification: 'secondary';
  readings: NycReading[];
}

export interface NycComparison {
  figures: NycFigure[];
  /** The first and last prepare dates of every imported release (null when none is imported). */
  releasesFrom: string | null;
  releasesTo: string | null;
  duplicates: { included: boolean; count: number };
  coverage: Coverage;
  caveats: Caveat[];
}

const STATE = 'NEW YORK';

export const AGENCY_FIGURES_DIFFER: Caveat = {
  id: 'agency-figures-differ',
  text:
    'ICE’s records and the agencies’ own figures need not match. ICE counts the detainers it ' +
    'prepared (not those served on or received by the agency), attributed to facilities by the ' +
    'names ICE wrote, matched here to the city’s agencies by inferred name patterns; the ' +
    'agencies count what they received, by their own definitions. ICE’s "booked into ' +
    'detention" is not the agency’s "transferred", nor its "declined" the agency’s "not ' +
    'honored". The agencies’ figures come through the press or a hearing (secondary sources), ' +
    'some for a period they leave open, so ICE’s count is given for every reading of it.',
};

const withRates = (counts: OutcomeCounts): Counts => ({ ...counts, ...declineRates(counts) });

const pickCounts = (row: OutcomeCounts): OutcomeCounts => ({
  detainers: row.detainers,
  booked: row.booked,
  declined: row.declined,
  lifted: row.lifted,
  blank: row.blank,
  other: row.other,
});

/** `YYYY-MM` of the first and last month when the period is whole months; else undefined. */
function wholeMonths(from: string, to: string): { first: string; last: string } | undefined {
  if (!from.endsWith('-01')) return undefined;
  const last = to.slice(0, 7);
  return periodRange('month', last).to === to ? { first: from.slice(0, 7), last } : undefined;
}

function releaseCoverage(
  from: string,
  to: string,
  first: string | null,
  last: string | null,
): ReleaseCoverage {
  if (first === null || last === null || last < from || first > to) return 'none';
  return first <= from && last >= to ? 'whole' : 'part';
}

/** Sums month-and-agency rows over a period's months: the agency's, and the state's. */
function sumMonths(rows: readonly StatsRow[], agency: string, first: string, last: string) {
  let ofAgency = NO_COUNTS;
  let ofState = NO_COUNTS;
  for (const row of rows) {
    const month = String(row.key.month);
    if (month < first || month > last) continue;
    ofState = addCounts(ofState, pickCounts(row));
    if (row.key.agency === agency) ofAgency = addCounts(ofAgency, pickCounts(row));
  }
  return { ofAgency, ofState };
}

/** The comparison for `published` (default: every figure the desk's report laws carry). */
export async function iceNycComparison(
  db: IceDatabase,
  published: readonly PublishedFigures[] = REPORT_LAWS.flatMap((law) => law.published),
): Promise<NycComparison> {
  const known: readonly string[] = AGENCY_FILTERS;
  const figures = published.filter((figure) => known.includes(figure.jurisdiction));
  const { imports } = await iceImports(db);
  const dates = imports.flatMap((entry) =>
    entry.firstDate === null || entry.lastDate === null ? [] : [entry],
  );
  const releasesFrom = dates.reduce<string | null>(
    (min, entry) => (min === null || entry.firstDate! < min ? entry.firstDate : min),
    null,
  );
  const releasesTo = dates.reduce<string | null>(
    (max, entry) => (max === null || entry.lastDate! > max ? entry.lastDate : max),
    null,
  );
  const monthly = await iceStats(db, { by: 'month,agency', filter: { state: STATE } });

  const reading = async (
    jurisdiction: string,
    entry: PublishedFigures['readings'][number],
  ): Promise<NycReading> => {
    const months = wholeMonths(entry.from, entry.to);
    let ofAgency: OutcomeCounts;
    let ofState: OutcomeCounts;
    if (months !== undefined) {
      ({ ofAgency, ofState } = sumMonths(monthly.rows, jurisdiction, months.first, months.last));
    } else {
      const answer = await iceStats(db, {
        by: 'agency',
        filter: { state: STATE, from: entry.from, to: entry.to },
      });
      ofState = pickCounts(answer.totals);
      ofAgency = pickCounts(
        answer.rows.find((row) => row.key.agency === jurisdiction) ?? NO_COUNTS,
      );
    }
    const period = { from: entry.from, to: entry.to };
    return {
      basis: entry.basis,
      from: entry.from,
      to: entry.to,
      releases: releaseCoverage(entry.from, entry.to, releasesFrom, releasesTo),
      agency: {
        ...withRates(ofAgency),
        drill: { agency: jurisdiction, ...period },
      },
      newYorkState: { ...withRates(ofState), drill: { state: STATE, ...period } },
    };
  };

  const answered: NycFigure[] = [];
  for (const figure of figures) {
    const law = REPORT_LAWS.find((candidate) => candidate.jurisdiction === figure.jurisdiction);
    const readings: NycReading[] = [];
    for (const entry of figure.readings) readings.push(await reading(figure.jurisdiction, entry));
    answered.push({
      jurisdiction: figure.jurisdiction,
      agency: law?.agency ?? figure.jurisdiction,
      agencyShort: law?.agencyShort ?? figure.jurisdiction,
      published: figure.published,
      periodNote: figure.periodNote,
      ...(figure.received === undefined ? {} : { received: figure.received }),
      ...(figure.honored === undefined ? {} : { honored: figure.honored }),
      ...(figure.transferred === undefined ? {} : { transferred: figure.transferred }),
      ...(figure.notHonored === undefined ? {} : { notHonored: figure.notHonored }),
      sources: figure.sources,
      verification: figure.verification,
      readings,
    });
  }
  return {
    figures: answered,
    releasesFrom,
    releasesTo,
    duplicates: monthly.duplicates,
    coverage: monthly.coverage,
    caveats: [...monthly.caveats, AGENCY_FIGURES_DIFFER],
  };
}
