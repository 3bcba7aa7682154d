/**
 * Synthetic report cases for the mandated-report tests: invented people and detainers, never real
 * ones. Builders for one case's parts, the scenarios each kind of count is tested with (a case
 * that belongs, cases that do not, cases the record cannot settle), and `checkCountRow`, which
 * runs one count of a reporting text through `buildReport` and checks what the statute asks: the
 * paragraph's words, the unit, each case counted or not, unknowns apart, a person once, and the
 * period's bounds as New York local midnights.
 * @module
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { parseCase, type CaseInput, type InformationItem, type Requester } from '../engine/case.js';
import { addDays, localDateOf } from '../engine/dates.js';
import { UNKNOWN, type Tri } from '../engine/tri.js';
import { nycSubjectFacts, SUBJECT, type SubjectFact } from '../law/nyc/report-subject.js';
import {
  buildReport,
  type CountedFigure,
  type Figure,
  type OmittedFigure,
  type Report,
} from '../reports/build-report.js';
import type { ReportCase, ReportInformationRequest } from '../reports/report-case.js';
import type { ReportLaw, Unit } from '../reports/report-law.js';
import { reportPeriod, type ReportPeriod } from '../reports/report-periods.js';

export const NEW_YORK = 'America/New_York';

/** A day every period the tests build has ended by. */
export const TODAY = '2026-12-01';

export const AUDIT = Object.freeze({ size: 0, rootSha256: '0'.repeat(64) });

export const DATA_AS_OF = '2026-12-01T12:00:00.000Z';

/** `time` on `date` in New York, as an instant in UTC. */
export function nyInstant(date: string, time: string): string {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: NEW_YORK });
  assert.ok(local.isValid, `${date}T${time}`);
  return local.toUTC().toISO();
}

/** An instant with an offset, as the desk stores it: UTC. */
export function utc(instant: string): string {
  const ms = Date.parse(instant);
  assert.ok(!Number.isNaN(ms), instant);
  return new Date(ms).toISOString();
}

/** `hours` after `at` (before, if negative). */
export function shift(at: string, hours: number): string {
  return new Date(Date.parse(at) + hours * 3_600_000).toISOString();
}

// ---------------------------------------------------------------------------------------------
// The person's facts, as the NYC report law names them.

export type Facts = Readonly<Record<SubjectFact, Tri>>;

const factNames = Object.values(SUBJECT);

/** A person with a completed search and nothing on it: no conviction, no flag, no pending case. */
export const NO_FACTS: Facts = Object.freeze(
  Object.fromEntries(factNames.map((name) => [name, false])) as Record<SubjectFact, Tri>,
);

/** A person of whom the record says nothing: every fact unknown. */
export const UNKNOWN_FACTS: Facts = Object.freeze(
  Object.fromEntries(factNames.map((name) => [name, UNKNOWN])) as Record<SubjectFact, Tri>,
);

/** The facts of a person with no conviction and nothing else, but for `overrides`. */
export function facts(overrides: Partial<Record<SubjectFact, Tri>>): Facts {
  return { ...NO_FACTS, ...overrides };
}

/** The facts `nycSubjectFacts` finds in an engine case, on the day `receivedAt` falls on. */
export function factsOf(input: CaseInput, receivedAt: string): Facts {
  return nycSubjectFacts(parseCase(input), localDateOf(Date.parse(receivedAt), NEW_YORK));
}

// ---------------------------------------------------------------------------------------------
// One case's parts.

/** A case's parts but its identity, which the test gives. */
export type CaseParts = Omit<ReportCase, 'id' | 'personId' | 'jurisdiction'>;

/** Builds the parts of a case whose counted instant is `at`. */
export type Make = (at: string) => CaseParts;

export interface PartsOptions {
  readonly subject?: Facts;
  readonly reasons?: readonly string[];
}

/** A detainer received at `at`, nothing done on it yet. */
export function receivedAt(at: string, options: PartsOptions = {}): CaseParts {
  return {
    receivedAt: utc(at),
    reasons: options.reasons ?? [],
    events: [],
    informationRequests: [],
    subject: options.subject ?? NO_FACTS,
  };
}

