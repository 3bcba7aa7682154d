import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import * as initial from './0001-initial.js';
import * as personIdentifiers from './0002-person-identifiers.js';
import * as dropCasesPerson from './0003-drop-cases-person.js';
import * as signInGuard from './0004-sign-in-guard.js';

describe('migration 0004 (sign-in guard) on a store with accounts, sessions and tokens', () => {
  it('revokes the tokens issued for people, dates the integrations’ ones, and ends old sessions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-0004-'));
    const db = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new Database(join(dir, 'desk.db')) }),
    });
    try {
      await initial.up(db, 'sqlite');
      await personIdentifiers.up(db);
      await dropCasesPerson.up(db);
      const at = '2026-01-01T00:00:00.000Z';
      await sql`
        INSERT INTO users (id, username, display_name, role, password_hash, is_service, created_at)
        VALUES ('u1', 'clerk', 'Clerk', 'clerk', 'scrypt$x', 0, ${at}),
               ('u2', 'feed', 'Feed', 'clerk', NULL, 1, ${at})`.execute(db);
      await sql`
        INSERT INTO api_tokens (id, token_hash, user_id, name, created_at)
        VALUES ('t1', 'h1', 'u1', 'as the clerk', ${at}), ('t2', 'h2', 'u2', 'feed', ${at})`.execute(
        db,
      );
      await sql`
        INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
        VALUES ('s1', 'u1', 'c1', ${at}, '2999-01-01T00:00:00.000Z')`.execute(db);

      const before = Date.now();
      await signInGuard.up(db);

      const tokens = await sql<{ id: string; revoked_at: string | null; expires_at: string }>`
        SELECT id, revoked_at, expires_at FROM api_tokens ORDER BY id`.execute(db);
      const [person, feed] = tokens.rows;
      assert.notEqual(person?.revoked_at, null, 'a person’s token is revoked');
      assert.equal(feed?.revoked_at, null, 'an integration’s token still works');
      const days = (Date.parse(feed.expires_at) - before) / 86_400_000;
      assert.ok(days >= 90 && days < 90.01, `expires in ${String(days)} days`);
      const sessions = await sql<{ last_seen_at: string }>`
        SELECT last_seen_at FROM sessions`.execute(db);
      assert.equal(sessions.rows[0]?.last_seen_at, '1970-01-01T00:00:00.000Z');
      const users = await sql<Record<string, unknown>>`SELECT * FROM users WHERE id = 'u1'`.execute(
        db,
      );
      assert.deepEqual(
        Object.keys(users.rows[0] ?? {}).filter((column) => /login|locked|must/.test(column)),
        ['must_change_password'],
      );
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
