import { describe, expect, it } from 'vitest';
import { createKeyedSerialiser } from '../../../src/pipeline/serialise-by-key.js';

const tick = () => new Promise<void>((done) => setImmediate(done));

describe('createKeyedSerialiser', () => {
  it('runs tasks sharing a key one at a time, in arrival order; disjoint keys overlap', async () => {
    const serialise = createKeyedSerialiser();
    const log: string[] = [];
    let active = 0;
    let maxActive = 0;
    const task = (name: string) => async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      active -= 1;
      return name;
    };
    const results = await Promise.all([
      serialise(['UA-63'], task('a')),
      serialise(['UA-63'], task('b')),
      serialise(['UA-46'], task('c')),
      serialise(['UA-46', 'UA-63'], task('d')),
    ]);
    expect(results).toEqual(['a', 'b', 'c', 'd']);
    expect(log.indexOf('end a')).toBeLessThan(log.indexOf('start b'));
    expect(log.indexOf('end b')).toBeLessThan(log.indexOf('start d'));
    expect(log.indexOf('end c')).toBeLessThan(log.indexOf('start d'));
    expect(log.indexOf('start c')).toBeLessThan(log.indexOf('end a')); // UA-46 did not wait for UA-63
    expect(maxActive).toBe(2);
  });

  it('a failing task releases its keys', async () => {
    const serialise = createKeyedSerialiser();
    await expect(serialise(['k'], () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await serialise(['k'], () => Promise.resolve('next'))).toBe('next');
  });
});
