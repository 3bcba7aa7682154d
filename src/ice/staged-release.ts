/**
 * A release staged for normalization: what each container's stager (stage-csv.ts,
 * stage-parquet.ts, stage-xlsx.ts) hands the importer.
 * @module
 */
import type { HeaderLayout } from './formats.js';

export interface StagedRelease {
  layout: HeaderLayout;
  /** SQL for the raw rows, with the columns of `ice_staging`: that table, or a reader of the file. */
  relation: string;
  /** Rows above the first data row that row numbers count (CSV); 0 where the reader numbers rows. */
  headerRows: number;
  /** Rows seen and skipped while staging: title rows, header rows, blank rows. */
  skippedRows: number;
  /**
   * Runs once `relation` has been read: records the reader's own rejects in `ice_read_rejects` and
   * the rows it skipped in `ice_row_gaps`. Resolves to the number of empty lines skipped, and
   * whether any row is missing from the relation (so that numbering must count the gaps).
   */
  afterRead(): Promise<{ emptyLines: number; hasGaps: boolean }>;
}
