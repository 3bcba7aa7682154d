/** Previous / next through a list the API pages, and where the person is in it. */
export function Pager({
  label,
  offset,
  limit,
  total,
  onOffset,
}: {
  label: string;
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
}) {
  const last = Math.min(offset + limit, total);
  return (
    <nav aria-label={label} className="desk-pager">
      <p aria-live="polite">
        {total === 0
          ? 'None'
          : `${String(offset + 1)}–${String(last)} of ${total.toLocaleString('en-US')}`}
      </p>
      <button
        type="button"
        className="usa-button usa-button--outline"
        disabled={offset === 0}
        onClick={() => {
          onOffset(Math.max(0, offset - limit));
        }}
      >
        Previous
      </button>
      <button
        type="button"
        className="usa-button usa-button--outline"
        disabled={last >= total}
        onClick={() => {
          onOffset(offset + limit);
        }}
      >
        Next
      </button>
    </nav>
  );
}
