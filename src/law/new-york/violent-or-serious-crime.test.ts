import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Charge, Inchoate, OffenseLevel } from './charge-code.js';
import { parseCharge } from './charge-code.js';
import type { ConvictionForList, CrimeListMatch } from './violent-or-serious-crime.js';
import { matchViolentOrSeriousCrime } from './violent-or-serious-crime.js';
import type { CrimeListEntry, Subparagraph } from './violent-or-serious-crimes.js';
import { CRIME_LIST_SOURCE, VIOLENT_OR_SERIOUS_CRIMES } from './violent-or-serious-crimes.js';

const LEGISTAR_INT_486 =
  'https://legistar.council.nyc.gov/LegislationDetail.aspx?ID=1935437&GUID=0A456911-54A6-41E5-8C5A-1D3B231D56AA';
const LL58_PDF =
  'http://nyc.legistar1.com/nyc/attachments/b5e3ee8e-1362-4239-8ba3-707c15c3c1f6.pdf';
const LL59_PDF =
  'http://nyc.legistar1.com/nyc/attachments/5779c392-f613-40a1-b4e8-e12f9690be18.pdf';
const DOC_RULE_2019 =
  'https://rules.cityofnewyork.us/content/doc-proposed-rule-re-felony-offenses-related-immigration-detainer-requests';

const I = '§ 9-131(a)(7)(i)';
const II = '§ 9-131(a)(7)(ii)';
const III = '§ 9-131(a)(7)(iii)';
const IV = '§ 9-131(a)(7)(iv)';
const V = '§ 9-131(a)(7)(v)';

type MissingFact = 'level' | 'subdivision' | 'judgmentDate';

function charge(law: 'PL' | 'VTL', section: string, subdivision: string[] = []): Charge {
  const raw = `${law} ${section}${subdivision.map((step) => `(${step})`).join('')}`;
  return { raw, law, section, subdivision };
}
const pl = (section: string, subdivision: string[] = []): Charge =>
  charge('PL', section, subdivision);
const vtl = (section: string, subdivision: string[] = []): Charge =>
  charge('VTL', section, subdivision);

const INCHOATE_SECTION: Record<Inchoate, string> = {
  attempt: '110.00',
  conspiracy: '105.10',
  solicitation: '100.10',
  facilitation: '115.00',
};
function inchoate(kind: Inchoate, target: Charge): Charge {
  return {
    ...target,
    raw: `${kind} ${target.raw}`,
    inchoate: { kind, section: INCHOATE_SECTION[kind] },
  };
}

type Expected =
  | { status: 'listed'; subparagraph: Subparagraph; section: string }
  | { status: 'not-listed' }
  | { status: 'unknown'; missing: MissingFact[] }
  | { status: 'legal-review'; section: string };

interface Row {
  name: string;
  /** The clause the row exercises; the explanation must cite it. */
  clause: string;
  conviction: ConvictionForList;
  expect: Expected;
}

const listedAs = (subparagraph: Subparagraph, section: string): Expected => ({
  status: 'listed',
  subparagraph,
  section,
});
const NOT_LISTED: Expected = { status: 'not-listed' };
const unknown = (...missing: MissingFact[]): Expected => ({ status: 'unknown', missing });
const review = (section: string): Expected => ({ status: 'legal-review', section });

/** One plain-English sentence that names the charged section and the clause. */
function assertExplanation(result: CrimeListMatch, section: string, clause?: string): void {
  const text = result.explanation;
  assert.ok(text.endsWith('.'), `ends with a full stop: ${text}`);
  assert.ok(!text.includes('\n'), `one line: ${text}`);
  assert.doesNotMatch(text, /\.\s+[A-Z]/, `one sentence: ${text}`);
  // Sections are matched case-insensitively and named as the list writes them ("265.01-b").
  assert.ok(text.includes(section.toLowerCase()), `names ${section}: ${text}`);
  assert.match(text, /§ 9-131\(a\)\(7\)\((i|ii|iii|iv|v)\)/, `cites a subparagraph: ${text}`);
  if (clause !== undefined) assert.ok(text.includes(clause), `cites ${clause}: ${text}`);
}

