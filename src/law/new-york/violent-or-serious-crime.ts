/**
 * Whether one New York conviction is a "violent or serious crime" under DOC § 9-131(a)(7), which
 * NYPD § 14-154(a)(6) repeats word for word and Probation § 9-205 borrows.
 *
 * The answer is one of four: 'listed' (with the subparagraph that lists it), 'not-listed',
 * 'unknown' (naming the facts of the conviction that would decide it) or 'legal-review' (the list
 * may reach it, but a person has to decide: a judgment under a repealed section, or an offence
 * that only an unverified 2019 DOC rule would add).
 *
 * The conviction's own level decides "felony"; the list's class column is never used to guess it.
 *
 * Results are shared, frozen objects: the same question gets the same object back, so a match
 * allocates nothing once it has been seen. Do not mutate them.
 * @module
 */
import { isLocalDate } from '../../engine/dates.js';
import type { Charge, Inchoate, OffenseLevel } from './charge-code.js';
import type { CrimeListEntry, Subparagraph } from './violent-or-serious-crimes.js';
import { VIOLENT_OR_SERIOUS_CRIMES } from './violent-or-serious-crimes.js';

/** One New York conviction as the list needs to see it. */
export interface ConvictionForList {
  /** For an inchoate conviction, `section`/`subdivision` are the target offence. */
  charge: Charge;
  /** Level of the judgment; overrides `charge.level`. */
  level?: OffenseLevel;
  /** The judgment was entered on a hate crime (PL 485.05 / 485.10). A charge under 485.05 is one too. */
  hateCrime?: boolean;
  /** Date the judgment was entered (YYYY-MM-DD); needed only for repealed sections. */
  judgmentDate?: string;
}

export type CrimeListMatch =
  | { status: 'listed'; subparagraph: Subparagraph; entry: CrimeListEntry; explanation: string }
  | { status: 'not-listed'; explanation: string }
  | {
      status: 'unknown';
      missing: ('level' | 'subdivision' | 'judgmentDate')[];
      explanation: string;
    }
  | { status: 'legal-review'; entry: CrimeListEntry; explanation: string };

type MissingFact = 'level' | 'subdivision' | 'judgmentDate';

// ---------------------------------------------------------------------------------------------
// Index, built once at module load.

interface Indexed {
  readonly entry: CrimeListEntry;
  /** "PL 120.05" */
  readonly cite: string;
  /** Lower-case offence name: "assault in the second degree". */
  readonly name: string;
  /** Subdivision paths that are listed, lower-case; undefined for a whole section. */
  readonly limits: readonly (readonly string[])[] | undefined;
  /** "PL 265.02(2) through (8)": what the list names; the plain cite for a whole section. */
  readonly listedPart: string;
  /** "PL 265.02(3)", one per entry of `limits`. */
  readonly pathCites: readonly string[];
  /** Finished answers for this entry, by outcome code (see below). */
  readonly results: Map<number, CrimeListMatch>;
}

function describeLimits(cite: string, limits: readonly (readonly string[])[]): string {
  const parts = limits.map((path) => `(${path.join(')(')})`);
  const numbers = limits.map((path) => (path.length === 1 ? Number(path[0]) : Number.NaN));
  const consecutive =
    parts.length > 2 && numbers.every((n, i) => Number.isInteger(n) && n === numbers[0]! + i);
  if (consecutive) return `${cite}${parts[0]!} through ${parts.at(-1)!}`;
  return parts.map((part) => `${cite}${part}`).join(', ');
}

function indexEntry(entry: CrimeListEntry): Indexed {
  const cite = `${entry.law} ${entry.section}`;
  const limits = entry.subdivisions?.map((path) => path.map((step) => step.toLowerCase()));
  return {
    entry,
    cite,
    name: entry.offense.charAt(0).toLowerCase() + entry.offense.slice(1),
    limits,
    listedPart: limits ? describeLimits(cite, limits) : cite,
    pathCites: limits ? limits.map((path) => `${cite}(${path.join(')(')})`) : [],
    results: new Map(),
  };
}

