/**
 * A law choice: the law a replay decides the same facts under instead of the law in force. Either
 * another jurisdiction's law, chosen by date as usual ("texas", "california"), or one encoded
 * version pinned whatever the date ("nyc-nypd@LL21/2013", "nyc-doc@2016-05-01").
 *
 * A choice resolves to an engine over the unchanged jurisdictions with one of them wrapped: a
 * pinned jurisdiction's `lawOn` returns the one period it was pinned to, so the engine's decision
 * logic is untouched and every outcome still carries that period's law hash and clause versions.
 * An amended choice is a pinned one whose period is first rebuilt by a user's amendment
 * (./amendment.ts), and resolves the same way.
 * @module
 */
import type { Case } from '../engine/case.js';
import { isLocalDate } from '../engine/dates.js';
import { COVERAGE_START } from '../engine/clause.js';
import { createEngine, type Engine } from '../engine/evaluate.js';
import type { Jurisdiction, LawInForce } from '../engine/jurisdiction.js';
import { amendLaw, amendmentId, type Amendment } from './amendment.js';
import { LawChoiceError } from './law-choice-error.js';

export { LawChoiceError };

export type LawChoice =
  /** The jurisdiction's law in force on each case's dates, as the engine chooses it. */
  | { readonly kind: 'jurisdiction'; readonly jurisdiction: string }
  /** The law of the period that begins on `from`, applied whatever the case's dates. */
  | { readonly kind: 'pinned'; readonly jurisdiction: string; readonly from: string }
  /** That period's law as a user's amendment changes it (read by `readAmendment`). */
  | {
      readonly kind: 'amended';
      readonly jurisdiction: string;
      readonly from: string;
      readonly amendment: Amendment;
    };

export interface ResolvedLawChoice {
  readonly choice: LawChoice;
  /** Says which law decides, in words, e.g. "nyc-nypd: the law in force from 2013-07-16 (LL21/2013)". */
  readonly label: string;
  /** The pinned period's law hash; absent when the law still follows the dates. */
  readonly lawHash?: string;
  /** The engine that decides under the choice. */
  readonly engine: Engine;
  /** The same facts as a case of the chosen jurisdiction. */
  caseUnder(input: Case): Case;
}

/**
 * Reads `<jurisdiction>`, `<jurisdiction>@<YYYY-MM-DD>` (the law in force that day) or
 * `<jurisdiction>@<version>` (the law as it stood when that enactment's first clause came into
 * force, e.g. `nyc-doc@LL22/2013`, `texas@SB 4`).
 */
export function parseLawChoice(
  text: string,
  jurisdictions: readonly Jurisdiction[],
  field = 'under',
): LawChoice {
  const trimmed = text.trim();
  const at = trimmed.indexOf('@');
  const id = at === -1 ? trimmed : trimmed.slice(0, at).trim();
  const jurisdiction = jurisdictions.find((known) => known.id === id);
  if (!jurisdiction) {
    throw new LawChoiceError(
      field,
      `"${id}" is not a jurisdiction the engine knows; known: ${jurisdictions.map((j) => j.id).join(', ')}`,
    );
  }
  if (at === -1) return { kind: 'jurisdiction', jurisdiction: id };
  const pin = trimmed.slice(at + 1).trim();
  if (isLocalDate(pin)) {
    if (pin < COVERAGE_START) {
      throw new LawChoiceError(field, `${pin} is before ${COVERAGE_START}, the first day encoded`);
    }
    return { kind: 'pinned', jurisdiction: id, from: jurisdiction.lawOn(pin).from };
  }
  return { kind: 'pinned', jurisdiction: id, from: versionStart(jurisdiction, pin, field) };
}

/** Enactments only: "not in force" and "repealed by …" are states of a clause, not versions. */
function enactments(jurisdiction: Jurisdiction): string[] {
  return [
    ...new Set(
      jurisdiction.clauses
        .map((clause) => clause.version)
        .filter((version) => version !== 'not in force' && !version.startsWith('repealed by')),
    ),
  ];
}

/** A version is named in full or by its leading words: "SB 4" for "SB 4 (85th Leg., R.S., 2017)". */
function versionStart(jurisdiction: Jurisdiction, name: string, field: string): string {
  const wanted = name.toLowerCase();
  const versions = enactments(jurisdiction);
  const exact = versions.filter((version) => version.toLowerCase() === wanted);
  const matches =
    exact.length > 0
      ? exact
      : versions.filter(
          (version) =>
            version.toLowerCase().startsWith(`${wanted} `) ||
            version.toLowerCase().startsWith(`${wanted},`),
        );
  if (matches.length !== 1) {
    const known = versions.map((version) => `"${version}"`).join(', ');
    throw new LawChoiceError(
      field,
      matches.length === 0
        ? `${jurisdiction.id} has no version "${name}"; its versions: ${known}, or give a date YYYY-MM-DD`
        : `"${name}" names ${String(matches.length)} versions of ${jurisdiction.id}: ${matches.map((v) => `"${v}"`).join(', ')}`,
    );
  }
  const version = matches[0]!;
  const first = jurisdiction.clauses
    .filter((clause) => clause.version === version)
    .map((clause) => clause.validFrom)
    .sort()[0]!;
  return jurisdiction.lawOn(first).from;
}

