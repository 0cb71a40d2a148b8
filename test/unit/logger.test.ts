import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../jobs/runtime/logger.js';
import { WirewatchError } from '../../src/errors.js';

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

  it('a human line carries its fields on the same line: one line per event, arrays and errors short', () => {
    const tty = capture();
    const logger = createLogger('info', 'pretty', { isTty: false, stream: tty.stream });
    logger
      .child({ component: 'feed-schedulers' })
      .info({ created: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] }, 'feed schedulers: 8 created');
    logger
      .child({ component: 'poll' })
      .warn({ feedId: 'wire-a', err: new WirewatchError('feed_timeout', 'no answer in 30 s') }, 'poll failed');
    logger.info({ title: 'Drones hit "Kyiv"', nested: { a: 1 } }, 'story');
    const lines = tty.text().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/INFO: \[feed-schedulers\] feed schedulers: 8 created {2}created=a,b,c,d,e,…\+3$/);
    expect(lines[1]).toMatch(/WARN: \[poll\] poll failed — feed_timeout: no answer in 30 s {2}feedId=wire-a$/);
    expect(lines[2]).toContain('story  title="Drones hit \\"Kyiv\\"" nested={"a":1}');
    expect(tty.text()).not.toContain('pid');

    // The same events as JSON keep every field, the error's stack included.
    const json = capture();
    createLogger('info', 'json', { isTty: true, stream: json.stream })
      .child({ component: 'poll' })
      .warn({ feedId: 'wire-a', err: new WirewatchError('feed_timeout', 'no answer in 30 s') }, 'poll failed');
    expect(JSON.parse(json.text())).toMatchObject({
      component: 'poll',
      feedId: 'wire-a',
      err: { code: 'feed_timeout', stack: expect.any(String) },
    });
  });

  it('at debug level an error stack follows its line, indented', () => {
    const tty = capture();
    createLogger('debug', 'pretty', { isTty: false, stream: tty.stream }).error({ err: new Error('boom') }, 'handler failed');
    const [first, second] = tty.text().split('\n');
    expect(first).toMatch(/ERROR: handler failed — Error: boom$/);
    expect(second).toMatch(/^ {4}Error: boom/);
  });
});