const PL_INDEX = new Map<string, Indexed>();
const VTL_INDEX = new Map<string, Indexed>();
let hateEntry: CrimeListEntry | undefined;
for (const entry of VIOLENT_OR_SERIOUS_CRIMES) {
  // (iii) is a category reached through its target offence, not a section of its own.
  if (entry.subparagraph === 'iii') continue;
  if (entry.subparagraph === 'ii') hateEntry = entry;
  const index = entry.law === 'PL' ? PL_INDEX : VTL_INDEX;
  if (index.has(entry.section)) throw new Error(`Duplicate crime-list entry ${entry.section}`);
  if ((entry.subdivisions?.length ?? 0) > 16) {
    throw new Error(
      `Crime-list entry ${entry.section}: more subdivisions than an outcome code holds`,
    );
  }
  const rec = indexEntry(entry);
  index.set(entry.section, rec);
  // "120.04-A" finds "120.04-a" without lower-casing every charge at match time.
  const upper = entry.section.toUpperCase();
  if (upper !== entry.section) index.set(upper, rec);
}
if (!hateEntry) throw new Error('The crime list has no subparagraph (ii) entry');
const HATE_ENTRY: CrimeListEntry = hateEntry;

// ---------------------------------------------------------------------------------------------
// Outcome codes. Everything an answer depends on, apart from the list entry (or, for an unlisted
// section, the section as charged), is packed into one integer that keys a cache of finished,
// frozen results.

const LISTED_I = 1;
const LISTED_II = 2;
const LISTED_III = 3;
const LISTED_IV = 4; // kinds 1–4 are the 'listed' ones
const NOT_SECTION = 5;
const NOT_FELONY = 6;
const NOT_FELONY_HATE = 7;
const NOT_SUBDIVISION = 8;
const UNKNOWN_FACTS = 9;
const REVIEW_REPEALED = 10;
const REVIEW_INFERRED = 11;
const KIND_MASK = 0xf;

const INCHOATE_SHIFT = 4; // 3 bits: 0 none, else index into INCHOATE_KINDS
const LEVEL_SHIFT = 7; // 3 bits: index into LEVELS
const MISSING_SHIFT = 10; // 3 bits: MISSING_* flags
const PATH_SHIFT = 13; // 4 bits: index into `limits`
const PRE_REPEAL = 1 << 17;
const HATE = 1 << 18;
const VTL = 1 << 19;

const LEVELS = [undefined, 'felony', 'misdemeanor', 'violation', 'infraction'] as const;
const LEVEL_UNKNOWN = 0;
const LEVEL_FELONY = 1;
const INCHOATE_KINDS = [
  undefined,
  'attempt',
  'conspiracy',
  'solicitation',
  'facilitation',
] as const;

const MISSING_LEVEL = 1;
const MISSING_SUBDIVISION = 2;
const MISSING_DATE = 4;

const SUBDIVISION_OUTSIDE = -1;
const SUBDIVISION_INCOMPLETE = -2;

function levelIndex(level: OffenseLevel | undefined): number {
  switch (level) {
    case 'felony':
      return 1;
    case 'misdemeanor':
      return 2;
    case 'violation':
      return 3;
    case 'infraction':
      return 4;
    default:
      return LEVEL_UNKNOWN;
  }
}

function inchoateIndex(kind: Inchoate): number {
  switch (kind) {
    case 'attempt':
      return 1;
    case 'conspiracy':
      return 2;
    case 'solicitation':
      return 3;
    case 'facilitation':
      return 4;
    default:
      // Never read an unrecognised inchoate form as the completed offence.
      throw new TypeError('Unknown inchoate kind in charge');
  }
}

/**
 * Which listed subdivision path the conviction's subdivision falls under (its index), or
 * SUBDIVISION_OUTSIDE, or SUBDIVISION_INCOMPLETE when what is recorded stops short of deciding
 * (nothing recorded, or "135.65(2)" against the listed "135.65(2)(b)").
 */
