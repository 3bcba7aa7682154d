/**
 * An imported ICE release's detainer rows as cases to replay: each row the engine's case
 * (docs/case-format.md) for the jurisdiction whose agency its facility and state make clear, with
 * every fact the release cannot give left out, so the engine names it as missing instead of a
 * guess deciding it. Rows that map to no encoded jurisdiction are skipped and counted by reason;
 * the facts left out are counted by case. Pure: the rows come from the service
 * (src/services/replay-release.ts), which reads them from the ICE database.
 *
 * Field by field, in the words of the Deportation Data Project's codebook of ICE's detainer
 * releases (docs/ice.md lists the formats); the importer keeps the same fields from every format
 * A–F (src/ice/formats.ts):
 *
 * - `Detainer Prepare Date` ("Date on which detainer was issued/sent to the receiving jail/prison")
 *   → `decisionAt`, the start of that day in the jurisdiction's time zone. This is the decisive
 *   date: the only date every format has, and the day the jail was asked. The agency decides a
 *   detainer when it receives it, and the release says only when ICE sent it, so the day it was
 *   sent stands for the day it was received and decided. The time of day ICE sometimes records is
 *   left aside: its time zone is not documented, and a time near midnight could fall on another
 *   local day. `request.receivedAt` is left out (the release does not say when the jail received
 *   it), so nothing but the law date rests on the stand-in.
 * - No release or removal date becomes `otherwiseReleaseAt`. Formats A–C's `Departed Date` ("Date
 *   of actual departure or deportation from the United States") is when ICE removed the person,
 *   not when the jail would otherwise have released them, and the importer does not keep it. So
 *   the hold clock has no start and the law is the one in force on the prepare date; the engine
 *   says so on each answer (the otherwise-release time is not recorded).
 * - `Facility State` ("State of the jail/prison receiving the detainer request") and `Detention
 *   Facility` ("the name of the jail or prison to which ICE made a detainer request") →
 *   `jurisdiction`, by the ICE analyses' own matcher (src/ice/analysis/agency-match.ts): every
 *   facility in Texas or California falls under that state's law; in New York, a facility whose
 *   name is New York City's Department of Correction's, Police Department's or Department of
 *   Probation's (ICE's spellings inferred, and counted as such). `Facility AOR` is not read: an
 *   area of responsibility is an ICE field office's territory, which can cross state lines
 *   (ice.gov/contact/field-offices), so it cannot say which state's law applies.
 * - `Detainer Type` ("Indicates whether the detainer asked the receiving facility to detain a
 *   person for additional time or to provide ICE with a notification of the planned release
 *   date. We are unsure how reliable this field is.") → `request.form`, read as the analyses read
 *   it (detainer-types.ts: `I247A - …` is the I-247A). A blank type, or one that is not a form of
 *   the I-247 family, leaves the form out. `request.actions` is left to the engine, which reads
 *   them from the form.
 * - Every row is a detainer ICE prepared → `request.kind` `detainer`, `request.requester` `ice`.
 * - `Detainer Prepared Criminality` and `Detainer Prep Threat Level` say whether ICE records a
 *   conviction or a pending charge, not which crime, when or where; formats A–C's `MSC Charge` is
 *   only the "most serious" conviction, and the importer keeps none of them. So the criminal
 *   history is not recorded (`record.searchCompleted` unknown, no conviction or pending case):
 *   a law that asks about convictions gets `needs-information`, never "none".
 * - Nothing in any format records a judicial warrant, the arrest that brought the person into the
 *   jail (formats A–C's `Apprehension Date` is ICE's arrest), database indications or California's
 *   findings: all are left out.
 * - `Unique Identifier` is not read: a case is known by where its row is in the import (`row 12`,
 *   or `Sheet1 row 8` in a workbook), and no person id reaches a replay's result.
 * - `Detainer Lift Reason` (what became of the detainer) is not an input of the decision.
 *
 * Rows flagged `duplicate_likely` (another detainer for the same person less than 24 hours before)
 * are left out unless asked for, as the ICE analyses leave them out, and counted.
 * @module
 */
import { DateTime } from 'luxon';
import { parseCase, FORMS, type Case, type CaseInput, type Form } from '../engine/case.js';
import { COVERAGE_START } from '../engine/clause.js';
import { isLocalDate } from '../engine/dates.js';
import type { Jurisdiction } from '../engine/jurisdiction.js';
import { AGENCY_ALIASES } from '../ice/analysis/agency-aliases.js';
import { matchAgency } from '../ice/analysis/agency-match.js';
import { detainerFormOf } from '../ice/analysis/detainer-types.js';
import { stateName } from '../ice/analysis/us-states.js';
import type { ReplayCase } from './replay.js';

