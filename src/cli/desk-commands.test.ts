import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { docIntakeWithWarrant } from '../testing/intake-fixtures.js';
import { runCli } from '../testing/cli-run.js';

describe('the desk’s administration commands (real CLI, SQLite)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const cli = (...args: string[]) => runCli(env, args);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'desk-cli-'));
    env = { ...process.env, DESK_DATA_DIR: dir, DESK_DATABASE: `sqlite:${join(dir, 'desk.db')}` };
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the first admin, printing a generated password once', async () => {
    const created = await cli(
      'users',
      'create',
      'first-admin',
      '--role',
      'admin',
      '--name',
      'First Admin',
    );
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /created first-admin \(admin\)\npassword \(shown once\): \S{20,}/);
    const duplicate = await cli('users', 'create', 'first-admin', '--role', 'admin');
    assert.equal(duplicate.code, 2);
    assert.match(duplicate.stderr, /username: is taken/);
    const list = await cli('users', 'list');
    assert.match(list.stdout, /first-admin\tadmin\tactive\tFirst Admin/);
  });

  it('imports cases with a rejects report: exit 1 when any record is rejected', async () => {
    const file = join(dir, 'intakes.ndjson');
    const rejects = join(dir, 'rejects.ndjson');
    writeFileSync(
      file,
      [JSON.stringify(docIntakeWithWarrant('CLI-1')), '{"jurisdiction":"nyc-doc"}'].join('\n'),
    );
    const imported = await cli('cases', 'import', file, '--rejects', rejects);
    assert.equal(imported.code, 1);
    assert.match(imported.stdout, /read 2: 1 recorded, 0 already recorded, 1 rejected/);
    const reject = JSON.parse(readFileSync(rejects, 'utf8').trim()) as {
      line: number;
      errors: { path: string }[];
    };
    assert.equal(reject.line, 2);
    assert.ok(reject.errors.some((error) => error.path === 'person'));
    const exported = await cli('cases', 'export', '--format', 'csv');
    assert.equal(exported.stdout.trim().split('\n').length, 2);
  });

  it('audit: sign a checkpoint, verify against it, and fail naming the entry after tampering', async () => {
    const checkpoint = await cli('audit', 'checkpoint');
    assert.equal(checkpoint.code, 0, checkpoint.stderr);
    const trusted = join(dir, 'checkpoint.txt');
    writeFileSync(trusted, checkpoint.stdout);
    const verified = await cli('audit', 'verify', '--trusted', trusted);
    assert.equal(verified.code, 0, verified.stdout);
    assert.match(verified.stdout, /audit log verified: \d+ entries, 1 checkpoints/);

    const db = new Database(join(dir, 'desk.db'));
    db.exec('DROP TRIGGER audit_entries_no_update');
    db.prepare("UPDATE audit_entries SET action = 'case.nothing' WHERE seq = 1").run();
    db.close();
    const tampered = await cli('audit', 'verify', '--trusted', trusted);
    assert.equal(tampered.code, 1);
    assert.match(tampered.stdout, /entry 1: leaf-hash-mismatch/);
  });

  it('audit verify: a removed tail and a payload that is not JSON are named, one line each, exit 1', async () => {
    const db = new Database(join(dir, 'desk.db'));
    const { size } = db.prepare('SELECT size FROM audit_head').get() as { size: number };
    db.exec('DROP TRIGGER audit_entries_no_delete');
    db.prepare('DELETE FROM audit_entries WHERE seq >= ?').run(size - 2);
    db.prepare(`UPDATE audit_entries SET payload_json = '{"version":' WHERE seq = 2`).run();
    db.close();
    const verified = await cli('audit', 'verify');
    assert.equal(verified.code, 1, verified.stderr);
    assert.equal(verified.stderr, '');
    const lines = verified.stdout.trim().split('\n');
    assert.equal(lines[0], 'AUDIT LOG FAILED VERIFICATION:');
    assert.ok(
      lines.includes('  entry 2: bad-entry: bad-entry: entry 2: the stored payload is not JSON'),
    );
    assert.ok(lines.some((line) => line.startsWith(`  entry ${String(size - 2)}: head-mismatch:`)));
  });
});

