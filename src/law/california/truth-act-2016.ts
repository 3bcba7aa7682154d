/**
 * The TRUTH Act, AB 2792 (Bonta), Stats. 2016 ch. 768: Gov. Code §§ 7283-7283.2, in force
 * 2017-01-01 and unchanged by SB 54. It decides no action; it adds duties to every ICE hold,
 * notification or transfer request (§ 7283.1(b)). The interview-consent form (§ 7283.1(a)) and
 * the public-records and forum duties (§ 7283.1(c)-(d)) concern no action the engine decides.
 * Source notes: jurisdictions.md § 2.1(b) item 8, [V].
 * @module
 */
import { clause } from '../../engine/clause.js';
import { all, fact } from '../../engine/condition.js';
import type { Provision } from '../../engine/jurisdiction.js';
import { UNKNOWN } from '../../engine/tri.js';
import { CLAUSE } from './clause-ids.js';
import { RENDERED_FROM_RESEARCH, SOURCE } from './sources.js';

export const TRUTH_ACT_NOTICE = clause({
  id: CLAUSE.truthActNotice,
  version: 'AB 2792 (Stats. 2016, ch. 768)',
  citation: 'Gov. Code § 7283.1(b), as added by AB 2792 (2016)',
  title: 'Copy of the request and notice of release to the individual',
  validFrom: '2017-01-01',
  effective: 'Approved 2016-09-28; in force 2017-01-01 (a statute’s ordinary effective date).',
  text: `(b) Upon receiving any ICE hold, notification, or transfer request, the local law enforcement agency shall provide a copy of the request to the individual and inform the individual whether the agency intends to comply with the request. If the local law enforcement agency provides ICE with notification that the individual is being, or will be, released on a certain date, it shall promptly provide the same notification in writing to the individual and to the individual's attorney or to one additional person whom the individual shall be permitted to designate.`,
  url: SOURCE.truthAct,
  verification: 'secondary',
  note: RENDERED_FROM_RESEARCH,
});

const CITES = [CLAUSE.truthActNotice];

/** § 7283.1(b) speaks of ICE requests; an unrecorded requester is treated as ICE, to be safe. */
const mayBeIce = fact({
  label: 'The request may come from ICE',
  cites: CITES,
  path: 'request.requester',
  question: 'Who made the request?',
  read: (ctx) => ctx.case.request.requester === 'ice' || ctx.case.request.requester === 'unknown',
});

const asksForReleaseDate = fact({
  label: 'The request asks to be told of the release date',
  cites: CITES,
  path: 'request.information',
  question: 'What does the request ask for?',
  read: (ctx) => {
    const request = ctx.case.request;
    if (request.kind === 'detainer') return true; // only reached for requests that ask to notify
    return request.information === undefined
      ? UNKNOWN
      : request.information.includes('release-date');
  },
});

export const TRUTH_ACT_PROVISIONS: readonly Provision[] = Object.freeze([
  {
    clause: TRUTH_ACT_NOTICE,
    duties: [
      {
        id: 'ca-truth-act-copy-and-intent',
        text:
          'Give the person a copy of the request and tell them whether the agency intends to ' +
          'comply with it (Gov. Code § 7283.1(b)).',
        cites: CITES,
        actions: ['hold', 'notify', 'transfer'],
        when: mayBeIce,
      },
      {
        id: 'ca-truth-act-release-notice',
        text:
          'If the agency tells ICE that the person is being or will be released on a certain ' +
          'date, it must promptly give the same notice in writing to the person and to their ' +
          'attorney or one other person they designate (Gov. Code § 7283.1(b)).',
        cites: CITES,
        actions: ['notify', 'information'],
        when: all(
          { label: 'An ICE request for the release date', cites: CITES },
          mayBeIce,
          asksForReleaseDate,
        ),
      },
    ],
  },
]);
