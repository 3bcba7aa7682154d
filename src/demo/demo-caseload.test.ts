import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Faker } from '@faker-js/faker';
import { DateTime } from 'luxon';
import { engineCaseFor } from '../desk/engine-case.js';
import { intakeSchema, type Intake } from '../desk/intake.js';
import { engine, parseCase } from '../index.js';
import { NO_CONVICTION_SHARE, PERIODS } from './calibration.js';
import { generateDemoCaseload, type DemoCase } from './demo-caseload.js';
import { NAME_LOCALES } from './demo-people.js';
import { LISTED_FELONIES, UNLISTED_FELONIES } from './demo-records.js';

const NOW = '2026-03-04T15:00:00-05:00';
const caseload = generateDemoCaseload({ seed: 42, now: NOW });
const intakes = new Map(caseload.map((demo) => [demo.ref, intakeSchema.parse(demo.intake)]));
const intakeOf = (demo: DemoCase): Intake => intakes.get(demo.ref)!;

const has = (demo: DemoCase, kind: DemoCase['timeline'][number]['kind']) =>
  demo.timeline.some((step) => step.kind === kind);
const transferred = (demo: DemoCase) =>
  demo.timeline.some((step) => step.kind === 'release' && step.release === 'transferred-to-ice');
const honored = (demo: DemoCase) => has(demo, 'start-hold') || has(demo, 'notify-ice');
const convicted = (intake: Intake) =>
  intake.history.convictions.some((entry) => entry.disposition === 'conviction');

