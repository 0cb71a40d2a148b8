import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../jobs/runtime/logger.js';

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe('logs', () => {
  it('a terminal gets one human line per event; anything else gets JSON', () => {
    const tty = capture();
    createLogger('info', 'auto', { isTty: true, stream: tty.stream }).info({ feedId: 'wire-a' }, 'feed polled');
    expect(tty.text()).toMatch(/INFO.*feed polled/);
    expect(tty.text()).toContain('feedId');
    expect(tty.text()).not.toContain('{"level"');

    const pipe = capture();
    createLogger('info', 'auto', { isTty: false, stream: pipe.stream }).info({ feedId: 'wire-a' }, 'feed polled');
    expect(JSON.parse(pipe.text())).toMatchObject({ level: 30, app: 'wirewatch', feedId: 'wire-a', msg: 'feed polled' });
  });

  it('LOG_FORMAT=json wins on a terminal, and pretty works in a pipe', () => {
    const json = capture();
    createLogger('info', 'json', { isTty: true, stream: json.stream }).warn('x');
    expect(JSON.parse(json.text())).toMatchObject({ level: 40, msg: 'x' });
    const pretty = capture();
    createLogger('info', 'pretty', { isTty: false, stream: pretty.stream }).warn('lost Redis');
    expect(pretty.text()).toMatch(/WARN.*lost Redis/);
  });
});
