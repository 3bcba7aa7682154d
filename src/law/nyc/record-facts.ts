/**
 * Facts about the request and the person as NYC's detainer laws read them. The laws only accept
 * some sources (an e-JusticeNY search, a court, another governmental entity), so a fact from any
 * other source is treated as not yet established, never as true or false.
 * @module
 */
import type { Case, Conviction, RecordedFact, Source } from '../../engine/case.js';
import type { Condition, EvalContext, FactValue, MissingFact } from '../../engine/condition.js';
import { derived, fact, sharedAnswer } from '../../engine/condition.js';
import { UNKNOWN, type Tri } from '../../engine/tri.js';
import { droppable } from '../amendable.js';

export const SOURCE_NAMES: Readonly<Record<Source, string>> = Object.freeze({
  'e-justice-ny': 'a DCJS e-JusticeNY search',
  court: 'a court',
  'government-entity': 'another governmental entity',
  'federal-immigration-authorities': 'federal immigration authorities',
  'agency-records': 'the agency’s own records',
  other: 'another source',
  unknown: 'an unrecorded source',
});

export function describeSources(sources: readonly Source[]): string {
  return sources.map((source) => SOURCE_NAMES[source]).join(' or ');
}

type FlagName =
  | 'criminalWarrant'
  | 'knownGangMember'
  | 'terroristScreeningMatch'
  | 'warrantOfRemoval'
  | 'finalOrderOfRemoval'
  | 'reenteredAfterRemoval';

/** A recorded yes/no indication that counts only when it came from an accepted source. */
export function recordedFlag(spec: {
  name: FlagName;
  label: string;
  question: string;
  sources: readonly Source[];
  cites: readonly string[];
}): Condition {
  // Paths written once, not per decision.
  const valuePath = `record.${spec.name}.value`;
  const sourcePath = `record.${spec.name}.source`;
  const accepted = describeSources(spec.sources);
  const recordedFacts = (value: boolean, source: Source): FactValue[] => [
    { path: valuePath, value },
    { path: sourcePath, value: source },
  ];
  // Most records give each flag from an accepted source, or not at all: those answers say
  // nothing about the case beyond themselves, so each is built once and shared.
  const notRecorded = sharedAnswer({
    value: UNKNOWN,
    facts: [{ path: valuePath, value: UNKNOWN }],
    missing: [{ path: valuePath, question: spec.question, decidedBy: 'clerk' }],
  });
  const acceptedAnswers = spec.sources.map((source) => ({
    source,
    yes: sharedAnswer({ value: true, facts: recordedFacts(true, source) }),
    no: sharedAnswer({ value: false, facts: recordedFacts(false, source) }),
  }));
  return derived({
    label: spec.label,
    cites: spec.cites,
    evaluate(ctx) {
      const recorded = flagIn(ctx.case.record, spec.name);
      if (!recorded || recorded.value === UNKNOWN) return notRecorded;
      for (const answers of acceptedAnswers) {
        if (answers.source === recorded.source) return recorded.value ? answers.yes : answers.no;
      }
      return {
        value: UNKNOWN,
        facts: recordedFacts(recorded.value, recorded.source),
        reason: `recorded from ${SOURCE_NAMES[recorded.source]}, but the law only accepts ${accepted}`,
        missing: [
          {
            path: sourcePath,
            question: `${spec.question} (It must come from ${accepted}.)`,
            decidedBy: 'clerk',
          },
        ],
      };
    },
  });
}

/** A switch, not `record[name]`: a keyed load by a varying key is slow (per decision). */
function flagIn(record: Case['record'], name: FlagName): RecordedFact | undefined {
  switch (name) {
    case 'criminalWarrant':
      return record.criminalWarrant;
    case 'knownGangMember':
      return record.knownGangMember;
    case 'terroristScreeningMatch':
      return record.terroristScreeningMatch;
    case 'warrantOfRemoval':
      return record.warrantOfRemoval;
    case 'finalOrderOfRemoval':
      return record.finalOrderOfRemoval;
    case 'reenteredAfterRemoval':
      return record.reenteredAfterRemoval;
  }
}

/** Judicial-warrant elements shared by every version that requires one. */
export interface WarrantTest {
  /** Require that it was presented at the time the detainer was presented. */
  withDetainer: boolean;
  label: string;
  cites: readonly string[];
}

/** Where a judicial warrant's facts are in the case; written once, not per decision. */
const WARRANT = {
  presented: 'request.judicialWarrant.presented',
  issuer: 'request.judicialWarrant.issuer',
  probableCause: 'request.judicialWarrant.probableCause',
  withDetainer: 'request.judicialWarrant.withDetainer',
} as const;

/**
 * "A warrant based on probable cause and issued by a judge appointed pursuant to article III of
 * the United States constitution or a federal magistrate judge ..." (§ 9-131(a)(5),
 * § 14-154(a)(4)). An administrative warrant is recorded elsewhere and never satisfies this.
 */
