import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Decision } from '../engine/decision.js';
import { intakeIssuesOf, missingFactField, missingFactFields } from './engine-case.js';

describe('the record field that supplies a missing fact', () => {
  it('names the intake field and the record’s correction for the custody and the history', () => {
    assert.deepEqual(
      missingFactField({ path: 'otherwiseReleaseAt', question: '?', decidedBy: 'clerk' }),
      {
        fact: 'otherwiseReleaseAt',
        field: 'custody.expectedReleaseAt',
        step: 'update-record',
        suppliedBy: 'clerk',
      },
    );
    assert.deepEqual(
      missingFactField({
        path: 'record.pendingCases[1].charges[0].firearmOrAmmunition',
        question: '?',
        decidedBy: 'clerk',
      }),
      {
        fact: 'record.pendingCases[1].charges[0].firearmOrAmmunition',
        field: 'history.pendingCases[1].charges[0].firearmOrAmmunition',
        step: 'update-record',
        suppliedBy: 'clerk',
      },
    );
  });

  it('keeps a fact the law leaves to legal judgement a reviewer’s, wherever it is entered', () => {
    assert.deepEqual(
      missingFactField({
        path: 'record.convictions[0].equivalence',
        question: '?',
        decidedBy: 'legal-reviewer',
      }),
      {
        fact: 'record.convictions[0].equivalence',
        field: 'history.convictions[0].equivalence',
        step: 'update-record',
        suppliedBy: 'legal-reviewer',
      },
    );
  });

  it('sends the judicial warrant to the record’s correction and the rest of the request to a reviewer’s', () => {
    assert.deepEqual(
      missingFactField({
        path: 'request.judicialWarrant.issuer',
        question: '?',
        decidedBy: 'clerk',
      }),
      {
        fact: 'request.judicialWarrant.issuer',
        field: 'request.judicialWarrant.issuer',
        step: 'update-record',
        suppliedBy: 'clerk',
      },
    );
    assert.deepEqual(
      missingFactField({ path: 'request.requester', question: '?', decidedBy: 'clerk' }),
      {
        fact: 'request.requester',
        field: 'request.requester',
        step: 'correct-request',
        suppliedBy: 'legal-reviewer',
      },
    );
  });

  it('says when no field of the desk’s record supplies the fact', () => {
    for (const path of ['findings.california.federalFelonyWarrant', 'request.kind', 'decisionAt']) {
      assert.deepEqual(missingFactField({ path, question: '?', decidedBy: 'clerk' }), {
        fact: path,
        field: null,
        step: null,
        suppliedBy: 'clerk',
      });
    }
    // A prefix of a field's name is not that field.
    assert.equal(
      missingFactField({ path: 'recordedAt', question: '?', decidedBy: 'clerk' }).field,
      null,
    );
  });

  it('lists each missing fact of a decision once, from every outcome and hold limit', () => {
    const fact = (path: string) => ({ path, question: `${path}?`, decidedBy: 'clerk' as const });
    const decision = {
      outcomes: [
        {
          missing: [fact('record.searchCompleted')],
          hold: { missing: [fact('otherwiseReleaseAt')] },
        },
        { missing: [fact('record.searchCompleted'), fact('instantArrestDate')] },
      ],
      missing: [fact('record.searchCompleted'), fact('instantArrestDate')],
    } as unknown as Decision;
    assert.deepEqual(
      missingFactFields(decision).map((missing) => [missing.fact, missing.field]),
      [
        ['record.searchCompleted', 'history.searchCompleted'],
        ['otherwiseReleaseAt', 'custody.expectedReleaseAt'],
        ['instantArrestDate', 'custody.instantArrestDate'],
      ],
    );
  });

  it('names the engine’s complaints about a case by the same intake fields', () => {
    assert.deepEqual(
      intakeIssuesOf([
        { path: 'record.convictions[2].judgmentDate', message: 'bad' },
        { path: 'request.receivedAt', message: 'bad' },
      ]).map((issue) => issue.path),
      ['history.convictions[2].judgmentDate', 'request.receivedAt'],
    );
  });
});
