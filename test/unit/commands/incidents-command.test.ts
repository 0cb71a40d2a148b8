import { describe, expect, it } from 'vitest';
import { parseIncidentsArgs } from '../../../src/commands/incidents-command.js';
import { isWirewatchError } from '../../../src/errors.js';
import { resolveRegionQuery } from '../../../src/geo/index.js';

const parse = (text: string) => parseIncidentsArgs(text, resolveRegionQuery);

function refusal(text: string): string {
  try {
    parse(text);
  } catch (error) {
    if (isWirewatchError(error, 'command_invalid')) return error.message;
    throw error;
  }
  throw new Error(`'${text}' was accepted`);
}

describe('parseIncidentsArgs', () => {
  it('reads region, kind and time range in any order', () => {
    expect(parse('kyiv oblast strikes 6h')).toEqual({
      region: { code: 'UA-32', name: 'Kyiv Oblast' },
      kind: 'strike',
      since: { text: '6h', ms: 6 * 3_600_000 },
      limit: 10,
    });
    expect(parse('2d talks')).toEqual({ kind: 'negotiation', since: { text: '2d', ms: 2 * 86_400_000 }, limit: 10 });
    expect(parse('UA-32').region?.code).toBe('UA-32');
    expect(parse('')).toEqual({ limit: 10 });
    expect(parse('all strike').region).toBeUndefined();
  });

  it('takes limit= and keeps the case of a page cursor', () => {
    expect(parse('limit=25 page=MTc0MnxpbmMtQWJj')).toMatchObject({ limit: 25, cursor: 'MTc0MnxpbmMtQWJj' });
    expect(parse('LIMIT=3 page=AbC')).toMatchObject({ limit: 3, cursor: 'AbC' });
  });

  it('refuses bad input with a message the user can act on', () => {
    expect(refusal('atlantis')).toContain("unknown region 'atlantis'");
    expect(refusal('strike talks')).toContain('choose one kind');
    expect(refusal('6h 2d')).toContain('one time range');
    expect(refusal('0h')).toContain('more than zero');
    expect(refusal('limit=500')).toContain('limit must be');
    expect(refusal('limit=abc')).toContain('limit must be');
  });
});
