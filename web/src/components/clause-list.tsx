/**
 * The clauses a decision relies on: citation, id and version, a visible badge for how far the
 * text is verified, and the statute text itself behind a disclosure. The text is fetched with the
 * page, so the printed decision memo carries it whether or not the disclosure was opened; or,
 * on the defender's calculator, read from the law the page carries (`textOf`), asking nothing.
 * @module
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../api/client';
import type { ClauseRef, ClauseText } from '../api/case-types';
import { VERIFICATION_LABELS } from '../labels';
import { ProblemAlert } from './problem-alert';

export function VerificationBadge({ verification }: { verification: ClauseRef['verification'] }) {
  return (
    <span
      className={`desk-badge desk-badge--${verification === 'verbatim' ? 'verified' : 'unverified'}`}
    >
      {VERIFICATION_LABELS[verification]}
    </span>
  );
}

/** Where a clause's text comes from when not from the API. */
export type ClauseTextOf = (clause: ClauseRef) => ClauseText | undefined;

export function ClauseList({
  clauses,
  textOf,
}: {
  clauses: readonly ClauseRef[];
  textOf?: ClauseTextOf;
}) {
  return (
    <ul className="desk-clauses">
      {clauses.map((clause) => (
        <li key={`${clause.id} ${clause.version}`}>
          <Clause clause={clause} textOf={textOf} />
        </li>
      ))}
    </ul>
  );
}

function Clause({ clause, textOf }: { clause: ClauseRef; textOf: ClauseTextOf | undefined }) {
  const [open, setOpen] = useState(false);
  const text = useQuery({
    queryKey: ['clause', clause.id, clause.version],
    queryFn: async () =>
      ok(
        await api.GET('/api/law/clauses', {
          params: { query: { id: clause.id, version: clause.version } },
        }),
      ),
    enabled: textOf === undefined,
    staleTime: Infinity,
  });
  const found =
    textOf?.(clause) ??
    text.data?.find((version) => version.validFrom === clause.validFrom) ??
    text.data?.[0];
  return (
    <>
      <details
        className="desk-clause"
        onToggle={(event) => {
          setOpen(event.currentTarget.open);
        }}
      >
        <summary>
          <span className="desk-clause__citation">{clause.citation}</span>{' '}
          <VerificationBadge verification={clause.verification} />{' '}
          <span className="desk-clause__id">
            ({clause.id}, {clause.version})
          </span>
        </summary>
        {text.error !== null && (
          <ProblemAlert error={text.error} heading="The text could not be loaded" />
        )}
        {text.isPending && open && textOf === undefined && <p>Loading the text…</p>}
        {found !== undefined && (
          <div className="desk-clause__body">
            <p className="desk-clause__title">{found.title}</p>
            <blockquote className="desk-clause__text">{found.text}</blockquote>
            <p className="desk-clause__source">
              In force from {found.validFrom}
              {found.validTo === null ? '' : ` until ${found.validTo}`}.{' '}
              <a href={found.url} rel="noreferrer">
                Source
              </a>
            </p>
          </div>
        )}
      </details>
      {found !== undefined && (
        <blockquote className="desk-clause__text desk-print-only">{found.text}</blockquote>
      )}
    </>
  );
}
