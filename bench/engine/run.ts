/**
 * Engine throughput and memory benchmark: Detainer Desk's `evaluate` (clauses always on, then
 * with the trace, then on the interpreter alone with the compiled path off) against GoRules Zen 0.52.1 and json-rules-engine 7.3.1 running the same LL58
 * hold rule, in one process over one seeded synthetic caseload. See README.md in this folder.
 *
 *   npm run bench:engine -- --cases 200000
 *
 * Options: --cases N (default 1,000,000, shrunk to fit a three-minute run if the engine is too
 * slow for that; an explicit --cases is always honoured), --zen-cases N (default 100,000),
 * --jre-cases N (default 50,000), --warmup N (default 20,000), --seed N, --budget SECONDS
 * (default 170).
 * @module
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { ZenEngine } from '@gorules/zen-engine';
import { createEngine } from '../../src/engine/evaluate.js';
import { evaluate, parseCase } from '../../src/index.js';
import { JURISDICTIONS } from '../../src/law/jurisdictions.js';
import type { Case, Decision } from '../../src/index.js';
import { generateCaseload, LL58_IN_FORCE } from './caseload.js';
import type { FlatFacts, HoldStatus, SyntheticCase } from './caseload.js';
import { createJsonRulesEngine, decideHold } from './json-rules-ll58.js';

// ---------------------------------------------------------------------------------------------
// Options

function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(args[at + 1]?.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`--${name} needs a whole number, got ${String(args[at + 1])}`);
  }
  return value;
}

const CASES_GIVEN = process.argv.includes('--cases');
const REQUESTED_CASES = Math.max(1, option('cases', 1_000_000));
const WARMUP = Math.min(REQUESTED_CASES, option('warmup', 20_000));
const SEED = option('seed', 582014);
const BUDGET_SECONDS = option('budget', 170);
const ZEN_BATCH = 1000;

const exposedGc = globalThis.gc;
if (!exposedGc) {
  console.error(
    'Warning: run with --expose-gc (npm run bench:engine does); without it heap figures are not taken after GC.',
  );
}
const gc = (): void => {
  exposedGc?.();
};

// ---------------------------------------------------------------------------------------------
// Outcome codes, so per-case results cost a byte each.

const NONE = 0;
const ALLOWED = 1;
const NOT_ALLOWED = 2;
const NEEDS_INFORMATION = 3;
const OTHER = 4;
const ERROR = 5;
const CODE_NAMES = ['none', 'allowed', 'not-allowed', 'needs-information', 'other', 'error'];

function code(status: string): number {
  switch (status) {
    case 'allowed':
      return ALLOWED;
    case 'not-allowed':
      return NOT_ALLOWED;
    case 'needs-information':
      return NEEDS_INFORMATION;
    default:
      return OTHER;
  }
}

function holdCode(decision: Decision): number {
  for (const outcome of decision.outcomes) {
    if (outcome.action === 'hold') return code(outcome.status);
  }
  return NONE;
}

// ---------------------------------------------------------------------------------------------
// Measurement

interface Measurement {
  name: string;
  cases: number;
  wallNs: number;
  cpuNs: number;
  heapBefore: number;
  heapAfter: number;
  peakHeap: number;
  maxRss: number;
  gcMs: number;
  gcCount: number;
  /** Interleaved rows: wall nanoseconds for each block, in order. */
  blockNs?: number[];
  note?: string;
}

const gcEntries: { start: number; duration: number }[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcEntries.push({ start: entry.startTime, duration: entry.duration });
  }
});
gcObserver.observe({ entryTypes: ['gc'] });

let peakHeap = 0;
function sampleHeap(): void {
  const used = process.memoryUsage().heapUsed;
  if (used > peakHeap) peakHeap = used;
}

/** Lets queued GC observer entries arrive (they are delivered on a timer, not the next tick). */
function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

