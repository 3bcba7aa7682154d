/**
 * Who may do what, written out by hand for the tests: a change to src/auth/roles.ts must be made
 * here too, on purpose, so a permission given or taken by mistake fails a test instead of being
 * read back from the table it changed.
 * @module
 */
import type { Permission, Role } from '../auth/roles.js';

export const EXPECTED_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  clerk: [
    'case.intake',
    'case.read',
    'case.update',
    'case.decide',
    'case.custody',
    'information.handle',
    'enforcement-request.record',
    'enforcement-request.read',
  ],
  reviewer: [
    'case.read',
    'case.update',
    'case.decide',
    'case.review',
    'case.approve',
    'report.cases',
    'what-if.replay',
  ],
  supervisor: [
    'case.intake',
    'case.read',
    'case.update',
    'case.decide',
    'case.review',
    'case.approve',
    'case.custody',
    'information.handle',
    'enforcement-request.record',
    'enforcement-request.read',
    'case.import',
    'case.export',
    'report.cases',
    'what-if.replay',
  ],
  auditor: [
    'case.read',
    'enforcement-request.read',
    'case.export',
    'report.cases',
    'what-if.replay',
    'audit.read',
    'audit.checkpoint',
  ],
  admin: ['audit.read', 'audit.checkpoint', 'users.manage'],
};
