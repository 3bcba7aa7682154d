/**
 * The defender's calculator: a client's facts as a lawyer enters them on the public page, turned
 * into the engine's cases (src/engine/case.ts), one for each law compared (a jurisdiction and a
 * day), decided, and asked what would change each outcome (what-would-change.ts). Pure: the page
 * runs it in the browser, so the facts never leave it.
 *
 * The day stands for both the decision and the time the client would otherwise be released (noon
 * in the jurisdiction's time zone), so every action is decided under the law in force that day.
 * The form's fields are named by the engine's own paths (`record.convictions[0].charge`), so the
 * engine's words about a field show beside it; the law compared is named by its place in the list.
 * @module
 */
import {
  parseCase,
  type CaseInput,
  type Form,
  type RecordedFact,
  type Source,
} from '../engine/case.js';
import type { Decision } from '../engine/decision.js';
import { isLocalDate, offsetMinutesAt } from '../engine/dates.js';
import { CaseError, type FieldIssue } from '../engine/errors.js';
import { createEngine, type Engine } from '../engine/evaluate.js';
import { JURISDICTIONS } from '../law/jurisdictions.js';
import { whatWouldChange, type WhatWouldChange } from './what-would-change.js';

/** The engine the page decides with: every jurisdiction's law, as the desk's server has it. */
export const calculatorEngine: Engine = createEngine(JURISDICTIONS);

/** A yes / no / not known answer as the form keeps it. */
export type Answer = 'yes' | 'no' | 'unknown';
type Level = 'felony' | 'misdemeanor' | 'violation' | 'infraction';
type Court = 'new-york' | 'federal' | 'other-state' | 'unknown';
type Issuer =
  'article-iii-judge' | 'federal-magistrate-judge' | 'state-judge' | 'other' | 'unknown';

export interface CalculatorConviction {
  charge: string;
  /** '' when the charge code says it, or it is not known. */
  level: Level | '';
  court: Court;
  disposition: 'conviction' | 'youthful-offender' | 'juvenile-delinquent' | 'unknown';
  /** YYYY-MM-DD, or '' when not known. */
  judgmentDate: string;
  source: Source;
}

/** A criminal case not yet judged, with its (most serious) charge. */
export interface CalculatorPendingCase {
  charge: string;
  level: Level | '';
  court: Court;
  source: Source;
}

/** The database checks some laws read (outstanding warrants, gang database, removal orders). */
export const DATABASE_FACTS = [
  'criminalWarrant',
  'knownGangMember',
  'terroristScreeningMatch',
  'warrantOfRemoval',
  'finalOrderOfRemoval',
  'reenteredAfterRemoval',
] as const;
export type DatabaseFact = (typeof DATABASE_FACTS)[number];

/** The findings California's law asks the agency to make (Gov. Code § 7282.5). */
export const CALIFORNIA_FINDINGS = [
  'seriousOrViolentFelonyConviction',
  'statePrisonFelonyConviction',
  'listedOffenseWithinLookback',
  'sexOrArsonRegistrant',
  'aggravatedFelonyConviction',
  'federalFelonyWarrant',
  'magistrateProbableCause',
  'detentionWouldViolateLaw',
] as const;
export type CaliforniaFinding = (typeof CALIFORNIA_FINDINGS)[number];

export interface CalculatorFacts {
  /** The day of the arrest that brought the client into custody: look-backs end on it. */
  arrestDate: string;
  form: Exclude<Form, 'other'>;
  /** A warrant signed by a judge, presented with the detainer. */
  judicialWarrant: Answer;
  warrantIssuer: Issuer;
  warrantProbableCause: Answer;
  /** The convictions and pending cases entered are all there are (a complete search). */
  historyComplete: Answer;
  convictions: CalculatorConviction[];
  pendingCases: CalculatorPendingCase[];
  databaseFacts: Record<DatabaseFact, Answer>;
  /** Where the database answers come from: some laws accept only some sources. */
  databaseSource: Source;
  proofOfLawfulStatus: Answer;
  /** The release date (or other information asked for) is already public. */
  informationPublic: Answer;
  /** Read only by California's law. */
  californiaFindings: Record<CaliforniaFinding, Answer>;
}

