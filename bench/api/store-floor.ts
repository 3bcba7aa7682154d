/**
 * The floor under the API benchmark's SQLite figure: how fast SQLite alone stores the rows that
 * intakes with decisions store, with nothing else running. It records `--intakes` real intakes
 * (the API benchmark's request, through the desk's own service, 16 in flight, timed: what an
 * intake costs without HTTP), then copies their rows into a fresh database of the same schema, in
 * group-committed batches like the desk's (one savepoint per intake, 16 intakes a commit, WAL,
 * `synchronous = NORMAL`): for each intake its case (as finally stored), decision, timeline event
 * and audit entries, and the move of the audit log's head.
 *
 *   node --import tsx bench/api/store-floor.ts [--intakes 10000] [--rounds 5]
 *   node --cpu-prof --import tsx bench/api/store-floor.ts --rounds 0   # profile the service alone
 *
 * It leaves out what the desk also does (HTTP, validation, the engine, JSON, hashing, the lookups
 * before the inserts, the case's update, the log flush), so no implementation of this schema can
 * store intakes faster on this machine than this.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { deskContext } from '../../src/services/desk-context.js';
import { recordIntake } from '../../src/services/case-service.js';
import { CONSOLE_ACTOR, createUser } from '../../src/services/user-service.js';
import { intakeSchema } from '../../src/desk/intake.js';
import { openStore } from '../../src/store/open-store.js';
import { docIntakeWithWarrant } from '../../src/testing/intake-fixtures.js';

const { values } = parseArgs({
  options: {
    intakes: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '5' },
  },
});
const intakes = Number(values.intakes);
const rounds = Number(values.rounds);
const BATCH = 16;

type Row = Record<string, unknown>;
interface Insert {
  table: string;
  row: Row;
}

/** Runs `work`; returns its wall and CPU (all threads) microseconds per one of `count` items. */
async function timed(count: number, work: () => Promise<void>) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const wall = Number(process.hrtime.bigint() - start) / 1000 / count;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / count };
}

/** Runs the intakes through the desk's service and returns, per intake, the rows it stored. */
async function recordIntakes(file: string): Promise<Insert[][]> {
  const store = await openStore(`sqlite:${file}`);
  const ctx = deskContext(store);
  const clerk = await createUser(ctx, CONSOLE_ACTOR, {
    username: 'bench',
    displayName: 'Benchmark',
    role: 'clerk',
  });
  let next = 0;
  const service = await timed(intakes, async () => {
    await Promise.all(
      Array.from({ length: BATCH }, async () => {
        while (next < intakes) {
          next += 1;
          const intake = intakeSchema.parse(docIntakeWithWarrant(`FLOOR-${String(next)}`));
          await recordIntake(ctx, clerk, intake, { decide: true });
        }
      }),
    );
  });
  await store.close();
  process.stdout.write(
    `the desk's service (validation, engine, store; no HTTP), ${String(BATCH)} in flight: ${service.wall.toFixed(0)} µs wall, ${service.cpu.toFixed(0)} µs CPU an intake\n`,
  );

  const database = new Database(file, { readonly: true });
  const rowsOf = (table: string) => database.prepare(`select * from ${table}`).all() as Row[];
  const byCase = new Map<string, Insert[]>();
  for (const row of rowsOf('cases')) byCase.set(row.id as string, [{ table: 'cases', row }]);
  for (const table of ['decisions', 'case_events']) {
    for (const row of rowsOf(table)) byCase.get(row.case_id as string)?.push({ table, row });
  }
  for (const row of rowsOf('audit_entries')) {
    byCase.get(String(row.subject).replace('case/', ''))?.push({ table: 'audit_entries', row });
  }
  database.close();
  return [...byCase.values()];
}

/** Copies the recorded rows into a fresh store; returns CPU and wall microseconds per intake. */
async function replay(file: string, recorded: Insert[][]) {
  await (await openStore(`sqlite:${file}`)).close();
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = OFF'); // the person stayed behind in the recording's database
  const inserts = new Map<string, Database.Statement>();
  const insert = ({ table, row }: Insert) => {
    const columns = Object.keys(row);
    let statement = inserts.get(table);
    if (statement === undefined) {
      statement = database.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      inserts.set(table, statement);
    }
    statement.run(Object.values(row));
  };
  const moveHead = database.prepare('update audit_head set size = ?, last_hash = ? where id = 1');
  const [begin, commit, savepoint, release] = ['begin', 'commit', 'savepoint w', 'release w'].map(
    (sql) => database.prepare(sql),
  ) as [Database.Statement, Database.Statement, Database.Statement, Database.Statement];

  const result = await timed(recorded.length, () => {
    for (let first = 0; first < recorded.length; first += BATCH) {
      begin.run();
      for (const rows of recorded.slice(first, first + BATCH)) {
        savepoint.run();
        for (const row of rows) insert(row);
        const last = rows.at(-1)?.row;
        moveHead.run(Number(last?.seq) + 1, last?.leaf_hash);
        release.run();
      }
      commit.run();
    }
    return Promise.resolve();
  });
  database.close();
  return result;
}

const dir = mkdtempSync(join(tmpdir(), 'desk-store-floor-'));
try {
  const recorded = await recordIntakes(join(dir, 'recorded.db'));
  const rows = recorded.reduce((sum, list) => sum + list.length, 0) / recorded.length;
  process.stdout.write(
    `${String(recorded.length)} intakes with decisions recorded, ${rows.toFixed(1)} rows each; replaying\n`,
  );
  const results = [];
  for (let round = 0; round < rounds; round++) {
    const result = await replay(join(dir, `replay-${String(round)}.db`), recorded);
    results.push(result);
    process.stdout.write(
      `round ${String(round)}: ${result.wall.toFixed(0)} µs wall, ${result.cpu.toFixed(0)} µs CPU an intake: at most ${(1e6 / result.wall).toFixed(0)} intakes/s\n`,
    );
  }
  if (results.length > 0) {
    const best = Math.min(...results.map((result) => result.wall));
    process.stdout.write(
      `\nbest round: SQLite alone stores at most ${(1e6 / best).toFixed(0)} intakes/s on one core; `,
    );
  }
  process.stdout.write(
    `load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
