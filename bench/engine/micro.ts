/**
 * A quick loop for profiling `evaluate` alone: the first N cases of the benchmark caseload (read
 * as JSON, validated once), decided ROUNDS times over, with nanoseconds per decision each round.
 *
 *   node --import tsx bench/engine/micro.ts 20000 10 [--trace]
 *   node --import tsx bench/engine/micro.ts 20000 20 --compare
 *
 * `--compare` decides the same cases on the compiled path and on the interpreter alone (the
 * compiled path off), alternating which goes first each round, and prints the median CPU time of
 * each and the median of the per-round ratios, for all the cases and split by era (otherwise-release
 * from LL58/2014's first day, against earlier).
 *
 * Not a benchmark figure (the cases stay warm in cache); see run.ts for those.
 * @module
 */
import { createEngine } from '../../src/engine/evaluate.js';
import { evaluate, parseCase } from '../../src/index.js';
import type { Case } from '../../src/index.js';
import { JURISDICTIONS } from '../../src/law/jurisdictions.js';
import { generateCaseload, LL58_IN_FORCE } from './caseload.js';

const count = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 10);
const options = process.argv.includes('--trace') ? { trace: true } : undefined;
const cases: Case[] = [];
for (const synthetic of generateCaseload(count)) {
  cases.push(parseCase(JSON.parse(JSON.stringify(synthetic.input))));
}
let outcomes = 0;

/** CPU nanoseconds per decision of one pass over `inputs`. */
function pass(decide: (input: Case) => number, inputs: readonly Case[]): number {
  const cpu = process.cpuUsage();
  for (const input of inputs) outcomes += decide(input);
  const used = process.cpuUsage(cpu);
  return ((used.user + used.system) * 1000) / inputs.length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function compare(label: string, inputs: readonly Case[]): void {
  const interpreter = createEngine(JURISDICTIONS, { compiled: false });
  const compiled = (input: Case) => evaluate(input).outcomes.length;
  const interpreted = (input: Case) => interpreter.evaluate(input).outcomes.length;
  for (let round = 0; round < 3; round++) {
    pass(compiled, inputs);
    pass(interpreted, inputs);
  }
  const onCompiled: number[] = [];
  const onInterpreter: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      onCompiled.push(pass(compiled, inputs));
      onInterpreter.push(pass(interpreted, inputs));
    } else {
      onInterpreter.push(pass(interpreted, inputs));
      onCompiled.push(pass(compiled, inputs));
    }
  }
  const ratio = median(onInterpreter.map((ns, round) => ns / onCompiled[round]!));
  console.log(
    `${label} (${inputs.length} cases, ${rounds} rounds): compiled ${median(onCompiled).toFixed(0)} ns, ` +
      `interpreter ${median(onInterpreter).toFixed(0)} ns CPU a decision (medians); ` +
      `the interpreter takes ${ratio.toFixed(2)}× the compiled path's time (median of the rounds)`,
  );
}

if (process.argv.includes('--compare')) {
  const underLl58 = (input: Case) => (input.otherwiseReleaseAt ?? '') >= LL58_IN_FORCE;
  compare('all', cases);
  compare('LL58/2014', cases.filter(underLl58));
  compare(
    'older law',
    cases.filter((input) => !underLl58(input)),
  );
} else {
  for (let round = 0; round < rounds; round++) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (const input of cases) outcomes += evaluate(input, options).outcomes.length;
    const ns = Number(process.hrtime.bigint() - start) / count;
    const used = process.cpuUsage(cpu);
    const cpuNs = ((used.user + used.system) * 1000) / count;
    console.log(
      `round ${round}: ${ns.toFixed(0)} ns a decision (${(1e9 / ns).toFixed(0)}/s), CPU ${cpuNs.toFixed(0)} ns`,
    );
  }
}
console.log(`${outcomes} outcomes`);
