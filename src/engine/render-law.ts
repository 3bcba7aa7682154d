/**
 * "Literate law": a jurisdiction's encoded law as a document a lawyer can check against the
 * statute book. For each clause: its citation, dates, how far the text is verified, the text
 * itself, then the rules, definitions, duties and cautions encoded from it, and the legal test
 * rows that exercise it. Pure: the caller passes the date (the engine never reads a clock).
 * @module
 */
import type { Clause } from './clause.js';
import type { Condition } from './condition.js';
import { addDays, isLocalDate } from './dates.js';
import type { Action } from './decision.js';
import { CaseError } from './errors.js';
import { VERIFICATION_MEANING } from './explain.js';
import type { Jurisdiction, Obligation, Provision } from './jurisdiction.js';
import { COVERAGE_START } from './clause.js';
import type { ActionRule, OutcomeSpec } from './rule.js';

/** A legal test row as the renderer reads it (structurally, so the engine imports no law). */
export interface LawTestRow {
  name: string;
  clause: string;
  input: unknown;
  expect: readonly {
    action: string;
    item?: string;
    status: string;
    controlling?: readonly string[];
    holdUntil?: string;
    missing?: readonly string[];
  }[];
}

/** The legal test rows of one law version: the shape of LAW_CASE_TABLES' entries. */
export interface LawTestTable {
  jurisdiction: string;
  version: string;
  cases: readonly LawTestRow[];
}

export type RenderLawOptions = { date: string } | { allVersions: true };

const ACTIONS: readonly Action[] = ['hold', 'notify', 'transfer', 'information'];

const ACTION_TITLES: Record<Action, string> = {
  hold: 'Hold past release',
  notify: 'Notify federal immigration authorities of release',
  transfer: 'Transfer to federal immigration custody',
  information: 'Answer a request for information',
};

const STATUS_TEXT: Record<OutcomeSpec['status'], string> = {
  required: 'required',
  allowed: 'allowed',
  'not-allowed': 'not allowed',
};

const BASIS_TEXT = {
  'otherwise-release-time': 'the time the person would otherwise be released',
  'decision-time': 'the time of the decision',
} as const;

