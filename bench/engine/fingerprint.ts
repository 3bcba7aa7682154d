/**
 * A fingerprint of everything `evaluate` answers, to prove a speed change changed no decision:
 * the SHA-256 of the JSON of every decision (plain and traced), or of the error thrown, over
 * every legal test table and a seeded caseload varied across every jurisdiction, request kind,
 * action, information item, requester, time zone and unrecorded release time.
 *
 *   node --import tsx bench/engine/fingerprint.ts [cases per seed, default 5000]
 *   node --import tsx bench/engine/fingerprint.ts --caseload 1000000
 *
 * Run it before and after a change: the hashes must match. They change, rightly, when the law
 * or the answer's format changes. Each case is also decided by the interpreter alone (the
 * compiled path off): its hash, `interpreted`, must equal `plain`.
 *
 * `--caseload N` decides the benchmark's own caseload (its first N cases, as `run.ts` reads
 * them) on the compiled path and on the interpreter, and checks every pair of decisions for deep
 * equality (`util.isDeepStrictEqual`: every field, including those JSON leaves out, every list
 * in order); it prints the two hashes and the number of pairs that differ, and exits 1 if any do.
 * @module
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { CaseError } from '../../src/engine/errors.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { evaluate, parseCase, type Case, type Decision } from '../../src/index.js';
import { JURISDICTIONS } from '../../src/law/jurisdictions.js';
import { LAW_CASE_TABLES } from '../../src/law/law-case-tables.js';
import { generateCaseload, mulberry32 } from './caseload.js';
import { varyCase } from './vary-case.js';

const interpreter = createEngine(JURISDICTIONS, { compiled: false });

/** The decision's JSON, or the error's, so a refused case has a fingerprint too. */
function answer(decide: () => Decision): string {
  try {
    return JSON.stringify(decide());
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    return JSON.stringify({ error: error.code, message: error.message, at: error.issues });
  }
}

function fingerprintTables(perSeed: number): void {
  const SEEDS = [58_2014, 2011];
  const plain = createHash('sha256');
  const traced = createHash('sha256');
  const interpreted = createHash('sha256');
  let decisions = 0;

  const decide = (input: unknown): void => {
    let parsed: Case;
    try {
      parsed = parseCase(input);
    } catch (error) {
      if (!(error instanceof CaseError)) throw error;
      const refused = answer(() => {
        throw error;
      });
      for (const hash of [plain, traced, interpreted]) hash.update(`${refused}\n`);
      return;
    }
    plain.update(`${answer(() => evaluate(parsed))}\n`);
    traced.update(`${answer(() => evaluate(parsed, { trace: true }))}\n`);
    interpreted.update(`${answer(() => interpreter.evaluate(parsed))}\n`);
    decisions++;
  };

  for (const table of LAW_CASE_TABLES) for (const lawCase of table.cases) decide(lawCase.input);
  for (const seed of SEEDS) {
    const random = mulberry32(seed ^ 0x5eed);
    for (const synthetic of generateCaseload(perSeed, seed)) {
      decide(synthetic.input);
      decide(varyCase(synthetic.input, random));
    }
  }
  console.log(`${decisions} cases, each decided plain, traced and by the interpreter alone`);
  console.log(`plain       ${plain.digest('hex')}`);
  console.log(`traced      ${traced.digest('hex')}`);
  console.log(`interpreted ${interpreted.digest('hex')}`);
}

function fingerprintCaseload(count: number): boolean {
  const compiledHash = createHash('sha256');
  const interpretedHash = createHash('sha256');
  let differ = 0;
  let firstDiffering: string | undefined;
  const BLOCK = 25_000;
  const source = generateCaseload(count)[Symbol.iterator]();
  for (let done = 0; done < count; done += BLOCK) {
    const inputs: unknown[] = [];
    for (let k = 0; k < BLOCK && done + k < count; k++) {
      const next = source.next();
      if (next.done === true) break;
      inputs.push(next.value.input);
    }
    // Read back from JSON, as the benchmark reads its cases.
    for (const input of JSON.parse(JSON.stringify(inputs)) as unknown[]) {
      const parsed = parseCase(input);
      const compiled = evaluate(parsed);
      const interpreted = interpreter.evaluate(parsed);
      compiledHash.update(`${JSON.stringify(compiled)}\n`);
      interpretedHash.update(`${JSON.stringify(interpreted)}\n`);
      if (!isDeepStrictEqual(compiled, interpreted)) {
        differ++;
        firstDiffering ??= parsed.caseId;
      }
    }
  }
  console.log(`${count} cases of the benchmark's caseload, compiled and interpreted`);
  console.log(`compiled    ${compiledHash.digest('hex')}`);
  console.log(`interpreted ${interpretedHash.digest('hex')}`);
  console.log(
    differ === 0
      ? 'every pair of decisions is deep-equal'
      : `${differ} pairs differ; the first is case ${firstDiffering}`,
  );
  return differ === 0;
}

const at = process.argv.indexOf('--caseload');
if (at === -1) {
  fingerprintTables(Number(process.argv[2] ?? 5_000));
} else if (!fingerprintCaseload(Number(process.argv[at + 1] ?? 1_000_000))) {
  process.exitCode = 1;
}
