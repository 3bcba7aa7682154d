import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { can, type Actor } from '../auth/roles.js';
import { stepsFrom } from '../desk/case-lifecycle.js';
import { DeskError } from '../desk/errors.js';
import { docIntakeWithWarrant, docIntakeWithoutWarrant } from '../testing/intake-fixtures.js';
import { TEST_STORES } from '../testing/test-stores.js';
import { intakeCase } from './case-service.js';
import { STEP_PERMISSIONS, stepsForActor } from './case-steps.js';
import { deskContext, type DeskContext } from './desk-context.js';
import { confirmDecision, proposeOverride } from './review-service.js';

const clerk: Actor = { id: 'u-clerk', username: 'clerk', role: 'clerk' };
const reviewer: Actor = { id: 'u-rev', username: 'reviewer', role: 'reviewer' };
const reviewer2: Actor = { id: 'u-rev2', username: 'reviewer2', role: 'reviewer' };
const auditor: Actor = { id: 'u-aud', username: 'auditor', role: 'auditor' };
const admin: Actor = { id: 'u-adm', username: 'admin', role: 'admin' };

for (const kind of TEST_STORES) {
  describe(`the steps a person may take on a case now (${kind.name})`, () => {
    let ctx: DeskContext;
    let dispose: () => Promise<void>;
    let decided: string;
    let pending: string;

    before(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      ctx = deskContext(opened.store);
      decided = (await intakeCase(ctx, clerk, docIntakeWithWarrant('ST-1'), { decide: true })).id;
      const other = await intakeCase(ctx, clerk, docIntakeWithWarrant('ST-2'), { decide: true });
      await proposeOverride(ctx, reviewer, other.id, other.version, {
        outcomes: [{ action: 'hold', status: 'not-allowed' }],
        reason: 'the warrant was not signed by a judge on its face',
      });
      pending = other.id;
    });
    after(() => dispose());

    it('offers only the steps of the status that the role may take', async () => {
      for (const actor of [clerk, reviewer, auditor]) {
        const { status, steps } = await stepsForActor(ctx, actor, decided);
        assert.equal(status, 'decided');
        assert.deepEqual(
          steps,
          stepsFrom('decided').filter((step) => can(actor, STEP_PERMISSIONS[step])),
          actor.role,
        );
      }
      assert.ok((await stepsForActor(ctx, reviewer, decided)).steps.includes('confirm'));
      assert.ok(!(await stepsForActor(ctx, clerk, decided)).steps.includes('confirm'));
      assert.deepEqual((await stepsForActor(ctx, auditor, decided)).steps, []);
    });

    it('never offers the proposer their own override to approve or reject', async () => {
      const proposer = await stepsForActor(ctx, reviewer, pending);
      assert.equal(proposer.status, 'override-pending');
      assert.ok(!proposer.steps.includes('approve-override'));
      assert.ok(!proposer.steps.includes('reject-override'));
      const second = await stepsForActor(ctx, reviewer2, pending);
      assert.ok(second.steps.includes('approve-override'));
      assert.ok(second.steps.includes('reject-override'));
    });

    it('leaves out the custody steps the reviewed decision forbids now', async () => {
      const withWarrant = await intakeCase(ctx, clerk, docIntakeWithWarrant('ST-3'), {
        decide: true,
      });
      await confirmDecision(ctx, reviewer, withWarrant.id, withWarrant.version, {});
      const allowed = (await stepsForActor(ctx, clerk, withWarrant.id)).steps;
      assert.ok(allowed.includes('notify-ice'), 'the decision allows telling ICE');
      assert.ok(allowed.includes('released'));
      // The fixture's lawful end of a hold (June 2016) has long passed.
      assert.ok(!allowed.includes('start-hold'));

      const noWarrant = await intakeCase(ctx, clerk, docIntakeWithoutWarrant('ST-4'), {
        decide: true,
      });
      await confirmDecision(ctx, reviewer, noWarrant.id, noWarrant.version, {});
      const refused = (await stepsForActor(ctx, clerk, noWarrant.id)).steps;
      assert.ok(!refused.includes('start-hold'), 'no hold without a judicial warrant');
      assert.ok(!refused.includes('notify-ice'));
      assert.ok(!refused.includes('transferred-to-ice'));
      assert.ok(refused.includes('released'));
    });

    it('refuses a role that may not read cases, and an unknown case', async () => {
      await assert.rejects(
        stepsForActor(ctx, admin, decided),
        (error) => error instanceof DeskError && error.code === 'forbidden',
      );
      await assert.rejects(
        stepsForActor(ctx, clerk, 'no-such-case'),
        (error) => error instanceof DeskError && error.code === 'not-found',
      );
    });
  });
}
