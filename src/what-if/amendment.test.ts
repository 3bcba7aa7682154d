import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { engine, parseCase, type Case } from '../index.js';
import type { CaseInput } from '../engine/case.js';
import { JURISDICTIONS } from '../law/jurisdictions.js';
import { NYC_DOC } from '../law/nyc/doc/index.js';
import {
  detainerCase,
  judicialWarrantWithDetainer,
  nyConviction,
  completedSearch,
} from '../law/testing/law-case.js';
import { amendLaw, readAmendment, type Amendment } from './amendment.js';
import {
  amendedChoice,
  LawChoiceError,
  lawChoiceText,
  parseLawChoice,
  resolveLawChoice,
} from './law-choice.js';
import { replay } from './replay.js';
import { replayJson, replayText } from './replay-output.js';

const LL58 = 'nyc-doc@LL58/2014';

function underAmended(amendment: unknown, base = LL58) {
  return resolveLawChoice(
    amendedChoice(parseLawChoice(base, JURISDICTIONS), readAmendment(amendment)),
    JURISDICTIONS,
  );
}

/** A DOC detainer of June 2016 (LL58/2014 in force), arrest 2016-05-20, a completed search. */
function docCase(
  convictions: NonNullable<CaseInput['record']>['convictions'],
  request: Partial<CaseInput['request']> = {},
): Case {
  return parseCase(
    detainerCase('nyc-doc', {
      request: { judicialWarrant: judicialWarrantWithDetainer(), ...request },
      record: completedSearch(convictions),
    }),
  );
}

function holdOf(choice: ReturnType<typeof underAmended>, input: Case) {
  return choice.engine.evaluate(input).outcomes.find((outcome) => outcome.action === 'hold')!;
}

const cited = (outcome: { controlling: readonly { id: string }[] }) =>
  outcome.controlling.map((ref) => ref.id);

function refused(amendment: unknown, field: string, problem: RegExp, base = LL58) {
  assert.throws(
    () => underAmended(amendment, base),
    (error: unknown) =>
      error instanceof LawChoiceError && error.field === field && problem.test(error.problem),
  );
}

