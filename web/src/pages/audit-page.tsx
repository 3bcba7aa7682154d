/**
 * The audit log for auditors and administrators: verify it (every leaf, the chain, the tree, the
 * checkpoints and the stored records against it) and read its entries, a page at a time. Both are
 * audited reads; a role without the permission sees the API's refusal.
 * @module
 */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, ok } from '../api/client';
import type { AuditVerification } from '../../../src/services/audit-service.js';
import { ProblemAlert } from '../components/problem-alert';
import { formatInstant } from '../time';

const PAGE_SIZE = 50;

interface AuditEntryRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
}

export function AuditPage() {
  const verify = useMutation({
    mutationFn: async () =>
      ok(await api.GET('/api/audit/verification')) as unknown as AuditVerification,
  });
  return (
    <>
      <h1>Audit log</h1>
      <section aria-labelledby="verify-heading">
        <h2 id="verify-heading">Verify the log</h2>
        <p>
          Re-derives every entry, the chain, the Merkle tree and every signed checkpoint, and checks
          each stored record against the entries that recorded it.
        </p>
        <button
          type="button"
          className="usa-button"
          disabled={verify.isPending}
          onClick={() => {
            verify.mutate();
          }}
        >
          {verify.isPending ? 'Verifying…' : 'Verify the audit log'}
        </button>
        <div aria-live="polite">
          {verify.error !== null && (
            <ProblemAlert error={verify.error} heading="The log could not be verified" />
          )}
          {verify.data !== undefined && <VerificationReport report={verify.data} />}
        </div>
      </section>
      <Entries />
    </>
  );
}

function VerificationReport({ report }: { report: AuditVerification }) {
  return report.ok ? (
    <div className="usa-alert usa-alert--success">
      <div className="usa-alert__body">
        <h3 className="usa-alert__heading">The audit log verifies</h3>
        <p className="usa-alert__text">
          {report.entries.toLocaleString('en-US')} entries and {report.checkpoints} signed
          checkpoints checked, and {report.records.cases} cases, {report.records.decisions}{' '}
          decisions and {report.records.informationRequests} information requests match the entries
          that recorded them.
        </p>
      </div>
    </div>
  ) : (
    <div className="usa-alert usa-alert--error">
      <div className="usa-alert__body">
        <h3 className="usa-alert__heading">The audit log does not verify</h3>
        <ul className="usa-alert__text">
          {report.problems.map((problem) => (
            <li key={`${String(problem.seq)} ${problem.code} ${problem.subject ?? ''}`}>
              {problem.seq === undefined ? '' : `Entry ${String(problem.seq)}: `}
              {problem.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function Entries() {
  const [params, setParams] = useSearchParams();
  const from = Number(params.get('from') ?? '0');
  const entries = useQuery({
    queryKey: ['audit-entries', from],
    queryFn: async () =>
      ok(
        await api.GET('/api/audit/entries', { params: { query: { from, limit: PAGE_SIZE } } }),
      ) as unknown as AuditEntryRow[],
    placeholderData: keepPreviousData,
  });
  const go = (next: number) => {
    setParams({ from: String(Math.max(0, next)) });
  };
  return (
    <section aria-labelledby="entries-heading">
      <h2 id="entries-heading">Entries</h2>
      {entries.error !== null && (
        <ProblemAlert error={entries.error} heading="The entries could not be read" />
      )}
      {entries.data !== undefined && (
        <>
          <table className="usa-table usa-table--borderless desk-table">
            <caption className="usa-sr-only">Audit entries in order</caption>
            <thead>
              <tr>
                <th scope="col">Entry</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Subject</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.map((entry) => (
                <tr key={entry.seq}>
                  <th scope="row">{entry.seq}</th>
                  <td>{formatInstant(entry.at)}</td>
                  <td>{entry.actor}</td>
                  <td>{entry.action}</td>
                  <td>{entry.subject}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label="Audit entry pages" className="desk-pager">
            <p>
              Entries {from}–{from + entries.data.length - 1}
            </p>
            <button
              type="button"
              className="usa-button usa-button--outline"
              disabled={from === 0}
              onClick={() => {
                go(from - PAGE_SIZE);
              }}
            >
              Previous
            </button>
            <button
              type="button"
              className="usa-button usa-button--outline"
              disabled={entries.data.length < PAGE_SIZE}
              onClick={() => {
                go(from + PAGE_SIZE);
              }}
            >
              Next
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
