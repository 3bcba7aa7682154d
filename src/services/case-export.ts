/**
 * Bulk export of case files for supervisors and auditors. An export is a read of every person in
 * it, so it is audited once with the filter used and the id of every case it holds.
 * @module
 */
import { requirePermission, type Actor } from '../auth/roles.js';
import { parseInput } from '../desk/errors.js';
import { appendAudit } from '../store/audit-writer.js';
import { caseFilterSchema, filteredCases, loadCaseView, type CaseView } from './case-service.js';
import type { DeskContext } from './desk-context.js';

export async function* exportCases(
  ctx: DeskContext,
  actor: Actor,
  filterInput: unknown,
): AsyncGenerator<CaseView> {
  requirePermission(actor, 'case.export');
  const filter = parseInput(caseFilterSchema.omit({ limit: true, offset: true }), filterInput);
  const ids = await filteredCases(ctx, filter)
    .select('id')
    .orderBy('receivedAt')
    .orderBy('id')
    .execute();
  await ctx.store.transaction((trx) =>
    appendAudit(ctx, trx, {
      at: ctx.now(),
      actor: actor.username,
      action: 'case.export',
      subject: 'cases',
      payload: { count: ids.length, caseIds: ids.map(({ id }) => id), filter },
    }),
  );
  for (const { id } of ids) yield await loadCaseView(ctx, id);
}
