import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ROLES, can, type Permission } from '../auth/roles.js';
import { docIntakeWithWarrant } from '../testing/intake-fixtures.js';
import { startTestDesk, TEST_PASSWORD, type TestDesk } from '../testing/desk-server.js';
import { TEST_STORES } from '../testing/test-stores.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: { type?: string | string[]; maximum?: number; pattern?: string };
}

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  errors?: { path: string; message: string }[];
}

for (const kind of TEST_STORES) {
  describe(`the HTTP API on the real server (${kind.name})`, () => {
    let desk: TestDesk;
    before(async () => {
      desk = await startTestDesk(kind);
    });
    after(() => desk.close());

    it('serves its OpenAPI 3.1 document and a docs page', async () => {
      const doc = await desk.anonymous.request('GET', '/api/openapi.json');
      assert.equal(doc.status, 200);
      const body = doc.body as { openapi: string; paths: Record<string, unknown> };
      assert.equal(body.openapi, '3.1.0');
      for (const path of [
        '/api/cases',
        '/api/cases/{id}',
        '/api/cases/{id}/decision',
        '/api/session',
        '/api/audit/checkpoint',
      ]) {
        assert.ok(path in body.paths, path);
      }
      const page = await desk.anonymous.request('GET', '/api/docs');
      assert.equal(page.status, 200);
      assert.match(page.text, /\/api\/docs\/assets\/start\.js/);
      const start = await desk.anonymous.request('GET', '/api/docs/assets/start.js');
      assert.match(start.text, /\/api\/openapi\.json/);
    });

    it('intake: 201 with Location and ETag, then 200 for the same request again', async () => {
      const clerk = await desk.as('clerk');
      const first = await clerk.request('POST', '/api/cases', {
        body: docIntakeWithWarrant('H-1'),
      });
      assert.equal(first.status, 201);
      const { id } = first.body as { id: string };
      assert.equal(first.headers.get('location'), `/api/cases/${id}`);
      assert.equal(first.headers.get('etag'), '"1"');
      const again = await clerk.request('POST', '/api/cases', {
        body: docIntakeWithWarrant('H-1'),
      });
      assert.equal(again.status, 200);
      assert.equal((again.body as { id: string }).id, id);
    });

    it('bad input: 400 problem+json naming each field; malformed JSON too; nothing stored', async () => {
      const clerk = await desk.as('clerk');
      const before = await clerk.request('GET', '/api/cases?limit=1');
      const intake = docIntakeWithWarrant('H-BAD');
      const bad = await clerk.request('POST', '/api/cases', {
        body: {
          ...intake,
          jurisdiction: 'atlantis',
          custody: { ...intake.custody, expectedReleaseAt: 'tomorrow' },
        },
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.headers.get('content-type'), 'application/problem+json');
      const problem = bad.body as Problem;
      assert.equal(problem.status, 400);
      const paths = (problem.errors ?? []).map((error) => error.path);
      assert.ok(paths.includes('jurisdiction'), paths.join());
      assert.ok(paths.includes('custody.expectedReleaseAt'), paths.join());
      const malformed = await clerk.request('POST', '/api/cases', { raw: '{"jurisdiction": ' });
      assert.equal(malformed.status, 400);
      assert.equal((malformed.body as Problem).status, 400);
      const after = await clerk.request('GET', '/api/cases?limit=1');
      assert.equal(
        (after.body as { total: number }).total,
        (before.body as { total: number }).total,
      );
    });

    it('the natural path over HTTP, with ETag / If-Match on every step', async () => {
      const clerk = await desk.as('clerk');
      const reviewer = await desk.as('reviewer');
      const created = await clerk.request('POST', '/api/cases?decide=true', {
        body: docIntakeWithWarrant('H-PATH'),
      });
      assert.equal(created.status, 201);
      const { id, status } = created.body as { id: string; status: string };
      assert.equal(status, 'decided');
      const noMatch = await reviewer.request('POST', `/api/cases/${id}/decision/confirm`, {
        body: {},
      });
      assert.equal(noMatch.status, 428);
      const stale = await reviewer.request('POST', `/api/cases/${id}/decision/confirm`, {
        body: {},
        headers: { 'if-match': '"1"' },
      });
      assert.equal(stale.status, 412);
      const confirmed = await reviewer.request('POST', `/api/cases/${id}/decision/confirm`, {
        body: {},
        headers: { 'if-match': '"2"' },
      });
      assert.equal(confirmed.status, 200);
      assert.equal(confirmed.headers.get('etag'), '"3"');
      const read = await reviewer.request('GET', `/api/cases/${id}`);
      assert.equal(read.status, 200);
      assert.equal(read.headers.get('etag'), '"3"');
      const view = read.body as {
        status: string;
        nextSteps: string[];
        decision: { effective: { action: string; status: string }[] };
      };
      assert.equal(view.status, 'reviewed');
      assert.ok(view.nextSteps.includes('start-hold'));
      const wrongStep = await clerk.request('POST', `/api/cases/${id}/release`, {
        body: { kind: 'ice-did-not-come' },
        headers: { 'if-match': '"3"' },
      });
      assert.equal(wrongStep.status, 409);
      const released = await clerk.request('POST', `/api/cases/${id}/release`, {
        body: { kind: 'transferred-to-ice' },
        headers: { 'if-match': '"3"' },
      });
      assert.equal(released.status, 200);
      assert.equal((released.body as { status: string }).status, 'closed');
    });

    it('sessions: HttpOnly SameSite=Strict cookie; unsafe requests need the CSRF header; sign-out ends it', async () => {
      const login = await desk.fetch(`/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'clerk', password: TEST_PASSWORD }),
      });
      const setCookie = login.headers.get('set-cookie') ?? '';
      assert.match(setCookie, /HttpOnly/i);
      assert.match(setCookie, /SameSite=Strict/i);
      const cookie = setCookie.split(';')[0] ?? '';
      const withoutCsrf = await desk.fetch(`/api/cases`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(docIntakeWithWarrant('H-CSRF')),
      });
      assert.equal(withoutCsrf.status, 403);
      const me = await desk.fetch(`/api/session`, { headers: { cookie } });
      assert.equal(me.status, 200);
      const { csrfToken } = (await me.json()) as { csrfToken: string };
      const out = await desk.fetch(`/api/session`, {
        method: 'DELETE',
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      assert.equal(out.status, 204);
      const after = await desk.fetch(`/api/cases`, { headers: { cookie } });
      assert.equal(after.status, 401);
    });

    it('wrong passwords lock the account after five failures, without saying whether it exists', async () => {
      const attempt = (username: string, password: string) =>
        desk.anonymous.request('POST', '/api/session', { body: { username, password } });
      assert.equal((await attempt('nobody', 'wrong password!')).status, 401);
      for (let i = 0; i < 5; i += 1)
        assert.equal((await attempt('auditor', 'wrong password!')).status, 401);
      const locked = await attempt('auditor', TEST_PASSWORD);
      assert.equal(locked.status, 429);
    });

    it('API tokens: an admin issues one for an integration; it works as a bearer token without CSRF', async () => {
      const admin = await desk.as('admin');
      const user = await admin.request('POST', '/api/users', {
        body: { username: 'jail-system', displayName: 'Jail management system', role: 'clerk' },
      });
      assert.equal(user.status, 201);
      const issued = await admin.request('POST', '/api/users/jail-system/tokens', {
        body: { name: 'booking feed' },
      });
      assert.equal(issued.status, 201);
      const { token } = issued.body as { token: string };
      const bearer = { authorization: `Bearer ${token}` };
      const created = await desk.anonymous.request('POST', '/api/cases', {
        body: docIntakeWithWarrant('H-TOKEN'),
        headers: bearer,
      });
      assert.equal(created.status, 201);
      await admin.request('POST', '/api/users/jail-system/disable');
      const refused = await desk.anonymous.request('GET', '/api/cases', { headers: bearer });
      assert.equal(refused.status, 401);
    });

    it('an unexpected error is a logged 500 problem carrying the request id', async () => {
      const clerk = await desk.as('clerk');
      const created = await clerk.request('POST', '/api/cases', {
        body: docIntakeWithWarrant('H-500'),
      });
      const { id } = created.body as { id: string };
      // A broken store: the table the route reads is gone.
      await sql`ALTER TABLE information_requests RENAME TO information_requests_gone`.execute(
        desk.ctx.store.db,
      );
      try {
        const failed = await clerk.request('GET', `/api/cases/${id}/information-requests`);
        assert.equal(failed.status, 500);
        assert.equal(failed.headers.get('content-type'), 'application/problem+json');
        const problem = failed.body as Problem;
        assert.equal(problem.status, 500);
        assert.equal(problem.requestId, failed.headers.get('x-request-id'));
        assert.equal(problem.instance, `urn:uuid:${problem.requestId}`);
        const logged = desk.logs
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .filter((line) => line.requestId === problem.requestId);
        assert.deepEqual(
          logged.map((line) => [line.level, line.msg]),
          [
            [50, 'unexpected error'],
            [30, 'request'],
          ],
        );
        assert.match(JSON.stringify(logged[0]), /information-service/);
      } finally {
        await sql`ALTER TABLE information_requests_gone RENAME TO information_requests`.execute(
          desk.ctx.store.db,
        );
      }
    });

    it('every answer has a request id and one log line, which names no person, secret or query', async () => {
      const login = await desk.fetch(`/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'clerk', password: TEST_PASSWORD }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const intake = docIntakeWithWarrant('H-LOG-7731');
      intake.person.name = 'Quintessa Vandermolen';
      const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
      const responses = [login];
      const created = await desk.fetch(`/api/cases?decide=true`, {
        method: 'POST',
        headers,
        body: JSON.stringify(intake),
      });
      responses.push(created);
      const { id } = (await created.json()) as { id: string };
      for (const path of [
        `/api/cases/${id}`,
        '/api/cases?jurisdiction=nyc-doc&limit=7',
        '/api/nope',
      ]) {
        const response = await desk.fetch(path, { headers });
        await response.arrayBuffer();
        responses.push(response);
      }
      const lines = desk.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
      const ids = responses.map((response) => response.headers.get('x-request-id'));
      for (const requestId of ids) {
        assert.match(requestId ?? '', /^[0-9a-f-]{36}$/);
        const mine = lines.filter((line) => line.requestId === requestId);
        assert.equal(mine.length, 1, `one line for ${String(requestId)}`);
      }
      const read = lines.find((line) => line.requestId === ids[2]);
      assert.deepEqual(
        { method: read?.method, route: read?.route, status: read?.status, user: read?.user },
        { method: 'GET', route: '/api/cases/:id', status: 200, user: 'clerk' },
      );
      const text = desk.logs.join('');
      for (const secret of [
        'Quintessa',
        'Vandermolen',
        '1985-02-03',
        'H-LOG-7731',
        TEST_PASSWORD,
        cookie.split('=')[1] ?? 'cookie',
        csrfToken,
        id,
        'jurisdiction=',
        '/api/nope',
      ]) {
        assert.ok(!text.includes(secret), `the log holds ${secret}`);
      }
    });

    it('lone UTF-16 surrogates are a 400 naming the field, on the public sign-in too; nothing stored', async () => {
      const signIn = await desk.anonymous.request('POST', '/api/session', {
        raw: '{"username":"clerk","password":"abc\\ud800defghijklmnop"}',
      });
      assert.equal(signIn.status, 400);
      assert.deepEqual(
        (signIn.body as Problem).errors?.map((error) => error.path),
        ['password'],
      );
      const badKey = await desk.anonymous.request('POST', '/api/session', {
        raw: '{"user\\udc00":"clerk","password":"x"}',
      });
      assert.equal(badKey.status, 400);
      const clerk = await desk.as('clerk');
      const before = await clerk.request('GET', '/api/cases?limit=1');
      const raw = JSON.stringify(docIntakeWithWarrant('H-SURROGATE')).replace(
        'Test Person Alpha',
        'Test \\udfff Alpha',
      );
      const intake = await clerk.request('POST', '/api/cases', { raw });
      assert.equal(intake.status, 400);
      assert.deepEqual(
        (intake.body as Problem).errors?.map((error) => error.path),
        ['person.name'],
      );
      // A pair is one character, and fine.
      const paired = JSON.stringify(docIntakeWithWarrant('H-PAIR')).replace(
        'Test Person Alpha',
        'Test \\ud83d\\ude00 Alpha',
      );
      assert.equal((await clerk.request('POST', '/api/cases', { raw: paired })).status, 201);
      const after = await clerk.request('GET', '/api/cases?limit=1');
      assert.equal(
        (after.body as { total: number }).total,
        (before.body as { total: number }).total + 1,
      );
    });

    it('headers: CSP, Permissions-Policy, no-store on signed-in answers and on GET /api/session', async () => {
      const clerk = await desk.as('clerk');
      for (const [client, path] of [
        [clerk, '/api/session'],
        [clerk, '/api/cases'],
        [desk.anonymous, '/api/cases'],
        [desk.anonymous, '/api/audit/verifier-key'],
      ] as const) {
        const response = await client.request('GET', path);
        assert.equal(response.headers.get('cache-control'), 'no-store', path);
        assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
        assert.match(response.headers.get('permissions-policy') ?? '', /camera=\(\)/);
        assert.equal(response.headers.get('x-frame-options'), 'DENY');
      }
    });

    it('the API reference loads only from this origin, under a CSP that allows what it loads', async () => {
      const page = await desk.anonymous.request('GET', '/api/docs');
      assert.equal(page.status, 200);
      const policy = page.headers.get('content-security-policy') ?? '';
      assert.match(policy, /script-src 'self'(;|$)/);
      assert.match(policy, /style-src 'self'(;|$)/);
      assert.doesNotMatch(policy, /https?:|unsafe/);
      assert.doesNotMatch(page.text, /<script>|style=|https?:|\/\//);
      const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
      assert.deepEqual(assets.sort(), [
        '/api/docs/assets/start.js',
        '/api/docs/assets/swagger-ui-bundle.js',
        '/api/docs/assets/swagger-ui.css',
      ]);
      for (const asset of assets) {
        const response = await desk.anonymous.request('GET', asset ?? '');
        assert.equal(response.status, 200, asset);
        assert.match(response.headers.get('content-type') ?? '', /^text\/(javascript|css)/);
      }
      const start = await desk.anonymous.request('GET', '/api/docs/assets/start.js');
      assert.doesNotMatch(start.text, /https?:/);
      assert.match(start.text, /validatorUrl: null/);
    });

    it('the public sees only public things: the audit checkpoint and key, never a case', async () => {
      assert.equal((await desk.anonymous.request('GET', '/api/cases')).status, 401);
      assert.equal((await desk.anonymous.request('GET', '/api/audit/verifier-key')).status, 200);
    });
  });
}

/** Every route, the permission it needs, and a request that would succeed for a permitted role. */
const ROUTES: { method: string; path: string; permission: Permission; body?: unknown }[] = [
  {
    method: 'POST',
    path: '/api/cases',
    permission: 'case.intake',
    body: docIntakeWithWarrant('M-1'),
  },
  {
    method: 'POST',
    path: '/api/cases/check',
    permission: 'case.intake',
    body: docIntakeWithWarrant('M-CHECK'),
  },
  { method: 'GET', path: '/api/cases', permission: 'case.read' },
  { method: 'GET', path: '/api/cases/CASE', permission: 'case.read' },
  { method: 'GET', path: '/api/search/cases', permission: 'case.read' },
  { method: 'GET', path: '/api/cases/CASE/steps', permission: 'case.read' },
  { method: 'GET', path: '/api/cases/CASE/what-would-change', permission: 'case.read' },
  {
    method: 'POST',
    path: '/api/cases/CASE/record',
    permission: 'case.update',
    body: { history: { searchCompleted: true } },
  },
  {
    method: 'POST',
    path: '/api/cases/CASE/request',
    permission: 'case.review',
    body: {
      request: { form: 'I-247A' },
      reason: 'The form in the file is an I-247A, not the I-247D recorded.',
    },
  },
  { method: 'POST', path: '/api/cases/CASE/decision', permission: 'case.decide' },
  { method: 'POST', path: '/api/cases/CASE/decision/confirm', permission: 'case.review', body: {} },
  {
    method: 'POST',
    path: '/api/cases/CASE/decision/override',
    permission: 'case.review',
    body: {
      outcomes: [{ action: 'hold', status: 'not-allowed' }],
      reason: 'a reason long enough to be accepted',
    },
  },
  { method: 'POST', path: '/api/cases/CASE/decision/override/approve', permission: 'case.approve' },
  { method: 'POST', path: '/api/cases/CASE/decision/override/reject', permission: 'case.approve' },
  { method: 'POST', path: '/api/cases/CASE/hold', permission: 'case.custody', body: {} },
  { method: 'POST', path: '/api/cases/CASE/ice-notice', permission: 'case.custody', body: {} },
  {
    method: 'POST',
    path: '/api/cases/CASE/release',
    permission: 'case.custody',
    body: { kind: 'released' },
  },
  { method: 'POST', path: '/api/cases/CASE/cancellation', permission: 'case.custody', body: {} },
  {
    method: 'POST',
    path: '/api/cases/CASE/information-requests',
    permission: 'information.handle',
    body: { receivedAt: '2016-06-02T10:00:00Z', information: ['release-date'] },
  },
  { method: 'GET', path: '/api/cases/CASE/information-requests', permission: 'case.read' },
  {
    method: 'POST',
    path: '/api/cases/CASE/information-requests/X/answer',
    permission: 'information.handle',
    body: { disclosed: [] },
  },
  { method: 'GET', path: '/api/users', permission: 'users.manage' },
  {
    method: 'POST',
    path: '/api/users',
    permission: 'users.manage',
    body: { username: 'matrix-user', displayName: 'M', role: 'clerk' },
  },
  { method: 'POST', path: '/api/users/clerk/enable', permission: 'users.manage' },
  {
    method: 'POST',
    path: '/api/users/clerk/tokens',
    permission: 'users.manage',
    body: { name: 'matrix' },
  },
  { method: 'GET', path: '/api/users/clerk/tokens', permission: 'users.manage' },
  { method: 'DELETE', path: '/api/users/clerk/tokens/T', permission: 'users.manage' },
  {
    method: 'POST',
    path: '/api/users/clerk/role',
    permission: 'users.manage',
    body: { role: 'clerk' },
  },
  // Too short to be set: the guard is tested and no one's password changes.
  {
    method: 'POST',
    path: '/api/users/clerk/password',
    permission: 'users.manage',
    body: { password: 'short' },
  },
  { method: 'POST', path: '/api/audit/checkpoints', permission: 'audit.checkpoint' },
  { method: 'GET', path: '/api/audit/checkpoints', permission: 'audit.read' },
  { method: 'GET', path: '/api/audit/verification', permission: 'audit.read' },
  { method: 'GET', path: '/api/audit/entries', permission: 'audit.read' },
  { method: 'GET', path: '/api/audit/entries/0/receipt', permission: 'audit.read' },
  {
    method: 'GET',
    path: '/api/reports/nyc-doc/cases?from=2016-01-01&to=2016-12-31',
    permission: 'report.cases',
  },
  {
    method: 'POST',
    path: '/api/what-if/replays',
    permission: 'what-if.replay',
    body: {
      under: 'texas',
      source: { kind: 'desk', jurisdiction: 'nyc-doc', from: '2016-01-01', to: '2016-12-31' },
    },
  },
  { method: 'GET', path: '/api/what-if/replays/CASE', permission: 'what-if.replay' },
  { method: 'DELETE', path: '/api/what-if/replays/CASE', permission: 'what-if.replay' },
  {
    method: 'POST',
    path: '/api/enforcement-requests',
    permission: 'enforcement-request.record',
    body: {
      receivingAgency: 'nyc-doc',
      requestingAgency: 'ice',
      receivedAt: '2024-03-08T18:00:00-05:00',
      asked: 'Asked for officers to help with an arrest at a facility.',
    },
  },
  {
    method: 'POST',
    path: '/api/enforcement-requests/ER/response',
    permission: 'enforcement-request.record',
    body: { kind: 'declined', actions: 'Declined.' },
  },
  { method: 'GET', path: '/api/enforcement-requests', permission: 'enforcement-request.read' },
];

describe('every route is denied to every role that must not reach it', () => {
  let desk: TestDesk;
  let caseId: string;
  before(async () => {
    desk = await startTestDesk(TEST_STORES[0]!);
    const clerk = await desk.as('clerk');
    caseId = (
      (await clerk.request('POST', '/api/cases', { body: docIntakeWithWarrant('M-CASE') }))
        .body as { id: string }
    ).id;
  });
  after(() => desk.close());

  it('covers every operation in the OpenAPI document', async () => {
    const doc = (await desk.anonymous.request('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { security?: unknown }>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // Exactly these are documented public (`security: []`); every other operation is in the
    // matrix below, which checks that an anonymous call to it is a 401.
    const publicRoutes = [
      'POST /api/session',
      'DELETE /api/session',
      'GET /api/health',
      'GET /api/audit/checkpoint',
      'GET /api/audit/verifier-key',
      'GET /api/law/clauses',
      'GET /api/law/charges',
      'GET /api/law/jurisdictions',
      'GET /api/law/in-force',
      'GET /api/ice/stats',
      'GET /api/ice/refusers',
      'GET /api/ice/series',
      'GET /api/ice/imports',
      'GET /api/ice/nyc',
      'GET /api/reports',
      'GET /api/dashboard',
      'GET /api/reports/{jurisdiction}',
      'GET /api/reports/{jurisdiction}/breakdowns',
      'GET /api/quarterly-reports/{quarter}',
    ];
    const documentedPublic = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => (operation.security as unknown[]).length === 0)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    assert.deepEqual(documentedPublic.sort(), [...publicRoutes].sort());
    const inMatrix = ROUTES.map(
      (route) =>
        `${route.method} ${route.path.replace('CASE', '{id}').replace('/X/', '/{requestId}/').replace('/clerk/', '/{username}/').replace('/tokens/T', '/tokens/{tokenId}').replace('/0/', '/{seq}/').replace('/reports/nyc-doc/', '/reports/{jurisdiction}/').replace('/ER/', '/{id}/').split('?')[0]!}`,
    );
    const enableDisable = ['POST /api/users/{username}/disable'];
    const anyoneSignedIn = ['GET /api/session', 'POST /api/session/password'];
    for (const operation of documented) {
      assert.ok(
        inMatrix.includes(operation) ||
          publicRoutes.includes(operation) ||
          enableDisable.includes(operation) ||
          anyoneSignedIn.includes(operation),
        `${operation} is not in the role matrix`,
      );
    }
  });

  it('the document says what the server does: If-Match, integers, security, unknown parameters, 405', async () => {
    const doc = (await desk.anonymous.request('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), [
      'bearer',
      'csrf',
      'session',
    ]);
    const parameters = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        (operation.parameters ?? []).map((parameter) => ({ at: `${method} ${path}`, parameter })),
      ),
    );
    const ifMatch = parameters.filter(({ parameter }) => parameter.name === 'if-match');
    assert.ok(ifMatch.length >= 10, 'the case-changing steps take If-Match');
    for (const { at, parameter } of parameters) {
      const { schema } = parameter;
      const types = [schema.type].flat();
      assert.ok(!types.includes('null'), `${at} ${parameter.name} is not nullable`);
      if (parameter.in === 'path' || parameter.name === 'if-match') {
        assert.equal(parameter.required, true, `${at} ${parameter.name} is required`);
      }
      if (types.includes('integer')) {
        assert.equal(typeof schema.maximum, 'number', `${at} ${parameter.name} has a maximum`);
      }
    }
    const by = parameters.find(
      ({ at, parameter }) => at === 'get /api/ice/stats' && parameter.name === 'by',
    );
    assert.match(by?.parameter.schema.pattern ?? '', /outcome/);

    const clerk = await desk.as('clerk');
    const auditor = await desk.as('auditor');
    const refusedParameters = [
      [clerk, `/api/cases?stauts=closed`, 'stauts'],
      [clerk, `/api/cases/${caseId}?view=full`, 'view'],
      [auditor, '/api/audit/entries?frm=3', 'frm'],
      [desk.anonymous, '/api/ice/imports?format=csv', 'format'],
      [clerk, '/api/cases?offset=null', 'offset'],
      [auditor, '/api/audit/entries?from=1e3', 'from'],
      [desk.anonymous, '/api/ice/stats?by=year,bogus', 'by'],
    ] as const;
    for (const [client, path, parameter] of refusedParameters) {
      const response = await client.request('GET', path);
      assert.equal(response.status, 400, path);
      assert.deepEqual(
        (response.body as Problem).errors?.map((error) => error.path),
        [parameter],
        path,
      );
    }
    const wrongMethod = await clerk.request('PUT', '/api/cases');
    assert.equal(wrongMethod.status, 405);
    assert.deepEqual(wrongMethod.headers.get('allow')?.split(', ').sort(), ['GET', 'HEAD', 'POST']);
    assert.equal((wrongMethod.body as Problem).status, 405);
  });

  for (const route of ROUTES) {
    it(`${route.method} ${route.path} (${route.permission})`, async () => {
      const path = route.path.replace('CASE', caseId);
      const anonymous = await desk.anonymous.request(route.method, path, { body: route.body });
      assert.equal(anonymous.status, 401, 'anonymous');
      for (const role of ROLES) {
        const client = await desk.as(role);
        const response = await client.request(route.method, path, {
          body: route.body,
          headers: { 'if-match': '"999"' },
        });
        if (can({ id: role, username: role, role }, route.permission)) {
          assert.ok(
            response.status !== 401 && response.status !== 403,
            `${role} must be allowed, got ${String(response.status)} ${response.text}`,
          );
        } else {
          assert.equal(response.status, 403, `${role} must be denied`);
        }
      }
    });
  }
});
