import { describe, expect, it } from 'vitest';
import { anyWordStem, matchesOf, wordStemGroups, wordStemsOf } from '../../src/text/match-all.js';

describe('match-all gates', () => {
  it('finds stems only at word starts', () => {
    const gate = anyWordStem(['talks', 'end']);
    expect(gate.test('peace talks resume')).toBe(true);
    expect(gate.test('they attend the weekend summit')).toBe(false);
    expect(gate.test('an end to the war')).toBe(true);
  });

  it('tells which stem groups occur, including stems that share a start or sit inside another', () => {
    const groups = wordStemGroups([['strike'], ['strik', 'struck'], ['off'], ['held off']]);
    expect(groups('a missile strike')).toBe(0b0011);
    expect(groups('troops held off the assault')).toBe(0b1100);
    expect(groups('no such words, unstruck')).toBe(0);
  });

  it('reads the literal start of each alternative of a word pattern', () => {
    expect(wordStemsOf(/\b(hospitals?|medical (centres?|units?)|air ?bases?|harbou?rs?|multi-stor(e)?y)\b/)).toEqual([
      'hospital',
      'medical ',
      'air',
      'harbo',
      'multi-stor',
    ]);
    // An alternative that may start with anything has no stem; neither has a case-blind pattern.
    expect(wordStemsOf(/\b(dams?|\d+ km)\b/)).toBeUndefined();
    expect(wordStemsOf(/\b(dams?)\b/i)).toBeUndefined();
  });

  it('can resume a scan after a prefix known to hold no match', () => {
    expect(matchesOf(/\bx\b/g, 'x y x', 1).map((m) => m.index)).toEqual([4]);
  });
});