/**
 * A detainer whose last event, the one a count places, happens at `at`; each earlier event a day
 * before the next, and the detainer received a day before the first.
 */
export function eventsAt(at: string, kinds: readonly string[], options: PartsOptions = {}) {
  const day = 24;
  const events = kinds.map((kind, index) => ({
    kind,
    at: shift(at, -day * (kinds.length - 1 - index)),
  }));
  return { ...receivedAt(shift(at, -day * kinds.length), options), events };
}

export interface RequestOptions extends PartsOptions {
  readonly requester?: Requester;
  readonly asked?: readonly InformationItem[];
  /** What was given; an empty list is a refusal; absent leaves the request unanswered. */
  readonly disclosed?: readonly InformationItem[];
  /** The detainer's events, after the answer. */
  readonly events?: readonly string[];
}

function informationCase(
  request: ReportInformationRequest,
  options: RequestOptions,
  eventsFrom: string,
): CaseParts {
  return {
    ...receivedAt(shift(request.receivedAt, -24), options),
    events: (options.events ?? []).map((kind, index) => ({
      kind,
      at: shift(eventsFrom, index + 1),
    })),
    informationRequests: [request],
  };
}

/** An information request received at `at`, answered an hour later if `disclosed` is given. */
export function askedAt(at: string, options: RequestOptions = {}): CaseParts {
  const answeredAt = shift(at, 1);
  const request: ReportInformationRequest = {
    id: 'request',
    receivedAt: utc(at),
    requester: options.requester ?? 'ice',
    asked: options.asked ?? ['release-date'],
    ...(options.disclosed === undefined ? {} : { disclosed: options.disclosed, answeredAt }),
  };
  return informationCase(request, options, answeredAt);
}

/** An information request received a day before `at` and answered at `at`. */
export function answeredAt(at: string, options: RequestOptions = {}): CaseParts {
  const disclosed = options.disclosed ?? ['release-date'];
  const request: ReportInformationRequest = {
    id: 'request',
    receivedAt: shift(at, -24),
    requester: options.requester ?? 'ice',
    asked: options.asked ?? (disclosed.length > 0 ? disclosed : ['release-date']),
    disclosed,
    answeredAt: utc(at),
  };
  return informationCase(request, options, at);
}

let caseNumber = 0;

