import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../jobs/cli/progress.js';

function capture(isTTY: boolean): { stream: PassThrough & { isTTY?: boolean }; text(): string } {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

describe('CLI progress', () => {
  it('draws a counter on a terminal, at most ten times a second, and clears it at the end', () => {
    const out = capture(true);
    let now = 1_000;
    const progress = createProgress(out.stream, 'analyzed', () => now);
    progress.tick(1, 3);
    progress.tick(2, 3); // same instant: not redrawn
    now += 150;
    progress.tick(3, 3);
    progress.end();
    expect(out.text()).toBe('\r\x1b[2Kanalyzed: 1/3\r\x1b[2Kanalyzed: 3/3\r\x1b[2K');
  });

  it('writes nothing when stderr is piped', () => {
    const out = capture(false);
    const progress = createProgress(out.stream, 'analyzed');
    progress.tick(5);
    progress.end();
    expect(out.text()).toBe('');
  });

  it('forced on a pipe (--progress): whole lines at most once a second, the last count at the end, a stage label', () => {
    const out = capture(false);
    let now = 0;
    const progress = createProgress(out.stream, 'scored', () => now, true);
    progress.tick(1, 4);
    now += 500;
    progress.tick(2, 4); // within the second: held back
    now += 600;
    progress.tick(3, 4, 'folds done');
    progress.tick(4, 4, 'folds done'); // held back, written by end()
    progress.end();
    progress.end(); // idempotent
    expect(out.text()).toBe('scored: 1/4\nfolds done: 3/4\nfolds done: 4/4\n');
  });

  it('ending twice on a terminal clears the line once', () => {
    const out = capture(true);
    const progress = createProgress(out.stream, 'x', () => 1_000);
    progress.tick(1);
    progress.end();
    progress.end();
    expect(out.text()).toBe('\r\x1b[2Kx: 1\r\x1b[2K');
  });
});
