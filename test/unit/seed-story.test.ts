import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import { REPO_ROOT } from '../support/cli.js';

// Our own paraphrase of ../shared/examples/seed-article.txt: same facts, different words.
const seed = JSON.parse(readFileSync(`${REPO_ROOT}/test/fixtures/stories/seed-paraphrase.json`, 'utf8')) as {
  title: string;
  summary: string;
};

describe('the seed story (own paraphrase)', () => {
  const analysis = analyzeStory(seed);

  it('is both a strike and a negotiation', () => {
    expect(analysis.kinds).toEqual(['strike', 'negotiation']);
  });

  it('places the strikes where they hit or were downed, not where leaders spoke or talks meet', () => {
    expect(analysis.regions.map((r) => r.code).sort()).toEqual(['RU-KDA', 'RU-KRS', 'UA-32', 'UA-59']);
  });

  it('counts the drones, the casualties and the hospital', () => {
    expect(analysis.facts.weapons).toContainEqual({ weapon: 'drone', count: 45 });
    expect(analysis.facts.weapons).toContainEqual({ weapon: 'drone', intercepted: 57 });
    expect(analysis.facts.casualties).toEqual({ killed: 1, injured: 2 });
    expect(analysis.facts.targets).toContain('hospital');
    expect(analysis.facts.targets).toContain('oil');
  });

  it('reads the call, the moratorium, the refused ceasefire and the Jeddah talks', () => {
    const n = analysis.facts.negotiation;
    expect(n?.parties).toEqual(expect.arrayContaining(['US', 'RU']));
    expect(n?.people).toEqual(expect.arrayContaining(['Donald Trump', 'Vladimir Putin']));
    expect(n?.outcomes).toEqual(
      expect.arrayContaining([
        { topic: 'energy moratorium', status: 'agreed' },
        { topic: 'ceasefire', status: 'rejected' },
        { topic: 'peace talks', status: 'scheduled' },
      ]),
    );
    expect(n?.status).toBe('agreed');
    expect(n?.venue).toBe('Jeddah');
    expect(n?.datePhrase).toBe('on sunday');
  });

  it('rates a hospital strike with casualties at least high', () => {
    expect(['high', 'critical']).toContain(analysis.severity);
  });

  it('shows its evidence for both labels', () => {
    expect(analysis.evidence.some((e) => e.kind === 'strike' && e.polarity === 'for')).toBe(true);
    expect(analysis.evidence.some((e) => e.kind === 'negotiation' && e.polarity === 'for' && /moratorium/i.test(e.phrase))).toBe(true);
  });
});