function classifySubdivision(
  limits: readonly (readonly string[])[],
  subdivision: readonly string[],
): number {
  let incomplete = false;
  for (let p = 0; p < limits.length; p++) {
    const path = limits[p]!;
    const shared = Math.min(path.length, subdivision.length);
    let same = true;
    for (let k = 0; k < shared; k++) {
      const step = subdivision[k]!;
      if (step !== path[k] && step.toLowerCase() !== path[k]) {
        same = false;
        break;
      }
    }
    if (!same) continue;
    if (subdivision.length >= path.length) return p;
    incomplete = true;
  }
  return incomplete ? SUBDIVISION_INCOMPLETE : SUBDIVISION_OUTSIDE;
}

/** The answer from subparagraphs (i), (iii), (iv) and (v) alone. */
function primaryCode(
  rec: Indexed | undefined,
  base: number,
  inchoate: number,
  level: number,
  conviction: ConvictionForList,
): number {
  if (rec === undefined) return base | NOT_SECTION;
  const entry = rec.entry;
  if (entry.subparagraph === 'v') {
    // Never 'listed' or 'not-listed': the rule's adoption and its section numbers are unverified.
    // A felony and an unrecorded level read the same; a non-felony level is worth saying.
    return base | REVIEW_INFERRED | (level > LEVEL_FELONY ? level << LEVEL_SHIFT : 0);
  }
  if (entry.subparagraph === 'iv') {
    // (iii) reaches only inchoate forms of (i) crimes; (iv) only felonies "set forth in" VTL 600.
    if (inchoate !== 0) return base | NOT_SECTION;
    if (level === LEVEL_FELONY) return base | LISTED_IV;
    if (level === LEVEL_UNKNOWN) return base | UNKNOWN_FACTS | (MISSING_LEVEL << MISSING_SHIFT);
    return base | NOT_FELONY | (level << LEVEL_SHIFT);
  }
  // (i), or (iii) with an (i) target: "a felony defined in …" / "a felony attempt … to commit".
  if (level > LEVEL_FELONY) return base | NOT_FELONY | (level << LEVEL_SHIFT);
  let missing = level === LEVEL_UNKNOWN ? MISSING_LEVEL : 0;
  let path = 0;
  if (rec.limits !== undefined) {
    const found = classifySubdivision(rec.limits, conviction.charge.subdivision);
    if (found === SUBDIVISION_OUTSIDE) return base | NOT_SUBDIVISION;
    if (found === SUBDIVISION_INCOMPLETE) missing |= MISSING_SUBDIVISION;
    else path = found;
  }
  let preRepeal = 0;
  const repealedOn = entry.repealedOn;
  if (repealedOn !== undefined) {
    // A judgment entered while the section stood still counts. One entered after the repeal is
    // possible (a prosecution for earlier conduct) but unusual enough that a person must look.
    const date = conviction.judgmentDate;
    if (date === undefined || !isLocalDate(date)) missing |= MISSING_DATE;
    else if (date >= repealedOn) return base | REVIEW_REPEALED;
    else preRepeal = PRE_REPEAL;
  }
  if (missing !== 0) return base | UNKNOWN_FACTS | (missing << MISSING_SHIFT);
  return base | (inchoate === 0 ? LISTED_I : LISTED_III) | (path << PATH_SHIFT) | preRepeal;
}

/**
 * Is this New York conviction a "violent or serious crime" (§ 9-131(a)(7), § 14-154(a)(6))?
 *
 * @param conviction the charge of conviction (for an inchoate offence, its target), the level of
 *   the judgment, whether it was a hate crime, and the judgment date.
 * @returns 'listed' with the subparagraph (for (iii), `entry` is the target's (i) entry),
 *   'not-listed', 'unknown' with the missing facts, or 'legal-review'.
 * @example
 * matchViolentOrSeriousCrime({ charge: parseCharge('PL 120.05(2)'), level: 'felony' });
 * // → { status: 'listed', subparagraph: 'i', entry: <120.05>, explanation: 'PL 120.05 (…) is …' }
 */
