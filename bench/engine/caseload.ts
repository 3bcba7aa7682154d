/**
 * A seeded synthetic caseload for the engine benchmark: NYC Department of Correction detainers
 * with otherwise-release dates from 2012 to 2026, so every version of § 9-131 decides some of
 * them (the federal baseline before 2012-03-21, LL62/2011, LL22/2013, LL58/2014, and the later
 * definitions and court rulings that come with them).
 *
 * The people are synthetic: no names, made-up identifiers, random dates. The mix follows the
 * published figures where there are any:
 * - about half of the people have no conviction (TRAC: about half of detainer subjects have
 *   none);
 * - a judicial warrant comes with about 3% of detainers (NYPD FY2016: 2 of 80);
 * - charges are a mix of listed and unlisted New York crimes written the ways records write them
 *   ("PL 120.10 B", "120.05 02 D", "PL 1200502", "PL 110/160.15 C", "VTL 600.2(c)");
 * - judgment dates cluster around the five-year edge of the LL58 look-back, some with time
 *   incarcerated that extends it;
 * - a few facts are left unrecorded, so some decisions need information.
 *
 * Every case also carries the three facts the LL58 hold rule turns on, worked out by this file
 * from what it generated (an oracle independent of the engine), and the hold outcome LL58 gives.
 * The comparison engines get those facts ready-made; the benchmark checks that Detainer Desk,
 * Zen and json-rules-engine agree with the oracle and with each other.
 * @module
 */
import type { CaseInput } from '../../src/index.js';

/** First day of LL58/2014's § 9-131(b) (30 days after enactment on 2014-11-14). */
export const LL58_IN_FORCE = '2014-12-14';

/** A three-valued fact as the flat comparison engines see it: `null` is "not recorded". */
export type FlatTri = boolean | null;

/** The facts the LL58 hold rule turns on, already derived from the case. */
export interface FlatFacts {
  /** A judicial warrant (Article III or magistrate judge, probable cause) came with the detainer. */
  judicialWarrantWithDetainer: FlatTri;
  /** A listed New York conviction (or reviewed equivalent) within the extended five years. */
  vscWithinLookBack: FlatTri;
  /** A search or notice shows a possible terrorist-screening-database match. */
  tsdbMatch: FlatTri;
}

export type HoldStatus = 'allowed' | 'not-allowed' | 'needs-information';

export interface SyntheticCase {
  input: CaseInput;
  facts: FlatFacts;
  /** The hold is decided under LL58/2014 (otherwise-release on or after 2014-12-14). */
  ll58Era: boolean;
  /** The hold outcome under LL58/2014, by three-valued logic over `facts`. */
  expectedHold: HoldStatus;
}

/** Mulberry32: a small, fast, seeded PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Calendar days as integers (days since 1970-01-01), with their strings interned.

const DAY_MS = 86_400_000;
/** Interned date strings and calendar parts, by day number from 1940 to 2039. */
const FIRST_DAY = -10_957; // 1940-01-01
const LAST_DAY = 25_202; // 2038-12-31
const dayStrings: string[] = [];
const dayParts: Int32Array = new Int32Array((LAST_DAY - FIRST_DAY + 1) * 3);

function dayNumber(date: string): number {
  return Math.round(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
      DAY_MS,
  );
}

function checkDay(day: number): number {
  if (day < FIRST_DAY || day > LAST_DAY) throw new RangeError(`day ${day} is outside 1940-2038`);
  return day - FIRST_DAY;
}

