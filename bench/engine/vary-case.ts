/**
 * Variations of a synthetic case, so a check covers every jurisdiction and request shape from
 * one caseload: the fingerprint (`fingerprint.ts`) and the compiled path's property test
 * (`src/engine/compiled.test.ts`) decide each case as generated and once varied.
 * @module
 */
import { INFORMATION_ITEMS, REQUESTERS, type CaseInput } from '../../src/engine/case.js';
import { JURISDICTIONS } from '../../src/law/jurisdictions.js';

const FORMS = ['I-247', 'I-247D', 'I-247A', 'I-247N', 'I-247G', 'I-247X', 'other'] as const;
const ACTION_SETS = [['hold'], ['notify'], ['transfer'], ['notify', 'hold', 'transfer']] as const;
const PURPOSES = [
  'civil-immigration-enforcement',
  'unrelated-to-civil-immigration-enforcement',
  'unknown',
] as const;

/**
 * The same facts under another jurisdiction, request kind, form, action set, information item,
 * requester, purpose, time zone, search status or unrecorded date, picked by a seeded draw: the
 * fingerprint and the compiled path's property test decide both.
 */
export function varyCase(input: CaseInput, random: () => number): CaseInput {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const copy = structuredClone(input);
  copy.jurisdiction = pick(JURISDICTIONS).id;
  const request = copy.request;
  request.requester = pick(REQUESTERS);
  request.informationPurpose = pick(PURPOSES);
  if (random() < 0.3) request.informationRequiredByLaw = pick([true, false, 'unknown'] as const);
  const kind = random();
  if (kind < 0.25) {
    request.kind = 'information-request';
    delete request.form;
    request.information = [pick(INFORMATION_ITEMS), pick(INFORMATION_ITEMS)];
  } else if (kind < 0.5) {
    request.form = pick(FORMS);
    if (request.form === 'other' || random() < 0.3) request.actions = [...pick(ACTION_SETS)];
  }
  if (random() < 0.1) delete copy.otherwiseReleaseAt;
  if (random() < 0.1) copy.timeZone = pick(['America/Los_Angeles', 'America/Chicago', 'UTC']);
  if (random() < 0.2 && copy.record)
    copy.record.searchCompleted = pick([true, false, 'unknown'] as const);
  if (random() < 0.1) delete copy.instantArrestDate;
  return copy;
}