/** Renders the law in force on `options.date`, or every version of every clause, as Markdown. */
export function renderLaw(
  jurisdiction: Jurisdiction,
  options: RenderLawOptions,
  tables: readonly LawTestTable[],
): string {
  const provisionsByClause = new Map<Clause, Provision[]>();
  for (const provision of jurisdiction.provisions) {
    const list = provisionsByClause.get(provision.clause) ?? [];
    list.push(provision);
    provisionsByClause.set(provision.clause, list);
  }
  const rows = tables.filter((table) => table.jurisdiction === jurisdiction.id);
  const out: string[] = [];

  let clauses: readonly Clause[];
  let definedBy: ReadonlyMap<string, Clause> | undefined;
  if ('date' in options) {
    const date = options.date;
    if (!isLocalDate(date)) {
      throw CaseError.at('invalid-case', 'date', 'must be a real calendar date written YYYY-MM-DD');
    }
    if (date < COVERAGE_START) {
      throw CaseError.at(
        'date-outside-law',
        'date',
        `${date} is before ${COVERAGE_START}, the first day whose law is encoded`,
      );
    }
    const law = jurisdiction.lawOn(date);
    clauses = [...law.clauses.values()].sort((a, b) => a.id.localeCompare(b.id));
    const terms = new Map<string, Clause>();
    for (const provision of law.provisions) {
      for (const name of Object.keys(provision.defines ?? {})) terms.set(name, provision.clause);
    }
    definedBy = terms;
    out.push(`# ${jurisdiction.name}: the law in force on ${date}`, '');
    out.push(...header(jurisdiction));
    if (date > jurisdiction.lastVerifiedOn) {
      out.push(
        `> **Caution:** the texts were last checked against their sources on ` +
          `${jurisdiction.lastVerifiedOn}; an amendment after that day is not reflected here.`,
        '',
      );
    }
    out.push(`Law hash for ${date}: \`${law.hash}\``, '');
    out.push('| Action | Decided by |', '| --- | --- |');
    for (const action of ACTIONS) {
      const entry = law.rules.get(action);
      const by = entry
        ? `${entry.provision.clause.citation} (\`${entry.provision.clause.id}\`)`
        : '(none)';
      out.push(`| ${ACTION_TITLES[action]} | ${by} |`);
    }
    out.push('');
  } else {
    clauses = jurisdiction.clauses;
    out.push(`# ${jurisdiction.name}: every encoded version`, '');
    out.push(...header(jurisdiction));
  }

  const placed = new Set<LawTestRow>();
  for (const clause of clauses) {
    const tests = testRows(clause, rows);
    tests.forEach((row) => placed.add(row));
    out.push(...clauseSection(clause, provisionsByClause.get(clause) ?? [], definedBy, tests));
  }
  // Across every version, no legal test may silently go unshown.
  const unplaced = rows.flatMap((table) => table.cases).filter((row) => !placed.has(row));
  if (!('date' in options) && unplaced.length > 0) {
    out.push('## Legal tests not tied to a clause version', '');
    out.push(
      'These rows neither expect a clause of their version to control nor quote its citation.',
      '',
    );
    for (const row of unplaced) out.push(...testRow(row));
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The same content as a standalone HTML page: the Markdown, escaped, in a preformatted block. */
export function lawHtml(markdown: string, title: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<body style="max-width: 60rem; margin: 2rem auto; padding: 0 1rem">',
    `<pre style="white-space: pre-wrap; font: 1rem/1.5 system-ui, sans-serif">${escapeHtml(markdown)}</pre>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function header(jurisdiction: Jurisdiction): string[] {
  const actionsBy = new Map<string, Action[]>();
  for (const action of ACTIONS) {
    const basis = BASIS_TEXT[jurisdiction.lawDateBasis[action]];
    actionsBy.set(basis, [...(actionsBy.get(basis) ?? []), action]);
  }
  const bases = [...actionsBy].map(([basis, actions]) => `${actions.join(', ')}: ${basis}`);
  return [
    `Jurisdiction \`${jurisdiction.id}\`, time zone ${jurisdiction.timeZone}; texts last checked ` +
      `against their sources on ${jurisdiction.lastVerifiedOn}.`,
    '',
    `Which day's law decides: for ${bases.join('; for ')}. ${jurisdiction.lawDateReason}`,
    '',
  ];
}

function validity(clause: Clause): string {
  const last = clause.validTo === undefined ? 'no end date' : addDays(clause.validTo, -1);
  return `${clause.validFrom} through ${last}`;
}

function clauseSection(
  clause: Clause,
  provisions: readonly Provision[],
  definedBy: ReadonlyMap<string, Clause> | undefined,
  tests: readonly LawTestRow[],
): string[] {
  const out = [`## ${clause.citation}: ${clause.title}`, ''];
  out.push(`- Clause \`${clause.id}\`, version ${clause.version}`);
  out.push(`- In force: ${validity(clause)}`, `- Effective: ${clause.effective}`);
  if (clause.verification === 'verbatim') {
    out.push(`- Verification: verbatim (${VERIFICATION_MEANING.verbatim})`);
  } else {
    out.push(
      `- **⚠ NOT VERBATIM: ${clause.verification}.** The text below is ` +
        `${VERIFICATION_MEANING[clause.verification]}; check it against the source before relying on it.`,
    );
  }
  out.push(`- Source: ${clause.url}`, `- Text SHA-256: \`${clause.textSha256}\``, '');
  out.push(...clause.text.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)), '');
  if (clause.note !== undefined) out.push(`**Note.** ${clause.note}`, '');

  for (const provision of provisions) {
    for (const action of ACTIONS) {
      const rule = provision.decides?.[action];
      if (rule) out.push(...ruleSection(action, rule, definedBy));
    }
    for (const [name, definition] of Object.entries(provision.defines ?? {})) {
      out.push(
        `### Defines the term \`${name}\``,
        '',
        ...conditionTree(definition, '', definedBy),
        '',
      );
    }
    if (provision.duties?.length) {
      out.push('### Duties', '', ...provision.duties.flatMap((o) => obligation(o, definedBy)), '');
    }
    if (provision.cautions?.length) {
      out.push(
        '### Cautions',
        '',
        ...provision.cautions.flatMap((o) => obligation(o, definedBy)),
        '',
      );
    }
  }

  if (tests.length > 0) {
    out.push('### Legal tests of this clause', '');
    for (const row of tests) out.push(...testRow(row));
    out.push('');
  }
  return out;
}

function ruleSection(
  action: Action,
  rule: ActionRule,
  definedBy: ReadonlyMap<string, Clause> | undefined,
): string[] {
  const out = [`### Rule: ${ACTION_TITLES[action]}`, ''];
  out.push(`Unless an exception below holds: ${outcome(rule.base)}`, '');
  out.push(...outcomeDetails(rule.base, '', undefined));
  if (rule.exceptions.length === 0) return out;
  out.push(
    'Exceptions, in order. The first that holds decides; one that cannot be decided for lack of ' +
      'a fact blocks every later outcome that differs from its own.',
    '',
  );
  rule.exceptions.forEach((exception, index) => {
    const indent = '   ';
    out.push(`${index + 1}. **${exception.label}**`, '');
    out.push(`${indent}IF`, '');
    out.push(...conditionTree(exception.when, indent, definedBy), '');
    out.push(`${indent}THEN ${outcome(exception.then)}`, '');
    out.push(...outcomeDetails(exception.then, indent, rule.base.interpretation));
  });
  return out;
}

