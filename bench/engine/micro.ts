/**
 * A quick loop for profiling `evaluate` alone: the first N cases of the benchmark caseload (read
 * as JSON, validated once), decided ROUNDS times over, with nanoseconds per decision each round.
 *
 *   node --import tsx bench/engine/micro.ts 20000 10 [--trace]
 *
 * Not a benchmark figure (the cases stay warm in cache); see run.ts for those.
 * @module
 */
import { evaluate, parseCase } from '../../src/index.js';
import type { Case } from '../../src/index.js';
import { generateCaseload } from './caseload.js';

const count = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 10);
const options = process.argv.includes('--trace') ? { trace: true } : undefined;
const cases: Case[] = [];
for (const synthetic of generateCaseload(count)) {
  cases.push(parseCase(JSON.parse(JSON.stringify(synthetic.input))));
}
let outcomes = 0;
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
console.log(`${outcomes} outcomes`);
