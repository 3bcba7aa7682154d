/**
 * Replays as the desk runs them: the desk's own cases of an agency received in a period, cases
 * given as a file, or an imported ICE release's detainer rows (replay-release.ts), decided again
 * under a law choice (src/what-if/). A replay runs as a job, in
 * slices between which it reports progress and can be cancelled, so a long one neither blocks the
 * server nor has to finish; its result stays with the job, for the person who started it only.
 *
 * Who may replay: those who may open the cases behind a report (reviewers, supervisors,
 * auditors), since the per-case diff shows each case's answers; reading the desk's cases for a
 * replay is audited like reading a report's cases, and so is reading a release's rows. The server runs at most MAX_RUNNING jobs at
 * once and one per person, keeps at most MAX_KEPT finished ones holding at most MAX_KEPT_CASES cases
 * between them (a result is held in memory), and a replay takes at most
 * MAX_DESK_CASES of the desk's cases, MAX_FILE_CASES from a file or MAX_RELEASE_ROWS of a release.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { requirePermission, type Actor } from '../auth/roles.js';
import { parseCase } from '../engine/case.js';
import { isLocalDate } from '../engine/dates.js';
import { engineCaseFor } from '../desk/engine-case.js';
import { DeskError } from '../desk/errors.js';
import type { Intake } from '../desk/intake.js';
import type { IceDatabaseSource } from '../ice/ice-database.js';
import { JURISDICTIONS } from '../law/jurisdictions.js';
import { periodBounds } from '../reports/report-periods.js';
import { appendAudit } from '../store/audit-writer.js';
import {
  amendedChoice,
  LawChoiceError,
  lawChoiceText,
  parseLawChoice,
  resolveLawChoice,
  type ResolvedLawChoice,
} from '../what-if/law-choice.js';
import { readAmendment, type Amendment } from '../what-if/amendment.js';
import {
  emptyPart,
  finishReplay,
  replayInto,
  type ReplayCase,
  type ReplayResult,
} from '../what-if/replay.js';
import {
  readReplayCases,
  ReplayInputError,
  type ReplayInputFormat,
} from '../what-if/replay-input.js';
import { ReleaseCases } from '../what-if/ice-release-cases.js';
import type { DeskContext } from './desk-context.js';
import { readOnlySnapshot } from './read-snapshot.js';
import { scopeText } from '../what-if/ice-release-cases-text.js';
import {
  readReleaseRows,
  releaseInput,
  type ReleaseReplayResult,
  type ReleaseSource,
} from './replay-release.js';

export const MAX_RUNNING = 2;
export const MAX_KEPT = 20;
export const MAX_KEPT_CASES = 400_000;
export const MAX_DESK_CASES = 100_000;
export const MAX_FILE_CASES = 20_000;
/** Cases decided between two looks at the clock and the cancel flag: about 10 ms of work. */
const SLICE = 500;

export type ReplaySource =
  | {
      readonly kind: 'desk';
      readonly jurisdiction: string;
      readonly from: string;
      readonly to: string;
    }
  | { readonly kind: 'file'; readonly text: string; readonly format?: ReplayInputFormat }
  | ReleaseSource;

export interface ReplayRequest {
  /** The law choice, as `parseLawChoice` reads it. */
  readonly under: string;
  /** An amendment to the version `under` pins (src/what-if/amendment.ts). */
  readonly amendment?: Amendment;
  readonly source: ReplaySource;
}

export type ReplayState = 'running' | 'done' | 'cancelled' | 'failed';

export interface ReplayJobView {
  readonly id: string;
  readonly state: ReplayState;
  readonly under: string;
  readonly source: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly progress: { readonly done: number; readonly total: number };
  readonly result?: ReplayResult | ReleaseReplayResult;
  readonly error?: string;
}

interface Job {
  id: string;
  owner: string;
  state: ReplayState;
  under: string;
  source: string;
  startedAt: string;
  finishedAt?: string;
  done: number;
  total: number;
  cancel: boolean;
  result?: ReplayResult | ReleaseReplayResult;
  error?: string;
}

/** The choice, amended if an amendment is given, or `invalid-input` naming the field. */
function choiceOf(text: string, amendment: Amendment | undefined): ResolvedLawChoice {
  try {
    const choice = parseLawChoice(text, JURISDICTIONS);
    return resolveLawChoice(
      amendment === undefined ? choice : amendedChoice(choice, readAmendment(amendment)),
      JURISDICTIONS,
    );
  } catch (error) {
    if (error instanceof LawChoiceError) {
      throw DeskError.invalid([{ path: error.field, message: error.problem }]);
    }
    throw error;
  }
}

function sourceLabel(source: ReplaySource): string {
  switch (source.kind) {
    case 'desk':
      return `${source.jurisdiction} cases received ${source.from} to ${source.to}`;
    case 'file':
      return 'cases from a file';
    case 'release':
      return `the rows of ICE release ${String(source.release)}`;
  }
}