/** The hold limit and reading of an outcome; a reading already given for the base is not repeated. */
function outcomeDetails(spec: OutcomeSpec, indent: string, shown: string | undefined): string[] {
  const out: string[] = [];
  if (spec.holdLimit) {
    out.push(`${indent}Hold limit: ${spec.holdLimit.label}${cites(spec.holdLimit.cites)}`, '');
  }
  if (spec.interpretation !== undefined && spec.interpretation !== shown) {
    out.push(`${indent}Reading: ${spec.interpretation}`, '');
  }
  return out;
}

function outcome(spec: OutcomeSpec): string {
  return `**${STATUS_TEXT[spec.status]}**. ${spec.explanation}${cites(spec.cites)}`;
}

/** A condition as nested Markdown list items: ALL OF / ANY OF / NOT groups over labelled tests. */
function conditionTree(
  condition: Condition,
  indent: string,
  definedBy: ReadonlyMap<string, Clause> | undefined,
): string[] {
  const label = `${condition.label}${cites(condition.cites)}`;
  const line = (text: string) => `${indent}- ${text}`;
  switch (condition.op) {
    case 'all':
    case 'any':
    case 'not': {
      const word = { all: 'ALL OF', any: 'ANY OF', not: 'NOT' }[condition.op];
      return [
        line(`${word}: ${label}`),
        ...(condition.children ?? []).flatMap((child) =>
          conditionTree(child, `${indent}  `, definedBy),
        ),
      ];
    }
    case 'term': {
      const name = condition.term ?? '';
      const by = definedBy?.get(name);
      const where = by ? `, defined in ${by.citation} (\`${by.id}\`)` : '';
      return [line(`${label} (term \`${name}\`${where})`)];
    }
    case 'fact':
    case 'derived':
      return [line(label)];
  }
}

function obligation(
  entry: Obligation,
  definedBy: ReadonlyMap<string, Clause> | undefined,
): string[] {
  const scope = entry.actions ? ` Applies to requests to: ${entry.actions.join(', ')}.` : '';
  const out = [`- **${entry.id}**: ${entry.text}${cites(entry.cites)}${scope}`];
  if (entry.when) out.push('  - Only when:', ...conditionTree(entry.when, '    ', definedBy));
  return out;
}

/**
 * The rows that test a clause version: rows from this version's table, or whose quote names the
 * version, that expect the clause to control or whose quote cites its section.
 */
function testRows(clause: Clause, tables: readonly LawTestTable[]): LawTestRow[] {
  const section = citedSection(clause.citation);
  return tables.flatMap((table) =>
    table.cases.filter(
      (row) =>
        (table.version === clause.version || row.clause.includes(clause.version)) &&
        (row.expect.some((expected) => expected.controlling?.includes(clause.id)) ||
          quotes(row.clause, section)),
    ),
  );
}

/**
 * The section a citation names, without what follows: "§ 10-178(c)" of "§ 10-178(c) and (e), as
 * added by ...", "8 C.F.R. § 287.7(d)"; a citation without "§" up to its first comma.
 */
function citedSection(citation: string): string {
  const section = /^[^§]*§\s*[\w.-]+(?:\([^)]*\))*/u.exec(citation);
  return (section ? section[0] : citation.split(',')[0]!).trim();
}

/** Whether a quote cites a section: "§ 9-131(b)" is in "§ 9-131(b)(1) ..." but not in "§ 9-131(b)2". */
function quotes(quote: string, section: string): boolean {
  if (section === '') return false;
  const word = /[\p{L}\p{N}]/u;
  for (let at = quote.indexOf(section); at !== -1; at = quote.indexOf(section, at + 1)) {
    const before = quote.charAt(at - 1);
    const after = quote.charAt(at + section.length);
    if (!word.test(before) && !word.test(after)) return true;
  }
  return false;
}

function testRow(row: LawTestRow): string[] {
  const expected = row.expect.map((entry) => {
    const details = [
      entry.controlling?.length ? `controlled by ${entry.controlling.join(', ')}` : '',
      entry.holdUntil === undefined ? '' : `hold until ${entry.holdUntil}`,
      entry.missing?.length ? `missing ${entry.missing.join(', ')}` : '',
    ].filter((detail) => detail !== '');
    const what = entry.item === undefined ? entry.action : `${entry.action} (${entry.item})`;
    return `${what}: **${entry.status}**${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
  });
  return [
    `- **${row.name}**`,
    `  - Tests: ${row.clause}`,
    `  - Expects: ${expected.join('; ')}`,
    `  - Facts: \`${JSON.stringify(row.input)}\``,
  ];
}

function cites(ids: readonly string[]): string {
  return ids.length > 0 ? ` [${ids.join('; ')}]` : '';
}
