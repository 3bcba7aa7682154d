/**
 * Bulk intake from a file: every record goes through the same intake service as the API, one
 * transaction each, so a bad record is reported and the good ones are kept. Nothing is silently
 * dropped: read = created + already recorded + rejected.
 * @module
 */
import type { Actor } from '../auth/roles.js';
import { requirePermission } from '../auth/roles.js';
import type { FieldIssue } from '../engine/errors.js';
import { DeskError } from '../desk/errors.js';
import type { ImportRecord } from '../import/intake-csv.js';
import { intakeCase } from './case-service.js';
import type { DeskContext } from './desk-context.js';

export interface ImportReject {
  line: number;
  errors: readonly FieldIssue[];
}

export interface ImportReport {
  read: number;
  created: number;
  alreadyRecorded: number;
  rejected: ImportReject[];
}

export async function importCases(
  ctx: DeskContext,
  actor: Actor,
  records: AsyncIterable<ImportRecord>,
  onRecord: (report: ImportReport) => void = () => undefined,
): Promise<ImportReport> {
  requirePermission(actor, 'case.import');
  const report: ImportReport = { read: 0, created: 0, alreadyRecorded: 0, rejected: [] };
  for await (const record of records) {
    report.read += 1;
    if (record.problem !== undefined) {
      report.rejected.push({
        line: record.line,
        errors: [{ path: '(record)', message: record.problem }],
      });
    } else {
      try {
        const { created } = await intakeCase(ctx, actor, record.input);
        if (created) report.created += 1;
        else report.alreadyRecorded += 1;
      } catch (error) {
        if (!(error instanceof DeskError) || error.code !== 'invalid-input') throw error;
        report.rejected.push({ line: record.line, errors: error.issues });
      }
    }
    onRecord(report);
  }
  return report;
}