/** One detainer as the ICE database holds it (`ice_detainers`), with the fields a case needs. */
export interface IceDetainerRow {
  /** The workbook sheet the row was on; null for CSV and parquet. */
  readonly sheet: string | null;
  /** The row in the imported file (docs/ice.md, Provenance). */
  readonly row: number;
  /** `YYYY-MM-DD`. */
  readonly preparedDate: string | null;
  readonly detainerType: string | null;
  readonly facility: string | null;
  readonly state: string | null;
  readonly duplicateLikely: boolean;
}

/** Why a row is no case, in the order the mapping asks. */
export const SKIP_REASONS = Object.freeze([
  'prepare-date-unusable',
  'before-encoded-law',
  'likely-duplicate',
  'state-blank',
  'state-without-law',
  'facility-not-matched',
  'form-unknown',
] as const);
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface SkippedRows {
  readonly reason: SkipReason;
  /** The reason in words, naming the state where it is the state's. */
  readonly text: string;
  readonly rows: number;
}

/** A fact of the case format the release cannot give, and why. */
export interface UnknownFact {
  readonly path: string;
  readonly why: string;
}

export interface ReleaseCasesSummary {
  /** Rows read = mapped + skipped. */
  readonly rows: { readonly read: number; readonly mapped: number; readonly skipped: number };
  /** Skipped rows by reason, most first. */
  readonly skipped: readonly SkippedRows[];
  /** Cases by jurisdiction; `inferred`: mapped by a name pattern whose ICE spelling is inferred. */
  readonly jurisdictions: readonly {
    readonly jurisdiction: string;
    readonly cases: number;
    readonly inferred: number;
  }[];
  /** Facts of the case format left out, with the number of cases each is missing from. */
  readonly unknownFacts: readonly (UnknownFact & { readonly cases: number })[];
}

export interface ReleaseImport {
  readonly id: number;
  readonly fileName: string;
  readonly format: string;
  /** The demo's synthetic release: made up, not ICE's data. */
  readonly synthetic: boolean;
}

/** What a replay of a release's rows says of its input, beside the replay's result. */
export interface ReleaseInput extends ReleaseCasesSummary {
  readonly import: ReleaseImport;
  readonly filter: {
    readonly state?: string;
    readonly facility?: string;
    readonly from?: string;
    readonly to?: string;
    readonly includeDuplicates: boolean;
  };
}

/** What no row of any release gives: left out of every case (of `only` that jurisdiction). */
export const NEVER_IN_A_RELEASE: readonly (UnknownFact & { readonly only?: string })[] =
  Object.freeze([
    {
      path: 'record.searchCompleted',
      why: 'the criminal history: ICE’s criminality and threat level say whether it records a conviction or a pending charge, not which crime, when or where, so no conviction or pending case is listed',
    },
    {
      path: 'request.judicialWarrant',
      why: 'no release records whether a judicial warrant came with the detainer',
    },
    {
      path: 'otherwiseReleaseAt',
      why: 'no release records when the jail would otherwise have released the person (Departed Date is the removal from the United States)',
    },
    {
      path: 'instantArrestDate',
      why: 'no release records the arrest that brought the person into the jail',
    },
    {
      path: 'request.receivedAt',
      why: 'the release gives the day ICE prepared the detainer, not when the jail received it',
    },
    {
      path: 'record.finalOrderOfRemoval',
      why: 'formats A–C have Final Order Yes No, but the importer does not keep it',
    },
    ...[
      'record.criminalWarrant',
      'record.knownGangMember',
      'record.terroristScreeningMatch',
      'record.warrantOfRemoval',
      'record.reenteredAfterRemoval',
      'record.proofOfLawfulStatus',
    ].map((path) => ({ path, why: 'no release records it' })),
    {
      path: 'findings.california',
      why: 'the findings California’s law asks of the agency are the agency’s, not ICE’s',
      only: 'california',
    },
  ]);

/** The forms a release's type can name; `other` is not one a type can be read as. */
const KNOWN_FORMS: ReadonlySet<string> = new Set(FORMS.filter((form) => form !== 'other'));

