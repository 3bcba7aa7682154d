/**
 * The "covered crime" tests of DOC § 9-131 as amended by Local Law 22 of 2013 and NYPD § 14-154
 * as added by Local Law 21 of 2013 (the two texts are the same; both were repealed in 2014).
 *
 * "Covered crime": any misdemeanour or felony charge, except PL 230.00, PL 240.37 (unless the
 * charge relates to patronizing a prostitute), VTL 511(1), VTL 511(2)(a)(i) and (iv), or a
 * comparable federal or other-state provision.
 *
 * "Convicted of a covered crime": a final judgment of guilt on a covered crime, never a YO/JD
 * adjudication, and not if the person "has never had a final judgment of guilt ... on a felony
 * and has not had a final judgment of guilt ... on a misdemeanor that is a covered crime for at
 * least ten years prior to the date of the instant arrest".
 *
 * "Pending covered criminal case": a criminal-court case, never family court, where judgment has
 * not been entered and any felony, or a misdemeanour under PL 120.00, PL article 130, PL 265.01
 * (firearm or ammunition), PL 215.50 or VTL article 31 (or a comparable provision) is pending;
 * and, whatever the charges, being a defendant in more than one case where a covered crime is
 * charged. ACDs, conditional discharges and cases where the court must find the person a
 * youthful offender do not count.
 * @module
 */
import type { Conviction, PendingCase, Source } from '../../engine/case.js';
import type { Condition, EvalContext, FactValue, MissingFact } from '../../engine/condition.js';
import { derived, uniqueMissing } from '../../engine/condition.js';
import { addYears } from '../../engine/dates.js';
import { UNKNOWN } from '../../engine/tri.js';
import type { Charge } from '../new-york/charge-code.js';
import { parseCharge, ChargeCodeError } from '../new-york/charge-code.js';
import type { Judged, ReadCharge, RecordTest } from './any-crime-conviction.js';
import {
  admissibleConviction,
  either,
  finding,
  gated,
  known,
  levelMissing,
  levelName,
  open,
  openCriminalCase,
  pendingCasePath,
  pendingSource,
  readCharge,
  reasons,
  whileIncomplete,
} from './any-crime-conviction.js';
import { convictionPath } from './record-facts.js';
import { AMENDMENT_CLAUSE_ID, markAmendable, yearsInWords } from '../amendable.js';

/**
 * (b)(2)(i) of § 9-131 as amended by LL22/2013 and of § 14-154 as added by LL21/2013: "a search
 * ... accessed through ... e-JusticeNY ... indicates, or the department has been informed by a
 * court".
 */
export const SEARCH_OR_COURT: readonly Source[] = Object.freeze(['e-justice-ny', 'court']);

const EXCLUDED_LIST = 'PL 230.00, PL 240.37 or VTL 511(1), (2)(a)(i) or (2)(a)(iv)';

type Exclusion =
  | { kind: 'excluded'; provision: string }
  | { kind: 'review'; question: string }
  | { kind: 'subdivision' }
  | undefined;

/** Whether a New York charge is one of the provisions "shall not be deemed a covered crime". */
function exclusionOf(charge: Charge): Exclusion {
  if (charge.law === 'PL' && charge.section === '240.37') {
    // The record format has no field for what the loitering charge related to.
    return {
      kind: 'review',
      question: 'does this PL 240.37 charge relate to the patronizing of a prostitute?',
    };
  }
  if (charge.law === 'PL' && charge.section === '230.00') {
    return charge.inchoate
      ? {
          kind: 'review',
          question: `is this ${charge.inchoate.kind} to commit PL 230.00 a charge "brought pursuant to section 230.00"?`,
        }
      : { kind: 'excluded', provision: 'PL 230.00' };
  }
  if (charge.law !== 'VTL' || charge.section !== '511') return undefined;
  const [subdivision, paragraph, subparagraph] = charge.subdivision;
  if (subdivision === '1') return { kind: 'excluded', provision: 'VTL 511(1)' };
  if (subdivision === undefined) return { kind: 'subdivision' };
  if (subdivision !== '2') return undefined;
  if (paragraph === undefined || (paragraph === 'a' && subparagraph === undefined)) {
    return { kind: 'subdivision' };
  }
  if (paragraph === 'a' && (subparagraph === 'i' || subparagraph === 'iv')) {
    return { kind: 'excluded', provision: `VTL 511(2)(a)(${subparagraph})` };
  }
  return undefined;
}

