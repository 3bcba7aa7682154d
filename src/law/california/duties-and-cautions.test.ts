/**
 * What the test tables cannot show: the TRUTH Act's duties from 2017-01-01, and the cautions on
 * a TRUST Act hold that would run into 2018 and on the Values Act's "never required".
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CaseInput } from '../../engine/case.js';
import { parseCase } from '../../engine/case.js';
import { createEngine } from '../../engine/evaluate.js';
import { detainerCase } from '../testing/law-case.js';
import { CALIFORNIA } from './index.js';

const engine = createEngine([CALIFORNIA]);

function decide(input: CaseInput) {
  const decision = engine.evaluate(parseCase(input));
  return {
    duties: decision.duties.map((notice) => notice.id),
    cautions: decision.cautions.map((notice) => notice.id),
  };
}

function detainer(
  decisionAt: string,
  otherwiseReleaseAt: string,
  request: Partial<CaseInput['request']> = {},
  seriousFelony = true,
): CaseInput {
  return detainerCase('california', {
    decisionAt,
    otherwiseReleaseAt,
    instantArrestDate: decisionAt.slice(0, 10),
    request: { form: 'I-247A', ...request },
    findings: {
      california: {
        seriousOrViolentFelonyConviction: seriousFelony,
        statePrisonFelonyConviction: false,
        listedOffenseWithinLookback: false,
        sexOrArsonRegistrant: false,
        aggravatedFelonyConviction: false,
        federalFelonyWarrant: false,
        magistrateProbableCause: false,
        detentionWouldViolateLaw: false,
      },
    },
  });
}

const COPY = 'ca-truth-act-copy-and-intent';
const RELEASE_NOTICE = 'ca-truth-act-release-notice';
const HOLD_INTO_2018 = 'ca-trust-act-hold-ends-2018-01-01';

describe('TRUTH Act (Gov. Code § 7283.1(b)), in force 2017-01-01', () => {
  test('decided 2016-12-31: no TRUTH Act duty yet', () => {
    const { duties } = decide(detainer('2016-12-31T09:00:00-08:00', '2016-12-31T18:00:00-08:00'));
    assert.deepEqual(duties, []);
  });

  test('decided 2017-01-01: copy of the request, intent to comply, and the release notice', () => {
    const { duties } = decide(detainer('2017-01-01T09:00:00-08:00', '2017-01-01T18:00:00-08:00'));
    assert.deepEqual(duties, [COPY, RELEASE_NOTICE]);
  });

  test('after the Values Act the duties continue, even where the hold is forbidden', () => {
    const { duties } = decide(detainer('2019-06-03T09:00:00-07:00', '2019-06-03T18:00:00-07:00'));
    assert.deepEqual(duties, [COPY, RELEASE_NOTICE]);
  });

  test('a transfer-only request: a copy, but no release-date notice', () => {
    const { duties } = decide(
      detainer('2019-06-03T09:00:00-07:00', '2019-06-03T18:00:00-07:00', { form: 'I-247X' }),
    );
    assert.deepEqual(duties, [COPY]);
  });

  test('a CBP request is not an "ICE" request under § 7283.1(b)', () => {
    const { duties } = decide(
      detainer('2019-06-03T09:00:00-07:00', '2019-06-03T18:00:00-07:00', { requester: 'cbp' }),
    );
    assert.deepEqual(duties, []);
  });

  test('an information request: the release notice only when it asks for the release date', () => {
    const ask = (information: NonNullable<CaseInput['request']['information']>) =>
      decide(
        detainer('2019-06-03T09:00:00-07:00', '2019-06-03T18:00:00-07:00', {
          kind: 'information-request',
          information,
        }),
      ).duties;
    assert.deepEqual(ask(['criminal-history']), []);
    assert.deepEqual(ask(['release-date']), [RELEASE_NOTICE]);
  });
});

describe('a TRUST Act hold that would run into the Values Act', () => {
  test('allowed hold released 2017-12-31 18:00 on an I-247A runs to 2018-01-02: caution', () => {
    const { cautions } = decide(detainer('2017-12-31T09:00:00-08:00', '2017-12-31T18:00:00-08:00'));
    assert.ok(cautions.includes(HOLD_INTO_2018));
  });

  test('released Wednesday 2017-12-27 18:00: the 48 hours end 2017-12-29, no caution', () => {
    const { cautions } = decide(detainer('2017-12-27T09:00:00-08:00', '2017-12-27T18:00:00-08:00'));
    assert.ok(!cautions.includes(HOLD_INTO_2018));
  });

  test('a hold the TRUST Act does not allow needs no caution', () => {
    const { cautions } = decide(
      detainer('2017-12-31T09:00:00-08:00', '2017-12-31T18:00:00-08:00', {}, false),
    );
    assert.ok(!cautions.includes(HOLD_INTO_2018));
  });
});

test('Values Act: a notice it allows is still subject to local policy (caution)', () => {
  const { cautions } = decide(detainer('2019-06-03T09:00:00-07:00', '2019-06-03T18:00:00-07:00'));
  assert.ok(cautions.includes('ca-values-act-local-policy'));
});
