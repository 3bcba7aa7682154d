/**
 * The facts about a person that NYC's reporting subdivisions (§ 9-131(f), § 14-154(f),
 * § 9-205(f)) count by: convictions by level, a conviction for a violent or serious crime, the
 * database indications, removal orders and pending cases. Each is the law's own test (the one the
 * decisions use), run on the record as the desk holds it, with any source accepted: a report
 * counts what the agency knows, however it came to know it. Each is three-valued: a record that
 * cannot settle it says "unknown".
 * @module
 */
import { SOURCES, type Case } from '../../engine/case.js';
import type { OffenseLevel } from '../new-york/charge-code.js';
import { derived, testCondition, type Condition } from '../../engine/condition.js';
import { UNKNOWN, triAnd, triNot, triOr, type Tri } from '../../engine/tri.js';
import {
  admissibleConviction,
  convictedOfACrime,
  defendantInPendingCriminalCase,
  either,
  finding,
  gated,
  known,
  levelMissing,
  levelName,
  open,
  openCriminalCase,
  pendingCasePath,
  readCharge,
  whileIncomplete,
  type Judged,
  type ReadCharge,
} from './any-crime-conviction.js';
import {
  defendantInPendingCoveredCriminalCase,
  notMandatoryYouthfulOffender,
} from './covered-crime.js';
import { convictionPath } from './record-facts.js';
import { NYC_AGENCY } from './sources.js';
import { convictedOfViolentOrSeriousCrime } from './violent-or-serious-conviction.js';

/** The names the counts read the facts by. */
export const SUBJECT = Object.freeze({
  crimeConviction: 'crimeConviction',
  felonyConviction: 'felonyConviction',
  violentOrSeriousConviction: 'violentOrSeriousConviction',
  terroristScreeningMatch: 'terroristScreeningMatch',
  knownGangMember: 'knownGangMember',
  removalOrder: 'removalOrder',
  pendingCriminalCase: 'pendingCriminalCase',
  pendingFelony: 'pendingFelony',
  pendingCoveredCase: 'pendingCoveredCase',
} as const);

export type SubjectFact = keyof typeof SUBJECT;

const ANY_SOURCE = SOURCES;
const spec = (label: string) => ({ label, cites: [], sources: ANY_SOURCE });

/** "Misdemeanor or felony conviction" (§ 9-131(f)(3)–(5) as added by LL62/2011). */
const crimeConviction = convictedOfACrime(spec('Convicted of a misdemeanour or a felony'));

const felonyConviction = atLevel('felony', 'Convicted of a felony');

const violentOrSeriousConviction = convictedOfViolentOrSeriousCrime({
  ...spec('Convicted of a violent or serious crime within the look-back'),
  lookBack: 'five-years',
});

const pendingCriminalCase = defendantInPendingCriminalCase(
  spec('A defendant in a pending criminal case'),
);

/**
 * Charged with a felony in a pending covered criminal case: any felony makes a case covered
 * (§ 9-131(a)(7)(i) as amended by LL22/2013), unless the court must find the person a youthful
 * offender if convicted ((a)(7)(v)).
 */
const pendingFelony = chargedAtLevel('felony', 'Charged with a felony in a pending covered case');

const pendingCoveredCase = defendantInPendingCoveredCriminalCase(
  spec('A defendant in a pending covered criminal case'),
);

const value = (condition: Condition, input: Case, lawDate: string): Tri =>
  testCondition(condition, input, lawDate, NYC_AGENCY.timeZone).value;

const flag = (fact: Case['record']['terroristScreeningMatch']): Tri => fact?.value ?? UNKNOWN;

/** Every fact the NYC counts read, for one case on `lawDate` (the day the request came). */
export function nycSubjectFacts(input: Case, lawDate: string): Record<SubjectFact, Tri> {
  const { record } = input;
  return {
    crimeConviction: value(crimeConviction, input, lawDate),
    felonyConviction: value(felonyConviction, input, lawDate),
    violentOrSeriousConviction: value(violentOrSeriousConviction, input, lawDate),
    terroristScreeningMatch: flag(record.terroristScreeningMatch),
    knownGangMember: flag(record.knownGangMember),
    removalOrder: triOr(flag(record.warrantOfRemoval), flag(record.finalOrderOfRemoval)),
    pendingCriminalCase: value(pendingCriminalCase, input, lawDate),
    pendingFelony: value(pendingFelony, input, lawDate),
    pendingCoveredCase: value(pendingCoveredCase, input, lawDate),
  };
}

/** Charged solely with misdemeanours in a pending covered case: covered, and no felony. */
export function pendingCoveredMisdemeanorsOnly(facts: Readonly<Record<string, Tri>>): Tri {
  return triAnd(facts[SUBJECT.pendingCoveredCase]!, triNot(facts[SUBJECT.pendingFelony]!));
}

function atLevel(level: OffenseLevel, label: string): Condition {
  return derived({
    label,
    cites: [],
    evaluate(ctx) {
      const parts = ctx.case.record.convictions.map((conviction, index) => {
        const path = convictionPath(index);
        const read = readCharge(
          conviction.charge,
          conviction.level,
          conviction.court === 'new-york',
        );
        return gated(
          admissibleConviction(conviction, index, ANY_SOURCE),
          isLevel(path, conviction.charge, read, level),
        );
      });
      return finding(
        either([...parts, ...whileIncomplete(ctx)], 'no conviction at this level'),
        [],
      );
    },
  });
}

function chargedAtLevel(level: OffenseLevel, label: string): Condition {
  return derived({
    label,
    cites: [],
    evaluate(ctx) {
      const parts = ctx.case.record.pendingCases.map((pending, index) => {
        const path = pendingCasePath(index);
        const charges = pending.charges.map((charge, k) => {
          const read = readCharge(charge.charge, charge.level, pending.court === 'new-york');
          return isLevel(`${path}.charges[${k}]`, charge.charge, read, level);
        });
        const covered = gated(
          openCriminalCase(pending, index),
          notMandatoryYouthfulOffender(pending, index),
        );
        return gated(covered, either(charges, `${path} has no charges`));
      });
      return finding(
        either([...parts, ...whileIncomplete(ctx)], 'no pending case at this level'),
        [],
      );
    },
  });
}

function isLevel(path: string, raw: string, read: ReadCharge, wanted: OffenseLevel): Judged {
  if (read.level === undefined) {
    return open(`${path}: its level is not recorded`, levelMissing(path, raw, read));
  }
  return known(read.level === wanted, `${path} (${raw}) is ${levelName(read.level)}`);
}
