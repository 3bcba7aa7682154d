/**
 * A progress bar on standard error for the commands that take long (`cases import`, `ice import`,
 * the demo load), shown only when standard error is a terminal, so logs and pipes stay clean.
 * @module
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, label?: string): void;
  stop(): void;
}

/** A bar labelled `label` (the file or task), or undefined when `stream` is not a terminal. */
export function progressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress | undefined {
  if (!stream.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `{phase} {bar} {percentage}% | ${label}`,
      clearOnComplete: true,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0, { phase: '' });
  return {
    update: (done, total, phase = '') => {
      bar.setTotal(Math.max(total, 1));
      bar.update(done, { phase });
    },
    stop: () => {
      bar.stop();
    },
  };
}
