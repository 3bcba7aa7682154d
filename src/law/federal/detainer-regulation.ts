/**
 * The federal rules every jurisdiction starts from: 8 C.F.R. 287.7 (a detainer is a request;
 * the 48-hour cap excluding Saturdays, Sundays and holidays) and the hold the I-247A itself
 * asks for (48 hours, no exclusions). Where no state or local law is in force, these decide.
 * Source notes: jurisdictions.md § 1.2 and § 1.4.
 * @module
 */
import { clause, type Clause } from '../../engine/clause.js';
import type { EvalContext } from '../../engine/condition.js';
import { COVERAGE_START } from '../../engine/clause.js';
import type { Provision } from '../../engine/jurisdiction.js';
import type { ActionRule, HoldLimit } from '../../engine/rule.js';
import { actionRule } from '../../engine/rule.js';
import {
  holdUntilElapsedHours,
  holdUntilExcludingWeekendsAndHolidays,
} from '../../engine/time/hold-clock.js';

export const DETAINER_IS_A_REQUEST = clause({
  id: 'us.8-cfr-287.7.a',
  version: '62 FR 10312 (1997), as amended',
  citation: '8 C.F.R. § 287.7(a)',
  title: 'A detainer is a request',
  validFrom: COVERAGE_START,
  effective: 'In force since 1 April 1997 (62 FR 10312); the engine starts on 2000-01-01.',
  text:
    'A detainer serves to advise another law enforcement agency that the Service seeks custody of ' +
    'an alien presently in the custody of that agency, for the purpose of arresting and removing ' +
    'the alien. The detainer is a request that such agency advise the Service, prior to release ' +
    'of the alien, in order for the Service to arrange to assume custody, in situations when ' +
    'gaining immediate physical custody is either impracticable or impossible.',
  url: 'https://www.ecfr.gov/current/title-8/chapter-I/subchapter-B/part-287/section-287.7',
  verification: 'verbatim',
  note:
    'Quoted from the 1997 consolidated rule (jurisdictions.md § 1.2, [V]). Courts read ' +
    'detainers as requests, not commands (Galarza v. Szalczyk, 3d Cir. 2014), so complying ' +
    'is allowed, never required, unless a state or local law says otherwise.',
});

export const FORTY_EIGHT_HOUR_CAP = clause({
  id: 'us.8-cfr-287.7.d',
  version: '62 FR 10312 (1997), as amended',
  citation: '8 C.F.R. § 287.7(d)',
  title:
    'Temporary detention at Department request: at most 48 hours, excluding Saturdays, Sundays and holidays',
  validFrom: COVERAGE_START,
  effective: 'In force since 1 April 1997 (62 FR 10312); the engine starts on 2000-01-01.',
  text:
    'Upon a determination by the Department to issue a detainer for an alien not otherwise ' +
    'detained by a criminal justice agency, such agency shall maintain custody of the alien for ' +
    'a period not to exceed 48 hours, excluding Saturdays, Sundays, and holidays in order to ' +
    'permit assumption of custody by the Department.',
  url: 'https://www.ecfr.gov/current/title-8/chapter-I/subchapter-B/part-287/section-287.7',
  verification: 'verbatim',
  note:
    'The 1997 text said "Service"; DHS later substituted "Department" (the amending rule was ' +
    'not confirmed, jurisdictions.md Part 4 item 1). The limit itself is the same in both. ' +
    '"Holidays" are read as federal legal public holidays (docs/holidays.md).',
});

export const I_247A_HOLD_REQUEST = clause({
  id: 'us.dhs-form-i-247a.hold',
  version: 'I-247A (02/17)',
  citation: 'DHS Form I-247A (02/17), "It is therefore requested that you"',
  title: 'The I-247A asks for at most 48 hours beyond otherwise-release, with no exclusions',
  validFrom: COVERAGE_START,
  effective:
    'Applies to any I-247A presented; the form is in use from 2017-04-02 (ICE Policy 10074.2).',
  text:
    'Maintain custody of the alien for a period not to exceed 48 hours beyond the time when he/she ' +
    'would otherwise have been released from your custody to allow DHS to assume custody.',
  url: 'https://www.scribd.com/document/343192456/ICE-Guidance-for-Form-I-247A',
  verification: 'verbatim',
  note:
    'The form asks for 48 clock hours; the regulation caps holds at 48 hours excluding weekends ' +
    'and holidays. An agency may not hold longer than either allows, so the stricter applies.',
});

export const FEDERAL_CLAUSES: readonly Clause[] = Object.freeze([
  DETAINER_IS_A_REQUEST,
  FORTY_EIGHT_HOUR_CAP,
  I_247A_HOLD_REQUEST,
]);

/** The federal clauses as provisions: cited by every jurisdiction, deciding nothing alone. */
export const FEDERAL_PROVISIONS: readonly Provision[] = Object.freeze(
  FEDERAL_CLAUSES.map((c) => ({ clause: c })),
);

const HOURS = 48;

/**
 * The latest lawful end of a hold under federal law: the regulation's 48 hours excluding
 * Saturdays, Sundays and holidays, or, when the form itself asks for less (I-247A: 48 clock
 * hours), the form's limit.
 */
export const FEDERAL_HOLD_LIMIT: HoldLimit = Object.freeze({
  label:
    '48 hours from otherwise-release, excluding Saturdays, Sundays and holidays, or less if the form asks for less',
  cites: [FORTY_EIGHT_HOUR_CAP.id, I_247A_HOLD_REQUEST.id],
  compute: holdClock,
});

function holdClock(ctx: EvalContext): ReturnType<HoldLimit['compute']> {
  const startsAt = ctx.case.otherwiseReleaseAt;
  if (startsAt === undefined) {
    return {
      missing: [
        {
          path: 'otherwiseReleaseAt',
          question: 'When would the person otherwise be released? The hold clock starts then.',
          decidedBy: 'clerk',
        },
      ],
    };
  }
  // Elapsed hours never end later than hours that skip weekends and holidays, so the I-247A's
  // own request is the stricter limit whenever it applies.
  if (ctx.case.request.form === 'I-247A')
    return { clock: holdUntilElapsedHours(startsAt, HOURS, ctx.timeZone) };
  return { clock: holdUntilExcludingWeekendsAndHolidays(startsAt, HOURS, ctx.timeZone) };
}

const NO_LOCAL_LAW =
  'No state or local law limits compliance here; a detainer is a request the agency may honour.';

/** Federal baseline rules, used by a jurisdiction's clauses before its own law took effect. */
export function federalBaseline(
  localClauseId: string,
): Record<'hold' | 'notify' | 'transfer' | 'information', ActionRule> {
  return {
    hold: actionRule({
      status: 'allowed',
      explanation: `${NO_LOCAL_LAW} A hold may not exceed the federal limit.`,
      cites: [localClauseId, DETAINER_IS_A_REQUEST.id, FORTY_EIGHT_HOUR_CAP.id],
      holdLimit: FEDERAL_HOLD_LIMIT,
    }),
    notify: actionRule({
      status: 'allowed',
      explanation: NO_LOCAL_LAW,
      cites: [localClauseId, DETAINER_IS_A_REQUEST.id],
    }),
    transfer: actionRule({
      status: 'allowed',
      explanation: NO_LOCAL_LAW,
      cites: [localClauseId, DETAINER_IS_A_REQUEST.id],
    }),
    information: actionRule({
      status: 'allowed',
      explanation: 'No state or local law limits answering requests for information here.',
      cites: [localClauseId],
    }),
  };
}
