/**
 * Conditions are the encoded tests of the law: leaves that read one fact, and `all` / `any` /
 * `not` over them, in three-valued (Kleene) logic. Each condition has a plain-language label and
 * cites the clauses it encodes, so its findings explain themselves: which condition decided,
 * on which facts, and which facts are missing when it could not decide.
 * @module
 */
import type { Case, InformationItem } from './case.js';
import { parseInstant } from './dates.js';
import { deepFreeze } from './freeze.js';
import { UNKNOWN, type Tri } from './tri.js';

/** A fact the law needs and the case does not give, and who can supply it. */
export interface MissingFact {
  /** JSON path in the case, e.g. `request.judicialWarrant.withDetainer`. */
  readonly path: string;
  readonly question: string;
  /** A clerk can look it up; a legal reviewer must decide it. */
  readonly decidedBy: 'clerk' | 'legal-reviewer';
}

export interface FactValue {
  readonly path: string;
  readonly value: unknown;
}

/** The result of testing one condition against one case. */
export interface Finding {
  readonly value: Tri;
  readonly condition: Condition;
  /** For a leaf: the facts read. */
  readonly facts?: readonly FactValue[];
  /** For an unknown finding: what would decide it. */
  readonly missing?: readonly MissingFact[];
  /** The sub-findings that decided this one. */
  readonly because?: readonly Finding[];
  /** A one-line reason, for derived conditions. */
  readonly reason?: string;
}

export interface TraceStep {
  readonly condition: string;
  readonly cites: readonly string[];
  readonly value: Tri;
  readonly reason?: string;
  readonly facts?: readonly FactValue[];
  readonly missing?: readonly MissingFact[];
}

/** Everything a condition may look at. Built once per (case, law date). */
export interface EvalContext {
  readonly case: Case;
  readonly timeZone: string;
  readonly lawDate: string;
  readonly decisionAtMs: number;
  readonly otherwiseReleaseAtMs: number | undefined;
  readonly terms: ReadonlyMap<string, Condition>;
  /** Findings of derived conditions and terms, each once; a handful, so a list beats a Map. */
  readonly memo: Finding[];
  /** For information requests: the item being decided. */
  readonly item: InformationItem | undefined;
  readonly trace: TraceStep[] | undefined;
}

export interface Condition {
  /** Unique per condition, from 0 up: engines keep per-condition caches in arrays by it. */
  readonly id: number;
  readonly op: 'fact' | 'all' | 'any' | 'not' | 'term' | 'derived';
  readonly label: string;
  readonly cites: readonly string[];
  readonly children?: readonly Condition[];
  /** For `term`: the term's name. */
  readonly term?: string;
  evaluate(ctx: EvalContext): Finding;
}

let conditions = 0;

/** Findings built once and given by every decision with the same answer (see `sharedAnswer`). */
const sharedFindings = new WeakSet<Finding>();

/**
 * True for a finding shared by every decision that gives it: whatever is built from it alone
 * (a considered entry, its clauses) can be built once and shared too.
 */
export function isShared(finding: Finding): boolean {
  return sharedFindings.has(finding);
}

/**
 * An answer of one derived condition that says nothing about the case beyond itself (no
 * judicial warrant was presented), built once, outside `evaluate`, and returned every time:
 * most decisions fail on the same few answers, and the engine then shares what it builds from
 * them. One condition only: the answer becomes that condition's finding.
 */
export function sharedAnswer(answer: Omit<Finding, 'condition'>): Omit<Finding, 'condition'> {
  sharedFindings.add(answer as Finding);
  // Its facts and missing facts reach every decision that gives it.
  deepFreeze(answer.facts);
  deepFreeze(answer.missing);
  return answer;
}

const NO_CITES: readonly string[] = Object.freeze([]);

/** A condition's clause ids, frozen: every trace step of the condition hands them out. */
function citesOf(spec: { cites?: readonly string[] }): readonly string[] {
  return spec.cites ? Object.freeze(spec.cites) : NO_CITES;
}

