/**
 * One detainer as every format is read into, with where it came from. Values are as ICE wrote
 * them, trimmed; a blank or redacted cell is null (a blank state or facility is kept, not
 * rejected). Only a row without a usable prepare date is rejected: every count is by date.
 * @module
 */
import { cellText, type Cell } from './cell.js';
import type { Field, FormatId, HeaderLayout } from './formats.js';
import {
  fromExcelSerial,
  fromJsDate,
  fromText,
  type DateResult,
  type IceDate,
} from './ice-date.js';
import { isRedaction } from './redaction.js';

/** Where a row was read: the file, the sheet (null for CSV) and the 1-based row or line. */
export interface Provenance {
  file: string;
  sheet: string | null;
  row: number;
}

export interface DetainerRecord {
  format: FormatId;
  /** The date ICE prepared the detainer, with its time of day when the source has one. */
  preparedDate: IceDate;
  detainerType: string | null;
  /** The jail or prison the detainer was sent to. */
  facility: string | null;
  facilityCode: string | null;
  city: string | null;
  state: string | null;
  /** ICE field office (area of responsibility) covering the facility. */
  aor: string | null;
  liftReason: string | null;
  liftReasonCode: string | null;
  criminality: string | null;
  threatLevel: string | null;
  gender: string | null;
  citizenshipCountry: string | null;
  /** The release's anonymized person id; links rows only within one release. */
  personId: string | null;
  provenance: Provenance;
}

/** A row that could not be read, with the column at fault when there is one. */
export interface Reject extends Provenance {
  field: string | null;
  reason: string;
}

export type ReadItem = { record: DetainerRecord } | { reject: Reject };

type TextField = Exclude<Field, 'preparedDate'>;

function value(cell: Cell | undefined): string | null {
  const text = cellText(cell);
  return text === null || isRedaction(text) ? null : text;
}

function dateOf(cell: Cell): DateResult {
  if (cell instanceof Date) return fromJsDate(cell);
  if (typeof cell === 'number') return fromExcelSerial(cell);
  return fromText(String(cell).trim());
}

/** The record for one data row laid out as `layout` says, or the reason it cannot be read. */
export function normalizeRow(
  layout: HeaderLayout,
  cells: readonly Cell[],
  provenance: Provenance,
): ReadItem {
  const { format, positions } = layout;
  const at = (field: Field) => {
    const position = positions[field];
    return position === undefined ? undefined : cells[position];
  };
  const text = (field: TextField) => value(at(field));
  const reject = (reason: string): ReadItem => ({
    reject: { ...provenance, field: format.columns.preparedDate ?? null, reason },
  });

  const dateCell = at('preparedDate');
  const dateText = cellText(dateCell);
  if (dateCell === undefined || dateCell === null || dateText === null) {
    return reject('the prepare date is blank');
  }
  if (isRedaction(dateText)) return reject(`the prepare date is redacted (${dateText})`);
  const date = dateOf(dateCell);
  if (!date.ok) return reject(`the prepare date ${date.reason}`);

  return {
    record: {
      format: format.id,
      preparedDate: date.date,
      detainerType: text('detainerType'),
      facility: text('facility'),
      facilityCode: text('facilityCode'),
      city: text('city'),
      state: text('state'),
      aor: text('aor'),
      liftReason: text('liftReason'),
      liftReasonCode: text('liftReasonCode'),
      criminality: text('criminality'),
      threatLevel: text('threatLevel'),
      gender: text('gender'),
      citizenshipCountry: text('citizenshipCountry'),
      personId: text('personId'),
      provenance,
    },
  };
}
