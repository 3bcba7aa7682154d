import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DeskError } from '../desk/errors.js';
import { openStore, type Store } from '../store/open-store.js';
import { TEST_STORES } from '../testing/test-stores.js';
import { deskContext, type DeskContext } from './desk-context.js';
import {
  login,
  resolveSession,
  UNKNOWN_ACCOUNT,
  type SignInClient,
  type SignInPolicy,
} from './session-service.js';
import { CONSOLE_ACTOR, createUser, setUserDisabled } from './user-service.js';

const PASSWORD = 'correct horse battery staple';
const WRONG = 'not the password at all';
const POLICY: SignInPolicy = { addressLimit: 1000, idleMinutes: 30 };
const MINUTE = 60_000;

/** The HTTP status a sign-in ends with: 200, or the status of the error it throws. */
async function statusOf(attempt: Promise<unknown>): Promise<number> {
  try {
    await attempt;
    return 200;
  } catch (error) {
    if (!(error instanceof DeskError)) throw error;
    return { unauthenticated: 401, 'too-many-requests': 429 }[error.code as string] ?? 0;
  }
}

async function refusalOf(attempt: Promise<unknown>): Promise<DeskError> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('the sign-in was not refused');
}

const counts = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((all, status) => {
    all[status] = (all[status] ?? 0) + 1;
    return all;
  }, {});

