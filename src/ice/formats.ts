/**
 * The record-level detainer formats ICE's public releases come in, and how to tell them apart by
 * their header row (never by file name: releases are renamed freely). Column names are from
 * ../shared/data/ice-formats.md §1.2 (format A, in the order of the 2025 raw files) and §8
 * (formats B–E). Columns are found by name, so their order and the table's width may vary (the
 * FY23/FY24 files lack `Birth Date`); only the columns a record needs are mapped here.
 * @module
 */
import { cellText, type Cell } from './cell.js';
import { fromText } from './ice-date.js';

export type FormatId = 'A' | 'B' | 'C' | 'D' | 'E';

/** The record fields read from a column. */
export type Field =
  | 'preparedDate'
  | 'detainerType'
  | 'facility'
  | 'facilityCode'
  | 'city'
  | 'state'
  | 'aor'
  | 'liftReason'
  | 'liftReasonCode'
  | 'criminality'
  | 'threatLevel'
  | 'gender'
  | 'citizenshipCountry'
  | 'personId';

export interface IceFormat {
  id: FormatId;
  title: string;
  /** The column each field is read from; fields absent here are missing in this format. */
  columns: Partial<Record<Field, string>>;
  /** Fields whose columns must all be in a header for it to be this format. */
  signature: readonly Field[];
  /** Rows above the header in ICE's own files (a title block); 0 where the header is first. */
  preambleRows: number;
}

export const FORMATS: readonly IceFormat[] = [
  {
    id: 'A',
    title: 'ICE LESA-STU detainers xlsx, 2025 releases (65 columns)',
    columns: {
      preparedDate: 'Detainer Prepare Date',
      state: 'Facility State',
      aor: 'Facility AOR',
      criminality: 'Detainer Prepared Criminality',
      facility: 'Detention Facility',
      facilityCode: 'Detention Facility Code',
      city: 'Facility City',
      threatLevel: 'Detainer Prep Threat Level',
      gender: 'Gender',
      citizenshipCountry: 'Citizenship Country',
      liftReason: 'Detainer Lift Reason',
      detainerType: 'Detainer Type',
      personId: 'Unique Identifier',
    },
    signature: ['preparedDate', 'facility', 'detainerType', 'liftReason'],
    preambleRows: 6,
  },
  {
    id: 'B',
    title: 'ICE detainers xlsx, 2026-03 release (66 columns, 65 without Birth Date)',
    columns: {
      preparedDate: 'Detainer Prepare Date',
      state: 'Facility State',
      aor: 'Facility AOR',
      criminality: 'Detainer Criminality',
      facility: 'Detainer Facility',
      facilityCode: 'Detainer Facility Code',
      city: 'Facility City',
      threatLevel: 'Detainer Threat Level',
      gender: 'Gender',
      citizenshipCountry: 'Citizenship Country',
      liftReason: 'Detainer Lift Reason',
      liftReasonCode: 'Detainer Lift Reason Code',
      detainerType: 'Detainer Type',
      personId: 'Anonymized Identifier',
    },
    signature: ['preparedDate', 'facility', 'detainerType', 'liftReason'],
    preambleRows: 6,
  },
  {
    id: 'C',
    title: 'ICE detainers xlsx, 2026-08 "DPR" release (44 columns)',
    columns: {
      preparedDate: 'Detainer Prepared Date',
      state: 'State',
      aor: 'AOR',
      criminality: 'Detainer Prepared Criminality',
      facility: 'Detention Facility',
      facilityCode: 'Detention Facility Code',
      city: 'City',
      threatLevel: 'Detainer Prepared Threat Level',
      gender: 'Gender',
      citizenshipCountry: 'Citizenship Country',
      liftReason: 'Detainer Lift Reason',
      detainerType: 'Detainer Type',
      personId: 'Anonymized Unique Identifier',
    },
    signature: ['preparedDate', 'facility', 'detainerType', 'liftReason'],
    preambleRows: 6,
  },
  {
    id: 'D',
    title: 'Legacy ICE FOIA detainers FY2008–FY2015 (6 columns, xlsx or CSV)',
    columns: {
      preparedDate: 'Prepare Date',
      detainerType: 'Detainer Type',
      facility: 'Detainer Detention Facility',
      state: 'State',
      city: 'City',
      liftReason: 'Detainer Lift Reason',
    },
    signature: ['preparedDate', 'facility', 'detainerType', 'liftReason', 'state', 'city'],
    preambleRows: 0,
  },
  {
    id: 'E',
    title:
      "NPR's processed detainer CSV (date, lift_reason, det_facility, city, state, detainer_type)",
    columns: {
      preparedDate: 'date',
      liftReason: 'lift_reason',
      facility: 'det_facility',
      city: 'city',
      state: 'state',
      detainerType: 'detainer_type',
    },
    signature: ['preparedDate', 'facility', 'detainerType', 'liftReason', 'state', 'city'],
    preambleRows: 0,
  },
];

