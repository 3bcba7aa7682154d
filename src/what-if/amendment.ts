/**
 * A user-written amendment to one version of a law, for a what-if replay: a small declarative
 * patch (crimes added to or removed from the crime list, another look-back, the judicial-warrant
 * condition dropped, a shorter hold limit), read and checked here, and applied by building the
 * version's rules again with the changed parameters. It is data only: the law modules declare
 * which conditions take which parameter (src/law/amendable.ts), and nothing of the user's runs.
 *
 * The amended law is the version's provisions with every amended condition, outcome and hold
 * limit citing the amendment, plus one clause holding the amendment in words (verification
 * `amendment`), so every decision it changes cites it, and its law hash differs from the version's.
 * @module
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { pathOf } from '../desk/errors.js';
import { clause, type Clause } from '../engine/clause.js';
import type { Condition, EvalContext } from '../engine/condition.js';
import { all, any, not } from '../engine/condition.js';
import type { Jurisdiction, LawInForce, Obligation, Provision } from '../engine/jurisdiction.js';
import { defineJurisdiction } from '../engine/jurisdiction.js';
import type { ActionRule, HoldLimit, OutcomeSpec } from '../engine/rule.js';
import { actionRule } from '../engine/rule.js';
import { holdUntilElapsedHours } from '../engine/time/hold-clock.js';
import type { AmendableParameter, AmendmentParameters } from '../law/amendable.js';
import { AMENDMENT_CLAUSE_ID, amendableOf } from '../law/amendable.js';
import { ChargeCodeError, formatCharge, parseCharge } from '../law/new-york/charge-code.js';
import { amendmentText } from './amendment-text.js';
import { LawChoiceError } from './law-choice-error.js';

/** The most crimes one change lists: a list of about 170 can be rewritten whole, no more. */
const MAX_CRIMES = 200;

const crimes = z
  .array(z.string().trim().min(1).max(80))
  .min(1)
  .max(MAX_CRIMES)
  .describe('Charge codes as the desk reads them, e.g. "PL 155.30" or "PL 120.05(2)"');

const change = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('add-crimes'), crimes }),
  z.strictObject({ kind: z.literal('remove-crimes'), crimes }),
  z.strictObject({
    kind: z.literal('look-back'),
    years: z
      .int()
      .min(1)
      .max(100)
      .nullable()
      .describe('Years before the instant arrest; null for none (a judgment counts however old)'),
  }),
  z.strictObject({ kind: z.literal('drop-judicial-warrant') }),
  z.strictObject({
    kind: z.literal('hold-limit'),
    hours: z
      .int()
      .min(1)
      .max(48)
      .describe('At most this many hours after otherwise-release; never past the federal 48'),
  }),
]);

/** The amendment as the API and the CLI take it. */
export const amendmentSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200).describe('What the amendment is, in a few words'),
    changes: z.array(change).min(1).max(5).describe('At most one change of each kind'),
  })
  .meta({ id: 'Amendment' });

export type Amendment = z.infer<typeof amendmentSchema>;
export type AmendmentChange = Amendment['changes'][number];

/** What each kind of change needs in the law it amends, for the error when it is not there. */
const NEEDS: Record<AmendmentChange['kind'], string> = {
  'add-crimes': 'crime list an amendment can change',
  'remove-crimes': 'crime list an amendment can change',
  'look-back': 'look-back an amendment can change',
  'drop-judicial-warrant': 'judicial-warrant condition',
  'hold-limit': 'hold it allows, so no hold limit',
};

/**
 * The amendment in `input`, checked, with its charge codes written the one way the desk writes
 * them (so the same amendment gives the same bytes). Errors name the field: `amendment.changes[1].years`.
 */
export function readAmendment(input: unknown, field = 'amendment'): Amendment {
  const parsed = amendmentSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LawChoiceError(pathOf([field, ...issue.path]), issue.message);
  }
  const seen = new Set<string>();
  const changes = parsed.data.changes.map((given, index) => {
    const at = `${field}.changes[${String(index)}]`;
    if (seen.has(given.kind)) {
      throw new LawChoiceError(at, `a second "${given.kind}" change; give each kind once`);
    }
    seen.add(given.kind);
    if (given.kind !== 'add-crimes' && given.kind !== 'remove-crimes') return given;
    return {
      ...given,
      crimes: given.crimes.map((code, n) => canonicalCharge(code, `${at}.crimes[${String(n)}]`)),
    };
  });
  const added = new Set(changes.flatMap((c) => (c.kind === 'add-crimes' ? c.crimes : [])));
  const both = changes
    .flatMap((c) => (c.kind === 'remove-crimes' ? c.crimes : []))
    .filter((code) => added.has(code));
  if (both.length > 0) {
    throw new LawChoiceError(`${field}.changes`, `${both.join(', ')} is both added and removed`);
  }
  return { title: parsed.data.title, changes };
}