function record(ctx: EvalContext, finding: Finding): Finding {
  if (ctx.trace) {
    // Absent parts stay undefined, which JSON leaves out.
    ctx.trace.push({
      condition: finding.condition.label,
      cites: finding.condition.cites,
      value: finding.value,
      reason: finding.reason,
      facts: finding.facts,
      missing: finding.missing,
    });
  }
  return finding;
}

interface FactSpec {
  label: string;
  cites?: readonly string[];
  path: string;
  question: string;
  decidedBy?: MissingFact['decidedBy'];
  read: (ctx: EvalContext) => Tri;
  /** What the case records at `path`, when that is not the yes/no answer itself. */
  recorded?: (ctx: EvalContext) => unknown;
}

/** A leaf that reads one three-valued fact. */
export function fact(spec: FactSpec): Condition {
  const missing: readonly MissingFact[] = deepFreeze([
    { path: spec.path, question: spec.question, decidedBy: spec.decidedBy ?? 'clerk' },
  ]);
  const condition: Condition = {
    id: conditions++,
    op: 'fact',
    label: spec.label,
    cites: citesOf(spec),
    evaluate(ctx) {
      const value = spec.read(ctx);
      const facts = [{ path: spec.path, value: spec.recorded ? spec.recorded(ctx) : value }];
      return record(
        ctx,
        value === UNKNOWN ? { value, condition, facts, missing } : { value, condition, facts },
      );
    },
  };
  return Object.freeze(condition);
}

/**
 * A condition computed by law-specific code (look-backs, crime lists) that explains itself.
 * Evaluated once per case and law date.
 */
export function derived(spec: {
  label: string;
  cites?: readonly string[];
  evaluate: (ctx: EvalContext) => Omit<Finding, 'condition'>;
}): Condition {
  const condition: Condition = {
    id: conditions++,
    op: 'derived',
    label: spec.label,
    cites: citesOf(spec),
    evaluate(ctx) {
      // Derived conditions scan the record; hold, notice and transfer often ask the same one.
      const known = memoized(ctx, condition);
      if (known) return known;
      const answer: Omit<Finding, 'condition'> & { condition?: Condition } = spec.evaluate(ctx);
      if (answer.condition !== condition) {
        if (answer.condition !== undefined) {
          throw new Error(`"${spec.label}" gave a shared answer of "${answer.condition.label}"`);
        }
        answer.condition = condition;
      }
      const result = answer as Finding;
      ctx.memo.push(result);
      return record(ctx, result);
    },
  };
  return Object.freeze(condition);
}

interface GroupSpec {
  label: string;
  cites?: readonly string[];
}

/** True when every part is; false as soon as one is false; otherwise unknown. */
export function all(spec: GroupSpec, ...children: Condition[]): Condition {
  return junction('all', false, spec, children);
}

/** True as soon as one part is; false when every part is false; otherwise unknown. */
export function any(spec: GroupSpec, ...children: Condition[]): Condition {
  return junction('any', true, spec, children);
}

/** `all` and `any`: the first part with the `decisive` value decides; unknown parts block the rest. */
function junction(
  op: 'all' | 'any',
  decisive: boolean,
  spec: GroupSpec,
  children: Condition[],
): Condition {
  // The last finding decided by a shared part, itself shared.
  let shared: Finding | undefined;
  const decidedBy = (finding: Finding): Finding => {
    if (!sharedFindings.has(finding)) return { value: decisive, condition, because: [finding] };
    if (shared?.because![0] !== finding) {
      shared = { value: decisive, condition, because: [finding] };
      sharedFindings.add(shared);
    }
    return shared;
  };
  const condition: Condition = {
    id: conditions++,
    op,
    label: spec.label,
    cites: citesOf(spec),
    // A frozen copy for readers; `evaluate` walks the list itself, which V8 iterates faster.
    children: Object.freeze([...children]),
    evaluate(ctx) {
      // Built only when needed: most junctions are decided by one part.
      let unknown: Finding[] | undefined;
      let others: Finding[] | undefined;
      for (const child of children) {
        const finding = child.evaluate(ctx);
        if (finding.value === decisive) return record(ctx, decidedBy(finding));
        if (finding.value === UNKNOWN) (unknown ??= []).push(finding);
        else (others ??= []).push(finding);
      }
      if (unknown) {
        return record(ctx, {
          value: UNKNOWN,
          condition,
          because: unknown,
          missing: missingOf(unknown),
        });
      }
      return record(ctx, { value: !decisive, condition, because: others ?? [] });
    },
  };
  return Object.freeze(condition);
}