function check(row: Row): void {
  const result = matchViolentOrSeriousCrime(row.conviction);
  assert.equal(result.status, row.expect.status, result.explanation);
  switch (row.expect.status) {
    case 'listed':
      assert.ok(result.status === 'listed');
      assert.equal(result.subparagraph, row.expect.subparagraph);
      assert.equal(result.entry.section, row.expect.section);
      break;
    case 'unknown':
      assert.ok(result.status === 'unknown');
      assert.deepEqual(result.missing, row.expect.missing);
      break;
    case 'legal-review':
      assert.ok(result.status === 'legal-review');
      assert.equal(result.entry.section, row.expect.section);
      break;
    case 'not-listed':
      break;
  }
  assertExplanation(result, row.conviction.charge.section, row.clause);
}

function runTable(rows: readonly Row[]): void {
  for (const row of rows) {
    void test(`${row.clause}: ${row.name}`, () => {
      check(row);
    });
  }
}

const felony = (c: Charge, extra: Partial<ConvictionForList> = {}): ConvictionForList => ({
  charge: c,
  level: 'felony',
  ...extra,
});
const at = (c: Charge, level: OffenseLevel, extra: Partial<ConvictionForList> = {}) => ({
  charge: c,
  level,
  ...extra,
});

void describe('the list as data (§ 9-131(a)(7), § 14-154(a)(6))', () => {
  const bySubparagraph = (sp: Subparagraph) =>
    VIOLENT_OR_SERIOUS_CRIMES.filter((entry) => entry.subparagraph === sp);

  void test('§ 9-131(a)(7)(i)–(v): 154 enumerated sections, one entry each for (ii)–(iv), five inferred (v) rows', () => {
    assert.equal(bySubparagraph('i').length, 154);
    assert.equal(bySubparagraph('ii').length, 1);
    assert.equal(bySubparagraph('iii').length, 1);
    assert.equal(bySubparagraph('iv').length, 1);
    assert.equal(bySubparagraph('v').length, 5);
    assert.equal(VIOLENT_OR_SERIOUS_CRIMES.length, 162);
  });

  // nyc.md § 5.3 gives Art. 265 as 18 and Art. 490 as 11, and its rows add up to 155, not its
  // stated 154. The verbatim list (tested below) has 16 sections in Art. 265 — 265.02(2)–(8) is
  // one entry — and 12 in Art. 490 (490.10 … 490.55); these counts follow the verbatim text.
  void test('§ 9-131(a)(7)(i): entries by Penal Law article (the verbatim list, not nyc.md § 5.3)', () => {
    // prettier-ignore
    const expected: Record<string, number> = {
      '120': 19, '121': 2, '125': 14, '130': 18, '135': 6, '140': 3, '145': 1, '150': 4,
      '160': 3, '195': 3, '215': 8, '220': 8, '230': 8, '235': 1, '240': 7, '241': 1,
      '255': 2, '260': 3, '263': 6, '265': 16, '270': 2, '405': 2, '460': 1, '470': 4,
      '490': 12,
    };
    const counts: Record<string, number> = {};
    for (const entry of bySubparagraph('i')) {
      const article = entry.section.split('.')[0]!;
      counts[article] = (counts[article] ?? 0) + 1;
    }
    assert.deepEqual(counts, expected);
  });

  void test('§ 9-131(a)(7)(i): entries follow the verbatim section list, in order, with its subdivision limits', () => {
    const text = CRIME_LIST_SOURCE.text.split('\n');
    assert.equal(text[0], '7. "Violent or serious crime" shall mean:');
    const list = text[1]!.replace(/^i\. .*? penal law: /, '').replace(/;$/, '');
    const items = list.split(/, (?:or )?/);
    assert.equal(items.length, 154);
    const written = bySubparagraph('i').map((entry) => {
      const limits = entry.subdivisions?.map((path) => `(${path.join(')(')})`);
      if (!limits) return entry.section;
      if (limits.length > 1) return `${entry.section}${limits[0]!} through ${limits.at(-1)!}`;
      return `${entry.section}${limits[0]!}`;
    });
    assert.deepEqual(written, items);
    assert.ok(text[2]!.startsWith('ii. a hate crime as defined in section 485.05'));
    assert.ok(text[4]!.startsWith('iv. any felony set forth in section 600'));
    assert.ok(text[5]!.startsWith('v. any crime codified by the legislature'));
    assert.equal(CRIME_LIST_SOURCE.url, LEGISTAR_INT_486);
  });

  void test('§ 9-131(a)(7)(i): exactly six entries are limited to subdivisions', () => {
    const limited = bySubparagraph('i')
      .filter((entry) => entry.subdivisions)
      .map((entry) => [entry.section, entry.subdivisions]);
    assert.deepEqual(limited, [
      ['120.04-a', [['4']]],
      ['135.65', [['2', 'b']]],
      ['230.25', [['2']]],
      ['265.02', [['2'], ['3'], ['4'], ['5'], ['6'], ['7'], ['8']]],
      ['265.35', [['2']]],
      ['405.16', [['1']]],
    ]);
    // "(2) through (8)" includes (4), whose current existence is unverified (nyc.md § 8 item 8).
    assert.match(
      VIOLENT_OR_SERIOUS_CRIMES.find((entry) => entry.section === '265.02')!.note!,
      /subdivision 4/,
    );
  });

  void test('§ 9-131(a)(7)(i): repealed sections keep their entries, with the repeal date', () => {
    const repealed = VIOLENT_OR_SERIOUS_CRIMES.filter((entry) => entry.repealedOn).map((entry) => [
      entry.section,
      entry.repealedOn,
    ]);
    assert.deepEqual(repealed, [
      ['125.40', '2019-01-22'],
      ['125.45', '2019-01-22'],
      ['130.40', '2024-09-01'],
      ['130.45', '2024-09-01'],
      ['130.50', '2024-09-01'],
    ]);
  });

  void test('LL58/2014 § 1 and LL59/2014 § 1: verbatim entries are listed from 2014-12-14 with the Local Law sources', () => {
    for (const entry of VIOLENT_OR_SERIOUS_CRIMES.filter((e) => e.subparagraph !== 'v')) {
      assert.equal(entry.verification, 'verbatim', entry.section);
      assert.equal(entry.listedFrom, '2014-12-14', entry.section);
      assert.match(entry.listedBy, /LL58\/2014 § 1 .* LL59\/2014 § 1/);
      assert.deepEqual(entry.sources.slice(0, 3), [LEGISTAR_INT_486, LL58_PDF, LL59_PDF]);
      assert.ok(entry.offense.length > 0 && entry.classText.length > 0, entry.section);
    }
    for (const entry of bySubparagraph('i')) {
      assert.equal(entry.law, 'PL');
      assert.equal(
        entry.sources[3],
        `https://www.nysenate.gov/legislation/laws/PEN/${entry.section}`,
      );
    }
    assert.equal(bySubparagraph('ii')[0]!.section, '485.05');
    assert.deepEqual(
      [bySubparagraph('iv')[0]!.law, bySubparagraph('iv')[0]!.section],
      ['VTL', '600'],
    );
  });

  void test('§ 9-131(a)(7)(v): the 2019 rows are inferred, flagged and sourced to the proposed rule', () => {
    const rows = bySubparagraph('v');
    assert.deepEqual(
      rows.map((entry) => entry.section),
      ['230.34-a', '230.08', '230.11', '230.12', '230.13'],
    );
    for (const entry of rows) {
      assert.equal(entry.verification, 'inferred');
      assert.equal(entry.sources[0], DOC_RULE_2019);
      assert.match(entry.note!, /INFERRED/);
      assert.match(entry.listedBy, /NOT verified/);
    }
  });

  void test('entries are frozen', () => {
    const entry: CrimeListEntry = VIOLENT_OR_SERIOUS_CRIMES[0]!;
    assert.ok(Object.isFrozen(VIOLENT_OR_SERIOUS_CRIMES));
    assert.ok(Object.isFrozen(entry) && Object.isFrozen(entry.sources));
    assert.ok(Object.isFrozen(VIOLENT_OR_SERIOUS_CRIMES.find((e) => e.subdivisions)!.subdivisions));
  });
});

