import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { docIntakeWithWarrant } from '../testing/intake-fixtures.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

describe('the desk’s administration commands (real CLI, SQLite)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/detainer-desk.js', ...args], {
        cwd: ROOT,
        env,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

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
