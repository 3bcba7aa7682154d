import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeskError } from '../desk/errors.js';
import { EXPECTED_PERMISSIONS } from '../testing/role-matrix.js';
import { can, PERMISSIONS, requirePermission, ROLES, type Permission } from './roles.js';

describe('who may do what', () => {
  it('gives each role exactly the permissions written out in the expected matrix', () => {
    const permissions = Object.keys(PERMISSIONS) as Permission[];
    for (const role of ROLES) {
      const actor = { id: role, username: role, role };
      assert.deepEqual(
        permissions.filter((permission) => can(actor, permission)),
        EXPECTED_PERMISSIONS[role],
        role,
      );
    }
    // Every permission is someone's: none is left that no role may use.
    const given = new Set(ROLES.flatMap((role) => EXPECTED_PERMISSIONS[role]));
    assert.deepEqual(
      permissions.filter((permission) => !given.has(permission)),
      [],
    );
  });

  it('refuses with a forbidden error naming the role and the permission', () => {
    const clerk = { id: 'c', username: 'clerk', role: 'clerk' as const };
    assert.throws(
      () => {
        requirePermission(clerk, 'users.manage');
      },
      (error: unknown) =>
        error instanceof DeskError &&
        error.code === 'forbidden' &&
        error.message === 'the clerk role may not users.manage',
    );
    assert.doesNotThrow(() => {
      requirePermission(clerk, 'case.intake');
    });
  });
});
