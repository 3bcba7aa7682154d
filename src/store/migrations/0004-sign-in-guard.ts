/**
 * Sign-in hardening (issue 10): failed sign-ins counted in the store instead of on the account
 * (so unknown usernames lock like real ones, and a restart forgets nothing), sessions that end when
 * idle, passwords an administrator reset, and API tokens that expire.
 * @module
 */
import { sql, type Kysely } from 'kysely';

const EPOCH = '1970-01-01T00:00:00.000Z';
/** How long the integrations' tokens issued before this migration stay valid. */
const EXISTING_TOKEN_DAYS = 90;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('failures', 'integer', (column) => column.notNull())
    .addColumn('window_ends_at', 'text', (column) => column.notNull())
    .addColumn('locked_until', 'text')
    .execute();
  await db.schema
    .createIndex('sign_in_failures_window')
    .on('sign_in_failures')
    .column('window_ends_at')
    .execute();

  await db.schema.alterTable('users').dropColumn('failed_logins').execute();
  await db.schema.alterTable('users').dropColumn('locked_until').execute();
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();

  // Sessions started before idle expiry count as idle since 1970: everyone signs in again.
  await db.schema
    .alterTable('sessions')
    .addColumn('last_seen_at', 'text', (column) => column.notNull().defaultTo(EPOCH))
    .execute();

  await db.schema
    .alterTable('api_tokens')
    .addColumn('expires_at', 'text', (column) => column.notNull().defaultTo(EPOCH))
    .execute();
  // A token issued for a person let its holder act as that person: revoked. An integration's
  // tokens keep working for a while, so it can be given new ones.
  const now = new Date();
  const expiresAt = new Date(now.getTime() + EXISTING_TOKEN_DAYS * 86_400_000).toISOString();
  await sql`
    UPDATE api_tokens SET revoked_at = ${now.toISOString()}
    WHERE revoked_at IS NULL AND user_id IN (SELECT id FROM users WHERE is_service = 0)`.execute(
    db,
  );
  await sql`UPDATE api_tokens SET expires_at = ${expiresAt}`.execute(db);
}
