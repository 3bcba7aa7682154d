import { formatDuration, formatInstant, useNow } from '../time';

/** A hold stands out when it ends within this long: time to arrange a release or a transfer. */
const SOON_MS = 2 * 60 * 60_000;

/** The lawful end of a running hold, counting down; overdue and "ends soon" stand out. */
export function HoldCountdown({ until }: { until: string }) {
  const left = Date.parse(until) - useNow();
  if (left <= 0) {
    return (
      <span className="desk-hold desk-hold--overdue">
        <strong>Overdue</strong> by {formatDuration(left)}{' '}
        <span className="desk-hold__end">(lawful end {formatInstant(until)})</span>
      </span>
    );
  }
  return (
    <span className={left <= SOON_MS ? 'desk-hold desk-hold--soon' : 'desk-hold'}>
      {left <= SOON_MS && <strong>Ends within 2 hours: </strong>}
      {formatDuration(left)} left{' '}
      <span className="desk-hold__end">(lawful end {formatInstant(until)})</span>
    </span>
  );
}
