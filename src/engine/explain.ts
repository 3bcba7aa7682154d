/**
 * The plain-language report of a decision, for a clerk and a defence lawyer: what may be done
 * and why, under which law and on which date, what did not apply, what is still missing and
 * who must supply it, how long a hold may last, and what the agency must do in any case.
 * Pure: it reads only the decision.
 * @module
 */
import type { InformationItem } from './case.js';
import type { ClauseRef, Verification } from './clause.js';
import type { FactValue, MissingFact } from './condition.js';
import type {
  ActionOutcome,
  Considered,
  Decision,
  HoldLimitOutcome,
  LawDate,
  Notice,
  Status,
} from './decision.js';
import type { ExcludedDay } from './time/hold-clock.js';

/** What each level of verification means for a reader relying on the text. */
export const VERIFICATION_MEANING: Readonly<Record<Verification, string>> = Object.freeze({
  verbatim: 'copied from the enacted text',
  reconstructed: 'a consolidation of verbatim amendments, not an official text',
  secondary: 'known from a reliable summary, not the primary text',
  inferred: 'a reading by the researchers, not tied to a text',
  unverified: 'not tied to any source we could read',
  amendment: 'a what-if amendment written by a user, not law in force',
});

const STATUS_WORDS: Record<Status, string> = {
  required: 'REQUIRED: the agency must do this.',
  allowed: 'ALLOWED: the agency may do this; the law does not require it.',
  'not-allowed': 'NOT ALLOWED: the agency may not do this.',
  'needs-information': 'CANNOT BE DECIDED YET: facts the law needs are missing (listed below).',
};

const ACTION_WORDS: Record<ActionOutcome['action'], string> = {
  hold: 'Hold the person past the time of release',
  notify: 'Notify federal immigration authorities of the release',
  transfer: 'Transfer the person to federal immigration custody at release',
  information: 'Share information',
};

const ITEM_WORDS: Record<InformationItem, string> = {
  'release-date': 'the release date',
  'incarceration-status': 'whether the person is in custody',
  'court-dates': 'court appearance dates',
  'citizenship-or-immigration-status': 'citizenship or immigration status',
  'criminal-history': 'criminal history',
  'personal-information': 'personal information',
  other: 'other information',
};

const BASIS_WORDS: Record<LawDate['basis'], string> = {
  'otherwise-release-time':
    'the day the person would otherwise be released, the time the statute makes decisive',
  'decision-time': 'the day of this decision, when the statute governs the response',
};

const DECIDED_BY_WORDS: Record<MissingFact['decidedBy'], string> = {
  clerk: 'For the clerk to look up',
  'legal-reviewer': 'For a legal reviewer to decide',
};

const EXCLUSION_WORDS: Record<ExcludedDay['reason'], string> = {
  saturday: 'Saturday',
  sunday: 'Sunday',
  holiday: 'holiday',
};