function unreadable(
  entryPath: string,
  raw: string,
  why: string | undefined,
  ...also: MissingFact[]
): Judged {
  return open(
    `${entryPath} (${raw}): ${why ?? 'the charge code cannot be read'}`,
    {
      path: `${entryPath}.charge`,
      question: `Write ${entryPath} (${raw}) as a New York charge code (e.g. "PL 120.00(1) AM").`,
      decidedBy: 'clerk',
    },
    ...also,
  );
}

/** A New York charge against the covered-crime definition. */
function coveredNewYork(entryPath: string, raw: string, read: ReadCharge): Judged {
  const label = `${entryPath} (${raw})`;
  const exclusion = read.charge ? exclusionOf(read.charge) : undefined;
  if (exclusion?.kind === 'excluded') {
    return known(false, `${label}: ${exclusion.provision} is excluded from "covered crime"`);
  }
  if (read.level === undefined) {
    const level = levelMissing(entryPath, raw, read);
    return read.charge
      ? open(`${label}: its level is not recorded`, level)
      : unreadable(entryPath, raw, read.unreadable, level);
  }
  if (read.level === 'violation' || read.level === 'infraction') {
    return known(false, `${label} is ${levelName(read.level)}, not a misdemeanour or felony`);
  }
  // Every excluded provision is a misdemeanour or a violation (a felony under VTL 511 is 511(3)).
  if (read.level === 'felony') return known(true, `${label} is a felony and a covered crime`);
  if (!read.charge) return unreadable(entryPath, raw, read.unreadable);
  if (exclusion?.kind === 'subdivision') {
    return open(`${label}: the VTL 511 subdivision is not recorded`, {
      path: `${entryPath}.charge`,
      question: `Under which subdivision of VTL 511 was ${label} charged? 511(1), (2)(a)(i) and (2)(a)(iv) are not covered crimes.`,
      decidedBy: 'clerk',
    });
  }
  if (exclusion?.kind === 'review') {
    return open(`${label}: ${exclusion.question}`, {
      path: `${entryPath}.charge`,
      question: `${label}: ${exclusion.question} A legal reviewer must decide whether it is a covered crime.`,
      decidedBy: 'legal-reviewer',
    });
  }
  return known(true, `${label} is a misdemeanour and a covered crime`);
}

function courtMissing(courtPath: string, label: string): Judged {
  return open(`${label}: the court system is not recorded`, {
    path: courtPath,
    question: `Which court system is ${label} in: New York, federal, or another state?`,
    decidedBy: 'clerk',
  });
}

/**
 * A federal or other-state charge. Only a legal reviewer's recorded equivalence can make it
 * comparable to an excluded New York provision. Every excluded provision is a misdemeanour or a
 * violation, so a felony elsewhere is read as a covered crime without one; a misdemeanour
 * elsewhere needs the reviewer. `reviewPath` is where the reviewer records the finding.
 */