export function matchViolentOrSeriousCrime(conviction: ConvictionForList): CrimeListMatch {
  const charge = conviction.charge;
  const section = charge.section;
  let index: Map<string, Indexed>;
  let base: number;
  const law: string = charge.law; // widened: data from outside may carry another law
  if (law === 'PL') {
    index = PL_INDEX;
    base = 0;
  } else if (law === 'VTL') {
    index = VTL_INDEX;
    base = VTL;
  } else {
    throw new TypeError(`Unknown law ${law} in charge ${charge.raw}`);
  }
  const rec = index.get(section);
  const level = levelIndex(conviction.level ?? charge.level);
  const inchoate = charge.inchoate === undefined ? 0 : inchoateIndex(charge.inchoate.kind);
  base |= inchoate << INCHOATE_SHIFT;

  let primary = 0;
  const hateSection = rec !== undefined && rec.entry.subparagraph === 'ii';
  if (!hateSection) {
    primary = primaryCode(rec, base, inchoate, level, conviction);
    // Subparagraph (ii) can only add to what (i)–(v) give, so a listed answer stands.
    if (conviction.hateCrime !== true || (primary & KIND_MASK) <= LISTED_IV) {
      return outcome(primary, section, rec);
    }
  }
  // (ii) "a hate crime as defined in section 485.05 …, provided such hate crime constitutes a
  // felony". Any felony hate crime counts, whatever its specified offence.
  if (level === LEVEL_FELONY) return outcome(base | LISTED_II, section, rec);
  if (level === LEVEL_UNKNOWN) {
    return outcome(base | UNKNOWN_FACTS | HATE | (MISSING_LEVEL << MISSING_SHIFT), section, rec);
  }
  if ((primary & KIND_MASK) === REVIEW_INFERRED) return outcome(primary, section, rec);
  return outcome(base | NOT_FELONY_HATE | (level << LEVEL_SHIFT), section, rec);
}

// ---------------------------------------------------------------------------------------------
// Results and their explanations, built once per (entry or unlisted section, code).

const UNLISTED_LIMIT = 10_000; // bounds the cache if callers send arbitrary section strings
const unlisted = new Map<string, Map<number, CrimeListMatch>>();

function outcome(code: number, section: string, rec: Indexed | undefined): CrimeListMatch {
  let cache = rec !== undefined ? rec.results : unlisted.get(section);
  const hit = cache?.get(code);
  if (hit !== undefined) return hit;
  const result = build(code, section, rec);
  if (cache === undefined && unlisted.size < UNLISTED_LIMIT) {
    cache = new Map();
    unlisted.set(section, cache);
  }
  cache?.set(code, result);
  return result;
}

const DOC = '§ 9-131(a)(7)';

