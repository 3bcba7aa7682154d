import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CASE_STATUSES, isOpen, nextStatus, stepsFrom, type CaseStep } from './case-lifecycle.js';
import { DeskError } from './errors.js';

describe('the case lifecycle', () => {
  it('follows the natural path: received, decided, reviewed, holding, closed', () => {
    let status = nextStatus('received', 'decide');
    assert.equal(status, 'decided');
    status = nextStatus(status, 'confirm');
    assert.equal(status, 'reviewed');
    status = nextStatus(status, 'start-hold');
    assert.equal(status, 'holding');
    assert.equal(nextStatus(status, 'notify-ice'), 'holding');
    assert.equal(nextStatus(status, 'transferred-to-ice'), 'closed');
  });

  it('an override waits for a second person, who approves or rejects it', () => {
    assert.equal(nextStatus('decided', 'propose-override'), 'override-pending');
    assert.equal(nextStatus('override-pending', 'approve-override'), 'reviewed');
    assert.equal(nextStatus('override-pending', 'reject-override'), 'decided');
  });

  it('refuses a step that cannot follow, naming the step and where it can start', () => {
    assert.throws(
      () => nextStatus('received', 'start-hold'),
      (error: unknown) =>
        error instanceof DeskError &&
        error.code === 'invalid-transition' &&
        error.message.includes('"start-hold"') &&
        error.message.includes('reviewed'),
    );
    assert.throws(() => nextStatus('reviewed', 'ice-did-not-come'), DeskError);
    assert.throws(() => nextStatus('decided', 'transferred-to-ice'), DeskError);
  });

  it('a closed or cancelled case takes no further step', () => {
    for (const status of ['closed', 'cancelled'] as const) {
      assert.deepEqual(stepsFrom(status), []);
      assert.equal(isOpen(status), false);
    }
  });

  it('a person may be released despite the detainer, or ICE may cancel, at any open status', () => {
    for (const status of CASE_STATUSES.filter(isOpen)) {
      const steps: CaseStep[] = stepsFrom(status);
      assert.ok(steps.includes('released-despite-detainer'), status);
      assert.ok(steps.includes('cancel'), status);
    }
  });

  it('a record correction sends a case not yet in custody steps back to be decided again', () => {
    for (const status of ['decided', 'override-pending', 'reviewed'] as const) {
      assert.equal(nextStatus(status, 'update-record'), 'received');
    }
    assert.throws(() => nextStatus('holding', 'update-record'), DeskError);
  });
});
