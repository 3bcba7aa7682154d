import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../auth/roles.js';
import { newSecretToken, tokenHash } from '../auth/secret-token.js';
import { DeskError } from '../desk/errors.js';
import type { Store } from '../store/open-store.js';
import { TEST_STORES } from '../testing/test-stores.js';
import { deskContext, type DeskContext } from './desk-context.js';
import { login, resolveSession, type SignInPolicy } from './session-service.js';
import {
  changeOwnPassword,
  CONSOLE_ACTOR,
  createApiToken,
  createUser,
  listApiTokens,
  resetPassword,
  resolveApiToken,
  revokeApiToken,
  setUserDisabled,
  setUserRole,
} from './user-service.js';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'lantern orchard pebble drum';
const POLICY: SignInPolicy = { addressLimit: 1000, idleMinutes: 30 };
const DAY = 86_400_000;

async function refusalOf(attempt: Promise<unknown>): Promise<DeskError> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('the call was not refused');
}

for (const kind of TEST_STORES) {
  describe(`accounts and API tokens (${kind.name})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let ctx: DeskContext;
    let clock = Date.parse('2026-03-01T12:00:00.000Z');
    let admin: Actor;
    const client = { address: '198.51.100.7' };
    const account = async (username: string, role: Actor['role'] = 'clerk', service = false) => {
      const user = await createUser(ctx, CONSOLE_ACTOR, {
        username,
        displayName: `Test ${username}`,
        role,
        ...(service ? {} : { password: PASSWORD }),
      });
      return { id: user.id, username, role } satisfies Actor;
    };
    const signIn = (username: string, password = PASSWORD) =>
      login(ctx, { username, password }, client, POLICY);
    const lastAudit = async () =>
      store.db.selectFrom('auditEntries').selectAll().orderBy('seq', 'desc').executeTakeFirst();

    before(async () => {
      ({ store, dispose } = await kind.open());
      ctx = deskContext(store, { now: () => new Date(clock).toISOString() });
      admin = await account('root', 'admin');
    });
    after(() => dispose());

    it('an API token only for a system integration, never for a person', async () => {
      await account('person');
      const refused = await refusalOf(createApiToken(ctx, admin, 'person', 'reading as them'));
      assert.equal(refused.code, 'conflict');
      assert.match(refused.message, /only for system integrations/);
      assert.deepEqual(await listApiTokens(ctx, admin, 'person'), []);

      const feed = await account('booking-feed', 'clerk', true);
      const { token } = await createApiToken(ctx, admin, 'booking-feed', 'jail system');
      assert.deepEqual(await resolveApiToken(ctx, token), { actor: feed });
    });

    it('a token issued for a person before this rule does not work', async () => {
      const person = await account('old-token-holder');
      const token = newSecretToken('ddt');
      await store.db
        .insertInto('apiTokens')
        .values({
          id: 'old-token',
          tokenHash: tokenHash(token),
          userId: person.id,
          name: 'issued before tokens were for integrations only',
          createdAt: new Date(clock).toISOString(),
          expiresAt: new Date(clock + DAY).toISOString(),
          revokedAt: null,
        })
        .execute();
      assert.deepEqual(await resolveApiToken(ctx, token), {
        refused: 'the API token is not valid',
      });
    });

    it('tokens expire, and are revoked one by one', async () => {
      await account('ledger-sync', 'clerk', true);
      const short = await createApiToken(ctx, admin, 'ledger-sync', 'short', 1);
      const first = await createApiToken(ctx, admin, 'ledger-sync', 'first');
      const second = await createApiToken(ctx, admin, 'ledger-sync', 'second');
      assert.equal(first.expiresAt, new Date(clock + 90 * DAY).toISOString());
      const start = clock;
      try {
        clock = start + DAY;
        const expired = await resolveApiToken(ctx, short.token);
        assert.ok('refused' in expired && /expired at/.test(expired.refused));
        await revokeApiToken(ctx, admin, 'ledger-sync', first.id);
        assert.equal((await lastAudit())?.action, 'token.revoke');
        assert.ok('refused' in (await resolveApiToken(ctx, first.token)));
        assert.ok('actor' in (await resolveApiToken(ctx, second.token)));
        const listed = await listApiTokens(ctx, admin, 'ledger-sync');
        assert.deepEqual(
          listed.map((token) => [token.name, token.revokedAt !== null]),
          [
            ['short', false],
            ['first', true],
            ['second', false],
          ],
        );
        assert.equal(
          (await refusalOf(revokeApiToken(ctx, admin, 'booking-feed', second.id))).code,
          'not-found',
          'a token is revoked only under its own account',
        );
      } finally {
        clock = start;
      }
    });

    it('the last enabled administrator can be neither disabled nor given another role', async () => {
      const refusedDisable = await refusalOf(setUserDisabled(ctx, admin, 'root', true));
      assert.equal(refusedDisable.code, 'conflict');
      assert.match(refusedDisable.message, /only enabled administrator/);
      const refusedRole = await refusalOf(setUserRole(ctx, admin, 'root', { role: 'auditor' }));
      assert.equal(refusedRole.code, 'conflict');
      // A service account with the admin role signs in with no password: it does not count.
      await account('admin-robot', 'admin', true);
      assert.equal((await refusalOf(setUserDisabled(ctx, admin, 'root', true))).code, 'conflict');

      await account('root2', 'admin');
      await setUserRole(ctx, admin, 'root2', { role: 'auditor' });
      assert.equal((await lastAudit())?.action, 'user.role');
      await setUserRole(ctx, admin, 'root2', { role: 'admin' });
      await setUserDisabled(ctx, admin, 'root2', true);
      await setUserDisabled(ctx, admin, 'root2', false);
    });

    it('two administrators disabling each other at once: one stays', async () => {
      const a = await account('admin-a', 'admin');
      const b = await account('admin-b', 'admin');
      // Only the two of them left.
      await setUserDisabled(ctx, admin, 'root2', true);
      await setUserDisabled(ctx, a, 'root', true);
      const results = await Promise.allSettled([
        setUserDisabled(ctx, a, 'admin-b', true),
        setUserDisabled(ctx, b, 'admin-a', true),
      ]);
      assert.deepEqual(results.map((result) => result.status).sort(), ['fulfilled', 'rejected']);
      const enabled = await store.db
        .selectFrom('users')
        .select('username')
        .where('role', '=', 'admin')
        .where('disabled', '=', 0)
        .where('isService', '=', 0)
        .execute();
      assert.equal(enabled.length, 1);
      const survivor = enabled[0]!.username === 'admin-a' ? a : b;
      await setUserDisabled(ctx, survivor, 'root', false);
    });

    it('changing one’s password needs the current one, and ends one’s other sessions', async () => {
      const person = await account('changer');
      const here = await signIn('changer');
      const elsewhere = await signIn('changer');
      const options = { sessionToken: here.token, ...client, addressLimit: POLICY.addressLimit };

      const wrong = await refusalOf(
        changeOwnPassword(
          ctx,
          person,
          { currentPassword: 'not it at all', newPassword: NEW_PASSWORD },
          options,
        ),
      );
      assert.deepEqual(wrong.issues, [
        { path: 'currentPassword', message: 'is not your current password' },
      ]);
      assert.equal((await lastAudit())?.action, 'user.password-change-refused');
      const weak = await refusalOf(
        changeOwnPassword(
          ctx,
          person,
          { currentPassword: PASSWORD, newPassword: 'password1234' },
          options,
        ),
      );
      assert.equal(weak.issues[0]?.path, 'newPassword');

      await changeOwnPassword(
        ctx,
        person,
        { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
        options,
      );
      const audit = await lastAudit();
      assert.equal(audit?.action, 'user.password-change');
      assert.ok(!audit.payloadJson.includes(NEW_PASSWORD));
      assert.equal((await resolveSession(ctx, here.token, POLICY))?.live, true);
      assert.equal(await resolveSession(ctx, elsewhere.token, POLICY), undefined);
      assert.equal((await refusalOf(signIn('changer'))).code, 'unauthenticated');
      await signIn('changer', NEW_PASSWORD);
    });

    it('five wrong current passwords lock the account like five wrong sign-ins', async () => {
      const person = await account('guessed');
      const session = await signIn('guessed');
      const options = { sessionToken: session.token, ...client, addressLimit: 1000 };
      const guess = () =>
        refusalOf(
          changeOwnPassword(
            ctx,
            person,
            { currentPassword: 'a guess at it', newPassword: NEW_PASSWORD },
            options,
          ),
        );
      for (let i = 0; i < 5; i += 1) assert.equal((await guess()).code, 'invalid-input');
      assert.equal((await guess()).code, 'too-many-requests');
      assert.equal((await refusalOf(signIn('guessed'))).code, 'too-many-requests');
    });

    it('an administrator’s reset ends the person’s sessions and makes them choose a new password', async () => {
      const person = await account('forgetful');
      const old = await signIn('forgetful');
      const reset = await resetPassword(ctx, admin, 'forgetful', { password: NEW_PASSWORD });
      assert.equal(reset.passwordChangeRequired, true);
      const audit = await lastAudit();
      assert.equal(audit?.action, 'user.password-reset');
      assert.equal(audit.actor, 'root');
      assert.ok(!audit.payloadJson.includes(NEW_PASSWORD));
      assert.equal(await resolveSession(ctx, old.token, POLICY), undefined);

      const fresh = await signIn('forgetful', NEW_PASSWORD);
      assert.equal(fresh.passwordChangeRequired, true);
      const state = await resolveSession(ctx, fresh.token, POLICY);
      assert.equal(state?.live === true && state.passwordChangeRequired, true);
      await changeOwnPassword(
        ctx,
        person,
        { currentPassword: NEW_PASSWORD, newPassword: 'quartz meadow violin seven' },
        { sessionToken: fresh.token, ...client, addressLimit: 1000 },
      );
      const after = await resolveSession(ctx, fresh.token, POLICY);
      assert.equal(after?.live === true && after.passwordChangeRequired, false);

      assert.equal(
        (await refusalOf(resetPassword(ctx, admin, 'root', { password: NEW_PASSWORD }))).code,
        'conflict',
        'an administrator changes their own password with their current one',
      );
      assert.equal(
        (await refusalOf(resetPassword(ctx, admin, 'booking-feed', { password: NEW_PASSWORD })))
          .code,
        'conflict',
        'an integration has no password',
      );
      assert.equal(
        (await refusalOf(resetPassword(ctx, admin, 'forgetful', { password: 'password1234' })))
          .issues[0]?.path,
        'password',
      );
    });

    it('one username asked for twice at once: one account, and a 409 for the other', async () => {
      const twice = await Promise.allSettled(
        [1, 2].map(() =>
          createUser(ctx, CONSOLE_ACTOR, {
            username: 'twin',
            displayName: 'Twin',
            role: 'clerk',
            password: PASSWORD,
          }),
        ),
      );
      assert.deepEqual(twice.map((result) => result.status).sort(), ['fulfilled', 'rejected']);
      const refused = twice.find((result) => result.status === 'rejected');
      assert.ok(refused?.reason instanceof DeskError);
      assert.equal(refused.reason.code, 'conflict');
    });

    it('a new account’s password is checked against common passwords', async () => {
      const refused = await refusalOf(
        createUser(ctx, CONSOLE_ACTOR, {
          username: 'weakling',
          displayName: 'Weak',
          role: 'clerk',
          password: 'password1234',
        }),
      );
      assert.deepEqual(
        refused.issues.map((issue) => issue.path),
        ['password'],
      );
      assert.match(refused.issues[0]?.message ?? '', /common password/);
    });
  });
}
