/**
 * The audit log for auditors and administrators: verify it (every leaf, the chain, the tree, the
 * checkpoints and the stored records against it), read the latest signed checkpoint and sign a
 * new one, page through every checkpoint signed, get an entry's receipt (its inclusion proof in
 * the latest checkpoint, to keep or hand on) and read the entries, a page at a time. Reads are
 * audited; a role without the permission sees the API's refusal.
 * @module
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ok } from '../api/client';
import type { AuditVerification } from '../../../src/services/audit-service.js';
import { Pager } from '../components/pager';
import { ProblemAlert } from '../components/problem-alert';
import { formatInstant } from '../time';

const PAGE_SIZE = 50;
const CHECKPOINTS_PAGE_SIZE = 10;

interface AuditEntryRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
}

export function AuditPage() {
  const [receiptSeq, setReceiptSeq] = useState('');
  const receipt = useReceipt();
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
      <Checkpoint />
      <Checkpoints />
      <Receipt seq={receiptSeq} setSeq={setReceiptSeq} receipt={receipt} />
      <Entries
        onReceipt={(seq) => {
          setReceiptSeq(String(seq));
          receipt.mutate(seq);
          document.getElementById('receipt-heading')?.scrollIntoView();
        }}
      />
    </>
  );
}

/** The text of a text/plain answer, or an ApiError from its problem details. */
function okText(result: { data?: string; error?: unknown; response: Response }): string {
  if (result.response.ok) return result.data ?? '';
  let problem = result.error;
  if (typeof problem === 'string') {
    try {
      problem = JSON.parse(problem);
    } catch {
      // Not problem details: ok() reports the status instead.
    }
  }
  return ok<string>({ error: problem, response: result.response });
}

function Checkpoint() {
  const queryClient = useQueryClient();
  const checkpoint = useQuery({
    queryKey: ['audit-checkpoint'],
    queryFn: async () => okText(await api.GET('/api/audit/checkpoint', { parseAs: 'text' })),
    retry: false,
  });
  const key = useQuery({
    queryKey: ['audit-verifier-key'],
    queryFn: async () => okText(await api.GET('/api/audit/verifier-key', { parseAs: 'text' })),
    staleTime: Infinity,
  });
  const sign = useMutation({
    mutationFn: async () => okText(await api.POST('/api/audit/checkpoints', { parseAs: 'text' })),
    onSuccess: async (note) => {
      queryClient.setQueryData(['audit-checkpoint'], note);
      await queryClient.invalidateQueries({ queryKey: ['audit-checkpoints'] });
    },
  });
  return (
    <section aria-labelledby="checkpoint-heading">
      <h2 id="checkpoint-heading">The latest signed checkpoint</h2>
      <p>
        The log’s size and Merkle root, signed with the desk’s key. Anyone may fetch it (
        <code>GET /api/audit/checkpoint</code>) and keep it: a later log that does not extend it has
        been rewritten.
      </p>
      {checkpoint.error !== null && (
        <ProblemAlert error={checkpoint.error} heading="No checkpoint to show" />
      )}
      {checkpoint.data !== undefined && checkpoint.error === null && (
        <figure className="margin-x-0">
          <figcaption className="usa-sr-only">Latest checkpoint</figcaption>
          {/* Focusable: a long line scrolls. */}
          <pre tabIndex={0}>{checkpoint.data}</pre>
        </figure>
      )}
      {key.data !== undefined && (
        <p>
          Verifier key: <code>{key.data.trim()}</code>
        </p>
      )}
      <button
        type="button"
        className="usa-button"
        disabled={sign.isPending}
        onClick={() => {
          sign.mutate();
        }}
      >
        Sign a checkpoint now
      </button>
      <div aria-live="polite">
        {sign.error !== null && (
          <ProblemAlert error={sign.error} heading="The checkpoint was not signed" />
        )}
        {sign.data !== undefined && (
          <p>Signed: the checkpoint above covers the log as it stands.</p>
        )}
      </div>
    </section>
  );
}

/** Sets one search parameter, keeping the others: each list on the page pages on its own. */
function useSearchParam(name: string): [number, (value: number) => void] {
  const [params, setParams] = useSearchParams();
  const set = (value: number) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(name, String(Math.max(0, value)));
      return next;
    });
  };
  return [Number(params.get(name) ?? '0'), set];
}

