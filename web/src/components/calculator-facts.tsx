/**
 * The facts a calculation was made on, in words, above its outcome: on paper (the form itself is
 * not printed) and on screen, so the answer is never read apart from what it answers.
 * @module
 */
import {
  CALIFORNIA_FINDINGS,
  DATABASE_FACTS,
  type Answer,
  type CalculatorFacts,
} from '../../../src/what-if/calculator.js';
import {
  CALIFORNIA_FINDING_LABELS,
  CONVICTION_DISPOSITION_LABELS,
  COURT_LABELS,
  DATABASE_FACT_LABELS,
  ISSUER_LABELS,
  OFFENSE_LEVEL_LABELS,
  SOURCE_LABELS,
} from '../labels';

const ANSWERS: Record<Answer, string> = { yes: 'Yes', no: 'No', unknown: 'Not known' };

const levelText = (level: CalculatorFacts['convictions'][number]['level']) =>
  level === '' ? 'level not given' : OFFENSE_LEVEL_LABELS[level].toLowerCase();

export function CalculatorFactsSummary({ facts }: { facts: CalculatorFacts }) {
  return (
    <section aria-labelledby="calculator-facts">
      <h3 id="calculator-facts">The facts decided</h3>
      <ul>
        <li>DHS form: {facts.form}</li>
        <li>
          A judicial warrant presented with the detainer: {ANSWERS[facts.judicialWarrant]}; signed
          by: {ISSUER_LABELS[facts.warrantIssuer]}; based on probable cause:{' '}
          {ANSWERS[facts.warrantProbableCause]}
        </li>
        <li>Date of the arrest: {facts.arrestDate === '' ? 'not known' : facts.arrestDate}</li>
        <li>Proof of citizenship or lawful status given: {ANSWERS[facts.proofOfLawfulStatus]}</li>
        <li>A complete criminal history: {ANSWERS[facts.historyComplete]}</li>
        {facts.convictions.length === 0 && <li>No conviction entered</li>}
        {facts.convictions.map((conviction, index) => (
          <li key={`c${String(index)}`}>
            Conviction {index + 1}: {conviction.charge} ({levelText(conviction.level)}),{' '}
            {COURT_LABELS[conviction.court]},{' '}
            {CONVICTION_DISPOSITION_LABELS[conviction.disposition]}, judgment{' '}
            {conviction.judgmentDate === '' ? 'date not known' : conviction.judgmentDate}, from{' '}
            {SOURCE_LABELS[conviction.source]}
          </li>
        ))}
        {facts.pendingCases.length === 0 && <li>No pending case entered</li>}
        {facts.pendingCases.map((pending, index) => (
          <li key={`p${String(index)}`}>
            Pending case {index + 1}: {pending.charge} ({levelText(pending.level)}),{' '}
            {COURT_LABELS[pending.court]}, from {SOURCE_LABELS[pending.source]}
          </li>
        ))}
        {DATABASE_FACTS.map((name) => (
          <li key={name}>
            {DATABASE_FACT_LABELS[name]}: {ANSWERS[facts.databaseFacts[name]]}
          </li>
        ))}
        <li>Database answers from: {SOURCE_LABELS[facts.databaseSource]}</li>
        {/* California's, only those answered: its law alone reads them. */}
        {facts.informationPublic !== 'unknown' && (
          <li>The release date already public: {ANSWERS[facts.informationPublic]}</li>
        )}
        {CALIFORNIA_FINDINGS.filter((name) => facts.californiaFindings[name] !== 'unknown').map(
          (name) => (
            <li key={name}>
              {CALIFORNIA_FINDING_LABELS[name]}: {ANSWERS[facts.californiaFindings[name]]}
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
