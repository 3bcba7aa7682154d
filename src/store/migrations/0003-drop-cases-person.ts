/**
 * Drops the index of cases by person. No query reads cases by person, and persons are never
 * deleted, so the index served nothing, yet every intake wrote to it: with persons arriving in no
 * order, a random page of it per intake (bench/api). A lookup of a person's cases can bring it back.
 * @module
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_person').execute();
}
