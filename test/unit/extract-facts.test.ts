import { describe, expect, it } from 'vitest';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import { extractCasualties } from '../../src/extract/casualties.js';
import { parseCount } from '../../src/extract/numbers.js';
import { scoreSeverity } from '../../src/extract/severity.js';
import { extractWeapons } from '../../src/extract/weapons.js';

describe('facts', () => {
  it('reads counts in digits and words', () => {
    expect(parseCount('45')).toBe(45);
    expect(parseCount('1,582')).toBe(1582);
    expect(parseCount('forty-five')).toBe(45);
    expect(parseCount('two')).toBe(2);
    expect(parseCount('dozens')).toBeUndefined();
  });

  it('separates launched from intercepted weapons and names specific ones', () => {
    const weapons = extractWeapons(['russia launched 60 shahed drones and three iskander missiles; air defence destroyed 48 drones']);
    expect(weapons).toContainEqual({ weapon: 'shahed', count: 60 });
    expect(weapons).toContainEqual({ weapon: 'iskander', count: 3 });
    expect(weapons).toContainEqual({ weapon: 'drone', intercepted: 48 });
  });

  it('does not read a system number as a count', () => {
    expect(extractWeapons(['s-300 missiles hit the city'])).toEqual([{ weapon: 's-300' }]);
  });

  it('reads casualties in several phrasings', () => {
    expect(extractCasualties(['a civilian was killed and two people were injured'])).toEqual({ killed: 1, injured: 2 });
    expect(extractCasualties(['the shelling killed four residents, injuring 11'])).toEqual({ killed: 4, injured: 11 });
    expect(extractCasualties(['the death toll has risen to 23'])).toEqual({ killed: 23 });
    expect(extractCasualties(['nine killed, 35 wounded in overnight strike'])).toEqual({ killed: 9, injured: 35 });
  });

  it('reads casualties with noun modifiers, active verbs and single persons', () => {
    expect(extractCasualties(['four rail employees were hurt when the depot was shelled'])).toEqual({ injured: 4 });
    expect(extractCasualties(['two emergency workers and a hospital nurse were wounded'])).toEqual({ injured: 3 });
    expect(extractCasualties(['artillery fire kills a woman and wounds her husband'])).toEqual({ killed: 1, injured: 1 });
    expect(extractCasualties(['the drone hit a minibus, killing a 15-year-old girl'])).toEqual({ killed: 1 });
    expect(extractCasualties(['a shell killed his three daughters'])).toEqual({ killed: 3 });
    expect(extractCasualties(['one resident died and another was injured'])).toEqual({ killed: 1, injured: 1 });
    expect(extractCasualties(['the barrage claimed the lives of at least six villagers'])).toEqual({ killed: 6 });
    expect(extractCasualties(['the rocket hit a car, killing a man and his three grandchildren'])).toEqual({ killed: 4 });
    expect(extractCasualties(['the shelling wounded two medics and a driver'])).toEqual({ injured: 3 });
    // A determiner counts one only for a single person; a plural or a weapon is no figure.
    expect(extractCasualties(['the strike injured their children'])).toEqual({});
    expect(extractCasualties(['a drone was shot down and killed nobody'])).toEqual({});
  });

  it('keeps a place whose attack claimed lives as the target, not a speaker', () => {
    const a = analyzeStory({ title: 'Missile attack on Poltava claimed the lives of three people' });
    expect(a.regions.map((r) => r.code)).toEqual(['UA-53']);
    expect(a.facts.casualties.killed).toBe(3);
  });

  it('counts one person in headlines that drop the article', () => {
    expect(analyzeStory({ title: 'Elderly man injured as artillery shells hit Kherson suburb' }).facts.casualties).toEqual({ injured: 1 });
    expect(analyzeStory({ title: 'Pensioner dies after drone strike on Nikopol' }).facts.casualties).toEqual({ killed: 1 });
    expect(extractCasualties(['the country dies a little every day, a poet says'])).toEqual({});
  });

  it('places an attack on the Kremlin in Moscow but keeps "the Kremlin said" a speaker', () => {
    expect(analyzeStory({ title: 'Two drones shot down over the Kremlin overnight, officials say' }).regions.map((r) => r.code)).toEqual([
      'RU-MOW',
    ]);
    expect(analyzeStory({ title: 'Russia says Ukraine attacked the Kremlin with two drones' }).regions.map((r) => r.code)).toEqual([
      'RU-MOW',
    ]);
    expect(analyzeStory({ title: 'The Kremlin said a drone attack hit an oil depot in Bryansk' }).regions.map((r) => r.code)).toEqual([
      'RU-BRY',
    ]);
  });

  it('extracts targets, attacker and a place for a strike story', () => {
    const a = analyzeStory({ title: 'Russian missiles hit power plant and homes in Kharkiv', summary: 'Three people were wounded.' });
    expect(a.facts.targets).toEqual(expect.arrayContaining(['energy', 'residential']));
    expect(a.facts.attacker).toBe('RU');
    expect(a.facts.casualties.injured).toBe(3);
    expect(a.regions).toEqual([{ code: 'UA-63', name: expect.any(String) as string }]);
  });

  it('keeps speakers and launch sites out of the regions', () => {
    const a = analyzeStory({ title: 'Moscow says drones launched from Sumy region hit a fuel depot in Bryansk region', summary: '' });
    expect(a.regions.map((r) => r.code)).toEqual(['RU-BRY']);
  });

  it('maps Kyiv the city and the Kyiv region to different codes', () => {
    expect(analyzeStory({ title: 'Ballistic missile strikes Kyiv, injuring five' }).regions.map((r) => r.code)).toEqual(['UA-30']);
    expect(analyzeStory({ title: 'Drones hit homes in Kyiv region, injuring five' }).regions.map((r) => r.code)).toEqual(['UA-32']);
  });

  it('scales severity with casualties, targets, scale and capital', () => {
    const none = { weapons: [], casualties: {}, targets: [] };
    expect(scoreSeverity({ kinds: ['strike'], facts: none, regions: [] })).toBe('low');
    expect(scoreSeverity({ kinds: ['strike'], facts: { ...none, casualties: { killed: 1, injured: 5 } }, regions: [] })).toBe('high');
    expect(
      scoreSeverity({
        kinds: ['strike'],
        facts: { weapons: [{ weapon: 'drone', count: 120 }], casualties: { killed: 12 }, targets: ['hospital'] },
        regions: [{ code: 'UA-30', name: 'Kyiv' }],
      }),
    ).toBe('critical');
    expect(
      scoreSeverity({ kinds: ['negotiation'], facts: { ...none, negotiation: { parties: ['RU', 'UA'], status: 'agreed' } }, regions: [] }),
    ).toBe('medium');
    expect(scoreSeverity({ kinds: [], facts: none, regions: [] })).toBe('low');
  });
});
