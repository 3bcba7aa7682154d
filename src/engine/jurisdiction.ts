/**
 * A jurisdiction is a set of provisions: dated clause versions, each deciding some actions,
 * defining some terms, or imposing duties. On any day the law in force is the provisions whose
 * clause is in force that day; the coverage check proves that is always exactly one version of
 * each clause, exactly one rule for each action and one definition of each term used.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Clause, ClauseRef } from './clause.js';
import { COVERAGE_START, isInForce } from './clause.js';
import type { Condition } from './condition.js';
import { addDays } from './dates.js';
import { deepFreeze } from './freeze.js';
import type { Action } from './decision.js';
import type { ActionRule } from './rule.js';

export interface Obligation {
  readonly id: string;
  readonly text: string;
  readonly cites: readonly string[];
  /** When absent the obligation applies to every request. */
  readonly when?: Condition;
  /** Only for requests that ask for these actions. */
  readonly actions?: readonly Action[];
}

export interface Provision {
  readonly clause: Clause;
  readonly decides?: Readonly<Partial<Record<Action, ActionRule>>>;
  readonly defines?: Readonly<Record<string, Condition>>;
  readonly duties?: readonly Obligation[];
  readonly cautions?: readonly Obligation[];
}

export interface JurisdictionSpec {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  /** The last day the encoded texts were checked against their sources. */
  readonly lastVerifiedOn: string;
  /** Which event's date selects the law for each action, as the statute makes it decisive. */
  readonly lawDateBasis: Readonly<Record<Action, 'otherwise-release-time' | 'decision-time'>>;
  /** Why those events, in one or two sentences a lawyer can check. */
  readonly lawDateReason: string;
  readonly provisions: readonly Provision[];
}

/**
 * The law in force over a period in which none of its clauses changes. One object per period,
 * shared by every decision and every caller of `lawOn`: frozen, with its lists.
 */
export interface LawInForce {
  /** The first day of the period. */
  readonly from: string;
  readonly provisions: readonly Provision[];
  readonly rules: ReadonlyMap<Action, { readonly rule: ActionRule; readonly provision: Provision }>;
  readonly terms: ReadonlyMap<string, Condition>;
  readonly clauses: ReadonlyMap<string, Clause>;
  readonly duties: readonly Obligation[];
  readonly cautions: readonly Obligation[];
  readonly hash: string;
  /** Every clause in force is verified verbatim, so no decision under it flags one. */
  readonly allVerbatim: boolean;
  /**
   * The clauses a list of ids cites, each once, in citing order. Worked out on first use of each
   * list and shared after, by decisions too: the same lists are cited in every decision.
   */
  refsOf(ids: readonly string[]): readonly ClauseRef[];
  /** `refsOf(condition.cites)`, kept by condition id: a decision asks along every finding. */
  citedBy(condition: Condition): readonly ClauseRef[];
}

export interface Jurisdiction extends Readonly<JurisdictionSpec> {
  /** What a decision says of its jurisdiction; one shared object. */
  readonly summary: Readonly<{ id: string; name: string }>;
  lawOn(date: string): LawInForce;
  /** Every clause version, in id then date order. */
  readonly clauses: readonly Clause[];
}

export function defineJurisdiction(definition: JurisdictionSpec): Jurisdiction {
  // Each period is built from the provisions on first use: the list is copied, so a change to
  // the caller's list cannot reach the law, and the provisions are frozen with everything in
  // them (clauses, rules, conditions, duties), so no caller changes them for everyone.
  const spec: JurisdictionSpec = {
    ...definition,
    lawDateBasis: Object.freeze({ ...definition.lawDateBasis }),
    provisions: deepFreeze([...definition.provisions]),
  };
  const clauses = [...new Set(spec.provisions.map((provision) => provision.clause))].sort(
    (a, b) => a.id.localeCompare(b.id) || a.validFrom.localeCompare(b.validFrom),
  );
  // The law changes only on these days; between two of them one LawInForce serves every day.
  const changes = [
    ...new Set(clauses.flatMap((clause) => [clause.validFrom, clause.validTo ?? clause.validFrom])),
  ].sort();
  const periods = new Map<string, LawInForce>();
  return Object.freeze({
    ...spec,
    summary: Object.freeze({ id: spec.id, name: spec.name }),
    clauses: Object.freeze(clauses),
    lawOn(date: string): LawInForce {
      const from = periodStart(changes, date);
      let law = periods.get(from);
      if (!law) {
        law = selectLaw(spec, from);
        periods.set(from, law);
      }
      return law;
    },
  });
}

/** The last change on or before `date` (the first change, for earlier dates). */
function periodStart(changes: readonly string[], date: string): string {
  let low = 0;
  let high = changes.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (changes[middle]! <= date) low = middle;
    else high = middle - 1;
  }
  return changes[low]!;
}

