/**
 * The demo caseload: synthetic detainer requests that reproduce the published NYC figures
 * (calibration.ts) and a few dozen open cases on the desk as of `now`. Pure and seeded: the same
 * seed and `now` give the same caseload.
 *
 * Each case is honored only where the law in force then allows it: the honored requests come
 * with a federal judicial warrant and a New York conviction for a listed violent or serious crime
 * within five years (§ 9-131(b) / § 14-154(b)(1) as amended by LL58/LL59 of 2014). Every other
 * historical request has no judicial warrant, and NYPD subjects with a listed conviction are not
 * shown to have re-entered after removal, so § 14-154(b)(2) allows no warrantless hold either.
 * @module
 */
import { Faker, base, en, en_US } from '@faker-js/faker';
import { DateTime } from 'luxon';
import type { ReleaseKind } from '../desk/case-lifecycle.js';
import type { OverrideEntry } from '../desk/effective-outcomes.js';
import type { InformationAnswer, InformationRequest } from '../desk/information-request.js';
import type { IntakeInput } from '../desk/intake.js';
import { NO_CONVICTION_SHARE, PERIODS, type PeriodMargins } from './calibration.js';
import { PeopleFactory } from './demo-people.js';
import {
  LISTED_FELONIES,
  MIN_AGE,
  MISDEMEANORS,
  UNLISTED_FELONIES,
  criminalHistory,
  type RecordKind,
} from './demo-records.js';

const ZONE = 'America/New_York';
/** DHS replaced forms I-247D, I-247N and I-247X with the I-247A on this day. */
const I_247A_FROM = DateTime.fromISO('2017-04-02', { zone: ZONE });

export type DemoStep =
  | { kind: 'intake'; at: string }
  | { kind: 'decide'; at: string }
  | { kind: 'confirm'; at: string }
  | { kind: 'propose-override'; at: string; outcomes: OverrideEntry[]; reason: string }
  | { kind: 'start-hold'; at: string }
  | { kind: 'notify-ice'; at: string }
  | { kind: 'release'; at: string; release: ReleaseKind; reason?: string }
  | { kind: 'cancel'; at: string; reason: string }
  | {
      kind: 'information-request';
      at: string;
      request: InformationRequest;
      answer?: InformationAnswer;
    };

export interface DemoCase {
  /** Stable within a caseload: the period and the case's place in it. */
  readonly ref: string;
  readonly period: PeriodMargins['key'] | 'current';
  readonly intake: IntakeInput;
  /** In order of time; the first step is always the intake. */
  readonly timeline: readonly DemoStep[];
}

export interface DemoOptions {
  seed: number;
  /** The instant the demo desk opens on: open cases were received in the days before it. */
  now: string;
}

interface Honor {
  hold: boolean;
  notify: boolean;
  transfer: boolean;
}

interface Plan {
  kind: RecordKind;
  honor?: Honor;
}

export function generateDemoCaseload({ seed, now }: DemoOptions): DemoCase[] {
  const opening = DateTime.fromISO(now, { setZone: true });
  if (!opening.isValid) throw new RangeError(`not an ISO instant: ${now}`);
  const rng = new Faker({ locale: [en_US, en, base] });
  rng.seed(seed);
  const people = new PeopleFactory(rng, seed);
  const cases = PERIODS.flatMap((margins) => periodCases(rng, people, margins));
  const lastStep = cases.flatMap((demo) => demo.timeline).reduce(latest, '');
  if (Date.parse(lastStep) > opening.toMillis()) {
    throw new RangeError(`the demo's historical cases run to ${lastStep}: now must be later`);
  }
  return [...cases, ...currentCases(rng, people, opening.setZone(ZONE))];
}

const latest = (max: string, step: DemoStep) =>
  max === '' || Date.parse(step.at) > Date.parse(max) ? step.at : max;

// ---------------------------------------------------------------------------------------------
// The published periods.

/** Shares of the convicted half, by kind of record. */
const CONVICTED_MIX: readonly [RecordKind, number][] = [
  ['misdemeanors', 0.42],
  ['unlisted-felony', 0.22],
  ['listed-recent', 0.12],
  ['listed-old', 0.1],
  ['out-of-state', 0.14],
];
/** Of those with no conviction, the share with a youthful-offender adjudication. */
const YOUTHFUL_OFFENDER_SHARE = 0.08;

