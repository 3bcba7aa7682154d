/**
 * Indexes for the mandated reports, which find a period's cases by what happened in it: timeline
 * events, and information requests received or answered (requests received: cases_received).
 * None is on `cases`, so intake writes no more indexes than before.
 * @module
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('case_events_at').on('case_events').column('at').execute();
  await db.schema
    .createIndex('information_requests_received')
    .on('information_requests')
    .column('received_at')
    .execute();
  await db.schema
    .createIndex('information_requests_answered')
    .on('information_requests')
    .column('answered_at')
    .execute();
}