/** The law a calculation is made under: a jurisdiction's, in force on a day. */
export interface LawChoice {
  jurisdiction: string;
  /** YYYY-MM-DD. */
  date: string;
}

export const BLANK_FACTS: CalculatorFacts = {
  arrestDate: '',
  form: 'I-247A',
  judicialWarrant: 'unknown',
  warrantIssuer: 'unknown',
  warrantProbableCause: 'unknown',
  historyComplete: 'unknown',
  convictions: [],
  pendingCases: [],
  databaseFacts: {
    criminalWarrant: 'unknown',
    knownGangMember: 'unknown',
    terroristScreeningMatch: 'unknown',
    warrantOfRemoval: 'unknown',
    finalOrderOfRemoval: 'unknown',
    reenteredAfterRemoval: 'unknown',
  },
  databaseSource: 'unknown',
  proofOfLawfulStatus: 'unknown',
  informationPublic: 'unknown',
  californiaFindings: {
    seriousOrViolentFelonyConviction: 'unknown',
    statePrisonFelonyConviction: 'unknown',
    listedOffenseWithinLookback: 'unknown',
    sexOrArsonRegistrant: 'unknown',
    aggravatedFelonyConviction: 'unknown',
    federalFelonyWarrant: 'unknown',
    magistrateProbableCause: 'unknown',
    detentionWouldViolateLaw: 'unknown',
  },
};

export const BLANK_CONVICTION: CalculatorConviction = {
  charge: '',
  level: '',
  court: 'new-york',
  disposition: 'conviction',
  judgmentDate: '',
  source: 'unknown',
};

export const BLANK_PENDING_CASE: CalculatorPendingCase = {
  charge: '',
  level: '',
  court: 'new-york',
  source: 'unknown',
};

const triOf = (answer: Answer) => (answer === 'unknown' ? 'unknown' : answer === 'yes');
const dateOf = (text: string) => (text.trim() === '' ? undefined : text.trim());
const levelOf = (level: Level | '') => (level === '' ? {} : { level });

/** The law in force and five others beside it: each costs a decision and a search for changes. */
export const MAX_LAWS = 6;

/** Where each law compared is named in the form: `law[1].date`. */
export const lawField = (index: number, field: keyof LawChoice) => `law[${String(index)}].${field}`;

/** Noon on the day in the zone, as an instant: the day's law decides whatever the zone's offset. */
function noonIn(date: string, timeZone: string): string {
  const noonUtc = Date.parse(`${date}T12:00:00Z`);
  return new Date(noonUtc - offsetMinutesAt(noonUtc, timeZone) * 60_000).toISOString();
}

function recordedFact(answer: Answer, source: Source): RecordedFact | undefined {
  return answer === 'unknown' ? undefined : { value: answer === 'yes', source };
}