function selectLaw(spec: JurisdictionSpec, from: string): LawInForce {
  const provisions = spec.provisions.filter((provision) => isInForce(provision.clause, from));
  const rules = new Map<Action, { rule: ActionRule; provision: Provision }>();
  const terms = new Map<string, Condition>();
  const clauses = new Map<string, Clause>();
  for (const provision of provisions) {
    clauses.set(provision.clause.id, provision.clause);
    for (const [action, rule] of Object.entries(provision.decides ?? {}) as [
      Action,
      ActionRule,
    ][]) {
      rules.set(action, { rule, provision });
    }
    for (const [name, definition] of Object.entries(provision.defines ?? {})) {
      terms.set(name, definition);
    }
  }
  const refsOf = refResolver(from, clauses);
  const byCondition: (readonly ClauseRef[] | undefined)[] = [];
  const hash = createHash('sha256');
  for (const clause of [...clauses.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    hash.update(`${clause.id}@${clause.version}:${clause.textSha256}\n`);
  }
  return Object.freeze({
    from,
    provisions: Object.freeze(provisions),
    rules,
    terms,
    clauses,
    duties: Object.freeze(provisions.flatMap((provision) => provision.duties ?? [])),
    cautions: Object.freeze(provisions.flatMap((provision) => provision.cautions ?? [])),
    hash: hash.digest('hex'),
    allVerbatim: [...clauses.values()].every((clause) => clause.verification === 'verbatim'),
    refsOf,
    citedBy(condition: Condition) {
      let refs = byCondition[condition.id];
      if (refs === undefined) {
        refs = refsOf(condition.cites);
        byCondition[condition.id] = refs;
      }
      return refs;
    },
  });
}

function refResolver(
  from: string,
  clauses: ReadonlyMap<string, Clause>,
): (ids: readonly string[]) => readonly ClauseRef[] {
  const byList = new WeakMap<readonly string[], readonly ClauseRef[]>();
  // Lists with the same ids share one answer, so callers can compare answers by identity.
  const byIds = new Map<string, readonly ClauseRef[]>();
  return (ids) => {
    let refs = byList.get(ids);
    if (refs === undefined) {
      const key = ids.join('\n');
      refs = byIds.get(key);
      if (refs === undefined) {
        const resolved: ClauseRef[] = [];
        for (const id of ids) {
          const clause = clauses.get(id);
          if (!clause) throw new Error(`Clause ${id} is cited but not in force from ${from}`);
          if (!resolved.includes(clause.ref)) resolved.push(clause.ref);
        }
        // Not frozen: V8 copies and iterates frozen arrays many times slower. Decisions hand
        // out frozen copies (evaluate.ts); other callers have the read-only type.
        refs = resolved;
        byIds.set(key, refs);
      }
      byList.set(ids, refs);
    }
    return refs;
  };
}

export interface CoverageProblem {
  jurisdiction: string;
  date: string;
  problem: string;
}

/**
 * Checks every day from COVERAGE_START to `until`: exactly one version of each clause id, one
 * rule for each action, one definition of each term that an in-force rule refers to. Reports
 * the first day of each run of days with the same problem.
 */
export function checkCoverage(jurisdiction: JurisdictionSpec, until: string): CoverageProblem[] {
  const problems: CoverageProblem[] = [];
  const ids = [...new Set(jurisdiction.provisions.map((p) => p.clause.id))];
  const actions: Action[] = ['hold', 'notify', 'transfer', 'information'];
  let previous = new Set<string>();
  for (let date = COVERAGE_START; date <= until; date = addDays(date, 1)) {
    const inForce = jurisdiction.provisions.filter((p) => isInForce(p.clause, date));
    const today = new Set<string>();
    const report = (problem: string) => {
      today.add(problem);
      if (!previous.has(problem)) problems.push({ jurisdiction: jurisdiction.id, date, problem });
    };
    for (const id of ids) {
      const versions = new Set(inForce.filter((p) => p.clause.id === id).map((p) => p.clause));
      if (versions.size !== 1) report(`${versions.size} versions of clause ${id} in force`);
    }
    for (const action of actions) {
      const deciders = inForce.filter((p) => p.decides?.[action]);
      if (deciders.length !== 1) report(`${deciders.length} rules decide "${action}"`);
    }
    const defined = new Map<string, number>();
    for (const provision of inForce) {
      for (const name of Object.keys(provision.defines ?? {})) {
        defined.set(name, (defined.get(name) ?? 0) + 1);
      }
    }
    for (const name of termsUsed(inForce)) {
      const count = defined.get(name) ?? 0;
      if (count !== 1) report(`${count} definitions of term "${name}" in force`);
    }
    previous = today;
  }
  return problems;
}

function termsUsed(provisions: readonly Provision[]): Set<string> {
  const names = new Set<string>();
  const visit = (condition: Condition) => {
    if (condition.term !== undefined) names.add(condition.term);
    condition.children?.forEach(visit);
  };
  for (const provision of provisions) {
    for (const rule of Object.values(provision.decides ?? {})) {
      for (const exception of rule.exceptions) visit(exception.when);
    }
    for (const definition of Object.values(provision.defines ?? {})) visit(definition);
    for (const obligation of [...(provision.duties ?? []), ...(provision.cautions ?? [])]) {
      if (obligation.when) visit(obligation.when);
    }
  }
  return names;
}