// NPR's per-year processed files have no header; their columns are always in this order.
const NPR_ORDER: readonly Field[] = [
  'preparedDate',
  'liftReason',
  'facility',
  'city',
  'state',
  'detainerType',
];

/** A format with the position of each mapped column in one file's header. */
export interface HeaderLayout {
  format: IceFormat;
  /** 0-based cell index of each field present in this file. */
  positions: Partial<Record<Field, number>>;
  /** False for a headerless NPR file, whose first row is already data. */
  hasHeader: boolean;
  /** Columns in the header row. */
  width: number;
}

export type Detection = { ok: true; layout: HeaderLayout } | { ok: false; reason: string };

/** Header text compared without case, punctuation or spacing: `MSC Charge` = `msc_charge`. */
export const headerKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function layoutFor(format: IceFormat, keys: ReadonlyMap<string, number>, width: number) {
  const positions: Partial<Record<Field, number>> = {};
  for (const [field, column] of Object.entries(format.columns) as [Field, string][]) {
    const position = keys.get(headerKey(column));
    if (position !== undefined) positions[field] = position;
  }
  const complete = format.signature.every((field) => positions[field] !== undefined);
  return complete ? { format, positions, hasHeader: true, width } : undefined;
}

function looksLikeNprData(texts: readonly (string | null)[]): boolean {
  const first = texts[0];
  return texts.length === NPR_ORDER.length && first != null && fromText(first).ok;
}

/**
 * The format whose header this row is, or a reason naming what the row held. A row of six cells
 * starting with a date is taken as the first data row of a headerless NPR file.
 */
export function detectFormat(headerCells: readonly Cell[]): Detection {
  const texts = headerCells.map((cell) => cellText(cell));
  let width = texts.length;
  while (width > 0 && texts[width - 1] === null) width -= 1;
  const keys = new Map<string, number>();
  texts.slice(0, width).forEach((text, index) => {
    if (text !== null && !keys.has(headerKey(text))) keys.set(headerKey(text), index);
  });
  const matches = FORMATS.map((format) => layoutFor(format, keys, width)).filter(
    (layout) => layout !== undefined,
  );
  if (matches.length === 1) return { ok: true, layout: matches[0]! };
  if (matches.length > 1) {
    const ids = matches.map((layout) => layout.format.id).join(', ');
    return { ok: false, reason: `the header fits more than one format (${ids})` };
  }
  if (looksLikeNprData(texts.slice(0, width))) {
    const npr = FORMATS.find((format) => format.id === 'E')!;
    const positions = Object.fromEntries(NPR_ORDER.map((field, index) => [field, index]));
    return { ok: true, layout: { format: npr, positions, hasHeader: false, width } };
  }
  const saw = texts
    .slice(0, width)
    .map((text) => (text === null ? '(blank)' : JSON.stringify(text)))
    .join(', ');
  return {
    ok: false,
    reason: `not the header of a known ICE detainer format (A–E); the row held ${width} cells: ${saw === '' ? 'nothing' : saw}`,
  };
}
