/**
 * Loads the demo into a store: one user per role, then every demo case played through the
 * application services, each step at its own instant, so the engine decides under the law in
 * force then and the audit log reads as the desk's history. Loading again changes nothing: intake
 * is idempotent and steps the case already shows are skipped, which is also how an interrupted
 * load is finished (loadDemoUnlessLoaded).
 * @module
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { Actor, Role } from '../auth/roles.js';
import { DeskError } from '../desk/errors.js';
import { intakeCase, loadCaseView } from '../services/case-service.js';
import {
  cancelDetainer,
  notifyIce,
  recordRelease,
  startHold,
} from '../services/custody-service.js';
import { deskContext, type DeskContext } from '../services/desk-context.js';
import {
  answerInformationRequest,
  loadInformationRequests,
  recordInformationRequest,
} from '../services/information-service.js';
import { confirmDecision, decideCase, proposeOverride } from '../services/review-service.js';
import { CONSOLE_ACTOR, createUser, listUsers } from '../services/user-service.js';
import type { Store } from '../store/open-store.js';
import { generateDemoCaseload, type DemoCase, type DemoStep } from './demo-caseload.js';

export const DEMO_USERS = [
  { username: 'clerk', displayName: 'Demo Clerk', role: 'clerk' },
  { username: 'reviewer', displayName: 'Demo Legal Reviewer', role: 'reviewer' },
  { username: 'reviewer2', displayName: 'Demo Second Approver', role: 'reviewer' },
  { username: 'supervisor', displayName: 'Demo Supervisor', role: 'supervisor' },
  { username: 'auditor', displayName: 'Demo Auditor', role: 'auditor' },
  { username: 'admin', displayName: 'Demo Administrator', role: 'admin' },
] as const satisfies readonly { username: string; displayName: string; role: Role }[];

type DemoUsername = (typeof DEMO_USERS)[number]['username'];

export interface LoadDemoOptions {
  seed: number;
  /** The instant the demo desk opens on (see generateDemoCaseload). */
  now: string;
  /** The password every demo user signs in with. */
  users: { password: string };
  /** Called after each case with how many are done of how many. */
  onProgress?: (done: number, total: number) => void;
}

export interface LoadDemoReport {
  users: { created: number; existing: number };
  cases: { created: number; existing: number };
  steps: { applied: number; skipped: number };
  /** Cases by how they stand once loaded. */
  statuses: Record<string, number>;
  milliseconds: number;
}

export async function loadDemo(store: Store, options: LoadDemoOptions): Promise<LoadDemoReport> {
  const started = performance.now();
  const report: LoadDemoReport = {
    users: { created: 0, existing: 0 },
    cases: { created: 0, existing: 0 },
    steps: { applied: 0, skipped: 0 },
    statuses: {},
    milliseconds: 0,
  };
  const actors = await demoActors(deskContext(store, { now: () => options.now }), options, report);
  const caseload = generateDemoCaseload(options);
  for (const [index, demo] of caseload.entries()) {
    const status = await playCase(store, actors, demo, report);
    report.statuses[status] = (report.statuses[status] ?? 0) + 1;
    options.onProgress?.(index + 1, caseload.length);
  }
  report.milliseconds = Math.round(performance.now() - started);
  return report;
}

/** What a load in progress wrote down, so the same caseload can be finished after a stop. */
interface PendingLoad {
  /** The store being loaded (`Store.location`: a path, or a URL without its password). */
  store: string;
  seed: number;
  now: string;
}

/**
 * Loads the demo into a store with no accounts, or finishes a load that was stopped (Ctrl-C, a
 * crash): `marker` is written before the first case and removed after the last, and holds the
 * store, the seed and the opening instant, so the load resumes the same caseload whatever day
 * it is.
 * Returns undefined, and touches nothing, when the store has accounts and no load is pending,
 * or when an account that is not a demo account exists (a real desk is never filled with the
 * demo).
 */
export async function loadDemoUnlessLoaded(
  store: Store,
  marker: string,
  options: LoadDemoOptions & { onStart?: (resumed: boolean) => Promise<void> },
): Promise<LoadDemoReport | undefined> {
  const pending = await readPending(marker, store.location);
  const usernames = (await store.db.selectFrom('users').select('username').execute()).map(
    (user) => user.username,
  );
  const demoNames: readonly string[] = DEMO_USERS.map((user) => user.username);
  if (usernames.some((name) => !demoNames.includes(name))) return undefined;
  if (usernames.length > 0 && pending === undefined) return undefined;
  const load = pending ?? { store: store.location, seed: options.seed, now: options.now };
  if (pending === undefined) await writeFile(marker, JSON.stringify(load), { mode: 0o600 });
  await options.onStart?.(pending !== undefined);
  const report = await loadDemo(store, { ...options, seed: load.seed, now: load.now });
  await rm(marker, { force: true });
  return report;
}

