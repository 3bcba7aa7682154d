/**
 * What would change the outcome: for each action of a decision, the smallest sets of fact
 * changes that would give it another decided status ("a judicial warrant presented with the
 * detainer would make the hold allowed"). The candidates come from what the engine tested (the
 * facts each condition read or found missing, in the decision's trace), and every set returned
 * has been applied to a copy of the case and decided again: nothing is inferred from the rules
 * alone. A set is returned only when no smaller part of it already changes the outcome.
 *
 * Pure: no I/O; the same case gives the same result, in the same order.
 * @module
 */
import type { Case, Conviction, InformationItem, Source } from '../engine/case.js';
import type { ClauseRef } from '../engine/clause.js';
import type { FactValue, MissingFact } from '../engine/condition.js';
import { addDays, addYears, daysBetween, localDateOf, parseInstant } from '../engine/dates.js';
import type { Action, ActionOutcome, Decision, Status } from '../engine/decision.js';
import { CaseError } from '../engine/errors.js';
import type { Engine } from '../engine/evaluate.js';
import { HoldClockError } from '../engine/time/hold-clock.js';
import { SOURCE_NAMES } from '../law/nyc/record-facts.js';

/** Said of an action when no set of up to `maxFacts` changes gives it another decided status. */
export const NOTHING_CHANGES_IT = 'nothing within these facts changes it';

/** The most facts one set may change; each more multiplies the work by the candidates. */
export const MAX_FACTS_LIMIT = 3;
export const DEFAULT_MAX_FACTS = 2;

/** One fact of the case set to another value. */
export interface FactChange {
  /** JSON path in the case, as missing facts name it, e.g. `record.convictions[0].judgmentDate`. */
  readonly path: string;
  /** What the case records there now (absent when nothing is recorded). */
  readonly from?: unknown;
  readonly to: unknown;
  /** The change in plain English, e.g. "a judicial warrant presented with the detainer". */
  readonly words: string;
}

/** A set of changes that, applied together, gives the action another decided status. */
export interface ChangeSet {
  readonly changes: readonly FactChange[];
  /** The status the case, so changed, gets when decided again. */
  readonly status: Exclude<Status, 'needs-information'>;
  /** The clauses controlling the re-decided outcome. */
  readonly controlling: readonly ClauseRef[];
}

export interface OutcomeChanges {
  readonly action: Action;
  readonly item?: InformationItem;
  /** The status the case gets as recorded. */
  readonly status: Status;
  /** Fewest changes first. */
  readonly changeSets: readonly ChangeSet[];
  /** Present, with NOTHING_CHANGES_IT, when the whole search found no set. */
  readonly nothing?: typeof NOTHING_CHANGES_IT;
}

export interface WhatWouldChange {
  readonly caseId?: string;
  readonly jurisdiction: string;
  /** The most facts a set was allowed to change. */
  readonly maxFacts: number;
  /**
   * False when the search stopped at its limit of decisions (a record with hundreds of entries):
   * the sets given are still verified, but others may exist, so no action is said to be
   * unchangeable.
   */
  readonly complete: boolean;
  readonly outcomes: readonly OutcomeChanges[];
}

export interface WhatWouldChangeOptions {
  /** The most facts one set may change: 1 to MAX_FACTS_LIMIT, default DEFAULT_MAX_FACTS. */
  maxFacts?: number;
  /** The most decisions the search may make, default DEFAULT_MAX_DECISIONS. */
  maxDecisions?: number;
}

/**
 * Enough for every case of the synthetic caseload (at most 582), and a bound on the time a record
 * with hundreds of entries can take (each decision then scans them all).
 */
export const DEFAULT_MAX_DECISIONS = 2_000;

/** Thrown by the counting engine when the search has made its last allowed decision. */
class SearchStopped extends Error {}

