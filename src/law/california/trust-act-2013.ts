/**
 * The TRUST Act, AB 4 (Ammiano), Stats. 2013 ch. 570: Gov. Code §§ 7282, 7282.5, in force
 * 2014-01-01 until SB 54 rewrote § 7282.5 from 2018-01-01. It limits only holds: a law
 * enforcement official may detain a person on an immigration hold after they become eligible
 * for release only if continued detention would violate no law or local policy and a § 7282.5
 * criterion is met. Notification and transfer are not regulated. Known only from secondary
 * summaries (jurisdictions.md § 2.1(b), Version A, [S]).
 * @module
 */
import { clause } from '../../engine/clause.js';
import { all, any, derived, not } from '../../engine/condition.js';
import { localDateOf, parseInstant } from '../../engine/dates.js';
import type { Obligation, Provision } from '../../engine/jurisdiction.js';
import { UNKNOWN } from '../../engine/tri.js';
import { actionRule } from '../../engine/rule.js';
import { FEDERAL_HOLD_LIMIT } from '../federal/detainer-regulation.js';
import { CLAUSE } from './clause-ids.js';
import { cooperationCriteria, finding, magistrateProbableCause } from './facts.js';
import { SOURCE } from './sources.js';

const VERSION = 'AB 4 (Stats. 2013, ch. 570)';
const EFFECTIVE = 'Enacted 2013-10-05; in force 2014-01-01 (a statute’s ordinary effective date).';
const UNTIL = '2018-01-01';
const SECONDARY =
  'Known from secondary summaries (jurisdictions.md § 2.1(a)-(b), [S]); the chaptered text of ' +
  'AB 4 was not read.';

export const COOPERATION_CRITERIA = clause({
  id: CLAUSE.cooperationCriteria,
  version: VERSION,
  citation: 'Gov. Code § 7282.5(a), as added by AB 4 (2013)',
  title: 'When a person may be held on an immigration hold after becoming eligible for release',
  validFrom: '2014-01-01',
  validTo: UNTIL,
  effective: EFFECTIVE,
  text: `(a) A law enforcement official may detain an individual on the basis of an immigration hold after that individual becomes eligible for release from custody only if the continued detention of the individual on the basis of the immigration hold would not violate any federal, state, or local law, or any local policy, and only if any of the following applies:
(1) The individual has been convicted of a serious or violent felony identified in subdivision (c) of Section 1192.7 of, or subdivision (c) of Section 667.5 of, the Penal Code.
(2) The individual has been convicted of a felony punishable by imprisonment in the state prison.
(3) The individual has been convicted within the past five years of a misdemeanor for a crime punishable as either a misdemeanor or a felony, or within 15 years of a felony, for any of the offenses listed in this paragraph.
(4) The individual is a current registrant on the California Sex and Arson Registry.
(5) The individual has been convicted of a federal crime that meets the definition of an aggravated felony in subparagraphs (A) to (P) of 8 U.S.C. § 1101(a)(43).
(6) The individual is identified by the United States Immigration and Customs Enforcement as the subject of an outstanding federal felony arrest warrant.`,
  url: SOURCE.trustAct,
  verification: 'secondary',
  note:
    `${SECONDARY} Unverified: whether AB 4's (a)(3) limited the felony limb to 15 years or ` +
    'counted a listed felony "at any time" (the 15-year limit may be SB 54’s); the shared ' +
    'finding findings.california.listedOffenseWithinLookback assumes 15 years. Also [U]: AB 4 ' +
    'defined "immigration hold" as at most 48 hours excluding Saturdays, Sundays and holidays; ' +
    'the federal limit applied here is never longer.',
});

export const MAGISTRATE_PROBABLE_CAUSE = clause({
  id: CLAUSE.magistrateProbableCause,
  version: VERSION,
  citation: 'Gov. Code § 7282.5(b), as added by AB 4 (2013)',
  title: 'A hold on a pending felony charge after a magistrate’s probable-cause finding',
  validFrom: '2014-01-01',
  validTo: UNTIL,
  effective: EFFECTIVE,
  text: `(b) If none of the conditions listed in subdivision (a) is satisfied, an individual may be detained on the basis of an immigration hold after becoming eligible for release from custody only if the continued detention would not violate any federal, state, or local law, or any local policy, and the individual has been arrested and taken before a magistrate on a charge involving a serious or violent felony, or a felony punishable by imprisonment in the state prison, and the magistrate has found probable cause as to that charge pursuant to Section 872 of the Penal Code.`,
  url: SOURCE.trustAct,
  verification: 'secondary',
  note: SECONDARY,
});