/** The load pending for this store, if the marker records one. */
async function readPending(marker: string, location: string): Promise<PendingLoad | undefined> {
  let pending: Partial<PendingLoad>;
  try {
    pending = JSON.parse(await readFile(marker, 'utf8')) as Partial<PendingLoad>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DeskError('conflict', `${marker} does not record a demo load: remove it`);
  }
  if (pending.store !== location) return undefined;
  if (typeof pending.seed !== 'number' || typeof pending.now !== 'string') {
    throw new DeskError('conflict', `${marker} does not record a demo load: remove it`);
  }
  return { store: location, seed: pending.seed, now: pending.now };
}

async function demoActors(
  ctx: DeskContext,
  options: LoadDemoOptions,
  report: LoadDemoReport,
): Promise<Record<DemoUsername, Actor>> {
  const existing = new Map(
    (await listUsers(ctx, CONSOLE_ACTOR)).map((user) => [user.username, user]),
  );
  const actors = {} as Record<DemoUsername, Actor>;
  for (const spec of DEMO_USERS) {
    let user = existing.get(spec.username);
    if (user === undefined) {
      user = await createUser(ctx, CONSOLE_ACTOR, { ...spec, password: options.users.password });
      report.users.created += 1;
    } else {
      if (user.role !== spec.role) {
        throw new Error(
          `the user ${spec.username} exists with the role ${user.role}, not ${spec.role}`,
        );
      }
      report.users.existing += 1;
    }
    actors[spec.username] = { id: user.id, username: user.username, role: user.role };
  }
  return actors;
}

type DeskStep = Exclude<DemoStep, { kind: 'intake' | 'information-request' }>;

/** The timeline event each step leaves on the case, by which a reload knows it was done. */
function eventOf(step: DeskStep): string {
  switch (step.kind) {
    case 'decide':
      return 'decided';
    case 'confirm':
      return 'confirmed';
    case 'propose-override':
      return 'override-proposed';
    case 'start-hold':
      return 'hold-started';
    case 'notify-ice':
      return 'ice-notified';
    case 'release':
      return step.release;
    case 'cancel':
      return 'cancelled-by-ice';
  }
}

async function playCase(
  store: Store,
  actors: Record<DemoUsername, Actor>,
  demo: DemoCase,
  report: LoadDemoReport,
): Promise<string> {
  const [intakeStep, ...steps] = demo.timeline;
  if (intakeStep?.kind !== 'intake')
    throw new Error(`${demo.ref}: the timeline must start with the intake`);
  const at = (instant: string) => deskContext(store, { now: () => instant });
  const { id, created } = await intakeCase(at(intakeStep.at), actors.clerk, demo.intake);
  let version = 1;
  let status = 'received';
  let done = new Set<string>();
  if (created) {
    report.cases.created += 1;
  } else {
    report.cases.existing += 1;
    const view = await loadCaseView(at(intakeStep.at), id);
    ({ version, status } = view);
    done = new Set(view.events.map((event) => event.kind));
  }
  for (const step of steps) {
    if (step.kind === 'information-request') {
      await playInformationRequest(at, actors.clerk, id, step, report);
      continue;
    }
    if (step.kind === 'intake') throw new Error(`${demo.ref}: a second intake`);
    if (done.has(eventOf(step))) {
      report.steps.skipped += 1;
      continue;
    }
    const ctx = at(step.at);
    ({ version, status } = await applyStep(ctx, actors, id, version, step));
    report.steps.applied += 1;
  }
  return status;
}

function applyStep(
  ctx: DeskContext,
  actors: Record<DemoUsername, Actor>,
  id: string,
  version: number,
  step: DeskStep,
): Promise<{ version: number; status: string }> {
  switch (step.kind) {
    case 'decide':
      return decideCase(ctx, actors.clerk, id, version);
    case 'confirm':
      return confirmDecision(ctx, actors.reviewer, id, version, {});
    case 'propose-override':
      return proposeOverride(ctx, actors.reviewer, id, version, {
        outcomes: step.outcomes,
        reason: step.reason,
      });
    case 'start-hold':
      return startHold(ctx, actors.clerk, id, version, { at: step.at });
    case 'notify-ice':
      return notifyIce(ctx, actors.clerk, id, version, { at: step.at });
    case 'release':
      return recordRelease(ctx, actors.clerk, id, version, {
        kind: step.release,
        at: step.at,
        reason: step.reason,
      });
    case 'cancel':
      return cancelDetainer(ctx, actors.clerk, id, version, { at: step.at, reason: step.reason });
  }
}

async function playInformationRequest(
  at: (instant: string) => DeskContext,
  clerk: Actor,
  caseId: string,
  step: Extract<DemoStep, { kind: 'information-request' }>,
  report: LoadDemoReport,
): Promise<void> {
  const receivedAt = new Date(step.request.receivedAt).toISOString();
  let request = (await loadInformationRequests(at(step.at), caseId)).find(
    (known) => known.receivedAt === receivedAt,
  );
  if (request === undefined) {
    request = await recordInformationRequest(at(step.at), clerk, caseId, step.request);
    report.steps.applied += 1;
  } else {
    report.steps.skipped += 1;
  }
  if (step.answer === undefined) return;
  if (request.status === 'answered') {
    report.steps.skipped += 1;
    return;
  }
  const answeredAt = step.answer.answeredAt ?? step.at;
  await answerInformationRequest(at(answeredAt), clerk, caseId, request.id, step.answer);
  report.steps.applied += 1;
}
