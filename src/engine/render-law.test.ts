import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAW_CASE_TABLES } from '../law/law-case-tables.js';
import { engine } from '../index.js';
import { clause } from './clause.js';
import { all, any, fact, not, term } from './condition.js';
import { CaseError } from './errors.js';
import { defineJurisdiction } from './jurisdiction.js';
import { lawHtml, renderLaw, type LawTestTable } from './render-law.js';
import { actionRule } from './rule.js';

const URL = 'https://example.test/law';

const HONORING_2010 = clause({
  id: 'x.honoring',
  version: 'LL1/2010',
  citation: '§ 1(b), as added by LL1/2010',
  title: 'When a detainer may be honored',
  validFrom: '2000-01-01',
  validTo: '2015-01-01',
  effective: 'In force on enactment.',
  text: 'b. The department may honor a detainer only with a judicial warrant.',
  url: URL,
  verification: 'verbatim',
});

const HONORING_2015 = clause({
  id: 'x.honoring',
  version: 'LL2/2015',
  citation: '§ 1(b), as amended by LL2/2015',
  title: 'When a detainer may be honored',
  validFrom: '2015-01-01',
  effective: 'In force 30 days after enactment on 2014-12-02.',
  text: 'b. The department may honor a detainer only if:\n\ni. a judicial warrant is presented; and\nii. the person is a <listed> offender & not a minor.',
  url: URL,
  verification: 'reconstructed',
  note: 'Read together with the list in § 1(a).',
});

const LISTED = clause({
  id: 'x.listed',
  version: 'LL1/2010',
  citation: '§ 1(a)',
  title: '"Listed offender"',
  validFrom: '2000-01-01',
  effective: 'In force on enactment.',
  text: 'a. "Listed offender" means a person convicted of a listed crime.',
  url: URL,
  verification: 'verbatim',
});

const warrant = fact({
  label: 'A judicial warrant was presented',
  cites: ['x.honoring'],
  path: 'request.judicialWarrant.presented',
  question: 'Was a judicial warrant presented?',
  read: () => 'unknown',
});
const minor = fact({
  label: 'The person is a minor',
  path: 'record.minor',
  question: 'Is the person a minor?',
  read: () => false,
});
const listed = term('x.listed-offender', 'The person is a listed offender');

const JURISDICTION = defineJurisdiction({
  id: 'x',
  name: 'Example County Jail',
  timeZone: 'America/New_York',
  lastVerifiedOn: '2020-06-30',
  lawDateBasis: {
    hold: 'otherwise-release-time',
    notify: 'otherwise-release-time',
    transfer: 'otherwise-release-time',
    information: 'decision-time',
  },
  lawDateReason: 'The section governs holding a person beyond release.',
  provisions: [
    {
      clause: HONORING_2010,
      decides: {
        hold: actionRule({
          status: 'allowed',
          explanation: 'Old law: may hold.',
          cites: ['x.honoring'],
        }),
      },
    },
    {
      clause: HONORING_2015,
      decides: {
        hold: actionRule(
          {
            status: 'not-allowed',
            explanation: 'No hold without a warrant.',
            cites: ['x.honoring'],
            interpretation: 'A transfer counts as a hold.',
          },
          {
            label: 'Warrant and a listed adult offender',
            when: all(
              { label: 'Both conditions of § 1(b)', cites: ['x.honoring'] },
              warrant,
              any({ label: 'Listed or flagged' }, listed, not({ label: 'Not a minor' }, minor)),
            ),
            then: {
              status: 'allowed',
              explanation: 'May hold within 48 hours.',
              cites: ['x.honoring'],
              holdLimit: { label: '48 hours', cites: ['x.honoring'], compute: () => ({}) },
              interpretation: 'A transfer counts as a hold.',
            },
          },
        ),
      },
      duties: [
        {
          id: 'give-notice',
          text: 'Give the person a copy.',
          cites: ['x.honoring'],
          actions: ['hold'],
        },
      ],
      cautions: [{ id: 'court-ruling', text: 'A court doubts holds.', cites: [], when: minor }],
    },
    { clause: LISTED, defines: { 'x.listed-offender': minor } },
  ],
});

const row = (name: string, quote: string, controlling: string[] = []) => ({
  name,
  clause: quote,
  input: { jurisdiction: 'x' },
  expect: [
    { action: 'hold', status: 'allowed', controlling, holdUntil: '2016-06-03T10:00:00-04:00' },
  ],
});

