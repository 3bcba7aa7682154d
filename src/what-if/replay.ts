/**
 * Replay: the same cases decided twice, under the law in force and under a law choice, and what
 * changed. For each action of each case whose answer changed, the answer before and after with
 * the clauses that controlled each and the ones that made the difference; totals by action of
 * every answer before and after and of each change; how many answers depend on facts not
 * recorded; and the facts the chosen law asks for that the cases do not record.
 *
 * A replay is built in parts (`replayInto` over slices of the cases, `mergeParts`), so a long one
 * can run in slices between which it reports progress or stops, or in worker threads; parts are
 * plain data. `finishReplay` sorts everything, so the result depends only on the cases and the
 * law: the same bytes for the same input, in any order of cases with distinct keys.
 * @module
 */
import type { Case } from '../engine/case.js';
import type { ClauseRef } from '../engine/clause.js';
import { CaseError } from '../engine/errors.js';
import type { Engine } from '../engine/evaluate.js';
import type { ActionOutcome, Decision, Status } from '../engine/decision.js';
import { HoldClockError } from '../engine/time/hold-clock.js';
import type { Amendment } from './amendment.js';
import { lawChoiceText, type ResolvedLawChoice } from './law-choice.js';

/** A case to replay, with the key it is shown under: its `caseId`, or where it was read. */
export interface ReplayCase {
  readonly key: string;
  readonly input: Case;
}

/** An answer, or `rejected` when the engine refused the case under that law (named in `reason`). */
export type Answer = Status | 'rejected';
export const ANSWERS: readonly Answer[] = Object.freeze([
  'required',
  'allowed',
  'not-allowed',
  'needs-information',
  'rejected',
]);

export interface ClauseCited {
  readonly id: string;
  readonly version: string;
  readonly citation: string;
}

/** A clause version as a replay names it: `id@version`, e.g. `nyc.9-131.b@LL22/2013`. */
export type ClauseKey = string;

export interface AnswerUnder {
  readonly status: Answer;
  /** The controlling clauses; each is described once, in the result's `clauses`. */
  readonly controlling: readonly ClauseKey[];
  /** The law in force the answer was given under (absent for a rejected case). */
  readonly lawHash?: string;
  /** For `needs-information`: the facts it waits for. */
  readonly missing: readonly string[];
  /** For `rejected`: why. */
  readonly reason?: string;
}

export interface ActionChange {
  /** `hold`, `notify`, `transfer`, `information:<item>`, or `(case)` when both laws refused it. */
  readonly action: string;
  readonly before: AnswerUnder;
  readonly after: AnswerUnder;
  /** The clauses controlling the new answer that did not control the old one. */
  readonly madeTheDifference: readonly ClauseKey[];
}

export interface CaseChange {
  readonly key: string;
  readonly jurisdiction: string;
  readonly changes: readonly ActionChange[];
}

/** A replay under way: counts keyed by `action\tbefore\tafter`, and the changed cases so far. */
export interface ReplayPart {
  cases: number;
  counts: Record<string, number>;
  /** Answers needing information under the law in force, under the choice, under either. */
  unknownBefore: number;
  unknownAfter: number;
  unknownEither: number;
  /** Facts asked for under the choice and not under the law in force, by path, per case. */
  newlyMissing: Record<string, number>;
  changes: CaseChange[];
  /** Every clause a change names. */
  clauses: Record<ClauseKey, ClauseCited>;
}

export interface ActionTotals {
  readonly action: string;
  readonly before: Readonly<Record<Answer, number>>;
  readonly after: Readonly<Record<Answer, number>>;
  readonly changed: number;
  /** Every pair of answers that occurred, changed or not, in answer order. */
  readonly transitions: readonly { from: Answer; to: Answer; count: number }[];
}

export interface ReplayResult {
  readonly under: {
    readonly choice: string;
    readonly label: string;
    readonly lawHash?: string;
    /** The amendment applied, as read, for a choice that amends a version. */
    readonly amendment?: Amendment;
  };
  readonly cases: number;
  readonly changedCases: number;
  readonly totals: readonly ActionTotals[];
  readonly unknown: { readonly before: number; readonly after: number; readonly either: number };
  readonly newlyMissing: readonly { path: string; cases: number }[];
  /** Each clause the changes name, by its key, in key order. */
  readonly clauses: Readonly<Record<ClauseKey, ClauseCited>>;
  readonly changes: readonly CaseChange[];
}