describe('amendments: reading', () => {
  it('writes each charge code the one way the desk writes it', () => {
    const amendment = readAmendment({
      title: 'Grand larceny',
      changes: [{ kind: 'add-crimes', crimes: ['pl 155.30', ' PL 155.35 '] }],
    });
    assert.deepEqual(amendment.changes[0], {
      kind: 'add-crimes',
      crimes: ['PL 155.30', 'PL 155.35'],
    });
  });

  it('refuses a malformed amendment, naming the field, and never takes anything but data', () => {
    refused({ changes: [{ kind: 'drop-judicial-warrant' }] }, 'amendment.title', /./);
    refused({ title: 'x', changes: [] }, 'amendment.changes', /./);
    refused({ title: 'x', changes: [{ kind: 'repeal' }] }, 'amendment.changes[0].kind', /./);
    refused(
      { title: 'x', changes: [{ kind: 'look-back', years: 0 }] },
      'amendment.changes[0].years',
      /./,
    );
    refused(
      { title: 'x', changes: [{ kind: 'look-back', years: 2.5 }] },
      'amendment.changes[0].years',
      /./,
    );
    refused(
      { title: 'x', changes: [{ kind: 'hold-limit', hours: 72 }] },
      'amendment.changes[0].hours',
      /./,
    );
    refused(
      { title: 'x', changes: [{ kind: 'add-crimes', crimes: ['PL 155.30', 'grand larceny'] }] },
      'amendment.changes[0].crimes[1]',
      /Cannot read charge code "grand larceny"/,
    );
    refused(
      {
        title: 'x',
        changes: [
          { kind: 'look-back', years: 10 },
          { kind: 'look-back', years: 3 },
        ],
      },
      'amendment.changes[1]',
      /a second "look-back" change/,
    );
    refused(
      {
        title: 'x',
        changes: [
          { kind: 'add-crimes', crimes: ['PL 155.30'] },
          { kind: 'remove-crimes', crimes: ['pl 155.30'] },
        ],
      },
      'amendment.changes',
      /PL 155.30 is both added and removed/,
    );
    // Code is never a field: a key the format does not name is refused, not ignored.
    refused(
      { title: 'x', changes: [{ kind: 'drop-judicial-warrant', when: 'return true' }] },
      'amendment.changes[0]',
      /when/,
    );
    refused(
      JSON.parse('{"title":"x","changes":[{"kind":"drop-judicial-warrant"}],"__proto__":{"a":1}}'),
      'amendment',
      /__proto__/,
    );
    refused(
      {
        title: 'x',
        changes: [{ kind: 'add-crimes', crimes: Array.from({ length: 201 }, () => 'PL 155.30') }],
      },
      'amendment.changes[0].crimes',
      /./,
    );
  });

  it('amends one version only: a choice that follows the dates is refused', () => {
    assert.throws(
      () =>
        amendedChoice(
          parseLawChoice('nyc-doc', JURISDICTIONS),
          readAmendment({ title: 'x', changes: [{ kind: 'drop-judicial-warrant' }] }),
        ),
      (error: unknown) =>
        error instanceof LawChoiceError &&
        error.field === 'under' &&
        /nyc-doc@<version>/.test(error.problem),
    );
  });

  it('refuses, naming the change, an amendment that would change nothing in the version', () => {
    // LL22/2013's "convicted of a covered crime" (§ 9-131(a)(2)) has its own ten-year rule and
    // no list of violent or serious crimes; Texas SB 4 asks for no judicial warrant.
    refused(
      { title: 'x', changes: [{ kind: 'add-crimes', crimes: ['PL 155.30'] }] },
      'amendment.changes[0]',
      /nyc-doc's law in force from 2013-07-16 has no crime list/,
      'nyc-doc@LL22/2013',
    );
    refused(
      {
        title: 'x',
        changes: [{ kind: 'hold-limit', hours: 24 }, { kind: 'drop-judicial-warrant' }],
      },
      'amendment.changes[1]',
      /texas's law .* has no judicial-warrant condition/,
      'texas@SB 4',
    );
  });
});

describe('amendments: the examples', () => {
  it('reads every example amendment and applies it to the DOC law of 2016', () => {
    const folder = new URL('../../examples/amendments/', import.meta.url);
    const files = readdirSync(folder).filter((file) => file.endsWith('.json'));
    assert.ok(files.length > 0);
    for (const file of files) {
      const amendment: unknown = JSON.parse(readFileSync(new URL(file, folder), 'utf8'));
      assert.match(underAmended(amendment, 'nyc-doc@2016-06-01').label, /as amended by/, file);
    }
  });
});

describe('amendments: the versions each change applies to', () => {
  it('takes each kind of change exactly where the version has what it changes (docs/what-if.md)', () => {
    const kinds = [
      { kind: 'add-crimes', crimes: ['PL 155.30'] },
      { kind: 'look-back', years: 10 },
      { kind: 'drop-judicial-warrant' },
      { kind: 'hold-limit', hours: 24 },
    ];
    const accepted = (id: string, from: string) => {
      const jurisdiction = JURISDICTIONS.find((known) => known.id === id)!;
      return kinds
        .filter((given) => {
          try {
            amendLaw(
              jurisdiction,
              jurisdiction.lawOn(from),
              readAmendment({ title: 't', changes: [given] }),
            );
            return true;
          } catch (error) {
            assert.ok(error instanceof LawChoiceError);
            assert.equal(error.field, 'amendment.changes[0]');
            return false;
          }
        })
        .map((given) => given.kind)
        .join(' ');
    };
    const all = 'add-crimes look-back drop-judicial-warrant hold-limit';
    for (const [id, from, expected] of [
      ['nyc-doc', '2012-03-21', 'hold-limit'],
      ['nyc-doc', '2013-07-16', 'look-back hold-limit'],
      ['nyc-doc', '2014-12-14', all],
      ['nyc-doc', '2026-01-29', all],
      ['nyc-nypd', '2013-07-16', 'look-back hold-limit'],
      ['nyc-nypd', '2014-12-14', all],
      ['nyc-probation', '2014-12-14', 'hold-limit'],
      ['nyc-probation', '2017-12-01', all],
      ['california', '2017-01-01', 'hold-limit'],
      ['california', '2018-01-01', 'drop-judicial-warrant'],
      ['texas', '2017-09-01', 'hold-limit'],
      ['illinois', '2017-08-28', 'drop-judicial-warrant hold-limit'],
      ['illinois', '2021-08-02', 'drop-judicial-warrant'],
      ['oregon', '2021-07-19', 'drop-judicial-warrant'],
    ] as const) {
      assert.equal(accepted(id, from), expected, `${id} from ${from}`);
    }
  });
});

