/**
 * The words the app shows for the API's codes. Each table is keyed by the API's own enum, so a
 * code the API adds fails the app's type check until it has words here.
 * @module
 */
import type { ActionOutcome, ClauseRef, InformationItem, MissingFact } from './api/case-types';
import type { components } from './api/openapi';
import type { CaseStep } from '../../src/desk/case-lifecycle.js';
import type { Case } from '../../src/engine/case.js';

type Schemas = components['schemas'];
type Request = Schemas['Intake']['request'];
type Issuer = NonNullable<NonNullable<Request['judicialWarrant']>['issuer']>;
type ProbableCause = NonNullable<Request['probableCause']>[number];
type Source = NonNullable<
  NonNullable<Schemas['Intake']['history']>['convictions']
>[number]['source'];
type PendingCase = NonNullable<NonNullable<Schemas['Intake']['history']>['pendingCases']>[number];
type Level = NonNullable<PendingCase['charges'][number]['level']>;
type History = NonNullable<Schemas['Intake']['history']>;
type CaliforniaFinding = keyof NonNullable<Case['findings']['california']>;
type Conviction = NonNullable<History['convictions']>[number];
type DatabaseFact = Extract<
  keyof History,
  | 'criminalWarrant'
  | 'knownGangMember'
  | 'terroristScreeningMatch'
  | 'warrantOfRemoval'
  | 'finalOrderOfRemoval'
  | 'reenteredAfterRemoval'
>;

export const STATUS_LABELS: Record<Schemas['CaseSummary']['status'], string> = {
  received: 'Waiting for a decision',
  decided: 'Waiting for review',
  'override-pending': 'Waiting for second approval',
  reviewed: 'Reviewed',
  holding: 'Holding',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export const AGENCY_LABELS: Record<Schemas['Intake']['jurisdiction'], string> = {
  'nyc-doc': 'NYC Department of Correction',
  'nyc-nypd': 'NYC Police Department',
  'nyc-probation': 'NYC Department of Probation',
  california: 'California',
  texas: 'Texas',
  illinois: 'Illinois',
  oregon: 'Oregon',
};

export const FORM_LABELS: Record<Schemas['DetainerRequest']['form'], string> = {
  'I-247': 'I-247',
  'I-247A': 'I-247A',
  'I-247D': 'I-247D',
  'I-247N': 'I-247N',
  'I-247X': 'I-247X',
  'I-247G': 'I-247G',
  other: 'Other',
};

export const ROLE_LABELS: Record<Schemas['Session']['user']['role'], string> = {
  clerk: 'clerk',
  reviewer: 'legal reviewer',
  supervisor: 'supervisor',
  auditor: 'auditor',
  admin: 'administrator',
};

/** A label for a code the table may not know (e.g. a jurisdiction added since the build). */
export function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}

export const ACTION_LABELS: Record<ActionOutcome['action'], string> = {
  hold: 'Hold past the release time',
  notify: 'Tell ICE of the release',
  transfer: 'Transfer to ICE',
  information: 'Answer ICE’s request for information',
};

export const OUTCOME_LABELS: Record<ActionOutcome['status'], string> = {
  required: 'Required',
  allowed: 'Allowed',
  'not-allowed': 'Not allowed',
  'needs-information': 'Needs information',
};

export const VERIFICATION_LABELS: Record<ClauseRef['verification'], string> = {
  verbatim: 'Verbatim text',
  reconstructed: 'Reconstructed text',
  secondary: 'Secondary source',
  inferred: 'Inferred',
  unverified: 'Unverified',
  amendment: 'What-if amendment',
};

export const SUPPLIER_LABELS: Record<MissingFact['decidedBy'], string> = {
  clerk: 'a clerk',
  'legal-reviewer': 'a legal reviewer',
};

export const STEP_LABELS: Record<CaseStep, string> = {
  'update-record': 'Correct the record',
  'correct-request': 'Correct the request as recorded',
  decide: 'Decide under the law',
  confirm: 'Confirm the decision',
  'propose-override': 'Propose an override',
  'approve-override': 'Approve the override',
  'reject-override': 'Reject the override',
  'start-hold': 'Start the hold clock',
  'notify-ice': 'Record that ICE was told of the release',
  released: 'Released',
  'released-despite-detainer': 'Released despite the detainer',
  'transferred-to-ice': 'Transferred to ICE',
  'ice-did-not-come': 'ICE did not come',
  cancel: 'ICE cancelled the detainer',
};

export const INFORMATION_LABELS: Record<InformationItem, string> = {
  'release-date': 'Release date and time',
  'incarceration-status': 'Whether the person is in custody',
  'court-dates': 'Court dates',
  'citizenship-or-immigration-status': 'Citizenship or immigration status',
  'criminal-history': 'Criminal history',
  'personal-information': 'Personal information (address, contacts …)',
  other: 'Other information',
};

export const ISSUER_LABELS: Record<Issuer, string> = {
  'article-iii-judge': 'A federal (Article III) judge',
  'federal-magistrate-judge': 'A federal magistrate judge',
  'state-judge': 'A state judge',
  other: 'Someone else',
  unknown: 'Not known',
};

export const PROBABLE_CAUSE_LABELS: Record<ProbableCause, string> = {
  'final-order-of-removal': 'A final order of removal',
  'removal-proceedings-pending': 'Removal proceedings are pending',
  'biometric-and-database-check': 'Biometric confirmation and database records',
  'statements-or-other-evidence': 'Statements or other reliable evidence',
  'transferred-for-proceeding': 'Transferred to ICE custody for a proceeding',
};

