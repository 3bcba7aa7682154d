/**
 * The coverage check behind `npm run check:law` (scripts/check-law-coverage.ts) finds what it is
 * for: a day with no version of a clause or two, an action no rule or two rules decide, and a term
 * a rule uses that nothing (or two things) define, each reported from the first day of its run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clause, type ClauseSpec } from './clause.js';
import { derived, term } from './condition.js';
import { checkCoverage, type JurisdictionSpec, type Provision } from './jurisdiction.js';
import { actionRule, type ActionRule } from './rule.js';

const allowed = (cites: string[]) =>
  actionRule({ status: 'allowed', explanation: 'Allowed.', cites });

function version(id: string, validFrom: string, validTo?: string): ReturnType<typeof clause> {
  const spec: ClauseSpec = {
    id,
    version: `${id} from ${validFrom}`,
    citation: id,
    title: id,
    validFrom,
    ...(validTo === undefined ? {} : { validTo }),
    effective: 'A test clause.',
    text: `The text of ${id} from ${validFrom}.`,
    url: 'https://example.org/test-law',
    verification: 'verbatim',
  };
  return clause(spec);
}

/** Decides every action, from the first day, with one clause that never changes. */
function deciding(id = 'a', from = '2000-01-01', to?: string): Provision {
  const rule = allowed([id]);
  return {
    clause: version(id, from, to),
    decides: { hold: rule, notify: rule, transfer: rule, information: rule },
  };
}

const spec = (...provisions: Provision[]): JurisdictionSpec => ({
  id: 'test',
  name: 'Test',
  timeZone: 'America/New_York',
  lastVerifiedOn: '2000-01-10',
  lawDateBasis: {
    hold: 'otherwise-release-time',
    notify: 'otherwise-release-time',
    transfer: 'otherwise-release-time',
    information: 'decision-time',
  },
  lawDateReason: 'A test jurisdiction.',
  provisions,
});

const problems = (jurisdiction: JurisdictionSpec) =>
  checkCoverage(jurisdiction, '2000-01-10').map((found) => `${found.date}: ${found.problem}`);

describe('checkCoverage', () => {
  it('finds nothing wrong with law that decides every action every day', () => {
    assert.deepEqual(problems(spec(deciding())), []);
  });

  it('reports a gap between two versions of a clause, from its first day, once', () => {
    const first = deciding('a', '2000-01-01', '2000-01-04');
    const second = deciding('a', '2000-01-06');
    assert.deepEqual(problems(spec(first, second)), [
      '2000-01-04: 0 versions of clause a in force',
      '2000-01-04: 0 rules decide "hold"',
      '2000-01-04: 0 rules decide "notify"',
      '2000-01-04: 0 rules decide "transfer"',
      '2000-01-04: 0 rules decide "information"',
    ]);
  });

  it('reports two versions of a clause in force at once, and the two rules they bring', () => {
    const first = deciding('a', '2000-01-01', '2000-01-08');
    const second = deciding('a', '2000-01-05');
    assert.deepEqual(problems(spec(first, second)), [
      '2000-01-05: 2 versions of clause a in force',
      '2000-01-05: 2 rules decide "hold"',
      '2000-01-05: 2 rules decide "notify"',
      '2000-01-05: 2 rules decide "transfer"',
      '2000-01-05: 2 rules decide "information"',
    ]);
  });

  it('reports an action no rule decides', () => {
    const rule = allowed(['a']);
    const partial: Provision = {
      clause: version('a', '2000-01-01'),
      decides: { hold: rule, notify: rule, transfer: rule },
    };
    assert.deepEqual(problems(spec(partial)), ['2000-01-01: 0 rules decide "information"']);
  });

  it('reports a term a rule uses that nothing defines, or that two provisions define', () => {
    const usesTerm: ActionRule = actionRule(
      { status: 'not-allowed', explanation: 'Not allowed.', cites: ['a'] },
      {
        label: 'The defined term holds',
        when: term('defined', 'The defined term'),
        then: { status: 'allowed', explanation: 'Allowed.', cites: ['a'] },
      },
    );
    const rules: Provision = {
      clause: version('a', '2000-01-01'),
      decides: { hold: usesTerm, notify: usesTerm, transfer: usesTerm, information: usesTerm },
    };
    assert.deepEqual(problems(spec(rules)), [
      '2000-01-01: 0 definitions of term "defined" in force',
    ]);
    const definition = derived({ label: 'Always', evaluate: () => ({ value: true }) });
    const defines = (id: string): Provision => ({
      clause: version(id, '2000-01-01'),
      defines: { defined: definition, other: definition },
    });
    // "other" is defined twice too, but nothing uses it: only terms in use must be defined once.
    assert.deepEqual(problems(spec(rules, defines('b'), defines('c'))), [
      '2000-01-01: 2 definitions of term "defined" in force',
    ]);
    assert.deepEqual(problems(spec(rules, defines('b'))), []);
    // A term used in the definition of a term in use is in use too.
    const chained: Provision = {
      clause: version('b', '2000-01-01'),
      defines: { defined: term('inner', 'The inner term') },
    };
    assert.deepEqual(problems(spec(rules, chained)), [
      '2000-01-01: 0 definitions of term "inner" in force',
    ]);
  });
});