/** A whole case for `parts`; ids default to fresh synthetic ones. */
export function reportCase(
  parts: CaseParts,
  ids: { id?: string; personId?: string; jurisdiction?: string } = {},
): ReportCase {
  caseNumber += 1;
  const id = ids.id ?? `case-${caseNumber}`;
  return {
    id,
    personId: ids.personId ?? `person-${id}`,
    jurisdiction: ids.jurisdiction ?? 'nyc-doc',
    ...parts,
    informationRequests: parts.informationRequests.map((request) => ({
      ...request,
      id: `${id}/${request.id}`,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Reports.

/** The period from `from` to `to` as the desk would build it on TODAY. */
export function periodOf(law: ReportLaw, from: string, to: string): ReportPeriod {
  return reportPeriod(law, from, to, TODAY);
}

export function reportFor(law: ReportLaw, period: ReportPeriod, cases: Iterable<ReportCase>) {
  return buildReport({ law, period, cases, dataAsOf: DATA_AS_OF, audit: AUDIT });
}

export function figureOf(report: Report, id: string): Figure {
  const figure = report.figures.find((candidate) => candidate.id === id);
  assert.ok(figure, `the report has no figure "${id}"`);
  return figure;
}

export function countedOf(report: Report, id: string): CountedFigure {
  const figure = figureOf(report, id);
  assert.equal(figure.status, 'counted', `figure "${id}" is ${figure.status}`);
  return figure;
}

export function omittedOf(report: Report, id: string): OmittedFigure {
  const figure = figureOf(report, id);
  assert.notEqual(figure.status, 'counted', `figure "${id}" was counted`);
  return figure as OmittedFigure;
}

// ---------------------------------------------------------------------------------------------
// Scenarios: for each kind of count, cases that belong, cases that do not, and cases the record
// cannot settle. The first case that belongs is also used for the period's bounds and for a
// person with two detainers.

export interface Scenario {
  readonly yes: readonly Make[];
  readonly no: readonly Make[];
  /** Empty when no record can leave the count unsettled (the case counts whatever is unknown). */
  readonly unknown: readonly Make[];
}

/** Each make also with every fact about the person unknown: the count does not read them. */
function readsNoFacts(
  make: (at: string, options: PartsOptions) => CaseParts,
  options: PartsOptions = {},
) {
  return [
    (at: string) => make(at, options),
    (at: string) => make(at, { ...options, subject: UNKNOWN_FACTS }),
  ];
}

const events =
  (...kinds: string[]) =>
  (at: string, options: PartsOptions = {}) =>
    eventsAt(at, kinds, options);

export const RECEIVED: Scenario = {
  yes: [
    ...readsNoFacts(receivedAt),
    (at) => receivedAt(at, { reasons: ['biometric-and-database-check', 'I-200'] }),
  ],
  // Received the year before, held and transferred in the period: not received in it.
  no: [
    (at) => ({
      ...eventsAt(at, ['hold-started', 'transferred-to-ice']),
      receivedAt: shift(at, -24 * 366),
    }),
  ],
  unknown: [],
};

export const HELD: Scenario = {
  yes: [...readsNoFacts(events('hold-started')), events('ice-notified', 'hold-started')],
  no: [events('ice-notified', 'transferred-to-ice'), events('released-despite-detainer')],
  unknown: [],
};

export const TRANSFERRED: Scenario = {
  yes: [
    ...readsNoFacts(events('hold-started', 'transferred-to-ice')),
    events('ice-notified', 'transferred-to-ice'),
  ],
  no: [events('hold-started', 'ice-did-not-come'), events('released-despite-detainer')],
  unknown: [],
};

/** Transferred, and `yes` facts belong; `no` facts do not; `unknown` facts cannot tell. */
export function transferredWith(classes: {
  yes: readonly Facts[];
  no: readonly Facts[];
  unknown: readonly Facts[];
}): Scenario {
  const transfer = events('hold-started', 'transferred-to-ice');
  const withFacts = (subject: Facts) => (at: string) => transfer(at, { subject });
  return {
    yes: classes.yes.map(withFacts),
    // And a person who belongs but was not transferred.
    no: [
      ...classes.no.map(withFacts),
      (at) => eventsAt(at, ['hold-started', 'ice-did-not-come'], { subject: classes.yes[0]! }),
    ],
    unknown: classes.unknown.map(withFacts),
  };
}

export const NOT_HONORED: Scenario = {
  yes: [...readsNoFacts(events('released-despite-detainer')), events('released')],
  no: [
    events('ice-notified', 'released'),
    events('hold-started', 'released'),
    events('hold-started', 'transferred-to-ice'),
    events('cancelled-by-ice'),
  ],
  unknown: [],
};

export const HELD_NOT_TRANSFERRED: Scenario = {
  yes: [
    ...readsNoFacts(events('hold-started', 'ice-did-not-come')),
    events('hold-started', 'cancelled-by-ice'),
  ],
  no: [
    events('cancelled-by-ice'),
    events('ice-notified', 'released'),
    events('hold-started', 'transferred-to-ice'),
  ],
  unknown: [],
};

/** The form's boxes and warrants for each reason the statute lists, i to iv. */
export const REASON_BOXES = Object.freeze({
  i: ['biometric-and-database-check', 'statements-or-other-evidence'],
  ii: ['removal-proceedings-pending'],
  iii: ['I-200'],
  iv: ['final-order-of-removal', 'I-205'],
} as const);

export type Reason = keyof typeof REASON_BOXES;

/** The detainers (received) or persons (held) whose detainer gave reason `sub`. */
export function byReasonScenario(total: 'received' | 'held', sub: Reason): Scenario {
  const make = (at: string, reasons: readonly string[]) =>
    total === 'received'
      ? receivedAt(at, { reasons })
      : eventsAt(at, ['hold-started'], { reasons });
  const others = (Object.keys(REASON_BOXES) as Reason[])
    .filter((other) => other !== sub)
    .flatMap((other) => REASON_BOXES[other]);
  const no: Make[] = [
    (at) => make(at, others),
    (at) => make(at, []),
    (at) => make(at, ['transferred-for-proceeding']),
  ];
  if (total === 'held') {
    no.push((at) => eventsAt(at, ['ice-notified', 'released'], { reasons: REASON_BOXES[sub] }));
  }
  return {
    yes: [
      ...REASON_BOXES[sub].map((box) => (at: string) => make(at, [box])),
      (at) => make(at, [...REASON_BOXES[sub], ...others]),
      (at) => ({ ...make(at, REASON_BOXES[sub]), subject: UNKNOWN_FACTS }),
    ],
    no,
    unknown: [],
  };
}

// Information requests.

export const INFORMATION_REQUESTS: Scenario = {
  yes: [
    ...readsNoFacts(askedAt),
    (at) => askedAt(at, { requester: 'cbp' }),
    (at) => askedAt(at, { requester: 'other-dhs-civil-ina' }),
    // A refused request is a request.
    (at) => askedAt(at, { disclosed: [] }),
    (at) => askedAt(at, { asked: ['court-dates', 'criminal-history'], disclosed: ['court-dates'] }),
  ],
  no: [
    (at) => askedAt(at, { requester: 'other-federal' }),
    // Before LL63/2026, not a "federal immigration authority".
    (at) => askedAt(at, { requester: 'other-federal-immigration-duties' }),
  ],
  unknown: [(at) => askedAt(at, { requester: 'unknown' })],
};

export const INFORMATION_RESPONSES: Scenario = {
  yes: [
    ...readsNoFacts(answeredAt),
    (at) => answeredAt(at, { requester: 'cbp', disclosed: ['court-dates'] }),
    (at) => answeredAt(at, { subject: facts({ violentOrSeriousConviction: true }) }),
  ],
  no: [
    (at) => answeredAt(at, { disclosed: [] }),
    (at) => askedAt(at),
    (at) => answeredAt(at, { requester: 'other-federal' }),
  ],
  unknown: [(at) => answeredAt(at, { requester: 'unknown' })],
};

export type Group = 'i' | 'ii' | 'iii';

/** The person's facts for each group of responses (i to iii): in it, not, and unsettled. */
export const GROUP_FACTS: Record<Group, { yes: Facts[]; no: Facts[]; unknown: Facts[] }> = {
  i: {
    yes: [NO_FACTS, facts({ crimeConviction: true, felonyConviction: true })],
    no: [
      facts({ crimeConviction: true, felonyConviction: true, violentOrSeriousConviction: true }),
    ],
    unknown: [facts({ violentOrSeriousConviction: UNKNOWN })],
  },
  ii: {
    yes: [
      facts({ crimeConviction: true, felonyConviction: true, violentOrSeriousConviction: true }),
    ],
    no: [NO_FACTS, facts({ crimeConviction: true, felonyConviction: true })],
    unknown: [facts({ violentOrSeriousConviction: UNKNOWN })],
  },
  iii: {
    yes: [facts({ terroristScreeningMatch: true })],
    no: [
      NO_FACTS,
      facts({
        crimeConviction: true,
        felonyConviction: true,
        violentOrSeriousConviction: true,
        terroristScreeningMatch: true,
      }),
    ],
    unknown: [
      facts({ terroristScreeningMatch: UNKNOWN }),
      facts({ terroristScreeningMatch: true, violentOrSeriousConviction: UNKNOWN }),
    ],
  },
};

/** The desk's items for each kind of information the statute names. */
export const KIND_ITEMS = Object.freeze({
  'incarceration-status': ['incarceration-status'],
  'release-dates': ['release-date'],
  'court-dates': ['court-dates'],
  'other-information': [
    'citizenship-or-immigration-status',
    'criminal-history',
    'personal-information',
    'other',
  ],
} as const satisfies Record<string, readonly InformationItem[]>);

export type Kind = keyof typeof KIND_ITEMS;

/** Responses in group `group`; with `kind`, those that included it. */
export function groupScenario(group: Group, kind?: Kind): Scenario {
  const classes = GROUP_FACTS[group];
  const items: readonly InformationItem[] =
    kind === undefined ? ['release-date'] : KIND_ITEMS[kind];
  const other: InformationItem = kind === 'release-dates' ? 'court-dates' : 'release-date';
  const answer = (subject: Facts, disclosed: readonly InformationItem[]) => (at: string) =>
    answeredAt(at, { subject, disclosed });
  const yes: Make[] = classes.yes.map((subject) => answer(subject, [items[0]!]));
  yes.push(...items.slice(1).map((item) => answer(classes.yes[0]!, [item])));
  yes.push(answer(classes.yes[0]!, [other, ...items]));
  const no: Make[] = [
    ...classes.no.map((subject) => answer(subject, items)),
    answer(classes.yes[0]!, []),
    (at) => answeredAt(at, { subject: classes.yes[0]!, requester: 'other-federal' }),
  ];
  if (kind !== undefined) no.push(answer(classes.yes[0]!, [other]));
  return {
    yes,
    no,
    unknown: [
      ...classes.unknown.map((subject) => answer(subject, items)),
      (at) => answeredAt(at, { subject: classes.yes[0]!, requester: 'unknown', disclosed: items }),
    ],
  };
}

/** Responses in group `group` about a person the agency then transferred to ICE. */
export function transferFacilitatedScenario(group: Group): Scenario {
  const classes = GROUP_FACTS[group];
  const transferred = ['hold-started', 'transferred-to-ice'];
  const answer = (subject: Facts, after: readonly string[]) => (at: string) =>
    answeredAt(at, { subject, events: after });
  return {
    yes: [
      ...classes.yes.map((subject) => answer(subject, transferred)),
      answer(classes.yes[0]!, ['ice-notified', 'transferred-to-ice']),
    ],
    no: [
      ...classes.no.map((subject) => answer(subject, transferred)),
      answer(classes.yes[0]!, []),
      answer(classes.yes[0]!, ['hold-started', 'ice-did-not-come']),
      answer(classes.yes[0]!, ['released-despite-detainer']),
    ],
    unknown: classes.unknown.map((subject) => answer(subject, transferred)),
  };
}

// ---------------------------------------------------------------------------------------------
// One row of a reporting text: a count, what the statute says of it, and how to test it.

export interface CountRow {
  /** As the statute numbers it: '4', '2.iii'. */
  readonly paragraph: string;
  readonly id: string;
  /** What the paragraph counts, for the test's name. */
  readonly words: string;
  /** Words the paragraph's own text must contain. */
  readonly quote: string;
  /** What the figure counts, and how; or that the desk's records do not hold it. */
  readonly test: { readonly unit: Unit; readonly scenario: Scenario } | 'not-recorded';
}

/** "(4)", "(2)(iii)". */
export function paragraphCite(paragraph: string): string {
  return paragraph
    .split('.')
    .map((part) => `(${part})`)
    .join('');
}

/** The information-request rows of paragraph `p` (LL228/2017, and LL226/2017 with appointments). */
export function informationRows(p: string, scheduledAppointments = false): CountRow[] {
  const rows: CountRow[] = [
    {
      paragraph: p,
      id: 'information-requests',
      words: 'requests from federal immigration authorities for information about a person',
      quote: 'the number of requests from federal immigration authorities',
      test: { unit: 'requests', scenario: INFORMATION_REQUESTS },
    },
    {
      paragraph: p,
      id: 'information-responses',
      words: 'responses honoring such requests',
      quote: 'the number of responses honoring such requests',
      test: { unit: 'responses', scenario: INFORMATION_RESPONSES },
    },
  ];
  const groups: [Group, string, string][] = [
    [
      'i',
      'about a person with no conviction for a violent or serious crime',
      'a person with no convictions for a violent or serious crime, disaggregated',
    ],
    [
      'ii',
      'about a person with at least one conviction for a violent or serious crime',
      'at least one conviction for a violent or serious crime',
    ],
    [
      'iii',
      'about a person with no violent or serious conviction who is a possible terrorist screening database match',
      'possible match in the terrorist screening database',
    ],
  ];
  const kinds: [Kind, string][] = [
    ['incarceration-status', 'incarceration status'],
    ['release-dates', 'release dates'],
    ['court-dates', 'court appearance dates'],
    ['other-information', 'other types of information'],
  ];
  for (const [group, words, quote] of groups) {
    const paragraph = `${p}.${group}`;
    rows.push({
      paragraph,
      id: `information-${group}`,
      words: `responses ${words}`,
      quote,
      test: { unit: 'responses', scenario: groupScenario(group) },
    });
    for (const [kind, kindWords] of kinds) {
      rows.push({
        paragraph,
        id: `information-${group}-${kind}`,
        words: `responses ${words} that included ${kindWords}`,
        quote: `included incarceration status, release dates, court appearance dates, ${scheduledAppointments ? 'scheduled appointment dates or times, ' : ''}or other types of information`,
        test: { unit: 'responses', scenario: groupScenario(group, kind) },
      });
    }
    if (scheduledAppointments) {
      rows.push({
        paragraph,
        id: `information-${group}-scheduled-appointments`,
        words: `responses ${words} that included scheduled appointment dates or times (not recorded)`,
        quote: 'scheduled appointment dates or times',
        test: 'not-recorded',
      });
    }
    rows.push({
      paragraph,
      id: `information-${group}-transfer-facilitated`,
      words: `responses ${words} where the department facilitated the transfer`,
      quote: 'whether the department facilitated the transfer of such persons',
      test: { unit: 'responses', scenario: transferFacilitatedScenario(group) },
    });
  }
  return rows;
}

/**
 * Runs `row` through `buildReport` for `period` and checks it: the figure quotes its paragraph,
 * counts in its unit each case that belongs (at the first and the last minute of the period too),
 * a person with two detainers once where it counts persons, not the cases that do not belong or
 * fall just outside the period (New York local midnight), and the unsettled ones apart.
 */
export function checkCountRow(law: ReportLaw, period: ReportPeriod, row: CountRow): void {
  const count = period.version.counts.find((candidate) => candidate.id === row.id);
  assert.ok(count, `${period.version.clause.version} has no count "${row.id}"`);
  assert.equal(count.paragraph, row.paragraph, `the paragraph of "${row.id}"`);

  const cases: ReportCase[] = [];
  const expected = { yes: [] as string[], unknown: [] as string[], value: 0 };
  const add = (id: string, parts: CaseParts, personId = id) => {
    cases.push(reportCase(parts, { id, personId, jurisdiction: law.jurisdiction }));
  };
  const scenario = row.test === 'not-recorded' ? undefined : row.test.scenario;
  const first =
    scenario?.yes[0] ?? ((at: string) => eventsAt(at, ['hold-started', 'transferred-to-ice']));
  const inside = nyInstant(addDays(period.from, 40), '12:00');

  // The first and the last minutes of the period, and the minutes just outside it.
  add('edge-first', first(nyInstant(period.from, '00:10')));
  add('edge-last', first(nyInstant(period.to, '23:30')));
  add('outside-before', first(nyInstant(addDays(period.from, -1), '23:30')));
  add('outside-after', first(nyInstant(addDays(period.to, 1), '00:10')));
  // One person, two detainers.
  add('twice-a', first(inside), 'person-twice');
  add('twice-b', first(shift(inside, 30)), 'person-twice');
  scenario?.yes.forEach((make, index) => {
    add(`yes-${index}`, make(inside));
  });
  scenario?.no.forEach((make, index) => {
    add(`no-${index}`, make(inside));
  });
  scenario?.unknown.forEach((make, index) => {
    add(`unknown-${index}`, make(inside));
  });

  const report = reportFor(law, period, cases);
  const figure = figureOf(report, row.id);
  assert.equal(figure.paragraph, row.paragraph);
  const [number, sub] = row.paragraph.split('.');
  assert.ok(
    figure.statute.startsWith(`${sub ?? number}. `),
    `"${row.id}" quotes its paragraph ${row.paragraph}: ${figure.statute}`,
  );
  assert.ok(
    figure.statute.includes(row.quote),
    `paragraph ${row.paragraph} says "${row.quote}": ${figure.statute}`,
  );

  if (row.test === 'not-recorded') {
    assert.equal(figure.status, 'not-recorded');
    assert.ok(!('value' in figure), 'a figure the desk does not record has no value');
    assert.ok(figure.reason.length > 0, 'it says who supplies the figure');
    return;
  }
  const { unit } = row.test;
  assert.equal(figure.status, 'counted', `"${row.id}" is ${figure.status}`);
  const counted = figure;
  assert.equal(counted.unit, unit, `"${row.id}" counts ${unit}`);

  expected.yes.push('edge-first', 'edge-last', 'twice-a', 'twice-b');
  expected.value = 2 + (unit === 'persons' ? 1 : 2);
  row.test.scenario.yes.forEach((_, index) => {
    expected.yes.push(`yes-${index}`);
    expected.value += 1;
  });
  row.test.scenario.unknown.forEach((_, index) => expected.unknown.push(`unknown-${index}`));

  assert.deepEqual(
    { caseIds: counted.caseIds, unknownCaseIds: counted.unknownCaseIds },
    { caseIds: expected.yes.sort(), unknownCaseIds: expected.unknown.sort() },
    `the cases behind "${row.id}"`,
  );
  assert.equal(counted.value, expected.value, `the value of "${row.id}"`);
  assert.equal(counted.unknown, expected.unknown.length, `the unknowns of "${row.id}"`);
}

/** One version of a reporting subdivision under test: its counts and the period each is tried in. */
export interface VersionUnderTest {
  readonly version: string;
  /** "as added by LL62/2011". */
  readonly enacted: string;
  readonly rows: readonly CountRow[];
  /** The statutory period each row is tested in, and its deadline. */
  readonly period: (row: CountRow) => { from: string; to: string; due: string };
}

/** The statutory period from `from` to `to`, checked to be one, due then, under `version`. */
export function statutoryPeriod(
  law: ReportLaw,
  version: string,
  bounds: { from: string; to: string; due: string },
): ReportPeriod {
  const period = periodOf(law, bounds.from, bounds.to);
  assert.equal(period.kind, 'statutory');
  assert.equal(period.due, bounds.due);
  assert.equal(period.version.clause.version, version);
  return period;
}

/**
 * For each version: a test that its paragraphs are these counts in this order, and one test per
 * count from the statute's words (`section`, e.g. "§ 9-131(f)", names them).
 */
export function testVersions(
  law: ReportLaw,
  section: string,
  versions: readonly VersionUnderTest[],
): void {
  for (const { version, enacted, rows, period } of versions) {
    void describe(`${section} ${enacted}`, () => {
      void test(`${section} ${enacted}: its paragraphs, in order, are these counts`, () => {
        const counts = statutoryPeriod(law, version, period(rows[0]!)).version.counts;
        assert.deepEqual(
          counts.map((count) => `${count.paragraph} ${count.id}`),
          rows.map((row) => `${row.paragraph} ${row.id}`),
        );
      });
      for (const row of rows) {
        void test(`${section}${paragraphCite(row.paragraph)} ${enacted}: ${row.words}`, () => {
          checkCountRow(law, statutoryPeriod(law, version, period(row)), row);
        });
      }
    });
  }
}