void describe('subparagraph (i): "a felony defined in any of the following sections"', () => {
  // prettier-ignore
  const rows: Row[] = [
    { name: 'PL 120.05(2) felony is listed', clause: I, conviction: felony(pl('120.05', ['2'])), expect: listedAs('i', '120.05') },
    { name: 'level read from the charge when the conviction does not give one', clause: I, conviction: { charge: { ...pl('120.10', ['1']), level: 'felony' } }, expect: listedAs('i', '120.10') },
    { name: 'the conviction level overrides the charge level', clause: I, conviction: at({ ...pl('265.10', ['1']), level: 'felony' }, 'misdemeanor'), expect: NOT_LISTED },
    { name: 'PL 265.10 misdemeanour subdivision is not listed', clause: I, conviction: at(pl('265.10', ['2']), 'misdemeanor'), expect: NOT_LISTED },
    { name: 'PL 265.10 felony subdivision is listed', clause: I, conviction: felony(pl('265.10', ['1'])), expect: listedAs('i', '265.10') },
    { name: 'a violation grade is not listed', clause: I, conviction: at(pl('240.61'), 'violation'), expect: NOT_LISTED },
    { name: 'level missing: never inferred from the class column', clause: I, conviction: { charge: pl('120.05', ['2']) }, expect: unknown('level') },
    { name: 'unlisted felony PL 155.35 (grand larceny 3rd)', clause: I, conviction: felony(pl('155.35', ['1'])), expect: NOT_LISTED },
    { name: 'unlisted section needs no level', clause: I, conviction: { charge: pl('155.35') }, expect: NOT_LISTED },
    { name: 'PL 230.34 (sex trafficking) is listed', clause: I, conviction: felony(pl('230.34')), expect: listedAs('i', '230.34') },
    { name: 'PL 490.25 (crime of terrorism) is listed', clause: I, conviction: felony(pl('490.25')), expect: listedAs('i', '490.25') },
    { name: 'section letters are matched case-insensitively', clause: I, conviction: felony(pl('265.01-B', ['1'])), expect: listedAs('i', '265.01-b') },
  ];
  runTable(rows);
});