/** A stored case as read, made the engine's case only when its slice is replayed. */
export interface DeskCaseRow {
  readonly id: string;
  readonly receivedAt: string;
  readonly intakeJson: string;
}

/** The case as the reports decide it: on the record as it now stands, when received. */
export function deskCaseOf(row: DeskCaseRow): ReplayCase {
  return {
    key: row.id,
    input: parseCase(engineCaseFor(JSON.parse(row.intakeJson) as Intake, row.id, row.receivedAt)),
  };
}

/** The desk's cases of the jurisdiction received in [from, to]; the read is audited. */
export async function readDeskCases(
  ctx: DeskContext,
  actor: Actor,
  source: Extract<ReplaySource, { kind: 'desk' }>,
): Promise<DeskCaseRow[]> {
  requirePermission(actor, 'what-if.replay');
  const jurisdiction = JURISDICTIONS.find((known) => known.id === source.jurisdiction);
  const issues = [];
  if (!jurisdiction) {
    issues.push({
      path: 'source.jurisdiction',
      message: `not a jurisdiction; known: ${JURISDICTIONS.map((known) => known.id).join(', ')}`,
    });
  }
  for (const field of ['from', 'to'] as const) {
    if (!isLocalDate(source[field])) {
      issues.push({ path: `source.${field}`, message: 'must be a date YYYY-MM-DD' });
    }
  }
  if (issues.length === 0 && source.from > source.to) {
    issues.push({ path: 'source.to', message: 'must not be before from' });
  }
  if (issues.length > 0 || !jurisdiction) throw DeskError.invalid(issues);
  const [start, end] = periodBounds(source, jurisdiction.timeZone);
  const rows = await readOnlySnapshot(ctx, (trx) =>
    trx
      .selectFrom('cases')
      .select(['id', 'receivedAt', 'intakeJson'])
      .where('jurisdiction', '=', source.jurisdiction)
      .where('receivedAt', '>=', new Date(start).toISOString())
      .where('receivedAt', '<', new Date(end).toISOString())
      .orderBy('id')
      .limit(MAX_DESK_CASES + 1)
      .execute(),
  );
  if (rows.length > MAX_DESK_CASES) {
    throw DeskError.invalid([
      {
        path: 'source',
        message: `more than ${MAX_DESK_CASES.toLocaleString('en-US')} cases: replay a shorter period`,
      },
    ]);
  }
  await ctx.store.transaction((trx) =>
    appendAudit(ctx, trx, {
      at: ctx.now(),
      actor: actor.username,
      action: 'what-if.read-cases',
      subject: `what-if/${source.jurisdiction}/${source.from}/${source.to}`,
      payload: { cases: rows.length },
    }),
  );
  return rows;
}

/** Cases from a file's text, or `invalid-input` naming each bad case's line and field. */
export function readFileCases(
  actor: Actor,
  source: Extract<ReplaySource, { kind: 'file' }>,
): ReplayCase[] {
  requirePermission(actor, 'what-if.replay');
  try {
    return readReplayCases(source.text, {
      ...(source.format === undefined ? {} : { format: source.format }),
      maxCases: MAX_FILE_CASES,
    });
  } catch (error) {
    if (error instanceof ReplayInputError) {
      throw DeskError.invalid(
        error.issues.map((issue) => ({
          path: `source.text ${issue.at}: ${issue.path}`,
          message: issue.message,
        })),
      );
    }
    throw error;
  }
}

/**
 * Replays in slices, yielding between them; stops when `onProgress` returns false. Each slice's
 * cases are made as it starts (`toCase`; undefined for an item that is no case, such as a
 * release's row that maps to no encoded law), so reading a stored case costs its slice, not the
 * request that started the job.
 */
export async function runReplay<T>(
  items: readonly T[],
  toCase: (item: T) => ReplayCase | undefined,
  under: ResolvedLawChoice,
  ctx: Pick<DeskContext, 'engine'>,
  onProgress: (done: number) => boolean,
): Promise<ReplayResult | undefined> {
  const part = emptyPart();
  for (let start = 0; start < items.length; start += SLICE) {
    const cases = [];
    for (const item of items.slice(start, start + SLICE)) {
      const given = toCase(item);
      if (given !== undefined) cases.push(given);
    }
    replayInto(part, cases, under, ctx.engine);
    if (!onProgress(Math.min(start + SLICE, items.length))) return undefined;
    await setImmediate();
  }
  return finishReplay(part, under);
}

