import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DeskError } from '../desk/errors.js';
import { CaseError } from '../engine/errors.js';
import { UsageError } from './cli-errors.js';
import { reportError } from './report-error.js';

/** The exit code and what reportError wrote to standard error. */
function report(error: unknown): { code: number; stderr: string } {
  const chunks: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = (chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  };
  try {
    return { code: reportError(error), stderr: chunks.join('') };
  } finally {
    process.stderr.write = write;
  }
}

describe('reportError', () => {
  it('a mistake in the input: one line, exit 2', () => {
    assert.deepEqual(report(new UsageError('cannot read x.json: no such file')), {
      code: 2,
      stderr: 'detainer-desk: cannot read x.json: no such file\n',
    });
    const invalid = DeskError.invalid([{ path: 'receivedFrom', message: 'must be a date-time' }]);
    assert.deepEqual(report(invalid), {
      code: 2,
      stderr: 'detainer-desk: invalid input: receivedFrom: must be a date-time\n',
    });
    const taken = new DeskError('conflict', 'the username x is taken', [
      { path: 'username', message: 'is taken' },
    ]);
    assert.equal(
      report(taken).stderr,
      'detainer-desk: the username x is taken (username: is taken)\n',
    );
    const rejected = CaseError.at('invalid-case', 'decisionAt', 'must be an instant');
    assert.equal(
      report(rejected).stderr,
      'detainer-desk: the case was rejected (invalid-case): decisionAt: must be an instant\n',
    );
  });

  it('a busy resource is exit 1, neither bad input nor a bug', () => {
    assert.equal(report(new DeskError('unavailable', 'the database is busy')).code, 1);
  });

  it('a bug: one line with where its details are, exit 70; the file has the stack, owner-only', () => {
    const bug = new TypeError('cannot read properties of undefined\n(reading "x")');
    const { code, stderr } = report(bug);
    assert.equal(code, 70);
    const match =
      /^detainer-desk: internal error, please report it: TypeError: cannot read properties of undefined \(reading "x"\); details in (\S+\.log)\n$/.exec(
        stderr,
      );
    assert.ok(match, stderr);
    const file = match[1]!;
    try {
      assert.match(
        readFileSync(file, 'utf8'),
        /TypeError: cannot read properties[\s\S]*report-error\.test\.ts/,
      );
      assert.equal(statSync(file).mode & 0o777, 0o600);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