export const OFFENSE_LEVEL_LABELS: Record<Level, string> = {
  felony: 'Felony',
  misdemeanor: 'Misdemeanor',
  violation: 'Violation',
  infraction: 'Infraction',
};

export const COURT_LABELS: Record<PendingCase['court'], string> = {
  'new-york': 'A New York court',
  federal: 'A federal court',
  'other-state': 'Another state’s court',
  unknown: 'Not known',
};

export const CONVICTION_DISPOSITION_LABELS: Record<Conviction['disposition'], string> = {
  conviction: 'A judgment of conviction',
  'youthful-offender': 'A youthful-offender adjudication',
  'juvenile-delinquent': 'A juvenile-delinquency finding',
  unknown: 'Not known',
};

/** The database checks the record keeps, each a yes / no / not known answer with its source. */
export const DATABASE_FACT_LABELS: Record<DatabaseFact, string> = {
  criminalWarrant: 'An outstanding criminal warrant, in New York or another U.S. jurisdiction',
  knownGangMember: 'Identified as a known gang member in the NCIC database',
  terroristScreeningMatch: 'Identified as a possible match in the terrorist screening database',
  warrantOfRemoval: 'An outstanding warrant of removal (8 C.F.R. 241.2)',
  finalOrderOfRemoval: 'Is or has been subject to a final order of removal (8 C.F.R. 1241.1)',
  reenteredAfterRemoval: 'Re-entered the country illegally after a previous removal or return',
};

/** The findings California's law asks the agency to make (Gov. Code § 7282.5). */
export const CALIFORNIA_FINDING_LABELS: Record<CaliforniaFinding, string> = {
  seriousOrViolentFelonyConviction:
    'Convicted of a serious or violent felony (Penal Code 1192.7(c) or 667.5(c))',
  statePrisonFelonyConviction: 'Convicted of a felony punishable by imprisonment in state prison',
  listedOffenseWithinLookback:
    'Convicted of an offence listed in § 7282.5(a)(3): a wobbler misdemeanour within five years or a felony within fifteen',
  sexOrArsonRegistrant: 'A current registrant on the California Sex and Arson Registry',
  aggravatedFelonyConviction: 'Convicted of a federal aggravated felony (8 U.S.C. 1101(a)(43))',
  federalFelonyWarrant:
    'Identified by ICE as the subject of an outstanding federal felony arrest warrant',
  magistrateProbableCause:
    'Taken before a magistrate on a serious, violent or state-prison felony charge, who found probable cause (Penal Code 872)',
  detentionWouldViolateLaw:
    'Continued detention would violate a federal, state or local law or local policy',
};

export const PENDING_DISPOSITION_LABELS: Record<NonNullable<PendingCase['disposition']>, string> = {
  pending: 'Pending',
  'adjourned-in-contemplation-of-dismissal': 'Adjourned in contemplation of dismissal',
  'conditional-discharge': 'Conditional discharge',
};

export const PRIORITY_LABELS: Record<NonNullable<Request['priorities']>[number], string> = {
  'national-security': 'A threat to national security',
  'criminal-street-gang': 'A criminal street gang member',
  felony: 'Convicted of a felony',
  'aggravated-felony': 'Convicted of an aggravated felony',
  'significant-misdemeanor': 'Convicted of a significant misdemeanor',
  'three-misdemeanors': 'Convicted of three or more misdemeanors',
};

export const ADMINISTRATIVE_WARRANT_LABELS: Record<
  NonNullable<Request['administrativeWarrants']>[number]['form'],
  string
> = {
  'I-200': 'I-200 (warrant for arrest of alien)',
  'I-205': 'I-205 (warrant of removal)',
};

export const SOURCE_LABELS: Record<Source, string> = {
  'e-justice-ny': 'DCJS e-JusticeNY search',
  court: 'A court',
  'government-entity': 'Another government entity',
  'federal-immigration-authorities': 'Federal immigration authorities',
  'agency-records': 'The agency’s own records',
  other: 'Other',
  unknown: 'Not recorded',
};

type DashboardFigures = Schemas['Dashboard']['agencies'][number]['periods'][number]['figures'];
type PublishedFigure = Extract<
  keyof Schemas['Dashboard']['published'][number],
  'received' | 'honored' | 'transferred' | 'notHonored'
>;

/** The dashboard's four figures, as its columns name them (each report names its own). */
export const DASHBOARD_FIGURE_LABELS: Record<keyof DashboardFigures, string> = {
  received: 'Detainers received',
  held: 'Held past release',
  transferred: 'Transferred to ICE',
  'not-honored': 'Not honoured',
};

/** The figures an agency is reported to have published, in the source's words. */
export const PUBLISHED_FIGURE_LABELS: Record<PublishedFigure, string> = {
  received: 'Detainers received',
  honored: 'Honoured',
  transferred: 'Transferred to ICE',
  notHonored: 'Not honoured',
};

type Report = Schemas['Report'];
type OmittedStatus = Exclude<Report['figures'][number]['status'], 'counted'>;

/** A report's period: one the law sets, or any other asked for. */
export const PERIOD_KIND_LABELS: Record<Report['period']['kind'], string> = {
  statutory: 'A statutory period: one the law sets for this report',
  custom: 'A custom period: not one the law sets, built for the days asked',
};

/** Why a report gives no number for a figure (its reason follows). */
export const OMITTED_FIGURE_LABELS: Record<OmittedStatus, string> = {
  'not-required': 'Not required for this period',
  'not-recorded': 'Not recorded by the desk',
};
