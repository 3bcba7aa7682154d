/**
 * What the agency may do once a decision is reviewed: the engine's outcome for each requested
 * action, unless a reviewer overrode it with a second person's approval. Custody steps are checked
 * against these outcomes, so the desk never records a hold, notice or transfer the law forbids.
 * @module
 */
import type { Action, Decision, Status } from '../engine/decision.js';
import type { CaseStep } from './case-lifecycle.js';
import { DeskError } from './errors.js';

export type CustodyAction = Exclude<Action, 'information'>;

export interface OverrideEntry {
  action: CustodyAction;
  status: Exclude<Status, 'needs-information'>;
}

export interface EffectiveOutcome {
  action: CustodyAction;
  status: Status;
  overridden: boolean;
  /** The latest lawful end of a hold, from the engine. */
  holdUntil?: string;
}

export function effectiveOutcomes(
  decision: Decision,
  override: readonly OverrideEntry[] = [],
): EffectiveOutcome[] {
  const outcomes: EffectiveOutcome[] = [];
  for (const outcome of decision.outcomes) {
    if (outcome.action === 'information') continue;
    const overriding = override.find((entry) => entry.action === outcome.action);
    outcomes.push({
      action: outcome.action,
      status: overriding?.status ?? outcome.status,
      overridden: overriding !== undefined,
      holdUntil: outcome.hold?.until,
    });
  }
  return outcomes;
}

/** Instants may carry different offsets, so they are compared as points in time. */
const after = (a: string, b: string) => Date.parse(a) > Date.parse(b);

const honours = (status: Status | undefined) => status === 'allowed' || status === 'required';

/** The case as the step finds it, and the step's own time and reason. */
export interface CustodyStepContext {
  /** When the step happened: every check is made at this instant. */
  at: string;
  holdUntil: string | null;
  holding: boolean;
  iceNotifiedAt: string | null;
  reason?: string;
}

/**
 * The actions the law requires that the case has not yet honoured at `context.at`: a required
 * hold until its lawful end has come while holding, a required notice until ICE was told, a
 * required transfer until it happens.
 */
function unmetRequirements(
  outcomes: readonly EffectiveOutcome[],
  context: CustodyStepContext,
): CustodyAction[] {
  const met = (action: CustodyAction) => {
    switch (action) {
      case 'hold':
        return (
          context.holding && context.holdUntil !== null && !after(context.holdUntil, context.at)
        );
      case 'notify':
        return context.iceNotifiedAt !== null;
      case 'transfer':
        return false;
    }
  };
  return outcomes
    .filter((outcome) => outcome.status === 'required' && !met(outcome.action))
    .map((outcome) => outcome.action);
}

/** Throws `not-lawful`, saying why, unless the reviewed outcomes allow this custody step. */
export function checkCustodyStep(
  step: CaseStep,
  outcomes: readonly EffectiveOutcome[],
  context: CustodyStepContext,
): void {
  const statusOf = (action: CustodyAction) =>
    outcomes.find((outcome) => outcome.action === action)?.status;
  const refuse = (why: string) => {
    throw new DeskError('not-lawful', why);
  };
  switch (step) {
    case 'start-hold': {
      if (!honours(statusOf('hold'))) refuse('the reviewed decision does not allow a hold');
      const hold = outcomes.find((outcome) => outcome.action === 'hold');
      if (hold?.holdUntil === undefined) {
        refuse('the lawful end of the hold is unknown: complete the record and decide again');
      } else if (after(context.at, hold.holdUntil)) {
        refuse(`the lawful hold ended at ${hold.holdUntil}; the person must be released`);
      }
      return;
    }
    case 'notify-ice':
      if (!honours(statusOf('notify'))) {
        refuse('the reviewed decision does not allow telling ICE of the release');
      }
      return;
    case 'transferred-to-ice':
      if (!honours(statusOf('transfer')) && !honours(statusOf('hold'))) {
        refuse('the reviewed decision allows neither a transfer nor a hold for ICE');
      }
      if (context.holding && context.holdUntil !== null && after(context.at, context.holdUntil)) {
        refuse(`the lawful hold ended at ${context.holdUntil}; the person must be released`);
      }
      return;
    case 'ice-did-not-come':
      if (context.holdUntil !== null && after(context.holdUntil, context.at)) {
        refuse(`the hold runs until ${context.holdUntil}; ICE may still come`);
      }
      return;
    case 'released': {
      // A plain release is one that honoured whatever the law requires; any other is recorded
      // as released despite the detainer, with its reason.
      const unmet = unmetRequirements(outcomes, context);
      if (unmet.length > 0) {
        refuse(
          `the law requires honouring this detainer (${unmet.join(', ')}): record the release as ` +
            'released-despite-detainer, with the reason it was not honoured',
        );
      }
      return;
    }
    case 'released-despite-detainer':
      if (outcomes.some((outcome) => outcome.status === 'required') && !context.reason) {
        refuse('the law requires honouring this detainer: give the reason it was not honoured');
      }
      return;
    default:
      return;
  }
}
