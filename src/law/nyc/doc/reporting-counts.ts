/**
 * DOC's annual report, § 9-131(f), as each local law wrote it: the counts of every version beside
 * its paragraph numbers, the deadlines and the periods. The paragraphs' words are the clause texts
 * in reporting-and-other-subdivisions.ts, quoted by each figure.
 * @module
 */
import { deepFreeze } from '../../../engine/freeze.js';
import { triAnd, triNot } from '../../../engine/tri.js';
import { subject, type ReportLaw, type ReportVersion } from '../../../reports/report-law.js';
import {
  byReason,
  federalImmigrationAuthorityIn,
  heldNotTransferred,
  held,
  informationCounts,
  localLawVersions,
  notHonored,
  received,
  reportingClause,
  scaapFunding,
  transferred,
} from '../report-counts.js';
import { NYC_PUBLISHED_FIGURES } from '../published-figures.js';
import { SUBJECT, nycSubjectFacts, pendingCoveredMisdemeanorsOnly } from '../report-subject.js';
import { NYC_AGENCY } from '../sources.js';
import { NYC_DOC } from './index.js';
import { DOC_SUBDIVISION } from './reporting-and-other-subdivisions.js';
import { TERM } from './terms.js';

const clause = (version: string) =>
  reportingClause(NYC_DOC.clauses, DOC_SUBDIVISION.reporting, version);

const felony = subject(SUBJECT.felonyConviction);
const crime = subject(SUBJECT.crimeConviction);
const vs = subject(SUBJECT.violentOrSeriousConviction);
const gang = subject(SUBJECT.knownGangMember);
const tsdb = subject(SUBJECT.terroristScreeningMatch);
const noCrime = (facts: Parameters<typeof crime>[0]) => triNot(crime(facts));

/** Before LL58/2014 the texts say only "the preceding 12 month period" before September 30. */
const INFERRED_SEPTEMBER = {
  stated: false,
  note:
    'The text asks for "the preceding 12 month period" before a September 30 deadline without ' +
    'saying when it ends; the desk takes the twelve months ending on September 30, the ' +
    'deadline, as the later texts state.',
};

const TRANSFERRED = 'Persons transferred to the custody of federal immigration authorities';

/** LL62/2011's paragraphs 2–9 and LL22/2013's 3–14 classify the people transferred alike. */
const transfers = {
  all: (paragraph: string) => transferred(paragraph, 'transferred', TRANSFERRED),
  felony: (paragraph: string) =>
    transferred(
      paragraph,
      'transferred-felony',
      `${TRANSFERRED} with at least one felony conviction`,
      felony,
    ),
  misdemeanorOnly: (paragraph: string) =>
    transferred(
      paragraph,
      'transferred-misdemeanor-only',
      `${TRANSFERRED} with a misdemeanour conviction but no felony conviction`,
      (c) => triAnd(crime(c), triNot(felony(c))),
    ),
  noConviction: (paragraph: string) =>
    transferred(
      paragraph,
      'transferred-no-conviction',
      `${TRANSFERRED} with no misdemeanour or felony conviction`,
      noCrime,
    ),
  gang: (paragraph: string) =>
    transferred(
      paragraph,
      'transferred-no-conviction-gang',
      `${TRANSFERRED} with no conviction, identified as known gang members (NCIC)`,
      (c) => triAnd(noCrime(c), gang(c)),
    ),
  tsdb: (paragraph: string) =>
    transferred(
      paragraph,
      'transferred-no-conviction-tsdb',
      `${TRANSFERRED} with no conviction, identified as possible terrorist screening database matches`,
      (c) => triAnd(noCrime(c), tsdb(c)),
    ),
  gangAndTsdb: (paragraph: string) =>
    transferred(
      paragraph,
      'transferred-no-conviction-gang-and-tsdb',
      `${TRANSFERRED} with no conviction, identified both as possible terrorist screening database matches and as known gang members`,
      (c) => triAnd(noCrime(c), gang(c), tsdb(c)),
    ),
  pending: (paragraph: string) =>
    transferred(
      paragraph,
      'transferred-no-conviction-pending-case',
      `${TRANSFERRED} with no conviction who were defendants in a pending criminal case`,
      (c) => triAnd(noCrime(c), subject(SUBJECT.pendingCriminalCase)(c)),
    ),
};

const LL62: ReportVersion = {
  clause: clause('LL62/2011'),
  firstDue: '2012-09-30',
  due: '09-30',
  periodEnds: '09-30',
  periodBasis: INFERRED_SEPTEMBER,
  counts: [
    held('1'),
    transfers.all('2'),
    transfers.felony('3'),
    transfers.misdemeanorOnly('4'),
    transfers.noConviction('5'),
    transfers.gang('6'),
    transfers.tsdb('7'),
    transfers.gangAndTsdb('8'),
    transfers.pending('9'),
    scaapFunding('10'),
    notHonored('11'),
  ],
};

