/**
 * What the mandated reports read of each case, kept beside the case (src/services/report-facts.ts):
 * one row per case with everything its counts read, written in the same transaction as every
 * change to the case, so a report reads one indexed range instead of classifying each case's
 * record again. A row is derived data: `revision` says which code derived it, and rows of another
 * revision are derived again before a report reads them.
 *
 * A period's cases are those whose span (from the first to the last instant a count reads)
 * overlaps it. Spans are short but for a few cases that stay open for years, so the rows are
 * found by when they begin, from a year before the period, plus the few flagged as lasting longer.
 *
 * The indexes 0007 added for the old way of finding a period's cases are dropped: nothing else
 * reads them, and every intake paid to keep them.
 * @module
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_facts')
    .addColumn('case_id', 'text', (column) => column.primaryKey())
    .addColumn('jurisdiction', 'text', (column) => column.notNull())
    .addColumn('first_at', 'text', (column) => column.notNull())
    .addColumn('last_at', 'text', (column) => column.notNull())
    .addColumn('long_span', 'integer', (column) => column.notNull())
    // The audit entry of the change that wrote the row: a period's rows change, or one leaves it,
    // exactly when their count or their greatest `audit_seq` does.
    .addColumn('audit_seq', 'integer', (column) => column.notNull())
    .addColumn('revision', 'text', (column) => column.notNull())
    .addColumn('facts_json', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('report_facts_span')
    .on('report_facts')
    .columns(['jurisdiction', 'first_at', 'last_at', 'audit_seq'])
    .execute();
  await db.schema
    .createIndex('report_facts_long')
    .on('report_facts')
    .columns(['jurisdiction', 'long_span', 'first_at'])
    .execute();
  // Which revision every row has been derived by; absent until the first derivation completes.
  await db.schema
    .createTable('report_facts_state')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('revision', 'text', (column) => column.notNull())
    .execute();
  await db.schema.dropIndex('case_events_at').execute();
  await db.schema.dropIndex('information_requests_received').execute();
  await db.schema.dropIndex('information_requests_answered').execute();
}
