/**
 * The case the law engine decides, built from what the desk holds. The desk keeps more than the
 * engine reads (identifiers, officers, priorities); this is the one place that chooses what the
 * law is told.
 * @module
 */
import type { CaseInput } from '../engine/case.js';
import type { MissingFact } from '../engine/condition.js';
import type { Decision } from '../engine/decision.js';
import type { FieldIssue } from '../engine/errors.js';
import type { InformationRequest } from './information-request.js';
import type { Intake } from './intake.js';

export function engineCaseFor(intake: Intake, caseId: string, decisionAt: string): CaseInput {
  const { request, custody } = intake;
  return {
    caseId,
    jurisdiction: intake.jurisdiction,
    decisionAt,
    otherwiseReleaseAt: custody.expectedReleaseAt,
    instantArrestDate: custody.instantArrestDate,
    request: {
      kind: 'detainer',
      form: request.form,
      formRevision: request.formRevision,
      requester: request.requester,
      actions: request.actions,
      receivedAt: request.receivedAt,
      judicialWarrant: request.judicialWarrant,
      judicialProbableCauseDetermination: request.judicialProbableCauseDetermination,
      administrativeWarrants: request.administrativeWarrants.map((warrant) => warrant.form),
    },
    record: intake.history,
  };
}

/** The case for an ICE request for information about a person the desk holds. */
export function engineInformationCaseFor(
  intake: Intake,
  request: InformationRequest,
  caseId: string,
  decisionAt: string,
): CaseInput {
  return {
    caseId,
    jurisdiction: intake.jurisdiction,
    decisionAt,
    otherwiseReleaseAt: intake.custody.expectedReleaseAt,
    instantArrestDate: intake.custody.instantArrestDate,
    request: {
      kind: 'information-request',
      requester: request.requester,
      information: request.information,
      informationPurpose: request.purpose,
      informationRequiredByLaw: request.requiredByLaw,
      informationPubliclyAvailable: request.publiclyAvailable,
      receivedAt: request.receivedAt,
      judicialWarrant: intake.request.judicialWarrant,
    },
    record: intake.history,
  };
}

/** The step that corrects a field of the record: the record's correction, or a reviewer's of the request. */
export type CorrectionStep = 'update-record' | 'correct-request';

/**
 * Where each field the engine is told comes from in the intake, by the engine's path prefix, and
 * the step that corrects it. A path no entry names (a finding the desk does not record, the
 * decision's own time) has no field on the desk.
 */
const INTAKE_PATHS: readonly (readonly [engine: string, intake: string, step: CorrectionStep])[] = [
  ['otherwiseReleaseAt', 'custody.expectedReleaseAt', 'update-record'],
  ['instantArrestDate', 'custody.instantArrestDate', 'update-record'],
  ['record', 'history', 'update-record'],
  // A judicial warrant often arrives after the request, so the record's correction carries it.
  ['request.judicialWarrant', 'request.judicialWarrant', 'update-record'],
  ['request.form', 'request.form', 'correct-request'],
  ['request.formRevision', 'request.formRevision', 'correct-request'],
  ['request.requester', 'request.requester', 'correct-request'],
  ['request.actions', 'request.actions', 'correct-request'],
  ['request.receivedAt', 'request.receivedAt', 'correct-request'],
  [
    'request.judicialProbableCauseDetermination',
    'request.judicialProbableCauseDetermination',
    'correct-request',
  ],
  ['request.administrativeWarrants', 'request.administrativeWarrants', 'correct-request'],
];

/**
 * The same for an information request: its own fields by their names, the case's by their intake
 * paths.
 */
const INFORMATION_PATHS: readonly (readonly [engine: string, intake: string])[] = [
  ['otherwiseReleaseAt', 'custody.expectedReleaseAt'],
  ['instantArrestDate', 'custody.instantArrestDate'],
  ['request.receivedAt', 'receivedAt'],
  ['request.information', 'information'],
  ['request.informationPurpose', 'purpose'],
  ['request.informationRequiredByLaw', 'requiredByLaw'],
  ['request.informationPubliclyAvailable', 'publiclyAvailable'],
  ['record', 'history'],
];

type PathEntry = readonly [engine: string, intake: string, ...rest: unknown[]];

/** The entry whose engine path is `path` or contains it. */
function entryOf<E extends PathEntry>(path: string, paths: readonly E[]): E | undefined {
  return paths.find(
    ([engine]) => path === engine || path.startsWith(`${engine}.`) || path.startsWith(`${engine}[`),
  );
}

function renamed(issues: readonly FieldIssue[], paths: readonly PathEntry[]): FieldIssue[] {
  return issues.map((issue) => {
    const match = entryOf(issue.path, paths);
    return match === undefined
      ? issue
      : { ...issue, path: match[1] + issue.path.slice(match[0].length) };
  });
}

/** The engine's complaints about a case, named by the intake fields a clerk can correct. */
export const intakeIssuesOf = (issues: readonly FieldIssue[]) => renamed(issues, INTAKE_PATHS);

export const informationIssuesOf = (issues: readonly FieldIssue[]) =>
  renamed(issues, INFORMATION_PATHS);

/** A fact a decision is missing, and the field of the record that supplies it. */
export interface MissingFactField {
  /** The fact as the engine names it (`record.proofOfLawfulStatus`), as in the decision. */
  fact: string;
  /** The intake field that supplies it (`history.proofOfLawfulStatus`); null when the desk has none. */
  field: string | null;
  /** The step that corrects the field: the record's correction or a reviewer's of the request. */
  step: CorrectionStep | null;
  /**
   * Who supplies it: a legal reviewer for the request's fields (only a reviewer corrects the
   * request) and for facts the law leaves to legal judgement; a clerk for the rest.
   */
  suppliedBy: MissingFact['decidedBy'];
}

/** The field of the record that supplies a fact the engine found missing. */
export function missingFactField(missing: MissingFact): MissingFactField {
  const match = entryOf(missing.path, INTAKE_PATHS);
  if (match === undefined) {
    return { fact: missing.path, field: null, step: null, suppliedBy: missing.decidedBy };
  }
  const [engine, intake, step] = match;
  return {
    fact: missing.path,
    field: intake + missing.path.slice(engine.length),
    step,
    suppliedBy: step === 'correct-request' ? 'legal-reviewer' : missing.decidedBy,
  };
}

/** Every fact a decision is missing, in any outcome or hold limit, each once, with its field. */
export function missingFactFields(decision: Decision): MissingFactField[] {
  const facts = new Map<string, MissingFact>();
  const seen = (missing: readonly MissingFact[] = []) => {
    for (const fact of missing) if (!facts.has(fact.path)) facts.set(fact.path, fact);
  };
  for (const outcome of decision.outcomes) {
    seen(outcome.missing);
    seen(outcome.hold?.missing);
  }
  seen(decision.missing);
  return [...facts.values()].map(missingFactField);
}
