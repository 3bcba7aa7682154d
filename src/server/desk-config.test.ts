import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeskError } from '../desk/errors.js';
import { deskConfig } from './desk-config.js';

const dataDir = mkdtempSync(join(tmpdir(), 'desk-config-'));
after(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** The settings a bad environment is refused for, by name. */
function refused(env: Record<string, string>, options = {}): string[] {
  try {
    deskConfig({ dataDir, ...options }, env);
  } catch (error) {
    assert.ok(error instanceof DeskError, String(error));
    assert.equal(error.code, 'invalid-input');
    return error.issues.map((issue) => issue.path);
  }
  return [];
}

describe('configuration is checked at start, naming each bad setting', () => {
  it('defaults need nothing set, and an empty variable counts as unset', () => {
    const config = deskConfig({ dataDir }, { PORT: '', DESK_CHECKPOINT_MINUTES: '' });
    assert.equal(config.port, 8080);
    assert.equal(config.checkpointMinutes, 5);
    assert.equal(config.loginLimit, 30);
    assert.equal(config.secureCookies, true);
    assert.equal(config.logLevel, 'info');
  });

  it('a checkpoint interval past Node’s timer limit (35,792 minutes) is refused, not run every millisecond', () => {
    assert.deepEqual(refused({ DESK_CHECKPOINT_MINUTES: '35792' }), ['DESK_CHECKPOINT_MINUTES']);
    for (const bad of ['0', '-5', '1.5', '1441', 'five', '1e3']) {
      assert.deepEqual(refused({ DESK_CHECKPOINT_MINUTES: bad }), ['DESK_CHECKPOINT_MINUTES'], bad);
    }
    assert.equal(
      deskConfig({ dataDir }, { DESK_CHECKPOINT_MINUTES: '1440' }).checkpointMinutes,
      1440,
    );
  });

  it('every setting is range-checked, and all bad ones are named at once', () => {
    assert.deepEqual(
      refused({
        PORT: '70000',
        DESK_LOGIN_LIMIT: '0',
        DESK_INSECURE_COOKIES: 'true',
        DESK_LOG_LEVEL: 'loud',
        DESK_AUDIT_ORIGIN: 'two words',
        DESK_DATABASE: 'mysql://db/desk',
        HOST: 'a host',
      }).sort(),
      [
        'DESK_AUDIT_ORIGIN',
        'DESK_DATABASE',
        'DESK_INSECURE_COOKIES',
        'DESK_LOGIN_LIMIT',
        'DESK_LOG_LEVEL',
        'HOST',
        'PORT',
      ],
    );
    assert.deepEqual(refused({}, { port: 'eighty' }), ['--port']);
    assert.deepEqual(refused({ DESK_LOGIN_LIMIT: '30 ' }), []);
  });

  it('`serve` with a bad setting exits 2 with one message naming it', () => {
    const result = spawnSync(process.execPath, ['bin/detainer-desk.js', 'serve', '--port', '0'], {
      env: { ...process.env, DESK_DATA_DIR: dataDir, DESK_CHECKPOINT_MINUTES: '35792' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 2, result.stderr);
    assert.match(
      result.stderr,
      /DESK_CHECKPOINT_MINUTES must be a whole number from 1 to 1440, not "35792"/,
    );
    assert.doesNotMatch(result.stderr, /internal error|at .*\.ts/);
  });
});
