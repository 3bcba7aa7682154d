/**
 * Synthetic intakes for tests: invented people, never real ones.
 * @module
 */
import type { IntakeInput } from '../desk/intake.js';

/**
 * A DOC case in June 2016 (LL58/2014 in force): a federal magistrate judge's warrant came with
 * the I-247D and the person has a 2014 conviction for PL 120.10, a listed violent felony, so
 * § 9-131(b) allows a hold (until the Tuesday after a Friday release) and a release notice.
 */
export function docIntakeWithWarrant(bookingNumber = 'B-1001'): IntakeInput {
  return {
    jurisdiction: 'nyc-doc',
    person: {
      name: 'Test Person Alpha',
      dateOfBirth: '1985-02-03',
      nysid: '12345678K',
      aNumber: 'A012345678',
    },
    custody: {
      facility: 'Synthetic Detention Center',
      bookingNumber,
      instantArrestDate: '2016-05-20',
      expectedReleaseAt: '2016-06-03T18:00:00-04:00',
    },
    history: {
      searchCompleted: true,
      searchedAt: '2016-06-03T08:45:00-04:00',
      convictions: [
        {
          charge: 'PL 120.10 B',
          level: 'felony',
          court: 'new-york',
          disposition: 'conviction',
          offenseDate: '2013-09-14',
          judgmentDate: '2014-03-01',
          incarceration: [],
          source: 'e-justice-ny',
        },
      ],
      pendingCases: [],
      terroristScreeningMatch: { value: false, source: 'e-justice-ny' },
    },
    request: {
      form: 'I-247D',
      receivedAt: '2016-05-23T11:15:00-04:00',
      probableCause: ['removal-proceedings-pending'],
      judicialWarrant: {
        presented: true,
        withDetainer: true,
        issuer: 'federal-magistrate-judge',
        probableCause: true,
        issuedOn: '2016-05-22',
      },
    },
  };
}

/** The same case where no judicial warrant was presented: § 9-131(b) allows neither a hold nor a notice. */
export function docIntakeWithoutWarrant(bookingNumber = 'B-2001'): IntakeInput {
  const intake = docIntakeWithWarrant(bookingNumber);
  return {
    ...intake,
    person: { name: 'Test Person Beta', nysid: '87654321M' },
    request: { ...intake.request, judicialWarrant: { presented: false } },
  };
}

/** The instant the desk decides these cases: the morning of release. */
export const DECISION_TIME = '2016-06-03T13:30:00.000Z';
