/**
 * Reads New York charge codes as criminal records write them ("PL 120.05(2)", "120.05 02 D",
 * "PL 1200502", "VTL 1192.3", "ATT PL 160.15", "PL 110/120.05(2) DF") into one canonical
 * {@link Charge}, and writes a charge back in one canonical form.
 *
 * The reader is a fixed pipeline of sticky regexes run over the raw string, one step per part of
 * a code: inchoate word, law, section mark, inchoate section, section, subdivision, class. Each
 * step consumes its part or leaves the cursor where it was; anything left over is an error, so
 * a code we do not understand is refused rather than half-read.
 * @module
 */
import { memoByText } from '../../engine/memo.js';

/** NY Penal Law, NY Vehicle and Traffic Law. */
export type Law = 'PL' | 'VTL';
export type OffenseLevel = 'felony' | 'misdemeanor' | 'violation' | 'infraction';
export type Inchoate = 'attempt' | 'conspiracy' | 'solicitation' | 'facilitation';

export interface Charge {
  /** The input, untouched. */
  raw: string;
  law: Law;
  /** Canonical section: PL `120.05`, `120.04-a`; VTL `1192`, `1192-a`. */
  section: string;
  /** Path below the section, lower-case, no parentheses or leading zeros: `["2", "a", "iv"]`. */
  subdivision: string[];
  /** Only when the code itself carries it (class letter or level word). */
  level?: OffenseLevel;
  /**
   * Felony `A-I`, `A-II`, `B`–`E`, and on old records `A` (before 1974) or `A-III` (1973–79);
   * misdemeanor `A`, `B`, `U` (unclassified). A bare `A` or `B` leaves `level` unset.
   */
  grade?: string;
  /** The anticipatory offense and its own section, e.g. attempt under `110.00`. */
  inchoate?: { kind: Inchoate; section: string };
}

export class ChargeCodeError extends Error {
  readonly input: string;
  readonly reason: string;

  constructor(input: string, reason: string) {
    super(`Cannot read charge code "${input}": ${reason}`);
    this.name = 'ChargeCodeError';
    this.input = input;
    this.reason = reason;
  }
}

// Every pattern is sticky (`y`): it matches at the cursor or not at all, so no step can skip
// over text it does not understand. Steps check the character at the cursor before running a
// pattern, and use `test` plus slicing where captures are not needed: on a benchmark of a million
// codes, building match arrays was most of the cost.
const INCHOATE_WORD =
  /(?:(ATT(?:EMPT(?:ED)?)?)|(CONSP(?:IRACY)?)|(SOLIC(?:ITATION)?)|((?:CRIM(?:INAL)?\.?\s+)?FACIL(?:ITATION)?))\.?(?:\s+([1-6])(?:ST|ND|RD|TH)?(?![\w.]))?(?![A-Z])/iy;
