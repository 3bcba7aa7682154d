/**
 * The California Values Act, SB 54 (De León), Stats. 2017 ch. 495: adds Gov. Code
 * §§ 7284-7284.12 and rewrites § 7282.5, in force 2018-01-01. For California law enforcement
 * agencies (not the state prisons, § 7284.4(a)). Holds are forbidden outright; notification,
 * transfer and information only on the conditions of § 7284.6 and § 7282.5. Source notes:
 * jurisdictions.md § 2.1(b), Version B, [V], read from the chaptered text by the researcher.
 * @module
 */
import { clause } from '../../engine/clause.js';
import type { Clause } from '../../engine/clause.js';
import { all, any } from '../../engine/condition.js';
import type { Provision } from '../../engine/jurisdiction.js';
import { actionRule } from '../../engine/rule.js';
import { CLAUSE } from './clause-ids.js';
import {
  cooperationCriteria,
  judicialProbableCauseDetermination,
  judicialWarrant,
  magistrateProbableCause,
  publiclyAvailable,
} from './facts.js';
import { itemIs } from '../request-facts.js';
import { RENDERED_FROM_RESEARCH, SOURCE } from './sources.js';

const VERSION = 'SB 54 (Stats. 2017, ch. 495)';
const EFFECTIVE = 'Approved 2017-10-05; in force 2018-01-01 (a statute’s ordinary effective date).';

function sb54(spec: {
  id: string;
  citation: string;
  title: string;
  text: string;
  verification?: 'verbatim';
  note?: string;
}): Clause {
  return clause({
    id: spec.id,
    version: VERSION,
    citation: spec.citation,
    title: spec.title,
    validFrom: '2018-01-01',
    effective: EFFECTIVE,
    text: spec.text,
    url: SOURCE.valuesAct,
    verification: spec.verification ?? 'secondary',
    note: spec.note ?? RENDERED_FROM_RESEARCH,
  });
}

export const COOPERATION_CRITERIA = sb54({
  id: CLAUSE.cooperationCriteria,
  citation: 'Gov. Code § 7282.5(a), as amended by SB 54 (2017)',
  title: 'When release information may be given or a person transferred to immigration authorities',
  text: `(a) A law enforcement official shall have discretion to cooperate with immigration authorities only if doing so would not violate any federal, state, or local law, or local policy, and where permitted by the California Values Act. The activities described in subparagraph (C) of paragraph (1) of subdivision (a) of Section 7284.6 and in paragraph (4) of subdivision (a) of Section 7284.6 shall occur only if the individual:
(1) has been convicted of a serious or violent felony identified in subdivision (c) of Section 1192.7 of, or subdivision (c) of Section 667.5 of, the Penal Code;
(2) has been convicted of a felony punishable by imprisonment in the state prison;
(3) has been convicted within the past five years of a misdemeanor for a crime punishable as either a misdemeanor or a felony, or within the past 15 years of a felony, for any of the offenses listed in subparagraphs (A) to (AE);
(4) is a current registrant on the California Sex and Arson Registry; or
(5) has been convicted of a federal crime that meets the definition of an aggravated felony in subparagraphs (A) to (P) of 8 U.S.C. § 1101(a)(43), or is identified by the United States Immigration and Customs Enforcement as the subject of an outstanding federal felony arrest warrant.
(6) In no case shall cooperation occur for an individual arrested, detained, or convicted of a misdemeanor that was a felony, or a crime punishable as either a misdemeanor or a felony, before the Safe Neighborhoods and Schools Act of 2014 (Proposition 47).`,
  note:
    `${RENDERED_FROM_RESEARCH} The opening condition (no violation of law or local policy) is ` +
    'the TRUST Act’s, which a 2025 bill digest (AB 85) describes as still in force; the research ' +
    'file does not record it for this version.',
});

export const MAGISTRATE_PROBABLE_CAUSE = sb54({
  id: CLAUSE.magistrateProbableCause,
  citation: 'Gov. Code § 7282.5(b), as amended by SB 54 (2017)',
  title:
    'Release information on a pending felony charge after a magistrate’s probable-cause finding',
  text: `(b) If none of the conditions listed in subdivision (a) is satisfied, an individual who is arrested and taken before a magistrate on a charge involving a serious or violent felony, or a felony punishable by imprisonment in the state prison, may be the subject of a response described in subparagraph (C) of paragraph (1) of subdivision (a) of Section 7284.6 if the magistrate makes a finding of probable cause as to that charge pursuant to Section 872 of the Penal Code.`,
});

