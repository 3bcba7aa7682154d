/**
 * The text-only NYC subdivisions (reporting, no conflict, the ICE office on DOC land, the record
 * of requests): which version is in force on each side of every change, and the § 10-178(d) duty
 * to record each request from the day § 10-178 took effect.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CaseInput } from '../../engine/case.js';
import type { Jurisdiction } from '../../engine/jurisdiction.js';
import { evaluate, parseCase } from '../../index.js';
import { detainerCase } from '../testing/law-case.js';
import { RECORD_REQUEST_DUTY_ID, REQUEST_RECORDS_ID } from './city-resources.js';
import { NYC_DOC } from './doc/index.js';
import { DOC_SUBDIVISION } from './doc/reporting-and-other-subdivisions.js';
import { NYC_NYPD } from './nypd/index.js';
import { NYPD_SUBDIVISION } from './nypd/reporting-and-other-subdivisions.js';
import { NYC_PROBATION } from './probation/index.js';
import { PROBATION_SUBDIVISION } from './probation/reporting.js';

const NOT_IN_FORCE = 'not in force';

/** [date, version in force that day]: the day before and the day of each change. */
type Timeline = readonly (readonly [string, string])[];

const REQUEST_RECORDS: Timeline = [
  ['2000-01-01', NOT_IN_FORCE],
  ['2018-01-29', NOT_IN_FORCE],
  ['2018-01-30', 'LL228/2017'],
  ['2026-01-29', 'LL228/2017'],
];

const TIMELINES: readonly [Jurisdiction, string, Timeline][] = [
  [
    NYC_DOC,
    DOC_SUBDIVISION.reporting,
    [
      ['2000-01-01', NOT_IN_FORCE],
      ['2012-03-20', NOT_IN_FORCE],
      ['2012-03-21', 'LL62/2011'],
      ['2013-07-15', 'LL62/2011'],
      ['2013-07-16', 'LL22/2013'],
      ['2014-12-13', 'LL22/2013'],
      ['2014-12-14', 'LL58/2014'],
      ['2018-01-29', 'LL58/2014'],
      ['2018-01-30', 'LL228/2017'],
      ['2026-01-29', 'LL228/2017'],
    ],
  ],
  [
    NYC_DOC,
    DOC_SUBDIVISION.noConflict,
    [
      ['2012-03-20', NOT_IN_FORCE],
      ['2012-03-21', 'LL62/2011'],
      ['2026-01-28', 'LL62/2011'],
      ['2026-01-29', 'LL63/2026'],
    ],
  ],
  [
    NYC_DOC,
    DOC_SUBDIVISION.federalOffice,
    [
      ['2015-02-11', NOT_IN_FORCE],
      ['2015-02-12', 'LL58/2014'],
      ['2026-01-28', 'LL58/2014'],
      ['2026-01-29', 'LL63/2026'],
    ],
  ],
  [NYC_DOC, REQUEST_RECORDS_ID, REQUEST_RECORDS],
  [
    NYC_NYPD,
    NYPD_SUBDIVISION.reporting,
    [
      ['2013-07-15', NOT_IN_FORCE],
      ['2013-07-16', 'LL21/2013'],
      ['2014-12-13', 'LL21/2013'],
      ['2014-12-14', 'LL59/2014'],
      ['2018-01-29', 'LL59/2014'],
      ['2018-01-30', 'LL228/2017'],
      ['2026-01-29', 'LL228/2017'],
    ],
  ],
  [
    NYC_NYPD,
    NYPD_SUBDIVISION.noConflict,
    [
      ['2013-07-15', NOT_IN_FORCE],
      ['2013-07-16', 'LL21/2013'],
      ['2026-01-28', 'LL21/2013'],
      ['2026-01-29', 'LL63/2026'],
    ],
  ],
  [NYC_NYPD, REQUEST_RECORDS_ID, REQUEST_RECORDS],
  [
    NYC_PROBATION,
    PROBATION_SUBDIVISION.reporting,
    [
      ['2017-11-30', NOT_IN_FORCE],
      ['2017-12-01', 'LL226/2017'],
    ],
  ],
  [
    NYC_PROBATION,
    PROBATION_SUBDIVISION.publishPolicy,
    [
      ['2018-02-28', NOT_IN_FORCE],
      ['2018-03-01', 'LL226/2017'],
    ],
  ],
  [NYC_PROBATION, REQUEST_RECORDS_ID, REQUEST_RECORDS],
];

describe('text-only subdivisions: the version in force on each side of every change', () => {
  for (const [jurisdiction, id, timeline] of TIMELINES) {
    test(`${jurisdiction.id} ${id}`, () => {
      for (const [date, version] of timeline) {
        assert.equal(jurisdiction.lawOn(date).clauses.get(id)?.version, version, date);
      }
    });
  }

  test('they decide nothing and define nothing; every enacted version is verbatim', () => {
    for (const [jurisdiction, id] of TIMELINES) {
      const provisions = jurisdiction.provisions.filter((p) => p.clause.id === id);
      assert.ok(provisions.length >= 2, id);
      for (const provision of provisions) {
        assert.equal(provision.decides, undefined, id);
        assert.equal(provision.defines, undefined, id);
        assert.equal(provision.clause.verification, 'verbatim', id);
      }
    }
  });
});

/** A case decided a little before or after midnight New York time, 2018-01-30. */
function onDay(jurisdiction: string, date: '2018-01-29' | '2018-01-30', information: boolean) {
  const at = date === '2018-01-29' ? `${date}T23:30:00-05:00` : `${date}T00:30:00-05:00`;
  const input: CaseInput = information
    ? {
        jurisdiction,
        decisionAt: at,
        request: {
          kind: 'information-request',
          requester: 'ice',
          information: ['release-date'],
          informationPurpose: 'civil-immigration-enforcement',
          informationRequiredByLaw: false,
        },
        record: { searchCompleted: true, convictions: [] },
      }
    : detainerCase(jurisdiction, {
        decisionAt: at,
        otherwiseReleaseAt: at,
        instantArrestDate: '2018-01-20',
      });
  return evaluate(parseCase(input));
}

describe('§ 10-178(d): record the request and any response', () => {
  for (const jurisdiction of [NYC_DOC, NYC_NYPD, NYC_PROBATION]) {
    for (const information of [false, true]) {
      const kind = information ? 'information request' : 'detainer';
      test(`${jurisdiction.id}, ${kind}: from 2018-01-30, not before`, () => {
        const before = onDay(jurisdiction.id, '2018-01-29', information);
        assert.ok(!before.duties.some((notice) => notice.id === RECORD_REQUEST_DUTY_ID));

        const duty = onDay(jurisdiction.id, '2018-01-30', information).duties.find(
          (notice) => notice.id === RECORD_REQUEST_DUTY_ID,
        );
        assert.ok(duty);
        assert.equal(duty.text, 'Record the request and any response (§ 10-178(d))');
        assert.deepEqual(
          duty.clauses.map((ref) => [ref.id, ref.version]),
          [[REQUEST_RECORDS_ID, 'LL228/2017']],
        );
      });
    }
  }
});
