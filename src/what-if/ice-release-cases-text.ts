/**
 * What a replay of an ICE release's rows says of its input, in words: which release and rows,
 * how many became cases and why the others did not, and the facts the release cannot give. The
 * CLI prints it above the replay's text; the job's label uses the scope.
 * @module
 */
import { SYNTHETIC_RELEASE_LABEL } from '../ice/synthetic-release.js';
import type { ReleaseInput } from './ice-release-cases.js';

const number = (value: number) => value.toLocaleString('en-US');

/** The filter in words: `in TEXAS, prepared 2017-01-01 to 2017-12-31`, or `at all`. */
export function scopeText(filter: ReleaseInput['filter']): string {
  const parts = [];
  if (filter.state !== undefined) parts.push(`in ${filter.state}`);
  if (filter.facility !== undefined) parts.push(`at facilities named "${filter.facility}"`);
  if (filter.from !== undefined || filter.to !== undefined) {
    parts.push(`prepared ${filter.from ?? 'from the first'} to ${filter.to ?? 'the last'}`);
  }
  return parts.length === 0 ? 'at all' : parts.join(', ');
}

export function releaseInputText(input: ReleaseInput): string {
  const { import: release, rows } = input;
  const lines = [
    `ICE release ${String(release.id)} (${release.fileName}, format ${release.format}), rows ${scopeText(input.filter)}${release.synthetic ? `: ${SYNTHETIC_RELEASE_LABEL}` : ''}.`,
    `${number(rows.read)} rows read: ${number(rows.mapped)} replayed as cases, ${number(rows.skipped)} skipped.`,
  ];
  for (const skip of input.skipped) lines.push(`  skipped ${number(skip.rows)}: ${skip.text}`);
  for (const { jurisdiction, cases, inferred } of input.jurisdictions) {
    const how =
      inferred > 0
        ? ` (${number(inferred)} by a facility name whose ICE spelling is inferred)`
        : '';
    lines.push(`  ${jurisdiction}: ${number(cases)} cases${how}`);
  }
  if (input.unknownFacts.length > 0) {
    lines.push('Not in the release, so left unknown (never guessed):');
    for (const fact of input.unknownFacts) {
      lines.push(`  ${fact.path}: ${number(fact.cases)} cases; ${fact.why}`);
    }
  }
  return `${lines.join('\n')}\n\n`;
}