/**
 * A pinned choice amended. The law is pinned first: an amendment changes one version's text, and
 * a choice that follows the dates has no one version to change.
 */
export function amendedChoice(base: LawChoice, amendment: Amendment, field = 'under'): LawChoice {
  if (base.kind !== 'pinned') {
    throw new LawChoiceError(
      field,
      `an amendment changes one version: name it, e.g. "${base.jurisdiction}@2014-12-14" or "${base.jurisdiction}@<version>"`,
    );
  }
  return { kind: 'amended', jurisdiction: base.jurisdiction, from: base.from, amendment };
}

/**
 * The choice written back as `parseLawChoice` reads it; an amended one is followed by the
 * amendment's fingerprint (`nyc-doc@2014-12-14+amendment 3f2a…`), the amendment itself being data.
 */
export function lawChoiceText(choice: LawChoice): string {
  switch (choice.kind) {
    case 'jurisdiction':
      return choice.jurisdiction;
    case 'pinned':
      return `${choice.jurisdiction}@${choice.from}`;
    case 'amended':
      return `${choice.jurisdiction}@${choice.from}+amendment ${amendmentId(choice.amendment)}`;
  }
}

/** The enactments whose clauses are in force in the period, for a label a lawyer recognises. */
function versionsOf(law: LawInForce): string[] {
  return [...new Set([...law.clauses.values()].map((clause) => clause.version))]
    .filter((version) => version !== 'not in force' && !version.startsWith('repealed by'))
    .sort();
}

export function resolveLawChoice(
  choice: LawChoice,
  jurisdictions: readonly Jurisdiction[],
): ResolvedLawChoice {
  const target = jurisdictions.find((known) => known.id === choice.jurisdiction);
  if (!target) {
    throw new LawChoiceError(
      'under',
      `"${choice.jurisdiction}" is not a jurisdiction the engine knows`,
    );
  }
  const byId = new Map(jurisdictions.map((known) => [known.id, known]));
  const caseUnder = (input: Case): Case => {
    if (input.jurisdiction === target.id) return input;
    // The same instants read in the same local dates: the facts' own time zone is kept.
    const timeZone = input.timeZone ?? byId.get(input.jurisdiction)?.timeZone;
    return { ...input, jurisdiction: target.id, ...(timeZone === undefined ? {} : { timeZone }) };
  };
  if (choice.kind === 'jurisdiction') {
    return {
      choice,
      label: `${target.id}: ${target.name}, the law in force on each case's dates`,
      engine: createEngine(jurisdictions),
      caseUnder,
    };
  }
  if (!isLocalDate(choice.from) || choice.from < COVERAGE_START) {
    throw new LawChoiceError(
      'under',
      `"${choice.from}" is not a date YYYY-MM-DD from ${COVERAGE_START}`,
    );
  }
  const law = target.lawOn(choice.from);
  if (law.from !== choice.from) {
    throw new LawChoiceError(
      'under',
      `no period of ${target.id}'s law begins on ${choice.from}; the law in force that day began on ${law.from}`,
    );
  }
  const amendment = choice.kind === 'amended' ? choice.amendment : undefined;
  const decides = amendment ? amendLaw(target, law, amendment, 'amendment') : law;
  const versions = `the law in force from ${law.from} (${versionsOf(law).join(', ')})`;
  const named = amendment
    ? `${versions} as amended by "${amendment.title}" (amendment ${amendmentId(amendment)})`
    : versions;
  const how = amendment ? `as amended (amendment ${amendmentId(amendment)}), pinned` : 'pinned';
  const pinned = pinnedJurisdiction(target, decides, how);
  return {
    choice,
    label: `${target.id}: ${named}, whatever the case's dates`,
    lawHash: decides.hash,
    engine: createEngine(jurisdictions.map((known) => (known === target ? pinned : known))),
    caseUnder,
  };
}

/** The jurisdiction with every day's law replaced by one period's. */
function pinnedJurisdiction(
  jurisdiction: Jurisdiction,
  law: LawInForce,
  how: string,
): Jurisdiction {
  return Object.freeze({
    ...jurisdiction,
    summary: Object.freeze({
      id: jurisdiction.id,
      name: `${jurisdiction.name}, the law in force from ${law.from} ${how}`,
    }),
    lawOn: () => law,
  });
}
