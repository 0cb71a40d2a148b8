import { describe, expect, it } from 'vitest';
import { explainAnalysis } from '../../jobs/cli/explain-text.js';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import { findPlaceMentions } from '../../src/geo/index.js';

// Stories written for these tests, in our own words.
const regionsOf = (title: string, summary = ''): string[] =>
  analyzeStory({ title, summary })
    .regions.map((r) => r.code)
    .sort();

describe('a strike is placed in the country the text names', () => {
  it.each([
    ['Israeli air strikes hit villages in southern Lebanon overnight, killing three', 'LB'],
    ['Air strike on a school in Gaza kills at least ten', 'PS'],
    ['A drone attack by the RSF set fuel tanks ablaze in Port Sudan on Tuesday', 'SD'],
    ['Drone debris crashed into a barn in eastern Poland during a Russian attack', 'PL'],
    ['Missile strike on Khan Younis wounds dozens', 'PS'],
    ['Drones struck an airport in Hodeidah, Yemen', 'YE'],
    ['Israeli drone strike on a car in Nabatieh kills two', 'LB'],
  ])('%s → %s', (title, code) => {
    expect(regionsOf(title)).toEqual([code]);
  });

  it('finds a Russian federal subject from "Krai", "region" and its towns, with no weapon word needed', () => {
    expect(regionsOf('Ukraine struck an oil depot in Krasnodar Krai')).toEqual(['RU-KDA']);
    expect(regionsOf('Drones set a refinery on fire', 'Ukraine attacked a refinery in the Krasnodar region overnight.')).toEqual([
      'RU-KDA',
    ]);
    expect(regionsOf('Drones hit an oil terminal near Tuapse')).toEqual(['RU-KDA']);
  });

  it('names no country for a strike whose text names none', () => {
    const analysis = analyzeStory({ title: 'Artillery shelled the outskirts overnight, damaging two houses' });
    expect(analysis.kinds).toContain('strike');
    expect(analysis.regions).toEqual([]);
    expect(analysis.evidence.some((e) => e.rule === 'region.country-fallback')).toBe(false);
  });

  it('falls back to a country the text implies: a siren, an official, an army fighting on its own soil', () => {
    expect(
      regionsOf('Explosions heard as air raid sirens sound in Kharkiv', 'A drone attack damaged a warehouse, officials said.'),
    ).toEqual(expect.arrayContaining(['UA']));
    expect(regionsOf('Ukrainian aircraft struck enemy positions twelve times over the past day')).toEqual(['UA']);
  });

  it("places an interception in the country whose air defence made it, and a side's hit assets nowhere", () => {
    expect(regionsOf("Ukraine's air defence shot down nine of eleven Russian cruise missiles overnight")).toEqual(['UA']);
    // The army acts on "the enemy", whose control points are hit where they stand: its own country.
    expect(regionsOf('The army of Ukraine hit four enemy control points', 'Its aircraft struck depots of Russian troops.')).toEqual(['UA']);
    // The country whose air defence was the target is not placed by it.
    expect(regionsOf("Drones struck Russia's air defences near the island of Zmiinyi")).toEqual(['UA-51']);
  });

  it('reads a town that several towns share as the one in the region the story names', () => {
    expect(regionsOf('Russian troops shelled Zolochiv in the Kharkiv region overnight')).toEqual(['UA-63']);
    expect(regionsOf('Shelling of Zolochiv injures two', 'Russian artillery fired on the town, Kharkiv region officials said.')).toEqual([
      'UA-63',
    ]);
    // A namesake the gazetteer lacks: the region right after the town places it.
    expect(regionsOf('Drones hit Kamianka in the Zaporizhzhia region, damaging a school')).toEqual(['UA-23']);
  });

  it("keeps a city district named after another city and a diplomat's seat out of the regions", () => {
    expect(regionsOf('A rocket hit a school in the Kyiv district of Kharkiv')).toEqual(['UA-63']);
    expect(regionsOf('Missile strike on Kremenchuk', 'The US ambassador to Kyiv condemned the attack.')).toEqual(['UA-53']);
  });

  it('does not place a strike in the country of a side the other side calls the enemy', () => {
    expect(regionsOf('Russian forces launched 40 missile strikes over the past day', 'The enemy also used rocket launchers.')).toEqual([]);
  });

  it('keeps the attacker, a landmark and an earlier attack out of the regions', () => {
    expect(regionsOf('Iran fired missiles at Israel in retaliation for an airstrike in Syria')).toEqual(['IL']);
    expect(regionsOf('A drone attack set a depot ablaze in the Kaluga region, south of Moscow')).toEqual(['RU-KLU']);
    expect(regionsOf('Missile attack on Sevastopol in Crimea damages a residential building')).toEqual(['UA-40']);
    expect(regionsOf('Shelling of Makariv outside Kyiv kills seven civilians')).toEqual(['UA-32']);
    expect(regionsOf('Estonia calls on Russia to end its nuclear terror after shelling hit the Zaporizhzhia nuclear plant')).toEqual([
      'UA-23',
    ]);
    expect(regionsOf('Power grid hit by Russia as Kharkiv loses electricity after a missile strike')).toEqual(['UA-63']);
  });
});

describe('gazetteer of the countries at war', () => {
  it('knows their towns and first-level regions', () => {
    const codes = (text: string) => findPlaceMentions(text).map((m) => m.region.code);
    expect(codes('Strikes on Beirut, Tyre and Baalbek')).toEqual(['LB', 'LB', 'LB']);
    expect(codes('Fighting in Darfur and around El Fasher')).toEqual(['SD', 'SD']);
    expect(codes('Shelling in Rakhine and Sagaing')).toEqual(['MM', 'MM']);
    expect(codes('Drones over Erbil and Kirkuk')).toEqual(['IQ', 'IQ']);
  });

  it('does not fire on common words that are also town names', () => {
    const text = 'Bush said Batman and Delta met Unity in Van at the Bay; Mango and Rivers were there with Ann.';
    expect(findPlaceMentions(text)).toEqual([]);
  });
});

describe('negotiation status reads negation and modality', () => {
  const statusOf = (title: string, summary = '') =>
    analyzeStory({ title, summary }).facts.negotiation?.outcomes?.find((o) => o.topic === 'ceasefire')?.status;

  it.each([
    ['Talks in Istanbul ended without a ceasefire'],
    ['No truce was reached after three days of talks in Doha'],
    ['Ceasefire talks between the two sides collapsed in Cairo'],
    ['Negotiators failed to agree a ceasefire'],
    ['Moscow rejected the proposed ceasefire'],
  ])('%s → never agreed', (title) => {
    const status = statusOf(title);
    expect(status).toBeDefined();
    expect(status).not.toBe('agreed');
  });

  it('a ceasefire hoped for is proposed, not agreed', () => {
    expect(statusOf('Envoys hope to reach a ceasefire agreement this week')).toBe('proposed');
  });
});

describe('interceptions and tolls', () => {
  it('reads "N of M" as N intercepted of M launched', () => {
    const weapons = analyzeStory({ title: 'Air defence shot down 18 of 25 drones launched at Kharkiv overnight' }).facts.weapons;
    expect(weapons).toContainEqual({ weapon: 'drone', count: 25, intercepted: 18 });
  });

  it('explain prints only the casualty figures the story gives', () => {
    const story = { id: 'x', title: 'Missile strike on Dnipro injures four' };
    const text = explainAnalysis(story, analyzeStory(story));
    expect(text).toContain('4 injured');
    expect(text).not.toMatch(/0 killed/);
  });
});
