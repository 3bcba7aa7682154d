/**
 * The demo's synthetic ICE release: a small CSV in the Deportation Data Project's processed format
 * (format F, formats.ts), made up from a seed so the same seed gives the same bytes, for a demo
 * desk to show the ICE analytics without a real release. Every facility is invented (named
 * "SYNTHETIC DEMO …"; New York City's are named so the agency matcher finds them) and every
 * person id is made up. The file is named, and every row's `file_original` says,
 * `SYNTHETIC DEMO RELEASE — not ICE data`: the importer records the file name as the import's
 * provenance, and every answer counting it carries a caveat saying so (`isSyntheticRelease`).
 *
 * The volumes and outcomes are shaped only so the pages have something to show (New York City's
 * declines rising after its 2014 laws, Texas declining almost none): they are not ICE's figures,
 * nor calibrated to them.
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The label the release carries wherever its figures appear. */
export const SYNTHETIC_RELEASE_LABEL = 'SYNTHETIC DEMO RELEASE — not ICE data';

/** The file name, and so the import's recorded provenance (`ice_imports.file_name`). */
export const SYNTHETIC_RELEASE_FILE_NAME = `${SYNTHETIC_RELEASE_LABEL}.csv`;

/** The demo's seed, as for the demo caseload. */
export const SYNTHETIC_RELEASE_SEED = 2017;

/** An import whose file name carries the label is the synthetic release (or a copy of it). */
export function isSyntheticRelease(fileName: string): boolean {
  return fileName.startsWith(SYNTHETIC_RELEASE_LABEL);
}

/** The months the release covers: federal FY2013 to FY2019, every period NYC's figures name. */
const FIRST_MONTH = { year: 2012, month: 10 };
const MONTHS = 84;

/** Format F's columns (the DDP's snake_case names), those the importer reads and its marks. */
const COLUMNS = [
  'detainer_prepare_date',
  'facility_state',
  'facility_aor',
  'detention_facility',
  'detention_facility_code',
  'facility_city',
  'detainer_type',
  'detainer_lift_reason',
  'unique_identifier',
  'file_original',
  'sheet_original',
  'row_original',
  'duplicate_likely',
] as const;

interface Facility {
  name: string;
  code: string;
  city: string;
  state: string;
  aor: string;
  /** Detainers a month, on average, before and after the policy date. */
  perMonth: readonly [number, number];
  /** Share of detainers recorded "Detainer Declined by LEA", before and after it. */
  declined: readonly [number, number];
  /** The day its (imagined) policy changed; ISO date. */
  policyFrom: string;
}

const NYC_LAWS = '2014-11-14';
const facility = (
  name: string,
  code: string,
  city: string,
  state: string,
  aor: string,
  perMonth: readonly [number, number],
  declined: readonly [number, number],
  policyFrom = '2015-01-01',
): Facility => ({ name, code, city, state, aor, perMonth, declined, policyFrom });

