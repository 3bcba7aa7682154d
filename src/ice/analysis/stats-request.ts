/**
 * What may be asked of ICE's detainer data: the dimensions a count can be grouped by and the
 * filters, one schema for the CLI and the API. Dimension names are a closed list; every filter
 * value reaches the database as a bound parameter.
 * @module
 */
import { z } from 'zod';
import { localDateSchema } from '../../engine/case.js';
import { DeskError, parseInput } from '../../desk/errors.js';
import { AGENCY_ALIASES } from './agency-aliases.js';
import { OUTCOMES } from './outcomes.js';
import { TYPE_GROUPS } from './detainer-types.js';

export const DIMENSIONS = [
  'year',
  'federal-fy',
  'nyc-fy',
  'month',
  'state',
  'facility',
  'agency',
  'detainer-type',
  'type-group',
  'lift-reason',
  'outcome',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Agency ids the matcher can give, and `unmatched` for facilities it matched to none. */
export const AGENCY_FILTERS = [
  ...new Set(AGENCY_ALIASES.map((alias) => alias.agency)),
  'unmatched',
] as const;

export const statsFilterSchema = z.strictObject({
  state: z.string().min(1).max(60).optional().describe('State name or code, e.g. NEW YORK or NY.'),
  facility: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Part of the facility name (compared after normalising both).'),
  facilityName: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('The whole normalised facility name, as a `facility` row gives it.'),
  agency: z
    .enum(AGENCY_FILTERS)
    .optional()
    .describe('The desk jurisdiction a facility matched, or `unmatched`.'),
  from: localDateSchema.optional().describe('Prepared on or after this date.'),
  to: localDateSchema.optional().describe('Prepared on or before this date.'),
  type: z.enum(TYPE_GROUPS).optional().describe('Detainer type group.'),
  form: z.string().min(1).max(120).optional().describe('Detainer form, e.g. I-247A.'),
  outcome: z.enum(OUTCOMES).optional().describe('Outcome group of the lift reason.'),
  liftReason: z.string().min(1).max(200).optional().describe('Lift reason, as ICE writes it.'),
  import: z.coerce.number().int().min(1).optional().describe('Only rows from this import.'),
  includeDuplicates: z
    .boolean()
    .default(false)
    .describe('Count rows flagged as likely duplicates (left out by default).'),
});
export type StatsFilter = z.output<typeof statsFilterSchema>;
export type StatsFilterInput = z.input<typeof statsFilterSchema>;

/** Validates a filter; `from` after `to` is refused, naming `to`. */
export function parseStatsFilter(input: unknown): StatsFilter {
  const filter = parseInput(statsFilterSchema, input);
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    throw DeskError.invalid([{ path: 'to', message: `must not be before from (${filter.from})` }]);
  }
  return filter;
}

/** `year,outcome` or a list; names each unknown dimension and the allowed ones. */
export function parseDimensions(input: string | readonly string[]): Dimension[] {
  const names = (typeof input === 'string' ? input.split(',') : input)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !(DIMENSIONS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw DeskError.invalid([
      {
        path: 'by',
        message: `unknown dimension ${unknown.map((name) => `"${name}"`).join(', ')}; allowed: ${DIMENSIONS.join(', ')}`,
      },
    ]);
  }
  return [...new Set(names as Dimension[])];
}