function canonicalCharge(code: string, field: string): string {
  try {
    return formatCharge(parseCharge(code));
  } catch (error) {
    if (error instanceof ChargeCodeError) throw new LawChoiceError(field, error.message);
    throw error;
  }
}

/** A short fingerprint of the amendment, in its version name and labels. */
export function amendmentId(amendment: Amendment): string {
  return createHash('sha256').update(JSON.stringify(amendment)).digest('hex').slice(0, 12);
}

function parametersOf(amendment: Amendment): AmendmentParameters & { holdHours?: number } {
  const crimeChanges = { added: [] as string[], removed: [] as string[] };
  let parameters: AmendmentParameters & { holdHours?: number } = {};
  for (const given of amendment.changes) {
    if (given.kind === 'add-crimes') crimeChanges.added = given.crimes;
    if (given.kind === 'remove-crimes') crimeChanges.removed = given.crimes;
    if (given.kind === 'look-back') parameters = { ...parameters, lookBackYears: given.years };
    if (given.kind === 'drop-judicial-warrant')
      parameters = { ...parameters, dropJudicialWarrant: true };
    if (given.kind === 'hold-limit') parameters = { ...parameters, holdHours: given.hours };
  }
  if (crimeChanges.added.length + crimeChanges.removed.length > 0) {
    parameters = {
      ...parameters,
      crimes: {
        added: crimeChanges.added.map((code) => parseCharge(code)),
        removed: crimeChanges.removed.map((code) => parseCharge(code)),
      },
    };
  }
  return parameters;
}

/** The change each amendable parameter comes from, to name the change that found nothing. */
const PARAMETER_OF: Record<AmendmentChange['kind'], AmendableParameter | 'holdHours'> = {
  'add-crimes': 'crimes',
  'remove-crimes': 'crimes',
  'look-back': 'lookBackYears',
  'drop-judicial-warrant': 'dropJudicialWarrant',
  'hold-limit': 'holdHours',
};

/**
 * `law` (one period of `jurisdiction`) with the amendment applied. Refuses, naming the change, an
 * amendment that would change nothing in it (a look-back for a version that has none).
 */
export function amendLaw(
  jurisdiction: Jurisdiction,
  law: LawInForce,
  amendment: Amendment,
  field = 'amendment',
): LawInForce {
  const parameters = parametersOf(amendment);
  const rewrite = new LawRewrite(parameters);
  const provisions = law.provisions.map((provision) => rewrite.provision(provision));
  amendment.changes.forEach((given, index) => {
    if (!rewrite.applied.has(PARAMETER_OF[given.kind])) {
      throw new LawChoiceError(
        `${field}.changes[${String(index)}]`,
        `${jurisdiction.id}'s law in force from ${law.from} has no ${NEEDS[given.kind]}`,
      );
    }
  });
  const amended = defineJurisdiction({
    id: jurisdiction.id,
    name: jurisdiction.name,
    timeZone: jurisdiction.timeZone,
    lastVerifiedOn: jurisdiction.lastVerifiedOn,
    lawDateBasis: jurisdiction.lawDateBasis,
    lawDateReason: jurisdiction.lawDateReason,
    provisions: [...provisions, { clause: amendmentClause(amendment, law.from) }],
  });
  return amended.lawOn(law.from);
}

function amendmentClause(amendment: Amendment, from: string): Clause {
  const id = amendmentId(amendment);
  return clause({
    id: AMENDMENT_CLAUSE_ID,
    version: `amendment ${id}`,
    citation: `Amendment ${id} ("${amendment.title}")`,
    title: amendment.title,
    validFrom: from,
    effective: 'A what-if amendment: not law. Applied only where a replay is asked to apply it.',
    text: amendmentText(amendment),
    url: '/what-if#amendment',
    verification: 'amendment',
  });
}

/** Builds a period's provisions again with the parameters; each part changed is built once. */
class LawRewrite {
  /** The parameters that changed something. */
  readonly applied = new Set<AmendableParameter | 'holdHours'>();
  private readonly conditions = new Map<Condition, Condition>();
  private readonly limits = new Map<HoldLimit, HoldLimit>();

