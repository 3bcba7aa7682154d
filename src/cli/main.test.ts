/**
 * The CLI as a user runs it (bin/detainer-desk.js): a child process, its output streams and its
 * exit code.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LAW_CASE_TABLES } from '../law/law-case-tables.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/detainer-desk.js', import.meta.url));
const EXAMPLE = 'examples/nyc-doc-2016-hold.json';
const example = JSON.parse(readFileSync(`${ROOT}${EXAMPLE}`, 'utf8')) as Record<string, unknown>;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(
  args: readonly string[],
  input = '',
  nodeOptions: readonly string[] = [],
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, BIN, ...args], { cwd: ROOT });
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

function assertNoStack(run: Run): void {
  assert.doesNotMatch(run.stderr, /^\s+at /m, 'no stack trace for a user error');
}

/** One line on standard error, naming the program: what every refused command prints. */
function assertOneLine(run: Run, code: number, pattern: RegExp): void {
  assert.equal(run.code, code, run.stderr);
  assert.match(run.stderr, /^detainer-desk: [^\n]+\n$/, 'one line');
  assert.match(run.stderr, pattern);
}

/** A module hook that prints every module the CLI loads, as `loaded <url>` lines on stderr. */
function moduleLogger(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-modules-'));
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `export async function resolve(specifier, context, next) {
      const resolved = await next(specifier, context);
      if (!resolved.url.startsWith('node:')) process.stderr.write('loaded ' + resolved.url + '\\n');
      return resolved;
    }\n`,
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`,
  );
  return register;
}

interface Outcome {
  action: string;
  status: string;
}

describe('detainer-desk', { concurrency: true }, () => {
  test('evaluate FILE prints the decision as indented JSON', async () => {
    const run = await cli(['evaluate', EXAMPLE]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^\{\n {2}"caseId": "EXAMPLE-DOC-2016-0001",/);
    const decision = JSON.parse(run.stdout) as { outcomes: Outcome[]; trace?: unknown };
    assert.deepEqual(
      decision.outcomes.map((o) => [o.action, o.status]),
      [
        ['hold', 'allowed'],
        ['notify', 'allowed'],
      ],
    );
    assert.equal(decision.trace, undefined);
  });

  test('evaluate reads standard input, as - or with no file', async () => {
    const text = JSON.stringify(example);
    for (const args of [['evaluate', '-'], ['evaluate']]) {
      const run = await cli(args, text);
      assert.equal(run.code, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as { caseId: string }).caseId, 'EXAMPLE-DOC-2016-0001');
    }
  });

  test('evaluate --explain prints the plain-language report', async () => {
    const run = await cli(['evaluate', '--explain', EXAMPLE]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Decision for case EXAMPLE-DOC-2016-0001: /);
    assert.match(run.stdout, /HOLD THE PERSON PAST THE TIME OF RELEASE\n {2}ALLOWED/);
    assert.match(run.stdout, /Hold limit: no later than 2016-06-07T18:00:00-04:00/);
    assert.match(run.stdout, /- 2016-06-04: Saturday/);
  });

  test('evaluate --trace includes every condition tested', async () => {
    const run = await cli(['evaluate', '--trace', EXAMPLE]);
    assert.equal(run.code, 0, run.stderr);
    const { trace } = JSON.parse(run.stdout) as { trace: { condition: string }[] };
    assert.ok(trace.length > 0);
  });

  test('evaluate --ndjson decides every good line, reports each bad one, and exits 1', async () => {
    const good = JSON.stringify(example);
    const impossible = JSON.stringify({ ...example, instantArrestDate: '2021-02-30' });
    const input = [good, '{"jurisdiction": ', '', impossible, good].join('\n');
    const run = await cli(['evaluate', '--ndjson'], `${input}\n`);
    assert.equal(run.code, 1);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            line: number;
            decision?: unknown;
            error?: { code: string; issues: { path: string; message: string }[] };
          },
      );
    assert.deepEqual(
      lines.map((l) => [l.line, l.decision ? 'decision' : l.error?.code]),
      [
        [1, 'decision'],
        [2, 'invalid-json'],
        [4, 'invalid-case'],
        [5, 'decision'],
      ],
    );
    assert.match(
      lines[1]!.error!.issues[0]!.message,
      /not valid JSON: unexpected end of input at column 18/,
    );
    assert.deepEqual(
      lines[2]!.error!.issues.map((issue) => issue.path),
      ['instantArrestDate'],
    );
    assert.match(run.stderr, /^2 decided, 2 rejected\n$/m);
    assertNoStack(run);
  });

  test('evaluate --ndjson exits 0 when every line is decided', async () => {
    const run = await cli(['evaluate', '--ndjson', 'examples/batch.ndjson']);
    const count = readFileSync(`${ROOT}examples/batch.ndjson`, 'utf8').trim().split('\n').length;
    assert.equal(run.code, 0, run.stdout);
    assert.equal(run.stdout.trimEnd().split('\n').length, count);
    assert.match(run.stderr, new RegExp(`^${count} decided, 0 rejected$`, 'm'));
  });

  test('every example case is decided', async () => {
    const files = readdirSync(`${ROOT}examples`).filter((file) => file.endsWith('.json'));
    assert.ok(files.length >= 3);
    for (const file of files) {
      const run = await cli(['evaluate', `examples/${file}`]);
      assert.equal(run.code, 0, `${file}: ${run.stderr}`);
    }
  });

  test('malformed JSON: names the file and the position, exit 2, no stack trace', async () => {
    const run = await cli(
      ['evaluate', '-'],
      '{\n  "jurisdiction": "nyc-doc",\n  "decisionAt": }\n',
    );
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      'detainer-desk: standard input is not valid JSON: unexpected "}" at line 3, column 17\n',
    );
  });

  test('an impossible date: the error names the field, exit 2', async () => {
    const run = await cli(
      ['evaluate'],
      JSON.stringify({ ...example, instantArrestDate: '2021-02-30' }),
    );
    assert.equal(run.stdout, '');
    assertOneLine(
      run,
      2,
      /standard input: the case was rejected \(invalid-case\): instantArrestDate: must be a real calendar date/,
    );
  });

  test('an unknown jurisdiction: the error names the field and the known ones, exit 2', async () => {
    const run = await cli(['evaluate'], JSON.stringify({ ...example, jurisdiction: 'atlantis' }));
    assertOneLine(
      run,
      2,
      /\(unknown-jurisdiction\): jurisdiction: "atlantis" is not a jurisdiction .*known: .*nyc-doc/,
    );
  });

  test('a year 2999: one line naming the date, exit 2, not an internal error', async () => {
    const otherwiseReleaseAt = '2999-06-03T18:00:00-04:00';
    const run = await cli(['evaluate'], JSON.stringify({ ...example, otherwiseReleaseAt }));
    assert.equal(run.stdout, '');
    assertOneLine(run, 2, /the case was rejected \(date-outside-law\): .*2999-06-03/);
    const batch = await cli(
      ['evaluate', '--ndjson'],
      JSON.stringify({ ...example, otherwiseReleaseAt }),
    );
    assert.equal(batch.code, 1, batch.stderr);
    const [result] = batch.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { error?: { code: string } });
    assert.equal(result?.error?.code, 'date-outside-law');
  });

  test('deeply nested bad JSON: one line with the place, no stack overflow', async () => {
    const deep = `${'['.repeat(100_000)}}`;
    const run = await cli(['evaluate'], deep);
    assertOneLine(
      run,
      2,
      /standard input is not valid JSON: nested more than 1000 levels deep at line 1, column 1001$/m,
    );
    const batch = await cli(['evaluate', '--ndjson'], `${deep}\n`);
    assert.equal(batch.code, 1, batch.stderr);
    assert.match(
      batch.stdout,
      /"code":"invalid-json".*nested more than 1000 levels deep at column 1001/,
    );
  });

  test('Commander’s own mistakes are one line too, exit 2', async () => {
    assertOneLine(await cli(['evaluate', '--bogus']), 2, /unknown option '--bogus' \(see --help\)/);
    assertOneLine(await cli(['frobnicate']), 2, /unknown command 'frobnicate'/);
    assertOneLine(await cli(['law', 'show']), 2, /missing required argument 'jurisdiction'/);
    assertOneLine(
      await cli(['law', 'show', 'nyc-doc', '--format', 'pdf']),
      2,
      /argument 'pdf' is invalid\. Allowed choices are md, html/,
    );
  });

  test('--help loads only Commander and the command table', async () => {
    const run = await cli(['--help'], '', ['--import', moduleLogger()]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Usage: detainer-desk/);
    // From the bundle (dist/cli/, when current), each file loaded stands for the modules it holds
    // (its chunks are named by hash): the bundler lists them in dist/cli/sources.json. From the
    // source (tsx), the modules are the files loaded.
    const bundled = /\/dist\/cli\/([^/]+\.js)$/;
    const loaded = [...run.stderr.matchAll(/^loaded (\S+)$/gm)].flatMap((match) => {
      const file = bundled.exec(match[1]!)?.[1];
      if (file === undefined) return [match[1]!];
      const sources = JSON.parse(readFileSync(`${ROOT}dist/cli/sources.json`, 'utf8')) as Record<
        string,
        string[] | undefined
      >;
      return (sources[file] ?? [match[1]!]).map((source) => `${ROOT}${source}`);
    });
    assert.ok(loaded.some((url) => url.includes('/cli/desk-commands.')));
    // The command files, the error module, and modules of plain constants for choices.
    const table =
      /\/src\/(cli\/(main|desk-commands|report-commands|quarterly-report-command|ice-import-command|ice-stats-command|what-if-commands|cli-errors)|auth\/roles|desk\/errors|ice\/analysis\/(detainer-types|outcomes)|ice\/sql-text)\.[jt]s$/;
    const allowed = (url: string) =>
      table.test(url) ||
      // tsx and its esbuild, when the build is older than the source
      /\/node_modules\/(@commander-js\/extra-typings|commander|tsx|esbuild)\//.test(url) ||
      /\/bin\/(detainer-desk|build-is-current)\.js$/.test(url);
    assert.deepEqual(
      loaded.filter((url) => !allowed(url)),
      [],
    );
  });

  test('a missing file or a usage mistake: a clear message, exit 2', async () => {
    const missing = await cli(['evaluate', 'no/such/case.json']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'detainer-desk: cannot read no/such/case.json: no such file\n');
    const both = await cli(['evaluate', '--ndjson', '--explain', EXAMPLE]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /cannot be used with option '--explain'/);
  });

  test('law list shows each jurisdiction with its clause versions', async () => {
    const run = await cli(['law', 'list']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^nyc-doc: New York City Department of Correction/m);
    assert.match(
      run.stdout,
      /^ {2}nyc\.9-131\.b +LL58\/2014 +2014-12-14 – (in force|\d{4}-\d\d-\d\d) +verbatim/m,
    );
  });

  test('law list and law show cover Illinois and Oregon', async () => {
    const list = await cli(['law', 'list']);
    assert.match(list.stdout, /^illinois: Illinois \(5 ILCS 805/m);
    assert.match(list.stdout, /^oregon: Oregon \(ORS 181A\.820/m);
    const show = await cli(['law', 'show', 'oregon', '--date', '2021-07-19']);
    assert.equal(show.code, 0, show.stderr);
    assert.match(
      show.stdout,
      /^> \(1\) Public facilities, property, moneys, equipment, technology or personnel may not be used/m,
    );
  });

  test('law show renders the statute text and the legal test rows of that date', async () => {
    const run = await cli(['law', 'show', 'nyc-doc', '--date', '2016-06-01']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^# New York City Department of Correction .*: the law in force on 2016-06-01/,
    );
    assert.match(run.stdout, /> b\. Prohibition on honoring a civil immigration detainer\./);
    assert.match(run.stdout, /IF\n\n {3}- ALL OF: /);
    const row = LAW_CASE_TABLES.find((table) => table.version === 'LL58/2014')!.cases[0]!;
    assert.ok(run.stdout.includes(`- **${row.name}**`), row.name);
  });

  test('law show --format html escapes the document into a page', async () => {
    const run = await cli(['law', 'show', 'nyc-doc', '--date', '2016-06-01', '--format', 'html']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^<!doctype html>/);
    assert.match(run.stdout, /&gt; b\. Prohibition on honoring/);
  });

  test('law show refuses a bad date or an unknown jurisdiction, exit 2', async () => {
    const date = await cli(['law', 'show', 'nyc-doc', '--date', '2021-02-30']);
    assert.equal(date.code, 2);
    assert.match(date.stderr, /--date: "2021-02-30" is not a real calendar date/);
    const early = await cli(['law', 'show', 'nyc-doc', '--date', '1999-12-31']);
    assert.equal(early.code, 2);
    assert.equal(
      early.stderr,
      'detainer-desk: --date: 1999-12-31 is before 2000-01-01, the first day whose law is encoded\n',
    );
    const unknown = await cli(['law', 'show', 'atlantis']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown jurisdiction "atlantis"; known: .*nyc-doc/);
    for (const run of [date, early, unknown]) assertNoStack(run);
  });

  test('schema prints the case JSON Schema, as committed', async () => {
    const run = await cli(['schema']);
    assert.equal(run.code, 0, run.stderr);
    const schema = JSON.parse(run.stdout) as { $id: string; properties: Record<string, unknown> };
    assert.equal(schema.$id, 'urn:detainer-desk:schema:case');
    assert.ok('jurisdiction' in schema.properties);
    assert.equal(run.stdout, readFileSync(`${ROOT}schemas/case.schema.json`, 'utf8'));
  });
});
