/**
 * Who may do what. One table, read by every face through the application services, so a route,
 * a CLI command and a test all meet the same rule. The public has no role: it sees only public
 * reports.
 * @module
 */
import { DeskError } from '../desk/errors.js';

export const ROLES = ['clerk', 'reviewer', 'supervisor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Record a detainer request received, with the person and the record. */
  'case.intake': ['clerk', 'supervisor'],
  /** Read a person's record and case (every read is audited). */
  'case.read': ['clerk', 'reviewer', 'supervisor', 'auditor'],
  /** Correct or complete the record, or attach a judicial warrant that arrived later. */
  'case.update': ['clerk', 'reviewer', 'supervisor'],
  /** Run the law engine on the record. */
  'case.decide': ['clerk', 'reviewer', 'supervisor'],
  /** Confirm a decision or propose an override. */
  'case.review': ['reviewer', 'supervisor'],
  /** Approve or reject another person's override. */
  'case.approve': ['reviewer', 'supervisor'],
  /** Start a hold, notify ICE, record a release, transfer or cancellation. */
  'case.custody': ['clerk', 'supervisor'],
  /** Record and answer ICE information requests. */
  'information.handle': ['clerk', 'supervisor'],
  /**
   * Record a request from a non-local law enforcement agency for support of immigration
   * enforcement, and the response (§ 10-178(d)). The record names agencies, never a person.
   */
  'enforcement-request.record': ['clerk', 'supervisor'],
  /** Read those records; a clerk reads them to find the open requests to respond to. */
  'enforcement-request.read': ['clerk', 'supervisor', 'auditor'],
  'case.import': ['supervisor'],
  'case.export': ['supervisor', 'auditor'],
  /** Open the cases behind a mandated report's figures (the figures themselves are public). */
  'report.cases': ['reviewer', 'supervisor', 'auditor'],
  /** Replay cases under another law and read each case's changed answers (src/what-if/). */
  'what-if.replay': ['reviewer', 'supervisor', 'auditor'],
  'audit.read': ['auditor', 'admin'],
  'audit.checkpoint': ['auditor', 'admin'],
  'users.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Someone acting on the desk: a signed-in user, an integration's token, or the admin CLI. */
export interface Actor {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
}

export function can(actor: Actor, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new DeskError('forbidden', `the ${actor.role} role may not ${permission}`);
  }
}
