/**
 * Proves every encoded jurisdiction decides every day from 2000-01-01 through today: exactly
 * one version of each clause, one rule for each action, one definition of each term in use.
 * Prints one line per jurisdiction and every problem; exits non-zero on any problem.
 */
import { daysBetween, localDateOf } from '../src/engine/dates.js';
import { checkCoverage } from '../src/engine/jurisdiction.js';
import { COVERAGE_START } from '../src/engine/clause.js';
import { JURISDICTIONS } from '../src/law/jurisdictions.js';

let problems = 0;
for (const jurisdiction of JURISDICTIONS) {
  // "Today" where the agency is: the day its law is in force.
  const today = localDateOf(Date.now(), jurisdiction.timeZone);
  const found = checkCoverage(jurisdiction, today);
  const days = daysBetween(COVERAGE_START, today) + 1;
  const verdict = found.length === 0 ? 'ok' : `${found.length} problem(s)`;
  console.log(
    `${jurisdiction.id}: ${verdict}; ${jurisdiction.clauses.length} clause versions, ` +
      `${days} days checked (${COVERAGE_START} through ${today})`,
  );
  for (const problem of found) console.log(`  from ${problem.date}: ${problem.problem}`);
  problems += found.length;
}
if (problems > 0) {
  console.error(`${problems} coverage problem(s): some days would have no law, or two.`);
  process.exitCode = 1;
}