function coveredElsewhere(
  entryPath: string,
  raw: string,
  level: Conviction['level'],
  equivalence: Conviction['equivalence'],
  reviewPath: string,
): Judged {
  const label = `${entryPath} (${raw})`;
  const review = (why: string): Judged =>
    open(`${label}: ${why}`, {
      path: reviewPath,
      question: `${label}: ${why} A legal reviewer must record the comparable New York charge; one comparable to ${EXCLUDED_LIST} is not a covered crime.`,
      decidedBy: 'legal-reviewer',
    });
  let exclusion: Exclusion;
  if (equivalence) {
    try {
      exclusion = exclusionOf(parseCharge(equivalence.newYorkCharge));
    } catch (error) {
      if (!(error instanceof ChargeCodeError)) throw error;
      return review(
        `the recorded equivalent "${equivalence.newYorkCharge}" is not a New York charge code.`,
      );
    }
    if (exclusion?.kind === 'excluded') {
      return known(
        false,
        `${label}: a legal reviewer found it comparable to ${exclusion.provision}, which is excluded from "covered crime"`,
      );
    }
  }
  if (level === undefined) {
    return open(`${label}: its level is not recorded`, levelMissing(entryPath, raw, {}));
  }
  if (level === 'violation' || level === 'infraction') {
    return known(false, `${label} is ${levelName(level)}, not a misdemeanour or felony`);
  }
  if (level === 'felony') return known(true, `${label} is a felony and a covered crime`);
  if (!equivalence) {
    return review(
      'whether this misdemeanour is comparable to an excluded New York provision is not decided.',
    );
  }
  if (exclusion) {
    return review(
      `its recorded equivalent ${equivalence.newYorkCharge} may be an excluded provision.`,
    );
  }
  return known(
    true,
    `${label} is a misdemeanour comparable to ${equivalence.newYorkCharge}, a covered crime`,
  );
}

/** A conviction's charge against the covered-crime definition. */
function coveredConviction(conviction: Conviction, index: number, read: ReadCharge): Judged {
  const path = convictionPath(index);
  const label = `${path} (${conviction.charge})`;
  switch (conviction.court) {
    case 'unknown':
      return courtMissing(`${path}.court`, label);
    case 'new-york':
      return coveredNewYork(path, conviction.charge, read);
    default:
      return coveredElsewhere(
        path,
        conviction.charge,
        conviction.level,
        conviction.equivalence,
        `${path}.equivalence`,
      );
  }
}

function coveredPendingCharge(pending: PendingCase, index: number, k: number): Judged {
  const charge = pending.charges[k]!;
  const path = `${pendingCasePath(index)}.charges[${k}]`;
  switch (pending.court) {
    case 'unknown':
      return courtMissing(`${pendingCasePath(index)}.court`, pendingCasePath(index));
    case 'new-york':
      return coveredNewYork(path, charge.charge, readCharge(charge.charge, charge.level, true));
    default:
      return coveredElsewhere(path, charge.charge, charge.level, undefined, `${path}.charge`);
  }
}

// ---------------------------------------------------------------------------------------------
// "Convicted of a covered crime".

/**
 * A judgment entered on or before the day ten years before the arrest is outside: "at least ten
 * years" have then passed. One entered after the arrest is not "prior to" it; whether it counts
 * is left to a legal reviewer. An amendment may set another length, or none (`null`).
 */
function withinYears(
  ctx: EvalContext,
  conviction: Conviction,
  index: number,
  years: number | null,
): Judged {
  const path = convictionPath(index);
  if (years === null) {
    return known(true, `${path} (${conviction.charge}): the amendment sets no look-back`);
  }
  const span = `${yearsInWords(years)} years`;
  const arrest = ctx.case.instantArrestDate;
  const judgment = conviction.judgmentDate;
  const missing: MissingFact[] = [];
  if (arrest === undefined) {
    missing.push({
      path: 'instantArrestDate',
      question: `What is the date of the instant arrest? The ${yearsInWords(years)}-year look-back ends on it.`,
      decidedBy: 'clerk',
    });
  }
  if (judgment === undefined) {
    missing.push({
      path: `${path}.judgmentDate`,
      question: `When was judgment entered on ${path} (${conviction.charge})?`,
      decidedBy: 'clerk',
    });
  }
  if (arrest === undefined || judgment === undefined) {
    return open(
      `${path}: the dates for the ${yearsInWords(years)}-year look-back are not recorded`,
      ...missing,
    );
  }
  if (judgment > arrest) {
    return open(`${path}: judgment ${judgment} was entered after the instant arrest`, {
      path: `${path}.judgmentDate`,
      question: `Judgment on ${path} was entered after the instant arrest; does it count toward the ${span}?`,
      decidedBy: 'legal-reviewer',
    });
  }
  const start = addYears(arrest, -years);
  return judgment > start
    ? known(
        true,
        `${path} (${conviction.charge}): judgment ${judgment} is within ${span} before the instant arrest on ${arrest}`,
      )
    : known(
        false,
        `${path}: judgment ${judgment} is not after ${start}, ${span} before the instant arrest`,
      );
}