const TABLES: LawTestTable[] = [
  {
    jurisdiction: 'x',
    version: 'LL2/2015',
    cases: [
      row('Warrant and a listed offender: allowed', '§ 1(b) (LL2/2015): “only if”', ['x.honoring']),
      row('Quotes the list', '§ 1(a) (LL2/2015): “a listed crime”'),
      row('Cites the section in passing', 'LL2/2015 § 3 (2015-01-01) and § 1(b)'),
      row('Quotes a longer section number', '§ 1(b)2 (LL2/2015): “other”'),
    ],
  },
  {
    jurisdiction: 'x',
    version: 'LL1/2010',
    cases: [row('Old law row', '§ 1(b) (LL1/2010)', ['x.honoring'])],
  },
  {
    jurisdiction: 'other',
    version: 'LL2/2015',
    cases: [row('Elsewhere', '§ 1(b)', ['x.honoring'])],
  },
];

describe('renderLaw', () => {
  test('renders the clause versions in force on the date, with text, dates and citation', () => {
    const md = renderLaw(JURISDICTION, { date: '2016-06-01' }, TABLES);
    assert.match(md, /^# Example County Jail: the law in force on 2016-06-01\n/);
    assert.match(md, /## § 1\(b\), as amended by LL2\/2015: When a detainer may be honored/);
    assert.ok(!md.includes('as added by LL1/2010'), 'the 2010 version is not in force in 2016');
    assert.match(
      md,
      /- Clause `x\.honoring`, version LL2\/2015\n- In force: 2015-01-01 through no end date\n- Effective: In force 30 days/,
    );
    assert.match(
      md,
      /> b\. The department may honor a detainer only if:\n>\n> i\. a judicial warrant/,
    );
    assert.match(md, /\*\*Note\.\*\* Read together with the list in § 1\(a\)\./);
    assert.match(
      md,
      /\| Hold past release \| § 1\(b\), as amended by LL2\/2015 \(`x\.honoring`\) \|/,
    );
    assert.match(md, /Law hash for 2016-06-01: `[0-9a-f]{64}`/);
  });

  test('makes a clause that is not verbatim stand out', () => {
    const md = renderLaw(JURISDICTION, { date: '2016-06-01' }, TABLES);
    assert.match(md, /\*\*⚠ NOT VERBATIM: reconstructed\.\*\* The text below is a consolidation/);
    assert.match(md, /## § 1\(a\): "Listed offender"\n\n.*\n.*\n.*\n- Verification: verbatim/);
  });

  test('renders each rule: base outcome, then IF condition tree THEN status', () => {
    const md = renderLaw(JURISDICTION, { date: '2016-06-01' }, TABLES);
    assert.match(
      md,
      /### Rule: Hold past release\n\nUnless an exception below holds: \*\*not allowed\*\*\. No hold without a warrant\. \[x\.honoring\]/,
    );
    assert.match(md, /Reading: A transfer counts as a hold\./);
    assert.equal(
      md.split('Reading: A transfer counts as a hold.').length,
      2,
      'a shared reading is shown once',
    );
    const tree = [
      '1. **Warrant and a listed adult offender**',
      '',
      '   IF',
      '',
      '   - ALL OF: Both conditions of § 1(b) [x.honoring]',
      '     - A judicial warrant was presented [x.honoring]',
      '     - ANY OF: Listed or flagged',
      '       - The person is a listed offender (term `x.listed-offender`, defined in § 1(a) (`x.listed`))',
      '       - NOT: Not a minor',
      '         - The person is a minor',
      '',
      '   THEN **allowed**. May hold within 48 hours. [x.honoring]',
      '',
      '   Hold limit: 48 hours [x.honoring]',
    ].join('\n');
    assert.ok(md.includes(tree), md);
  });

  test('renders defined terms, duties and cautions', () => {
    const md = renderLaw(JURISDICTION, { date: '2016-06-01' }, TABLES);
    assert.match(md, /### Defines the term `x\.listed-offender`\n\n- The person is a minor/);
    assert.match(
      md,
      /### Duties\n\n- \*\*give-notice\*\*: Give the person a copy\. \[x\.honoring\] Applies to requests to: hold\./,
    );
    assert.match(
      md,
      /### Cautions\n\n- \*\*court-ruling\*\*: A court doubts holds\.\n {2}- Only when:\n {4}- The person is a minor/,
    );
  });

  test('lists the legal test rows of the version that control or quote the clause', () => {
    const md = renderLaw(JURISDICTION, { date: '2016-06-01' }, TABLES);
    const honoring = md.slice(md.indexOf('## § 1(b)'));
    assert.match(
      honoring,
      /### Legal tests of this clause\n\n- \*\*Warrant and a listed offender: allowed\*\*/,
    );
    assert.match(
      honoring,
      /Expects: hold: \*\*allowed\*\* \(controlled by x\.honoring; hold until 2016-06-03T10:00:00-04:00\)/,
    );
    assert.match(honoring, /Facts: `\{"jurisdiction":"x"\}`/);
    assert.match(honoring, /- \*\*Cites the section in passing\*\*/);
    assert.ok(!md.includes('Old law row'), 'a row for another version is not shown');
    assert.ok(!md.includes('Elsewhere'), 'a row for another jurisdiction is not shown');
    assert.ok(!md.includes('Quotes a longer section number'), '§ 1(b)2 does not quote § 1(b)');
    const list = md.slice(md.indexOf('## § 1(a)'), md.indexOf('## § 1(b)'));
    assert.ok(
      !list.includes('Quotes the list'),
      'a row of version LL2/2015 does not test § 1(a) of LL1/2010',
    );
  });

  test('renders every version of every clause with allVersions', () => {
    const md = renderLaw(JURISDICTION, { allVersions: true }, TABLES);
    assert.match(md, /^# Example County Jail: every encoded version\n/);
    assert.match(
      md,
      /as added by LL1\/2010: When a detainer may be honored\n\n- Clause `x\.honoring`, version LL1\/2010\n- In force: 2000-01-01 through 2014-12-31/,
    );
    assert.match(md, /as amended by LL2\/2015: When a detainer may be honored/);
    assert.match(md, /Old law row/);
    const unplaced = md.slice(md.indexOf('## Legal tests not tied to a clause version'));
    assert.match(unplaced, /Quotes the list/);
    assert.match(unplaced, /Quotes a longer section number/);
    assert.ok(!unplaced.includes('Elsewhere'));
    assert.match(md, /Unless an exception below holds: \*\*allowed\*\*\. Old law: may hold\./);
  });

  test('warns when the date is past the last verification of the texts', () => {
    assert.match(
      renderLaw(JURISDICTION, { date: '2021-01-01' }, []),
      /\*\*Caution:\*\* the texts were last checked .* on 2020-06-30/,
    );
    assert.ok(!renderLaw(JURISDICTION, { date: '2020-06-30' }, []).includes('**Caution:**'));
  });

  test('refuses a date that is not real or before the encoded law, naming the field', () => {
    assert.throws(
      () => renderLaw(JURISDICTION, { date: '2021-02-30' }, []),
      (error: unknown) =>
        error instanceof CaseError &&
        error.code === 'invalid-case' &&
        error.issues[0]?.path === 'date',
    );
    assert.throws(
      () => renderLaw(JURISDICTION, { date: '1999-12-31' }, []),
      (error: unknown) => error instanceof CaseError && error.code === 'date-outside-law',
    );
  });

  test('lawHtml escapes the Markdown into a standalone page', () => {
    const html = lawHtml(renderLaw(JURISDICTION, { date: '2016-06-01' }, TABLES), 'Law <x> & "y"');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<title>Law &lt;x&gt; &amp; &quot;y&quot;<\/title>/);
    assert.match(html, /a &lt;listed&gt; offender &amp; not a minor/);
    assert.ok(!html.includes('<listed>'));
  });

  test('renders every encoded jurisdiction, on its last verified day and in every version', () => {
    for (const jurisdiction of engine.jurisdictions.values()) {
      assert.match(
        renderLaw(jurisdiction, { date: jurisdiction.lastVerifiedOn }, LAW_CASE_TABLES),
        /^# /,
      );
      const md = renderLaw(jurisdiction, { allVersions: true }, LAW_CASE_TABLES);
      for (const version of jurisdiction.clauses)
        assert.ok(md.includes(version.text.split('\n')[0]!));
      const table = LAW_CASE_TABLES.find((t) => t.jurisdiction === jurisdiction.id);
      for (const lawCase of table?.cases ?? []) assert.ok(md.includes(lawCase.name), lawCase.name);
    }
  });
});