function plansFor(rng: Faker, margins: PeriodMargins): Plan[] {
  const { received, judicialWarrants, held, notified, transferredToIce } = margins;
  const honored = judicialWarrants.value;
  if ([held, notified, transferredToIce].some((figure) => figure.value > honored)) {
    throw new RangeError(`${margins.key}: every honored request needs a judicial warrant`);
  }
  const plans: Plan[] = Array.from({ length: honored }, (_, index) => ({
    kind: 'listed-recent',
    honor: {
      hold: index < held.value,
      notify: index < notified.value,
      transfer: index < transferredToIce.value,
    },
  }));
  const none = Math.round(received.value * NO_CONVICTION_SHARE.value);
  const youthful = Math.round(none * YOUTHFUL_OFFENDER_SHARE);
  const counts = allocate(received.value - none - honored, CONVICTED_MIX);
  const kinds: RecordKind[] = [
    ...repeat<RecordKind>('none', none - youthful),
    ...repeat<RecordKind>('youthful-offender-only', youthful),
    ...CONVICTED_MIX.flatMap(([kind], index) => repeat(kind, counts[index]!)),
  ];
  return rng.helpers.shuffle([...plans, ...kinds.map((kind) => ({ kind }))]);
}

const repeat = <T>(value: T, count: number): T[] => Array.from({ length: count }, () => value);

/** Splits `total` by the shares, largest remainders first, so the parts add up exactly. */
function allocate(total: number, shares: readonly [unknown, number][]): number[] {
  const exact = shares.map(([, share]) => total * share);
  const parts = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  let left = total - parts.reduce((sum, part) => sum + part, 0);
  for (const { index } of order) {
    if (left === 0) break;
    parts[index]! += 1;
    left -= 1;
  }
  return parts;
}

function periodCases(rng: Faker, people: PeopleFactory, margins: PeriodMargins): DemoCase[] {
  const from = DateTime.fromISO(margins.from, { zone: ZONE });
  const days = Math.round(DateTime.fromISO(margins.to, { zone: ZONE }).diff(from, 'days').days);
  const receipts = Array.from({ length: margins.received.value }, () => {
    const day = from.plus({ days: rng.number.int({ min: 0, max: days - 1 }) });
    const office = margins.jurisdiction === 'nyc-doc';
    return day.set({
      hour: office ? rng.number.int({ min: 8, max: 17 }) : rng.number.int({ min: 0, max: 23 }),
      minute: rng.number.int({ min: 0, max: 59 }),
    });
  }).sort((a, b) => a.toMillis() - b.toMillis());
  const periodEnd = DateTime.fromISO(margins.to, { zone: ZONE });
  const plans = settleInPeriod(plansFor(rng, margins), receipts, periodEnd);
  return receipts.map((receivedAt, index) => {
    const plan = plans[index]!;
    const ref = `${margins.key}-${String(index + 1).padStart(4, '0')}`;
    return margins.jurisdiction === 'nyc-nypd'
      ? nypdCase(rng, people, ref, margins.key, receivedAt, plan)
      : docCase(rng, people, ref, margins.key, receivedAt, plan, periodEnd);
  });
}

/** Days before a period's end by which an honored request is received, so it closes in it. */
const HONORED_BY = 10;

/**
 * The reports count a hold or transfer in the period it happens, and the published figures count
 * them in the period of the request: an honored request received in the period's last days trades
 * places with an earlier request that is not honored, so both counts agree.
 */
function settleInPeriod(plans: Plan[], receipts: readonly DateTime[], periodEnd: DateTime) {
  const latestReceipt = periodEnd.minus({ days: HONORED_BY });
  const settled = [...plans];
  for (let late = 0; late < settled.length; late++) {
    if (settled[late]!.honor === undefined || receipts[late]! < latestReceipt) continue;
    const early = settled.findIndex(
      (plan, index) => plan.honor === undefined && receipts[index]! < latestReceipt,
    );
    if (early < 0) throw new RangeError('no early request to trade an honored one with');
    [settled[early], settled[late]] = [settled[late]!, settled[early]!];
  }
  return settled;
}

const BOROUGHS = [
  { letter: 'M', facility: 'Manhattan Central Booking', weight: 24 },
  { letter: 'K', facility: 'Brooklyn Central Booking', weight: 30 },
  { letter: 'Q', facility: 'Queens Central Booking', weight: 24 },
  { letter: 'B', facility: 'Bronx Central Booking', weight: 18 },
  { letter: 'S', facility: 'Staten Island Central Booking', weight: 4 },
];

