/**
 * Runs the real command line (`bin/detainer-desk.js`) as a child process, as a person would, for
 * the CLI tests: its exit code, standard output and standard error, whether it succeeds or fails.
 * @module
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(env: NodeJS.ProcessEnv, args: readonly string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/detainer-desk.js', ...args], {
      cwd: ROOT,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CliRun;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