/** The engine's case for the facts under one law; `timeZone` is the jurisdiction's. */
export function calculatorCase(
  facts: CalculatorFacts,
  law: LawChoice,
  timeZone: string,
): CaseInput {
  const at = noonIn(law.date, timeZone);
  const databaseFacts = Object.fromEntries(
    DATABASE_FACTS.flatMap((name) => {
      const fact = recordedFact(facts.databaseFacts[name], facts.databaseSource);
      return fact === undefined ? [] : [[name, fact]];
    }),
  );
  const california = Object.fromEntries(
    CALIFORNIA_FINDINGS.flatMap((name) => {
      const answer = facts.californiaFindings[name];
      return answer === 'unknown' ? [] : [[name, answer === 'yes']];
    }),
  );
  return {
    jurisdiction: law.jurisdiction,
    decisionAt: at,
    otherwiseReleaseAt: at,
    instantArrestDate: dateOf(facts.arrestDate),
    request: {
      kind: 'detainer',
      form: facts.form,
      judicialWarrant: {
        presented: triOf(facts.judicialWarrant),
        withDetainer: triOf(facts.judicialWarrant),
        issuer: facts.warrantIssuer,
        probableCause: triOf(facts.warrantProbableCause),
      },
      ...(facts.informationPublic === 'unknown'
        ? {}
        : { informationPubliclyAvailable: facts.informationPublic === 'yes' }),
    },
    record: {
      searchCompleted: triOf(facts.historyComplete),
      convictions: facts.convictions.map((conviction) => ({
        charge: conviction.charge.trim(),
        ...levelOf(conviction.level),
        court: conviction.court,
        disposition: conviction.disposition,
        judgmentDate: dateOf(conviction.judgmentDate),
        source: conviction.source,
      })),
      pendingCases: facts.pendingCases.map((pending) => ({
        court: pending.court,
        charges: [{ charge: pending.charge.trim(), ...levelOf(pending.level) }],
        source: pending.source,
      })),
      ...databaseFacts,
      ...(facts.proofOfLawfulStatus === 'unknown'
        ? {}
        : { proofOfLawfulStatus: facts.proofOfLawfulStatus === 'yes' }),
    },
    findings: { california },
  };
}

export interface LawDecision {
  law: LawChoice;
  decision: Decision;
  /** For each action, the fact changes that would change its outcome (each verified). */
  changes: WhatWouldChange;
}

export type Calculation =
  | { ok: true; decisions: LawDecision[] }
  /** Each issue names a field of the form, by the path it is drawn with. */
  | { ok: false; issues: FieldIssue[] };

/** An issue about the case's times is about the day chosen; `request.actions` is the form's. */
function formPath(path: string, index: number): string {
  if (path === 'decisionAt' || path === 'otherwiseReleaseAt') return lawField(index, 'date');
  if (path === 'jurisdiction') return lawField(index, 'jurisdiction');
  if (path === 'request.actions') return 'request.form';
  return path;
}

function decideUnder(
  engine: Engine,
  facts: CalculatorFacts,
  law: LawChoice,
  index: number,
): LawDecision | FieldIssue[] {
  const jurisdiction = engine.jurisdictions.get(law.jurisdiction);
  const issues: FieldIssue[] = [];
  if (jurisdiction === undefined) {
    issues.push({
      path: lawField(index, 'jurisdiction'),
      message: `choose one of ${[...engine.jurisdictions.keys()].join(', ')}`,
    });
  }
  if (!isLocalDate(law.date)) {
    issues.push({
      path: lawField(index, 'date'),
      message: 'must be a real calendar date written YYYY-MM-DD',
    });
  }
  if (jurisdiction === undefined || issues.length > 0) return issues;
  try {
    const input = parseCase(calculatorCase(facts, law, jurisdiction.timeZone));
    return { law, decision: engine.evaluate(input), changes: whatWouldChange(engine, input) };
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    return error.issues.map((issue) => ({ ...issue, path: formPath(issue.path, index) }));
  }
}

/**
 * The facts decided under each law, the first being the one in force for the client; or every
 * field the engine refuses, each once (a fact refused under one law is refused under all).
 */
export function calculate(
  engine: Engine,
  facts: CalculatorFacts,
  laws: readonly LawChoice[],
): Calculation {
  if (laws.length === 0 || laws.length > MAX_LAWS) {
    return {
      ok: false,
      issues: [
        { path: 'law', message: `choose from 1 to ${String(MAX_LAWS)} laws to decide under` },
      ],
    };
  }
  const decided = laws.map((law, index) => decideUnder(engine, facts, law, index));
  const issues = new Map<string, FieldIssue>();
  for (const result of decided) {
    if (Array.isArray(result)) for (const issue of result) issues.set(issue.path, issue);
  }
  if (issues.size > 0) return { ok: false, issues: [...issues.values()] };
  return {
    ok: true,
    decisions: decided.filter((result): result is LawDecision => !Array.isArray(result)),
  };
}