/**
 * "Convicted of a covered crime" (§ 9-131(a)(2) as amended by LL22/2013; § 14-154(a)(2) as added
 * by LL21/2013): some covered-crime judgment, and either a felony judgment ever or a
 * covered-crime judgment within ten years before the instant arrest. A what-if amendment may
 * change the ten years (src/law/amendable.ts).
 */
export function convictedOfCoveredCrime(spec: RecordTest): Condition {
  return markAmendable(coveredCrimeTest(spec, 10), {
    parameters: ['lookBackYears'],
    rebuild: (parameters) =>
      coveredCrimeTest(
        {
          ...spec,
          label: `${spec.label}, as the amendment changes it`,
          cites: [...spec.cites, AMENDMENT_CLAUSE_ID],
        },
        parameters.lookBackYears === undefined ? 10 : parameters.lookBackYears,
      ),
  });
}

function coveredCrimeTest(spec: RecordTest, years: number | null): Condition {
  const span = years === null ? 'however long ago' : `within ${yearsInWords(years)} years`;
  const rule = years === null ? 'the look-back' : `the ${yearsInWords(years)}-year rule`;
  return derived({
    label: spec.label,
    cites: spec.cites,
    evaluate(ctx) {
      const facts: FactValue[] = [];
      const covered: Judged[] = [];
      const felony: Judged[] = [];
      const recent: Judged[] = [];
      ctx.case.record.convictions.forEach((conviction, index) => {
        const path = convictionPath(index);
        facts.push({ path: `${path}.charge`, value: conviction.charge });
        const admitted = admissibleConviction(conviction, index, spec.sources);
        // Read once: both the covered-crime and the felony test need the charge.
        const read = readCharge(
          conviction.charge,
          conviction.level,
          conviction.court === 'new-york',
        );
        const isCovered = gated(admitted, coveredConviction(conviction, index, read));
        covered.push(isCovered);
        felony.push(gated(admitted, felonyJudgment(conviction, index, read)));
        recent.push(gated(isCovered, withinYears(ctx, conviction, index, years)));
      });
      if (ctx.case.instantArrestDate !== undefined) {
        facts.push({ path: 'instantArrestDate', value: ctx.case.instantArrestDate });
      }
      const incomplete = whileIncomplete(ctx);
      const anyCovered = either(
        [...covered, ...incomplete],
        'the completed search shows no conviction',
      );
      if (anyCovered.value === false) return finding(anyCovered, facts);
      const anyRecent = either([...recent, ...incomplete], `no covered-crime judgment ${span}`);
      if (anyRecent.value === true) return finding(anyRecent, facts);
      const anyFelony = either([...felony, ...incomplete], 'no felony judgment');
      if (anyFelony.value === true && anyCovered.value === true) {
        return finding(
          known(
            true,
            `${anyCovered.reason}, and ${anyFelony.reason}, so ${rule} of (a)(2)(ii) does not apply`,
          ),
          facts,
        );
      }
      if (anyFelony.value === false && anyRecent.value === false) {
        return finding(
          known(
            false,
            `no felony judgment and no covered-crime judgment ${span} before the instant arrest ((a)(2)(ii))`,
          ),
          facts,
        );
      }
      const undecided = [anyCovered, anyRecent, anyFelony].filter((part) => part.value === UNKNOWN);
      return finding(
        open(reasons(undecided), ...uniqueMissing(undecided.flatMap((part) => part.missing))),
        facts,
      );
    },
  });
}

function felonyJudgment(conviction: Conviction, index: number, read: ReadCharge): Judged {
  const path = convictionPath(index);
  if (read.level === undefined) {
    return open(
      `${path} (${conviction.charge}): its level is not recorded`,
      levelMissing(path, conviction.charge, read),
    );
  }
  return known(
    read.level === 'felony',
    `${path} (${conviction.charge}) is ${levelName(read.level)} judgment`,
  );
}