/** States named in a summary's reasons; rows of any further state are counted together. */
const MAX_STATES_NAMED = 20;
const STATE_TEXT_MAX = 40;

/** States where an encoded jurisdiction covers some facilities (New York: only the city's). */
const AGENCY_STATES: ReadonlyMap<string, readonly string[]> = (() => {
  const byState = new Map<string, string[]>();
  for (const alias of AGENCY_ALIASES) {
    const agencies = byState.get(alias.state) ?? [];
    if (!agencies.includes(alias.agency)) agencies.push(alias.agency);
    byState.set(alias.state, agencies);
  }
  return byState;
})();

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Maps rows one at a time and keeps the counts: `caseOf` returns the row's case, or undefined for
 * a row it skips; `summary` says what was read, mapped, skipped and left out. Facility matches and
 * day starts are cached: a release repeats a few thousand facilities and days over many rows.
 */
export class ReleaseCases {
  private read = 0;
  private mapped = 0;
  private readonly skips = new Map<
    string,
    { reason: SkipReason; state: string | undefined; rows: number }
  >();
  private readonly byJurisdiction = new Map<string, { cases: number; inferred: number }>();
  private readonly places = new Map<string, PlaceMatch>();
  private readonly dayStarts = new Map<string, string>();
  private readonly cases = new Map<string, Case>();
  private readonly forms = new Map<string | null, Form | undefined>();
  private readonly zones: ReadonlyMap<string, string>;

  constructor(
    jurisdictions: readonly Jurisdiction[],
    private readonly options: { includeDuplicates: boolean } = { includeDuplicates: false },
  ) {
    this.zones = new Map(jurisdictions.map((known) => [known.id, known.timeZone]));
  }

  caseOf(row: IceDetainerRow): ReplayCase | undefined {
    this.read++;
    const mapped = this.map(row);
    if ('skip' in mapped) {
      const id = `${mapped.skip}\t${mapped.state ?? ''}`;
      const known = this.skips.get(id);
      if (known) known.rows++;
      else this.skips.set(id, { reason: mapped.skip, state: mapped.state, rows: 1 });
      return undefined;
    }
    this.mapped++;
    const counts = this.byJurisdiction.get(mapped.input.jurisdiction) ?? { cases: 0, inferred: 0 };
    counts.cases++;
    if (mapped.inferred) counts.inferred++;
    this.byJurisdiction.set(mapped.input.jurisdiction, counts);
    return { key: keyOf(row), input: this.parsed(mapped.input) };
  }

  private map(row: IceDetainerRow): Skip | { input: CaseInput; inferred: boolean } {
    const date = row.preparedDate;
    if (date === null || !isLocalDate(date)) return { skip: 'prepare-date-unusable' };
    if (date < COVERAGE_START) return { skip: 'before-encoded-law' };
    if (row.duplicateLikely && !this.options.includeDuplicates) return { skip: 'likely-duplicate' };
    const place = this.placeOf(row.facility, row.state);
    if ('skip' in place) return place;
    const zone = this.zones.get(place.jurisdiction);
    // Every alias names a jurisdiction the desk knows (agency-match.test.ts).
    if (zone === undefined) throw new Error(`no jurisdiction ${place.jurisdiction} to map to`);
    const form = this.formOf(row.detainerType);
    if (form === undefined) return { skip: 'form-unknown' };
    return {
      inferred: place.inferred,
      input: {
        jurisdiction: place.jurisdiction,
        decisionAt: this.dayStart(date, zone),
        request: { kind: 'detainer', requester: 'ice', form },
        record: { searchCompleted: 'unknown', convictions: [], pendingCases: [] },
      },
    };
  }

  summary(): ReleaseCasesSummary {
    const skipped = [...this.skips.values()].map((skip) => ({
      reason: skip.reason,
      text: skipText(skip.reason, skip.state),
      rows: skip.rows,
    }));
    return {
      rows: { read: this.read, mapped: this.mapped, skipped: this.read - this.mapped },
      skipped: foldStates(skipped),
      jurisdictions: [...this.byJurisdiction.entries()]
        .map(([jurisdiction, counts]) => ({ jurisdiction, ...counts }))
        .sort((a, b) => byText(a.jurisdiction, b.jurisdiction)),
      unknownFacts: NEVER_IN_A_RELEASE.map(({ path, why, only }) => ({
        path,
        why,
        cases: only === undefined ? this.mapped : (this.byJurisdiction.get(only)?.cases ?? 0),
      })).filter((fact) => fact.cases > 0),
    };
  }

