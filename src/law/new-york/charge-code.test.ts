import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Charge } from './charge-code.js';
import { ChargeCodeError, formatCharge, parseCharge } from './charge-code.js';

type Fields = Omit<Charge, 'raw'>;

const pl = (section: string, subdivision: string[] = [], rest: Partial<Fields> = {}): Fields => ({
  law: 'PL',
  section,
  subdivision,
  ...rest,
});
const vtl = (section: string, subdivision: string[] = [], rest: Partial<Fields> = {}): Fields => ({
  law: 'VTL',
  section,
  subdivision,
  ...rest,
});
const attempt = { kind: 'attempt', section: '110.00' } as const;

function assertParses(input: string, expected: Fields): void {
  assert.deepEqual(parseCharge(input), { raw: input, ...expected });
}

void describe('parseCharge reads sections and subdivisions as records write them', () => {
  const cases: [string, Fields][] = [
    ['PL 120.05(2)', pl('120.05', ['2'])],
    ['120.05 02 D', pl('120.05', ['2'], { level: 'felony', grade: 'D' })],
    ['P.L. § 265.02(3)', pl('265.02', ['3'])],
    ['PL 135.65(2)(b)', pl('135.65', ['2', 'b'])],
    ['PL 485.05', pl('485.05')],
    ['pl 120.05(2)(B)', pl('120.05', ['2', 'b'])],
    ['  PL   120.05 ( 2 )  D  ', pl('120.05', ['2'], { level: 'felony', grade: 'D' })],
    ['PL120.05(2)', pl('120.05', ['2'])],
    ['PL 120.05(02)', pl('120.05', ['2'])],
    ['PL 120.05(11-A)', pl('120.05', ['11-a'])],
    ['NYPL 120.05', pl('120.05')],
    ['N.Y. Penal Law § 120.05(2)', pl('120.05', ['2'])],
    ['Penal Law 265.03(1)(b)', pl('265.03', ['1', 'b'])],
    ['Sec. 120.05', pl('120.05')],
    ['§§ 120.05', pl('120.05')],
    // VTL sections are whole numbers, so a dot after one starts the subdivision.
    ['VTL 600.2(c)', vtl('600', ['2', 'c'])],
    ['VTL 1192.3', vtl('1192', ['3'])],
    ['VTL 511(2)(a)(iv)', vtl('511', ['2', 'a', 'iv'])],
    ['V.T.L. 1192.3', vtl('1192', ['3'])],
    ['Vehicle and Traffic Law § 1192(3)', vtl('1192', ['3'])],
    ['VEH & TRAF LAW 1192.2-A', vtl('1192', ['2-a'])],
    ['VTL 0511 01', vtl('511', ['1'])],
    ['VTL 1192-A', vtl('1192-a')],
    // DCJS compact codes: 3-digit article, 2-digit section, 2-digit subdivision ("00" = none).
    ['PL 1200502', pl('120.05', ['2'])],
    ['PL 12005', pl('120.05')],
    ['PL 2650203', pl('265.02', ['3'])],
    ['PL 1200500', pl('120.05')],
    ['PL 12005 02', pl('120.05', ['2'])],
    ['PL 0650500', pl('65.05')],
    // Letter-suffixed sections.
    ['PL 120.04-a(4)', pl('120.04-a', ['4'])],
    ['PL 120.04-A 04', pl('120.04-a', ['4'])],
    ['PL 130.65-a', pl('130.65-a')],
    ['265.01-b', pl('265.01-b')],
  ];
  for (const [input, expected] of cases) {
    void test(input, () => {
      assertParses(input, expected);
    });
  }
});