export const JUDICIAL_WARRANT = sb54({
  id: CLAUSE.judicialWarrant,
  citation: 'Gov. Code § 7284.4(h)-(i), as added by SB 54 (2017)',
  title: '"Judicial probable cause determination" and "judicial warrant"',
  text: `"Judicial probable cause determination" means a determination made by a federal judge or federal magistrate judge that probable cause exists that an individual has violated federal criminal immigration law and that authorizes a law enforcement officer to arrest and take the individual into custody.
"Judicial warrant" means a warrant based on probable cause for a violation of federal criminal immigration law and issued by a federal judge or a federal magistrate judge that authorizes a law enforcement officer to arrest and take into custody the person who is the subject of the warrant.`,
});

export const HOLD = sb54({
  id: CLAUSE.hold,
  citation: 'Gov. Code § 7284.6(a)(1)(B), as added by SB 54 (2017)',
  title: 'California law enforcement agencies shall not detain an individual on a hold request',
  text: 'Detaining an individual on the basis of a hold request.',
  verification: 'verbatim',
  note:
    'The item’s own words, as quoted in jurisdictions.md § 2.1(b) [V]; the lead-in of § 7284.6(a) ' +
    '("California law enforcement agencies shall not") is in the title. "Hold request" includes ' +
    'requests from ICE, CBP and any other immigration authority (§ 7284.4(e)).',
});

export const NOTIFICATION = sb54({
  id: CLAUSE.notification,
  citation: 'Gov. Code § 7284.6(a)(1)(C), as added by SB 54 (2017)',
  title: 'Responding to requests for notification of release',
  text: `(a) California law enforcement agencies shall not: (1) ... (C) Respond to requests for notification by providing release dates or other information unless that information is available to the public, or is in response to a notification request from immigration authorities in accordance with Section 7282.5. Responses are "never required", but are permitted under this subdivision, provided that they do not violate any local law or policy.`,
});

export const PERSONAL_INFORMATION = sb54({
  id: CLAUSE.personalInformation,
  citation: 'Gov. Code § 7284.6(a)(1)(D), as added by SB 54 (2017)',
  title: 'Providing personal information',
  text: `(a) California law enforcement agencies shall not: (1) ... (D) Provide personal information about an individual, including the individual's home address or work address, unless that information is available to the public.`,
});

export const TRANSFER = sb54({
  id: CLAUSE.transfer,
  citation: 'Gov. Code § 7284.6(a)(4), as added by SB 54 (2017)',
  title: 'Transfers to immigration authorities',
  text: `(a) California law enforcement agencies shall not: ... (4) Transfer an individual to immigration authorities unless authorized by a judicial warrant or judicial probable cause determination, or in accordance with Section 7282.5.`,
});

export const CRIMINAL_HISTORY = sb54({
  id: CLAUSE.criminalHistory,
  citation: 'Gov. Code § 7284.6(b)(2), as added by SB 54 (2017)',
  title: 'Criminal-history information may be given',
  text: `(b) Notwithstanding the limitations in subdivision (a), this section does not prevent any California law enforcement agency from: ... (2) Responding to a request from immigration authorities for information about a specific person's criminal history, including previous criminal arrests, convictions, or similar criminal history information accessed through the California Law Enforcement Telecommunications System (CLETS).`,
});

export const IMMIGRATION_STATUS = sb54({
  id: CLAUSE.immigrationStatus,
  citation: 'Gov. Code § 7284.6(e), as added by SB 54 (2017)',
  title: 'Citizenship and immigration-status information may be exchanged',
  text: `(e) This section does not prohibit or restrict any government entity or official from sending to, or receiving from, federal immigration authorities, information regarding the citizenship or immigration status, lawful or unlawful, of an individual, pursuant to Sections 1373 and 1644 of Title 8 of the United States Code.`,
});

const criteria = any(
  {
    label: 'A § 7282.5(a) conviction, registry or federal-warrant criterion',
    cites: [CLAUSE.cooperationCriteria],
  },
  ...cooperationCriteria({
    cites: [CLAUSE.cooperationCriteria],
    warrantParagraph: '(a)(5)',
    proposition47Bar: true,
  }),
);
const magistrateFinding = magistrateProbableCause([CLAUSE.magistrateProbableCause]);
const releaseDatePublic = publiclyAvailable('The release date is available to the public', [
  CLAUSE.notification,
]);

const NOT_REQUIRED = 'Responses are never required; the agency may still decline.';