export function whatWouldChange(
  engine: Engine,
  input: Case,
  options: WhatWouldChangeOptions = {},
): WhatWouldChange {
  const maxFacts = options.maxFacts ?? DEFAULT_MAX_FACTS;
  if (!Number.isInteger(maxFacts) || maxFacts < 1 || maxFacts > MAX_FACTS_LIMIT) {
    throw new RangeError(`maxFacts must be a whole number from 1 to ${MAX_FACTS_LIMIT}`);
  }
  const maxDecisions = options.maxDecisions ?? DEFAULT_MAX_DECISIONS;
  if (!Number.isInteger(maxDecisions) || maxDecisions < 1) {
    throw new RangeError('maxDecisions must be a whole number from 1');
  }
  const base = engine.evaluate(input, { trace: true });
  let left = maxDecisions;
  const counted: Engine = {
    jurisdictions: engine.jurisdictions,
    evaluate(changed, evaluateOptions) {
      if (left-- <= 0) throw new SearchStopped();
      return engine.evaluate(changed, evaluateOptions);
    },
  };
  const search = new Search(counted, input, base);
  let complete = true;
  try {
    search.explore(base, maxFacts);
  } catch (error) {
    if (!(error instanceof SearchStopped)) throw error;
    complete = false;
  }
  return {
    ...(input.caseId === undefined ? {} : { caseId: input.caseId }),
    jurisdiction: input.jurisdiction,
    maxFacts,
    complete,
    outcomes: base.outcomes.map((outcome) => search.resultFor(outcome, complete)),
  };
}

type Decided = Exclude<Status, 'needs-information'>;

/** A change as the search applies it: where, what, and how to say it. */
interface Candidate {
  readonly path: string;
  readonly segments: readonly (string | number)[];
  readonly to: unknown;
  readonly words: string;
  /** Identifies the change: path and value. */
  readonly key: string;
}

function outcomeKey(outcome: Pick<ActionOutcome, 'action' | 'item'>): string {
  return outcome.item === undefined ? outcome.action : `${outcome.action}:${outcome.item}`;
}

function isDecided(status: Status): status is Decided {
  return status !== 'needs-information';
}

/** A set to extend by one more change, with the case it makes (traced when extended). */
interface Expandable {
  readonly set: readonly Candidate[];
  readonly current: Case;
  readonly decision: Decision | undefined;
}

/**
 * Sets explored by adding one change at a time: a change is added only to a set that did not
 * already change every outcome, and the candidates for the next change are read from the trace
 * of the case with the changes so far (a warrant's absence hides the convictions the law would
 * look at next).
 */
