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
});
