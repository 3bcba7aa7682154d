import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ActionOutcome, Decision, Status } from '../engine/decision.js';
import { checkCustodyStep, effectiveOutcomes } from './effective-outcomes.js';
import { DeskError } from './errors.js';

function decisionWith(
  statuses: Partial<Record<'hold' | 'notify' | 'transfer', Status>>,
  until?: string,
): Decision {
  const outcomes = Object.entries(statuses).map(
    ([action, status]) =>
      ({
        action,
        status,
        ...(action === 'hold' && until !== undefined
          ? { hold: { rule: 'r', clauses: [], until } }
          : {}),
      }) as unknown as ActionOutcome,
  );
  return { outcomes } as unknown as Decision;
}

const notLawful = (error: unknown) => error instanceof DeskError && error.code === 'not-lawful';
const at = '2024-03-08T18:00:00Z';

describe('effective outcomes and lawful custody steps', () => {
  it('an approved override replaces the engine’s outcome for its action only', () => {
    const outcomes = effectiveOutcomes(
      decisionWith({ hold: 'not-allowed', notify: 'not-allowed' }),
      [{ action: 'notify', status: 'allowed' }],
    );
    assert.deepEqual(
      outcomes.map((o) => [o.action, o.status, o.overridden]),
      [
        ['hold', 'not-allowed', false],
        ['notify', 'allowed', true],
      ],
    );
  });

  it('a hold needs a decision allowing it and a known lawful end', () => {
    const ctx = { at, holdUntil: null, holding: false, iceNotifiedAt: null };
    assert.throws(() => {
      checkCustodyStep('start-hold', effectiveOutcomes(decisionWith({ hold: 'not-allowed' })), ctx);
    }, notLawful);
    assert.throws(() => {
      checkCustodyStep('start-hold', effectiveOutcomes(decisionWith({ hold: 'allowed' })), ctx);
    }, notLawful);
    checkCustodyStep(
      'start-hold',
      effectiveOutcomes(decisionWith({ hold: 'allowed' }, '2024-03-10T18:00:00Z')),
      ctx,
    );
  });

  it('a hold cannot start after its lawful end (the check is made at the step’s own time)', () => {
    const outcomes = effectiveOutcomes(decisionWith({ hold: 'allowed' }, '2024-03-10T18:00:00Z'));
    const ctx = { holdUntil: null, holding: false, iceNotifiedAt: null };
    checkCustodyStep('start-hold', outcomes, { ...ctx, at: '2024-03-10T13:00:00-05:00' });
    assert.throws(() => {
      checkCustodyStep('start-hold', outcomes, { ...ctx, at: '2024-03-10T18:00:01Z' });
    }, notLawful);
  });

  it('ICE may be told of the release only when notifying is allowed', () => {
    const ctx = { at, holdUntil: null, holding: false, iceNotifiedAt: null };
    assert.throws(() => {
      checkCustodyStep(
        'notify-ice',
        effectiveOutcomes(decisionWith({ notify: 'not-allowed' })),
        ctx,
      );
    }, notLawful);
    checkCustodyStep('notify-ice', effectiveOutcomes(decisionWith({ notify: 'required' })), ctx);
  });

  it('no transfer after the lawful hold has ended, compared as instants across offsets', () => {
    const outcomes = effectiveOutcomes(decisionWith({ hold: 'allowed' }, '2024-03-10T18:00:00Z'));
    checkCustodyStep('transferred-to-ice', outcomes, {
      at: '2024-03-10T13:00:00-05:00',
      holdUntil: '2024-03-10T18:00:00Z',
      holding: true,
      iceNotifiedAt: null,
    });
    assert.throws(() => {
      checkCustodyStep('transferred-to-ice', outcomes, {
        at: '2024-03-10T13:00:01-05:00',
        holdUntil: '2024-03-10T18:00:00Z',
        holding: true,
        iceNotifiedAt: null,
      });
    }, notLawful);
  });

  it('“ICE did not come” only once the hold has run out', () => {
    const outcomes = effectiveOutcomes(decisionWith({ hold: 'allowed' }, '2024-03-10T18:00:00Z'));
    assert.throws(() => {
      checkCustodyStep('ice-did-not-come', outcomes, {
        at: '2024-03-10T17:59:59Z',
        holdUntil: '2024-03-10T18:00:00Z',
        holding: true,
        iceNotifiedAt: null,
      });
    }, notLawful);
    checkCustodyStep('ice-did-not-come', outcomes, {
      at: '2024-03-10T18:00:00Z',
      holdUntil: '2024-03-10T18:00:00Z',
      holding: true,
      iceNotifiedAt: null,
    });
  });

  it('not honouring a detainer the law requires needs a written reason', () => {
    const outcomes = effectiveOutcomes(decisionWith({ hold: 'required' }, '2024-03-10T18:00:00Z'));
    const ctx = { at, holdUntil: null, holding: false, iceNotifiedAt: null };
    assert.throws(() => {
      checkCustodyStep('released-despite-detainer', outcomes, ctx);
    }, notLawful);
    checkCustodyStep('released-despite-detainer', outcomes, {
      ...ctx,
      reason: 'court ordered release',
    });
    checkCustodyStep(
      'released-despite-detainer',
      effectiveOutcomes(decisionWith({ hold: 'not-allowed' })),
      ctx,
    );
  });

  it('Texas: a plain release of a detainer the law requires honouring is refused until it was honoured', () => {
    const outcomes = effectiveOutcomes(
      decisionWith({ hold: 'required', notify: 'required' }, '2024-03-10T18:00:00Z'),
    );
    const reviewed = { at, holdUntil: null, holding: false, iceNotifiedAt: null };
    assert.throws(() => {
      checkCustodyStep('released', outcomes, reviewed);
    }, /released-despite-detainer/);
    assert.throws(() => {
      checkCustodyStep('released', outcomes, {
        ...reviewed,
        reason: 'a reason does not make it plain',
      });
    }, notLawful);
    const held = {
      holdUntil: '2024-03-10T18:00:00Z',
      holding: true,
      iceNotifiedAt: '2024-03-08T18:10:00Z',
    };
    assert.throws(() => {
      checkCustodyStep('released', outcomes, { ...held, at: '2024-03-10T17:00:00Z' });
    }, notLawful);
    assert.throws(() => {
      checkCustodyStep('released', outcomes, {
        ...held,
        iceNotifiedAt: null,
        at: '2024-03-10T18:00:00Z',
      });
    }, notLawful);
    checkCustodyStep('released', outcomes, { ...held, at: '2024-03-10T18:00:00Z' });
    checkCustodyStep('released', effectiveOutcomes(decisionWith({ hold: 'allowed' })), reviewed);
  });
});