const CITES = [CLAUSE.cooperationCriteria, CLAUSE.magistrateProbableCause];

const wouldNotViolateLaw = not(
  {
    label: 'Continued detention would not violate any federal, state or local law, or local policy',
    cites: CITES,
  },
  finding({
    name: 'detentionWouldViolateLaw',
    label: 'Continued detention would violate a federal, state or local law, or local policy',
    question:
      'Would holding the person past release violate any federal, state or local law, or any ' +
      'local policy (for example a county policy against holds, or the Fourth Amendment)?',
    cites: CITES,
    decidedBy: 'legal-reviewer',
  }),
);

const mayHold = all(
  { label: 'Both conditions of the TRUST Act hold', cites: CITES },
  wouldNotViolateLaw,
  any(
    { label: 'A § 7282.5(a) criterion or the § 7282.5(b) magistrate finding', cites: CITES },
    ...cooperationCriteria({
      cites: [CLAUSE.cooperationCriteria],
      warrantParagraph: '(a)(6)',
      proposition47Bar: false,
    }),
    magistrateProbableCause([CLAUSE.magistrateProbableCause]),
  ),
);

/**
 * A hold that starts under the TRUST Act may run into 2018, when § 7284.6(a)(1)(B) forbids
 * detaining anyone on a hold request. The engine decides a hold by the law on its first day, so
 * the overlap is a caution, not a shorter limit.
 */
const holdRunsIntoValuesAct = derived({
  label: 'A hold begun before 2018-01-01 would, at the federal limit, still run on that day',
  cites: [CLAUSE.cooperationCriteria],
  evaluate(ctx) {
    const facts = [{ path: 'otherwiseReleaseAt', value: ctx.case.otherwiseReleaseAt }];
    const startMs = ctx.otherwiseReleaseAtMs;
    if (startMs !== undefined && localDateOf(startMs, ctx.timeZone) >= UNTIL) {
      return { value: false, facts, reason: 'the hold begins under the Values Act' };
    }
    const { clock, missing } = FEDERAL_HOLD_LIMIT.compute(ctx);
    if (!clock) return { value: UNKNOWN, facts, ...(missing ? { missing } : {}) };
    // The hold's last instant, so a limit ending exactly at midnight does not count.
    const lastMs = parseInstant(clock.until) - 1;
    return { value: localDateOf(lastMs, ctx.timeZone) >= UNTIL, facts };
  },
});

const HOLD_INTO_2018: Obligation = {
  id: 'ca-trust-act-hold-ends-2018-01-01',
  text:
    'From 2018-01-01 the California Values Act forbids detaining anyone on the basis of a hold ' +
    'request (Gov. Code § 7284.6(a)(1)(B)). Read here to mean that a hold begun under the TRUST ' +
    'Act ends when that day begins, unless ICE has taken custody; have a legal reviewer confirm.',
  cites: [CLAUSE.cooperationCriteria],
  actions: ['hold'],
  when: all(
    { label: 'A TRUST Act hold that would run into 2018', cites: [CLAUSE.cooperationCriteria] },
    mayHold,
    holdRunsIntoValuesAct,
  ),
};

export const TRUST_ACT_PROVISIONS: readonly Provision[] = Object.freeze([
  {
    clause: COOPERATION_CRITERIA,
    decides: {
      hold: actionRule(
        {
          status: 'not-allowed',
          explanation:
            'Under the TRUST Act a person may be held on an immigration hold after becoming ' +
            'eligible for release only if continued detention would violate no law or local ' +
            'policy and a § 7282.5 criterion is met.',
          cites: CITES,
        },
        {
          label:
            'Detention violates no law or local policy, and a § 7282.5(a) criterion or the (b) magistrate finding is met',
          when: mayHold,
          then: {
            status: 'allowed',
            explanation:
              'The TRUST Act leaves the hold to the official’s discretion; it may not exceed the federal limit.',
            cites: CITES,
            holdLimit: FEDERAL_HOLD_LIMIT,
          },
        },
      ),
    },
    cautions: [HOLD_INTO_2018],
  },
  { clause: MAGISTRATE_PROBABLE_CAUSE },
]);
