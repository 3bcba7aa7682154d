/**
 * The statute text behind the clauses decisions cite: every version of a clause, found by its
 * stable id (and version), across every jurisdiction; each jurisdiction's periods of unchanged
 * law, and the law in force on a day with the rules encoded from each clause (the law browser).
 * The law is public; nothing here is audited.
 * @module
 */
import { z } from 'zod';
import type { Verification } from '../engine/clause.js';
import { COVERAGE_START } from '../engine/clause.js';
import { addDays, isLocalDate } from '../engine/dates.js';
import type { Action } from '../engine/decision.js';
import type { ActionRule, OutcomeSpec, RuleStatus } from '../engine/rule.js';
import { DeskError, parseInput } from '../desk/errors.js';
import { JURISDICTIONS } from '../law/jurisdictions.js';

export const clauseQuerySchema = z.strictObject({
  id: z.string().min(1).max(200).describe('The clause’s stable id, e.g. nyc.9-131.b.'),
  version: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('One version, e.g. LL58/2014; every version when absent.'),
});

export interface ClauseText {
  id: string;
  version: string;
  citation: string;
  title: string;
  validFrom: string;
  validTo: string | null;
  effective: string;
  text: string;
  textSha256: string;
  url: string;
  verification: Verification;
  note: string | null;
}

/** Each clause version once (the federal baseline is part of every jurisdiction's law). */
const CLAUSES: ReadonlyMap<string, ClauseText> = new Map(
  JURISDICTIONS.flatMap((jurisdiction) => jurisdiction.clauses).map((clause) => [
    `${clause.id}\n${clause.version}\n${clause.validFrom}`,
    {
      id: clause.id,
      version: clause.version,
      citation: clause.citation,
      title: clause.title,
      validFrom: clause.validFrom,
      validTo: clause.validTo ?? null,
      effective: clause.effective,
      text: clause.text,
      textSha256: clause.textSha256,
      url: clause.url,
      verification: clause.verification,
      note: clause.note ?? null,
    },
  ]),
);

/** The versions of a clause, oldest first; an empty list when the id or version is unknown. */
export function clauseTexts(input: unknown): ClauseText[] {
  const { id, version } = parseInput(clauseQuerySchema, input);
  return [...CLAUSES.values()]
    .filter((clause) => clause.id === id && (version === undefined || clause.version === version))
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/** A jurisdiction and the days its law changes: the timeline the law browser draws. */
export interface LawTimeline {
  id: string;
  name: string;
  timeZone: string;
  lastVerifiedOn: string;
  /** Each period in which no clause changes, oldest first; `to` is its last day, null if open. */
  periods: {
    from: string;
    to: string | null;
    /** The clause versions that come into force on `from`. */
    begins: { id: string; version: string; citation: string; verification: Verification }[];
  }[];
}

export function lawTimelines(): LawTimeline[] {
  return JURISDICTIONS.map((jurisdiction) => {
    const starts = [...new Set(jurisdiction.clauses.map((clause) => clause.validFrom))];
    const ends = jurisdiction.clauses.flatMap((clause) => clause.validTo ?? []);
    const days = [...new Set([...starts, ...ends])].filter((day) => day >= COVERAGE_START).sort();
    return {
      id: jurisdiction.id,
      name: jurisdiction.name,
      timeZone: jurisdiction.timeZone,
      lastVerifiedOn: jurisdiction.lastVerifiedOn,
      periods: days.map((from, index) => {
        const next = days[index + 1];
        return {
          from,
          to: next === undefined ? null : addDays(next, -1),
          begins: jurisdiction.clauses
            .filter((clause) => clause.validFrom === from)
            .map((clause) => ({
              id: clause.id,
              version: clause.version,
              citation: clause.citation,
              verification: clause.verification,
            })),
        };
      }),
    };
  });
}

export const lawQuerySchema = z.strictObject({
  jurisdiction: z.string().min(1).max(100).describe('A jurisdiction id, e.g. nyc-doc.'),
  date: z
    .string()
    .refine(isLocalDate, 'must be a real calendar date written YYYY-MM-DD')
    .refine((date) => date >= COVERAGE_START, {
      message: `must be on or after ${COVERAGE_START}, the first day whose law is encoded`,
    })
    .describe('The day whose law to read, YYYY-MM-DD.'),
});

const ACTION_TITLES: Readonly<Record<Action, string>> = {
  hold: 'Hold past release',
  notify: 'Notify federal immigration authorities of release',
  transfer: 'Transfer to federal immigration custody',
  information: 'Answer a request for information',
};

interface OutcomeText {
  status: RuleStatus;
  explanation: string;
  cites: string[];
  holdLimit: string | null;
}

/** A clause in force with what the engine encodes from it. */
export interface ClauseInForce extends ClauseText {
  rules: {
    action: Action;
    title: string;
    base: OutcomeText;
    exceptions: (OutcomeText & { label: string })[];
  }[];
  defines: string[];
  duties: { id: string; text: string }[];
  cautions: { id: string; text: string }[];
}

export interface LawInForceText {
  jurisdiction: { id: string; name: string };
  date: string;
  /** The first day of the period with the same law. */
  from: string;
  hash: string;
  lastVerifiedOn: string;
  /** The date is after the texts were last checked against their sources. */
  unchecked: boolean;
  decidedBy: { action: Action; title: string; clause: string }[];
  clauses: ClauseInForce[];
}

function outcomeText(spec: OutcomeSpec): OutcomeText {
  return {
    status: spec.status,
    explanation: spec.explanation,
    cites: [...spec.cites],
    holdLimit: spec.holdLimit?.label ?? null,
  };
}

/** The law of one jurisdiction in force on a day: each clause's text beside the rules from it. */
export function lawInForce(input: unknown): LawInForceText {
  const { jurisdiction: id, date } = parseInput(lawQuerySchema, input);
  const jurisdiction = JURISDICTIONS.find((candidate) => candidate.id === id);
  if (!jurisdiction) throw DeskError.notFound('jurisdiction', id);
  const law = jurisdiction.lawOn(date);
  const clauses = [...law.clauses.values()].sort((a, b) => a.id.localeCompare(b.id));
  return {
    jurisdiction: { id: jurisdiction.id, name: jurisdiction.name },
    date,
    from: law.from,
    hash: law.hash,
    lastVerifiedOn: jurisdiction.lastVerifiedOn,
    unchecked: date > jurisdiction.lastVerifiedOn,
    decidedBy: [...law.rules].map(([action, { provision }]) => ({
      action,
      title: ACTION_TITLES[action],
      clause: provision.clause.id,
    })),
    clauses: clauses.map((clause) => {
      const provisions = law.provisions.filter((provision) => provision.clause === clause);
      return {
        ...CLAUSES.get(`${clause.id}\n${clause.version}\n${clause.validFrom}`)!,
        rules: provisions.flatMap((provision) =>
          (Object.entries(provision.decides ?? {}) as [Action, ActionRule][]).map(
            ([action, rule]) => ({
              action,
              title: ACTION_TITLES[action],
              base: outcomeText(rule.base),
              exceptions: rule.exceptions.map((exception) => ({
                label: exception.label,
                ...outcomeText(exception.then),
              })),
            }),
          ),
        ),
        defines: provisions.flatMap((provision) => Object.keys(provision.defines ?? {})),
        duties: provisions.flatMap((p) => (p.duties ?? []).map(({ id, text }) => ({ id, text }))),
        cautions: provisions.flatMap((p) =>
          (p.cautions ?? []).map(({ id, text }) => ({ id, text })),
        ),
      };
    }),
  };
}
