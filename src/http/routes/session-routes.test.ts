import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_ACTOR, createUser } from '../../services/user-service.js';
import { startTestDesk, TEST_PASSWORD, type TestDesk } from '../../testing/desk-server.js';
import { TEST_STORES } from '../../testing/test-stores.js';

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

const WRONG = 'not the password at all';

for (const kind of TEST_STORES) {
  describe(`signing in over HTTP (${kind.name})`, () => {
    let desk: TestDesk;
    const signIn = (username: string, password: string) =>
      desk.anonymous.request('POST', '/api/session', { body: { username, password } });
    const person = (username: string) =>
      createUser(desk.ctx, CONSOLE_ACTOR, {
        username,
        displayName: `Test ${username}`,
        role: 'clerk',
        password: TEST_PASSWORD,
      });
    /** A browser-like client signed in as `username`. */
    const browser = async (username: string, password = TEST_PASSWORD) => {
      const response = await signIn(username, password);
      assert.equal(response.status, 200, response.text);
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = response.body as { csrfToken: string };
      return {
        csrfToken,
        request: (method: string, path: string, body?: unknown, csrf = csrfToken) =>
          desk.anonymous.request(method, path, { body, headers: { cookie, 'x-csrf-token': csrf } }),
      };
    };

    before(async () => {
      desk = await startTestDesk(kind, { DESK_SESSION_IDLE_MINUTES: '1' });
    });
    after(() => desk.close());

    it('guesses sent at once cannot pass the lock', async () => {
      await person('target');
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => signIn('target', i === 29 ? TEST_PASSWORD : WRONG)),
      );
      const checked = answers.filter((answer) => answer.status !== 429);
      assert.ok(checked.length <= 5, answers.map((answer) => answer.status).join());
      assert.equal((await signIn('target', TEST_PASSWORD)).status, 429);
    });

    it('an unknown username and an account get the same answers, lock included', async () => {
      await person('someone');
      const answers = async (username: string) => {
        const all = [];
        for (let i = 0; i < 6; i += 1) {
          const answer = await signIn(username, WRONG);
          all.push([
            answer.status,
            answer.headers.get('content-type'),
            (answer.body as Problem).detail.replace(/after \S+$/, 'after …'),
            answer.status === 429 ? Number(answer.headers.get('retry-after')) > 0 : undefined,
          ]);
        }
        return all;
      };
      const account = await answers('someone');
      assert.deepEqual(await answers('no-one-by-that-name'), account);
      assert.deepEqual(account.at(-1), [
        429,
        'application/problem+json',
        'too many failed sign-ins with this username: try again after …',
        true,
      ]);
    });

    it('an idle session answers 401 saying it expired', async () => {
      await person('idle');
      const client = await browser('idle');
      assert.equal((await client.request('GET', '/api/session')).status, 200);
      await desk.ctx.store.db
        .updateTable('sessions')
        .set({ lastSeenAt: new Date(Date.now() - 2 * 60_000).toISOString() })
        .execute();
      for (const path of ['/api/session', '/api/cases']) {
        const expired = await client.request('GET', path);
        assert.equal(expired.status, 401, path);
        assert.match((expired.body as Problem).detail, /expired after 1 minutes without activity/);
      }
      assert.equal((await signIn('idle', TEST_PASSWORD)).status, 200, 'signing in again works');
    });

    it('the CSRF token must match exactly', async () => {
      const client = await browser('clerk');
      const wrong = client.csrfToken.slice(0, -1) + (client.csrfToken.endsWith('A') ? 'B' : 'A');
      assert.equal((await client.request('DELETE', '/api/session', undefined, wrong)).status, 403);
      assert.equal((await client.request('DELETE', '/api/session')).status, 204);
    });

    it('after an administrator’s reset, nothing but a password change until it is made', async () => {
      await person('reset-me');
      const admin = await desk.as('admin');
      const reset = await admin.request('POST', '/api/users/reset-me/password', {
        body: { password: 'temporary kiwi lantern 8' },
      });
      assert.equal(reset.status, 200, reset.text);
      const client = await browser('reset-me', 'temporary kiwi lantern 8');
      const blocked = await client.request('GET', '/api/cases');
      assert.equal(blocked.status, 401);
      assert.match((blocked.body as Problem).detail, /choose a new one first/);
      const me = await client.request('GET', '/api/session');
      assert.equal((me.body as { passwordChangeRequired: boolean }).passwordChangeRequired, true);
      const weak = await client.request('POST', '/api/session/password', {
        currentPassword: 'temporary kiwi lantern 8',
        newPassword: 'password1234',
      });
      assert.equal(weak.status, 400);
      assert.equal((weak.body as Problem).errors?.[0]?.path, 'newPassword');
      const changed = await client.request('POST', '/api/session/password', {
        currentPassword: 'temporary kiwi lantern 8',
        newPassword: 'orbit saddle fennel 31',
      });
      assert.equal(changed.status, 204, changed.text);
      assert.equal((await client.request('GET', '/api/cases')).status, 200);
    });

    it('API tokens: not for a person; listed, expiring and revoked one by one', async () => {
      const admin = await desk.as('admin');
      const forPerson = await admin.request('POST', '/api/users/clerk/tokens', {
        body: { name: 'to read as the clerk' },
      });
      assert.equal(forPerson.status, 409);
      await admin.request('POST', '/api/users', {
        body: { username: 'records-feed', displayName: 'Records feed', role: 'clerk' },
      });
      const issued = await admin.request('POST', '/api/users/records-feed/tokens', {
        body: { name: 'nightly', expiresInDays: 30 },
      });
      assert.equal(issued.status, 201, issued.text);
      const { id, token } = issued.body as { id: string; token: string };
      const bearer = { authorization: `Bearer ${token}` };
      assert.equal(
        (await desk.anonymous.request('GET', '/api/cases', { headers: bearer })).status,
        200,
      );
      const listed = await admin.request('GET', '/api/users/records-feed/tokens');
      assert.deepEqual(
        (listed.body as { id: string; name: string }[]).map((entry) => [entry.id, entry.name]),
        [[id, 'nightly']],
      );
      const revoked = await admin.request('DELETE', `/api/users/records-feed/tokens/${id}`);
      assert.equal(revoked.status, 200, revoked.text);
      assert.equal(
        (await desk.anonymous.request('GET', '/api/cases', { headers: bearer })).status,
        401,
      );
    });

    it('the only administrator cannot disable itself or give itself another role', async () => {
      const admin = await desk.as('admin');
      const disable = await admin.request('POST', '/api/users/admin/disable');
      assert.equal(disable.status, 409);
      const role = await admin.request('POST', '/api/users/admin/role', {
        body: { role: 'clerk' },
      });
      assert.equal(role.status, 409);
      assert.equal((await admin.request('GET', '/api/users')).status, 200);
    });
  });
}