void describe('parseCharge reads class and level designations', () => {
  const cases: [string, Pick<Charge, 'level' | 'grade'>][] = [
    ['D', { level: 'felony', grade: 'D' }],
    ['C', { level: 'felony', grade: 'C' }],
    ['E', { level: 'felony', grade: 'E' }],
    ['DF', { level: 'felony', grade: 'D' }],
    ['D FEL', { level: 'felony', grade: 'D' }],
    ['D-FEL.', { level: 'felony', grade: 'D' }],
    ['D FELONY', { level: 'felony', grade: 'D' }],
    ['CLASS D FELONY', { level: 'felony', grade: 'D' }],
    ['class b felony', { level: 'felony', grade: 'B' }],
    ['AM', { level: 'misdemeanor', grade: 'A' }],
    ['A MISD', { level: 'misdemeanor', grade: 'A' }],
    ['A MISDEMEANOR', { level: 'misdemeanor', grade: 'A' }],
    ['CLASS A MISDEMEANOR', { level: 'misdemeanor', grade: 'A' }],
    ['BM', { level: 'misdemeanor', grade: 'B' }],
    ['UM', { level: 'misdemeanor', grade: 'U' }],
    ['U', { level: 'misdemeanor', grade: 'U' }],
    ['UNCLASSIFIED MISDEMEANOR', { level: 'misdemeanor', grade: 'U' }],
    ['A-I', { level: 'felony', grade: 'A-I' }],
    ['AI', { level: 'felony', grade: 'A-I' }],
    ['A1', { level: 'felony', grade: 'A-I' }],
    ['A-1 FEL', { level: 'felony', grade: 'A-I' }],
    ['AIF', { level: 'felony', grade: 'A-I' }],
    ['A-II', { level: 'felony', grade: 'A-II' }],
    ['AII', { level: 'felony', grade: 'A-II' }],
    ['A2', { level: 'felony', grade: 'A-II' }],
    // Classes of older records: A before the 1974 split, A-III from 1973 to 1979.
    ['A FELONY', { level: 'felony', grade: 'A' }],
    ['A-III', { level: 'felony', grade: 'A-III' }],
    ['F', { level: 'felony' }],
    ['FEL', { level: 'felony' }],
    ['FELONY', { level: 'felony' }],
    ['M', { level: 'misdemeanor' }],
    ['MISD', { level: 'misdemeanor' }],
    ['V', { level: 'violation' }],
    ['VIOL', { level: 'violation' }],
    ['VIOLATION', { level: 'violation' }],
    ['INF', { level: 'infraction' }],
    ['INFRACTION', { level: 'infraction' }],
    // A and B are both felony and misdemeanor classes: keep the letter, do not guess the level.
    ['A', { grade: 'A' }],
    ['B', { grade: 'B' }],
    ['CLASS B', { grade: 'B' }],
  ];
  for (const [designation, expected] of cases) {
    const input = `PL 120.05(2) ${designation}`;
    void test(input, () => {
      assertParses(input, pl('120.05', ['2'], expected));
    });
  }
});

void describe('parseCharge reads inchoate forms', () => {
  const cases: [string, Fields][] = [
    ['PL 110/120.05(2)', pl('120.05', ['2'], { inchoate: attempt })],
    ['PL 110-120.05 02 E', pl('120.05', ['2'], { level: 'felony', grade: 'E', inchoate: attempt })],
    ['110.00/120.10', pl('120.10', [], { inchoate: attempt })],
    ['PL 110 / 1200502', pl('120.05', ['2'], { inchoate: attempt })],
    ['ATT PL 120.05', pl('120.05', [], { inchoate: attempt })],
    ['Attempted PL 160.15', pl('160.15', [], { inchoate: attempt })],
    ['Att. 160.15', pl('160.15', [], { inchoate: attempt })],
    ['ATT PL 110/120.05 DF', pl('120.05', [], { level: 'felony', grade: 'D', inchoate: attempt })],
    [
      'CONSP 2 PL 105.15/125.25',
      pl('125.25', [], { inchoate: { kind: 'conspiracy', section: '105.15' } }),
    ],
    ['CONSP PL 125.25', pl('125.25', [], { inchoate: { kind: 'conspiracy', section: '105.00' } })],
    ['PL 105/220.39', pl('220.39', [], { inchoate: { kind: 'conspiracy', section: '105.00' } })],
    [
      'PL 100.10/125.25',
      pl('125.25', [], { inchoate: { kind: 'solicitation', section: '100.10' } }),
    ],
    [
      'SOLICITATION PL 125.25',
      pl('125.25', [], { inchoate: { kind: 'solicitation', section: '100.00' } }),
    ],
    [
      'CRIM FACIL 4 PL 115.00/220.39',
      pl('220.39', [], { inchoate: { kind: 'facilitation', section: '115.00' } }),
    ],
    [
      'Criminal Facilitation PL 220.39',
      pl('220.39', [], { inchoate: { kind: 'facilitation', section: '115.00' } }),
    ],
  ];
  for (const [input, expected] of cases) {
    void test(input, () => {
      assertParses(input, expected);
    });
  }
});