async function measure(
  name: string,
  cases: number,
  run: () => void | Promise<void>,
  note?: string,
): Promise<Measurement> {
  gc();
  await tick();
  const heapBefore = process.memoryUsage().heapUsed;
  peakHeap = heapBefore;
  const windowStart = performance.now();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await run();
  const wallNs = Number(process.hrtime.bigint() - t0);
  const cpu = process.cpuUsage(cpu0);
  const windowEnd = performance.now();
  sampleHeap();
  await tick();
  let gcMs = 0;
  let gcCount = 0;
  for (const entry of gcEntries) {
    if (entry.start >= windowStart && entry.start <= windowEnd) {
      gcMs += entry.duration;
      gcCount++;
    }
  }
  const measured: Measurement = {
    name,
    cases,
    wallNs,
    cpuNs: (cpu.user + cpu.system) * 1000,
    heapBefore,
    heapAfter: 0,
    peakHeap,
    maxRss: process.resourceUsage().maxRSS * 1024,
    gcMs,
    gcCount,
    ...(note === undefined ? {} : { note }),
  };
  gc();
  measured.heapAfter = process.memoryUsage().heapUsed;
  return measured;
}

interface Runner {
  name: string;
  /** Decides the loaded block, whose first case is case number `from`. */
  run(block: readonly Case[], from: number): void;
}

/**
 * Times several synchronous runners over the same cases, alternating in blocks (A then B on
 * cases 0-24,999, B then A on 25,000-49,999, ...), so neither pays alone for running first on a
 * fresh heap or on cold caches. Each block is loaded (untimed, followed by a full GC) just before
 * its turn and dropped after it. Each runner gets its own time, CPU time, peak heap and GC pauses; heap before and
 * after are shared.
 */
