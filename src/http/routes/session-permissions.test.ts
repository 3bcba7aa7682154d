import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Permission } from '../../auth/roles.js';
import { EXPECTED_PERMISSIONS } from '../../testing/role-matrix.js';
import { startTestDesk, type TestDesk } from '../../testing/desk-server.js';
import { TEST_STORES } from '../../testing/test-stores.js';

describe('the session says what its role may do', () => {
  let desk: TestDesk;
  before(async () => {
    desk = await startTestDesk(TEST_STORES[0]!);
  });
  after(() => desk.close());

  it('GET /api/session lists exactly the permissions the expected matrix gives the role', async () => {
    for (const role of ROLES) {
      const client = await desk.as(role);
      const session = await client.request('GET', '/api/session');
      const { permissions } = (session.body as { user: { permissions: Permission[] } }).user;
      assert.deepEqual(permissions, EXPECTED_PERMISSIONS[role], role);
    }
    const clerk = (await (await desk.as('clerk')).request('GET', '/api/session')).body as {
      user: { permissions: Permission[] };
    };
    assert.ok(!clerk.user.permissions.includes('users.manage'));
    assert.ok(!clerk.user.permissions.includes('audit.read'));
  });
});
