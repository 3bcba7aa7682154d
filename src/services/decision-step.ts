/**
 * The decide step inside a case transaction: the law engine decides the record as it stands, and
 * the decision is stored frozen with the hashes of the law it applied. Shared by deciding a case
 * already recorded and by intake with `decide`, which records and decides in one transaction.
 * @module
 */
import type { Actor } from '../auth/roles.js';
import { decisionAudit } from '../audit/record-hashes.js';
import { dateWarnings } from '../desk/date-checks.js';
import { engineCaseFor, intakeIssuesOf } from '../desk/engine-case.js';
import { DeskError } from '../desk/errors.js';
import type { Intake } from '../desk/intake.js';
import { parseCase, type CaseInput } from '../engine/case.js';
import type { Decision } from '../engine/decision.js';
import { insertRow } from '../store/compiled-query.js';
import { CaseError, type FieldIssue } from '../engine/errors.js';
import { HoldClockError } from '../engine/time/hold-clock.js';
import type { CaseChange, Trx } from './case-transaction.js';
import type { DeskContext } from './desk-context.js';

export async function freezeDecision(
  ctx: DeskContext,
  actor: Actor,
  trx: Trx,
  caseId: string,
  intake: Intake,
): Promise<CaseChange<undefined>> {
  const decidedAt = ctx.now();
  const decision = evaluateOrRefuse(
    ctx,
    engineCaseFor(intake, caseId, decidedAt),
    intakeIssuesOf,
    'the record',
  );
  const lawHashes = [...new Set(decision.outcomes.map((outcome) => outcome.lawHash))];
  const decisionId = ctx.newId();
  const row = {
    id: decisionId,
    caseId,
    decidedAt,
    decidedBy: actor.username,
    decisionJson: JSON.stringify(decision),
    lawHashes: JSON.stringify(lawHashes),
    status: 'proposed',
    overrideJson: null,
    overrideReason: null,
    overrideBy: null,
    reviewedBy: null,
    reviewedAt: null,
  };
  await insertRow(trx, ctx.store.dialect, 'decisions', row);
  const outcomes = Object.fromEntries(decision.outcomes.map((o) => [o.item ?? o.action, o.status]));
  const warnings = dateWarnings(intake);
  return {
    event: {
      kind: 'decided',
      at: decidedAt,
      details: { decisionId, outcomes, lawHashes, warnings },
    },
    // The stored row's hash, so `audit verify` finds a decision changed without the desk.
    audit: { decisionId, lawHashes, outcomes, ...decisionAudit(row) },
    result: undefined,
  };
}

/**
 * Runs the engine on a case the desk built. What the engine refuses to decide (a date outside the
 * encoded law, a hold clock that would run past the encoded calendar) is bad input, named by the
 * desk's own fields (`issuesOf`) so the clerk knows what to correct.
 */
export function evaluateOrRefuse(
  ctx: DeskContext,
  input: CaseInput,
  issuesOf: (issues: readonly FieldIssue[]) => FieldIssue[],
  what: string,
): Decision {
  let issues: FieldIssue[];
  try {
    return ctx.engine.evaluate(parseCase(input));
  } catch (error) {
    if (error instanceof CaseError) {
      issues = issuesOf(error.issues);
    } else if (error instanceof HoldClockError) {
      // A hold clock starts at the otherwise-release time.
      issues = issuesOf([
        { path: 'otherwiseReleaseAt', message: `the hold clock cannot count it: ${error.message}` },
      ]);
    } else {
      throw error;
    }
  }
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  throw new DeskError('invalid-input', `${what} cannot be decided: ${summary}`, issues);
}