  /**
   * The case, validated once for all rows with the same facts: a release's case is its
   * jurisdiction, day and form alone, so rows share a few thousand cases (which nothing changes).
   */
  private parsed(input: CaseInput & { request: { form?: string } }): Case {
    const id = `${input.jurisdiction}\t${input.decisionAt}\t${input.request.form ?? ''}`;
    let parsed = this.cases.get(id);
    if (!parsed) {
      parsed = parseCase(input);
      this.cases.set(id, parsed);
    }
    return parsed;
  }

  private formOf(type: string | null): Form | undefined {
    if (this.forms.has(type)) return this.forms.get(type);
    const form = formOf(type);
    this.forms.set(type, form);
    return form;
  }

  private placeOf(facility: string | null, state: string | null): PlaceMatch {
    const id = `${facility ?? ''}\t${state ?? ''}`;
    let place = this.places.get(id);
    if (!place) {
      place = matchPlace(facility, state);
      this.places.set(id, place);
    }
    return place;
  }

  private dayStart(date: string, zone: string): string {
    const id = `${date} ${zone}`;
    let start = this.dayStarts.get(id);
    if (start === undefined) {
      start = DateTime.fromISO(date, { zone }).toISO({ suppressMilliseconds: true }) ?? '';
      this.dayStarts.set(id, start);
    }
    return start;
  }
}

interface Skip {
  skip: SkipReason;
  state?: string;
}

type PlaceMatch = { jurisdiction: string; inferred: boolean } | Skip;

function matchPlace(facility: string | null, state: string | null): PlaceMatch {
  const name = stateName(state);
  if (name === undefined) return { skip: 'state-blank' };
  const match = matchAgency(facility, state);
  if (match) return { jurisdiction: match.agency, inferred: match.inferred };
  const shown = name.length > STATE_TEXT_MAX ? `${name.slice(0, STATE_TEXT_MAX)}…` : name;
  return AGENCY_STATES.has(name)
    ? { skip: 'facility-not-matched', state: shown }
    : { skip: 'state-without-law', state: shown };
}

/** The form ICE's type names, when it names one of the I-247 family. */
function formOf(type: string | null): Form | undefined {
  const form = detainerFormOf(type);
  return form !== undefined && KNOWN_FORMS.has(form) ? (form as Form) : undefined;
}

function keyOf(row: IceDetainerRow): string {
  return row.sheet === null ? `row ${String(row.row)}` : `${row.sheet} row ${String(row.row)}`;
}

function skipText(reason: SkipReason, state: string | undefined): string {
  switch (reason) {
    case 'prepare-date-unusable':
      return 'the prepare date is blank or not a calendar date';
    case 'before-encoded-law':
      return `prepared before ${COVERAGE_START}, the first day whose law is encoded`;
    case 'likely-duplicate':
      return 'a likely duplicate: the same person had another detainer less than 24 hours before';
    case 'form-unknown':
      return 'the detainer type is blank or not a form of the I-247 family, so nothing says what the detainer asks for';
    case 'state-blank':
      return 'the facility’s state is blank or redacted';
    case 'state-without-law':
      return state === undefined
        ? 'in a state for which no jurisdiction’s law is encoded'
        : `in ${state}, for which no jurisdiction’s law is encoded`;
    case 'facility-not-matched': {
      const agencies = AGENCY_STATES.get(state ?? '')?.join(', ') ?? '';
      return `a facility in ${state ?? 'the state'} that is none of the agencies encoded there (${agencies})`;
    }
  }
}

/** Most first; past the first MAX_STATES_NAMED states, a reason's other states counted as one. */
function foldStates(skipped: readonly SkippedRows[]): SkippedRows[] {
  const sorted = [...skipped].sort((a, b) => b.rows - a.rows || byText(a.text, b.text));
  const named: SkippedRows[] = [];
  let others = 0;
  let statesNamed = 0;
  for (const skip of sorted) {
    if (skip.reason !== 'state-without-law') named.push(skip);
    else if (statesNamed++ < MAX_STATES_NAMED) named.push(skip);
    else others += skip.rows;
  }
  if (others > 0) {
    named.push({
      reason: 'state-without-law',
      text: skipText('state-without-law', undefined),
      rows: others,
    });
  }
  return named;
}
