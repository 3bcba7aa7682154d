/**
 * A fingerprint of everything `evaluate` answers, to prove a speed change changed no decision:
 * the SHA-256 of the JSON of every decision (plain and traced), or of the error thrown, over
 * every legal test table and a seeded caseload varied across every jurisdiction, request kind,
 * action, information item, requester, time zone and unrecorded release time.
 *
 *   node --import tsx bench/engine/fingerprint.ts [cases per seed, default 5000]
 *
 * Run it before and after a change: the hashes must match. They change, rightly, when the law
 * or the answer's format changes.
 * @module
 */
import { createHash } from 'node:crypto';
import { INFORMATION_ITEMS, REQUESTERS, type CaseInput } from '../../src/engine/case.js';
import { CaseError } from '../../src/engine/errors.js';
import { evaluate, parseCase } from '../../src/index.js';
import { JURISDICTIONS } from '../../src/law/jurisdictions.js';
import { LAW_CASE_TABLES } from '../../src/law/law-case-tables.js';
import { generateCaseload, mulberry32 } from './caseload.js';

const perSeed = Number(process.argv[2] ?? 5_000);
const SEEDS = [58_2014, 2011];
const FORMS = ['I-247', 'I-247D', 'I-247A', 'I-247N', 'I-247G', 'I-247X', 'other'] as const;
const ACTION_SETS = [['hold'], ['notify'], ['transfer'], ['notify', 'hold', 'transfer']] as const;
const PURPOSES = [
  'civil-immigration-enforcement',
  'unrelated-to-civil-immigration-enforcement',
  'unknown',
] as const;

const plain = createHash('sha256');
const traced = createHash('sha256');
let decisions = 0;
let errors = 0;

function decide(input: unknown): void {
  for (const [hash, trace] of [
    [plain, false],
    [traced, true],
  ] as const) {
    try {
      hash.update(JSON.stringify(evaluate(parseCase(input), { trace })));
      decisions++;
    } catch (error) {
      if (!(error instanceof CaseError)) throw error;
      hash.update(JSON.stringify({ error: error.code, message: error.message, at: error.issues }));
      errors++;
    }
    hash.update('\n');
  }
}

for (const table of LAW_CASE_TABLES) for (const lawCase of table.cases) decide(lawCase.input);

/** The same facts under another law, request or clock, picked by a seeded draw. */
function variant(input: CaseInput, random: () => number): CaseInput {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const copy = structuredClone(input);
  copy.jurisdiction = pick(JURISDICTIONS).id;
  const request = copy.request;
  request.requester = pick(REQUESTERS);
  request.informationPurpose = pick(PURPOSES);
  if (random() < 0.3) request.informationRequiredByLaw = pick([true, false, 'unknown'] as const);
  const kind = random();
  if (kind < 0.25) {
    request.kind = 'information-request';
    delete request.form;
    request.information = [pick(INFORMATION_ITEMS), pick(INFORMATION_ITEMS)];
  } else if (kind < 0.5) {
    request.form = pick(FORMS);
    if (request.form === 'other' || random() < 0.3) request.actions = [...pick(ACTION_SETS)];
  }
  if (random() < 0.1) delete copy.otherwiseReleaseAt;
  if (random() < 0.1) copy.timeZone = pick(['America/Los_Angeles', 'America/Chicago', 'UTC']);
  if (random() < 0.2 && copy.record)
    copy.record.searchCompleted = pick([true, false, 'unknown'] as const);
  if (random() < 0.1) delete copy.instantArrestDate;
  return copy;
}

for (const seed of SEEDS) {
  const random = mulberry32(seed ^ 0x5eed);
  for (const synthetic of generateCaseload(perSeed, seed)) {
    decide(synthetic.input);
    decide(variant(synthetic.input, random));
  }
}

console.log(`${decisions} decisions, ${errors} errors`);
console.log(`plain  ${plain.digest('hex')}`);
console.log(`traced ${traced.digest('hex')}`);
