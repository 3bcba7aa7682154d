/**
 * The words the app shows for the API's codes. Each table is keyed by the API's own enum, so a
 * code the API adds fails the app's type check until it has words here.
 * @module
 */
import type { components } from './api/openapi';

type Schemas = components['schemas'];

export const STATUS_LABELS: Record<Schemas['CaseSummary']['status'], string> = {
  received: 'Waiting for a decision',
  decided: 'Waiting for review',
  'override-pending': 'Waiting for second approval',
  reviewed: 'Reviewed',
  holding: 'Holding',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export const AGENCY_LABELS: Record<Schemas['Intake']['jurisdiction'], string> = {
  'nyc-doc': 'NYC Department of Correction',
  'nyc-nypd': 'NYC Police Department',
  'nyc-probation': 'NYC Department of Probation',
  california: 'California',
  texas: 'Texas',
};

export const FORM_LABELS: Record<Schemas['DetainerRequest']['form'], string> = {
  'I-247': 'I-247',
  'I-247A': 'I-247A',
  'I-247D': 'I-247D',
  'I-247N': 'I-247N',
  'I-247X': 'I-247X',
  'I-247G': 'I-247G',
  other: 'Other',
};

export const ROLE_LABELS: Record<Schemas['Session']['user']['role'], string> = {
  clerk: 'clerk',
  reviewer: 'legal reviewer',
  supervisor: 'supervisor',
  auditor: 'auditor',
  admin: 'administrator',
};

/** A label for a code the table may not know (e.g. a jurisdiction added since the build). */
export function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}
