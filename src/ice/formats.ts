/**
 * The record-level detainer formats ICE's public releases come in, and how to tell them apart by
 * their header row (never by file name: releases are renamed freely). Column names are from
 * ../shared/data/ice-formats.md §1.2 (format A, in the order of the 2025 raw files) and §8
 * (formats B–F). Columns are found by name, so their order and the table's width may vary (the
 * FY23/FY24 files lack `Birth Date`); only the columns a record needs are mapped here. ICE's own
 * xlsx files (A–C) have six title rows above the header; the others start with it.
 * @module
 */
import { cellText, type Cell } from './cell.js';

export type FormatId = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

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
  | 'personId'
  | 'originalFile'
  | 'originalSheet'
  | 'originalRow';

export interface IceFormat {
  id: FormatId;
  title: string;
  /** The column each field is read from; fields absent here are missing in this format. */
  columns: Partial<Record<Field, string>>;
  /** Fields whose columns must all be in a header for it to be this format. */
  signature: readonly Field[];
  /** Further columns a header must have; a format with such marks wins over one without. */
  marks: readonly string[];
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
    marks: [],
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
    marks: [],
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
    marks: [],
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
    marks: [],
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
    marks: [],
  },
  {
    id: 'F',
    title: "The Deportation Data Project's processed detainers (snake_case, Oct 2025 names)",
    columns: {
      preparedDate: 'detainer_prepare_date',
      state: 'facility_state',
      aor: 'facility_aor',
      criminality: 'detainer_prepared_criminality',
      facility: 'detention_facility',
      facilityCode: 'detention_facility_code',
      city: 'facility_city',
      threatLevel: 'detainer_prep_threat_level',
      gender: 'gender',
      citizenshipCountry: 'citizenship_country',
      liftReason: 'detainer_lift_reason',
      liftReasonCode: 'detainer_lift_reason_code',
      detainerType: 'detainer_type',
      personId: 'unique_identifier',
      originalFile: 'file_original',
      originalSheet: 'sheet_original',
      originalRow: 'row_original',
    },
    signature: ['preparedDate', 'facility', 'detainerType', 'liftReason'],
    // The DDP keeps format A's columns and adds where each row came from: that is what tells F.
    marks: ['file_original', 'sheet_original', 'row_original', 'duplicate_likely'],
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
  if (!format.marks.every((column) => keys.has(headerKey(column)))) return undefined;
  const positions: Partial<Record<Field, number>> = {};
  for (const [field, column] of Object.entries(format.columns) as [Field, string][]) {
    const position = keys.get(headerKey(column));
    if (position !== undefined) positions[field] = position;
  }
  const complete = format.signature.every((field) => positions[field] !== undefined);
  return complete ? { format, positions, hasHeader: true, width } : undefined;
}

// Only the shape of a date, to tell data from a header; whether it is a real date is decided when
// the rows are normalized (normalize-sql.ts).
const DATE_SHAPE =
  /^(\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?|\d{1,2}\/\d{1,2}\/\d{2,4})$/;

function looksLikeNprData(texts: readonly (string | null)[]): boolean {
  const first = texts[0];
  return texts.length === NPR_ORDER.length && first != null && DATE_SHAPE.test(first);
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
  const fitting = FORMATS.map((format) => layoutFor(format, keys, width)).filter(
    (layout) => layout !== undefined,
  );
  const marked = fitting.filter((layout) => layout.format.marks.length > 0);
  const matches = marked.length > 0 ? marked : fitting;
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
    reason: `not the header of a known ICE detainer format (A–F); the row held ${width} cells: ${saw === '' ? 'nothing' : saw}`,
  };
}
