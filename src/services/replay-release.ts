/**
 * An imported ICE release's detainer rows as a replay's cases: the rows of one import in the ICE
 * database (docs/ice.md), optionally of a state, a facility and a period of prepare dates, read
 * for those who may replay and audited like the desk's cases; src/what-if/ice-release-cases.ts
 * makes each row a case. The rows are read when the job starts (one query, in file order) and
 * mapped slice by slice as the job runs, so a long release costs its job, not the request.
 * @module
 */
import { requirePermission, type Actor } from '../auth/roles.js';
import { isLocalDate } from '../engine/dates.js';
import { DeskError } from '../desk/errors.js';
import type { FieldIssue } from '../engine/errors.js';
import { normalFacilityName, normalFacilityNameSql } from '../ice/analysis/facility-names.js';
import { stateName, stateNameSql } from '../ice/analysis/us-states.js';
import type { IceDatabaseSource } from '../ice/ice-database.js';
import { isSyntheticRelease } from '../ice/synthetic-release.js';
import { appendAudit } from '../store/audit-writer.js';
import type {
  IceDetainerRow,
  ReleaseCasesSummary,
  ReleaseImport,
  ReleaseInput,
} from '../what-if/ice-release-cases.js';
import { scopeText } from '../what-if/ice-release-cases-text.js';
import type { ReplayResult } from '../what-if/replay.js';
import type { DeskContext } from './desk-context.js';

/**
 * The most rows a replay reads from a release: about a year of every detainer ICE lodges
 * nationwide. A larger release is replayed a state, a facility or a period at a time.
 */
export const MAX_RELEASE_ROWS = 250_000;

export interface ReleaseSource {
  readonly kind: 'release';
  /** The import's id (`ice imports`, `GET /api/ice/imports`). */
  readonly release: number;
  /** The facility's state, a name or a code (`NY`, `New York`). */
  readonly state?: string;
  /** Part of the facility's name, compared after normalising both (as the ICE analyses do). */
  readonly facility?: string;
  /** Prepared on or after, `YYYY-MM-DD`. */
  readonly from?: string;
  /** Prepared on or before, `YYYY-MM-DD`. */
  readonly to?: string;
  /** Replay rows flagged as likely duplicates too (left out by default). */
  readonly includeDuplicates?: boolean;
}

export type ReleaseReplayResult = ReplayResult & { readonly release: ReleaseInput };

/** What the replay says of its input: the import, the filter, and the mapping's counts. */
export function releaseInput(read: ReleaseRows, summary: ReleaseCasesSummary): ReleaseInput {
  return { import: read.import, filter: read.filter, ...summary };
}

export interface ReleaseRows {
  readonly import: ReleaseImport;
  readonly filter: ReleaseInput['filter'];
  readonly rows: readonly IceDetainerRow[];
}

/** A text column's value (every one here is VARCHAR); null when blank. */
const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The filter as the replay states it: the state's name and the facility's normalised words. */
function filterOf(source: ReleaseSource): ReleaseInput['filter'] {
  const state = stateName(source.state);
  const facility = normalFacilityName(source.facility);
  return {
    ...(state === undefined ? {} : { state }),
    ...(facility === undefined ? {} : { facility }),
    ...(source.from === undefined ? {} : { from: source.from }),
    ...(source.to === undefined ? {} : { to: source.to }),
    includeDuplicates: source.includeDuplicates === true,
  };
}

function check(source: ReleaseSource): void {
  const issues: FieldIssue[] = [];
  if (!Number.isSafeInteger(source.release) || source.release < 1) {
    issues.push({ path: 'source.release', message: 'must be an import id, a whole number ≥ 1' });
  }
  for (const field of ['from', 'to'] as const) {
    const value = source[field];
    if (value !== undefined && !isLocalDate(value)) {
      issues.push({ path: `source.${field}`, message: 'must be a date YYYY-MM-DD' });
    }
  }
  if (issues.length === 0 && source.from !== undefined && source.to !== undefined) {
    if (source.from > source.to)
      issues.push({ path: 'source.to', message: 'must not be before from' });
  }
  for (const [field, max] of [
    ['state', 60],
    ['facility', 200],
  ] as const) {
    const value = source[field];
    if (value === undefined) continue;
    if (value.length > max) {
      issues.push({
        path: `source.${field}`,
        message: `must be at most ${String(max)} characters`,
      });
    } else if ((field === 'state' ? stateName(value) : normalFacilityName(value)) === undefined) {
      issues.push({ path: `source.${field}`, message: 'must name something (letters or digits)' });
    }
  }
  if (issues.length > 0) throw DeskError.invalid(issues);
}