export function emptyPart(): ReplayPart {
  return {
    cases: 0,
    counts: {},
    unknownBefore: 0,
    unknownAfter: 0,
    unknownEither: 0,
    newlyMissing: {},
    changes: [],
    clauses: {},
  };
}

type Decided = { decision: Decision } | { rejected: string };

function decide(engine: Engine, input: Case): Decided {
  try {
    return { decision: engine.evaluate(input) };
  } catch (error) {
    if (error instanceof CaseError || error instanceof HoldClockError) {
      return { rejected: error.message };
    }
    throw error;
  }
}

function actionKey(outcome: ActionOutcome): string {
  return outcome.item === undefined ? outcome.action : `information:${outcome.item}`;
}

const REJECTED_CASE = '(case)';

/** Decides each case under the law in force (`baseline`) and under the choice, into `part`. */
export function replayInto(
  part: ReplayPart,
  cases: readonly ReplayCase[],
  under: ResolvedLawChoice,
  baseline: Engine,
): void {
  for (const { key, input } of cases) {
    const before = decide(baseline, input);
    const after = decide(under.engine, under.caseUnder(input));
    part.cases++;
    const changes: ActionChange[] = [];
    for (const action of actionsOf(before, after)) {
      const old = outcomeOf(before, action);
      const now = outcomeOf(after, action);
      const from: Answer = old ? old.status : 'rejected';
      const to: Answer = now ? now.status : 'rejected';
      const count = countKey(action, from, to);
      part.counts[count] = (part.counts[count] ?? 0) + 1;
      if (from === 'needs-information') part.unknownBefore++;
      if (to === 'needs-information') part.unknownAfter++;
      if (from === 'needs-information' || to === 'needs-information') part.unknownEither++;
      if (from !== to) changes.push(changeOf(part, action, before, old, after, now));
    }
    for (const path of newlyMissing(before, after)) {
      part.newlyMissing[path] = (part.newlyMissing[path] ?? 0) + 1;
    }
    if (changes.length > 0) part.changes.push({ key, jurisdiction: input.jurisdiction, changes });
  }
}

/** Count keys, made once each (a million cases count into a few dozen): by action, then answers. */
const countKeys = new Map<string, string[]>();
const ANSWER_INDEX = new Map(ANSWERS.map((answer, index) => [answer, index]));

function countKey(action: string, from: Answer, to: Answer): string {
  let keys = countKeys.get(action);
  if (keys === undefined) {
    keys = [];
    countKeys.set(action, keys);
  }
  const slot = ANSWER_INDEX.get(from)! * ANSWERS.length + ANSWER_INDEX.get(to)!;
  return (keys[slot] ??= `${action}\t${from}\t${to}`);
}

function actionsOf(before: Decided, after: Decided): string[] {
  const actions: string[] = [];
  for (const side of [before, after]) {
    if ('rejected' in side) continue;
    for (const outcome of side.decision.outcomes) {
      const key = actionKey(outcome);
      if (!actions.includes(key)) actions.push(key);
    }
  }
  return actions.length === 0 ? [REJECTED_CASE] : actions;
}

function outcomeOf(side: Decided, action: string): ActionOutcome | undefined {
  if ('rejected' in side) return undefined;
  for (const outcome of side.decision.outcomes) if (actionKey(outcome) === action) return outcome;
  return undefined;
}

/** Clause refs are shared by every decision: each is keyed once. */
const keys = new WeakMap<ClauseRef, ClauseKey>();

/**
 * The answers and clause lists a part has built, to give the same object for the same value:
 * thousands of changes share a handful of answers, so a part holds (and a worker sends) each once.
 */
interface Shared {
  answers: Map<string, AnswerUnder>;
  /** Answers missing no fact, by their clause list, then status and law hash. */
  complete: WeakMap<readonly ClauseRef[], Map<string, AnswerUnder>>;
  lists: WeakMap<readonly ClauseRef[], readonly ClauseKey[]>;
  differences: Map<string, readonly ClauseKey[]>;
}

const sharedByPart = new WeakMap<ReplayPart, Shared>();

function sharedOf(part: ReplayPart): Shared {
  let shared = sharedByPart.get(part);
  if (!shared) {
    shared = {
      answers: new Map(),
      complete: new WeakMap(),
      lists: new WeakMap(),
      differences: new Map(),
    };
    sharedByPart.set(part, shared);
  }
  return shared;
}

