/**
 * How long "what would change it" takes per case: `whatWouldChange` (sets of up to two changes,
 * each verified by deciding again) over the engine benchmark's seeded synthetic caseload, timed
 * case by case after a warm-up; prints the median, p99 and worst, and how many decisions each
 * case cost. The target is 50 ms per case (issue 13).
 *
 *   node --import tsx bench/what-if/what-would-change.ts --cases 2000
 *
 * Options: --cases N (default 2,000), --warmup N (default 200), --seed N, --max-facts N (1-3).
 * @module
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { engine, parseCase } from '../../src/index.js';
import type { Engine } from '../../src/engine/evaluate.js';
import { whatWouldChange } from '../../src/what-if/what-would-change.js';
import { generateCaseload } from '../engine/caseload.js';

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

const cases = Math.max(1, option('cases', 2_000));
const warmup = option('warmup', 200);
const seed = option('seed', 13);
const maxFacts = option('max-facts', 2);

/** The engine, counting its decisions. */
let decisions = 0;
const counting: Engine = {
  jurisdictions: engine.jurisdictions,
  evaluate(input, options) {
    decisions++;
    return engine.evaluate(input, options);
  },
};

const inputs = [...generateCaseload(warmup + cases, seed)].map((entry) => parseCase(entry.input));
for (const input of inputs.slice(0, warmup)) whatWouldChange(counting, input, { maxFacts });

const times: number[] = [];
const counts: number[] = [];
let sets = 0;
let nothing = 0;
for (const input of inputs.slice(warmup)) {
  decisions = 0;
  const start = performance.now();
  const result = whatWouldChange(counting, input, { maxFacts });
  times.push(performance.now() - start);
  counts.push(decisions);
  for (const outcome of result.outcomes) {
    sets += outcome.changeSets.length;
    if (outcome.nothing) nothing++;
  }
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const at = (values: number[], share: number) =>
  values[Math.min(values.length - 1, Math.floor(share * values.length))]!;
const ms = sorted(times);
const perCase = sorted(counts);
const load = os.loadavg()[0]!.toFixed(2);
console.log(
  `what would change it: ${cases} synthetic cases (seed ${seed}), sets of up to ${maxFacts}`,
);
console.log(
  `  ${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, load average ${load}, Node ${process.version}`,
);
console.log(
  `  per case: median ${at(ms, 0.5).toFixed(2)} ms, p99 ${at(ms, 0.99).toFixed(2)} ms, worst ${ms.at(-1)!.toFixed(2)} ms (target 50 ms)`,
);
console.log(
  `  decisions per case: median ${at(perCase, 0.5)}, p99 ${at(perCase, 0.99)}, worst ${perCase.at(-1)}`,
);
console.log(`  ${sets} change sets found; ${nothing} actions with nothing within these facts`);