describe('the demo caseload', () => {
  it('is the same for the same seed and differs for another', () => {
    assert.deepEqual(generateDemoCaseload({ seed: 42, now: NOW }), caseload);
    const other = generateDemoCaseload({ seed: 43, now: NOW });
    assert.equal(other.length, caseload.length);
    assert.notDeepEqual(other, caseload);
    assert.notEqual(other[0]!.intake.person.name, caseload[0]!.intake.person.name);
  });

  it('refuses a now before its history ends', () => {
    assert.throws(() => generateDemoCaseload({ seed: 1, now: '2017-06-01T00:00:00Z' }), RangeError);
  });

  for (const margins of PERIODS) {
    it(`reproduces ${margins.label}: received, judicial warrants, held, notified, transferred`, () => {
      const from = DateTime.fromISO(margins.from, { zone: 'America/New_York' }).toMillis();
      const to = DateTime.fromISO(margins.to, { zone: 'America/New_York' }).toMillis();
      const inPeriod = caseload.filter((demo) => demo.period === margins.key);
      for (const demo of inPeriod) {
        const received = Date.parse(intakeOf(demo).request.receivedAt);
        assert.ok(received >= from && received < to, demo.ref);
        assert.equal(intakeOf(demo).jurisdiction, margins.jurisdiction);
      }
      const count = (test: (demo: DemoCase) => boolean) => inPeriod.filter(test).length;
      assert.deepEqual(
        {
          received: inPeriod.length,
          judicialWarrants: count(
            (demo) => intakeOf(demo).request.judicialWarrant?.presented === true,
          ),
          held: count((demo) => has(demo, 'start-hold')),
          notified: count((demo) => has(demo, 'notify-ice')),
          transferredToIce: count(transferred),
        },
        {
          received: margins.received.value,
          judicialWarrants: margins.judicialWarrants.value,
          held: margins.held.value,
          notified: margins.notified.value,
          transferredToIce: margins.transferredToIce.value,
        },
      );
    });
  }

  it('gives about half of each period no conviction (TRAC), exactly half rounded', () => {
    let none = 0;
    let total = 0;
    for (const margins of PERIODS) {
      const inPeriod = caseload.filter((demo) => demo.period === margins.key);
      const withNone = inPeriod.filter((demo) => !convicted(intakeOf(demo))).length;
      assert.equal(withNone, Math.round(inPeriod.length * NO_CONVICTION_SHARE.value));
      none += withNone;
      total += inPeriod.length;
    }
    // "About half": the tolerance is five percentage points either way.
    assert.ok(Math.abs(none / total - NO_CONVICTION_SHARE.value) <= 0.05);
  });

  it('mixes the convicted half: misdemeanours, unlisted and listed felonies, YO, other states', () => {
    const history = caseload.flatMap((demo) => intakeOf(demo).history.convictions);
    const charged = (list: readonly { charge: string }[]) =>
      history.some((entry) => list.some((listed) => listed.charge === entry.charge));
    assert.ok(history.some((entry) => entry.level === 'misdemeanor'));
    assert.ok(charged(UNLISTED_FELONIES));
    assert.ok(charged(LISTED_FELONIES));
    assert.ok(history.some((entry) => entry.disposition === 'youthful-offender'));
    assert.ok(history.some((entry) => entry.court === 'other-state'));
  });

  it('every intake passes the intake schema', () => {
    for (const demo of caseload) {
      const result = intakeSchema.safeParse(demo.intake);
      assert.ok(result.success, `${demo.ref}: ${String(result.error)}`);
    }
  });

  it('uses I-247D/N/X before 2017-04-02 and the I-247A with an I-200 or I-205 after', () => {
    const change = Date.parse('2017-04-02T00:00:00-04:00');
    for (const demo of caseload) {
      const { request } = intakeOf(demo);
      if (Date.parse(request.receivedAt) < change) {
        assert.ok(['I-247D', 'I-247N', 'I-247X'].includes(request.form), demo.ref);
      } else {
        assert.equal(request.form, 'I-247A', demo.ref);
        assert.equal(request.administrativeWarrants.length, 1, demo.ref);
      }
    }
  });

  it('honors a request only where the law in force allows it, and declines the rest under the law', () => {
    for (const demo of caseload) {
      const decide = demo.timeline.find((step) => step.kind === 'decide');
      if (decide === undefined) continue;
      const decision = engine.evaluate(
        parseCase(engineCaseFor(intakeOf(demo), demo.ref, decide.at)),
      );
      const status = (action: string) =>
        decision.outcomes.find((outcome) => outcome.action === action)?.status;
      if (has(demo, 'start-hold')) assert.equal(status('hold'), 'allowed', demo.ref);
      if (has(demo, 'notify-ice')) assert.equal(status('notify'), 'allowed', demo.ref);
      if (transferred(demo)) assert.equal(status('hold') ?? status('transfer'), 'allowed');
      if (demo.period !== 'current' && !honored(demo)) {
        assert.deepEqual(decision.missing, [], demo.ref);
        for (const outcome of decision.outcomes) assert.equal(outcome.status, 'not-allowed');
      }
      if (has(demo, 'confirm')) assert.deepEqual(decision.missing, [], demo.ref);
    }
  });

  it('puts a few dozen open cases on the desk, received in the days before now', () => {
    const current = caseload.filter((demo) => demo.period === 'current');
    assert.ok(current.length >= 30);
    const now = Date.parse(NOW);
    for (const demo of current) {
      const received = Date.parse(intakeOf(demo).request.receivedAt);
      assert.ok(received < now && received > now - 5 * 86_400_000, demo.ref);
    }
    assert.ok(current.some((demo) => has(demo, 'propose-override')));
    assert.ok(current.some((demo) => has(demo, 'start-hold')));
    assert.ok(current.some((demo) => has(demo, 'information-request')));
    assert.ok(current.some((demo) => demo.timeline.length === 1));
  });

  it('keeps every timeline in order, starting with the intake, and before now', () => {
    for (const demo of caseload) {
      assert.equal(demo.timeline[0]?.kind, 'intake');
      const instants = demo.timeline.map((step) => Date.parse(step.at));
      assert.deepEqual(
        instants,
        [...instants].sort((a, b) => a - b),
        demo.ref,
      );
      assert.ok(instants.at(-1)! < Date.parse(NOW), demo.ref);
      assert.ok(Date.parse(intakeOf(demo).request.receivedAt) <= instants[0]!, demo.ref);
    }
  });

  it('invents its people: names from faker’s word lists, unique well-formed identifiers', () => {
    const words = new Set<string>();
    for (const locale of NAME_LOCALES) {
      const { person } = new Faker({ locale: [...locale] }).definitions;
      const first = person.first_name as Record<string, string[]>;
      const last = person.last_name as Record<string, string[]>;
      for (const list of [...Object.values(first), ...Object.values(last)]) {
        for (const name of list) for (const word of name.split(' ')) words.add(word);
      }
    }
    const nysids = new Set<string>();
    const aNumbers = new Set<string>();
    for (const demo of caseload) {
      const { person } = intakeOf(demo);
      for (const word of person.name.split(' ')) assert.ok(words.has(word), person.name);
      assert.match(person.nysid ?? '', /^\d{8}[A-Z]$/);
      assert.match(person.aNumber ?? '', /^A\d{9}$/);
      nysids.add(person.nysid!);
      aNumbers.add(person.aNumber!);
    }
    assert.equal(nysids.size, caseload.length);
    assert.equal(aNumbers.size, caseload.length);
  });
});
