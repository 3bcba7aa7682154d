/**
 * The client's criminal history on the calculator: each conviction (charge, level, court, what
 * the judgment was, its date, where the record came from) and each pending case (its charge,
 * level, court and source), added and removed one by one.
 * @module
 */
import {
  BLANK_CONVICTION,
  BLANK_PENDING_CASE,
  type CalculatorConviction,
  type CalculatorPendingCase,
} from '../../../src/what-if/calculator.js';
import {
  CONVICTION_DISPOSITION_LABELS,
  COURT_LABELS,
  OFFENSE_LEVEL_LABELS,
  SOURCE_LABELS,
} from '../labels';
import { ChargeField, ChoiceField, DateField } from './calculator-fields';
import type { FieldErrors } from './field';

const LEVEL_LABELS = { '': 'Not known (or as the code says)', ...OFFENSE_LEVEL_LABELS };

/** A copy of the list with the entry at `index` changed. */
const changed = <T,>(list: readonly T[], index: number, change: Partial<T>): T[] =>
  list.map((entry, at) => (at === index ? { ...entry, ...change } : entry));

export function ConvictionFields({
  convictions,
  onChange,
  errors,
}: {
  convictions: readonly CalculatorConviction[];
  onChange: (convictions: CalculatorConviction[]) => void;
  errors: FieldErrors;
}) {
  return (
    <fieldset className="usa-fieldset">
      <legend className="usa-legend">Convictions</legend>
      {convictions.length === 0 && <p>None entered.</p>}
      {convictions.map((conviction, index) => {
        const path = `record.convictions[${String(index)}]`;
        const label = `Conviction ${String(index + 1)}`;
        const update = (change: Partial<CalculatorConviction>) => {
          onChange(changed(convictions, index, change));
        };
        return (
          <fieldset className="usa-fieldset desk-conviction" key={index}>
            <legend className="usa-legend">{label}</legend>
            <ChargeField
              path={`${path}.charge`}
              label={`${label}: charge`}
              hint="e.g. PL 120.05(2)"
              value={conviction.charge}
              onChange={(charge) => {
                update({ charge });
              }}
              errors={errors}
            />
            <ChoiceField
              path={`${path}.level`}
              label={`${label}: level`}
              options={LEVEL_LABELS}
              value={conviction.level}
              onChange={(level) => {
                update({ level });
              }}
              errors={errors}
            />
            <ChoiceField
              path={`${path}.court`}
              label={`${label}: court`}
              options={COURT_LABELS}
              value={conviction.court}
              onChange={(court) => {
                update({ court });
              }}
              errors={errors}
            />
            <ChoiceField
              path={`${path}.disposition`}
              label={`${label}: what the court entered`}
              options={CONVICTION_DISPOSITION_LABELS}
              value={conviction.disposition}
              onChange={(disposition) => {
                update({ disposition });
              }}
              errors={errors}
            />
            <DateField
              path={`${path}.judgmentDate`}
              label={`${label}: date of judgment`}
              value={conviction.judgmentDate}
              onChange={(judgmentDate) => {
                update({ judgmentDate });
              }}
              errors={errors}
            />
            <ChoiceField
              path={`${path}.source`}
              label={`${label}: where the record comes from`}
              options={SOURCE_LABELS}
              value={conviction.source}
              onChange={(source) => {
                update({ source });
              }}
              errors={errors}
            />
            <button
              type="button"
              className="usa-button usa-button--unstyled"
              onClick={() => {
                onChange(convictions.filter((_entry, at) => at !== index));
              }}
            >
              Remove conviction {index + 1}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="usa-button usa-button--outline"
        onClick={() => {
          onChange([...convictions, BLANK_CONVICTION]);
        }}
      >
        Add a conviction
      </button>
    </fieldset>
  );
}

export function PendingCaseFields({
  pendingCases,
  onChange,
  errors,
}: {
  pendingCases: readonly CalculatorPendingCase[];
  onChange: (pendingCases: CalculatorPendingCase[]) => void;
  errors: FieldErrors;
}) {
  return (
    <fieldset className="usa-fieldset">
      <legend className="usa-legend">Pending cases</legend>
      {pendingCases.length === 0 && <p>None entered.</p>}
      {pendingCases.map((pending, index) => {
        const path = `record.pendingCases[${String(index)}]`;
        const label = `Pending case ${String(index + 1)}`;
        const update = (change: Partial<CalculatorPendingCase>) => {
          onChange(changed(pendingCases, index, change));
        };
        return (
          <fieldset className="usa-fieldset desk-conviction" key={index}>
            <legend className="usa-legend">{label}</legend>
            <ChargeField
              path={`${path}.charges[0].charge`}
              label={`${label}: the most serious charge`}
              hint="e.g. PL 265.01"
              value={pending.charge}
              onChange={(charge) => {
                update({ charge });
              }}
              errors={errors}
            />
            <ChoiceField
              path={`${path}.charges[0].level`}
              label={`${label}: level`}
              options={LEVEL_LABELS}
              value={pending.level}
              onChange={(level) => {
                update({ level });
              }}
              errors={errors}
            />
            <ChoiceField
              path={`${path}.court`}
              label={`${label}: court`}
              options={COURT_LABELS}
              value={pending.court}
              onChange={(court) => {
                update({ court });
              }}
              errors={errors}
            />
            <ChoiceField
              path={`${path}.source`}
              label={`${label}: where the record comes from`}
              options={SOURCE_LABELS}
              value={pending.source}
              onChange={(source) => {
                update({ source });
              }}
              errors={errors}
            />
            <button
              type="button"
              className="usa-button usa-button--unstyled"
              onClick={() => {
                onChange(pendingCases.filter((_entry, at) => at !== index));
              }}
            >
              Remove pending case {index + 1}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="usa-button usa-button--outline"
        onClick={() => {
          onChange([...pendingCases, BLANK_PENDING_CASE]);
        }}
      >
        Add a pending case
      </button>
    </fieldset>
  );
}
