/**
 * Replay benchmark (issue 13): a seeded synthetic caseload (bench/engine/caseload.ts, NYC DOC
 * detainers of 2012-2026) decided under the law in force and under a law choice, split over
 * worker threads, each replaying its share into a part the main thread merges and finishes.
 *
 *   node --import tsx bench/what-if/replay.ts                         # 1,000,000 cases, 2 workers
 *   node --import tsx bench/what-if/replay.ts --cases 200000 --workers 1 --under texas
 *
 * Options: --cases N (default 1,000,000), --workers N (default 2), --under LAW (default
 * nyc-doc@LL22/2013), --seed N (default 582014).
 *
 * Setup (each worker makes the whole caseload from the seed, keeps every W-th case and validates
 * it with parseCase) is timed apart from the replay: the replay's wall time runs from the moment
 * every worker holds its cases to the finished, sorted result, through the parts' transfer and
 * merge. A worker sends its part in batches of PART_CASES cases, so the main thread receives (and
 * copies) one batch while the workers decide the next, instead of all of them at the end. It prints the result's SHA-256 (the same for any number of workers), the load average,
 * and memory: each worker's heap and the process's peak RSS (threads share one process).
 * @module
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { engine, parseCase } from '../../src/index.js';
import { JURISDICTIONS } from '../../src/law/jurisdictions.js';
import { parseLawChoice, resolveLawChoice } from '../../src/what-if/law-choice.js';
import {
  emptyPart,
  finishReplay,
  mergeParts,
  replayInto,
  type ReplayCase,
  type ReplayPart,
} from '../../src/what-if/replay.js';
import { replayJsonChunks } from '../../src/what-if/replay-output.js';
import { generateCaseload } from '../engine/caseload.js';

interface Options {
  cases: number;
  workers: number;
  under: string;
  seed: number;
}

interface WorkerJob extends Options {
  index: number;
}

type FromWorker =
  | { kind: 'ready'; setupMs: number; cases: number }
  | { kind: 'part'; part: ReplayPart; last: boolean; replayMs: number; heapUsedMb: number };

/** Cases a worker replays into each part it sends. */
const PART_CASES = 25_000;