void describe('subparagraph (i): the six subdivision-limited entries', () => {
  // prettier-ignore
  const rows: Row[] = [
    { name: '120.04-a(4) inside', clause: I, conviction: felony(pl('120.04-a', ['4'])), expect: listedAs('i', '120.04-a') },
    { name: '120.04-a(1) outside', clause: I, conviction: felony(pl('120.04-a', ['1'])), expect: NOT_LISTED },
    { name: '120.04-a without subdivision', clause: I, conviction: felony(pl('120.04-a')), expect: unknown('subdivision') },
    { name: '135.65(2)(b) inside', clause: I, conviction: felony(pl('135.65', ['2', 'b'])), expect: listedAs('i', '135.65') },
    { name: '135.65(2)(B) inside, letter case ignored', clause: I, conviction: felony(pl('135.65', ['2', 'B'])), expect: listedAs('i', '135.65') },
    { name: '135.65(2)(a) outside', clause: I, conviction: felony(pl('135.65', ['2', 'a'])), expect: NOT_LISTED },
    { name: '135.65(1) outside', clause: I, conviction: felony(pl('135.65', ['1'])), expect: NOT_LISTED },
    { name: '135.65(2) without its paragraph', clause: I, conviction: felony(pl('135.65', ['2'])), expect: unknown('subdivision') },
    { name: '135.65 without subdivision', clause: I, conviction: felony(pl('135.65')), expect: unknown('subdivision') },
    { name: '230.25(2) inside', clause: I, conviction: felony(pl('230.25', ['2'])), expect: listedAs('i', '230.25') },
    { name: '230.25(1) outside', clause: I, conviction: felony(pl('230.25', ['1'])), expect: NOT_LISTED },
    { name: '230.25 without subdivision', clause: I, conviction: felony(pl('230.25')), expect: unknown('subdivision') },
    { name: '265.02(1) outside', clause: I, conviction: felony(pl('265.02', ['1'])), expect: NOT_LISTED },
    { name: '265.02(2) inside', clause: I, conviction: felony(pl('265.02', ['2'])), expect: listedAs('i', '265.02') },
    { name: '265.02(4) inside: "(2) through (8)" (existence of (4) unverified)', clause: I, conviction: felony(pl('265.02', ['4'])), expect: listedAs('i', '265.02') },
    { name: '265.02(5)(i) inside (deeper path)', clause: I, conviction: felony(pl('265.02', ['5', 'i'])), expect: listedAs('i', '265.02') },
    { name: '265.02(8) inside', clause: I, conviction: felony(pl('265.02', ['8'])), expect: listedAs('i', '265.02') },
    { name: '265.02(9) outside', clause: I, conviction: felony(pl('265.02', ['9'])), expect: NOT_LISTED },
    { name: '265.02 without subdivision', clause: I, conviction: felony(pl('265.02')), expect: unknown('subdivision') },
    { name: '265.02 without subdivision or level', clause: I, conviction: { charge: pl('265.02') }, expect: unknown('level', 'subdivision') },
    { name: '265.02(3) recorded as a misdemeanour', clause: I, conviction: at(pl('265.02', ['3']), 'misdemeanor'), expect: NOT_LISTED },
    { name: '265.35(2) inside', clause: I, conviction: felony(pl('265.35', ['2'])), expect: listedAs('i', '265.35') },
    { name: '265.35(3) outside', clause: I, conviction: felony(pl('265.35', ['3'])), expect: NOT_LISTED },
    { name: '265.35 without subdivision', clause: I, conviction: felony(pl('265.35')), expect: unknown('subdivision') },
    { name: '405.16(1) inside', clause: I, conviction: felony(pl('405.16', ['1'])), expect: listedAs('i', '405.16') },
    { name: '405.16(2) outside', clause: I, conviction: felony(pl('405.16', ['2'])), expect: NOT_LISTED },
    { name: '405.16 without subdivision', clause: I, conviction: felony(pl('405.16')), expect: unknown('subdivision') },
  ];
  runTable(rows);

  void test(`${I}: a listed subdivision is named in the explanation`, () => {
    const result = matchViolentOrSeriousCrime(felony(pl('265.02', ['3'])));
    assert.match(result.explanation, /PL 265\.02\(3\).*PL 265\.02\(2\) through \(8\)/);
  });
});