  constructor(private readonly parameters: AmendmentParameters & { holdHours?: number }) {}

  provision(provision: Provision): Provision {
    const decides = provision.decides
      ? Object.fromEntries(
          Object.entries(provision.decides).map(([action, rule]) => [action, this.rule(rule)]),
        )
      : undefined;
    const defines = provision.defines
      ? Object.fromEntries(
          Object.entries(provision.defines).map(([name, condition]) => [
            name,
            this.condition(condition),
          ]),
        )
      : undefined;
    return {
      clause: provision.clause,
      ...(decides ? { decides } : {}),
      ...(defines ? { defines } : {}),
      ...(provision.duties
        ? { duties: provision.duties.map((duty) => this.obligation(duty)) }
        : {}),
      ...(provision.cautions
        ? { cautions: provision.cautions.map((caution) => this.obligation(caution)) }
        : {}),
    };
  }

  /** A rule any part of which changed cites the amendment in every outcome it can give. */
  private rule(rule: ActionRule): ActionRule {
    const exceptions = rule.exceptions.map((exception) => ({
      ...exception,
      when: this.condition(exception.when),
    }));
    const outcomes = [rule.base, ...rule.exceptions.map((exception) => exception.then)];
    const changed =
      exceptions.some((exception, index) => exception.when !== rule.exceptions[index]!.when) ||
      outcomes.some((outcome) => this.limit(outcome.holdLimit) !== outcome.holdLimit);
    if (!changed) return rule;
    return actionRule(
      this.outcome(rule.base),
      ...exceptions.map((exception) => ({ ...exception, then: this.outcome(exception.then) })),
    );
  }

  private outcome(outcome: OutcomeSpec): OutcomeSpec {
    const holdLimit = this.limit(outcome.holdLimit);
    return {
      ...outcome,
      cites: [...outcome.cites, AMENDMENT_CLAUSE_ID],
      ...(holdLimit ? { holdLimit } : {}),
    };
  }

  private obligation(obligation: Obligation): Obligation {
    if (!obligation.when) return obligation;
    const when = this.condition(obligation.when);
    return when === obligation.when
      ? obligation
      : { ...obligation, when, cites: [...obligation.cites, AMENDMENT_CLAUSE_ID] };
  }

  private condition(condition: Condition): Condition {
    let rebuilt = this.conditions.get(condition);
    if (rebuilt === undefined) {
      rebuilt = this.rebuild(condition);
      this.conditions.set(condition, rebuilt);
    }
    return rebuilt;
  }

  private rebuild(condition: Condition): Condition {
    const amendable = amendableOf(condition);
    if (amendable) {
      const reads = amendable.parameters.filter((name) => this.parameters[name] !== undefined);
      if (reads.length === 0) return condition;
      for (const name of reads) this.applied.add(name);
      return amendable.rebuild(this.parameters);
    }
    const children = condition.children;
    if (!children) return condition;
    const parts = children.map((child) => this.condition(child));
    if (parts.every((part, index) => part === children[index])) return condition;
    const spec = { label: condition.label, cites: [...condition.cites, AMENDMENT_CLAUSE_ID] };
    if (condition.op === 'not') return not(spec, parts[0]!);
    return condition.op === 'all' ? all(spec, ...parts) : any(spec, ...parts);
  }

  private limit(limit: HoldLimit | undefined): HoldLimit | undefined {
    const hours = this.parameters.holdHours;
    if (limit === undefined || hours === undefined) return limit;
    let amended = this.limits.get(limit);
    if (amended === undefined) {
      amended = shorterHoldLimit(limit, hours);
      this.limits.set(limit, amended);
      this.applied.add('holdHours');
    }
    return amended;
  }
}

/** The law's own limit, or `hours` after otherwise-release if that ends sooner. */
function shorterHoldLimit(limit: HoldLimit, hours: number): HoldLimit {
  return Object.freeze({
    label: `${limit.label}; at most ${String(hours)} hours, as the amendment sets`,
    cites: [...limit.cites, AMENDMENT_CLAUSE_ID],
    compute(ctx: EvalContext) {
      const own = limit.compute(ctx);
      if (!own.clock) return own;
      const amended = holdUntilElapsedHours(own.clock.startsAt, hours, ctx.timeZone);
      return Date.parse(amended.until) < Date.parse(own.clock.until) ? { clock: amended } : own;
    },
  });
}