class Search {
  private readonly baseStatus = new Map<string, Status>();
  /** The sets found for each outcome, in the order found. */
  private readonly found = new Map<string, ChangeSet[]>();
  /** Statuses of every set decided, by the sorted keys of its changes. */
  private readonly decided = new Map<string, Map<string, ActionOutcome>>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly engine: Engine,
    private readonly input: Case,
    base: Decision,
  ) {
    for (const outcome of base.outcomes) this.baseStatus.set(outcomeKey(outcome), outcome.status);
    this.decided.set('', outcomesByKey(base));
  }

  /**
   * Every set of one change, then of two, and so on: when the search stops at its limit, the
   * smallest sets have been tried first.
   */
  explore(base: Decision, maxFacts: number): void {
    let frontier: Expandable[] = [{ set: [], current: this.input, decision: base }];
    for (let size = 1; size <= maxFacts && frontier.length > 0; size++) {
      const next: Expandable[] = [];
      for (const node of frontier) {
        const decision = node.decision ?? this.engine.evaluate(node.current, { trace: true });
        for (const candidate of candidatesFor(node.current, decision, this.engine)) {
          if (node.set.some((chosen) => overlaps(chosen.path, candidate.path))) continue;
          const set = [...node.set, candidate];
          const id = setId(set);
          if (this.seen.has(id)) continue;
          this.seen.add(id);
          const changed = apply(node.current, candidate);
          const outcomes = this.outcomesOf(set, changed);
          if (!outcomes) continue;
          // A set that changes every outcome already is as small as it can be for all of them.
          if (this.record(set, outcomes) < this.baseStatus.size) {
            next.push({ set, current: changed, decision: undefined });
          }
        }
      }
      frontier = next;
    }
  }

  /** The outcomes of the case with `set` applied, or undefined when the engine rejects it. */
  private outcomesOf(
    set: readonly Candidate[],
    changed?: Case,
  ): Map<string, ActionOutcome> | undefined {
    const id = setId(set);
    const known = this.decided.get(id);
    if (known) return known;
    let decision: Decision;
    try {
      decision = this.engine.evaluate(changed ?? set.reduce(apply, this.input));
    } catch (error) {
      // A change the law cannot decide (a date outside its calendar) changes nothing to report.
      if (isRefusal(error)) return undefined;
      throw error;
    }
    const outcomes = outcomesByKey(decision);
    this.decided.set(id, outcomes);
    return outcomes;
  }

  /** Records the set for every outcome it changes and no part of it does; returns how many. */
  private record(set: readonly Candidate[], outcomes: Map<string, ActionOutcome>): number {
    let flipped = 0;
    for (const key of this.baseStatus.keys()) {
      const outcome = outcomes.get(key);
      if (!outcome || !isDecided(outcome.status) || !this.flips(key, outcome.status)) continue;
      flipped++;
      if (this.aPartFlips(set, key)) continue;
      const found = this.found.get(key) ?? [];
      found.push({
        changes: set.map((candidate) => this.factChange(candidate)),
        status: outcome.status,
        controlling: outcome.controlling,
      });
      this.found.set(key, found);
    }
    return flipped;
  }

  private flips(key: string, status: Status): boolean {
    return isDecided(status) && status !== this.baseStatus.get(key);
  }

  /** True when a proper, non-empty part of the set already gives the action a new status. */
  private aPartFlips(set: readonly Candidate[], key: string): boolean {
    for (const part of properParts(set)) {
      const outcomes = this.outcomesOf(part);
      const outcome = outcomes?.get(key);
      if (outcome && this.flips(key, outcome.status)) return true;
    }
    return false;
  }

  private factChange(candidate: Candidate): FactChange {
    const from = valueAt(this.input, candidate.segments);
    return from === undefined
      ? { path: candidate.path, to: candidate.to, words: candidate.words }
      : { path: candidate.path, from, to: candidate.to, words: candidate.words };
  }

  resultFor(outcome: ActionOutcome, complete: boolean): OutcomeChanges {
    // Fewest changes first, then in the order found (the trace's order), which is fixed.
    const changeSets = [...(this.found.get(outcomeKey(outcome)) ?? [])].sort(
      (a, b) => a.changes.length - b.changes.length,
    );
    const head = {
      action: outcome.action,
      ...(outcome.item === undefined ? {} : { item: outcome.item }),
      status: outcome.status,
    };
    return changeSets.length > 0 || !complete
      ? { ...head, changeSets }
      : { ...head, changeSets, nothing: NOTHING_CHANGES_IT };
  }
}

function outcomesByKey(decision: Decision): Map<string, ActionOutcome> {
  return new Map(decision.outcomes.map((outcome) => [outcomeKey(outcome), outcome]));
}

/** Two changes of the same fact, or of a fact and a part of it. */
function overlaps(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long === short || long.startsWith(`${short}.`) || long.startsWith(`${short}[`);
}

function setId(set: readonly Candidate[]): string {
  return set
    .map((candidate) => candidate.key)
    .sort()
    .join('\n');
}

/** Every non-empty proper subset of a set (sets hold at most MAX_FACTS_LIMIT changes). */
function properParts(set: readonly Candidate[]): Candidate[][] {
  const parts: Candidate[][] = [];
  const full = (1 << set.length) - 1;
  for (let mask = 1; mask < full; mask++) {
    parts.push(set.filter((_, index) => (mask & (1 << index)) !== 0));
  }
  return parts;
}

// --- Paths -------------------------------------------------------------------------------------

function parsePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return [];
    segments.push(match[1]!);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

