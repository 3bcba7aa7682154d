/**
 * Synthetic cases for the browser tests, recorded through the API as the desk's people would.
 * @module
 */
import assert from 'node:assert/strict';
import type { TestDesk } from '../../src/testing/desk-server.js';
import { docIntakeWithWarrant } from '../../src/testing/intake-fixtures.js';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A Texas case happening now (received three hours ago, release due in an hour): SB 4 requires
 * honouring the detainer, so the decision allows a hold.
 */
export function currentIntake(bookingNumber: string) {
  const intake = docIntakeWithWarrant(bookingNumber);
  const now = Date.now();
  intake.jurisdiction = 'texas';
  intake.request = {
    form: 'I-247A',
    receivedAt: new Date(now - 3 * 3600_000).toISOString(),
    probableCause: ['removal-proceedings-pending'],
  };
  intake.custody.instantArrestDate = day(now - 5 * 86_400_000);
  intake.custody.expectedReleaseAt = new Date(now + 3600_000).toISOString();
  intake.history = {
    ...intake.history,
    searchedAt: new Date(now - 2 * 3600_000).toISOString(),
    proofOfLawfulStatus: false,
  };
  return intake;
}

/** Records an intake, decided at once; answers the case id. */
export async function decidedCase(
  desk: TestDesk,
  bookingNumber: string,
  { name, current = false }: { name?: string; current?: boolean } = {},
) {
  const clerk = await desk.as('clerk');
  const intake = current ? currentIntake(bookingNumber) : docIntakeWithWarrant(bookingNumber);
  if (name !== undefined)
    intake.person = { ...intake.person, name, nysid: undefined, aNumber: undefined };
  const created = await clerk.request('POST', '/api/cases?decide=true', { body: intake });
  assert.equal(created.status, 201, created.text);
  return (created.body as { id: string }).id;
}

/** A current case confirmed by a reviewer and held from now until its lawful end. */
export async function holdingCase(desk: TestDesk, bookingNumber: string) {
  const id = await decidedCase(desk, bookingNumber, { current: true });
  const reviewer = await desk.as('reviewer');
  const confirmed = await reviewer.request('POST', `/api/cases/${id}/decision/confirm`, {
    body: {},
    headers: { 'if-match': '"2"' },
  });
  assert.equal(confirmed.status, 200, confirmed.text);
  const clerk = await desk.as('clerk');
  const held = await clerk.request('POST', `/api/cases/${id}/hold`, {
    body: {},
    headers: { 'if-match': `"${String((confirmed.body as { version: number }).version)}"` },
  });
  assert.equal(held.status, 200, held.text);
  return id;
}