describe('amendments: the statute text they change', () => {
  it('§ 9-131(b)(1)(i) (LL58/2014), "federal immigration authorities present the department with a judicial warrant": dropped, a listed conviction alone allows the hold', () => {
    const input = docCase([nyConviction('PL 160.05', '2014-01-10', { level: 'felony' })], {
      judicialWarrant: { presented: false, issuer: 'unknown' },
    });
    assert.equal(engine.evaluate(input).outcomes[0]!.status, 'not-allowed');
    const choice = underAmended({
      title: 'No judicial warrant needed',
      changes: [{ kind: 'drop-judicial-warrant' }],
    });
    const hold = holdOf(choice, input);
    assert.equal(hold.status, 'allowed');
    assert.ok(cited(hold).includes('nyc.9-131.b'));
    assert.ok(cited(hold).includes('what-if.amendment'));
    const amendment = hold.controlling.find((ref) => ref.id === 'what-if.amendment')!;
    assert.equal(amendment.verification, 'amendment');
    assert.match(amendment.citation, /^Amendment [0-9a-f]{12} \("No judicial warrant needed"\)$/);
    // The decision flags the amendment as it flags any text that is not the law verbatim.
    assert.ok(
      choice.engine.evaluate(input).unverified.some((ref) => ref.id === 'what-if.amendment'),
    );
    // (b)(1)(ii) still holds: without a listed conviction the hold stays not allowed.
    assert.equal(
      holdOf(choice, docCase([], { judicialWarrant: { presented: false, issuer: 'unknown' } }))
        .status,
      'not-allowed',
    );
  });

  it('§ 9-131(a)(2)(ii) (LL58/2014), "for at least five years prior to the date of the instant arrest": a longer look-back reaches an older judgment, and the boundary stays "at least"', () => {
    // Arrest 2016-05-20; robbery in the third degree (PL 160.05, listed in (a)(7)(i)).
    const sevenYearsBefore = docCase([
      nyConviction('PL 160.05', '2009-05-01', { level: 'felony' }),
    ]);
    const exactlyTen = docCase([nyConviction('PL 160.05', '2006-05-20', { level: 'felony' })]);
    assert.equal(engine.evaluate(sevenYearsBefore).outcomes[0]!.status, 'not-allowed');
    const ten = underAmended({ title: 'Ten years', changes: [{ kind: 'look-back', years: 10 }] });
    assert.equal(holdOf(ten, sevenYearsBefore).status, 'allowed');
    assert.equal(holdOf(ten, exactlyTen).status, 'not-allowed');
    const six = underAmended({ title: 'Six years', changes: [{ kind: 'look-back', years: 6 }] });
    assert.equal(holdOf(six, sevenYearsBefore).status, 'not-allowed');
    const none = underAmended({ title: 'Ever', changes: [{ kind: 'look-back', years: null }] });
    assert.equal(holdOf(none, exactlyTen).status, 'allowed');
    // A shorter look-back puts a recent judgment outside it.
    const recent = docCase([nyConviction('PL 160.05', '2013-05-01', { level: 'felony' })]);
    assert.equal(engine.evaluate(recent).outcomes[0]!.status, 'allowed');
    const two = underAmended({ title: 'Two years', changes: [{ kind: 'look-back', years: 2 }] });
    assert.equal(holdOf(two, recent).status, 'not-allowed');
    assert.ok(cited(holdOf(two, recent)).includes('what-if.amendment'));
  });

  it('§ 9-131(a)(2)(ii) (LL22/2013), "a misdemeanor that is a covered crime for at least ten years prior to the date of the instant arrest": a shorter look-back drops an older misdemeanour, never a felony', () => {
    // Assault in the third degree (PL 120.00), a covered misdemeanour, judgment seven years before.
    const misdemeanour = docCase(
      [nyConviction('PL 120.00', '2009-05-01', { level: 'misdemeanor' })],
      {
        judicialWarrant: { presented: false, issuer: 'unknown' },
      },
    );
    const felony = docCase([nyConviction('PL 160.05', '2001-05-01', { level: 'felony' })], {
      judicialWarrant: { presented: false, issuer: 'unknown' },
    });
    const ll22 = resolveLawChoice(
      parseLawChoice('nyc-doc@LL22/2013', JURISDICTIONS),
      JURISDICTIONS,
    );
    assert.equal(holdOf(ll22, misdemeanour).status, 'allowed');
    const five = underAmended(
      { title: 'Five years', changes: [{ kind: 'look-back', years: 5 }] },
      'nyc-doc@LL22/2013',
    );
    assert.equal(holdOf(five, misdemeanour).status, 'not-allowed');
    assert.ok(cited(holdOf(five, misdemeanour)).includes('what-if.amendment'));
    // "has never had a final judgment of guilt ... on a felony": a felony counts at any age.
    assert.equal(holdOf(five, felony).status, 'allowed');
  });

  it('§ 9-131(a)(7)(i) (LL58/2014), the list of violent or serious crimes: a crime added counts, with its felony attempt as (iii) says; a crime removed no longer does', () => {
    // Grand larceny in the fourth degree (PL 155.30) is not on the list.
    const larceny = docCase([nyConviction('PL 155.30', '2014-01-10', { level: 'felony' })]);
    assert.equal(engine.evaluate(larceny).outcomes[0]!.status, 'not-allowed');
    const added = underAmended({
      title: 'Grand larceny',
      changes: [{ kind: 'add-crimes', crimes: ['PL 155.30'] }],
    });
    assert.equal(holdOf(added, larceny).status, 'allowed');
    const felonyAttempt = docCase([
      nyConviction('PL 110/155.30', '2014-01-10', { level: 'felony' }),
    ]);
    const misdemeanourAttempt = docCase([
      nyConviction('PL 110/155.30', '2014-01-10', { level: 'misdemeanor' }),
    ]);
    assert.equal(holdOf(added, felonyAttempt).status, 'allowed');
    assert.equal(holdOf(added, misdemeanourAttempt).status, 'not-allowed');
    // Assault in the second degree (PL 120.05) is listed; removing subdivision 2 leaves 3.
    const assault2 = docCase([nyConviction('PL 120.05(2)', '2014-01-10', { level: 'felony' })]);
    const assault3 = docCase([nyConviction('PL 120.05(3)', '2014-01-10', { level: 'felony' })]);
    const removed = underAmended({
      title: 'Not assault 2 (2)',
      changes: [{ kind: 'remove-crimes', crimes: ['PL 120.05(2)'] }],
    });
    assert.equal(engine.evaluate(assault2).outcomes[0]!.status, 'allowed');
    assert.equal(holdOf(removed, assault2).status, 'not-allowed');
    assert.equal(holdOf(removed, assault3).status, 'allowed');
    assert.ok(cited(holdOf(removed, assault2)).includes('what-if.amendment'));
    // A federal conviction a reviewer found equivalent to an added crime counts too.
    const federal = docCase([
      {
        ...nyConviction('18 USC 641', '2014-01-10', { level: 'felony' }),
        court: 'federal',
        equivalence: {
          predicateFelony: true,
          newYorkCharge: 'PL 155.30',
          decidedBy: 'Reviewer A',
          decidedOn: '2016-05-25',
        },
      },
    ]);
    assert.equal(engine.evaluate(federal).outcomes[0]!.status, 'not-allowed');
    assert.equal(holdOf(added, federal).status, 'allowed');
  });

  it('8 C.F.R. § 287.7(d) and the I-247A bound the hold; a shorter limit ends it sooner, a longer one cannot', () => {
    const input = docCase([nyConviction('PL 160.05', '2014-01-10', { level: 'felony' })], {
      form: 'I-247A',
    });
    const law = holdOf(resolveLawChoice(parseLawChoice(LL58, JURISDICTIONS), JURISDICTIONS), input);
    assert.equal(law.hold?.until, '2016-06-03T10:00:00-04:00');
    const day = underAmended({ title: 'One day', changes: [{ kind: 'hold-limit', hours: 24 }] });
    const hold = holdOf(day, input);
    assert.equal(hold.status, 'allowed');
    assert.ok(hold.hold);
    assert.equal(hold.hold.until, '2016-06-02T10:00:00-04:00');
    assert.ok(hold.hold.clauses.some((ref) => ref.id === 'what-if.amendment'));
    // 48 hours: the form's own limit, unchanged.
    const same = underAmended({ title: '48', changes: [{ kind: 'hold-limit', hours: 48 }] });
    assert.equal(holdOf(same, input).hold?.until, '2016-06-03T10:00:00-04:00');
  });

  it('gives the amended law its own hash, the same for the same amendment, and says so in the choice', () => {
    const amendment: Amendment = {
      title: 'No judicial warrant needed',
      changes: [{ kind: 'drop-judicial-warrant' }],
    };
    const first = underAmended(amendment);
    const second = underAmended(structuredClone(amendment));
    assert.notEqual(first.lawHash, NYC_DOC.lawOn('2014-12-14').hash);
    assert.equal(first.lawHash, second.lawHash);
    assert.match(lawChoiceText(first.choice), /^nyc-doc@2014-12-14\+amendment [0-9a-f]{12}$/);
    assert.match(first.label, /as amended by "No judicial warrant needed"/);
    // The law itself is untouched.
    const input = docCase([nyConviction('PL 160.05', '2014-01-10', { level: 'felony' })], {
      judicialWarrant: { presented: false, issuer: 'unknown' },
    });
    assert.equal(engine.evaluate(input).outcomes[0]!.status, 'not-allowed');
  });

  it('replays a caseload under an amendment: each change names the amendment as what made the difference, the same bytes every time', () => {
    const cases = ['2013-01-10', '2009-05-01', '2003-05-01'].map((judgment, index) => ({
      key: `case-${String(index)}`,
      input: docCase([nyConviction('PL 160.05', judgment, { level: 'felony' })]),
    }));
    const amendment = { title: 'Ten years', changes: [{ kind: 'look-back', years: 10 }] };
    const result = replay(cases, underAmended(amendment), engine);
    assert.deepEqual(
      result.changes.map((change) => change.key),
      ['case-1'],
    );
    const hold = result.changes[0]!.changes.find((change) => change.action === 'hold')!;
    assert.equal(hold.before.status, 'not-allowed');
    assert.equal(hold.after.status, 'allowed');
    const difference = hold.madeTheDifference.find((id) => id.startsWith('what-if.amendment@'))!;
    assert.ok(difference);
    assert.match(
      result.clauses[difference]?.citation ?? '',
      /^Amendment [0-9a-f]{12} \("Ten years"\)$/,
    );
    assert.equal(replayJson(replay(cases, underAmended(amendment), engine)), replayJson(result));
    // The result carries the amendment it was replayed under, and the text output says it.
    assert.deepEqual(result.under.amendment, amendment);
    assert.match(
      replayText(result),
      /as amended by "Ten years".*\n {2}Ten years\n {2}The look-back is 10 years before the instant arrest/,
    );
  });
});
