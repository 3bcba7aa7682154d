/**
 * "Convicted of a violent or serious crime" (§ 9-131(a)(2) and § 14-154(a)(2) as amended by
 * LL58/LL59 of 2014; borrowed by § 9-205): a New York judgment on a listed crime, or a federal
 * or other-state conviction that a legal reviewer has found to be a PL 70.06(1)(b)(i) predicate
 * felony equivalent to a listed crime; never a youthful-offender or juvenile-delinquency
 * adjudication; and, except for NYPD's § 14-154(b)(2), only if a judgment was entered within
 * five years before the instant arrest, the five years extended by time incarcerated for such a
 * crime.
 *
 * A what-if amendment may change the list (crimes added or removed) and the look-back's length:
 * the condition is marked amendable and built again with them (src/law/amendable.ts).
 * @module
 */
import type { Conviction, Source } from '../../engine/case.js';
import type { Condition, EvalContext, FactValue, MissingFact } from '../../engine/condition.js';
import { derived, uniqueMissing } from '../../engine/condition.js';
import { addDays, addYears, daysBetween } from '../../engine/dates.js';
import { UNKNOWN } from '../../engine/tri.js';
import type { AmendmentParameters } from '../amendable.js';
import { AMENDMENT_CLAUSE_ID, chargeNamedBy, markAmendable, yearsInWords } from '../amendable.js';
import { ChargeCodeError, parseCharge, type Charge } from '../new-york/charge-code.js';
import { matchViolentOrSeriousCrime } from '../new-york/violent-or-serious-crime.js';
import { convictionPath, searchIncomplete, sourceProblem } from './record-facts.js';

type Verdict =
  | { status: 'listed'; reason: string }
  | { status: 'not-listed'; reason: string }
  | { status: 'unknown'; reason: string; missing: MissingFact[] };

const LIST_FIELD: Record<
  'level' | 'subdivision' | 'judgmentDate',
  { field: string; question: string }
> = {
  level: { field: 'level', question: 'Was it a felony or a misdemeanour?' },
  subdivision: { field: 'charge', question: 'Which subdivision of the section was it under?' },
  judgmentDate: { field: 'judgmentDate', question: 'When was judgment entered?' },
};

/** Crimes an amendment adds to the list or removes from it. */
type CrimeChanges = AmendmentParameters['crimes'];

/** Whether one conviction is a violent or serious crime, ignoring the look-back. */
export function classifyConviction(
  conviction: Conviction,
  index: number,
  crimes?: CrimeChanges,
): Verdict {
  const path = convictionPath(index);
  const label = `${path} (${conviction.charge})`;
  if (
    conviction.disposition === 'youthful-offender' ||
    conviction.disposition === 'juvenile-delinquent'
  ) {
    return {
      status: 'not-listed',
      reason: `${label} is a ${conviction.disposition.replace('-', ' ')} adjudication, which never counts`,
    };
  }
  if (conviction.disposition === 'unknown') {
    return unknown(`${label}: not recorded whether it is a conviction or a YO/JD adjudication`, {
      path: `${path}.disposition`,
      question: `Is ${label} a judgment of conviction, or a youthful-offender or juvenile-delinquency adjudication?`,
      decidedBy: 'clerk',
    });
  }
  if (conviction.court === 'unknown') {
    return unknown(`${label}: the court system is not recorded`, {
      path: `${path}.court`,
      question: `Which court system entered ${label}: New York, federal, or another state?`,
      decidedBy: 'clerk',
    });
  }
  if (conviction.court !== 'new-york') return classifyOutOfState(conviction, index, label, crimes);
  return classifyNewYork(conviction.charge, conviction.level, conviction, index, label, crimes);
}

function classifyNewYork(
  chargeText: string,
  level: Conviction['level'],
  conviction: Conviction,
  index: number,
  label: string,
  crimes: CrimeChanges,
): Verdict {
  const path = convictionPath(index);
  let charge;
  try {
    charge = parseCharge(chargeText);
  } catch (error) {
    if (!(error instanceof ChargeCodeError)) throw error;
    return unknown(`${label}: ${error.message}`, {
      path: `${path}.charge`,
      question: `Write ${label} as a New York charge code (e.g. "PL 120.05(2)").`,
      decidedBy: 'clerk',
    });
  }
  const amended = crimes && amendedListing(crimes, charge, level ?? charge.level, path, label);
  if (amended) return amended;
  const match = matchViolentOrSeriousCrime({
    charge,
    level,
    hateCrime: conviction.hateCrime,
    judgmentDate: conviction.judgmentDate,
  });
  switch (match.status) {
    case 'listed':
      return { status: 'listed', reason: `${label}: ${match.explanation}` };
    case 'not-listed':
      return { status: 'not-listed', reason: `${label}: ${match.explanation}` };
    case 'unknown':
      return {
        status: 'unknown',
        reason: `${label}: ${match.explanation}`,
        missing: match.missing.map((name) => ({
          path: `${path}.${LIST_FIELD[name].field}`,
          question: `${label}: ${LIST_FIELD[name].question}`,
          decidedBy: 'clerk',
        })),
      };
    case 'legal-review':
      return unknown(`${label}: ${match.explanation}`, {
        path: `${path}.charge`,
        question: `${label}: ${match.explanation} A legal reviewer must decide whether it counts.`,
        decidedBy: 'legal-reviewer',
      });
  }
}

