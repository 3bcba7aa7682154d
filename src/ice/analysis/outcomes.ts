/**
 * What became of a detainer, read from ICE's "Detainer Lift Reason" (ice-formats.md §1.3): booked
 * into ICE detention, declined by the local agency, lifted by ICE, blank, or other. One table maps
 * every value known from the legacy (FY2008–FY2015) and current (2023–2026) releases; the SQL CASE
 * is generated from it. Values are compared upper-cased with runs of spaces collapsed. A value the
 * table does not know counts as "other" and is listed by name in every result, never dropped.
 * @module
 */
import { sqlString } from '../sql-text.js';

export const OUTCOMES = ['booked', 'declined', 'lifted', 'blank', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_MEANING: Record<Outcome, string> = {
  booked: 'booked into ICE detention',
  declined: 'declined by the local agency (as recorded by ICE)',
  lifted: 'lifted by ICE',
  blank: 'no lift reason recorded (pending, not honored, or never updated)',
  other: 'other: the record does not say whether the detainer was honored',
};

export interface LiftReason {
  /** As ICE writes it (compared after `normalLiftReason`). */
  value: string;
  outcome: Exclude<Outcome, 'blank'>;
  /** Legacy: NPR's FY2008–FY2015 tabulation; current: the 2023–2026 releases. */
  era: 'legacy' | 'current' | 'both';
  why: string;
}

const ICE_LIFTED = 'ICE withdrew the detainer';

export const LIFT_REASONS: readonly LiftReason[] = [
  {
    value: 'Booked into Detention',
    outcome: 'booked',
    era: 'both',
    why: 'the person went from the jail into ICE custody',
  },
  {
    value: 'Detainer Declined by LEA',
    outcome: 'declined',
    era: 'both',
    why: 'ICE recorded that the law enforcement agency declined; undercounts declines (caveat)',
  },
  { value: 'Lifted', outcome: 'lifted', era: 'legacy', why: `${ICE_LIFTED}; no reason given` },
  {
    value: 'Lifted - Lack of Space',
    outcome: 'lifted',
    era: 'legacy',
    why: `${ICE_LIFTED} for want of detention space`,
  },
  {
    value: 'Lifted - Lack of Funds',
    outcome: 'lifted',
    era: 'legacy',
    why: `${ICE_LIFTED} for want of funds`,
  },
  {
    value: 'Prosecutorial Discretion',
    outcome: 'lifted',
    era: 'both',
    why: `${ICE_LIFTED}: it chose not to pursue the case`,
  },
  {
    value: 'Case Closed',
    outcome: 'lifted',
    era: 'both',
    why: `${ICE_LIFTED}: it closed its immigration case`,
  },
  {
    value: 'Alien Not Subject to Deportation',
    outcome: 'lifted',
    era: 'legacy',
    why: `${ICE_LIFTED}: it found the person not removable`,
  },
  {
    value: 'Not Amenable to Removal',
    outcome: 'lifted',
    era: 'current',
    why: `${ICE_LIFTED}: it found the person not removable`,
  },
  {
    value: 'Noncitizen Not Amenable to Removal',
    outcome: 'lifted',
    era: 'current',
    why: `${ICE_LIFTED}: it found the person not removable`,
  },
  {
    value: 'United States Citizen Interviewed',
    outcome: 'lifted',
    era: 'legacy',
    why: `${ICE_LIFTED}: the person was a U.S. citizen`,
  },
  {
    value: 'USC or Presumptive Claim to US Citizenship',
    outcome: 'lifted',
    era: 'current',
    why: `${ICE_LIFTED}: the person is or may be a U.S. citizen`,
  },
  {
    value: 'Transferred',
    outcome: 'other',
    era: 'legacy',
    why: 'the person moved to other custody; neither honored nor declined is recorded',
  },
  {
    value: 'Early Release',
    outcome: 'other',
    era: 'both',
    why: 'the person left custody early; whether the jail told ICE is not recorded',
  },
  {
    value: 'No longer in State, Local, or Federal Custody',
    outcome: 'other',
    era: 'current',
    why: 'the person left custody; whether the jail honored or declined is not recorded',
  },
  {
    value: 'Judicial Review',
    outcome: 'other',
    era: 'current',
    why: 'undocumented administrative value; its effect on the detainer is unknown',
  },
  { value: 'Died', outcome: 'other', era: 'legacy', why: 'the person died in custody' },
];

/** Upper case, runs of white space as one space, trimmed; `undefined` for blank. */
export function normalLiftReason(value: string | null | undefined): string | undefined {
  const normal = (value ?? '').replace(/\s+/g, ' ').trim().toUpperCase();
  return normal === '' ? undefined : normal;
}

/** The same normalisation in SQL (NULL for blank). */
export function normalLiftReasonSql(column: string): string {
  return `nullif(upper(trim(regexp_replace(${column}, '\\s+', ' ', 'g'))), '')`;
}

const BY_VALUE = new Map(LIFT_REASONS.map((reason) => [normalLiftReason(reason.value)!, reason]));

/** The table entry for a raw value, if the table knows it. */
export function liftReasonEntry(value: string | null | undefined): LiftReason | undefined {
  const normal = normalLiftReason(value);
  return normal === undefined ? undefined : BY_VALUE.get(normal);
}

export function outcomeOf(value: string | null | undefined): Outcome {
  if (normalLiftReason(value) === undefined) return 'blank';
  return liftReasonEntry(value)?.outcome ?? 'other';
}

/** `outcomeOf` as a SQL CASE over a raw lift-reason column, generated from `LIFT_REASONS`. */
export function outcomeSql(column: string): string {
  const normal = normalLiftReasonSql(column);
  const arms = OUTCOMES.filter((outcome) => outcome !== 'blank' && outcome !== 'other').map(
    (outcome) => {
      const values = LIFT_REASONS.filter((reason) => reason.outcome === outcome).map((reason) =>
        sqlString(normalLiftReason(reason.value)!),
      );
      return `WHEN ${normal} IN (${values.join(', ')}) THEN '${outcome}'`;
    },
  );
  return `(CASE WHEN ${normal} IS NULL THEN 'blank' ${arms.join(' ')} ELSE 'other' END)`;
}