function keysOf(part: ReplayPart, refs: readonly ClauseRef[]): readonly ClauseKey[] {
  const shared = sharedOf(part);
  let list = shared.lists.get(refs);
  if (!list) {
    list = refs.map((ref) => {
      let key = keys.get(ref);
      if (key === undefined) {
        key = `${ref.id}@${ref.version}`;
        keys.set(ref, key);
      }
      part.clauses[key] ??= { id: ref.id, version: ref.version, citation: ref.citation };
      return key;
    });
    shared.lists.set(refs, list);
  }
  return list;
}

/** The one answer object of the part with these values. */
function sharedAnswer(part: ReplayPart, answer: AnswerUnder): AnswerUnder {
  const answers = sharedOf(part).answers;
  const id = [
    answer.status,
    answer.controlling.join(' '),
    answer.lawHash ?? '',
    answer.missing.join(' '),
    answer.reason ?? '',
  ].join('\n');
  const known = answers.get(id);
  if (known) return known;
  answers.set(id, answer);
  return answer;
}

function answerOf(
  part: ReplayPart,
  side: Decided,
  outcome: ActionOutcome | undefined,
): AnswerUnder {
  if (!outcome) {
    return sharedAnswer(part, {
      status: 'rejected',
      controlling: [],
      missing: [],
      reason: 'rejected' in side ? side.rejected : 'the request did not ask for it under this law',
    });
  }
  if (outcome.missing.length === 0) {
    // Most answers miss nothing: found by their clause list (shared by the engine) and status.
    const byStatus = sharedOf(part).complete;
    let answers = byStatus.get(outcome.controlling);
    if (!answers) {
      answers = new Map();
      byStatus.set(outcome.controlling, answers);
    }
    const id = `${outcome.status}\n${outcome.lawHash}`;
    let answer = answers.get(id);
    if (!answer) {
      answer = sharedAnswer(part, {
        status: outcome.status,
        controlling: keysOf(part, outcome.controlling),
        lawHash: outcome.lawHash,
        missing: [],
      });
      answers.set(id, answer);
    }
    return answer;
  }
  return sharedAnswer(part, {
    status: outcome.status,
    controlling: keysOf(part, outcome.controlling),
    lawHash: outcome.lawHash,
    missing: [...new Set(outcome.missing.map((fact) => fact.path))].sort(),
  });
}

function changeOf(
  part: ReplayPart,
  action: string,
  before: Decided,
  old: ActionOutcome | undefined,
  after: Decided,
  now: ActionOutcome | undefined,
): ActionChange {
  const was = answerOf(part, before, old);
  const is = answerOf(part, after, now);
  const differences = sharedOf(part).differences;
  const id = `${was.controlling.join(' ')}\n${is.controlling.join(' ')}`;
  let difference = differences.get(id);
  if (!difference) {
    difference = is.controlling.filter((clause) => !was.controlling.includes(clause));
    differences.set(id, difference);
  }
  return { action, before: was, after: is, madeTheDifference: difference };
}

const NOTHING_MISSING: readonly string[] = Object.freeze([]);

/** Each path's fact, worked out once: cases miss the same few facts. */
const facts = new Map<string, string>();

/** A list's entries are one fact for counting: `record.convictions[3].x` as `record.convictions[].x`. */
function factOf(path: string): string {
  let fact = facts.get(path);
  if (fact === undefined) {
    fact = path.replace(/\[\d+\]/g, '[]');
    facts.set(path, fact);
  }
  return fact;
}

function newlyMissing(before: Decided, after: Decided): readonly string[] {
  if ('rejected' in after || after.decision.missing.length === 0) return NOTHING_MISSING;
  const old = 'rejected' in before ? [] : before.decision.missing.map((fact) => factOf(fact.path));
  const now = [...new Set(after.decision.missing.map((fact) => factOf(fact.path)))];
  return now.filter((path) => !old.includes(path));
}

export function mergeParts(parts: readonly ReplayPart[]): ReplayPart {
  const merged = emptyPart();
  for (const part of parts) {
    merged.cases += part.cases;
    merged.unknownBefore += part.unknownBefore;
    merged.unknownAfter += part.unknownAfter;
    merged.unknownEither += part.unknownEither;
    for (const [key, count] of Object.entries(part.counts)) {
      merged.counts[key] = (merged.counts[key] ?? 0) + count;
    }
    for (const [path, count] of Object.entries(part.newlyMissing)) {
      merged.newlyMissing[path] = (merged.newlyMissing[path] ?? 0) + count;
    }
    for (const change of part.changes) merged.changes.push(change);
    for (const [key, clause] of Object.entries(part.clauses)) merged.clauses[key] ??= clause;
  }
  return merged;
}