/**
 * The rows' conditions and parameters; every value reaches DuckDB bound. Likely duplicates are
 * read, then skipped and counted by the mapping, so the result says how many there were.
 */
function whereOf(source: ReleaseSource, filter: ReleaseInput['filter']) {
  const conditions = ['import_id = $release'];
  const params: Record<string, string | number> = { release: source.release };
  if (filter.from !== undefined) {
    conditions.push('prepared_date >= CAST($from AS DATE)');
    params.from = filter.from;
  }
  if (filter.to !== undefined) {
    conditions.push('prepared_date <= CAST($to AS DATE)');
    params.to = filter.to;
  }
  if (filter.state !== undefined) {
    conditions.push(`${stateNameSql('state')} = $state`);
    params.state = filter.state;
  }
  if (filter.facility !== undefined) {
    conditions.push(`contains(coalesce(${normalFacilityNameSql('facility')}, ''), $facility)`);
    params.facility = filter.facility;
  }
  return { where: conditions.join(' AND '), params };
}

/**
 * The release's rows in scope, in file order, after checking the source and the permission; the
 * read is audited (`what-if.read-release`). An unknown release, no rows in scope or more than
 * `maxRows` is `invalid-input` naming the field.
 */
export async function readReleaseRows(
  ctx: DeskContext,
  ice: IceDatabaseSource,
  actor: Actor,
  source: ReleaseSource,
  maxRows = MAX_RELEASE_ROWS,
): Promise<ReleaseRows> {
  requirePermission(actor, 'what-if.replay');
  check(source);
  const filter = filterOf(source);
  const { where, params } = whereOf(source, filter);
  const read = await ice.use(async ({ connection }) => {
    const imports = await connection.runAndReadAll(
      'SELECT import_id, file_name, format FROM ice_imports ORDER BY import_id',
    );
    const known = imports.getRowObjectsJS();
    const found = known.find((row) => Number(row.import_id) === source.release);
    if (!found) {
      const ids = known.map((row) => Number(row.import_id)).join(', ');
      throw DeskError.invalid([
        {
          path: 'source.release',
          message: `no ICE release was imported as ${String(source.release)}; ${ids === '' ? 'none is imported' : `imported: ${ids}`}`,
        },
      ]);
    }
    const counted = await connection.runAndReadAll(
      `SELECT count(*) AS rows FROM ice_detainers WHERE ${where}`,
      params,
    );
    const total = Number(counted.getRowObjectsJS()[0]?.rows ?? 0);
    if (total > maxRows) {
      throw DeskError.invalid([
        {
          path: 'source',
          message: `${total.toLocaleString('en-US')} rows are more than the ${maxRows.toLocaleString('en-US')} a replay takes: choose a state, a facility or a shorter period`,
        },
      ]);
    }
    // Streamed a chunk at a time, yielding between chunks, so neither DuckDB nor JavaScript holds
    // the rows twice and the server answers other requests while they are read. A release
    // repeats a few thousand sheets, dates, types, facilities and states: each text is kept once.
    const result = await connection.stream(
      `SELECT source_sheet, source_row, strftime(prepared_date, '%Y-%m-%d') AS prepared_date,
         detainer_type, facility, state, duplicate_likely
       FROM ice_detainers WHERE ${where} ORDER BY rowid`,
      params,
    );
    const texts = new Map<string, string>();
    const shared = (value: unknown): string | null => {
      const text = textOf(value);
      if (text === null) return null;
      const known = texts.get(text);
      if (known !== undefined) return known;
      texts.set(text, text);
      return text;
    };
    const rows: IceDetainerRow[] = [];
    for await (const chunk of result.yieldRowsJs()) {
      for (const cells of chunk) {
        rows.push({
          sheet: shared(cells[0]),
          row: Number(cells[1]),
          preparedDate: shared(cells[2]),
          detainerType: shared(cells[3]),
          facility: shared(cells[4]),
          state: shared(cells[5]),
          duplicateLikely: cells[6] === true,
        });
      }
    }
    const fileName = textOf(found.file_name) ?? '';
    return {
      import: {
        id: source.release,
        fileName,
        format: textOf(found.format) ?? '',
        synthetic: isSyntheticRelease(fileName),
      },
      filter,
      rows,
    };
  });
  if (read.rows.length === 0) {
    throw DeskError.invalid([
      {
        path: 'source',
        message: `release ${String(source.release)} has no rows ${scopeText(filter)}`,
      },
    ]);
  }
  await ctx.store.transaction((trx) =>
    appendAudit(ctx, trx, {
      at: ctx.now(),
      actor: actor.username,
      action: 'what-if.read-release',
      subject: `what-if/ice-release/${String(source.release)}`,
      payload: { rows: read.rows.length, filter },
    }),
  );
  return read;
}