/** Every checkpoint signed, largest first, to compare with copies kept elsewhere. */
function Checkpoints() {
  const [offset, setOffset] = useSearchParam('checkpoints');
  const checkpoints = useQuery({
    queryKey: ['audit-checkpoints', offset],
    queryFn: async () =>
      ok(
        await api.GET('/api/audit/checkpoints', {
          params: { query: { offset, limit: CHECKPOINTS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="checkpoints-heading">
      <h2 id="checkpoints-heading">Every signed checkpoint</h2>
      <p>
        Each checkpoint the desk has signed, the latest first. A copy kept elsewhere should be one
        of them, word for word.
      </p>
      {checkpoints.error !== null && (
        <ProblemAlert error={checkpoints.error} heading="The checkpoints could not be read" />
      )}
      {checkpoints.data !== undefined && (
        <>
          <table className="usa-table usa-table--borderless desk-table">
            <caption className="usa-sr-only">Signed checkpoints, the latest first</caption>
            <thead>
              <tr>
                <th scope="col">Entries covered</th>
                <th scope="col">Signed</th>
                <th scope="col">Signed note</th>
              </tr>
            </thead>
            <tbody>
              {checkpoints.data.items.map((checkpoint) => (
                <tr key={checkpoint.size}>
                  <th scope="row">{checkpoint.size.toLocaleString('en-US')}</th>
                  <td>{formatInstant(checkpoint.at)}</td>
                  <td>
                    <details>
                      <summary>
                        The note
                        <span className="usa-sr-only">
                          {' '}
                          over {checkpoint.size.toLocaleString('en-US')} entries
                        </span>
                      </summary>
                      <pre className="desk-note">{checkpoint.note}</pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            label="Checkpoint pages"
            offset={offset}
            limit={CHECKPOINTS_PAGE_SIZE}
            total={checkpoints.data.total}
            onOffset={setOffset}
          />
        </>
      )}
    </section>
  );
}

function useReceipt() {
  return useMutation({
    mutationFn: async (entry: number) => ({
      entry,
      text: okText(
        await api.GET('/api/audit/entries/{seq}/receipt', {
          params: { path: { seq: entry } },
          parseAs: 'text',
        }),
      ),
    }),
  });
}

/** The receipt form and the receipt; an entry's row in the list asks for one too. */
function Receipt({
  seq,
  setSeq,
  receipt,
}: {
  seq: string;
  setSeq: (seq: string) => void;
  receipt: ReturnType<typeof useReceipt>;
}) {
  const [download, setDownload] = useState<string | undefined>();
  useEffect(() => {
    if (receipt.data === undefined) return;
    const url = URL.createObjectURL(new Blob([receipt.data.text], { type: 'text/plain' }));
    setDownload(url);
    return () => {
      URL.revokeObjectURL(url);
    };
  }, [receipt.data]);
  return (
    <section aria-labelledby="receipt-heading">
      <h2 id="receipt-heading">A receipt for an entry</h2>
      <p>
        Proof that an entry is in the latest signed checkpoint (c2sp.org/tlog-proof): whoever holds
        it can check the entry was logged without reading the rest of the log.
      </p>
      <form
        className="usa-form"
        onSubmit={(event) => {
          event.preventDefault();
          receipt.mutate(Number(seq));
        }}
      >
        <label className="usa-label" htmlFor="receipt-entry">
          Entry number
        </label>
        <input
          id="receipt-entry"
          className="usa-input usa-input--small"
          type="number"
          inputMode="numeric"
          min={0}
          required
          value={seq}
          onChange={(event) => {
            setSeq(event.target.value);
          }}
        />
        <button className="usa-button" type="submit" disabled={receipt.isPending}>
          Get the receipt
        </button>
      </form>
      <div aria-live="polite">
        {receipt.error !== null && (
          <ProblemAlert error={receipt.error} heading="No receipt for that entry" />
        )}
        {receipt.data !== undefined && (
          <>
            <figure className="margin-x-0">
              <figcaption>Receipt for entry {receipt.data.entry}</figcaption>
              <pre tabIndex={0}>{receipt.data.text}</pre>
            </figure>
            {download !== undefined && (
              <a
                className="usa-button usa-button--outline"
                href={download}
                download={`audit-receipt-${String(receipt.data.entry)}.txt`}
              >
                Download the receipt for entry {receipt.data.entry}
              </a>
            )}
          </>
        )}
      </div>
    </section>
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
          decisions, {report.records.informationRequests} information requests and{' '}
          {report.records.enforcementRequests} requests from non-local agencies (§ 10-178) match the
          entries that recorded them; what the reports count of {report.records.reportFacts} cases
          matches their records.
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

function Entries({ onReceipt }: { onReceipt: (seq: number) => void }) {
  const [from, go] = useSearchParam('from');
  const entries = useQuery({
    queryKey: ['audit-entries', from],
    queryFn: async () =>
      ok(
        await api.GET('/api/audit/entries', { params: { query: { from, limit: PAGE_SIZE } } }),
      ) as unknown as AuditEntryRow[],
    placeholderData: keepPreviousData,
  });
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
                <th scope="col">
                  <span className="usa-sr-only">Receipt</span>
                </th>
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
                  <td>
                    <button
                      type="button"
                      className="usa-button usa-button--unstyled"
                      onClick={() => {
                        onReceipt(entry.seq);
                      }}
                    >
                      Receipt<span className="usa-sr-only"> for entry {entry.seq}</span>
                    </button>
                  </td>
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