void describe('subparagraph (iii): felony attempt, conspiracy, solicitation or facilitation of an (i) crime', () => {
  const kinds: Inchoate[] = ['attempt', 'conspiracy', 'solicitation', 'facilitation'];
  // prettier-ignore
  const rows: Row[] = [
    ...kinds.map((kind): Row => ({ name: `felony ${kind} of PL 120.10`, clause: III, conviction: felony(inchoate(kind, pl('120.10', ['1']))), expect: listedAs('iii', '120.10') })),
    ...kinds.map((kind): Row => ({ name: `misdemeanour ${kind} of PL 120.05`, clause: III, conviction: at(inchoate(kind, pl('120.05', ['2'])), 'misdemeanor'), expect: NOT_LISTED })),
    { name: 'attempted PL 120.05 (D felony) as an E felony is listed', clause: III, conviction: felony(inchoate('attempt', pl('120.05'))), expect: listedAs('iii', '120.05') },
    { name: 'attempted PL 120.01 (E felony) as a class A misdemeanour is not', clause: III, conviction: at(inchoate('attempt', pl('120.01')), 'misdemeanor'), expect: NOT_LISTED },
    { name: 'attempt with no level recorded', clause: III, conviction: { charge: inchoate('attempt', pl('160.15')) }, expect: unknown('level') },
    { name: 'felony attempt of an unlisted crime (PL 155.35)', clause: III, conviction: felony(inchoate('attempt', pl('155.35'))), expect: NOT_LISTED },
    { name: 'felony attempt of 265.02(1), an unlisted subdivision', clause: III, conviction: felony(inchoate('attempt', pl('265.02', ['1']))), expect: NOT_LISTED },
    { name: 'felony attempt of 265.02(3), a listed subdivision', clause: III, conviction: felony(inchoate('attempt', pl('265.02', ['3']))), expect: listedAs('iii', '265.02') },
    { name: 'felony attempt of 265.02 without subdivision', clause: III, conviction: felony(inchoate('attempt', pl('265.02'))), expect: unknown('subdivision') },
    { name: 'attempt of VTL 600: (iii) reaches only (i) crimes', clause: III, conviction: felony(inchoate('attempt', vtl('600', ['2', 'a']))), expect: NOT_LISTED },
    { name: 'felony attempt of repealed 130.50 before repeal', clause: III, conviction: felony(inchoate('attempt', pl('130.50')), { judgmentDate: '2024-08-31' }), expect: listedAs('iii', '130.50') },
    { name: 'felony attempt of repealed 130.50 after repeal', clause: III, conviction: felony(inchoate('attempt', pl('130.50')), { judgmentDate: '2024-09-01' }), expect: review('130.50') },
    { name: 'felony attempt of repealed 130.50, no judgment date', clause: III, conviction: felony(inchoate('attempt', pl('130.50'))), expect: unknown('judgmentDate') },
  ];
  runTable(rows);

  void test(`${III}: the match points at the target's (i) entry and names the inchoate form`, () => {
    const result = matchViolentOrSeriousCrime(felony(inchoate('solicitation', pl('125.25'))));
    assert.ok(result.status === 'listed');
    assert.equal(result.subparagraph, 'iii');
    assert.equal(result.entry.subparagraph, 'i');
    assert.match(result.explanation, /^Criminal solicitation to commit PL 125\.25 \(murder/);
  });

  void test(`${III}: an unrecognised inchoate kind is an error, never the completed offence`, () => {
    const bad = { ...pl('120.05'), inchoate: { kind: 'attemp' as Inchoate, section: '110.00' } };
    assert.throws(() => matchViolentOrSeriousCrime(felony(bad)), TypeError);
  });
});

void describe('subparagraph (ii): "a hate crime … provided such hate crime constitutes a felony"', () => {
  // prettier-ignore
  const rows: Row[] = [
    { name: 'assault 3rd (PL 120.00) as a felony hate crime', clause: II, conviction: felony(pl('120.00', ['1']), { hateCrime: true }), expect: listedAs('ii', '485.05') },
    { name: 'assault 3rd as a misdemeanour hate crime', clause: II, conviction: at(pl('120.00', ['1']), 'misdemeanor', { hateCrime: true }), expect: NOT_LISTED },
    { name: 'hate crime with no level recorded', clause: II, conviction: { charge: pl('240.30'), hateCrime: true }, expect: unknown('level') },
    { name: 'a charge under PL 485.05 itself, felony', clause: II, conviction: felony(pl('485.05')), expect: listedAs('ii', '485.05') },
    { name: 'a charge under PL 485.05 itself, misdemeanour', clause: II, conviction: at(pl('485.05'), 'misdemeanor'), expect: NOT_LISTED },
    { name: 'felony hate crime on an unlisted section (PL 155.35)', clause: II, conviction: felony(pl('155.35'), { hateCrime: true }), expect: listedAs('ii', '485.05') },
    { name: 'felony hate crime: no subdivision needed', clause: II, conviction: felony(pl('265.02'), { hateCrime: true }), expect: listedAs('ii', '485.05') },
    { name: 'felony attempt as a hate crime of an unlisted crime', clause: II, conviction: felony(inchoate('attempt', pl('155.35')), { hateCrime: true }), expect: listedAs('ii', '485.05') },
    { name: 'inferred (v) section as a felony hate crime: (ii) alone lists it', clause: II, conviction: felony(pl('230.34-a'), { hateCrime: true }), expect: listedAs('ii', '485.05') },
    { name: 'inferred (v) section as a hate crime, level missing', clause: II, conviction: { charge: pl('230.34-a'), hateCrime: true }, expect: unknown('level') },
    { name: 'repealed 130.50 after repeal as a felony hate crime: (ii) alone lists it', clause: II, conviction: felony(pl('130.50'), { hateCrime: true, judgmentDate: '2025-01-01' }), expect: listedAs('ii', '485.05') },
    { name: 'a listed (i) felony that is also a hate crime stays under (i)', clause: I, conviction: felony(pl('120.05', ['1']), { hateCrime: true }), expect: listedAs('i', '120.05') },
    { name: 'no hate-crime flag: an unlisted felony is not listed', clause: I, conviction: felony(pl('155.35'), { hateCrime: false }), expect: NOT_LISTED },
  ];
  runTable(rows);
});

void describe('subparagraph (iv): "any felony set forth in section 600 of the vehicle and traffic law"', () => {
  // prettier-ignore
  const rows: Row[] = [
    { name: 'VTL 600(2)(a) felony', clause: IV, conviction: felony(vtl('600', ['2', 'a'])), expect: listedAs('iv', '600') },
    { name: 'VTL 600(2)(a) misdemeanour', clause: IV, conviction: at(vtl('600', ['2', 'a']), 'misdemeanor'), expect: NOT_LISTED },
    { name: 'VTL 600(1)(a) infraction', clause: IV, conviction: at(vtl('600', ['1', 'a']), 'infraction'), expect: NOT_LISTED },
    { name: 'VTL 600 with no level', clause: IV, conviction: { charge: vtl('600', ['2', 'a']) }, expect: unknown('level') },
    { name: 'another VTL felony (VTL 1192) is not listed', clause: IV, conviction: felony(vtl('1192', ['3'])), expect: NOT_LISTED },
  ];
  runTable(rows);
});

void describe('subparagraph (i): sections repealed after 2014 still count for judgments entered while they stood', () => {
  const repeals: [string, string, string][] = [
    ['125.40', '2019-01-21', '2019-01-22'],
    ['125.45', '2019-01-21', '2019-01-22'],
    ['130.40', '2024-08-31', '2024-09-01'],
    ['130.45', '2024-08-31', '2024-09-01'],
    ['130.50', '2024-08-31', '2024-09-01'],
  ];
  // prettier-ignore
  const rows: Row[] = repeals.flatMap(([section, before, on]): Row[] => [
    { name: `${section} judgment ${before}, before the repeal`, clause: I, conviction: felony(pl(section), { judgmentDate: before }), expect: listedAs('i', section) },
    { name: `${section} judgment ${on}, the repeal date`, clause: I, conviction: felony(pl(section), { judgmentDate: on }), expect: review(section) },
    { name: `${section} judgment after the repeal`, clause: I, conviction: felony(pl(section), { judgmentDate: '2026-03-01' }), expect: review(section) },
    { name: `${section} with no judgment date`, clause: I, conviction: felony(pl(section)), expect: unknown('judgmentDate') },
  ]);
  // prettier-ignore
  rows.push(
    { name: '130.50 with neither level nor judgment date', clause: I, conviction: { charge: pl('130.50') }, expect: unknown('level', 'judgmentDate') },
    { name: '130.50 with an impossible judgment date', clause: I, conviction: felony(pl('130.50'), { judgmentDate: '2024-02-30' }), expect: unknown('judgmentDate') },
    { name: '130.40 recorded as a misdemeanour', clause: I, conviction: at(pl('130.40'), 'misdemeanor', { judgmentDate: '2020-01-01' }), expect: NOT_LISTED },
  );
  runTable(rows);

  void test(`${I}: the explanation says why a post-repeal judgment needs review`, () => {
    const result = matchViolentOrSeriousCrime(felony(pl('125.40'), { judgmentDate: '2020-05-01' }));
    assert.match(result.explanation, /repealed/);
    assert.match(result.explanation, /2019-01-22/);
  });
});

void describe('subparagraph (v): the inferred 2019 DOC additions go to legal review', () => {
  const sections = ['230.34-a', '230.08', '230.11', '230.12', '230.13'];
  // prettier-ignore
  const rows: Row[] = [
    ...sections.map((section): Row => ({ name: `${section} felony`, clause: V, conviction: felony(pl(section)), expect: review(section) })),
    { name: '230.34-a with no level', clause: V, conviction: { charge: pl('230.34-a') }, expect: review('230.34-a') },
    { name: '230.08 recorded as a misdemeanour is still never not-listed', clause: V, conviction: at(pl('230.08'), 'misdemeanor'), expect: review('230.08') },
    { name: 'felony attempt of 230.34-a', clause: V, conviction: felony(inchoate('attempt', pl('230.34-a'))), expect: review('230.34-a') },
    { name: 'upper-case section letter (230.34-A)', clause: V, conviction: felony(pl('230.34-A')), expect: review('230.34-a') },
  ];
  runTable(rows);

  void test(`${V}: the explanation says the rule is unverified`, () => {
    for (const section of sections) {
      const result = matchViolentOrSeriousCrime(felony(pl(section)));
      assert.match(result.explanation, /not verified/);
      assert.match(result.explanation, /2019 DOC rule/);
    }
  });
});

void describe('charges as records write them (through parseCharge)', () => {
  const parsed = (raw: string, extra: Partial<ConvictionForList> = {}): ConvictionForList => ({
    charge: parseCharge(raw),
    ...extra,
  });
  // prettier-ignore
  const rows: Row[] = [
    { name: 'PL 120.05(2) with a felony judgment', clause: I, conviction: parsed('PL 120.05(2)', { level: 'felony' }), expect: listedAs('i', '120.05') },
    { name: 'PL 265.10 A MISD: level from the class on the code', clause: I, conviction: parsed('PL 265.10 A MISD'), expect: NOT_LISTED },
    { name: 'PL 120.04-A(4): section letter canonicalised', clause: I, conviction: parsed('PL 120.04-A(4)', { level: 'felony' }), expect: listedAs('i', '120.04-a') },
    { name: 'PL 135.65(2)(b)', clause: I, conviction: parsed('PL 135.65(2)(b)', { level: 'felony' }), expect: listedAs('i', '135.65') },
    { name: 'PL 110/120.05(2) DF: felony attempt', clause: III, conviction: parsed('PL 110/120.05(2) DF'), expect: listedAs('iii', '120.05') },
    { name: 'ATT PL 160.15 without a level', clause: III, conviction: parsed('ATT PL 160.15'), expect: unknown('level') },
    { name: 'VTL 600(2)(a) E FEL', clause: IV, conviction: parsed('VTL 600(2)(a) E FEL'), expect: listedAs('iv', '600') },
    { name: 'PL 230.34-a with a felony judgment', clause: V, conviction: parsed('PL 230.34-a', { level: 'felony' }), expect: review('230.34-a') },
  ];
  runTable(rows);
});

void describe('every entry, level, inchoate form and hate-crime flag', () => {
  const levels: (OffenseLevel | undefined)[] = [
    undefined,
    'felony',
    'misdemeanor',
    'violation',
    'infraction',
  ];
  const forms: (Inchoate | undefined)[] = [
    undefined,
    'attempt',
    'conspiracy',
    'solicitation',
    'facilitation',
  ];

  void test('answers are consistent with § 9-131(a)(7) and explanations are single sentences', () => {
    for (const entry of VIOLENT_OR_SERIOUS_CRIMES) {
      if (entry.subparagraph === 'iii') continue;
      const subdivisions = [[], ...(entry.subdivisions ?? []).map((path) => [...path]), ['99']];
      for (const subdivision of subdivisions)
        for (const level of levels)
          for (const form of forms)
            for (const hateCrime of [false, true])
              for (const judgmentDate of [undefined, '2010-01-01', '2025-01-01']) {
                const base = charge(entry.law, entry.section, subdivision);
                const conviction: ConvictionForList = {
                  charge: form ? inchoate(form, base) : base,
                  ...(level ? { level } : {}),
                  hateCrime,
                  ...(judgmentDate ? { judgmentDate } : {}),
                };
                const result = matchViolentOrSeriousCrime(conviction);
                assertExplanation(result, entry.section);
                if (result.status === 'listed') {
                  assert.equal(level, 'felony', result.explanation);
                  // An inferred (v) section is listed only through (ii), as a felony hate crime.
                  if (entry.subparagraph === 'v') assert.equal(result.subparagraph, 'ii');
                  // An (i) target listed in inchoate form is (iii); (iii) needs an inchoate form.
                  if (form && entry.subparagraph === 'i' && !hateCrime) {
                    assert.equal(result.subparagraph, 'iii');
                  }
                  if (result.subparagraph === 'iii') assert.ok(form);
                  if (result.subparagraph === 'ii')
                    assert.ok(hateCrime || entry.section === '485.05');
                }
                if (entry.subparagraph === 'v' && !hateCrime) {
                  assert.equal(result.status, 'legal-review');
                }
                if (result.status === 'unknown') assert.ok(result.missing.length > 0);
              }
    }
  });

  void test('the same question returns the same frozen answer', () => {
    const a = matchViolentOrSeriousCrime(felony(pl('120.05', ['2'])));
    const b = matchViolentOrSeriousCrime(felony(pl('120.05', ['1'])));
    assert.equal(a, b);
    assert.ok(Object.isFrozen(a));
    const u = matchViolentOrSeriousCrime({ charge: pl('265.02') });
    assert.ok(u.status === 'unknown' && Object.isFrozen(u.missing));
    assert.notEqual(a, matchViolentOrSeriousCrime(felony(pl('120.10'))));
  });

  void test('§ 9-131(a)(7)(i): any unlisted Penal Law section is not listed', () => {
    const listed = new Set(VIOLENT_OR_SERIOUS_CRIMES.map((entry) => entry.section));
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-4]\d{2}\.\d{2}$/),
        fc.constantFrom(...levels),
        (section, level) => {
          fc.pre(!listed.has(section));
          const result = matchViolentOrSeriousCrime({
            charge: pl(section),
            ...(level ? { level } : {}),
          });
          assert.equal(result.status, 'not-listed');
          assertExplanation(result, section, I);
        },
      ),
    );
  });

  void test('a law other than PL or VTL is a programming error', () => {
    const bad = { ...pl('120.05'), law: 'CPL' as 'PL' };
    assert.throws(() => matchViolentOrSeriousCrime(felony(bad)), TypeError);
  });
});