const NOTIFY_RULE = actionRule(
  {
    status: 'not-allowed',
    explanation:
      'The Values Act bars giving immigration authorities a release date unless it is public or ' +
      '§ 7282.5 permits it (§ 7284.6(a)(1)(C)).',
    cites: [CLAUSE.notification, CLAUSE.cooperationCriteria, CLAUSE.magistrateProbableCause],
  },
  {
    label: 'The release date is available to the public',
    when: releaseDatePublic,
    then: {
      status: 'allowed',
      explanation: `Information available to the public may be given (§ 7284.6(a)(1)(C)). ${NOT_REQUIRED}`,
      cites: [CLAUSE.notification],
    },
  },
  {
    label: 'A § 7282.5(a) criterion is met',
    when: criteria,
    then: {
      status: 'allowed',
      explanation: `A notification request may be answered for a person who meets § 7282.5(a) (§ 7284.6(a)(1)(C)). ${NOT_REQUIRED}`,
      cites: [CLAUSE.notification, CLAUSE.cooperationCriteria],
    },
  },
  {
    label: 'A magistrate found probable cause on a qualifying felony charge (§ 7282.5(b))',
    when: magistrateFinding,
    then: {
      status: 'allowed',
      explanation: `§ 7282.5(b) permits a notification response after a magistrate’s probable-cause finding on a serious, violent or state-prison felony charge. ${NOT_REQUIRED}`,
      cites: [CLAUSE.notification, CLAUSE.magistrateProbableCause],
    },
  },
);

const JUDICIAL_PC_READING =
  'The case records only that a federal judge or magistrate judge made a probable-cause ' +
  'determination; it is read as one of a violation of federal criminal immigration law that ' +
  'authorizes arrest (§ 7284.4). A finding of probable cause of any other crime does not count.';

const TRANSFER_RULE = actionRule(
  {
    status: 'not-allowed',
    explanation:
      'The Values Act bars transferring a person to immigration authorities without a judicial ' +
      'warrant, a judicial probable-cause determination, or a § 7282.5(a) criterion (§ 7284.6(a)(4)). ' +
      'An administrative warrant (I-200, I-205) is not a judicial warrant.',
    cites: [CLAUSE.transfer, CLAUSE.judicialWarrant, CLAUSE.cooperationCriteria],
  },
  {
    label: 'A judicial warrant (§ 7284.4)',
    when: judicialWarrant([CLAUSE.transfer, CLAUSE.judicialWarrant]),
    then: {
      status: 'allowed',
      explanation: `A judicial warrant authorizes the transfer (§ 7284.6(a)(4)). ${NOT_REQUIRED}`,
      cites: [CLAUSE.transfer, CLAUSE.judicialWarrant],
    },
  },
  {
    label: 'A judicial probable-cause determination (§ 7284.4)',
    when: judicialProbableCauseDetermination([CLAUSE.transfer, CLAUSE.judicialWarrant]),
    then: {
      status: 'allowed',
      explanation: `A judicial probable-cause determination authorizes the transfer (§ 7284.6(a)(4)). ${NOT_REQUIRED}`,
      cites: [CLAUSE.transfer, CLAUSE.judicialWarrant],
      interpretation: JUDICIAL_PC_READING,
    },
  },
  {
    label: 'A § 7282.5(a) criterion is met (a pending charge is not enough)',
    when: criteria,
    then: {
      status: 'allowed',
      explanation: `A person who meets § 7282.5(a) may be transferred (§ 7284.6(a)(4)). ${NOT_REQUIRED}`,
      cites: [CLAUSE.transfer, CLAUSE.cooperationCriteria],
    },
  },
);

const UNNAMED_ITEM_READING =
  'The Values Act names release dates ((a)(1)(C)), personal information such as home or work ' +
  'addresses ((a)(1)(D)), criminal history ((b)(2)) and citizenship or immigration status ((e)). ' +
  'Custody status, court dates and other items are not named; they are read as personal ' +
  'information about the individual, given only if available to the public. A legal reviewer ' +
  'should confirm.';

const isReleaseDate = itemIs(
  'The request asks for the release date',
  ['release-date'],
  [CLAUSE.notification],
);

