import { describe, expect, it } from 'vitest';
import { runCli } from '../../jobs/cli/run-cli.js';
import { REPO_ROOT } from '../support/cli.js';
import { createTestIo } from '../support/io.js';

const line = (story: Record<string, unknown>) => JSON.stringify(story);

describe('wirewatch analyze', () => {
  it('prints one JSON line per story, in order, with the contract fields', async () => {
    const input = [
      line({
        id: 's1',
        title: 'Russian drones hit energy facility in Odesa region',
        summary: '<p>Two workers were <b>injured</b>.</p>',
        published: '2025-01-01T00:00:00Z',
        source: 'x',
        link: 'https://example.org/1',
      }),
      line({ id: 's2', title: 'Nurses strike over pay in Leeds', summary: '' }),
    ].join('\n');
    const io = createTestIo({}, `${input}\n`);
    expect(await runCli(['analyze'], io)).toBe(0);
    const out = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(['s1', 's2']);
    expect(Object.keys(out[0] ?? {})).toEqual(['id', 'kinds', 'regions', 'incident', 'severity', 'facts', 'evidence']);
    expect(out[0]).toMatchObject({
      kinds: ['strike'],
      regions: [{ code: 'UA-51' }],
      incident: 's1',
      facts: { casualties: { injured: 2 }, targets: ['energy'] },
    });
    expect(out[1]).toMatchObject({ kinds: [], regions: [], severity: 'low' });
  });

  it('keeps output aligned on a bad line, reports it with its line number, and exits 1', async () => {
    const io = createTestIo(
      {},
      `${line({ id: 'a', title: 'Shelling of Nikopol injures one' })}\n{not json\n${line({ id: 'c', title: 'Quiet day' })}\n`,
    );
    expect(await runCli(['analyze'], io)).toBe(1);
    const out = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(3);
    expect(out[1]).toMatchObject({ id: null, line: 2, error: { code: 'input_invalid' } });
    expect(out[2]).toMatchObject({ id: 'c', kinds: [] });
    expect(io.err()).toMatch(/^input_invalid: line 2/);
  });
});

describe('wirewatch explain', () => {
  it('says why each label was given or refused', async () => {
    const io = createTestIo();
    expect(await runCli(['explain', `${REPO_ROOT}/test/fixtures/stories/seed-paraphrase.json`], io)).toBe(0);
    expect(io.out()).toMatch(/strike: YES/);
    expect(io.out()).toMatch(/negotiation: YES/);
    expect(io.out()).toMatch(/- strike\.not\.negotiation-subject/);
    expect(io.out()).toMatch(/regions: .*UA-32/);
  });

  it('explains a refusal from JSON Lines on stdin', async () => {
    const io = createTestIo({}, `${line({ id: 'h', title: 'Prisoner ends hunger strike after 40 days' })}\n`);
    expect(await runCli(['explain', '-'], io)).toBe(0);
    expect(io.out()).toMatch(/verdict: no alert/);
    expect(io.out()).toMatch(/- strike\.not\.hunger-strike: "hunger strike"/);
  });
});
