/**
 * The record tests of DOC § 9-131 as added by Local Law 62 of 2011, and the reading of record
 * entries that the covered-crime tests of LL22/2013 and LL21/2013 share with them.
 *
 * "Convicted of a crime" ((a)(2)): a final judgment of guilt on a misdemeanour or felony charge
 * in a New York criminal court or any other U.S. court; youthful-offender and
 * juvenile-delinquency adjudications never count. "Pending criminal case" ((a)(5)): a case in a
 * criminal court (never family court) where judgment has not been entered and a misdemeanour or
 * felony charge is pending; a case adjourned in contemplation of dismissal, or whose highest
 * charge is a violation or infraction, is not one.
 *
 * Each test counts an entry only when it came from a source the law accepts, and reads a list as
 * complete only after a completed search. The level of a charge comes from the record's `level`
 * or, for a New York court, the charge code; when neither gives it, it is asked for, never assumed.
 * @module
 */
import type { Conviction, PendingCase, Source } from '../../engine/case.js';
import type { Condition, EvalContext, FactValue, MissingFact } from '../../engine/condition.js';
import { derived, uniqueMissing } from '../../engine/condition.js';
import { UNKNOWN, type Tri } from '../../engine/tri.js';
import type { Charge, OffenseLevel } from '../new-york/charge-code.js';
import { ChargeCodeError, parseCharge } from '../new-york/charge-code.js';
import {
  convictionPath,
  describeSources,
  searchIncomplete,
  sourceProblem,
} from './record-facts.js';

/** What a record test is told by the provision that uses it. */
export interface RecordTest {
  label: string;
  cites: readonly string[];
  /** Where a search result or notice may come from under the citing clause. */
  sources: readonly Source[];
}

// ---------------------------------------------------------------------------------------------
// Three-valued answers that carry their reason and what would decide them.

/** A three-valued answer about part of the record, with a one-line reason. */
export interface Judged {
  readonly value: Tri;
  readonly reason: string;
  /** What would decide it; empty unless the value is unknown. */
  readonly missing: readonly MissingFact[];
}

/** One empty list for every known answer: they are built for each record entry. */
const NOTHING_MISSING: readonly MissingFact[] = [];

export function known(value: boolean, reason: string): Judged {
  return { value, reason, missing: NOTHING_MISSING };
}

export function open(reason: string, ...missing: MissingFact[]): Judged {
  return { value: UNKNOWN, reason, missing };
}

/**
 * True as soon as one part is; unknown (with every open part's missing facts) when none is true
 * and some are open; otherwise false, with the parts' reasons, or `none` when there are none.
 */
export function either(parts: readonly Judged[], none: string): Judged {
  const yes = parts.find((part) => part.value === true);
  if (yes) return yes;
  const undecided = parts.filter((part) => part.value === UNKNOWN);
  if (undecided.length > 0) {
    return { value: UNKNOWN, reason: reasons(undecided), missing: missingOfParts(undecided) };
  }
  return known(false, parts.length > 0 ? reasons(parts) : none);
}

/** What would decide the parts, each path once. */
function missingOfParts(parts: readonly Judged[]): MissingFact[] {
  const missing: MissingFact[] = [];
  for (const part of parts) for (const fact of part.missing) missing.push(fact);
  return uniqueMissing(missing);
}

/** `value`, admitted only through `gate`: false if either is false, unknown if either is open. */
export function gated(gate: Judged, value: Judged): Judged {
  if (gate.value === false) return gate;
  if (value.value === false) return value;
  if (gate.value === UNKNOWN || value.value === UNKNOWN) {
    return open(
      reasons([gate, value].filter((part) => part.value === UNKNOWN)),
      ...uniqueMissing([...gate.missing, ...value.missing]),
    );
  }
  return value;
}

/** The answer when the record may list more entries than it does. */
export function whileIncomplete(ctx: EvalContext): Judged[] {
  const missing = searchIncomplete(ctx);
  return missing ? [open('the criminal-history search is not complete', missing)] : [];
}