void describe('parseCharge refuses what it cannot read', () => {
  const cases: [string, RegExp][] = [
    ['', /empty/],
    ['   ', /empty/],
    ['ABC', /expected a law/],
    ['PL', /no section number/],
    ['PL 12', /"12" is not a Penal Law section/],
    ['PL 120', /"120" is not a Penal Law section/],
    ['PL 12O.05', /"12O\.05" is not a Penal Law section/],
    ['PL 0.05', /"0\.05" is not a Penal Law section/],
    ['PL 120.05(', /cannot read the subdivision at "\("/],
    ['PL 120.05(2', /cannot read the subdivision/],
    ['PL 120.05(0)', /no subdivision "0"/],
    ['PL 120.05 2B', /unexpected "2B"/],
    ['PL 1200500 03', /not a Penal Law section/],
    ['PL 120.05 ASSAULT 2ND', /unexpected "ASSAULT 2ND"/],
    ['VTL abc', /"abc" is not a Vehicle and Traffic Law section/],
    ['VTL', /no section number/],
    ['1192', /no law is given/],
    ['1200502', /no law is given/],
    ['PL 120.05 C MISD', /class C is a felony class/],
    ['PL 120.00 UF', /class U is a misdemeanor class/],
    ['PL 240.20 B VIOL', /violations have no class/],
    ['ATT 2 PL 120.05', /attempt has no degree/],
    ['CONSP 2 PL 125.25', /degree but not its 105\.xx section/],
    ['ATT PL 105.15/125.25', /says attempt but section 105\.15 is conspiracy/],
    ['ATT VTL 1192', /only before a Penal Law section/],
  ];
  for (const [input, reason] of cases) {
    void test(JSON.stringify(input), () => {
      assert.throws(
        () => parseCharge(input),
        (error: unknown) => {
          assert.ok(error instanceof ChargeCodeError);
          assert.equal(error.input, input);
          assert.ok(error.message.includes(`"${input}"`), error.message);
          assert.match(error.reason, reason);
          return true;
        },
      );
    });
  }
});