const DOC_FACILITIES = [
  'Anna M. Kross Center',
  'George R. Vierno Center',
  'Otis Bantum Correctional Center',
  'Robert N. Davoren Center',
  'Eric M. Taylor Center',
  'Vernon C. Bain Center',
  'Manhattan Detention Complex',
];

const iso = (instant: DateTime) => instant.toISO({ suppressMilliseconds: true })!;
const minutes = (rng: Faker, min: number, max: number) => ({
  minutes: rng.number.int({ min, max }),
});

function nypdCase(
  rng: Faker,
  people: PeopleFactory,
  ref: string,
  period: DemoCase['period'],
  receivedAt: DateTime,
  plan: Plan,
): DemoCase {
  const arrest = receivedAt.minus(minutes(rng, 90, 14 * 60));
  const intakeAt = receivedAt.plus(minutes(rng, 5, 40));
  const decideAt = intakeAt.plus(minutes(rng, 10, 90));
  const confirmAt = decideAt.plus(minutes(rng, 15, 150));
  const releaseAt = confirmAt.plus(minutes(rng, 2 * 60, 20 * 60));
  const borough = rng.helpers.weightedArrayElement(
    BOROUGHS.map((entry) => ({ weight: entry.weight, value: entry })),
  );
  const listed = plan.kind === 'listed-recent' || plan.kind === 'listed-old';
  const intake = intakeFor(rng, people, {
    jurisdiction: 'nyc-nypd',
    kind: plan.kind,
    arrest,
    receivedAt,
    searchedAt: decideAt.minus(minutes(rng, 2, 9)),
    expectedReleaseAt: releaseAt,
    facility: borough.facility,
    bookingNumber: people.nypdArrestNumber(borough.letter, arrest.year),
    warrant: plan.honor !== undefined,
    // Re-entry only matters with a listed conviction (§ 14-154(b)(2)); see the module comment.
    reentered: listed || plan.kind === 'out-of-state' ? false : rng.number.float() < 0.15,
  });
  const steps: DemoStep[] = [{ kind: 'intake', at: iso(intakeAt) }];
  if (plan.honor === undefined) {
    steps.push(...declined(rng, decideAt, confirmAt, releaseAt));
  } else {
    const transferAt = releaseAt.plus(minutes(rng, 3 * 60, 20 * 60));
    steps.push({ kind: 'decide', at: iso(decideAt) }, { kind: 'confirm', at: iso(confirmAt) });
    if (plan.honor.hold) steps.push({ kind: 'start-hold', at: iso(releaseAt) });
    if (plan.honor.notify) {
      steps.push({ kind: 'notify-ice', at: iso(releaseAt.plus(minutes(rng, 5, 30))) });
    }
    steps.push(
      plan.honor.transfer
        ? { kind: 'release', at: iso(transferAt), release: 'transferred-to-ice' }
        : { kind: 'release', at: iso(transferAt), release: 'ice-did-not-come' },
    );
  }
  return { ref, period, intake, timeline: steps };
}

function docCase(
  rng: Faker,
  people: PeopleFactory,
  ref: string,
  period: DemoCase['period'],
  receivedAt: DateTime,
  plan: Plan,
  periodEnd: DateTime,
): DemoCase {
  const arrest = receivedAt.minus({ days: rng.number.int({ min: 3, max: 200 }) }).startOf('day');
  const intakeAt = receivedAt.plus(minutes(rng, 10, 120));
  const decideAt = intakeAt.plus(minutes(rng, 30, 20 * 60));
  const confirmAt = decideAt.plus(minutes(rng, 60, 24 * 60));
  const drawn = confirmAt.plus({ days: rng.number.int({ min: 4, max: 120 }) }).set({
    hour: rng.number.int({ min: 9, max: 19 }),
    minute: rng.number.int({ min: 0, max: 59 }),
  });
  // An honored request is seen through within its period (see settleInPeriod).
  const lastDay = periodEnd.minus({ days: 2 });
  const releaseAt =
    plan.honor !== undefined && drawn > lastDay
      ? lastDay.set({ hour: drawn.hour, minute: drawn.minute })
      : drawn;
  const intake = intakeFor(rng, people, {
    jurisdiction: 'nyc-doc',
    kind: plan.kind,
    arrest,
    receivedAt,
    searchedAt: decideAt.minus(minutes(rng, 2, 30)),
    expectedReleaseAt: releaseAt,
    facility: rng.helpers.arrayElement(DOC_FACILITIES),
    bookingNumber: people.docBookAndCase(),
    warrant: plan.honor !== undefined,
  });
  const steps: DemoStep[] = [{ kind: 'intake', at: iso(intakeAt) }];
  if (plan.honor === undefined) {
    steps.push(...declined(rng, decideAt, confirmAt, releaseAt));
  } else {
    steps.push({ kind: 'decide', at: iso(decideAt) }, { kind: 'confirm', at: iso(confirmAt) });
    if (plan.honor.notify) {
      const noticeAt = releaseAt.minus({ days: rng.number.int({ min: 1, max: 3 }) });
      steps.push({ kind: 'notify-ice', at: iso(noticeAt.set({ hour: 10 })) });
    }
    if (plan.honor.hold) steps.push({ kind: 'start-hold', at: iso(releaseAt) });
    steps.push({
      kind: 'release',
      at: iso(releaseAt.plus(minutes(rng, 0, 90))),
      release: plan.honor.transfer ? 'transferred-to-ice' : 'released',
    });
  }
  return { ref, period, intake, timeline: steps };
}