const INFORMATION_RULE = actionRule(
  {
    status: 'not-allowed',
    explanation:
      'The Values Act bars giving personal information about an individual unless it is ' +
      'available to the public (§ 7284.6(a)(1)(D)).',
    cites: [CLAUSE.personalInformation],
  },
  {
    label: 'Citizenship or immigration-status information (§ 7284.6(e))',
    when: itemIs(
      'The request asks for citizenship or immigration status',
      ['citizenship-or-immigration-status'],
      [CLAUSE.immigrationStatus],
    ),
    then: {
      status: 'allowed',
      explanation:
        'The Values Act does not restrict exchanging citizenship or immigration-status information with federal immigration authorities (§ 7284.6(e); 8 U.S.C. 1373, 1644).',
      cites: [CLAUSE.immigrationStatus],
    },
  },
  {
    label: 'Criminal-history information about a specific person (§ 7284.6(b)(2))',
    when: itemIs(
      'The request asks for criminal history',
      ['criminal-history'],
      [CLAUSE.criminalHistory],
    ),
    then: {
      status: 'allowed',
      explanation: `A request for a specific person’s criminal history may be answered (§ 7284.6(b)(2)). ${NOT_REQUIRED}`,
      cites: [CLAUSE.criminalHistory],
    },
  },
  {
    label: 'A release date that is public or that § 7282.5 permits (§ 7284.6(a)(1)(C))',
    when: all(
      { label: 'A release date that may be given', cites: [CLAUSE.notification] },
      isReleaseDate,
      any(
        {
          label: 'Public, or a § 7282.5(a) criterion, or the (b) magistrate finding',
          cites: [CLAUSE.notification],
        },
        releaseDatePublic,
        criteria,
        magistrateFinding,
      ),
    ),
    then: {
      status: 'allowed',
      explanation: `The release date is public or § 7282.5 permits giving it (§ 7284.6(a)(1)(C)). ${NOT_REQUIRED}`,
      cites: [CLAUSE.notification, CLAUSE.cooperationCriteria, CLAUSE.magistrateProbableCause],
    },
  },
  {
    label: 'Any other release-date request (§ 7284.6(a)(1)(C))',
    when: isReleaseDate,
    then: {
      status: 'not-allowed',
      explanation:
        'A release date may be given only if it is public or § 7282.5 permits it (§ 7284.6(a)(1)(C)).',
      cites: [CLAUSE.notification, CLAUSE.cooperationCriteria, CLAUSE.magistrateProbableCause],
    },
  },
  {
    label: 'The information is available to the public (§ 7284.6(a)(1)(D))',
    when: publiclyAvailable('The information is available to the public', [
      CLAUSE.personalInformation,
    ]),
    then: {
      status: 'allowed',
      explanation: `Information available to the public may be given (§ 7284.6(a)(1)(D)). ${NOT_REQUIRED}`,
      cites: [CLAUSE.personalInformation],
    },
  },
  {
    label: 'Custody status, court dates or another item the Act does not name',
    when: itemIs(
      'The request asks for an item the Act does not name',
      ['incarceration-status', 'court-dates', 'other'],
      [CLAUSE.personalInformation],
    ),
    then: {
      status: 'not-allowed',
      explanation:
        'Read as personal information, which may be given only if it is available to the public (§ 7284.6(a)(1)(D)).',
      cites: [CLAUSE.personalInformation],
      interpretation: UNNAMED_ITEM_READING,
    },
  },
);

export const VALUES_ACT_PROVISIONS: readonly Provision[] = Object.freeze([
  { clause: COOPERATION_CRITERIA },
  { clause: MAGISTRATE_PROBABLE_CAUSE },
  { clause: JUDICIAL_WARRANT },
  {
    clause: HOLD,
    decides: {
      hold: actionRule({
        status: 'not-allowed',
        explanation:
          'The Values Act forbids detaining anyone on the basis of a hold request, whatever their ' +
          'record (§ 7284.6(a)(1)(B)). A federal judicial warrant is executed as a warrant, not as ' +
          'a hold: see the transfer rule.',
        cites: [CLAUSE.hold],
      }),
    },
  },
  {
    clause: NOTIFICATION,
    decides: { notify: NOTIFY_RULE },
    cautions: [
      {
        id: 'ca-values-act-local-policy',
        text:
          'The Values Act never requires a response or a transfer. One it allows may still be ' +
          'given only if no local law or policy forbids it (Gov. Code § 7284.6(a)(1)(C), § 7282.5(a)): ' +
          'check the agency’s and the county’s policy before acting.',
        cites: [CLAUSE.notification, CLAUSE.cooperationCriteria],
        actions: ['notify', 'transfer', 'information'],
      },
    ],
  },
  { clause: PERSONAL_INFORMATION, decides: { information: INFORMATION_RULE } },
  { clause: TRANSFER, decides: { transfer: TRANSFER_RULE } },
  { clause: CRIMINAL_HISTORY },
  { clause: IMMIGRATION_STATUS },
]);
