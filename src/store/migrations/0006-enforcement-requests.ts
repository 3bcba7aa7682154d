/**
 * The record § 10-178(d) requires of every agency: each request from a non-local law enforcement
 * agency for support or assistance intended to further immigration enforcement, with the response
 * and the actions taken (src/desk/enforcement-request.ts). The quarterly report to the Speaker is
 * built from it. It holds agencies, times, short text and whether the request is withheld from
 * the report, never a person: there is no column for one.
 * @module
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enforcement_requests')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('receiving_agency', 'text', (column) => column.notNull())
    .addColumn('receiving_agency_name', 'text')
    .addColumn('requesting_agency', 'text', (column) => column.notNull())
    .addColumn('requesting_agency_name', 'text')
    .addColumn('received_at', 'text', (column) => column.notNull())
    .addColumn('asked', 'text', (column) => column.notNull())
    .addColumn('response_kind', 'text')
    .addColumn('response_actions', 'text')
    .addColumn('responded_at', 'text')
    .addColumn('responded_by', 'text')
    .addColumn('withheld_ground', 'text')
    .addColumn('withheld_reason', 'text')
    .addColumn('recorded_by', 'text', (column) => column.notNull())
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .execute();
  // The quarterly report and the list read requests by when they were received.
  await db.schema
    .createIndex('enforcement_requests_received')
    .on('enforcement_requests')
    .columns(['received_at', 'id'])
    .execute();
}