const NO_WARRANT = 'No judicial warrant was presented, so the law does not allow honoring it.';

/** A request the law does not allow honoring: how the desk saw it through. */
function declined(
  rng: Faker,
  decideAt: DateTime,
  confirmAt: DateTime,
  releaseAt: DateTime,
): DemoStep[] {
  const draw = rng.number.float();
  if (draw < 0.04) {
    return [
      {
        kind: 'release',
        at: iso(decideAt),
        release: 'released-despite-detainer',
        reason: 'Released by the court before the request was decided.',
      },
    ];
  }
  if (draw < 0.08) {
    return [
      { kind: 'decide', at: iso(decideAt) },
      { kind: 'cancel', at: iso(confirmAt), reason: 'ICE lodged a cancellation of the detainer.' },
    ];
  }
  return [
    { kind: 'decide', at: iso(decideAt) },
    { kind: 'confirm', at: iso(confirmAt) },
    {
      kind: 'release',
      at: iso(releaseAt),
      release: 'released-despite-detainer',
      reason: NO_WARRANT,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The intake: person, custody, history and request.

interface IntakeSpec {
  jurisdiction: 'nyc-doc' | 'nyc-nypd';
  kind: RecordKind;
  arrest: DateTime;
  receivedAt: DateTime;
  searchedAt: DateTime;
  expectedReleaseAt: DateTime;
  facility: string;
  bookingNumber: string;
  warrant: boolean;
  reentered?: boolean;
}

function intakeFor(rng: Faker, people: PeopleFactory, spec: IntakeSpec): IntakeInput {
  const arrestDate = spec.arrest.toISODate()!;
  const person = people.person(arrestDate, MIN_AGE[spec.kind]);
  const instant = instantCharges(rng);
  return {
    jurisdiction: spec.jurisdiction,
    person,
    custody: {
      facility: spec.facility,
      bookingNumber: spec.bookingNumber,
      instantArrestDate: arrestDate,
      charges: instant,
      expectedReleaseAt: iso(spec.expectedReleaseAt),
    },
    history: criminalHistory(rng, spec.kind, {
      arrestDate,
      dateOfBirth: person.dateOfBirth!,
      searchedAt: iso(spec.searchedAt),
      pending: instant,
      reentered: spec.reentered,
    }),
    request: detainerRequest(rng, people, spec),
  };
}

function instantCharges(rng: Faker) {
  const draw = rng.number.float();
  const pool = draw < 0.65 ? MISDEMEANORS : draw < 0.88 ? UNLISTED_FELONIES : LISTED_FELONIES;
  return rng.helpers.arrayElements(pool, { min: 1, max: 2 });
}

const PRIORITIES: Record<RecordKind, IntakeInput['request']['priorities']> = {
  none: [],
  'youthful-offender-only': [],
  misdemeanors: ['significant-misdemeanor'],
  'unlisted-felony': ['felony'],
  'listed-recent': ['felony'],
  'listed-old': ['felony'],
  'out-of-state': ['felony'],
};

const PROBABLE_CAUSE = [
  { weight: 45, value: 'biometric-and-database-check' },
  { weight: 25, value: 'final-order-of-removal' },
  { weight: 20, value: 'removal-proceedings-pending' },
  { weight: 10, value: 'statements-or-other-evidence' },
] as const;

const DISTRICT_COURTS = [
  'United States District Court for the Eastern District of New York',
  'United States District Court for the Southern District of New York',
];

function detainerRequest(
  rng: Faker,
  people: PeopleFactory,
  spec: IntakeSpec,
): IntakeInput['request'] {
  const issuedOn = spec.receivedAt.minus({ days: rng.number.int({ min: 0, max: 1 }) });
  const basis = rng.helpers.weightedArrayElement([...PROBABLE_CAUSE]);
  const officer = {
    name: people.officialName(),
    title: 'Supervisory Detention and Deportation Officer',
  };
  const common = {
    subjectId: rng.string.numeric(9),
    eventNumber: `NYC${String(spec.receivedAt.year % 100)}${rng.string.numeric(7)}`,
    issuedOn: issuedOn.toISODate()!,
    issuingOffice: 'ICE Enforcement and Removal Operations, New York City Field Office',
    issuingOfficer: officer,
    requester: 'ice' as const,
    receivedAt: iso(spec.receivedAt),
    probableCause: [basis],
    judicialWarrant: spec.warrant
      ? {
          presented: true,
          withDetainer: true,
          presentedAt: iso(spec.receivedAt),
          issuer: 'federal-magistrate-judge' as const,
          probableCause: true,
          federalCriminalImmigrationLaw: true,
          judge: `Hon. ${people.officialName()}`,
          court: rng.helpers.arrayElement(DISTRICT_COURTS),
          issuedOn: issuedOn.minus({ days: rng.number.int({ min: 0, max: 3 }) }).toISODate()!,
        }
      : { presented: false },
  };
  if (spec.receivedAt >= I_247A_FROM) {
    return {
      ...common,
      form: 'I-247A',
      administrativeWarrants: [
        {
          form: basis === 'final-order-of-removal' ? 'I-205' : 'I-200',
          signedBy: officer.name,
          signedOn: issuedOn.toISODate()!,
        },
      ],
    };
  }
  // A transfer request (I-247X) is for someone outside the enforcement priorities.
  const form = spec.warrant
    ? 'I-247D'
    : rng.helpers.weightedArrayElement([
        { weight: 75, value: 'I-247D' as const },
        { weight: 15, value: 'I-247N' as const },
        { weight: 10, value: 'I-247X' as const },
      ]);
  return { ...common, form, priorities: form === 'I-247X' ? [] : PRIORITIES[spec.kind] };
}

// ---------------------------------------------------------------------------------------------
// The desk as it stands at `now`.

type Scenario =
  | 'received'
  | 'decided'
  | 'needs-information'
  | 'override-pending'
  | 'reviewed'
  | 'notified'
  | 'holding';

const CURRENT: readonly [Scenario, number][] = [
  ['received', 8],
  ['decided', 6],
  ['needs-information', 4],
  ['override-pending', 3],
  ['reviewed', 8],
  ['notified', 2],
  ['holding', 3],
];

const OPEN_KINDS: readonly RecordKind[] = [
  'none',
  'none',
  'none',
  'misdemeanors',
  'unlisted-felony',
  'listed-old',
  'listed-recent',
  'youthful-offender-only',
];

function currentCases(rng: Faker, people: PeopleFactory, now: DateTime): DemoCase[] {
  const scenarios = CURRENT.flatMap(([scenario, count]) =>
    Array.from({ length: count }, (_, nth) => ({ scenario, nth })),
  );
  return scenarios.map(({ scenario, nth }, index) => {
    const ref = `current-${String(index + 1).padStart(4, '0')}`;
    const demo = currentCase(rng, people, ref, scenario, nth, now);
    // Every third open case also has an ICE request for information; every other one is answered.
    if (index % 3 !== 0) return demo;
    return { ...demo, timeline: [...demo.timeline, informationRequest(rng, demo, now, index)] };
  });
}

function currentCase(
  rng: Faker,
  people: PeopleFactory,
  ref: string,
  scenario: Scenario,
  nth: number,
  now: DateTime,
): DemoCase {
  const nypd = scenario === 'holding' ? rng.number.float() < 0.67 : rng.number.float() < 0.4;
  const warrant =
    scenario === 'holding' ||
    scenario === 'notified' ||
    scenario === 'needs-information' ||
    scenario === 'override-pending';
  const kind: RecordKind = warrant
    ? scenario === 'holding' || scenario === 'notified'
      ? 'listed-recent'
      : 'out-of-state'
    : rng.helpers.arrayElement(OPEN_KINDS);
  // A hold starts at the release, a few hours ago; everything else is still in custody.
  const releaseAt =
    scenario === 'holding'
      ? now.minus(minutes(rng, 60, 18 * 60))
      : now.plus(
          nypd ? minutes(rng, 2 * 60, 20 * 60) : { days: rng.number.int({ min: 2, max: 30 }) },
        );
  const until = scenario === 'holding' ? releaseAt : now;
  const receivedAt = until.minus(nypd ? minutes(rng, 3 * 60, 20 * 60) : minutes(rng, 60, 96 * 60));
  const at = (share: number) =>
    iso(
      receivedAt
        .plus({ milliseconds: until.diff(receivedAt).milliseconds * share })
        .startOf('minute'),
    );
  const arrest = nypd
    ? receivedAt.minus(minutes(rng, 90, 10 * 60))
    : receivedAt.minus({ days: rng.number.int({ min: 3, max: 200 }) }).startOf('day');
  const borough = rng.helpers.arrayElement(BOROUGHS);
  const intake = intakeFor(rng, people, {
    jurisdiction: nypd ? 'nyc-nypd' : 'nyc-doc',
    kind,
    arrest,
    receivedAt,
    searchedAt: DateTime.fromISO(at(0.15), { setZone: true }),
    expectedReleaseAt: releaseAt,
    facility: nypd ? borough.facility : rng.helpers.arrayElement(DOC_FACILITIES),
    bookingNumber: nypd
      ? people.nypdArrestNumber(borough.letter, arrest.year)
      : people.docBookAndCase(),
    warrant,
    ...(nypd ? { reentered: false } : {}),
  });
  if (scenario === 'needs-information' && nth % 2 === 1) {
    // The e-JusticeNY search has not come back yet.
    intake.history = { searchCompleted: 'unknown', convictions: [], pendingCases: [] };
  }
  const steps: DemoStep[] = [{ kind: 'intake', at: at(0.05) }];
  if (scenario !== 'received') steps.push({ kind: 'decide', at: at(0.2) });
  if (scenario === 'override-pending') {
    steps.push({
      kind: 'propose-override',
      at: at(0.5),
      outcomes: [
        { action: 'hold', status: 'not-allowed' },
        { action: 'notify', status: 'not-allowed' },
      ],
      reason:
        'Legal review: the other state’s conviction is not the equivalent of a New York violent ' +
        'or serious felony, so the detainer may not be honored despite the judicial warrant.',
    });
  }
  if (scenario === 'reviewed' || scenario === 'notified' || scenario === 'holding') {
    steps.push({ kind: 'confirm', at: at(0.4) });
  }
  if (scenario === 'notified') steps.push({ kind: 'notify-ice', at: at(0.7) });
  if (scenario === 'holding') {
    steps.push(
      { kind: 'start-hold', at: iso(releaseAt) },
      { kind: 'notify-ice', at: iso(releaseAt.plus({ minutes: 10 })) },
    );
  }
  return { ref, period: 'current', intake, timeline: steps };
}

function informationRequest(rng: Faker, demo: DemoCase, now: DateTime, index: number): DemoStep {
  const last = DateTime.fromISO(demo.timeline.reduce(latest, ''), { setZone: true });
  const receivedAt = last.plus({ milliseconds: now.diff(last).milliseconds / 3 }).startOf('minute');
  const request: InformationRequest = {
    receivedAt: iso(receivedAt),
    requester: 'ice',
    information: rng.helpers
      .arrayElement([
        ['release-date', 'court-dates'],
        ['release-date', 'incarceration-status'],
        ['citizenship-or-immigration-status'],
      ] as const)
      .slice(),
    purpose: 'civil-immigration-enforcement',
    requiredByLaw: false,
    publiclyAvailable: false,
    note: 'Telephone request from the ICE New York City Field Office.',
  };
  const answerAt = receivedAt.plus({ milliseconds: now.diff(receivedAt).milliseconds / 2 });
  return {
    kind: 'information-request',
    at: request.receivedAt,
    request,
    ...(index % 2 === 0
      ? {
          answer: {
            answeredAt: iso(answerAt.startOf('minute')),
            disclosed: [],
            note: 'Declined: the request relates to civil immigration enforcement.',
          },
        }
      : {}),
  };
}
