/**
 * The defender's calculator (public, `/calculator`): a lawyer enters a client's facts (the law's
 * jurisdiction and day, the DHS form, the judicial warrant, convictions with the charge
 * autocomplete, pending cases, database checks, and California's findings when its law is asked) and sees each action's outcome under the law in
 * force, its controlling clauses with their text, what is still unknown and what would change it,
 * and the same facts under other days or jurisdictions side by side.
 *
 * It stores nothing: the facts live in this page's state, are decided by the engine running in
 * the browser (this page is its own chunk, carrying the engine and the law), and no request,
 * cookie or storage ever holds them. Leaving or reloading the page forgets them.
 * @module
 */
import { useRef, useState, type SubmitEvent } from 'react';
import { z } from 'zod';
import {
  BLANK_FACTS,
  calculate,
  calculatorEngine,
  CALIFORNIA_FINDINGS,
  DATABASE_FACTS,
  lawField,
  MAX_LAWS,
  type CalculatorFacts,
  type Calculation,
  type LawChoice,
} from '../../../src/what-if/calculator.js';
import { AnswerField, ChoiceField, DateField } from '../components/calculator-fields';
import { CalculatorFactsSummary } from '../components/calculator-facts';
import { ConvictionFields, PendingCaseFields } from '../components/calculator-history';
import { LawDecisionView, SideBySide } from '../components/calculator-results';
import { fieldId, type FieldErrors } from '../components/field';
import {
  AGENCY_LABELS,
  CALIFORNIA_FINDING_LABELS,
  DATABASE_FACT_LABELS,
  FORM_LABELS,
  ISSUER_LABELS,
  SOURCE_LABELS,
} from '../labels';

// The app's Content-Security-Policy forbids eval: Zod must not even probe for it.
z.config({ jitless: true });

/** The DHS forms: each says what it asks for ("other" would need the actions asked). */
const DETAINER_FORMS = Object.fromEntries(
  Object.entries(FORM_LABELS).filter(([form]) => form !== 'other'),
) as Record<CalculatorFacts['form'], string>;

/** The law in force for the client to start with: New York City's jails, today. */
const todayLaw = (): LawChoice => ({
  jurisdiction: 'nyc-doc',
  date: new Date().toLocaleDateString('en-CA'),
});

interface Asked {
  facts: CalculatorFacts;
  laws: LawChoice[];
  calculation: Calculation;
}

