/**
 * The case's timeline: each event the API recorded, in plain words, when and by whom.
 * @module
 */
import type { CaseRecord } from '../api/case-types';
import { labelOf } from '../labels';
import { formatInstant } from '../time';

/**
 * Words for the kinds of event the desk's services record (src/services); the API types a kind as
 * any string, so a kind without words here shows as its code.
 */
const EVENT_LABELS: Record<string, string> = {
  decided: 'Decided under the law',
  confirmed: 'Decision confirmed',
  'override-proposed': 'Override proposed',
  'override-approved': 'Override approved',
  'override-rejected': 'Override rejected',
  'record-updated': 'Record corrected',
  'request-corrected': 'Request corrected',
  'hold-started': 'Hold started',
  'ice-notified': 'ICE told of the release',
  released: 'Released',
  'released-despite-detainer': 'Released despite the detainer',
  'transferred-to-ice': 'Transferred to ICE',
  'ice-did-not-come': 'ICE did not come',
  'cancelled-by-ice': 'ICE cancelled the detainer',
};

export function Timeline({ events }: { events: CaseRecord['events'] }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <ol className="desk-timeline">
        {events.map((event) => (
          <li key={`${event.recordedAt} ${event.kind}`}>
            <strong>{labelOf(EVENT_LABELS, event.kind)}</strong> {formatInstant(event.at)} by{' '}
            {event.recordedBy}
          </li>
        ))}
      </ol>
    </section>
  );
}