/**
 * A charge an amendment adds to the list or removes from it. Its anticipatory forms follow, as
 * subparagraph (iii) follows (i): only a felony attempt, conspiracy, solicitation or facilitation
 * of an added crime is listed; a misdemeanour one is left to the list as enacted.
 */
function amendedListing(
  crimes: NonNullable<CrimeChanges>,
  charge: Charge,
  level: Conviction['level'] | undefined,
  path: string,
  label: string,
): Verdict | undefined {
  if (crimes.removed.some((entry) => chargeNamedBy(entry, charge))) {
    return { status: 'not-listed', reason: `${label}: the amendment removes it from the list` };
  }
  const added = crimes.added.find((entry) => chargeNamedBy(entry, charge));
  if (!added) return undefined;
  if (charge.inchoate && !added.inchoate && level !== 'felony') {
    if (level !== undefined) return undefined;
    return unknown(`${label}: the amendment lists it only as a felony`, {
      path: `${path}.level`,
      question: `${label}: Was it a felony or a misdemeanour?`,
      decidedBy: 'clerk',
    });
  }
  return { status: 'listed', reason: `${label}: the amendment adds it to the list` };
}

function classifyOutOfState(
  conviction: Conviction,
  index: number,
  label: string,
  crimes: CrimeChanges,
): Verdict {
  const path = convictionPath(index);
  const finding = conviction.equivalence;
  const review: MissingFact = {
    path: `${path}.equivalence`,
    question:
      `${label} is ${conviction.court === 'federal' ? 'a federal' : 'another state’s'} conviction: a legal reviewer must ` +
      'record whether it would be a predicate felony conviction under PL 70.06(1)(b)(i) and which ' +
      'New York felony it is equivalent to.',
    decidedBy: 'legal-reviewer',
  };
  if (!finding || finding.predicateFelony === UNKNOWN) {
    return unknown(`${label}: no legal finding on its New York equivalent`, review);
  }
  if (!finding.predicateFelony) {
    return {
      status: 'not-listed',
      reason: `${label}: a legal reviewer found it is not a PL 70.06(1)(b)(i) predicate felony`,
    };
  }
  const verdict = classifyNewYork(
    finding.newYorkCharge,
    'felony',
    conviction,
    index,
    `${label} ≡ ${finding.newYorkCharge}`,
    crimes,
  );
  return verdict.status === 'unknown'
    ? { ...verdict, missing: verdict.missing.map((m) => ({ ...m, decidedBy: 'legal-reviewer' })) }
    : verdict;
}

function unknown(reason: string, missing: MissingFact): Verdict {
  return { status: 'unknown', reason, missing: [missing] };
}

export interface ViolentOrSeriousSpec {
  label: string;
  cites: readonly string[];
  /** Where the search result or notice may come from. */
  sources: readonly Source[];
  /** Five years before the instant arrest (a)(2)(ii), or ever (§ 14-154(b)(2)). */
  lookBack: 'five-years' | 'ever';
}

/** The test as one law version reads it: the look-back in years (`null`: none) and the list. */
interface ListTest {
  readonly sources: readonly Source[];
  readonly years: number | null;
  readonly crimes?: CrimeChanges;
}

export function convictedOfViolentOrSeriousCrime(spec: ViolentOrSeriousSpec): Condition {
  const years = spec.lookBack === 'ever' ? null : 5;
  const condition = derived({
    label: spec.label,
    cites: spec.cites,
    evaluate: (ctx) => scan(ctx, { sources: spec.sources, years }),
  });
  return markAmendable(condition, {
    // "Ever" (§ 14-154(b)(2)) has no look-back for an amendment to change.
    parameters: years === null ? ['crimes'] : ['crimes', 'lookBackYears'],
    rebuild(parameters) {
      const test: ListTest = {
        sources: spec.sources,
        years:
          years === null || parameters.lookBackYears === undefined
            ? years
            : parameters.lookBackYears,
        crimes: parameters.crimes,
      };
      return derived({
        label: `${spec.label}, as the amendment changes it`,
        cites: [...spec.cites, AMENDMENT_CLAUSE_ID],
        evaluate: (ctx) => scan(ctx, test),
      });
    },
  });
}

interface Listed {
  conviction: Conviction;
  index: number;
  reason: string;
}