function dateOf(day: number): string {
  const slot = checkDay(day);
  let text = dayStrings[slot];
  if (text === undefined) {
    const date = new Date(day * DAY_MS);
    text = date.toISOString().slice(0, 10);
    dayStrings[slot] = text;
    dayParts[slot * 3] = date.getUTCFullYear();
    dayParts[slot * 3 + 1] = date.getUTCMonth() + 1;
    dayParts[slot * 3 + 2] = date.getUTCDate();
  }
  return text;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same calendar day `years` later or earlier; 29 February becomes 28 February. */
function addYearsDay(day: number, years: number): number {
  dateOf(day);
  const slot = (day - FIRST_DAY) * 3;
  const year = dayParts[slot]! + years;
  const month = dayParts[slot + 1]!;
  let dom = dayParts[slot + 2]!;
  if (dom > 28) dom = Math.min(dom, daysInMonth(year, month));
  return Math.round(Date.UTC(year, month - 1, dom) / DAY_MS);
}

const dstByYear = new Map<number, readonly [number, number]>();

/** US daylight time since 2007: second Sunday of March to first Sunday of November. */
function newYorkOffset(day: number): string {
  dateOf(day);
  const year = dayParts[(day - FIRST_DAY) * 3]!;
  let dst = dstByYear.get(year);
  if (dst === undefined) {
    const march1 = Math.round(Date.UTC(year, 2, 1) / DAY_MS);
    const nov1 = Math.round(Date.UTC(year, 10, 1) / DAY_MS);
    // 1970-01-01 was a Thursday: (day + 4) % 7 is the weekday, 0 = Sunday.
    dst = [march1 + ((7 - ((march1 + 4) % 7)) % 7) + 7, nov1 + ((7 - ((nov1 + 4) % 7)) % 7)];
    dstByYear.set(year, dst);
  }
  return day >= dst[0] && day < dst[1] ? '-04:00' : '-05:00';
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

/** A local New York time between 03:00 and 23:59, away from the 02:00 DST switch. */
function instant(day: number, hour: number, minute: number): string {
  return `${dateOf(day)}T${TWO_DIGITS[hour]!}:${TWO_DIGITS[minute]!}:00${newYorkOffset(day)}`;
}

// ---------------------------------------------------------------------------------------------
// Charges: how records write them, and whether § 9-131(a)(7) lists them.

type Level = 'felony' | 'misdemeanor' | 'violation';
/** 'unknown': the list cannot decide from what the record says (level, subdivision, unreadable). */
type Listing = 'listed' | 'not-listed' | 'unknown';

interface ChargeSpec {
  charge: string;
  /** The level of the judgment, when the record gives it apart from the code. */
  level?: Level;
  listing: Listing;
  weight: number;
}

/**
 * Listed: in § 9-131(a)(7) at a felony level, under a listed subdivision. Weights put listed
 * charges at about a fifth of New York convictions and undecidable ones at about a twentieth.
 */
const CHARGES: readonly ChargeSpec[] = [
  // Listed (i), (iii), (iv).
  { charge: 'PL 120.10 B', level: 'felony', listing: 'listed', weight: 3 }, // assault 1
  { charge: '120.05 02 D', listing: 'listed', weight: 4 }, // assault 2, DCJS spacing
  { charge: 'PL 1200502', level: 'felony', listing: 'listed', weight: 3 }, // assault 2, compact
  { charge: 'PL 110/160.15 C', listing: 'listed', weight: 2 }, // attempted robbery 1
  { charge: 'VTL 600.2(c)', level: 'felony', listing: 'listed', weight: 1 }, // leaving the scene
  { charge: 'PL 160.10 C', listing: 'listed', weight: 3 }, // robbery 2
  { charge: 'PL 160.05 D', listing: 'listed', weight: 2 }, // robbery 3
  { charge: 'PL 140.25(2) C', listing: 'listed', weight: 2 }, // burglary 2
  { charge: 'PL 265.03(3) C', listing: 'listed', weight: 2 }, // weapon 2
  { charge: 'PL 265.02(3) D', listing: 'listed', weight: 1 }, // weapon 3, listed subdivision
  { charge: 'PL 130.35 B', level: 'felony', listing: 'listed', weight: 1 }, // rape 1
  { charge: 'PL 220.18(1) A-II', listing: 'listed', weight: 1 }, // drug possession 2
  { charge: 'PL 121.12 D', listing: 'listed', weight: 1 }, // strangulation 2
  { charge: 'ATT PL 120.05(2) E', listing: 'listed', weight: 1 }, // attempted assault 2
  // Not listed: unlisted felonies, excluded subdivisions, misdemeanours, violations.
  { charge: 'PL 155.35 D', listing: 'not-listed', weight: 6 }, // grand larceny 3
  { charge: 'PL 140.20 D', listing: 'not-listed', weight: 4 }, // burglary 3
  { charge: 'PL 220.39 B', level: 'felony', listing: 'not-listed', weight: 5 }, // drug sale 3
  { charge: 'PL 165.50 E', listing: 'not-listed', weight: 3 }, // stolen property 3
  { charge: 'PL 170.25 D', listing: 'not-listed', weight: 2 }, // forgery possession 2
  { charge: 'PL 265.02(1) D', listing: 'not-listed', weight: 2 }, // weapon 3, excluded subd. 1
  { charge: 'PL 1200001', level: 'misdemeanor', listing: 'not-listed', weight: 6 }, // assault 3
  { charge: 'PL 155.25 AM', listing: 'not-listed', weight: 10 }, // petit larceny
  { charge: 'PL 221.10 BM', listing: 'not-listed', weight: 5 }, // marijuana 5
  { charge: '220.03 00 AM', listing: 'not-listed', weight: 8 }, // drug possession 7
  { charge: 'PL 265.01(1) AM', listing: 'not-listed', weight: 3 }, // weapon 4
  { charge: 'PL 240.26 V', listing: 'not-listed', weight: 4 }, // harassment 2
  { charge: 'VTL 1192.3', level: 'misdemeanor', listing: 'not-listed', weight: 6 }, // DWI
  { charge: 'VTL 511.1(a)', level: 'misdemeanor', listing: 'not-listed', weight: 4 }, // AUO 3
  { charge: 'VTL 600.2(a)', level: 'misdemeanor', listing: 'not-listed', weight: 1 }, // scene, misd.
  // Unknown: the record does not say enough for the list to decide.
  { charge: 'PL 120.10 B', listing: 'unknown', weight: 1 }, // B: felony or misdemeanour?
  { charge: 'PL 265.02 D', listing: 'unknown', weight: 1 }, // which subdivision?
  { charge: 'PL 230.34-a B', level: 'felony', listing: 'unknown', weight: 0.3 }, // 2019 rule
  { charge: 'LARC 3RD DEG', listing: 'unknown', weight: 0.3 }, // unreadable code
];

const CHARGE_TOTAL = CHARGES.reduce((sum, spec) => sum + spec.weight, 0);

function pickCharge(random: () => number): ChargeSpec {
  let target = random() * CHARGE_TOTAL;
  for (const spec of CHARGES) {
    target -= spec.weight;
    if (target < 0) return spec;
  }
  return CHARGES[CHARGES.length - 1]!;
}

/** The charge table, so a test can check each row against the engine's own classifier. */
export const CHARGE_TABLE: readonly Readonly<ChargeSpec>[] = CHARGES;

// ---------------------------------------------------------------------------------------------
// One case.

type ConvictionInput = NonNullable<NonNullable<CaseInput['record']>['convictions']>[number];
type Source = ConvictionInput['source'];

interface OracleConviction {
  /** Listed, with a source § 9-131(b)(1)(ii) accepts. */
  listed: boolean;
  /** Undecidable: unknown listing, disposition or court, or a listed one from another source. */
  unknown: boolean;
  judgment: number | undefined;
  /** Incarceration periods as [first day, last day], absent when not recorded. */
  periods: [number, number | undefined][] | undefined;
}

const ACCEPTED: ReadonlySet<Source> = new Set<Source>([
  'e-justice-ny',
  'court',
  'government-entity',
  'federal-immigration-authorities',
]);

const FIRST_RELEASE = dayNumber('2012-01-01');
const LAST_RELEASE = dayNumber('2026-12-31');
const LL58_DAY = dayNumber(LL58_IN_FORCE);
const FORM_D_FROM = dayNumber('2015-06-01');
const FORM_A_FROM = dayNumber('2017-04-02');

class CaseMaker {
  private readonly random: () => number;
  private readonly caseIdPrefix: string;

  constructor(seed: number) {
    this.random = mulberry32(seed);
    this.caseIdPrefix = `SYN-${seed.toString(16)}-`;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  next(index: number): SyntheticCase {
    const r = this.random;
    const release = this.int(FIRST_RELEASE, LAST_RELEASE);
    const releaseHour = this.int(6, 22);
    const releaseAt = instant(release, releaseHour, this.int(0, 59));
    const decisionAt = this.chance(0.3)
      ? instant(release - 1, this.int(8, 23), this.int(0, 59))
      : instant(release, this.int(3, releaseHour - 1), this.int(0, 59));
    const u = r();
    const stay =
      u < 0.3
        ? this.int(1, 7)
        : u < 0.7
          ? this.int(8, 90)
          : u < 0.95
            ? this.int(91, 365)
            : this.int(366, 1100);
    const arrest = release - stay;

    // The request.
    const form = release < FORM_D_FROM ? 'I-247' : release < FORM_A_FROM ? 'I-247D' : 'I-247A';
    const request: CaseInput['request'] = { kind: 'detainer', form, requester: 'ice' };
    if (form === 'I-247A' && this.chance(0.6)) request.administrativeWarrants = ['I-200'];
    if (this.chance(0.9)) request.receivedAt = instant(arrest + this.int(0, stay), 12, 0);
    let warrant: FlatTri;
    const w = r();
    if (w < 0.03) {
      request.judicialWarrant = {
        presented: true,
        withDetainer: true,
        issuer: this.chance(0.7) ? 'federal-magistrate-judge' : 'article-iii-judge',
        probableCause: true,
      };
      warrant = true;
    } else if (w < 0.035) {
      // Presented later, not with the detainer: fails § 9-131(b)(1)(i).
      request.judicialWarrant = {
        presented: true,
        withDetainer: false,
        issuer: 'federal-magistrate-judge',
        probableCause: true,
      };
      warrant = false;
    } else if (w < 0.055) {
      warrant = null; // not recorded
    } else {
      request.judicialWarrant = { presented: false, issuer: 'unknown' };
      warrant = false;
    }

    // The record.
    const searchCompleted = this.chance(0.99) ? true : this.chance(0.5) ? 'unknown' : false;
    const convictions: ConvictionInput[] = [];
    const oracle: OracleConviction[] = [];
    if (this.chance(0.5)) {
      const v = r();
      const count = v < 0.45 ? 1 : v < 0.7 ? 2 : v < 0.85 ? 3 : this.int(4, 6);
      for (let k = 0; k < count; k++) this.conviction(arrest, convictions, oracle);
    }
    const flag = (p: number) => ({
      value: this.chance(p),
      source: 'e-justice-ny' as const,
    });
    const tsdbRoll = r();
    const record: NonNullable<CaseInput['record']> = {
      searchCompleted,
      searchedAt: instant(release, 3, this.int(0, 59)),
      convictions,
      pendingCases: this.chance(0.3)
        ? [
            {
              court: 'new-york',
              charges: [{ charge: pickCharge(r).charge }],
              source: 'e-justice-ny',
            },
          ]
        : [],
      criminalWarrant: flag(0.05),
      knownGangMember: flag(0.02),
      warrantOfRemoval: flag(0.03),
      finalOrderOfRemoval: flag(0.08),
      reenteredAfterRemoval: flag(0.04),
    };
    let tsdb: FlatTri;
    if (tsdbRoll < 0.002) {
      record.terroristScreeningMatch = { value: true, source: 'e-justice-ny' };
      tsdb = true;
    } else if (tsdbRoll < 0.032) {
      tsdb = null; // not recorded
    } else {
      record.terroristScreeningMatch = { value: false, source: 'e-justice-ny' };
      tsdb = false;
    }

    const input: CaseInput = {
      caseId: `${this.caseIdPrefix}${index}`,
      jurisdiction: 'nyc-doc',
      decisionAt,
      otherwiseReleaseAt: releaseAt,
      instantArrestDate: dateOf(arrest),
      request,
      record,
    };
    const facts: FlatFacts = {
      judicialWarrantWithDetainer: warrant,
      vscWithinLookBack: lookBack(oracle, arrest, searchCompleted === true),
      tsdbMatch: tsdb,
    };
    return { input, facts, ll58Era: release >= LL58_DAY, expectedHold: ll58Hold(facts) };
  }

  private conviction(arrest: number, into: ConvictionInput[], oracle: OracleConviction[]): void {
    const r = this.random;
    const spec = pickCharge(r);
    const d = r();
    let disposition: ConvictionInput['disposition'] = 'conviction';
    let court: ConvictionInput['court'] = 'new-york';
    let listing: Listing = spec.listing;
    let equivalence: ConvictionInput['equivalence'];
    let charge = spec.charge;
    let level: Level | undefined = spec.level;
    if (d < 0.03) {
      disposition = 'youthful-offender';
      listing = 'not-listed';
    } else if (d < 0.035) {
      disposition = 'unknown';
      listing = 'unknown';
    } else if (d < 0.05) {
      court = 'other-state';
      charge = 'N.J.S.A. 2C:15-1';
      level = undefined;
      const e = r();
      if (e < 0.4) {
        equivalence = {
          newYorkCharge: 'PL 160.10',
          predicateFelony: true,
          decidedBy: 'Synthetic Reviewer',
          decidedOn: '2020-01-15',
        };
        listing = 'listed';
      } else if (e < 0.7) {
        equivalence = {
          newYorkCharge: 'PL 155.35',
          predicateFelony: false,
          decidedBy: 'Synthetic Reviewer',
          decidedOn: '2020-01-15',
        };
        listing = 'not-listed';
      } else {
        listing = 'unknown';
      }
    } else if (d < 0.06) {
      court = 'federal';
      charge = '18 U.S.C. 2113(a)';
      level = undefined;
      listing = 'unknown';
    }
    const s = r();
    const source: Source = s < 0.97 ? 'e-justice-ny' : s < 0.99 ? 'court' : 'agency-records';

    // Judgment dates, clustered at the five-year edge.
    const edge = addYearsDay(arrest, -5);
    const j = r();
    let judgment: number | undefined;
    if (j < 0.03) judgment = undefined;
    else if (j < 0.04)
      judgment = arrest + this.int(1, 60); // judgment on a later date
    else if (j < 0.34) judgment = arrest - this.int(20, 1800);
    else if (j < 0.54) judgment = edge + this.int(-15, 15);
    else judgment = edge - this.int(16, 5500);

    // Incarceration: unrecorded for a few, none for most, sometimes long enough to matter.
    let incarceration: ConvictionInput['incarceration'];
    let periods: OracleConviction['periods'];
    const i = r();
    if (i < 0.05) {
      incarceration = undefined;
      periods = undefined;
    } else if (i < 0.7 || judgment === undefined || judgment > arrest) {
      incarceration = [];
      periods = [];
    } else {
      const from = judgment - this.int(0, 30);
      const length = this.int(20, 3000);
      const stillIn = this.chance(0.02);
      const to = stillIn ? undefined : from + length;
      incarceration = [
        to === undefined ? { from: dateOf(from) } : { from: dateOf(from), to: dateOf(to) },
      ];
      periods = [[from, to]];
      if (this.chance(0.2) && to !== undefined) {
        // A second, sometimes overlapping, period.
        const from2 = to - this.int(-400, 60);
        const to2 = from2 + this.int(10, 700);
        incarceration.push({ from: dateOf(from2), to: dateOf(to2) });
        periods.push([from2, to2]);
      }
    }

    const entry: ConvictionInput = {
      charge,
      court,
      disposition,
      source,
      ...(level === undefined ? {} : { level }),
      ...(judgment === undefined ? {} : { judgmentDate: dateOf(judgment) }),
      ...(incarceration === undefined ? {} : { incarceration }),
      ...(equivalence === undefined ? {} : { equivalence }),
      ...(court === 'other-state' ? { courtState: 'NJ' } : {}),
    };
    into.push(entry);
    const accepted = ACCEPTED.has(source);
    oracle.push({
      listed: listing === 'listed' && accepted,
      unknown: listing === 'unknown' || (listing === 'listed' && !accepted),
      judgment,
      periods,
    });
  }
}

/**
 * § 9-131(a)(2)(ii) as the oracle reads it: a listed judgment counts when it was entered after
 * the day five years before the arrest, that day moved back by the days incarcerated for listed
 * crimes before the arrest (overlaps once). A judgment exactly five years before is outside.
 */
function lookBack(
  convictions: readonly OracleConviction[],
  arrest: number,
  complete: boolean,
): FlatTri {
  const listed = convictions.filter((c) => c.listed);
  let unknown = convictions.some((c) => c.unknown) || !complete;
  if (listed.length > 0) {
    const extension = extensionDays(listed, arrest);
    const plainStart = addYearsDay(arrest, -5);
    const start = extension === undefined ? plainStart : plainStart - extension;
    for (const c of listed) {
      if (c.judgment === undefined || c.judgment > arrest) {
        unknown = true;
        continue;
      }
      if (c.judgment > start) return true;
      if (extension === undefined) unknown = true;
    }
  }
  return unknown ? null : false;
}

function extensionDays(listed: readonly OracleConviction[], arrest: number): number | undefined {
  const intervals: [number, number][] = [];
  for (const c of listed) {
    if (c.periods === undefined) return undefined;
    for (const [from, to] of c.periods) {
      const last = to === undefined || to >= arrest ? arrest - 1 : to;
      if (from <= last) intervals.push([from, last + 1]);
    }
  }
  intervals.sort((a, b) => a[0] - b[0]);
  let days = 0;
  let current: [number, number] | undefined;
  for (const [from, end] of intervals) {
    if (current && from <= current[1]) {
      current[1] = Math.max(current[1], end);
      continue;
    }
    if (current) days += current[1] - current[0];
    current = [from, end];
  }
  if (current) days += current[1] - current[0];
  return days;
}

/** § 9-131(b)(1) (LL58/2014) in Kleene logic: warrant AND (conviction OR watch list). */
export function ll58Hold(facts: FlatFacts): HoldStatus {
  const either =
    facts.vscWithinLookBack === true || facts.tsdbMatch === true
      ? true
      : facts.vscWithinLookBack === false && facts.tsdbMatch === false
        ? false
        : null;
  const warrant = facts.judicialWarrantWithDetainer;
  if (warrant === false || either === false) return 'not-allowed';
  if (warrant === true && either === true) return 'allowed';
  return 'needs-information';
}

/** `count` synthetic cases, the same ones for the same seed. */
export function* generateCaseload(count: number, seed = 58_2014): Generator<SyntheticCase> {
  const maker = new CaseMaker(seed);
  for (let index = 0; index < count; index++) yield maker.next(index);
}