/** The server's replay jobs, in memory: a restart forgets them, as a job's result is a view. */
export class ReplayJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly ctx: DeskContext,
    private readonly keep = { jobs: MAX_KEPT, cases: MAX_KEPT_CASES },
    /** ICE's releases, for a replay of a release's rows; without it, such a replay is refused. */
    private readonly ice?: IceDatabaseSource,
  ) {}

  /** Checks the request and the caps, reads the cases and starts the job; returns its view. */
  async start(actor: Actor, request: ReplayRequest): Promise<ReplayJobView> {
    requirePermission(actor, 'what-if.replay');
    const under = choiceOf(request.under, request.amendment);
    const running = [...this.jobs.values()].filter((job) => job.state === 'running');
    if (running.some((job) => job.owner === actor.id)) {
      throw new DeskError(
        'too-many-requests',
        'you have a replay running: wait for it or cancel it',
      );
    }
    if (running.length >= MAX_RUNNING) {
      throw new DeskError(
        'too-many-requests',
        `the server is running ${String(MAX_RUNNING)} replays, its most: try again when one ends`,
      );
    }
    // Counted as running while its cases are read, so two requests at once cannot both start.
    const job: Job = {
      id: randomUUID(),
      owner: actor.id,
      state: 'running',
      under: lawChoiceText(under.choice),
      source: sourceLabel(request.source),
      startedAt: this.ctx.now(),
      done: 0,
      total: 0,
      cancel: false,
    };
    this.jobs.set(job.id, job);
    try {
      if (request.source.kind === 'desk') {
        const rows = await readDeskCases(this.ctx, actor, request.source);
        job.total = rows.length;
        void this.run(job, rows, deskCaseOf, under);
      } else if (request.source.kind === 'file') {
        const cases = readFileCases(actor, request.source);
        job.total = cases.length;
        void this.run(job, cases, (given) => given, under);
      } else {
        if (!this.ice) {
          throw DeskError.invalid([
            {
              path: 'source.kind',
              message: 'this server has no ICE database to read a release from',
            },
          ]);
        }
        const read = await readReleaseRows(this.ctx, this.ice, actor, request.source);
        const cases = new ReleaseCases(JURISDICTIONS, {
          includeDuplicates: read.filter.includeDuplicates,
        });
        job.total = read.rows.length;
        job.source = `the rows of ICE release ${String(read.import.id)} (${read.import.fileName}) ${scopeText(read.filter)}`;
        void this.run(
          job,
          read.rows,
          (row) => cases.caseOf(row),
          under,
          (result) => ({
            ...result,
            release: releaseInput(read, cases.summary()),
          }),
        );
      }
    } catch (error) {
      this.jobs.delete(job.id);
      throw error;
    }
    this.forgetOld();
    return view(job);
  }

  private async run<T>(
    job: Job,
    items: readonly T[],
    toCase: (item: T) => ReplayCase | undefined,
    under: ResolvedLawChoice,
    finish: (result: ReplayResult) => ReplayResult | ReleaseReplayResult = (result) => result,
  ) {
    try {
      const result = await runReplay(items, toCase, under, this.ctx, (done) => {
        job.done = done;
        return !job.cancel;
      });
      if (result) {
        job.result = finish(result);
        job.state = 'done';
        job.finishedAt = this.ctx.now();
        this.forgetOld();
      }
    } catch (error) {
      job.state = 'failed';
      job.error = error instanceof Error ? error.message : String(error);
      job.finishedAt = this.ctx.now();
    }
  }

  /** The job, for the person who started it; anyone else is told there is none. */
  get(actor: Actor, id: string): ReplayJobView {
    return view(this.own(actor, id));
  }

  /** Stops a running job before its next slice; a finished one is left as it is. */
  cancel(actor: Actor, id: string): ReplayJobView {
    const job = this.own(actor, id);
    if (job.state === 'running') {
      job.cancel = true;
      job.state = 'cancelled';
      job.finishedAt = this.ctx.now();
    }
    return view(job);
  }

  private own(actor: Actor, id: string): Job {
    requirePermission(actor, 'what-if.replay');
    const job = this.jobs.get(id);
    if (!job || job.owner !== actor.id) throw DeskError.notFound('replay', id);
    return job;
  }

  /**
   * Keeps the newest finished jobs, at most `keep.jobs` of them and `keep.cases` cases between
   * them; running ones are always kept.
   */
  private forgetOld() {
    let kept = 0;
    let cases = 0;
    // A Map iterates in insertion order: newest last.
    for (const job of [...this.jobs.values()].reverse()) {
      if (job.state === 'running') continue;
      kept++;
      // A result holds its cases; a release's skipped rows are only counted in it.
      cases += job.result?.cases ?? job.total;
      if (kept > this.keep.jobs || cases > this.keep.cases) this.jobs.delete(job.id);
    }
  }
}

function view(job: Job): ReplayJobView {
  return {
    id: job.id,
    state: job.state,
    under: job.under,
    source: job.source,
    startedAt: job.startedAt,
    ...(job.finishedAt === undefined ? {} : { finishedAt: job.finishedAt }),
    progress: { done: job.done, total: job.total },
    ...(job.result === undefined ? {} : { result: job.result }),
    ...(job.error === undefined ? {} : { error: job.error }),
  };
}