/** Invented facilities. New York City's names contain what the agency matcher looks for. */
export const SYNTHETIC_FACILITIES: readonly Facility[] = [
  facility(
    'NYC DEPT OF CORRECTION - SYNTHETIC DEMO JAIL A',
    'SYNNYC1',
    'EAST ELMHURST',
    'NY',
    'NYC',
    [60, 20],
    [0.02, 0.55],
    NYC_LAWS,
  ),
  facility(
    'NYC DEPT OF CORRECTION - SYNTHETIC DEMO JAIL B',
    'SYNNYC2',
    'EAST ELMHURST',
    'NY',
    'NYC',
    [30, 10],
    [0.02, 0.55],
    NYC_LAWS,
  ),
  facility(
    'NYPD - SYNTHETIC DEMO CENTRAL BOOKING',
    'SYNNYC3',
    'NEW YORK',
    'NY',
    'NYC',
    [6, 80],
    [0.1, 0.6],
    '2016-10-01',
  ),
  facility(
    'SYNTHETIC DEMO COUNTY JAIL (NY-1)',
    'SYNNY01',
    'DEMO TOWN',
    'NY',
    'BUF',
    [6, 7],
    [0.05, 0.2],
  ),
  facility(
    'SYNTHETIC DEMO COUNTY JAIL (NY-2)',
    'SYNNY02',
    'DEMO TOWN',
    'NY',
    'NYC',
    [5, 5],
    [0.02, 0.1],
  ),
  facility(
    'SYNTHETIC DEMO COUNTY JAIL (NJ-1)',
    'SYNNJ01',
    'DEMO TOWN',
    'NJ',
    'NEW',
    [9, 8],
    [0.05, 0.3],
  ),
  facility(
    'SYNTHETIC DEMO COUNTY PRISON (PA-1)',
    'SYNPA01',
    'DEMO TOWN',
    'PA',
    'PHI',
    [7, 8],
    [0.03, 0.25],
  ),
  facility(
    'SYNTHETIC DEMO COUNTY JAIL (TX-1)',
    'SYNTX01',
    'DEMO TOWN',
    'TX',
    'HOU',
    [30, 35],
    [0.01, 0],
    '2017-09-01',
  ),
  facility(
    'SYNTHETIC DEMO COUNTY JAIL (TX-2)',
    'SYNTX02',
    'DEMO TOWN',
    'TX',
    'DAL',
    [20, 22],
    [0.02, 0],
    '2017-09-01',
  ),
  facility(
    'SYNTHETIC DEMO COUNTY JAIL (TX-3)',
    'SYNTX03',
    'DEMO TOWN',
    'TX',
    'SNA',
    [10, 12],
    [0.01, 0],
    '2017-09-01',
  ),
  facility(
    'SYNTHETIC DEMO COUNTY JAIL (CA-1)',
    'SYNCA01',
    'DEMO TOWN',
    'CA',
    'LOS',
    [25, 10],
    [0.05, 0.45],
    '2014-01-01',
  ),
  facility(
    'SYNTHETIC DEMO COUNTY JAIL (CA-2)',
    'SYNCA02',
    'DEMO TOWN',
    'CA',
    'SFR',
    [15, 6],
    [0.1, 0.6],
    '2014-01-01',
  ),
  facility(
    'SYNTHETIC DEMO COUNTY JAIL (CA-3)',
    'SYNCA03',
    'DEMO TOWN',
    'CA',
    'SND',
    [12, 6],
    [0.04, 0.35],
    '2014-01-01',
  ),
  facility(
    'SYNTHETIC DEMO COUNTY JAIL (FL-1)',
    'SYNFL01',
    'DEMO TOWN',
    'FL',
    'MIA',
    [18, 20],
    [0.01, 0.01],
  ),
  facility(
    'SYNTHETIC DEMO COUNTY JAIL (FL-2)',
    'SYNFL02',
    'DEMO TOWN',
    'FL',
    'MIA',
    [8, 9],
    [0.02, 0.02],
  ),
  facility(
    'SYNTHETIC DEMO COUNTY JAIL (IL-1)',
    'SYNIL01',
    'DEMO TOWN',
    'IL',
    'CHI',
    [12, 5],
    [0.1, 0.7],
    '2012-09-01',
  ),
  facility(
    'SYNTHETIC DEMO COUNTY JAIL (AZ-1)',
    'SYNAZ01',
    'DEMO TOWN',
    'AZ',
    'PHO',
    [20, 18],
    [0.01, 0.02],
  ),
  facility(
    'SYNTHETIC DEMO COUNTY JAIL (GA-1)',
    'SYNGA01',
    'DEMO TOWN',
    'GA',
    'ATL',
    [10, 12],
    [0.01, 0.01],
  ),
  facility(
    'SYNTHETIC DEMO SMALL JAIL (GA-2)',
    'SYNGA02',
    'DEMO TOWN',
    'GA',
    'ATL',
    [0.3, 0.3],
    [0.2, 0.2],
  ),
];

/** Lift reasons besides booked and declined, each with its share; ICE's words (outcomes.ts). */
const OTHER_REASONS: readonly (readonly [string, number])[] = [
  ['Prosecutorial Discretion', 0.03],
  ['Case Closed', 0.015],
  ['Lifted', 0.01],
  ['Transferred', 0.025],
  ['Early Release', 0.015],
  ['Judicial Review', 0.002],
];
/** Share of rows without a lift reason (about 40% in recent real releases). */
const BLANK = 0.35;
/** Share of detainers followed, within hours, by another for the same person. */
const REPEATED = 0.015;

/** The forms in use on a day (ice-formats.md §1.3), as ICE writes them. */
function detainerType(date: string, draw: number): string {
  if (date < '2015-07-01') return 'I-247 - Immigration Detainer - Notice of Action';
  if (date < '2017-04-02') {
    return draw < 0.8
      ? 'I-247D - Immigration Detainer - Request for Voluntary Action'
      : 'I-247N - Request for Voluntary Notification of Release';
  }
  return draw < 0.9
    ? 'I-247A - Immigration Detainer - Notice of Action'
    : 'I-247N - Request for Voluntary Notification of Release';
}