async function measureInterleaved(
  runners: readonly Runner[],
  cases: number,
  load: (from: number, to: number) => Case[],
): Promise<Measurement[]> {
  gc();
  await tick();
  const heapBefore = process.memoryUsage().heapUsed;
  const state = runners.map(() => ({
    wallNs: 0,
    cpuNs: 0,
    peak: heapBefore,
    windows: [] as [number, number][],
    blockNs: [] as number[],
  }));
  for (let from = 0, turn = 0; from < cases; from += BLOCK, turn++) {
    const block = load(from, Math.min(cases, from + BLOCK));
    // Reading a block leaves garbage (the generator's objects, the JSON text) that is not the
    // engine's: collect it before the engine's turn.
    gc();
    // Alternate the order too, so neither always meets the block's cases first (cold caches).
    const order = turn % 2 === 0 ? runners.keys() : [...runners.keys()].reverse();
    for (const r of order) {
      const runner = runners[r]!;
      const own = state[r]!;
      peakHeap = own.peak;
      const windowStart = performance.now();
      const cpu0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      runner.run(block, from);
      const ns = Number(process.hrtime.bigint() - t0);
      own.wallNs += ns;
      own.blockNs.push(ns);
      const cpu = process.cpuUsage(cpu0);
      own.cpuNs += (cpu.user + cpu.system) * 1000;
      own.windows.push([windowStart, performance.now()]);
      sampleHeap();
      own.peak = peakHeap;
    }
  }
  await tick();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  return runners.map((runner, r) => {
    const own = state[r]!;
    let gcMs = 0;
    let gcCount = 0;
    for (const entry of gcEntries) {
      if (own.windows.some(([start, end]) => entry.start >= start && entry.start <= end)) {
        gcMs += entry.duration;
        gcCount++;
      }
    }
    return {
      name: runner.name,
      cases,
      wallNs: own.wallNs,
      cpuNs: own.cpuNs,
      heapBefore,
      heapAfter,
      peakHeap: own.peak,
      maxRss,
      gcMs,
      gcCount,
      blockNs: own.blockNs,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Formatting

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(0);
const fixed = (n: number, digits: number) => n.toFixed(digits);

/**
 * `a`'s time over `b`'s for each pair of consecutive blocks. The order of the rows flips from one
 * block to the next and the first after a block is read pays for its cold cases, so a pair, in
 * which each row went first once, is the fair unit; a lone block's ratio swings with the order.
 */
function pairRatios(a: readonly number[], b: readonly number[]): number[] {
  const result: number[] = [];
  for (let k = 0; k + 1 < a.length; k += 2) result.push((a[k]! + a[k + 1]!) / (b[k]! + b[k + 1]!));
  return result;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function table(headers: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (rightAligned[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

function say(text = ''): void {
  console.log(text);
}

// ---------------------------------------------------------------------------------------------
// Environment

const require = createRequire(import.meta.url);
const versionOf = (name: string): string =>
  (require(`${name}/package.json`) as { version: string }).version;
const cpus = os.cpus();

say('Detainer Desk engine benchmark (bench/engine)');
say(
  `node ${process.version} on ${os.platform()} ${os.arch()}; ${cpus[0]?.model ?? 'unknown CPU'}; ` +
    `${os.availableParallelism()} CPUs available to this process; ${mb(os.totalmem())} MB RAM`,
);
say(
  `@gorules/zen-engine ${versionOf('@gorules/zen-engine')}; json-rules-engine ${versionOf('json-rules-engine')}; ` +
    `seed ${SEED}; load average at start ${os
      .loadavg()
      .map((n) => fixed(n, 2))
      .join(' ')} (other work on the machine slows every engine)`,
);
say();

// ---------------------------------------------------------------------------------------------
// The caseload, streamed in blocks: generated, written as JSON and read back as cases arrive from
// a file or a request, validated with parseCase (timed on its own, not part of the engine rows),
// decided, then dropped. Only one block is resident at a time.

const BLOCK = 25_000;
const ERAS = [
  ['before 2012-03-21: federal baseline', '2012-03-21'],
  ['2012-03-21: LL62/2011', '2013-07-16'],
  ['2013-07-16: LL22/2013', LL58_IN_FORCE],
  [`${LL58_IN_FORCE}: LL58/2014 (and later definitions)`, '9999-12-31'],
] as const;
const LL58_ERA = ERAS.length - 1;
let generateMs = 0;
let parseMs = 0;
let parsedCases = 0;

/**
 * The next `count` cases of `source`, as validated cases. `seen` is told each synthetic case
 * with its number in the caseload.
 */
function readBlock(
  source: Iterator<SyntheticCase>,
  from: number,
  count: number,
  seen?: (index: number, synthetic: SyntheticCase) => void,
): Case[] {
  const start = performance.now();
  const inputs: unknown[] = [];
  for (let k = 0; k < count; k++) {
    const next = source.next();
    if (next.done === true) break;
    seen?.(from + k, next.value);
    inputs.push(next.value.input);
  }
  const read = JSON.parse(JSON.stringify(inputs)) as unknown[];
  const parseStart = performance.now();
  const cases = read.map((input) => parseCase(input));
  parseMs += performance.now() - parseStart;
  generateMs += parseStart - start;
  parsedCases += cases.length;
  return cases;
}

// ---------------------------------------------------------------------------------------------
// (a), (b) Detainer Desk: the loop, a warm-up that also calibrates the run's size.

let ddHold = new Uint8Array(0);
let ddTraceHold = new Uint8Array(0);
let ddInterpretedHold = new Uint8Array(0);

/** The same engine with the compiled path off: the reference it is compared with, same run. */
const interpreter = createEngine(JURISDICTIONS, { compiled: false });
let firstError: unknown;
let traceSteps = 0;

function runDetainerDesk(
  into: Uint8Array,
  trace: boolean,
  block: readonly Case[],
  from: number,
): void {
  const options = trace ? { trace: true } : undefined;
  for (let k = 0; k < block.length; k++) {
    if ((k & 0x3fff) === 0) sampleHeap();
    try {
      const decision = evaluate(block[k]!, options);
      into[from + k] = holdCode(decision);
      if (trace) traceSteps += decision.trace?.length ?? 0;
    } catch (error) {
      into[from + k] = ERROR;
      firstError ??= error;
    }
  }
}

/** `runDetainerDesk` without the trace on the interpreter alone; its own loop, its own call site. */
function runInterpreter(into: Uint8Array, block: readonly Case[], from: number): void {
  for (let k = 0; k < block.length; k++) {
    if ((k & 0x3fff) === 0) sampleHeap();
    try {
      into[from + k] = holdCode(interpreter.evaluate(block[k]!));
    } catch (error) {
      into[from + k] = ERROR;
      firstError ??= error;
    }
  }
}

let CASES = REQUESTED_CASES;
{
  const warm = readBlock(generateCaseload(WARMUP, SEED), 0, WARMUP);
  const perCaseReadMs = (generateMs + parseMs) / Math.max(1, warm.length);
  // Once to compile and fill the engine's caches, then again to time the steady state.
  const scratch = new Uint8Array(warm.length);
  runDetainerDesk(scratch, false, warm, 0);
  runDetainerDesk(scratch, true, warm, 0);
  runInterpreter(scratch, warm, 0);
  let t = performance.now();
  runDetainerDesk(scratch, false, warm, 0);
  const plainMs = (performance.now() - t) / Math.max(1, warm.length);
  t = performance.now();
  runDetainerDesk(scratch, true, warm, 0);
  const traceMs = (performance.now() - t) / Math.max(1, warm.length);
  traceSteps = 0;
  firstError = undefined;
  generateMs = 0;
  parseMs = 0;
  parsedCases = 0;

  // Fixed costs: start-up, Zen (about 150 µs a case over both variants) and json-rules-engine
  // (about 55 µs) on their samples.
  const fixedMs = 10_000 + 100_000 * 0.15 + 50_000 * 0.055;
  const perCaseMs = perCaseReadMs + plainMs + 2 * Math.max(plainMs, traceMs);
  const affordable = Math.floor((BUDGET_SECONDS * 1000 - fixedMs) / perCaseMs / 10_000) * 10_000;
  if (!CASES_GIVEN && affordable < REQUESTED_CASES) {
    CASES = Math.max(WARMUP, affordable);
    say(
      `Warm-up: Detainer Desk takes ${fixed(plainMs * 1000, 1)} µs a decision (${fixed(traceMs * 1000, 1)} µs with the trace) ` +
        `and a case takes ${fixed(perCaseReadMs * 1000, 1)} µs to generate, read and validate, so ${int(REQUESTED_CASES)} cases ` +
        `would take about ${int((REQUESTED_CASES * perCaseMs + fixedMs) / 1000)} s. Using the first ${int(CASES)} ` +
        `cases of the same seeded caseload to stay within ${BUDGET_SECONDS} s; pass --cases ${REQUESTED_CASES} to force.`,
    );
  }
}
const ZEN_CASES = Math.min(CASES, option('zen-cases', 100_000));
const JRE_CASES = Math.min(CASES, option('jre-cases', 50_000));
const expected = new Uint8Array(CASES);
const eraOf = new Uint8Array(CASES);
ddHold = new Uint8Array(CASES);
ddTraceHold = new Uint8Array(CASES);
ddInterpretedHold = new Uint8Array(CASES);

/** Every k-th case, so a sample has the caseload's mix of dates and facts. */
function sample(count: number): number[] {
  const stride = CASES / count;
  return Array.from({ length: count }, (_, k) => Math.floor(k * stride));
}
const zenSample = sample(ZEN_CASES);
const jreSample = sample(JRE_CASES);
/** The pre-computed facts the comparison engines get, kept for the sampled cases only. */
const sampled = new Set([...zenSample, ...jreSample]);
const facts = new Map<number, FlatFacts>();
const factsOf = (i: number): FlatFacts => facts.get(i)!;

say(
  `Timed: Detainer Desk on all ${int(CASES)} cases (after a ${int(WARMUP)}-case warm-up), read in blocks of ${int(BLOCK)}; ` +
    `Zen on ${int(ZEN_CASES)} and json-rules-engine on ${int(JRE_CASES)} of them, evenly spaced through the caseload.`,
);
say();

const caseload = generateCaseload(CASES, SEED);
const results: Measurement[] = [];
results.push(
  ...(await measureInterleaved(
    [
      {
        name: 'Detainer Desk evaluate (controlling clauses)',
        run: (block, from) => {
          runDetainerDesk(ddHold, false, block, from);
        },
      },
      {
        name: 'Detainer Desk evaluate + { trace: true }',
        run: (block, from) => {
          runDetainerDesk(ddTraceHold, true, block, from);
        },
      },
      {
        name: 'Detainer Desk evaluate, interpreter only',
        run: (block, from) => {
          runInterpreter(ddInterpretedHold, block, from);
        },
      },
    ],
    CASES,
    (from, to) =>
      readBlock(caseload, from, to - from, (i, synthetic) => {
        expected[i] = code(synthetic.expectedHold satisfies HoldStatus);
        const release = synthetic.input.otherwiseReleaseAt!.slice(0, 10);
        eraOf[i] = ERAS.findIndex(([, until]) => release < until);
        if (sampled.has(i)) facts.set(i, synthetic.facts);
      }),
  )),
);
say(
  `Read ${int(parsedCases)} synthetic nyc-doc cases: generated and written as JSON in ${fixed(generateMs / 1000, 1)} s, ` +
    `validated with parseCase in ${fixed(parseMs / 1000, 1)} s (${fixed((parseMs * 1000) / parsedCases, 1)} µs a case, ` +
    `${int(parsedCases / (parseMs / 1000))} cases/s). Reading and validating are NOT part of any figure below.`,
);
const ddErrorsPlain = ddHold.reduce((count, value) => (value === ERROR ? count + 1 : count), 0);

// ---------------------------------------------------------------------------------------------
// (c) Zen

const zen = new ZenEngine();
const zenDecision = zen.createDecision(readFileSync(new URL('./zen-ll58.json', import.meta.url)));
const zenHold = new Uint8Array(CASES);
const zenBatchHold = new Uint8Array(CASES);

interface ZenResult {
  result: { hold?: string } | null;
}
const zenCode = (response: ZenResult) => code(response.result?.hold ?? 'none');

for (let k = 0; k < Math.min(5000, ZEN_CASES); k++) {
  zenHold[zenSample[k]!] = zenCode(await zenDecision.evaluate(factsOf(zenSample[k]!)));
}
results.push(
  await measure(
    `Zen ${versionOf('@gorules/zen-engine')}, sequential await`,
    ZEN_CASES,
    async () => {
      for (let k = 0; k < ZEN_CASES; k++) {
        if ((k & 0x3fff) === 0) sampleHeap();
        const i = zenSample[k]!;
        zenHold[i] = zenCode(await zenDecision.evaluate(factsOf(i)));
      }
    },
  ),
);
results.push(
  await measure(
    `Zen ${versionOf('@gorules/zen-engine')}, Promise.all batches of ${ZEN_BATCH}`,
    ZEN_CASES,
    async () => {
      for (let start = 0; start < ZEN_CASES; start += ZEN_BATCH) {
        sampleHeap();
        const batch = zenSample.slice(start, start + ZEN_BATCH);
        const responses = await Promise.all(batch.map((i) => zenDecision.evaluate(factsOf(i))));
        for (let k = 0; k < batch.length; k++) {
          zenBatchHold[batch[k]!] = zenCode(responses[k] as ZenResult);
        }
      }
    },
  ),
);
zen.dispose();

// ---------------------------------------------------------------------------------------------
// (d) json-rules-engine

const jre = createJsonRulesEngine();
const jreHold = new Uint8Array(CASES);
for (let k = 0; k < Math.min(2000, JRE_CASES); k++) {
  jreHold[jreSample[k]!] = code(await decideHold(jre, factsOf(jreSample[k]!)));
}
results.push(
  await measure(
    `json-rules-engine ${versionOf('json-rules-engine')}, sequential await`,
    JRE_CASES,
    async () => {
      for (let k = 0; k < JRE_CASES; k++) {
        if ((k & 0x3fff) === 0) sampleHeap();
        const i = jreSample[k]!;
        jreHold[i] = code(await decideHold(jre, factsOf(i)));
      }
    },
  ),
);

// ---------------------------------------------------------------------------------------------
// Agreement

interface Agreement {
  compared: number;
  knownFacts: number;
  knownDisagree: number;
  withUnknowns: number;
  unknownDisagree: number;
}

function agree(label: string, indices: Iterable<number>, a: Uint8Array, b: Uint8Array): Agreement {
  const result: Agreement = {
    compared: 0,
    knownFacts: 0,
    knownDisagree: 0,
    withUnknowns: 0,
    unknownDisagree: 0,
  };
  let shown = 0;
  for (const i of indices) {
    if (eraOf[i] !== LL58_ERA) continue;
    result.compared++;
    const known = expected[i] !== NEEDS_INFORMATION;
    const same = a[i] === b[i];
    if (known) {
      result.knownFacts++;
      if (!same) {
        result.knownDisagree++;
        if (shown++ < 3) {
          say(
            `  ${label} disagree on case ${i}: ${CODE_NAMES[a[i]!]!} vs ${CODE_NAMES[b[i]!]!}; ` +
              `facts ${JSON.stringify(facts.get(i) ?? null)}`,
          );
        }
      }
    } else {
      result.withUnknowns++;
      if (!same) result.unknownDisagree++;
    }
  }
  return result;
}

const allIndices = {
  *[Symbol.iterator]() {
    for (let i = 0; i < CASES; i++) yield i;
  },
};
say();
const agreements: [string, Agreement][] = [
  [
    'Detainer Desk vs generator oracle (all cases)',
    agree('DD/oracle', allIndices, ddHold, expected),
  ],
  ['Detainer Desk vs Zen sequential', agree('DD/Zen', zenSample, ddHold, zenHold)],
  ['Detainer Desk vs Zen batched', agree('DD/Zen batch', zenSample, ddHold, zenBatchHold)],
  ['Detainer Desk vs json-rules-engine', agree('DD/JRE', jreSample, ddHold, jreHold)],
];
let traceMismatch = 0;
for (let i = 0; i < CASES; i++) if (ddHold[i] !== ddTraceHold[i]) traceMismatch++;
let interpreterMismatch = 0;
for (let i = 0; i < CASES; i++) if (ddHold[i] !== ddInterpretedHold[i]) interpreterMismatch++;

// ---------------------------------------------------------------------------------------------
// Report

say('Throughput and memory, one process, one run. A "decision" is one call: for Detainer Desk one');
say(
  'Decision (hold and notify, with controlling and considered clauses, duties and cautions); for',
);
say('Zen and json-rules-engine the LL58 hold/notify rule over three pre-computed flat facts.');
say();
const rows = results.map((m) => {
  const perSecond = m.cases / (m.wallNs / 1e9);
  return [
    m.name,
    int(m.cases),
    fixed(m.wallNs / 1e9, 2),
    int(perSecond),
    int(m.wallNs / m.cases),
    int(m.cpuNs / m.cases),
    fixed(m.cpuNs / m.wallNs, 2),
    `${mb(m.heapBefore)} → ${mb(m.heapAfter)}`,
    mb(m.peakHeap),
    mb(m.maxRss),
    `${int(m.gcMs)} (${int(m.gcCount)})`,
  ];
});
say(
  table(
    [
      'engine',
      'cases',
      'wall s',
      'decisions/s',
      'ns/decision',
      'CPU ns/dec',
      'cores',
      'heap MB before → after GC',
      'peak heap MB',
      'max RSS MB',
      'GC ms (n)',
    ],
    rows,
    [false, true, true, true, true, true, true, true, true, true, true],
  ),
);
say();
say(
  'cores = process CPU time / wall time (all threads: V8 GC helpers, Zen’s native worker threads). ' +
    `Heap "before" is taken before the first block is read; it includes the per-case result arrays. ` +
    `Peak heap includes the resident block of ${int(BLOCK)} validated cases. max RSS is the process high-water mark so far.`,
);
if (traceSteps > 0)
  say(`Trace: ${fixed(traceSteps / CASES, 1)} condition steps per decision on average.`);

const [dd, ddTrace, ddInterpreted, zenSeq, zenBatch, jreSeq] = results as [
  Measurement,
  Measurement,
  Measurement,
  Measurement,
  Measurement,
  Measurement,
];
const rate = (m: Measurement) => m.cases / (m.wallNs / 1e9);
const cpuRate = (m: Measurement) => m.cases / (m.cpuNs / 1e9);
const zenBest = rate(zenBatch) > rate(zenSeq) ? zenBatch : zenSeq;
const zenBestCpu = cpuRate(zenBatch) > cpuRate(zenSeq) ? zenBatch : zenSeq;
const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
say();
say('Against the targets (wall-clock decisions/s; CPU-time ratio in brackets):');
say(
  `- Detainer Desk with controlling clauses: ${int(rate(dd))} decisions/s vs ≥300,000 ` +
    `→ ${fixed(rate(dd) / 300_000, 2)}× target, ${verdict(rate(dd) >= 300_000)}`,
);
say(
  `- vs Zen (better variant: ${zenBest === zenBatch ? 'Promise.all batches' : 'sequential'}, ${int(rate(zenBest))}/s): ` +
    `${fixed(rate(dd) / rate(zenBest), 2)}× (target ≥5×, ${verdict(rate(dd) / rate(zenBest) >= 5)}) ` +
    `[per CPU-second: ${fixed(cpuRate(dd) / cpuRate(zenBestCpu), 2)}×]`,
);
say(
  `- vs json-rules-engine (${int(rate(jreSeq))}/s): ${fixed(rate(dd) / rate(jreSeq), 2)}× ` +
    `(target ≥50×, ${verdict(rate(dd) / rate(jreSeq) >= 50)}) [per CPU-second: ${fixed(cpuRate(dd) / cpuRate(jreSeq), 2)}×]`,
);
say(
  `- The trace: ${int(rate(ddTrace))} decisions/s with { trace: true }, ` +
    `${fixed(ddTrace.wallNs / dd.wallNs, 2)}× the time without it`,
);
say(
  `- The compiled path against the interpreter alone, same blocks, same run: ${fixed(ddInterpreted.wallNs / dd.wallNs, 2)}× ` +
    `the decisions per second (${int(rate(ddInterpreted))}/s on the interpreter), ${fixed(ddInterpreted.cpuNs / dd.cpuNs, 2)}× in CPU time; ` +
    `per pair of blocks (each first in one of them), the median of the ratios ` +
    `${fixed(median(pairRatios(ddInterpreted.blockNs!, dd.blockNs!)), 2)}× (${int(dd.blockNs!.length >> 1)} pairs)`,
);

say();
say(
  `Agreement on the hold outcome, cases whose hold is decided under LL58/2014 (otherwise-release on or after ${LL58_IN_FORCE}):`,
);
say(
  table(
    [
      'comparison',
      'LL58 cases',
      'decidable',
      'disagree (must be 0)',
      'needs a missing fact',
      'differ there',
    ],
    agreements.map(([label, a]) => [
      label,
      int(a.compared),
      int(a.knownFacts),
      int(a.knownDisagree),
      int(a.withUnknowns),
      int(a.unknownDisagree),
    ]),
    [false, true, true, true, true, true],
  ),
);
say(
  'Where a fact is unknown Detainer Desk answers needs-information and names the fact; Zen and ' +
    'json-rules-engine read the missing fact (null) as false and answer not-allowed. The oracle ' +
    'expects needs-information, so its row should show 0 there too.',
);
say(`Trace on vs off, same hold outcome: ${int(CASES - traceMismatch)} of ${int(CASES)}.`);
say(
  `Compiled path vs interpreter, same hold outcome: ${int(CASES - interpreterMismatch)} of ${int(CASES)} ` +
    '(every field of every decision: bench/engine/fingerprint.ts --caseload).',
);
say(
  `Load average at the end: ${os
    .loadavg()
    .map((n) => fixed(n, 2))
    .join(' ')}.`,
);

say();
say('Detainer Desk hold outcomes by the law in force on the otherwise-release date:');
const eraCounts = ERAS.map(() => new Array<number>(CODE_NAMES.length).fill(0));
for (let i = 0; i < CASES; i++) eraCounts[eraOf[i]!]![ddHold[i]!]!++;
say(
  table(
    ['law in force', 'cases', 'allowed', 'not-allowed', 'needs-information', 'other/none/error'],
    ERAS.map(([label], e) => {
      const counts = eraCounts[e]!;
      const total = counts.reduce((sum, n) => sum + n, 0);
      return [
        label,
        int(total),
        int(counts[ALLOWED]!),
        int(counts[NOT_ALLOWED]!),
        int(counts[NEEDS_INFORMATION]!),
        int(counts[OTHER]! + counts[NONE]! + counts[ERROR]!),
      ];
    }),
    [false, true, true, true, true, true],
  ),
);
if (ddErrorsPlain > 0) {
  say();
  say(`evaluate threw on ${int(ddErrorsPlain)} cases; the first error:`);
  say(String(firstError instanceof Error ? (firstError.stack ?? firstError.message) : firstError));
}

gcObserver.disconnect();
const failed =
  agreements.some(([, a]) => a.knownDisagree > 0) ||
  agreements[0]![1].unknownDisagree > 0 ||
  traceMismatch > 0 ||
  interpreterMismatch > 0 ||
  ddErrorsPlain > 0;
if (failed) {
  say();
  say('FAILED: the engines disagree where every fact is known, or Detainer Desk threw.');
  process.exitCode = 1;
}