export function judicialWarrant(test: WarrantTest): Condition {
  // Nearly every detainer comes without a judicial warrant: that answer is built once.
  const notRecorded = sharedAnswer({
    value: UNKNOWN,
    facts: [{ path: WARRANT.presented, value: UNKNOWN }],
    missing: [
      {
        path: WARRANT.presented,
        question: 'Did federal immigration authorities present a warrant signed by a judge?',
        decidedBy: 'clerk',
      },
    ],
  });
  const notPresented = sharedAnswer({
    value: false,
    facts: [{ path: WARRANT.presented, value: false }],
    reason: 'no judicial warrant was presented',
  });
  const condition = derived({
    label: test.label,
    cites: test.cites,
    evaluate(ctx) {
      const warrant = ctx.case.request.judicialWarrant;
      if (!warrant || warrant.presented === UNKNOWN) return notRecorded;
      if (!warrant.presented) return notPresented;
      const facts: FactValue[] = [
        { path: WARRANT.presented, value: warrant.presented },
        { path: WARRANT.issuer, value: warrant.issuer },
      ];
      const missing: MissingFact[] = [];
      if (warrant.issuer === 'state-judge' || warrant.issuer === 'other') {
        return {
          value: false,
          facts,
          reason:
            'the warrant was not issued by an Article III judge or a federal magistrate judge',
        };
      }
      if (warrant.issuer === 'unknown') {
        missing.push({
          path: WARRANT.issuer,
          question: 'Was the warrant issued by an Article III judge or a federal magistrate judge?',
          decidedBy: 'clerk',
        });
      }
      const probableCause: Tri = warrant.probableCause ?? UNKNOWN;
      facts.push({ path: WARRANT.probableCause, value: probableCause });
      if (probableCause === false)
        return { value: false, facts, reason: 'the warrant is not based on probable cause' };
      if (probableCause === UNKNOWN) {
        missing.push({
          path: WARRANT.probableCause,
          question: 'Is the warrant based on probable cause?',
          decidedBy: 'clerk',
        });
      }
      if (test.withDetainer) {
        const withDetainer: Tri = warrant.withDetainer ?? UNKNOWN;
        facts.push({ path: WARRANT.withDetainer, value: withDetainer });
        if (withDetainer === false) {
          return {
            value: false,
            facts,
            reason: 'the warrant was not presented at the time the detainer was presented',
          };
        }
        if (withDetainer === UNKNOWN) {
          missing.push({
            path: WARRANT.withDetainer,
            question: 'Was the judicial warrant presented at the time the detainer was presented?',
            decidedBy: 'clerk',
          });
        }
      }
      return missing.length > 0 ? { value: UNKNOWN, facts, missing } : { value: true, facts };
    },
  });
  return droppable(condition, 'dropJudicialWarrant');
}

/** Who is asking, as read against a definition of "federal immigration authorities". */
export function requesterIs(spec: {
  label: string;
  cites: readonly string[];
  included: readonly string[];
}): Condition {
  return fact({
    label: spec.label,
    cites: spec.cites,
    path: 'request.requester',
    question: 'Who made the request: ICE, CBP, another DHS officer, or another federal officer?',
    recorded: (ctx) => ctx.case.request.requester,
    read: (ctx) =>
      ctx.case.request.requester === 'unknown'
        ? UNKNOWN
        : spec.included.includes(ctx.case.request.requester),
  });
}

/** The request concerns an item of information, for information-request rules. */
export function itemIs(label: string, items: readonly string[]): Condition {
  return fact({
    label,
    path: 'request.information',
    question: 'What information is asked for?',
    recorded: (ctx) => ctx.item,
    read: (ctx) => ctx.item !== undefined && items.includes(ctx.item),
  });
}

/** The first entries' paths, written once: the law modules ask for each many times a decision. */
const CONVICTION_PATHS = Array.from({ length: 16 }, (_, index) => `record.convictions[${index}]`);

/** A conviction's path in the case, for missing facts and reasons. */
export function convictionPath(index: number): string {
  return CONVICTION_PATHS[index] ?? `record.convictions[${index}]`;
}

/** A conviction's source is one the law accepts; otherwise it must be confirmed. */
export function sourceProblem(
  conviction: Conviction,
  index: number,
  sources: readonly Source[],
): MissingFact | undefined {
  if (sources.includes(conviction.source)) return undefined;
  return {
    path: `${convictionPath(index)}.source`,
    question: `Confirm ${convictionPath(index)} (${conviction.charge}) through ${describeSources(sources)}.`,
    decidedBy: 'clerk',
  };
}

/** The list of convictions and pending cases is complete only after a completed search. */
export function searchIncomplete(ctx: EvalContext): MissingFact | undefined {
  if (ctx.case.record.searchCompleted === true) return undefined;
  return {
    path: 'record.searchCompleted',
    question:
      'Has the criminal-history search been completed, so the record lists every conviction and pending case?',
    decidedBy: 'clerk',
  };
}