/** mulberry32: a small, fast generator whose sequence never changes with a library's version. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson draw (Knuth's method; the means here are small). */
function poisson(next: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  let product = next();
  while (product > limit) {
    count++;
    product *= next();
  }
  return count;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function monthStart(index: number): { year: number; month: number } {
  const months = FIRST_MONTH.year * 12 + FIRST_MONTH.month - 1 + index;
  return { year: Math.floor(months / 12), month: (months % 12) + 1 };
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function liftReason(next: () => number, declined: number): string {
  const draw = next();
  if (draw < BLANK) return '';
  let at = BLANK + declined * (1 - BLANK);
  if (draw < at) return 'Detainer Declined by LEA';
  for (const [reason, share] of OTHER_REASONS) {
    at += share;
    if (draw < at) return reason;
  }
  return 'Booked into Detention';
}

interface Row {
  at: string;
  facility: Facility;
  type: string;
  liftReason: string;
  person: string;
  repeated: boolean;
}

export interface SyntheticRelease {
  /** The file's text: a header and one line per detainer, in prepare-time order. */
  csv: string;
  rows: number;
  /** Detainers made as a second one for the same person within 24 hours of the first. */
  repeats: number;
  /** The first and last prepare dates. */
  from: string;
  to: string;
}

const quoted = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The synthetic release for `seed`: the same seed, the same bytes. */
export function syntheticRelease(seed = SYNTHETIC_RELEASE_SEED): SyntheticRelease {
  const next = random(seed);
  const rows: Row[] = [];
  let people = 0;
  const person = () => `SYNTHETIC-${pad(++people, 6)}`;
  for (let index = 0; index < MONTHS; index++) {
    const { year, month } = monthStart(index);
    const days = daysIn(year, month);
    for (const site of SYNTHETIC_FACILITIES) {
      const after = `${String(year)}-${pad(month)}-${pad(days)}` >= site.policyFrom ? 1 : 0;
      const count = poisson(next, site.perMonth[after]);
      for (let n = 0; n < count; n++) {
        const day = 1 + Math.floor(next() * days);
        const date = `${String(year)}-${pad(month)}-${pad(day)}`;
        const declined = date >= site.policyFrom ? site.declined[1] : site.declined[0];
        const hour = Math.floor(next() * 20);
        const minute = Math.floor(next() * 60);
        const id = person();
        const base = {
          facility: site,
          type: detainerType(date, next()),
          liftReason: liftReason(next, declined),
          person: id,
        };
        rows.push({ ...base, at: `${date} ${pad(hour)}:${pad(minute)}:00`, repeated: false });
        if (next() < REPEATED) {
          // A second detainer for the same person a few hours later, the same day.
          const later = `${date} ${pad(hour + 1 + Math.floor(next() * 3))}:${pad(minute)}:00`;
          rows.push({ ...base, at: later, repeated: true });
        }
      }
    }
  }
  // Prepare-time order, ties in the order made: a sort that is stable and the same everywhere.
  const ordered = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (a.row.at < b.row.at ? -1 : a.row.at > b.row.at ? 1 : a.index - b.index))
    .map(({ row }) => row);
  const lines = [COLUMNS.join(',')];
  for (const [index, row] of ordered.entries()) {
    const cells: Record<(typeof COLUMNS)[number], string> = {
      detainer_prepare_date: row.at,
      facility_state: row.facility.state,
      facility_aor: row.facility.aor,
      detention_facility: row.facility.name,
      detention_facility_code: row.facility.code,
      facility_city: row.facility.city,
      detainer_type: row.type,
      detainer_lift_reason: row.liftReason,
      unique_identifier: row.person,
      file_original: SYNTHETIC_RELEASE_LABEL,
      sheet_original: '',
      row_original: String(index + 1),
      duplicate_likely: row.repeated ? 'TRUE' : 'FALSE',
    };
    lines.push(COLUMNS.map((column) => quoted(cells[column])).join(','));
  }
  return {
    csv: `${lines.join('\n')}\n`,
    rows: ordered.length,
    repeats: ordered.filter((row) => row.repeated).length,
    from: ordered[0]?.at.slice(0, 10) ?? '',
    to: ordered.at(-1)?.at.slice(0, 10) ?? '',
  };
}

/** Writes the release into `folder` under its labelled name; returns the path and its counts. */
export async function writeSyntheticRelease(
  folder: string,
  seed = SYNTHETIC_RELEASE_SEED,
): Promise<SyntheticRelease & { path: string }> {
  const release = syntheticRelease(seed);
  const path = join(folder, SYNTHETIC_RELEASE_FILE_NAME);
  await writeFile(path, release.csv, { mode: 0o600 });
  return { ...release, path };
}
