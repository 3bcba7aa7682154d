/**
 * `detainer-desk evaluate --explain` and `--what-would-change`, run as a user runs them: the
 * "What would change it" section, the JSON field only when asked, and the refusals.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/detainer-desk.js', import.meta.url));
const EXAMPLE = 'examples/nyc-doc-2016-hold.json';
const example = JSON.parse(readFileSync(`${ROOT}${EXAMPLE}`, 'utf8')) as {
  request: Record<string, unknown>;
};

function cli(args: readonly string[], input = '') {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

describe('detainer-desk evaluate: what would change it', { concurrency: true }, () => {
  test('--explain ends with what would change each action, from § 9-131(b)(1)(i)’s judicial warrant', async () => {
    // No judicial warrant: § 9-131(b)(1)(i) (LL58/2014) allows honoring only with one.
    const noWarrant = {
      ...example,
      request: { ...example.request, judicialWarrant: { presented: false } },
    };
    const run = await cli(['evaluate', '--explain'], JSON.stringify(noWarrant));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\nWHAT WOULD CHANGE IT \(sets of up to 2 fact changes/);
    assert.match(
      run.stdout,
      /\n {2}The hold, now not allowed:\n {4}- a judicial warrant presented with the detainer \([^)]*\) would make the hold allowed \[§ 9-131\(b\), as amended by LL58\/2014 § 2;/,
    );
  });

  test('JSON has no whatWouldChange field unless --what-would-change asks for it', async () => {
    const plain = await cli(['evaluate', EXAMPLE]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal('whatWouldChange' in (JSON.parse(plain.stdout) as object), false);
    const asked = await cli(['evaluate', '--what-would-change', EXAMPLE]);
    assert.equal(asked.code, 0, asked.stderr);
    const { outcomes, whatWouldChange } = JSON.parse(asked.stdout) as {
      outcomes: unknown[];
      whatWouldChange: { maxFacts: number; outcomes: { action: string; changeSets: unknown[] }[] };
    };
    assert.equal(outcomes.length, 2);
    assert.equal(whatWouldChange.maxFacts, 2);
    assert.deepEqual(
      whatWouldChange.outcomes.map((outcome) => outcome.action),
      ['hold', 'notify'],
    );
    assert.ok(whatWouldChange.outcomes[0]!.changeSets.length > 0);
  });

  test('a batch cannot ask for it, and a bad case is still one line naming the field', async () => {
    const batch = await cli(['evaluate', '--ndjson', '--what-would-change'], '{}\n');
    assert.equal(batch.code, 2);
    assert.match(
      batch.stderr,
      /^detainer-desk: option '--ndjson' cannot be used with option '--what-would-change'/,
    );
    const bad = await cli(
      ['evaluate', '--what-would-change'],
      JSON.stringify({ ...example, decisionAt: 'yesterday' }),
    );
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /^detainer-desk: standard input: the case was rejected \(invalid-case\): .*decisionAt/,
    );
    assert.doesNotMatch(bad.stderr, /^\s+at /m);
  });
});
