/**
 * Finding a case by the identifiers a clerk has in hand: the booking number, the NYSID, the
 * A-number (with or without its "A" and leading zero), or part of the person's name. The answer
 * names people, so it is a read of their records and audited like one: the entry lists the cases
 * shown, never the words searched for.
 * @module
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/roles.js';
import type { CaseStatus } from '../desk/case-lifecycle.js';
import { parseInput } from '../desk/errors.js';
import type { Intake } from '../desk/intake.js';
import { appendAudit } from '../store/audit-writer.js';
import type { Dialect } from '../store/dialect.js';
import type { CaseSummary } from './case-service.js';
import type { DeskContext } from './desk-context.js';

export const caseSearchSchema = z.strictObject({
  q: z
    .string()
    .trim()
    .min(2, 'give at least 2 characters')
    .max(200)
    .describe('A booking number, NYSID or A-number (whole), or part of the person’s name.'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A case as the queue lists it, with who it is about, so the clerk can tell the hits apart. */
export interface CaseSearchHit extends Omit<CaseSummary, 'expectedReleaseAt' | 'closedAs'> {
  name: string;
  bookingNumber: string;
  nysid: string | null;
  aNumber: string | null;
}

export interface CaseSearchResult {
  items: CaseSearchHit[];
  total: number;
  limit: number;
  offset: number;
}

/** The spellings of an A-number a record may hold: with or without "A", 8 or 9 digits. */
function aNumberForms(query: string): string[] {
  const match = /^A?(\d{8,9})$/i.exec(query);
  if (match === null) return [];
  const digits = match[1]!;
  const nine = digits.padStart(9, '0');
  return [...new Set([digits, nine, nine.replace(/^0/, '')])].flatMap((d) => [d, `A${d}`]);
}

/** The booking number inside the stored record (it has no column of its own). */
function bookingNumberOf(dialect: Dialect): Expression<string> {
  return dialect === 'postgres'
    ? sql<string>`(${sql.ref('cases.intakeJson')}::jsonb #>> '{custody,bookingNumber}')`
    : sql<string>`json_extract(${sql.ref('cases.intakeJson')}, '$.custody.bookingNumber')`;
}

/** `%`, `_` and `\` typed by the clerk are letters, not LIKE's wildcards. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchCases(
  ctx: DeskContext,
  actor: Actor,
  input: unknown,
): Promise<CaseSearchResult> {
  requirePermission(actor, 'case.read');
  const { q, limit, offset } = parseInput(caseSearchSchema, input);
  const code = q.toUpperCase();
  const aNumbers = aNumberForms(q);
  const namePart = `%${likeLiteral(q.toLowerCase())}%`;
  const matching = ctx.store.db
    .selectFrom('cases')
    .innerJoin('persons', 'persons.id', 'cases.personId')
    .where((eb) =>
      eb.or([
        eb(sql`upper(${bookingNumberOf(ctx.store.dialect)})`, '=', code),
        eb('persons.nysid', '=', code),
        ...(aNumbers.length > 0 ? [eb('persons.aNumber', 'in', aNumbers)] : []),
        sql<SqlBool>`lower(${sql.ref('persons.name')}) like ${namePart} escape '\\'`,
      ]),
    );
  const [rows, count] = await Promise.all([
    matching
      .select([
        'cases.id',
        'cases.version',
        'cases.status',
        'cases.jurisdiction',
        'cases.form',
        'cases.receivedAt',
        'cases.holdUntil',
        'cases.intakeJson',
        'persons.name',
        'persons.nysid',
        'persons.aNumber',
      ])
      .orderBy('cases.receivedAt', 'desc')
      .orderBy('cases.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    matching
      .select((eb) => eb.fn.countAll<string | number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  const items = rows.map(({ intakeJson, ...row }) => ({
    ...row,
    status: row.status as CaseStatus,
    bookingNumber: (JSON.parse(intakeJson) as Intake).custody.bookingNumber,
  }));
  const total = Number(count.total);
  await ctx.store.transaction((trx) =>
    appendAudit(ctx, trx, {
      at: ctx.now(),
      actor: actor.username,
      action: 'case.search',
      subject: 'cases',
      payload: { total, offset, shown: items.map((item) => item.id) },
    }),
  );
  return { items, total, limit, offset };
}