for (const kind of TEST_STORES) {
  describe(`signing in (${kind.name})`, () => {
    let store: Store;
    let url: string;
    let dispose: () => Promise<void>;
    let ctx: DeskContext;
    let clock = Date.parse('2026-03-01T12:00:00.000Z');
    let addresses = 0;
    /** A client at an address no other test uses. */
    const freshClient = (): SignInClient => ({ address: `192.0.2.${String((addresses += 1))}` });
    const person = async (username: string) => {
      await createUser(ctx, CONSOLE_ACTOR, {
        username,
        displayName: `Test ${username}`,
        role: 'clerk',
        password: PASSWORD,
      });
    };
    const attempt = (username: string, password: string, client = freshClient()) =>
      login(ctx, { username, password }, client, POLICY);
    const auditEntries = async () =>
      store.db.selectFrom('auditEntries').selectAll().orderBy('seq').execute();

    before(async () => {
      ({ store, url, dispose } = await kind.open());
      ctx = deskContext(store, { now: () => new Date(clock).toISOString() });
    });
    after(() => dispose());

    it('50 wrong passwords at once: five are checked, 45 refused by the lock', async () => {
      await person('parallel50');
      const client = freshClient();
      const statuses = await Promise.all(
        Array.from({ length: 50 }, () => statusOf(attempt('parallel50', WRONG, client))),
      );
      assert.deepEqual(counts(statuses), { 401: 5, 429: 45 });
      assert.equal(await statusOf(attempt('parallel50', PASSWORD)), 429);
    });

    it('29 wrong passwords and the right one at once: no more than five are checked', async () => {
      await person('parallel30');
      const client = freshClient();
      const statuses = await Promise.all([
        ...Array.from({ length: 29 }, () => statusOf(attempt('parallel30', WRONG, client))),
        statusOf(attempt('parallel30', PASSWORD, client)),
      ]);
      const checked = statuses.filter((status) => status !== 429).length;
      assert.ok(checked <= 5, `${String(checked)} passwords were checked: ${statuses.join()}`);
    });

    it('an unknown username gets the same answers as an account, and locks the same', async () => {
      await person('realname');
      for (const username of ['realname', 'nosuchname']) {
        for (let i = 0; i < 5; i += 1) {
          const refused = await refusalOf(attempt(username, WRONG));
          assert.equal(refused.code, 'unauthenticated', username);
          assert.equal(refused.message, 'wrong username or password', username);
        }
        const locked = await refusalOf(attempt(username, WRONG));
        assert.equal(locked.code, 'too-many-requests', username);
        assert.match(locked.message, /with this username: try again after/, username);
      }
    });

    it('a wrong password costs about as much for an unknown username as for an account', async () => {
      await person('timed');
      const median = async (username: string) => {
        const times: number[] = [];
        for (let i = 0; i < 3; i += 1) {
          const started = performance.now();
          await statusOf(attempt(username, WRONG));
          times.push(performance.now() - started);
        }
        return times.sort((a, b) => a - b)[1]!;
      };
      const account = await median('timed');
      const unknown = await median('timed-not-an-account');
      assert.ok(
        unknown > account * 0.5,
        `unknown ${unknown.toFixed(0)} ms, account ${account.toFixed(0)} ms`,
      );
    });

    it('failures are kept in the store: a restarted server still refuses a locked username', async () => {
      await person('restarted');
      for (let i = 0; i < 5; i += 1) await statusOf(attempt('restarted', WRONG));
      const again = await openStore(url);
      try {
        const restarted = deskContext(again, { now: ctx.now });
        const refused = await refusalOf(
          login(restarted, { username: 'restarted', password: PASSWORD }, freshClient(), POLICY),
        );
        assert.equal(refused.code, 'too-many-requests');
      } finally {
        await again.close();
      }
    });

    it('the address limit counts failed sign-ins only, and then refuses any', async () => {
      await person('office');
      const office = freshClient();
      const policy = { ...POLICY, addressLimit: 3 };
      const from = (username: string, password: string) =>
        login(ctx, { username, password }, office, policy);
      for (let i = 0; i < 5; i += 1) assert.equal(await statusOf(from('office', PASSWORD)), 200);
      for (const username of ['typo-one', 'typo-two', 'typo-three']) {
        assert.equal(await statusOf(from(username, WRONG)), 401);
      }
      const refused = await refusalOf(from('office', PASSWORD));
      assert.equal(refused.code, 'too-many-requests');
      assert.match(refused.message, /from this address/);
      assert.equal(await statusOf(attempt('office', PASSWORD)), 200, 'another address');
    });

    it('every refusal is audited, and what was typed is kept only when it names an account', async () => {
      await person('audited');
      const typed = 'Secret-Typed-In-The-Wrong-Field-93';
      const client = freshClient();
      const before = (await auditEntries()).length;
      await statusOf(attempt(typed, WRONG, client));
      for (let i = 0; i < 5; i += 1) await statusOf(attempt('audited', WRONG, client));
      await statusOf(attempt('audited', PASSWORD, client));
      const entries = (await auditEntries()).slice(before);
      assert.deepEqual(
        entries.map((entry) => [
          entry.action,
          entry.actor,
          JSON.parse(entry.payloadJson) as unknown,
        ]),
        [
          ['session.refused', UNKNOWN_ACCOUNT, { reason: 'unknown-account', ...client }],
          ...Array.from({ length: 5 }, () => [
            'session.refused',
            'audited',
            { reason: 'wrong-password', ...client },
          ]),
          ['session.refused', 'audited', { reason: 'account-locked', ...client }],
        ],
      );
      const everything = JSON.stringify([
        await auditEntries(),
        await store.db.selectFrom('signInFailures').selectAll().execute(),
      ]);
      assert.ok(!everything.includes(typed), 'what was typed is stored');
    });

    it('a sign-in refused by the address limit is audited too', async () => {
      const client = freshClient();
      const policy = { ...POLICY, addressLimit: 1 };
      await statusOf(login(ctx, { username: 'first-try', password: WRONG }, client, policy));
      const before = (await auditEntries()).length;
      assert.equal(
        await statusOf(login(ctx, { username: 'second-try', password: WRONG }, client, policy)),
        429,
      );
      const [entry] = (await auditEntries()).slice(before);
      assert.equal(entry?.action, 'session.refused');
      assert.deepEqual(JSON.parse(entry.payloadJson), { reason: 'address-locked', ...client });
    });

    it('a disabled account is refused like a wrong password, and its sessions end', async () => {
      await person('leaving');
      const session = await attempt('leaving', PASSWORD);
      assert.equal((await resolveSession(ctx, session.token, POLICY))?.live, true);
      await setUserDisabled(ctx, CONSOLE_ACTOR, 'leaving', true);
      assert.equal(await resolveSession(ctx, session.token, POLICY), undefined);
      const refused = await refusalOf(attempt('leaving', PASSWORD));
      assert.equal(refused.message, 'wrong username or password');
    });

    it('a session ends after 30 minutes idle, and after 12 hours however busy', async () => {
      await person('idler');
      const start = clock;
      try {
        const session = await attempt('idler', PASSWORD);
        clock = start + 29 * MINUTE;
        assert.equal((await resolveSession(ctx, session.token, POLICY))?.live, true);
        clock = start + 58 * MINUTE;
        assert.equal((await resolveSession(ctx, session.token, POLICY))?.live, true);
        clock = start + 88 * MINUTE;
        const idle = await resolveSession(ctx, session.token, POLICY);
        assert.equal(idle?.live, false);
        assert.match(idle.reason, /expired after 30 minutes without activity/);

        clock = start + 100 * MINUTE;
        const busy = await attempt('idler', PASSWORD);
        for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
          clock = start + 100 * MINUTE + minutes * MINUTE;
          assert.equal((await resolveSession(ctx, busy.token, POLICY))?.live, true);
        }
        clock = start + 100 * MINUTE + 12 * 60 * MINUTE;
        const old = await resolveSession(ctx, busy.token, POLICY);
        assert.equal(old?.live, false);
        assert.match(old.reason, /sessions last 12 hours/);
      } finally {
        clock = start;
      }
    });
  });
}