/** A derived condition's finding from a judged answer. */
export function finding(judged: Judged, facts: readonly FactValue[]) {
  return judged.value === UNKNOWN
    ? { value: judged.value, facts, reason: judged.reason, missing: judged.missing }
    : { value: judged.value, facts, reason: judged.reason };
}

/** The parts' reasons, each once, as one line. */
export function reasons(parts: readonly Judged[]): string {
  // A loop, not a Set and a join: this runs for every record entry of every older-law decision.
  let line = '';
  for (let index = 0; index < parts.length; index++) {
    const reason = parts[index]!.reason;
    if (index === 0) line = reason;
    else if (!isEarlierReason(parts, index, reason)) line = `${line}; ${reason}`;
  }
  return line;
}

function isEarlierReason(parts: readonly Judged[], before: number, reason: string): boolean {
  for (let index = 0; index < before; index++) if (parts[index]!.reason === reason) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Reading record entries.

/** One charge as the record gives it: the parsed New York code, and its level if known. */
export interface ReadCharge {
  /** The parsed code, for a New York court whose code reads. */
  charge?: Charge;
  /** Why a New York code could not be read. */
  unreadable?: string;
  /** The record's level, else the level the code carries; absent when neither gives it. */
  level?: OffenseLevel;
}

/** Reads a charge; only New York codes are parsed, others are kept as text. */
export function readCharge(
  raw: string,
  level: OffenseLevel | undefined,
  newYork: boolean,
): ReadCharge {
  const read: ReadCharge = {};
  if (newYork) {
    try {
      read.charge = parseCharge(raw);
    } catch (error) {
      if (!(error instanceof ChargeCodeError)) throw error;
      read.unreadable = error.message;
    }
  }
  const resolved = level ?? read.charge?.level;
  if (resolved !== undefined) read.level = resolved;
  return read;
}

const LEVEL_NAME: Record<OffenseLevel, string> = {
  felony: 'a felony',
  misdemeanor: 'a misdemeanour',
  violation: 'a violation',
  infraction: 'a traffic or other infraction',
};

export function levelName(level: OffenseLevel): string {
  return LEVEL_NAME[level];
}

/** The question that asks for a charge's level, at the entry's `level` field. */
export function levelMissing(entryPath: string, raw: string, read: ReadCharge): MissingFact {
  const why = read.unreadable === undefined ? '' : ` (${read.unreadable}.)`;
  return {
    path: `${entryPath}.level`,
    question: `Was ${entryPath} (${raw}) a felony, a misdemeanour, a violation or an infraction?${why}`,
    decidedBy: 'clerk',
  };
}

/** A misdemeanour or felony: what "crime" means in every pre-2014 NYC definition. */
export function isCrime(entryPath: string, raw: string, read: ReadCharge): Judged {
  const label = `${entryPath} (${raw})`;
  if (read.level === undefined) {
    return open(`${label}: its level is not recorded`, levelMissing(entryPath, raw, read));
  }
  const crime = read.level === 'felony' || read.level === 'misdemeanor';
  return known(crime, `${label} is ${levelName(read.level)}`);
}

/** A conviction counts only if it is one, not a YO/JD adjudication, and comes from an accepted source. */
export function admissibleConviction(
  conviction: Conviction,
  index: number,
  sources: readonly Source[],
): Judged {
  const path = convictionPath(index);
  const label = `${path} (${conviction.charge})`;
  if (
    conviction.disposition === 'youthful-offender' ||
    conviction.disposition === 'juvenile-delinquent'
  ) {
    return known(
      false,
      `${label} is a ${conviction.disposition.replace('-', ' ')} adjudication, which is never a conviction`,
    );
  }
  const missing: MissingFact[] = [];
  if (conviction.disposition === 'unknown') {
    missing.push({
      path: `${path}.disposition`,
      question: `Is ${label} a judgment of conviction, or a youthful-offender or juvenile-delinquency adjudication?`,
      decidedBy: 'clerk',
    });
  }
  const source = sourceProblem(conviction, index, sources);
  if (source) missing.push(source);
  if (missing.length > 0) {
    return open(
      `${label}: not established as a conviction from ${describeSources(sources)}`,
      ...missing,
    );
  }
  return known(true, `${label} is a conviction`);
}

/** The first entries' paths, written once, as for convictions. */
const PENDING_CASE_PATHS = Array.from(
  { length: 16 },
  (_, index) => `record.pendingCases[${index}]`,
);

export function pendingCasePath(index: number): string {
  return PENDING_CASE_PATHS[index] ?? `record.pendingCases[${index}]`;
}

/** A pending case's source is one the law accepts; otherwise it must be confirmed. */
export function pendingSource(
  pending: PendingCase,
  index: number,
  sources: readonly Source[],
): Judged {
  const path = pendingCasePath(index);
  if (sources.includes(pending.source))
    return known(true, `${path} is recorded from an accepted source`);
  return open(`${path}: its source is not one the law accepts`, {
    path: `${path}.source`,
    question: `Confirm ${path} through ${describeSources(sources)}.`,
    decidedBy: 'clerk',
  });
}

/** Family-court cases, and cases disposed of by an ACD or a conditional discharge, never count. */
export function openCriminalCase(pending: PendingCase, index: number): Judged {
  const path = pendingCasePath(index);
  if (pending.familyCourt) return known(false, `${path} is in family court`);
  if (pending.disposition === 'adjourned-in-contemplation-of-dismissal') {
    return known(false, `${path} was adjourned in contemplation of dismissal`);
  }
  if (pending.disposition === 'conditional-discharge') {
    return known(false, `${path} ended in a conditional discharge`);
  }
  return known(true, `${path} is a pending criminal case`);
}

// ---------------------------------------------------------------------------------------------
// LL62/2011 § 9-131(a)(2) and (a)(5).

/** "Convicted of a crime" (§ 9-131(a)(2), LL62/2011), as a search or notice shows it. */
export function convictedOfACrime(spec: RecordTest): Condition {
  return derived({
    label: spec.label,
    cites: spec.cites,
    evaluate(ctx) {
      const facts: FactValue[] = [];
      const parts = ctx.case.record.convictions.map((conviction, index) => {
        const path = convictionPath(index);
        facts.push({ path: `${path}.charge`, value: conviction.charge });
        const read = readCharge(
          conviction.charge,
          conviction.level,
          conviction.court === 'new-york',
        );
        return gated(
          admissibleConviction(conviction, index, spec.sources),
          isCrime(path, conviction.charge, read),
        );
      });
      const judged = either(
        [...parts, ...whileIncomplete(ctx)],
        'the completed search shows no conviction',
      );
      return finding(judged, facts);
    },
  });
}

/**
 * "Pending criminal case" (§ 9-131(a)(5), LL62/2011). A conditional discharge is a sentence, so
 * judgment has been entered and the case is not pending whatever the charge; the clause names
 * only the violation case because that was the one in doubt.
 */
export function defendantInPendingCriminalCase(spec: RecordTest): Condition {
  return derived({
    label: spec.label,
    cites: spec.cites,
    evaluate(ctx) {
      const facts: FactValue[] = [];
      const parts = ctx.case.record.pendingCases.map((pending, index) => {
        const path = pendingCasePath(index);
        const charges = pending.charges.map((charge, k) => {
          const chargePath = `${path}.charges[${k}]`;
          facts.push({ path: `${chargePath}.charge`, value: charge.charge });
          const read = readCharge(charge.charge, charge.level, pending.court === 'new-york');
          return isCrime(chargePath, charge.charge, read);
        });
        return gated(
          gated(openCriminalCase(pending, index), pendingSource(pending, index, spec.sources)),
          either(charges, `${path} has no charges`),
        );
      });
      const judged = either(
        [...parts, ...whileIncomplete(ctx)],
        'the completed search shows no pending criminal case',
      );
      return finding(judged, facts);
    },
  });
}
