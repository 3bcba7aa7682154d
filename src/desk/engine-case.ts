/**
 * The case the law engine decides, built from what the desk holds. The desk keeps more than the
 * engine reads (identifiers, officers, priorities); this is the one place that chooses what the
 * law is told.
 * @module
 */
import type { CaseInput } from '../engine/case.js';
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

/** Where each field the engine is told comes from in the intake, by the engine's path prefix. */
const INTAKE_PATHS: readonly (readonly [engine: string, intake: string])[] = [
  ['otherwiseReleaseAt', 'custody.expectedReleaseAt'],
  ['instantArrestDate', 'custody.instantArrestDate'],
  ['record', 'history'],
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

function renamed(
  issues: readonly FieldIssue[],
  paths: readonly (readonly [string, string])[],
): FieldIssue[] {
  return issues.map((issue) => {
    const match = paths.find(
      ([engine]) =>
        issue.path === engine ||
        issue.path.startsWith(`${engine}.`) ||
        issue.path.startsWith(`${engine}[`),
    );
    return match === undefined
      ? issue
      : { ...issue, path: match[1] + issue.path.slice(match[0].length) };
  });
}

/** The engine's complaints about a case, named by the intake fields a clerk can correct. */
export const intakeIssuesOf = (issues: readonly FieldIssue[]) => renamed(issues, INTAKE_PATHS);

export const informationIssuesOf = (issues: readonly FieldIssue[]) =>
  renamed(issues, INFORMATION_PATHS);