function scan(ctx: EvalContext, test: ListTest) {
  const convictions = ctx.case.record.convictions;
  const missing: MissingFact[] = [];
  const notes: string[] = [];
  const listed: Listed[] = [];
  const facts: FactValue[] = [];
  for (let index = 0; index < convictions.length; index++) {
    const conviction = convictions[index]!;
    const verdict = classifyConviction(conviction, index, test.crimes);
    if (verdict.status === 'not-listed') continue;
    facts.push({ path: `${convictionPath(index)}.charge`, value: conviction.charge });
    const source = sourceProblem(conviction, index, test.sources);
    if (verdict.status === 'unknown') {
      missing.push(...verdict.missing);
      notes.push(verdict.reason);
    } else if (source) {
      missing.push(source);
      notes.push(`${verdict.reason}, but its source is not one the law accepts`);
    } else {
      listed.push({ conviction, index, reason: verdict.reason });
    }
  }

  const window =
    test.years === null ? undefined : lookBackWindow(ctx, test.years, listed, missing, notes);
  for (const entry of listed) {
    const within = window ? window(entry) : true;
    if (within === true) {
      const when = test.years === null ? 'ever' : 'within the look-back';
      return { value: true as const, facts, reason: `${entry.reason}; judgment entered ${when}` };
    }
  }
  const incomplete = searchIncomplete(ctx);
  if (incomplete) missing.push(incomplete);
  if (missing.length > 0) {
    return {
      value: UNKNOWN,
      facts,
      missing: uniqueMissing(missing),
      reason: notes.join('; ') || 'the record is not complete',
    };
  }
  return {
    value: false as const,
    facts,
    reason:
      notes.length > 0
        ? notes.join('; ')
        : 'no conviction on the record is for a violent or serious crime within the look-back',
  };
}

/**
 * § 9-131(a)(2)(ii): not convicted "if that person ... has not had a judgment ... entered
 * against him or her on a violent or serious crime for at least five years prior to the date of
 * the instant arrest, provided that any period of time during which the person was incarcerated
 * for a violent or serious crime, between the time of the commission of such violent or serious
 * crime and the instant arrest, shall be excluded ... and such five year period shall be
 * extended by ... the time served". A judgment exactly five years before the arrest is outside:
 * "at least five years" has then passed.
 */
function lookBackWindow(
  ctx: EvalContext,
  years: number,
  listed: readonly Listed[],
  missing: MissingFact[],
  notes: string[],
): ((entry: Listed) => boolean | 'unknown') | undefined {
  const arrest = ctx.case.instantArrestDate;
  if (listed.length === 0) return undefined;
  if (arrest === undefined) {
    missing.push({
      path: 'instantArrestDate',
      question: `What is the date of the instant arrest? The ${yearsInWords(years)}-year look-back ends on it.`,
      decidedBy: 'clerk',
    });
    return () => UNKNOWN;
  }
  const plainStart = addYears(arrest, -years);
  const extension = incarcerationDays(listed, arrest);
  const start = extension.days === undefined ? plainStart : addDays(plainStart, -extension.days);
  return (entry) => {
    const path = convictionPath(entry.index);
    const judgment = entry.conviction.judgmentDate;
    if (judgment === undefined) {
      missing.push({
        path: `${path}.judgmentDate`,
        question: `When was judgment entered on ${path}?`,
        decidedBy: 'clerk',
      });
      return UNKNOWN;
    }
    if (judgment > arrest) {
      missing.push({
        path: `${path}.judgmentDate`,
        question: `Judgment on ${path} was entered after the instant arrest; does it count toward the look-back?`,
        decidedBy: 'legal-reviewer',
      });
      return UNKNOWN;
    }
    if (judgment > start) return true;
    if (extension.days === undefined) {
      // Outside the plain five years, and the incarceration that might extend it is unrecorded.
      missing.push(...extension.missing);
      notes.push(
        `${entry.reason}; outside ${yearsInWords(years)} years unless extended by time incarcerated`,
      );
      return UNKNOWN;
    }
    notes.push(
      `${entry.reason}; judgment ${judgment} is not after ${start}, so outside the look-back`,
    );
    return false;
  };
}

/** Days incarcerated for listed crimes before the instant arrest, overlapping periods once. */
function incarcerationDays(
  listed: readonly Listed[],
  arrest: string,
): { days?: number; missing: MissingFact[] } {
  const missing: MissingFact[] = [];
  const periods: [string, string][] = [];
  for (const { conviction, index } of listed) {
    if (conviction.incarceration === undefined) {
      missing.push({
        path: `${convictionPath(index)}.incarceration`,
        question: `Was the person incarcerated for ${convictionPath(index)} (${conviction.charge})? Record the periods, or an empty list for none.`,
        decidedBy: 'clerk',
      });
      continue;
    }
    // Periods as half-open [first day, day after the last]; still in custody ends at the arrest.
    for (const period of conviction.incarceration) {
      const last = period.to === undefined || period.to >= arrest ? addDays(arrest, -1) : period.to;
      if (period.from <= last) periods.push([period.from, addDays(last, 1)]);
    }
  }
  if (missing.length > 0) return { missing };
  periods.sort((a, b) => a[0].localeCompare(b[0]));
  let days = 0;
  let current: [string, string] | undefined;
  for (const period of periods) {
    if (current && period[0] <= current[1]) {
      if (period[1] > current[1]) current[1] = period[1];
      continue;
    }
    if (current) days += daysBetween(current[0], current[1]);
    current = [period[0], period[1]];
  }
  if (current) days += daysBetween(current[0], current[1]);
  return { days, missing };
}