describe('the desk’s commands refuse careless and hostile input in one line (real CLI)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const cli = (...args: string[]) => runCli(env, args);
  /** Exit `code` and one line on standard error matching `pattern`. */
  const refused = async (code: number, pattern: RegExp, ...args: string[]) => {
    const result = await cli(...args);
    assert.equal(result.code, code, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, /^detainer-desk: [^\n]+\n$/, `${args.join(' ')}: one line`);
    assert.match(result.stderr, pattern);
    return result;
  };
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'desk-cli-bad-'));
    env = { ...process.env, DESK_DATA_DIR: dir, DESK_DATABASE: `sqlite:${join(dir, 'desk.db')}` };
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('cases import: a missing, directory, empty, binary or broken file is named, and nothing is imported', async () => {
    await refused(
      2,
      /cannot read no-such\.json: no such file\n/,
      'cases',
      'import',
      'no-such.json',
    );
    await refused(2, /cannot read .*: it is a directory\n/, 'cases', 'import', dir);
    await refused(2, /empty\.ndjson is empty/, 'cases', 'import', file('empty.ndjson', ''));
    const binary = Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x0a, 0x1b, 0x5b, 0x32, 0x4a]);
    await refused(
      2,
      /binary\.json is not a text file/,
      'cases',
      'import',
      file('binary.json', binary),
    );
    const csv = file('broken.csv', 'jurisdiction,booking_number\n"nyc-doc,1\n');
    await refused(2, /broken\.csv is not valid CSV: .*line 2/, 'cases', 'import', csv);
    const exported = await cli('cases', 'export');
    assert.equal(exported.stdout, '');
  });

  it('cases import: no progress bar when standard error is not a terminal', async () => {
    const intakes = file('one.ndjson', `${JSON.stringify(docIntakeWithWarrant('CLI-BAD-1'))}\n`);
    const imported = await cli('cases', 'import', intakes);
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal(imported.stderr, '');
    assert.match(imported.stdout, /read 1: 1 recorded/);
  });

  it('audit prove: a sequence number that is negative, not a number or not whole is refused', async () => {
    for (const seq of ['-1', 'abc', '1.5', '1e3', '']) {
      await refused(
        2,
        new RegExp(`seq: "${seq}" is not a whole number ≥ 0\n`),
        'audit',
        'prove',
        seq,
      );
    }
  });

  it('files named by options, seeds and ports: each mistake names the option', async () => {
    await refused(
      2,
      /--trusted: cannot read .*nope\.txt: no such file\n/,
      'audit',
      'verify',
      '--trusted',
      'nope.txt',
    );
    await refused(
      2,
      /--password-file: cannot read nope: no such file\n/,
      'users',
      'create',
      'someone',
      '--role',
      'clerk',
      '--password-file',
      'nope',
    );
    await refused(2, /--seed: "abc" is not a whole number/, 'demo', '--seed', 'abc');
    await refused(2, /--seed: "-5" is not a whole number/, 'start', '--seed', '-5');
    await refused(
      2,
      /--role.*argument 'king' is invalid/,
      'users',
      'create',
      'x',
      '--role',
      'king',
    );
  });

  it('a busy port is one line naming it, for serve and start, exit 2', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = String((busy.address() as AddressInfo).port);
    try {
      for (const command of ['serve', 'start']) {
        await refused(
          2,
          new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use`),
          command,
          '--port',
          port,
        );
      }
    } finally {
      busy.close();
    }
  });

  it('a store or ICE database that cannot be opened is named, exit 2', async () => {
    await refused(
      2,
      /cannot open the store postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none: .*ECONNREFUSED/,
      'migrate',
      '--database',
      'postgres://nobody:secret@127.0.0.1:1/none',
    );
    const notDuckDb = file('not-duckdb.db', 'this is not a database\n');
    await refused(
      2,
      /cannot open the ICE database .*not-duckdb\.db/,
      'ice',
      'stats',
      '--ice-database',
      notDuckDb,
    );
  });
});
