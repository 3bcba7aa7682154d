import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { progressBar } from './progress.js';

/** A stream that says whether it is a terminal and keeps what is written to it. */
function stream(isTTY: boolean) {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const tty = Object.assign(out, {
    isTTY,
    columns: 80,
    cursorTo: () => true,
    clearLine: () => true,
  });
  return { tty: tty as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

describe('progressBar', () => {
  it('draws on a terminal', () => {
    const { tty, text } = stream(true);
    const bar = progressBar('cases.csv', tty);
    assert.ok(bar);
    bar.update(50, 100, 'reading');
    bar.stop();
    assert.match(text(), /reading .*50% \| cases\.csv/);
  });

  it('is nothing when the stream is not a terminal (a pipe, a log file)', () => {
    const { tty, text } = stream(false);
    assert.equal(progressBar('cases.csv', tty), undefined);
    assert.equal(text(), '');
  });
});