const LODGED = 'Civil immigration detainers lodged with the department';

const LL22: ReportVersion = {
  clause: clause('LL22/2013'),
  firstDue: '2013-09-30',
  due: '09-30',
  periodEnds: '09-30',
  periodBasis: INFERRED_SEPTEMBER,
  counts: [
    ...byReason(received('1', LODGED), 'received'),
    ...byReason(held('2'), 'held'),
    transfers.all('3'),
    transfers.felony('4'),
    transfers.misdemeanorOnly('5'),
    transfers.noConviction('6'),
    {
      id: 'transferred-after-dismissal',
      paragraph: '7',
      label: `${TRANSFERRED} after the dismissal of the criminal case that brought them into custody`,
      method: 'Not recorded by the desk.',
      notRecorded:
        'The desk does not record how the criminal case that brought the person into custody ' +
        'ended. The agency adds this figure from its court records.',
    },
    transferred(
      '8',
      'transferred-no-conviction-removal-order',
      `${TRANSFERRED} with no conviction who had an outstanding warrant of removal or a prior final order of removal`,
      (c) => triAnd(noCrime(c), subject(SUBJECT.removalOrder)(c)),
    ),
    transfers.gang('9'),
    transfers.tsdb('10'),
    transfers.gangAndTsdb('11'),
    transfers.pending('12'),
    transferred(
      '13',
      'transferred-no-conviction-pending-felony',
      `${TRANSFERRED} with no conviction, charged with a felony in a pending covered criminal case`,
      (c) => triAnd(noCrime(c), subject(SUBJECT.pendingFelony)(c)),
    ),
    transferred(
      '14',
      'transferred-no-conviction-pending-misdemeanors',
      `${TRANSFERRED} with no conviction, charged solely with misdemeanours in a pending covered criminal case`,
      (c) => triAnd(noCrime(c), pendingCoveredMisdemeanorsOnly(c.subject)),
    ),
    scaapFunding('15'),
    notHonored('16'),
    heldNotTransferred('17'),
  ],
};

/** LL58/2014's eight paragraphs, which LL228/2017 kept as paragraphs 1–8. */
const LL58_COUNTS = [
  ...byReason(received('1', LODGED), 'received'),
  ...byReason(held('2'), 'held'),
  transfers.all('3'),
  transferred(
    '4',
    'transferred-violent-or-serious',
    `${TRANSFERRED} with at least one conviction for a violent or serious crime`,
    vs,
  ),
  transferred(
    '5',
    'transferred-tsdb-not-violent-or-serious',
    `${TRANSFERRED} with no conviction for a violent or serious crime, identified as possible terrorist screening database matches`,
    (c) => triAnd(triNot(vs(c)), tsdb(c)),
  ),
  scaapFunding('6'),
  notHonored('7'),
  heldNotTransferred('8'),
];

const SEPTEMBER_STATED = {
  stated: true,
  note: 'The text sets the twelve months ending September 30.',
};

const LL58: ReportVersion = {
  clause: clause('LL58/2014'),
  firstDue: '2015-10-15',
  due: '10-15',
  periodEnds: '09-30',
  periodBasis: SEPTEMBER_STATED,
  counts: LL58_COUNTS,
};

const LL228: ReportVersion = {
  clause: clause('LL228/2017'),
  firstDue: '2018-09-01',
  due: '09-01',
  periodEnds: '06-30',
  periodBasis: { stated: true, note: 'The text sets the twelve months ending June 30.' },
  counts: [
    ...LL58_COUNTS,
    ...informationCounts(
      '9',
      { date: '2018-01-30', citation: 'LL228/2017 § 4' },
      federalImmigrationAuthorityIn(NYC_DOC, TERM.federalImmigrationAuthority),
    ),
  ],
};

export const DOC_REPORT_LAW: ReportLaw = deepFreeze({
  jurisdiction: NYC_DOC.id,
  agency: 'New York City Department of Correction',
  agencyShort: 'DOC',
  timeZone: NYC_AGENCY.timeZone,
  versions: [LL62, LL22, LL58, LL228],
  lawVersions: localLawVersions(NYC_DOC.clauses, 'nyc.9-131.'),
  subjectFacts: nycSubjectFacts,
  published: NYC_PUBLISHED_FIGURES.filter((row) => row.jurisdiction === NYC_DOC.id),
});