export function explainDecision(decision: Decision): string {
  const lines: string[] = [];
  const title = decision.caseId === undefined ? 'Decision' : `Decision for case ${decision.caseId}`;
  lines.push(`${title}: ${decision.jurisdiction.name} (${decision.jurisdiction.id})`);
  lines.push(`Dates and times are read in ${decision.timeZone}.`);

  for (const outcome of decision.outcomes) {
    lines.push('', ...explainOutcome(outcome));
  }

  if (decision.missing.length > 0) {
    lines.push('', 'WHAT MUST BE FOUND OUT BEFORE THIS CAN BE DECIDED');
    lines.push(...missingByWho(decision.missing, '  '));
  }
  if (decision.duties.length > 0) {
    lines.push('', 'WHAT THE AGENCY MUST DO WHATEVER IT DECIDES');
    lines.push(...decision.duties.flatMap((notice) => noticeLines(notice)));
  }
  if (decision.cautions.length > 0) {
    lines.push('', 'CAUTIONS FOR THE REVIEWER');
    lines.push(...decision.cautions.flatMap((notice) => noticeLines(notice)));
  }
  if (decision.unverified.length > 0) {
    lines.push('', 'LAW RELIED ON WHOSE TEXT IS NOT VERIFIED WORD FOR WORD');
    lines.push(
      ...decision.unverified.map(
        (ref) =>
          `  - ${ref.citation} (${ref.id}, ${ref.version}): ${ref.verification}, ` +
          `${VERIFICATION_MEANING[ref.verification]}. Check it against the source: ${ref.url}`,
      ),
    );
  }
  if (decision.trace) {
    lines.push('', 'CONDITIONS TESTED, IN ORDER');
    for (const step of decision.trace) {
      const cites = step.cites.length > 0 ? ` [${step.cites.join('; ')}]` : '';
      const reason = step.reason === undefined ? '' : `: ${step.reason}`;
      lines.push(`  - ${valueWord(step.value)}: ${step.condition}${cites}${reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function explainOutcome(outcome: ActionOutcome): string[] {
  const action = ACTION_WORDS[outcome.action].toUpperCase();
  const heading = outcome.item === undefined ? action : `${action}: ${ITEM_WORDS[outcome.item]}`;
  const lines = [heading, `  ${STATUS_WORDS[outcome.status]}`];
  lines.push(`  Why: ${outcome.explanation}`);
  lines.push(
    `  Law applied: the law in force on ${outcome.lawDate.date}, ${BASIS_WORDS[outcome.lawDate.basis]}.`,
  );
  if (outcome.lawDate.note !== undefined) lines.push(`  Note: ${outcome.lawDate.note}`);

  if (outcome.controlling.length > 0) {
    lines.push('  Controlling law:');
    lines.push(...outcome.controlling.map((ref) => `    - ${clauseLine(ref)}`));
  }
  if (outcome.hold) lines.push(...holdLines(outcome.hold));

  const notMet = outcome.considered.filter((entry) => entry.value === false);
  const undecided = outcome.considered.filter((entry) => entry.value !== false);
  if (notMet.length > 0) {
    lines.push('  Conditions that did not apply:');
    lines.push(...notMet.flatMap((entry) => consideredLines(entry)));
  }
  if (undecided.length > 0) {
    lines.push('  Conditions that could not be decided:');
    lines.push(...undecided.flatMap((entry) => consideredLines(entry)));
  }
  if (outcome.missing.length > 0) {
    lines.push('  Still needed for this:');
    lines.push(...missingByWho(outcome.missing, '    '));
  }
  if (outcome.interpretations.length > 0) {
    lines.push('  Readings of the law a legal reviewer should know about:');
    lines.push(...outcome.interpretations.map((text) => `    - ${text}`));
  }
  return lines;
}

function clauseLine(ref: ClauseRef): string {
  const flag =
    ref.verification === 'verbatim'
      ? ''
      : ` [NOT VERBATIM: ${ref.verification}, ${VERIFICATION_MEANING[ref.verification]}]`;
  return `${ref.citation} (${ref.id}, version ${ref.version})${flag}`;
}

function holdLines(hold: HoldLimitOutcome): string[] {
  const lines: string[] = [];
  if (hold.until === undefined) {
    lines.push(`  Hold limit: ${hold.rule}. The latest end cannot be computed yet (see below).`);
  } else {
    lines.push(`  Hold limit: no later than ${hold.until} (${hold.rule}).`);
  }
  if (hold.clock) {
    lines.push(`    The clock counts ${hold.clock.hours} hours from ${hold.clock.startsAt}.`);
    if (hold.clock.excludedDays.length > 0) {
      lines.push('    Days not counted:');
      lines.push(
        ...hold.clock.excludedDays.map(
          (day) =>
            `      - ${day.date}: ${EXCLUSION_WORDS[day.reason]}` +
            (day.holiday === undefined ? '' : ` (${day.holiday})`),
        ),
      );
    } else {
      lines.push('    No days are excluded from the count.');
    }
  }
  if (hold.clauses.length > 0) {
    lines.push(`    Limit set by: ${hold.clauses.map((ref) => clauseLine(ref)).join('; ')}`);
  }
  return lines;
}

function consideredLines(entry: Considered): string[] {
  const lines = [`    - ${entry.rule}`];
  for (const failure of entry.failed) {
    const verdict = entry.value === false ? 'not met' : 'unknown';
    const reason = failure.reason === undefined ? '' : `: ${failure.reason}`;
    const facts = failure.facts && failure.facts.length > 0 ? ` (${factsText(failure.facts)})` : '';
    lines.push(`        ${verdict}: ${failure.condition}${reason}${facts}`);
  }
  return lines;
}

function factsText(facts: readonly FactValue[]): string {
  return facts
    .map(
      (fact) =>
        `${fact.path}: ${fact.value === undefined ? 'not given' : JSON.stringify(fact.value)}`,
    )
    .join(', ');
}

function missingByWho(missing: readonly MissingFact[], indent: string): string[] {
  const lines: string[] = [];
  for (const who of ['clerk', 'legal-reviewer'] as const) {
    const facts = missing.filter((fact) => fact.decidedBy === who);
    if (facts.length === 0) continue;
    lines.push(`${indent}${DECIDED_BY_WORDS[who]}:`);
    lines.push(...facts.map((fact) => `${indent}  - ${fact.question} (${fact.path})`));
  }
  return lines;
}

function noticeLines(notice: Notice): string[] {
  const cites =
    notice.clauses.length > 0 ? ` [${notice.clauses.map((ref) => ref.citation).join('; ')}]` : '';
  return [`  - ${notice.text}${cites}`];
}

function valueWord(value: boolean | 'unknown'): string {
  if (value === 'unknown') return 'unknown';
  return value ? 'yes' : 'no';
}