const NY = String.raw`(?:N\.?\s*Y\.?\s*S?\.?\s*)?`;
const PL_LAW = new RegExp(String.raw`${NY}(?:P\.?\s*L\.?|PENAL(?:\s+LAW)?)(?![A-Z])`, 'iy');
const VTL_LAW = new RegExp(
  String.raw`${NY}(?:V\.?\s*T\.?\s*L\.?|VEH(?:ICLE|\.)?\s*(?:AND|&)\s*TRAF(?:FIC|\.)?(?:\s+LAW)?)(?![A-Z])`,
  'iy',
);
const SECTION_MARK = /(?:§{1,2}|SEC(?:T(?:ION)?)?\.?(?![A-Z]))\s*/iy;
// "110/", "110-", "105.15/": the inchoate article or section written before the target section.
const INCHOATE_SECTION = /(10[05]|11[05])(?:\.(\d{2}))?\s*[/-]\s*(?=\d)/y;
const PL_DOTTED = /\d{1,3}\.\d{2}(?:-[A-Z]{1,2})?(?![\dA-Z-])/iy;
// DCJS fixed width: 3-digit article, 2-digit section, optional 2-digit subdivision.
// A filled slot may not be followed by another number: "1200500 03" is not subdivision 3.
const PL_COMPACT = /(\d{3})(\d{2})(?:(\d{2})(?!\s*\d))?(?![\dA-Z.-])/iy;
const VTL_SECTION = /\d{1,4}(?:-[A-Z]{1,2})?(?![\dA-Z-])/iy;
const PART = String.raw`(?:\d{1,3}(?:-[A-Z]{1,2})?|[A-Z]{1,5})`;
const DOT_PART = new RegExp(String.raw`\.${PART}(?![\dA-Z])`, 'iy');
const PAREN_PART = new RegExp(String.raw`\(\s*${PART}\s*\)`, 'iy');
// A space-separated subdivision must stand alone: "02 B" is subdivision 2, class B.
const SPACE_PART = /\d{1,3}(?:-[A-Z]{1,2})?(?![\dA-Z(.-])/iy;
const LEVEL_WORD = 'FELONY|FEL|F|MISDEMEANOU?R|MISD|MIS|M|VIOLATION|VIOL|VIO|V|INFRACTION|INF|I';
// "D", "DF", "D FEL", "CLASS D FELONY", "AM", "A-I", "AII", "UM", "V", "INF", ...
const DESIGNATION = new RegExp(
  String.raw`(?:CLASS\s+(?=\S))?(?:(A[-\s]?(?:III|II|I|3|2|1)|UNCLASSIFIED|[A-EU])(?:\s*-?\s*(${LEVEL_WORD}))?|(${LEVEL_WORD}))?\.?\s*$`,
  'iy',
);

const DIGITS = '0123456789';

const KIND_OF_ARTICLE: Readonly<Record<string, Inchoate>> = {
  '100': 'solicitation',
  '105': 'conspiracy',
  '110': 'attempt',
  '115': 'facilitation',
};
const ARTICLE_OF_KIND: Readonly<Record<Inchoate, string>> = {
  solicitation: '100',
  conspiracy: '105',
  attempt: '110',
  facilitation: '115',
};
const LEVEL_OF_INITIAL: Readonly<Record<string, OffenseLevel>> = {
  F: 'felony',
  M: 'misdemeanor',
  V: 'violation',
  I: 'infraction',
};
const A_FELONY_SUBCLASS: Readonly<Record<string, string>> = {
  I: 'A-I',
  '1': 'A-I',
  II: 'A-II',
  '2': 'A-II',
  III: 'A-III',
  '3': 'A-III',
};

class Cursor {
  pos = 0;

  constructor(readonly text: string) {}

  /** Runs a sticky pattern at the cursor and, on a match, moves past it. */
  eat(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.text);
    if (match) this.pos = pattern.lastIndex;
    return match;
  }

  /** Like {@link eat} without building a match: the caller slices from its saved position. */
  skip(pattern: RegExp): boolean {
    pattern.lastIndex = this.pos;
    if (!pattern.test(this.text)) return false;
    this.pos = pattern.lastIndex;
    return true;
  }

  /** Whether the character at the cursor, upper-cased, is one of `chars`; a cheap pre-check. */
  at(chars: string): boolean {
    const code = this.text.charCodeAt(this.pos);
    return chars.includes(String.fromCharCode(code >= 0x61 && code <= 0x7a ? code - 0x20 : code));
  }

  /** Moves past whitespace; says whether there was any. */
  skipSpace(): boolean {
    const start = this.pos;
    while (isSpace(this.text.charCodeAt(this.pos))) this.pos++;
    return this.pos > start;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** What is left, for error messages only. */
  rest(): string {
    return this.text.slice(this.pos).trim();
  }

  fail(reason: string): never {
    throw new ChargeCodeError(this.text, reason);
  }
}

interface InchoateWord {
  text: string;
  kind: Inchoate;
  degree: string | undefined;
}

/**
 * Reads one charge code. Law, section and subdivision are canonicalised; level and grade are set
 * only when the code carries them. Throws {@link ChargeCodeError} for anything it cannot read.
 * Each code is read once and the frozen answer shared: records repeat the same codes.
 */
export const parseCharge: (raw: string) => Charge = memoByText(readChargeCode);

function readChargeCode(raw: string): Charge {
  const cur = new Cursor(raw);
  cur.skipSpace();
  if (cur.atEnd()) cur.fail('it is empty');
  const word = readInchoateWord(cur);
  const law = readLaw(cur);
  if (cur.at('§S')) cur.skip(SECTION_MARK);
  const inchoateSection = law === 'VTL' ? null : readInchoateSection(cur);
  const subdivision: string[] = [];
  const section =
    law === 'VTL' ? readVtlSection(cur) : readPlSection(cur, law !== undefined, subdivision);
  readSubdivision(cur, law, subdivision);
  const charge: Charge = { raw, law: law ?? 'PL', section, subdivision };
  readDesignation(cur, charge);
  if (word || inchoateSection) {
    if (law === 'VTL') cur.fail(`"${word!.text}" is read only before a Penal Law section, not VTL`);
    charge.inchoate = Object.freeze(resolveInchoate(cur, word, inchoateSection));
  }
  Object.freeze(subdivision);
  return Object.freeze(charge);
}

function readInchoateWord(cur: Cursor): InchoateWord | undefined {
  const m = cur.at('ACSF') ? cur.eat(INCHOATE_WORD) : null;
  if (!m) return undefined;
  cur.skipSpace();
  let kind: Inchoate = 'facilitation';
  if (m[1]) kind = 'attempt';
  else if (m[2]) kind = 'conspiracy';
  else if (m[3]) kind = 'solicitation';
  return { text: m[0].trim(), kind, degree: m[5] };
}

function readLaw(cur: Cursor): Law | undefined {
  if (!cur.at('PVN')) return undefined;
  let law: Law;
  if (cur.skip(PL_LAW)) law = 'PL';
  else if (cur.skip(VTL_LAW)) law = 'VTL';
  else return undefined;
  cur.skipSpace();
  return law;
}

function readInchoateSection(cur: Cursor): RegExpExecArray | null {
  const { text, pos } = cur;
  const possible = text.startsWith('10', pos) || text.startsWith('11', pos);
  return possible ? cur.eat(INCHOATE_SECTION) : null;
}

function readPlSection(cur: Cursor, lawGiven: boolean, subdivision: string[]): string {
  const start = cur.pos;
  if (cur.skip(PL_DOTTED)) {
    const written = cur.text.slice(start, cur.pos);
    const section = stripZeros(written).toLowerCase();
    if (section.startsWith('.')) cur.fail(`"${written}" is not a Penal Law section`);
    return section;
  }
  // A bare digit string is only read as a DCJS code when the law says it is the Penal Law.
  const compact = lawGiven ? cur.eat(PL_COMPACT) : null;
  if (compact) {
    const article = stripZeros(compact[1]!);
    if (article === '') cur.fail(`"${compact[0]}" is not a Penal Law section`);
    // "00" fills the fixed-width subdivision slot when there is none.
    const part = compact[3] ? stripZeros(compact[3]) : '';
    if (part !== '') subdivision.push(part);
    return `${article}.${compact[2]!}`;
  }
  if (cur.atEnd()) cur.fail('there is no section number');
  const next = firstWord(cur.rest());
  if (lawGiven) {
    cur.fail(`"${next}" is not a Penal Law section (expected e.g. 120.05, 120.04-a or 1200502)`);
  }
  if (/^\d/.test(next)) {
    cur.fail(
      `no law is given and "${next}" is not a Penal Law section such as 120.05; ` +
        'prefix "VTL" for the Vehicle and Traffic Law',
    );
  }
  cur.fail(`expected a law (PL, VTL) or a Penal Law section such as 120.05 at "${next}"`);
}

function readVtlSection(cur: Cursor): string {
  const start = cur.pos;
  const section = cur.skip(VTL_SECTION) ? stripZeros(cur.text.slice(start, cur.pos)) : '';
  if (section !== '' && !section.startsWith('-')) return section.toLowerCase();
  if (cur.atEnd()) cur.fail('there is no section number');
  const written = firstWord(cur.text.slice(start).trim());
  cur.fail(`"${written}" is not a Vehicle and Traffic Law section (expected e.g. 1192)`);
}

function readSubdivision(cur: Cursor, law: Law | undefined, path: string[]): void {
  const { text } = cur;
  let start = cur.pos;
  // Only VTL sections are whole numbers, so only there does a dot start the subdivision.
  if (law === 'VTL') {
    while (cur.at('.') && cur.skip(DOT_PART)) {
      path.push(subdivisionPart(cur, text.slice(start + 1, cur.pos)));
      start = cur.pos;
    }
  }
  let spaced = cur.skipSpace();
  while (cur.at('(')) {
    start = cur.pos;
    if (!cur.skip(PAREN_PART)) {
      cur.fail(`cannot read the subdivision at "${cur.rest()}" (expected e.g. (2)(b)(iv))`);
    }
    path.push(subdivisionPart(cur, text.slice(start + 1, cur.pos - 1).trim()));
    spaced = cur.skipSpace();
  }
  start = cur.pos;
  if (path.length === 0 && spaced && cur.at(DIGITS) && cur.skip(SPACE_PART)) {
    const written = text.slice(start, cur.pos);
    const part = normalizePart(written);
    // "00" is a record's way of saying "no subdivision"; "00-a" is not.
    if (part !== '') path.push(part);
    else if (written.includes('-')) cur.fail(`there is no subdivision "${written}"`);
    cur.skipSpace();
  }
}

function subdivisionPart(cur: Cursor, text: string): string {
  const part = normalizePart(text);
  if (part === '') cur.fail(`there is no subdivision "${text}"`);
  return part;
}

function readDesignation(cur: Cursor, charge: Charge): void {
  if (cur.atEnd()) return;
  const m = cur.eat(DESIGNATION);
  if (!m) {
    cur.fail(
      `unexpected "${cur.rest()}" after the section (expected a class such as D, AM or CLASS D FELONY)`,
    );
  }
  const levelWord = m[2] ?? m[3];
  let level = levelWord ? LEVEL_OF_INITIAL[levelWord[0]!.toUpperCase()] : undefined;
  const grade = m[1] ? canonicalGrade(m[1]) : undefined;
  if (grade !== undefined) {
    const implied = impliedLevel(grade);
    if (level === 'violation' || level === 'infraction') {
      cur.fail(`${level}s have no class, but class ${grade} is given`);
    }
    if (implied && level && level !== implied) {
      cur.fail(`class ${grade} is a ${implied} class, not a ${level} class`);
    }
    level ??= implied;
    charge.grade = grade;
  }
  if (level) charge.level = level;
}

function canonicalGrade(text: string): string {
  const upper = text.toUpperCase();
  if (upper.length === 1) return upper;
  if (upper === 'UNCLASSIFIED') return 'U';
  // "A-I", "A I", "AI", "A1": the subclass follows the A and an optional separator.
  const separated = upper.charCodeAt(1) === 0x2d || isSpace(upper.charCodeAt(1));
  return A_FELONY_SUBCLASS[upper.slice(separated ? 2 : 1)]!;
}

/** The level a class letter fixes on its own; A and B are both felony and misdemeanor classes. */
function impliedLevel(grade: string): OffenseLevel | undefined {
  if (grade === 'A' || grade === 'B') return undefined;
  return grade === 'U' ? 'misdemeanor' : 'felony';
}

function resolveInchoate(
  cur: Cursor,
  word: InchoateWord | undefined,
  written: RegExpExecArray | null,
): NonNullable<Charge['inchoate']> {
  if (word?.degree !== undefined && word.kind === 'attempt') {
    cur.fail(`an attempt has no degree, but "${word.text}" gives one`);
  }
  if (written) {
    const kind = KIND_OF_ARTICLE[written[1]!]!;
    const section = `${written[1]!}.${written[2] ?? '00'}`;
    if (word && word.kind !== kind) {
      cur.fail(`"${word.text}" says ${word.kind} but section ${section} is ${kind}`);
    }
    return { kind, section };
  }
  const { kind, degree } = word!;
  const article = ARTICLE_OF_KIND[kind];
  // Degrees were renumbered as degrees were added (solicitation 2nd was 100.05 in 1971, is
  // 100.10 now), so a degree alone does not fix the section.
  if (degree !== undefined) {
    cur.fail(`"${word!.text}" gives a degree but not its ${article}.xx section; write the section`);
  }
  return { kind, section: `${article}.00` };
}

/** Lower-cases a subdivision part and drops leading zeros; '' when the number is zero. */
function normalizePart(text: string): string {
  const part = stripZeros(text);
  // Zeros stripped with no digit left behind them: the number was zero.
  if (part !== text && !/^\d/.test(part)) return '';
  return part.toLowerCase();
}

function stripZeros(digits: string): string {
  let i = 0;
  while (digits.charCodeAt(i) === 0x30) i++;
  return i === 0 ? digits : digits.slice(i);
}

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0;
}

function firstWord(text: string): string {
  const space = text.search(/\s/);
  return space === -1 ? text : text.slice(0, space);
}

/**
 * Canonical display, e.g. "PL 110/120.05(2) D felony" or "VTL 1192(2-a) E felony". An
 * inchoate section ending in .00 is written as its article ("110/"), as records do.
 */
export function formatCharge(charge: Charge): string {
  let out = `${charge.law} `;
  if (charge.inchoate) {
    const { section } = charge.inchoate;
    out += `${section.endsWith('.00') ? section.slice(0, -3) : section}/`;
  }
  out += charge.section;
  for (const part of charge.subdivision) out += `(${part})`;
  if (charge.grade !== undefined) out += ` ${charge.grade}`;
  if (charge.level !== undefined) out += ` ${charge.level}`;
  return out;
}