function valueAt(root: unknown, segments: readonly (string | number)[]): unknown {
  let value: unknown = root;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** A copy of the case with one change: only the objects on the path are copied. */
function apply(input: Case, candidate: Candidate): Case {
  return setAt(input, candidate.segments, candidate.to) as Case;
}

function setAt(target: unknown, segments: readonly (string | number)[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments;
  if (typeof head === 'number') {
    const list = Array.isArray(target) ? [...(target as unknown[])] : [];
    list[head] = setAt(list[head], rest, value);
    return list;
  }
  const object = target !== null && typeof target === 'object' ? { ...target } : {};
  (object as Record<string, unknown>)[head!] = setAt(
    (object as Record<string, unknown>)[head!],
    rest,
    value,
  );
  return object;
}

function candidate(path: string, to: unknown, words: string): Candidate {
  return { path, segments: parsePath(path), to, words, key: `${path}=${JSON.stringify(to)}` };
}

// --- Candidates --------------------------------------------------------------------------------

/** The facts the decision read or found missing, each path once, in the order tested. */
function pathsTested(decision: Decision): string[] {
  const paths = new Set<string>();
  const add = (entries: readonly (FactValue | MissingFact)[] | undefined) => {
    for (const entry of entries ?? []) paths.add(entry.path);
  };
  for (const step of decision.trace ?? []) {
    add(step.facts);
    add(step.missing);
  }
  for (const outcome of decision.outcomes) {
    add(outcome.missing);
    for (const considered of outcome.considered) {
      for (const failed of considered.failed) add(failed.facts);
    }
  }
  return [...paths];
}

const CONVICTION_PATH = /^record\.convictions\[(\d+)\]/;
const PENDING_CASE_PATH = /^record\.pendingCases\[(\d+)\]/;
const FLAG_PATH = /^record\.(\w+)\.(value|source)$/;
const WARRANT_ELEMENT =
  /^request\.judicialWarrant\.(withDetainer|probableCause|federalCriminalImmigrationLaw)$/;

/** A judicial warrant that meets every element any encoded law asks of one. */
const FULL_WARRANT = Object.freeze({
  presented: true,
  withDetainer: true,
  issuer: 'federal-magistrate-judge',
  probableCause: true,
  federalCriminalImmigrationLaw: true,
});

/** Sources the encoded laws accept for a record entry, tried in this order. */
const ACCEPTED_SOURCES: readonly Source[] = ['e-justice-ny', 'court'];

function candidatesFor(input: Case, decision: Decision, engine: Engine): Candidate[] {
  const candidates: Candidate[] = [];
  const convictions = new Set<number>();
  const pendingCases = new Set<number>();
  for (const path of pathsTested(decision)) {
    const conviction = CONVICTION_PATH.exec(path);
    if (conviction) {
      const index = Number(conviction[1]);
      if (!convictions.has(index) && input.record.convictions[index]) {
        convictions.add(index);
        candidates.push(...convictionCandidates(input, index, engine));
      }
      continue;
    }
    const pending = PENDING_CASE_PATH.exec(path);
    if (pending) {
      const index = Number(pending[1]);
      if (!pendingCases.has(index) && input.record.pendingCases[index]) {
        pendingCases.add(index);
        candidates.push(...pendingCaseCandidates(input, index));
      }
      continue;
    }
    if (path === 'instantArrestDate') {
      candidates.push(...arrestDateCandidates(input, engine));
      continue;
    }
    candidates.push(...factCandidates(input, path));
  }
  return candidates;
}

const YES_NO_FACTS: Readonly<Record<string, readonly [yes: string, no: string]>> = {
  'record.searchCompleted': [
    'a completed criminal-history search',
    'an incomplete criminal-history search',
  ],
  'record.proofOfLawfulStatus': [
    'proof of citizenship or lawful immigration status',
    'no proof of citizenship or lawful immigration status',
  ],
  'request.judicialProbableCauseDetermination': [
    'a federal judge’s determination of probable cause of a federal criminal immigration violation',
    'no judicial determination of probable cause',
  ],
  'request.informationRequiredByLaw': [
    'a legal requirement to answer (e.g. a subpoena)',
    'no legal requirement to answer',
  ],
  'request.informationPubliclyAvailable': [
    'information already available to the public',
    'information not available to the public',
  ],
  'request.judicialWarrant.withDetainer': [
    'a judicial warrant presented at the time the detainer was presented',
    'a judicial warrant presented after the detainer, not with it',
  ],
  'request.judicialWarrant.probableCause': [
    'a judicial warrant based on probable cause',
    'a judicial warrant not based on probable cause',
  ],
  'request.judicialWarrant.federalCriminalImmigrationLaw': [
    'a judicial warrant for a violation of federal criminal immigration law',
    'a judicial warrant not for a violation of federal criminal immigration law',
  ],
};

const FLAG_WORDS: Readonly<Record<string, string>> = {
  criminalWarrant: 'an outstanding criminal warrant',
  knownGangMember: 'identification as a known gang member',
  terroristScreeningMatch: 'a possible match in the terrorist screening database',
  warrantOfRemoval: 'an outstanding warrant of removal',
  finalOrderOfRemoval: 'a final order of removal',
  reenteredAfterRemoval: 'illegal re-entry after a previous removal',
};

const CALIFORNIA_FINDINGS: Readonly<Record<string, string>> = {
  seriousOrViolentFelonyConviction: 'a serious or violent felony conviction (§ 7282.5(a)(1))',
  statePrisonFelonyConviction: 'a felony conviction punishable in state prison (§ 7282.5(a)(2))',
  listedOffenseWithinLookback: 'a listed offence within the look-back (§ 7282.5(a)(3))',
  sexOrArsonRegistrant: 'current registration on the Sex and Arson Registry (§ 7282.5(a)(4))',
  aggravatedFelonyConviction: 'a federal aggravated felony conviction (§ 7282.5(a)(5))',
  federalFelonyWarrant: 'an outstanding federal felony arrest warrant identified by ICE',
  magistrateProbableCause: 'a magistrate’s probable-cause finding on a qualifying felony charge',
  detentionWouldViolateLaw: 'continued detention that would violate a law or local policy',
};

const REQUESTERS: Readonly<Record<string, string>> = {
  ice: 'ICE',
  cbp: 'CBP',
  'other-dhs-civil-ina': 'another DHS officer charged with civil immigration enforcement',
  'other-federal-immigration-duties': 'another federal officer with immigration duties',
  'other-federal': 'another federal officer',
};

function factCandidates(input: Case, path: string): Candidate[] {
  const current = valueAt(input, parsePath(path));
  if (path === 'request.judicialWarrant.presented') return warrantCandidates(input);
  if (path === 'request.judicialWarrant.issuer') {
    const warrant = input.request.judicialWarrant;
    if (!warrant || warrant.presented !== true) return [];
    return [
      ['federal-magistrate-judge', 'a warrant issued by a federal magistrate judge'],
      ['state-judge', 'a warrant issued by a state judge'],
    ]
      .filter(([issuer]) => issuer !== current)
      .map(([issuer, words]) => candidate(path, issuer, words!));
  }
  const yesNo = YES_NO_FACTS[path];
  if (yesNo) {
    if (WARRANT_ELEMENT.test(path) && input.request.judicialWarrant?.presented !== true) return [];
    return otherBooleans(current).map((value) =>
      candidate(path, value, value ? yesNo[0] : yesNo[1]),
    );
  }
  const flag = FLAG_PATH.exec(path);
  if (flag && FLAG_WORDS[flag[1]!]) return flagCandidates(input, flag[1]!);
  if (path.startsWith('findings.california.')) {
    const words = CALIFORNIA_FINDINGS[path.slice('findings.california.'.length)];
    if (!words) return [];
    return otherBooleans(current).map((value) =>
      candidate(path, value, value ? `a finding of ${words}` : `no finding of ${words}`),
    );
  }
  if (path === 'request.requester') {
    return Object.entries(REQUESTERS)
      .filter(([requester]) => requester !== current)
      .map(([requester, words]) => candidate(path, requester, `a request made by ${words}`));
  }
  if (path === 'request.informationPurpose') {
    return (
      [
        [
          'unrelated-to-civil-immigration-enforcement',
          'a request unrelated to civil immigration enforcement',
        ],
        ['civil-immigration-enforcement', 'a request for civil immigration enforcement'],
      ] as const
    )
      .filter(([purpose]) => purpose !== current)
      .map(([purpose, words]) => candidate(path, purpose, words));
  }
  return [];
}

function otherBooleans(current: unknown): boolean[] {
  return [true, false].filter((value) => value !== current);
}

/** No warrant or an unrecorded one: a warrant meeting every element, or none at all. */
function warrantCandidates(input: Case): Candidate[] {
  const warrant = input.request.judicialWarrant;
  const candidates: Candidate[] = [];
  if (!warrant || warrant.presented !== true) {
    candidates.push(
      candidate(
        'request.judicialWarrant',
        FULL_WARRANT,
        'a judicial warrant presented with the detainer (issued by a federal magistrate judge, ' +
          'based on probable cause, for a violation of federal criminal immigration law)',
      ),
    );
  }
  if (warrant?.presented !== false) {
    candidates.push(candidate('request.judicialWarrant.presented', false, 'no judicial warrant'));
  }
  return candidates;
}

function flagCandidates(input: Case, name: string): Candidate[] {
  const recorded = (input.record as Record<string, unknown>)[name] as
    { value: boolean | 'unknown'; source: Source } | undefined;
  const words = FLAG_WORDS[name]!;
  const candidates: Candidate[] = [];
  const accepted = recorded && ACCEPTED_SOURCES.includes(recorded.source);
  for (const value of [true, false]) {
    if (accepted && recorded.value === value) continue;
    candidates.push(
      candidate(
        `record.${name}`,
        { value, source: 'e-justice-ny' },
        `${value ? 'a search showing' : 'a search showing no'} ${words}`,
      ),
    );
  }
  return candidates;
}

/** What could change about one conviction the law looked at. */
function convictionCandidates(input: Case, index: number, engine: Engine): Candidate[] {
  const conviction = input.record.convictions[index]!;
  const path = `record.convictions[${index}]`;
  const name = `the ${conviction.charge} conviction`;
  const candidates: Candidate[] = [];
  if (conviction.disposition === 'unknown') {
    candidates.push(
      candidate(
        `${path}.disposition`,
        'conviction',
        `the ${conviction.charge} entry recorded as a judgment of conviction`,
      ),
      candidate(
        `${path}.disposition`,
        'youthful-offender',
        `the ${conviction.charge} entry recorded as a youthful-offender adjudication`,
      ),
    );
  } else if (conviction.disposition === 'conviction') {
    candidates.push(
      candidate(
        `${path}.disposition`,
        'youthful-offender',
        `a youthful-offender adjudication instead of ${name}`,
      ),
    );
  }
  if (conviction.level === undefined) {
    for (const level of ['felony', 'misdemeanor'] as const) {
      candidates.push(candidate(`${path}.level`, level, `${name} recorded as a ${level}`));
    }
  }
  if (conviction.court === 'unknown') {
    candidates.push(candidate(`${path}.court`, 'new-york', `${name} entered by a New York court`));
  }
  if (!ACCEPTED_SOURCES.includes(conviction.source)) {
    const source = ACCEPTED_SOURCES[0]!;
    candidates.push(
      candidate(`${path}.source`, source, `${name} confirmed by ${SOURCE_NAMES[source]}`),
    );
  }
  if (conviction.incarceration === undefined) {
    candidates.push(candidate(`${path}.incarceration`, [], `no time incarcerated for ${name}`));
  }
  candidates.push(...judgmentDateCandidates(input, index, conviction, engine));
  return candidates;
}

/** What could change about one pending case the law looked at. */
function pendingCaseCandidates(input: Case, index: number): Candidate[] {
  const pending = input.record.pendingCases[index]!;
  const path = `record.pendingCases[${index}]`;
  const name = `the pending ${pending.charges.map((charge) => charge.charge).join(', ')} case`;
  const candidates: Candidate[] = [];
  if (pending.disposition === 'pending') {
    candidates.push(
      candidate(
        `${path}.disposition`,
        'adjourned-in-contemplation-of-dismissal',
        `an adjournment in contemplation of dismissal of ${name}`,
      ),
    );
  } else {
    candidates.push(candidate(`${path}.disposition`, 'pending', `${name} still pending`));
  }
  for (const value of otherBooleans(pending.mustBeYouthfulOffender)) {
    candidates.push(
      candidate(
        `${path}.mustBeYouthfulOffender`,
        value,
        value
          ? `youthful-offender treatment mandatory if convicted in ${name}`
          : `youthful-offender treatment not mandatory if convicted in ${name}`,
      ),
    );
  }
  candidates.push(
    candidate(
      `${path}.releasedUnderCpl17070`,
      pending.releasedUnderCpl17070 !== true,
      pending.releasedUnderCpl17070 === true
        ? `no release under CPL 170.70 in ${name}`
        : `a release under CPL 170.70 in ${name}`,
    ),
  );
  if (!ACCEPTED_SOURCES.includes(pending.source)) {
    const source = ACCEPTED_SOURCES[0]!;
    candidates.push(
      candidate(`${path}.source`, source, `${name} confirmed by ${SOURCE_NAMES[source]}`),
    );
  }
  return candidates;
}

/** How far back a judgment date is searched from the arrest. */
const DATE_SEARCH_YEARS = 50;

/**
 * The first (or last) judgment date that gives some action another decided status, found by
 * bisection between the recorded date and the arrest (or fifty years before it): look-backs make
 * the status change once in each direction. Each date found is verified again with the set.
 */
function judgmentDateCandidates(
  input: Case,
  index: number,
  conviction: Conviction,
  engine: Engine,
): Candidate[] {
  return dateCandidates(input, engine, {
    path: `record.convictions[${index}].judgmentDate`,
    current: conviction.judgmentDate,
    latest: input.instantArrestDate ?? decisionDay(input, engine),
    name: `a judgment on the ${conviction.charge} conviction`,
  });
}

/** The instant arrest's date ends the look-backs: an arrest on another day may change them. */
function arrestDateCandidates(input: Case, engine: Engine): Candidate[] {
  return dateCandidates(input, engine, {
    path: 'instantArrestDate',
    current: input.instantArrestDate,
    latest: decisionDay(input, engine),
    name: 'an instant arrest',
  });
}

function decisionDay(input: Case, engine: Engine): string {
  return localDateOf(parseInstant(input.decisionAt), input.timeZone ?? zoneOf(engine, input));
}

/**
 * The first (or last) date at `path` that gives some action another decided status, searched
 * between the recorded date and `latest` (or fifty years before it).
 */
function dateCandidates(
  input: Case,
  engine: Engine,
  spec: { path: string; current: string | undefined; latest: string; name: string },
): Candidate[] {
  const { path, current, latest, name } = spec;
  const earliest = addYears(latest, -DATE_SEARCH_YEARS);
  const statuses = new Map<string, string>();
  const statusAt = (date: string): string => {
    let status = statuses.get(date);
    if (status === undefined) {
      status = statusOf(engine, apply(input, candidate(path, date, '')));
      statuses.set(date, status);
    }
    return status;
  };
  const now = statusOf(engine, input);
  const candidates: Candidate[] = [];
  const changes = (target: string, other: string) =>
    target !== now && target !== REJECTED && statusAt(other) !== target;
  // Later dates: between the recorded date (or the earliest searched) and the latest.
  const lower = current ?? earliest;
  if (lower < latest && changes(statusAt(latest), lower)) {
    const date = firstDateWith(lower, latest, statusAt(latest), statusAt);
    candidates.push(candidate(path, date, `${name} dated on or after ${date}`));
  }
  // Earlier dates: between fifty years before the latest and the recorded date (or the latest).
  const upper = current ?? latest;
  if (earliest < upper && changes(statusAt(earliest), upper)) {
    const date = lastDateWith(earliest, upper, statusAt(earliest), statusAt);
    candidates.push(candidate(path, date, `${name} dated on or before ${date}`));
  }
  return candidates;
}

const REJECTED = 'rejected';

/** Every outcome's status, as one string to compare. */
function statusOf(engine: Engine, input: Case): string {
  try {
    return engine
      .evaluate(input)
      .outcomes.map((outcome) => outcome.status)
      .join(',');
  } catch (error) {
    if (isRefusal(error)) return REJECTED;
    throw error;
  }
}

/** The engine refusing a changed case (a date its hold clock cannot count), not a bug. */
function isRefusal(error: unknown): boolean {
  return error instanceof CaseError || error instanceof HoldClockError;
}

/** The first day after `from`, up to `to` (which has it), with the target statuses. */
function firstDateWith(
  from: string,
  to: string,
  target: string,
  statusAt: (date: string) => string,
): string {
  let low = 0;
  let high = daysBetween(from, to);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (statusAt(addDays(from, middle)) === target) high = middle;
    else low = middle;
  }
  return addDays(from, high);
}

/** The last day before `to`, from `from` (which has it), with the target statuses. */
function lastDateWith(
  from: string,
  to: string,
  target: string,
  statusAt: (date: string) => string,
): string {
  let low = 0;
  let high = daysBetween(from, to);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (statusAt(addDays(from, middle)) === target) low = middle;
    else high = middle;
  }
  return addDays(from, low);
}

function zoneOf(engine: Engine, input: Case): string {
  return engine.jurisdictions.get(input.jurisdiction)?.timeZone ?? 'UTC';
}
