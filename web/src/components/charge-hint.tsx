/**
 * Beside a charge field, as the clerk types: the code as the engine reads it (or why it cannot),
 * and whether its section is on the violent-or-serious crime list, with the offence's title
 * (GET /api/law/charges). The words are the API's; whether a conviction counts is the engine's.
 * The defender's calculator reads the charge in the page instead (`lookUp`), with the same code as
 * the API, so no request carries a client's charge.
 * @module
 */
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { api, ok } from '../api/client';
import type { components } from '../api/openapi';

export type ChargeLookup = components['schemas']['ChargeLookup'];

export function ChargeHint({
  id,
  charge,
  lookUp,
}: {
  id: string;
  charge: string;
  lookUp?: (typed: string) => ChargeLookup | undefined;
}) {
  const typed = useDeferredValue(charge.trim());
  const lookup = useQuery({
    queryKey: ['charge', typed],
    queryFn: async () => ok(await api.GET('/api/law/charges', { params: { query: { q: typed } } })),
    enabled: typed !== '' && lookUp === undefined,
    staleTime: Infinity,
  });
  const data = lookUp === undefined ? lookup.data : typed === '' ? undefined : lookUp(typed);
  return (
    <>
      <datalist id={`${id}-codes`}>
        {data?.listed.map((hit) => (
          <option key={hit.code} value={hit.code} label={hit.offense} />
        ))}
      </datalist>
      <div className="desk-charge-hint" aria-live="polite" id={`${id}-lookup`}>
        {data !== undefined &&
          (data.charge === null ? (
            <p>
              Not a whole code yet: {data.problem}
              {data.listed.length > 0 &&
                ` Listed sections that begin so: ${data.listed.map((hit) => `${hit.code} ${hit.offense}`).join('; ')}.`}
            </p>
          ) : data.listed.length === 0 ? (
            <p>
              Read as {data.charge}: <strong>not on the violent-or-serious crime list</strong>.
            </p>
          ) : (
            <p>
              Read as {data.charge}: <strong>listed</strong>,{' '}
              {data.listed
                .map(
                  (hit) => `${hit.code} ${hit.offense} (${hit.classText}, since ${hit.listedFrom})`,
                )
                .join('; ')}
              .
            </p>
          ))}
      </div>
    </>
  );
}

/**
 * A charge input with its hint: the listed codes to complete it, and the reading beside it (the
 * hint's id is added to the field's description). `props` are a Field's control props.
 */
export function ChargeInput({
  value,
  onChange,
  lookUp,
  ...props
}: {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  value: string;
  onChange: (charge: string) => void;
  lookUp?: (typed: string) => ChargeLookup | undefined;
}) {
  return (
    <>
      <input
        className="usa-input"
        autoComplete="off"
        list={`${props.id}-codes`}
        {...props}
        aria-describedby={[props['aria-describedby'], `${props.id}-lookup`]
          .filter(Boolean)
          .join(' ')}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      <ChargeHint id={props.id} charge={value} {...(lookUp === undefined ? {} : { lookUp })} />
    </>
  );
}