function optionsOf(args: readonly string[]): Options {
  const value = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at === -1 ? undefined : args[at + 1];
  };
  const whole = (name: string, fallback: number) => {
    const text = value(name);
    if (text === undefined) return fallback;
    const n = Number(text.replace(/_/g, ''));
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} needs a whole number ≥ 1`);
    return n;
  };
  return {
    cases: whole('cases', 1_000_000),
    workers: whole('workers', 2),
    under: value('under') ?? 'nyc-doc@LL22/2013',
    seed: whole('seed', 582014),
  };
}

const resolve = (under: string) =>
  resolveLawChoice(parseLawChoice(under, JURISDICTIONS), JURISDICTIONS);

/** A worker: its share of the caseload, then one part when told to go. */
function runWorker(job: WorkerJob, port: NonNullable<typeof parentPort>): void {
  const started = performance.now();
  const cases: ReplayCase[] = [];
  let index = 0;
  for (const { input } of generateCaseload(job.cases, job.seed)) {
    if (index % job.workers === job.index) {
      const key = `synthetic-${String(index).padStart(7, '0')}`;
      cases.push({ key, input: parseCase({ ...input, caseId: key }) });
    }
    index++;
  }
  const under = resolve(job.under);
  port.postMessage({
    kind: 'ready',
    setupMs: performance.now() - started,
    cases: cases.length,
  } satisfies FromWorker);
  port.once('message', () => {
    const go = performance.now();
    for (let start = 0; start < cases.length || start === 0; start += PART_CASES) {
      const part = emptyPart();
      replayInto(part, cases.slice(start, start + PART_CASES), under, engine);
      port.postMessage({
        kind: 'part',
        part,
        last: start + PART_CASES >= cases.length,
        replayMs: performance.now() - go,
        heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
      } satisfies FromWorker);
    }
  });
}

/** A worker's parts, in the order it sent them, up to its last. */
async function allParts(next: () => Promise<FromWorker>) {
  const parts: Extract<FromWorker, { kind: 'part' }>[] = [];
  for (;;) {
    const message = await next();
    if (message.kind !== 'part') throw new Error('a worker sent something other than a part');
    parts.push(message);
    if (message.last) return parts;
  }
}

const fixed = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(options: Options): Promise<void> {
  const under = resolve(options.under);
  const load = os.loadavg().map((value) => value.toFixed(2));
  console.log(
    `Replay of ${fixed(options.cases)} synthetic cases under ${under.label}; ${String(options.workers)} worker(s) on ${String(os.availableParallelism())} cores, load average ${load.join(' ')}`,
  );
  const setupStart = performance.now();
  const workers = Array.from(
    { length: options.workers },
    (_, index) =>
      // Node 20 does not load TypeScript in a worker's entry file with --import tsx: the worker
      // registers tsx, then imports this file.
      new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`,
        { eval: true, workerData: { ...options, index } satisfies WorkerJob },
      ),
  );
  const messages = workers.map((worker) => {
    const queue: FromWorker[] = [];
    const waiting: ((message: FromWorker) => void)[] = [];
    worker.on('message', (message: FromWorker) => {
      const next = waiting.shift();
      if (next) next(message);
      else queue.push(message);
    });
    worker.on('error', (error) => {
      console.error(error);
      process.exit(1);
    });
    worker.on('exit', (code) => {
      if (code !== 0) {
        console.error(`a worker stopped with exit code ${String(code)}`);
        process.exit(1);
      }
    });
    return () =>
      new Promise<FromWorker>((done) => {
        const queued = queue.shift();
        if (queued) done(queued);
        else waiting.push(done);
      });
  });
  const ready = await Promise.all(messages.map((next) => next()));
  const setupMs = performance.now() - setupStart;
  console.log(
    `setup: ${fixed(setupMs / 1000, 1)} s (each worker makes the caseload and validates its share: ${ready
      .map((message) => (message.kind === 'ready' ? `${fixed(message.cases)} cases` : '?'))
      .join(', ')})`,
  );

  const go = performance.now();
  for (const worker of workers) worker.postMessage('go');
  const parts = await Promise.all(messages.map((next) => allParts(next)));
  const received = performance.now();
  const result = finishReplay(mergeParts(parts.flat().map((message) => message.part)), under);
  const finished = performance.now();
  const wallMs = finished - go;
  // In pieces: a million cases' result is longer than one string may be.
  const hash = createHash('sha256');
  let bytes = 0;
  for (const chunk of replayJsonChunks(result)) {
    hash.update(chunk);
    bytes += Buffer.byteLength(chunk);
  }
  for (const worker of workers) await worker.terminate();

  for (const [index, message] of parts.map((sent) => sent.at(-1)!).entries()) {
    console.log(
      `worker ${String(index)}: replayed in ${fixed(message.replayMs / 1000, 2)} s, heap ${fixed(message.heapUsedMb)} MB`,
    );
  }
  const decisions = result.cases * 2;
  console.log(
    `replay: ${fixed(wallMs / 1000, 2)} s wall (${fixed(decisions)} decisions, ${fixed(decisions / (wallMs / 1000))}/s; parts received after ${fixed((received - go) / 1000, 2)} s, merged and sorted in ${fixed((finished - received) / 1000, 2)} s)`,
  );
  console.log(
    `result: ${fixed(result.cases)} cases, ${fixed(result.changedCases)} changed, ${fixed(result.unknown.either)} answers needing information before or after; JSON ${fixed(bytes / 2 ** 20)} MB, SHA-256 ${hash.digest('hex')}`,
  );
  console.log(
    `memory: peak RSS ${fixed(process.resourceUsage().maxRSS / 1024)} MB (the process, all threads); main heap ${fixed(process.memoryUsage().heapUsed / 2 ** 20)} MB`,
  );
}

if (isMainThread) {
  await main(optionsOf(process.argv.slice(2)));
} else {
  runWorker(workerData as WorkerJob, parentPort!);
}