/** Detainer actions first, in the forms' order, then information items, then refused cases. */
function actionRank(action: string): string {
  const order = ['hold', 'notify', 'transfer'].indexOf(action);
  if (order !== -1) return `0${String(order)}`;
  return action === REJECTED_CASE ? '2' : `1${action}`;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const RUNS = /\d+|\D+/g;

/** A key split into runs of digits and of other characters, read once per key for sorting. */
function runsOf(key: string): readonly string[] {
  return key.match(RUNS) ?? [];
}

/**
 * Case keys in the order a person reads them: runs of digits by their value, so `line 9` comes
 * before `line 10` and `row 2` before `row 12`; keys equal but for leading zeros, by their text.
 */
function byKey(
  a: { key: string; runs: readonly string[] },
  b: { key: string; runs: readonly string[] },
): number {
  const left = a.runs;
  const right = b.runs;
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const x = left[index]!;
    const y = right[index]!;
    if (x === y) continue;
    const digits = /^\d/.test(x) && /^\d/.test(y);
    if (!digits) return byText(x, y);
    const bare = [x.replace(/^0+(?=\d)/, ''), y.replace(/^0+(?=\d)/, '')] as const;
    const order = bare[0].length - bare[1].length || byText(bare[0], bare[1]);
    if (order !== 0) return order;
  }
  return left.length - right.length || byText(a.key, b.key);
}

function zeroes(): Record<Answer, number> {
  return {
    required: 0,
    allowed: 0,
    'not-allowed': 0,
    'needs-information': 0,
    rejected: 0,
  };
}

/** The result, sorted so that it depends only on the cases and the law. */
export function finishReplay(part: ReplayPart, under: ResolvedLawChoice): ReplayResult {
  const byAction = new Map<string, { from: Answer; to: Answer; count: number }[]>();
  for (const [key, count] of Object.entries(part.counts)) {
    const [action, from, to] = key.split('\t') as [string, Answer, Answer];
    const list = byAction.get(action) ?? [];
    list.push({ from, to, count });
    byAction.set(action, list);
  }
  const totals = [...byAction.keys()]
    .sort((a, b) => byText(actionRank(a), actionRank(b)))
    .map((action): ActionTotals => {
      const transitions = byAction
        .get(action)!
        .sort(
          (a, b) =>
            ANSWERS.indexOf(a.from) - ANSWERS.indexOf(b.from) ||
            ANSWERS.indexOf(a.to) - ANSWERS.indexOf(b.to),
        );
      const before = zeroes();
      const after = zeroes();
      let changed = 0;
      for (const { from, to, count } of transitions) {
        before[from] += count;
        after[to] += count;
        if (from !== to) changed += count;
      }
      return { action, before, after, changed, transitions };
    });
  // A stable sort: cases with the same key stay in input order.
  const changes = part.changes
    .map((change) => ({ key: change.key, runs: runsOf(change.key), change }))
    .sort(byKey)
    .map(({ change }) => change);
  return {
    under: {
      choice: lawChoiceText(under.choice),
      label: under.label,
      ...(under.lawHash === undefined ? {} : { lawHash: under.lawHash }),
      ...(under.choice.kind === 'amended' ? { amendment: under.choice.amendment } : {}),
    },
    cases: part.cases,
    changedCases: changes.length,
    totals,
    unknown: { before: part.unknownBefore, after: part.unknownAfter, either: part.unknownEither },
    newlyMissing: Object.entries(part.newlyMissing)
      .map(([path, cases]) => ({ path, cases }))
      .sort((a, b) => b.cases - a.cases || byText(a.path, b.path)),
    clauses: Object.fromEntries(
      Object.keys(part.clauses)
        .sort(byText)
        .map((key) => [key, part.clauses[key]!]),
    ),
    changes,
  };
}

/** Replays every case at once: `replayInto` one part and finish it. */
export function replay(
  cases: readonly ReplayCase[],
  under: ResolvedLawChoice,
  baseline: Engine,
): ReplayResult {
  const part = emptyPart();
  replayInto(part, cases, under, baseline);
  return finishReplay(part, under);
}