// ---------------------------------------------------------------------------------------------
// "Pending covered criminal case".

/**
 * VTL article 31 ("Alcohol and drug-related offenses and procedures applicable thereto"). Our
 * reading, not the Council's words: the article is §§ 1190-1199 with their lettered sections
 * (1192-a, 1198-a), so a charge is under it when its section number is in that range.
 */
function vehicleArticle31(charge: Charge): boolean {
  if (charge.law !== 'VTL') return false;
  const number = Number.parseInt(charge.section, 10);
  return number >= 1190 && number <= 1199;
}

const LISTED_SECTIONS = new Set(['120.00', '265.01', '215.50']);

/** One New York misdemeanour charge against the list of (a)(4)(A)-(E). */
function listedMisdemeanour(
  pending: PendingCase,
  index: number,
  k: number,
  charge: Charge,
): Judged {
  const casePath = pendingCasePath(index);
  const path = `${casePath}.charges[${k}]`;
  const label = `${path} (${charge.raw})`;
  const listed =
    (charge.law === 'PL' &&
      (LISTED_SECTIONS.has(charge.section) || charge.section.startsWith('130.'))) ||
    vehicleArticle31(charge);
  if (!listed) return known(false, `${label} is a misdemeanour not listed in (A)-(E)`);
  if (charge.inchoate) {
    return open(`${label}: ${charge.inchoate.kind} to commit a listed misdemeanour`, {
      path: `${path}.charge`,
      question: `${label}: is a charge of ${charge.inchoate.kind} a misdemeanour charge "pursuant to" the listed provision? A legal reviewer must decide.`,
      decidedBy: 'legal-reviewer',
    });
  }
  if (charge.law === 'VTL') return known(true, `${label} is a misdemeanour under VTL article 31`);
  if (charge.section.startsWith('130.'))
    return known(true, `${label} is a misdemeanour under PL article 130`);
  if (charge.section === '265.01') {
    const firearm = pending.charges[k]!.firearmOrAmmunition;
    if (firearm === undefined) {
      return open(`${path}.firearmOrAmmunition is not recorded`, {
        path: `${path}.firearmOrAmmunition`,
        question: `Does ${label} relate to possession of a firearm, rifle, shotgun, bullet or ammunition?`,
        decidedBy: 'clerk',
      });
    }
    return known(
      firearm,
      `${label} ${firearm ? 'relates' : 'does not relate'} to a firearm or ammunition`,
    );
  }
  const released = pending.releasedUnderCpl17070;
  if (released === undefined) {
    return open(`${casePath}.releasedUnderCpl17070 is not recorded`, {
      path: `${casePath}.releasedUnderCpl17070`,
      question: `In ${casePath}, did the court order the defendant released for failure to replace the misdemeanour complaint with an information (CPL 170.70)?`,
      decidedBy: 'clerk',
    });
  }
  return released
    ? known(false, `${label}: the court released the defendant under CPL 170.70`)
    : known(
        true,
        `${label} is a listed misdemeanour and the defendant was not released under CPL 170.70`,
      );
}

/** One pending charge against "any felony charge, or a misdemeanor charge pursuant to" (A)-(E). */
function listedCharge(pending: PendingCase, index: number, k: number): Judged {
  const casePath = pendingCasePath(index);
  const charge = pending.charges[k]!;
  const path = `${casePath}.charges[${k}]`;
  const label = `${path} (${charge.charge})`;
  if (pending.court === 'unknown') return courtMissing(`${casePath}.court`, casePath);
  const read = readCharge(charge.charge, charge.level, pending.court === 'new-york');
  if (read.level === undefined) {
    return open(`${label}: its level is not recorded`, levelMissing(path, charge.charge, read));
  }
  if (read.level === 'felony') return known(true, `${label} is a pending felony charge`);
  if (read.level !== 'misdemeanor') return known(false, `${label} is ${levelName(read.level)}`);
  if (pending.court !== 'new-york') {
    return open(`${label}: a misdemeanour outside New York`, {
      path: `${path}.charge`,
      question: `${label}: is this misdemeanour comparable to PL 120.00, PL article 130, PL 265.01 (firearm or ammunition), PL 215.50 or VTL article 31? A legal reviewer must decide.`,
      decidedBy: 'legal-reviewer',
    });
  }
  if (!read.charge) return unreadable(path, charge.charge, read.unreadable);
  return listedMisdemeanour(pending, index, k, read.charge);
}