void describe('formatCharge writes one canonical form that parseCharge reads back', () => {
  const cases: [string, string][] = [
    ['PL 120.05(2)', 'PL 120.05(2)'],
    ['120.05 02 D', 'PL 120.05(2) D felony'],
    ['PL 110-120.05 02 D', 'PL 110/120.05(2) D felony'],
    ['ATT PL 120.05', 'PL 110/120.05'],
    ['CONSP 2 PL 105.15/125.25 BF', 'PL 105.15/125.25 B felony'],
    ['VTL 600.2(c)', 'VTL 600(2)(c)'],
    ['VTL 1192.2-A E', 'VTL 1192(2-a) E felony'],
    ['PL 1200502', 'PL 120.05(2)'],
    ['PL 120.04-A 04 AM', 'PL 120.04-a(4) A misdemeanor'],
    ['PL 220.21 A1', 'PL 220.21 A-I felony'],
    ['PL 155.25 A', 'PL 155.25 A'],
    ['PL 240.20 V', 'PL 240.20 violation'],
    ['VTL 1192 UM', 'VTL 1192 U misdemeanor'],
  ];
  for (const [input, canonical] of cases) {
    void test(`${input} -> ${canonical}`, () => {
      const charge = parseCharge(input);
      assert.equal(formatCharge(charge), canonical);
      assert.deepEqual(parseCharge(canonical), { ...charge, raw: canonical });
    });
  }

  const letter = fc.integer({ min: 0x61, max: 0x7a }).map((code) => String.fromCharCode(code));
  const suffix = fc.option(fc.string({ unit: letter, minLength: 1, maxLength: 2 }), {
    nil: undefined,
  });
  const plSection = fc
    .tuple(fc.integer({ min: 1, max: 499 }), fc.integer({ min: 0, max: 99 }), suffix)
    .map(([article, n, s]) => `${article}.${String(n).padStart(2, '0')}${s ? `-${s}` : ''}`);
  const vtlSection = fc
    .tuple(fc.integer({ min: 1, max: 2400 }), suffix)
    .map(([n, s]) => `${n}${s ? `-${s}` : ''}`);
  const part = fc.oneof(
    fc.integer({ min: 1, max: 999 }).map(String),
    fc.tuple(fc.integer({ min: 1, max: 99 }), letter).map(([n, s]) => `${n}-${s}`),
    fc.string({ unit: letter, minLength: 1, maxLength: 5 }),
  );
  const designation = fc.constantFrom<Pick<Charge, 'level' | 'grade'>>(
    {},
    { grade: 'A' },
    { grade: 'B' },
    { level: 'felony' },
    ...['A-I', 'A-II', 'A-III', 'A', 'B', 'C', 'D', 'E'].map((grade) => ({
      level: 'felony' as const,
      grade,
    })),
    { level: 'misdemeanor' },
    ...['A', 'B', 'U'].map((grade) => ({ level: 'misdemeanor' as const, grade })),
    { level: 'violation' },
    { level: 'infraction' },
  );
  const inchoate = fc.option(
    fc
      .tuple(
        fc.constantFrom(
          ['solicitation', '100'] as const,
          ['conspiracy', '105'] as const,
          ['attempt', '110'] as const,
          ['facilitation', '115'] as const,
        ),
        fc.integer({ min: 0, max: 99 }),
      )
      .map(([[kind, article], n]) => ({
        kind,
        section: `${article}.${String(n).padStart(2, '0')}`,
      })),
    { nil: undefined },
  );
  const charge: fc.Arbitrary<Fields> = fc.oneof(
    fc
      .tuple(plSection, fc.array(part, { maxLength: 4 }), designation, inchoate)
      .map(([section, subdivision, classes, inch]) =>
        pl(section, subdivision, inch ? { ...classes, inchoate: inch } : classes),
      ),
    fc
      .tuple(vtlSection, fc.array(part, { maxLength: 4 }), designation)
      .map(([section, subdivision, classes]) => vtl(section, subdivision, classes)),
  );

  void test('parseCharge(formatCharge(c)) is c for any section, subdivision and class', () => {
    fc.assert(
      fc.property(charge, (fields) => {
        const text = formatCharge({ raw: '', ...fields });
        assert.deepEqual(parseCharge(text), { raw: text, ...fields });
      }),
      { numRuns: 1000 },
    );
  });
});

void describe('parseCharge answers are shared', () => {
  test('the same code reads to one frozen charge; a bad code fails every time', () => {
    const first = parseCharge('ATT PL 120.05(2) E');
    assert.equal(parseCharge('ATT PL 120.05(2) E'), first);
    assert.ok(Object.isFrozen(first) && Object.isFrozen(first.subdivision));
    assert.ok(Object.isFrozen(first.inchoate));
    for (let i = 0; i < 2; i++) assert.throws(() => parseCharge('LARC 3RD DEG'), ChargeCodeError);
  });
});