export function not(spec: GroupSpec, child: Condition): Condition {
  const condition: Condition = {
    id: conditions++,
    op: 'not',
    label: spec.label,
    cites: citesOf(spec),
    children: Object.freeze([child]),
    evaluate(ctx) {
      const finding = child.evaluate(ctx);
      const value: Tri = finding.value === UNKNOWN ? UNKNOWN : !finding.value;
      return record(
        ctx,
        finding.missing
          ? { value, condition, because: [finding], missing: finding.missing }
          : { value, condition, because: [finding] },
      );
    },
  };
  return Object.freeze(condition);
}

/**
 * A defined term of the law ("convicted of a violent or serious crime"), resolved by name to
 * the definition in force on the law date, so an operative clause and the definitions it uses
 * can change on different days. Evaluated once per case and law date.
 */
export function term(name: string, label: string): Condition {
  const condition: Condition = {
    id: conditions++,
    op: 'term',
    label,
    cites: NO_CITES,
    term: name,
    evaluate(ctx) {
      const definition = ctx.terms.get(name);
      if (!definition) throw new Error(`No definition of "${name}" in force on ${ctx.lawDate}`);
      const known = memoized(ctx, definition);
      if (known) return known;
      const finding = definition.evaluate(ctx);
      // A derived definition, or a term defined as another term, has memoized it already.
      if (!ctx.memo.includes(finding)) ctx.memo.push(finding);
      return finding;
    },
  };
  return Object.freeze(condition);
}

/**
 * The condition's finding, tested once per case and law date: hold, notice and transfer usually
 * test the same condition. A trace records every test, so with a trace each one runs again.
 */
export function evaluateOnce(condition: Condition, ctx: EvalContext): Finding {
  if (ctx.trace) return condition.evaluate(ctx);
  const known = memoized(ctx, condition);
  if (known) return known;
  const finding = condition.evaluate(ctx);
  // A derived condition or a term has memoized it already.
  if (!ctx.memo.includes(finding)) ctx.memo.push(finding);
  return finding;
}

/**
 * One condition tested against a case outside any decision, on `lawDate` where the case's time
 * zone is `timeZone`. The mandated reports classify people with the law's own tests this way, so a
 * report's "convicted of a violent or serious crime" is the decision's.
 */
export function testCondition(
  condition: Condition,
  input: Case,
  lawDate: string,
  timeZone: string,
): Finding {
  return condition.evaluate({
    case: input,
    timeZone,
    lawDate,
    decisionAtMs: parseInstant(input.decisionAt),
    otherwiseReleaseAtMs:
      input.otherwiseReleaseAt === undefined ? undefined : parseInstant(input.otherwiseReleaseAt),
    terms: new Map(),
    memo: [],
    item: undefined,
    trace: undefined,
  });
}

function memoized(ctx: EvalContext, condition: Condition): Finding | undefined {
  for (const finding of ctx.memo) if (finding.condition === condition) return finding;
  return undefined;
}

/** The facts that would decide a group of unknown findings, each path once. */
export function missingOf(findings: readonly Finding[]): MissingFact[] {
  const missing: MissingFact[] = [];
  for (const finding of findings) if (finding.missing) missing.push(...finding.missing);
  return uniqueMissing(missing);
}

/** Missing facts, each path once, first question kept. */
export function uniqueMissing(missing: readonly MissingFact[]): MissingFact[] {
  // Lists are short (usually empty): a scan costs less than a Set.
  const result: MissingFact[] = [];
  for (const fact of missing) {
    if (!result.some((kept) => kept.path === fact.path)) result.push(fact);
  }
  return result;
}