const INCHOATE_SUBJECT: Record<Inchoate, string> = {
  attempt: 'an attempt to commit',
  conspiracy: 'a conspiracy to commit',
  solicitation: 'criminal solicitation to commit',
  facilitation: 'criminal facilitation of',
};
const INCHOATE_NOUN: Record<Inchoate, string> = {
  attempt: 'attempt',
  conspiracy: 'conspiracy',
  solicitation: 'criminal solicitation',
  facilitation: 'criminal facilitation',
};
const LEVEL_PHRASE: Record<OffenseLevel, string> = {
  felony: 'a felony',
  misdemeanor: 'a misdemeanor',
  violation: 'a violation',
  infraction: 'an infraction',
};
const MISSING_ORDER: readonly [number, MissingFact][] = [
  [MISSING_LEVEL, 'level'],
  [MISSING_SUBDIVISION, 'subdivision'],
  [MISSING_DATE, 'judgmentDate'],
];
const MISSING_PHRASE: Record<MissingFact, string> = {
  level: 'whether it was a felony',
  subdivision: 'its subdivision',
  judgmentDate: 'the judgment date',
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

function build(code: number, section: string, rec: Indexed | undefined): CrimeListMatch {
  const kind = code & KIND_MASK;
  const inchoate = INCHOATE_KINDS[(code >> INCHOATE_SHIFT) & 7];
  const level = LEVELS[(code >> LEVEL_SHIFT) & 7];
  const missingBits = (code >> MISSING_SHIFT) & 7;
  const path = (code >> PATH_SHIFT) & 0xf;
  const hate = (code & HATE) !== 0 || kind === LISTED_II || kind === NOT_FELONY_HATE;
  const cite = rec ? rec.cite : `${code & VTL ? 'VTL' : 'PL'} ${section}`;
  const pathCite = rec?.limits ? rec.pathCites[path]! : cite;

  /** "an attempt to commit PL 120.05 (assault in the second degree)" */
  const subjectOf = (what: string): string => {
    const named = rec ? `${what} (${rec.name})` : what;
    const inchoateForm = inchoate ? `${INCHOATE_SUBJECT[inchoate]} ${named}` : named;
    const isHateSection = rec?.entry.subparagraph === 'ii';
    return hate && !isHateSection ? `${inchoateForm} as a hate crime (PL 485.05)` : inchoateForm;
  };
  const subject = subjectOf(cite);
  const Subject = capitalize(subject);
  const preRepeal =
    code & PRE_REPEAL && rec?.entry.repealedOn
      ? `, and the judgment predates the section's repeal on ${rec.entry.repealedOn}`
      : '';

  switch (kind) {
    case LISTED_I: {
      const text = rec?.limits
        ? `${capitalize(subjectOf(pathCite))} is a felony under a listed subdivision${preRepeal} — ${DOC}(i) lists ${rec.listedPart}.`
        : `${Subject} is a felony defined in a listed section${preRepeal} — ${DOC}(i).`;
      return listed('i', rec!.entry, text);
    }
    case LISTED_III: {
      const listedAs = rec?.limits ? `a listed part of ${rec.listedPart}` : 'a crime listed';
      const text = `${capitalize(subjectOf(pathCite))}, ${listedAs} in subparagraph (i), is a felony ${INCHOATE_NOUN[inchoate!]}${preRepeal} — ${DOC}(iii).`;
      return listed('iii', rec!.entry, text);
    }
    case LISTED_II:
      return listed('ii', HATE_ENTRY, `${Subject} is a felony hate crime — ${DOC}(ii).`);
    case LISTED_IV:
      return listed('iv', rec!.entry, `${Subject} is a felony set forth in VTL 600 — ${DOC}(iv).`);
    case NOT_SECTION: {
      let text: string;
      if (inchoate) {
        text = `${Subject} is not listed: ${DOC}(iii) covers only felony attempts, conspiracies, solicitations and facilitations of crimes listed in subparagraph (i), and ${cite} is not one of them.`;
      } else if (code & VTL) {
        text = `${Subject} is not a violent or serious crime: the only Vehicle and Traffic Law section on the list is VTL 600 — ${DOC}(iv).`;
      } else {
        text = `${Subject} is not among the Penal Law sections listed in ${DOC}(i), and no other subparagraph covers it.`;
      }
      return notListed(text);
    }
    case NOT_FELONY: {
      const rule =
        rec?.entry.subparagraph === 'iv'
          ? `${DOC}(iv) covers only a felony set forth in VTL 600`
          : inchoate
            ? `${DOC}(iii) covers only a felony ${INCHOATE_NOUN[inchoate]} to commit a crime listed in subparagraph (i)`
            : `${DOC}(i) lists only a felony defined in that section`;
      return notListed(`${Subject} is recorded as ${LEVEL_PHRASE[level!]}, and ${rule}.`);
    }
    case NOT_FELONY_HATE:
      return notListed(
        `${Subject} is recorded as ${LEVEL_PHRASE[level!]}, and ${DOC}(ii) covers a hate crime only when it constitutes a felony.`,
      );
    case NOT_SUBDIVISION: {
      const rule = inchoate
        ? `${DOC}(iii) reaches only crimes listed in subparagraph (i), which lists only ${rec!.listedPart}`
        : `${DOC}(i) lists only ${rec!.listedPart}`;
      return notListed(
        `${Subject} is not listed: ${rule}, and this conviction is under another subdivision.`,
      );
    }
    case UNKNOWN_FACTS: {
      const missing: MissingFact[] = [];
      for (const [bit, fact] of MISSING_ORDER) if (missingBits & bit) missing.push(fact);
      const needsLevel = (missingBits & MISSING_LEVEL) !== 0;
      const needsSubdivision = (missingBits & MISSING_SUBDIVISION) !== 0;
      const reasons: string[] = [];
      if (needsSubdivision) {
        const felonyUnder = needsLevel ? 'a felony under ' : '';
        reasons.push(
          inchoate
            ? `${DOC}(iii) reaches only ${needsLevel ? `a felony ${INCHOATE_NOUN[inchoate]} to commit ` : ''}a crime listed in subparagraph (i), which lists only ${rec!.listedPart}`
            : `${DOC}(i) lists only ${felonyUnder}${rec!.listedPart}`,
        );
      } else if (needsLevel) {
        reasons.push(
          hate
            ? `${DOC}(ii) covers a hate crime only when it constitutes a felony`
            : rec?.entry.subparagraph === 'iv'
              ? `${DOC}(iv) covers only a felony set forth in VTL 600`
              : inchoate
                ? `${DOC}(iii) covers only a felony ${INCHOATE_NOUN[inchoate]}`
                : `${DOC}(i) lists only a felony defined in the section`,
        );
      }
      if (missingBits & MISSING_DATE) {
        reasons.push(
          `${cite} was repealed effective ${rec!.entry.repealedOn!}, so only a judgment entered before then is plainly listed under ${DOC}(${inchoate ? 'iii' : 'i'})`,
        );
      }
      const phrases = missing.map((fact) => MISSING_PHRASE[fact]);
      return Object.freeze({
        status: 'unknown',
        missing: Object.freeze(missing) as MissingFact[],
        explanation: `Cannot tell whether ${subject} is a violent or serious crime without knowing ${joinAnd(phrases)}: ${reasons.join('; ')}.`,
      });
    }
    case REVIEW_REPEALED:
      return review(
        rec!.entry,
        `The judgment for ${subject} is dated on or after ${rec!.entry.repealedOn!}, when ${cite} was repealed, so a person must check the record (for example, a prosecution for conduct before the repeal) before treating it as listed under ${DOC}(${inchoate ? 'iii' : 'i'}).`,
      );
    case REVIEW_INFERRED: {
      const parts = [
        `${Subject} needs a person to decide: ${cite} may have been added by a 2019 DOC rule under ${DOC}(v), but the rule's adoption and its section numbers are not verified`,
      ];
      if (inchoate) {
        parts.push(
          `and ${DOC}(iii) reaches only inchoate forms of crimes listed in subparagraph (i)`,
        );
      }
      if (level && level !== 'felony') {
        parts.push(
          `and the conviction is recorded as ${LEVEL_PHRASE[level]} although (v) reaches only felonies`,
        );
      }
      return review(rec!.entry, `${parts.join(', ')}.`);
    }
    default:
      throw new Error(`Unhandled crime-list outcome ${code}`);
  }
}

function listed(
  subparagraph: Subparagraph,
  entry: CrimeListEntry,
  explanation: string,
): CrimeListMatch {
  return Object.freeze({ status: 'listed', subparagraph, entry, explanation });
}

function notListed(explanation: string): CrimeListMatch {
  return Object.freeze({ status: 'not-listed', explanation });
}

function review(entry: CrimeListEntry, explanation: string): CrimeListMatch {
  return Object.freeze({ status: 'legal-review', entry, explanation });
}

// Precompute the plain 'listed' answers, the common case, at load.
for (const rec of PL_INDEX.values()) {
  if (rec.entry.subparagraph !== 'i' || rec.entry.repealedOn !== undefined) continue;
  const paths = rec.limits ? rec.limits.length : 1;
  for (let p = 0; p < paths; p++) outcome(LISTED_I | (p << PATH_SHIFT), rec.entry.section, rec);
}
for (const rec of VTL_INDEX.values()) outcome(VTL | LISTED_IV, rec.entry.section, rec);