/**
 * (v) "Any individual who, if convicted, must be found by the court to be a youthful offender
 * ... shall not be deemed to be a defendant in a pending covered criminal case." Read per case,
 * and against (ii) as well as (i): (ii) deems the person "a defendant in a pending covered
 * criminal case", which (v) says such a person shall not be deemed.
 */
export function notMandatoryYouthfulOffender(pending: PendingCase, index: number): Judged {
  const path = `${pendingCasePath(index)}.mustBeYouthfulOffender`;
  const value = pending.mustBeYouthfulOffender;
  if (value === true) {
    return known(
      false,
      `${pendingCasePath(index)}: if convicted the court must find the person a youthful offender`,
    );
  }
  if (value === false)
    return known(true, `${pendingCasePath(index)}: youthful-offender treatment is not mandatory`);
  return open(`${path} is not recorded`, {
    path,
    question: `If convicted in ${pendingCasePath(index)}, must the court find the person a youthful offender (CPL 720.20(1)(b))?`,
    decidedBy: 'legal-reviewer',
  });
}

/** At least two of the cases charge a covered crime: (ii). */
function moreThanOneCase(cases: readonly Judged[], incomplete: readonly Judged[]): Judged {
  const charged = cases.filter((part) => part.value === true);
  if (charged.length >= 2) {
    return known(
      true,
      `the person is a defendant in ${charged.length} cases where a covered crime is charged and judgment has not been entered ((ii))`,
    );
  }
  const undecided = cases.filter((part) => part.value === UNKNOWN);
  if (charged.length + undecided.length >= 2 || incomplete.length > 0) {
    const parts = [...undecided, ...incomplete];
    const more =
      incomplete.length > 0 ? 'the search may not list every case' : `${undecided.length} more may`;
    return open(
      `under (ii), ${charged.length} pending case(s) certainly charge a covered crime and ${more}`,
      ...uniqueMissing(parts.flatMap((part) => part.missing)),
    );
  }
  return known(false, 'fewer than two pending cases charge a covered crime');
}

/**
 * "Pending covered criminal case" (§ 9-131(a)(7) as amended by LL22/2013; § 14-154(a)(6) as
 * added by LL21/2013), including the deeming rule for more than one case.
 */
export function defendantInPendingCoveredCriminalCase(spec: RecordTest): Condition {
  return derived({
    label: spec.label,
    cites: spec.cites,
    evaluate(ctx) {
      const facts: FactValue[] = [];
      const listed: Judged[] = [];
      const charged: Judged[] = [];
      ctx.case.record.pendingCases.forEach((pending, index) => {
        const path = pendingCasePath(index);
        pending.charges.forEach((charge, k) => {
          facts.push({ path: `${path}.charges[${k}].charge`, value: charge.charge });
        });
        const counts = gated(
          gated(openCriminalCase(pending, index), pendingSource(pending, index, spec.sources)),
          notMandatoryYouthfulOffender(pending, index),
        );
        const ks = pending.charges.map((_, k) => k);
        listed.push(
          gated(
            counts,
            either(
              ks.map((k) => listedCharge(pending, index, k)),
              `${path} has no charges`,
            ),
          ),
        );
        charged.push(
          gated(
            counts,
            either(
              ks.map((k) => coveredPendingCharge(pending, index, k)),
              `${path} has no charges`,
            ),
          ),
        );
      });
      const incomplete = whileIncomplete(ctx);
      const judged = either(
        [
          either([...listed, ...incomplete], 'no pending case has a listed charge'),
          moreThanOneCase(charged, incomplete),
        ],
        'no pending covered criminal case',
      );
      return finding(judged, facts);
    },
  });
}
