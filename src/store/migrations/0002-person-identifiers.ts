/**
 * Intake finds an existing person by NYSID, then by A-number; without these indexes each intake
 * scanned every person on file, so intake slowed as the caseload grew.
 * @module
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('persons_nysid').on('persons').column('nysid').execute();
  await db.schema.createIndex('persons_a_number').on('persons').column('a_number').execute();
}
