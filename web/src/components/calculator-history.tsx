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
import type { ReactNode } from 'react';
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
    <EntryList
      legend="Convictions"
      noun="conviction"
      entries={convictions}
      blank={BLANK_CONVICTION}
      pathOf={(index) => `record.convictions[${String(index)}]`}
      onChange={onChange}
    >
      {(conviction, path, label, update) => (
        <>
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
        </>
      )}
    </EntryList>
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
    <EntryList
      legend="Pending cases"
      noun="pending case"
      entries={pendingCases}
      blank={BLANK_PENDING_CASE}
      pathOf={(index) => `record.pendingCases[${String(index)}]`}
      onChange={onChange}
    >
      {(pending, path, label, update) => (
        <>
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
        </>
      )}
    </EntryList>
  );
}

/**
 * A list the person adds entries to and removes them from, each entry in its own fieldset named
 * `<Noun> N`; `children` draws an entry's fields, given its path in the case and an update.
 */
function EntryList<T>({
  legend,
  noun,
  entries,
  blank,
  pathOf,
  onChange,
  children,
}: {
  legend: string;
  noun: string;
  entries: readonly T[];
  blank: T;
  pathOf: (index: number) => string;
  onChange: (entries: T[]) => void;
  children: (
    entry: T,
    path: string,
    label: string,
    update: (change: Partial<T>) => void,
  ) => ReactNode;
}) {
  const title = noun[0]!.toUpperCase() + noun.slice(1);
  return (
    <fieldset className="usa-fieldset">
      <legend className="usa-legend">{legend}</legend>
      {entries.length === 0 && <p>None entered.</p>}
      {entries.map((entry, index) => {
        const label = `${title} ${String(index + 1)}`;
        const update = (change: Partial<T>) => {
          onChange(changed(entries, index, change));
        };
        return (
          <fieldset className="usa-fieldset desk-conviction" key={index}>
            <legend className="usa-legend">{label}</legend>
            {children(entry, pathOf(index), label, update)}
            <button
              type="button"
              className="usa-button usa-button--unstyled"
              onClick={() => {
                onChange(entries.filter((_entry, at) => at !== index));
              }}
            >
              Remove {noun} {index + 1}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="usa-button usa-button--outline"
        onClick={() => {
          onChange([...entries, blank]);
        }}
      >
        Add a {noun}
      </button>
    </fieldset>
  );
}