export function CalculatorPage() {
  const [facts, setFacts] = useState<CalculatorFacts>(BLANK_FACTS);
  const [laws, setLaws] = useState<LawChoice[]>(() => [todayLaw()]);
  const [asked, setAsked] = useState<Asked>();
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  const errors: FieldErrors = new Map(
    asked?.calculation.ok === false
      ? asked.calculation.issues.map((issue) => [issue.path, issue.message])
      : [],
  );
  const change = (update: Partial<CalculatorFacts>) => {
    setFacts({ ...facts, ...update });
  };
  const changeLaw = (index: number, update: Partial<LawChoice>) => {
    setLaws(laws.map((law, at) => (at === index ? { ...law, ...update } : law)));
  };

  const decide = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const calculation = calculate(calculatorEngine, facts, laws);
    setAsked({ facts, laws, calculation });
    // Once drawn, the answer (or what stands in its way) takes the focus.
    setTimeout(() => {
      (calculation.ok ? resultsHeading : summary).current?.focus();
    });
  };
  const stale = asked !== undefined && (asked.facts !== facts || asked.laws !== laws);

  return (
    <>
      <h1>The defender’s calculator</h1>
      <p>
        For defence and immigration lawyers and the people they help: enter a client’s facts to see
        what the law allows an agency to do with an immigration detainer, the clauses that decide
        it, what is not known yet and what would change the outcome, and the same facts under other
        days or jurisdictions.
      </p>
      <div className="usa-alert usa-alert--info usa-alert--slim desk-print-hide">
        <div className="usa-alert__body">
          <p className="usa-alert__text">
            Nothing you enter leaves this page. The law is applied in your browser: no request
            carries the facts, nothing is stored, no cookie is set. Reloading the page forgets them.
          </p>
        </div>
      </div>

      {asked?.calculation.ok === false && (
        <div className="usa-alert usa-alert--error" role="alert" ref={summary} tabIndex={-1}>
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">The facts cannot be decided as entered</h2>
            <ul>
              {asked.calculation.issues.map((issue) => (
                <li key={issue.path}>
                  <a href={`#${fieldId(issue.path)}`}>
                    <code>{issue.path}</code>
                  </a>
                  : {issue.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}

      <form className="usa-form usa-form--large desk-print-hide" onSubmit={decide} noValidate>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">The law</legend>
          <ChoiceField
            path={lawField(0, 'jurisdiction')}
            label="Jurisdiction"
            options={AGENCY_LABELS}
            value={laws[0]?.jurisdiction ?? ''}
            onChange={(jurisdiction) => {
              changeLaw(0, { jurisdiction });
            }}
            errors={errors}
          />
          <DateField
            path={lawField(0, 'date')}
            label="The day"
            hint="The law in force that day decides; the client is taken to be due for release at noon."
            value={laws[0]?.date ?? ''}
            onChange={(date) => {
              changeLaw(0, { date });
            }}
            errors={errors}
          />
          {laws.slice(1).map((law, at) => {
            const index = at + 1;
            const label = `Compare ${String(index)}`;
            return (
              <fieldset className="usa-fieldset desk-conviction" key={index}>
                <legend className="usa-legend">{label}: the same facts under</legend>
                <ChoiceField
                  path={lawField(index, 'jurisdiction')}
                  label={`${label}: jurisdiction`}
                  options={AGENCY_LABELS}
                  value={law.jurisdiction}
                  onChange={(jurisdiction) => {
                    changeLaw(index, { jurisdiction });
                  }}
                  errors={errors}
                />
                <DateField
                  path={lawField(index, 'date')}
                  label={`${label}: the day`}
                  value={law.date}
                  onChange={(date) => {
                    changeLaw(index, { date });
                  }}
                  errors={errors}
                />
                <button
                  type="button"
                  className="usa-button usa-button--unstyled"
                  onClick={() => {
                    setLaws(laws.filter((_law, other) => other !== index));
                  }}
                >
                  Remove compare {index}
                </button>
              </fieldset>
            );
          })}
          {laws.length < MAX_LAWS ? (
            <button
              type="button"
              className="usa-button usa-button--outline"
              onClick={() => {
                setLaws([...laws, laws[0] ?? todayLaw()]);
              }}
            >
              Compare under another day or jurisdiction
            </button>
          ) : (
            <p>{MAX_LAWS - 1} laws are compared at most: remove one to compare another.</p>
          )}
        </fieldset>

        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">The detainer</legend>
          <ChoiceField
            path="request.form"
            label="DHS form"
            options={DETAINER_FORMS}
            value={facts.form}
            onChange={(form) => {
              change({ form });
            }}
            errors={errors}
          />
          <AnswerField
            path="request.judicialWarrant.presented"
            label="A judicial warrant was presented with the detainer"
            value={facts.judicialWarrant}
            onChange={(judicialWarrant) => {
              change({ judicialWarrant });
            }}
            errors={errors}
          />
          <ChoiceField
            path="request.judicialWarrant.issuer"
            label="Who signed the judicial warrant"
            options={ISSUER_LABELS}
            value={facts.warrantIssuer}
            onChange={(warrantIssuer) => {
              change({ warrantIssuer });
            }}
            errors={errors}
          />
          <AnswerField
            path="request.judicialWarrant.probableCause"
            label="The judicial warrant is based on probable cause"
            value={facts.warrantProbableCause}
            onChange={(warrantProbableCause) => {
              change({ warrantProbableCause });
            }}
            errors={errors}
          />
        </fieldset>

        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">The client</legend>
          <DateField
            path="instantArrestDate"
            label="Date of the arrest that brought the client into custody"
            hint="Look-backs (such as five years since a judgment) end on it."
            value={facts.arrestDate}
            onChange={(arrestDate) => {
              change({ arrestDate });
            }}
            errors={errors}
          />
          <AnswerField
            path="record.proofOfLawfulStatus"
            label="The client has given proof of citizenship or lawful immigration status"
            value={facts.proofOfLawfulStatus}
            onChange={(proofOfLawfulStatus) => {
              change({ proofOfLawfulStatus });
            }}
            errors={errors}
          />
        </fieldset>

        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">Criminal history</legend>
          <AnswerField
            path="record.searchCompleted"
            label="These are all the client’s convictions and pending cases (a complete search)"
            value={facts.historyComplete}
            onChange={(historyComplete) => {
              change({ historyComplete });
            }}
            errors={errors}
          />
          <ConvictionFields
            convictions={facts.convictions}
            onChange={(convictions) => {
              change({ convictions });
            }}
            errors={errors}
          />
          <PendingCaseFields
            pendingCases={facts.pendingCases}
            onChange={(pendingCases) => {
              change({ pendingCases });
            }}
            errors={errors}
          />
        </fieldset>

        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">Database checks</legend>
          {DATABASE_FACTS.map((name) => (
            <AnswerField
              key={name}
              path={`record.${name}.value`}
              label={DATABASE_FACT_LABELS[name]}
              value={facts.databaseFacts[name]}
              onChange={(answer) => {
                change({ databaseFacts: { ...facts.databaseFacts, [name]: answer } });
              }}
              errors={errors}
            />
          ))}
          <ChoiceField
            path="databaseSource"
            label="Where these answers come from"
            hint="Some laws accept only some sources, such as a DCJS e-JusticeNY search."
            options={SOURCE_LABELS}
            value={facts.databaseSource}
            onChange={(databaseSource) => {
              change({ databaseSource });
            }}
            errors={errors}
          />
        </fieldset>

        {/* Only California's law reads these: asked for when it is among the laws decided. */}
        {laws.some((law) => law.jurisdiction === 'california') && (
          <fieldset className="usa-fieldset">
            <legend className="usa-legend usa-legend--large">
              California’s findings (Gov. Code § 7282.5)
            </legend>
            <AnswerField
              path="request.informationPubliclyAvailable"
              label="The release date asked for is already available to the public"
              value={facts.informationPublic}
              onChange={(informationPublic) => {
                change({ informationPublic });
              }}
              errors={errors}
            />
            {CALIFORNIA_FINDINGS.map((name) => (
              <AnswerField
                key={name}
                path={`findings.california.${name}`}
                label={CALIFORNIA_FINDING_LABELS[name]}
                value={facts.californiaFindings[name]}
                onChange={(answer) => {
                  change({ californiaFindings: { ...facts.californiaFindings, [name]: answer } });
                }}
                errors={errors}
              />
            ))}
          </fieldset>
        )}

        <button className="usa-button" type="submit">
          Decide
        </button>
      </form>

      {asked?.calculation.ok === true && (
        <section aria-labelledby="calculator-results" className="desk-calculator-results">
          <h2 id="calculator-results" ref={resultsHeading} tabIndex={-1}>
            The outcome
          </h2>
          {stale && (
            <p className="desk-print-hide" role="status">
              The facts have changed since this was decided: decide again to see them applied.
            </p>
          )}
          <button
            type="button"
            className="usa-button usa-button--outline"
            onClick={() => {
              window.print();
            }}
          >
            Print
          </button>
          <CalculatorFactsSummary facts={asked.facts} />
          <SideBySide decisions={asked.calculation.decisions} />
          {asked.calculation.decisions.map((entry, index) => (
            <LawDecisionView key={index} entry={entry} index={index} />
          ))}
        </section>
      )}
    </>
  );
}
