import { describe, expect, it } from 'vitest';
import { ancestorsOf, countryName, findPlaceMentions, isWithin, regionByCode, resolveRegionQuery } from '../../src/geo/index.js';

const regionsOf = (text: string): string[] => findPlaceMentions(text).map((m) => m.region.code);
const only = (text: string) => {
  const mentions = findPlaceMentions(text);
  expect(mentions).toHaveLength(1);
  return mentions[0]!;
};

describe('findPlaceMentions: places and their regions', () => {
  it.each([
    ['Bucha', 'UA-32'],
    ['Kyiv', 'UA-30'],
    ['Kiev', 'UA-30'],
    ['Kyiv region', 'UA-32'],
    ['Kyiv oblast', 'UA-32'],
    ['Sumy', 'UA-59'],
    ['Krasnodar', 'RU-KDA'],
    ['Kursk region', 'RU-KRS'],
    ['Sudzha', 'RU-KRS'],
    ['Kramatorsk', 'UA-14'],
    ['Sevastopol', 'UA-40'],
    ['Crimea', 'UA-43'],
    ['Moscow', 'RU-MOW'],
    ['Moscow region', 'RU-MOS'],
    ['Belgorod', 'RU-BEL'],
    ['Kharkov', 'UA-63'],
    ['Odessa', 'UA-51'],
    ['Odesa', 'UA-51'],
    ['Zaporizhzhia nuclear plant', 'UA-23'],
    ['Enerhodar', 'UA-23'],
    ['Ukraine', 'UA'],
    ['Zaporozhye', 'UA-23'],
    ['Mykolaiv', 'UA-48'],
    ['Nikolaev', 'UA-48'],
    ['Dnipro', 'UA-12'],
    ['Dnepr', 'UA-12'],
    ['Dnipropetrovsk region', 'UA-12'],
    ['Bakhmut', 'UA-14'],
    ['Artemivsk', 'UA-14'],
    ['Luhansk', 'UA-09'],
    ['Lugansk', 'UA-09'],
    ['Chernigov', 'UA-74'],
    ['Lvov', 'UA-46'],
    ['Ivano-Frankivsk', 'UA-26'],
    ['Vinnitsa', 'UA-05'],
    ['Zhytomyr', 'UA-18'],
    ['Rivne', 'UA-56'],
    ['Ternopil', 'UA-61'],
    ['Lutsk', 'UA-07'],
    ['Volyn', 'UA-07'],
    ['Uzhhorod', 'UA-21'],
    ['Transcarpathia', 'UA-21'],
    ['Chernivtsi', 'UA-77'],
    ['Cherkasy', 'UA-71'],
    ['Kropyvnytskyi', 'UA-35'],
    ['Kirovohrad region', 'UA-35'],
    ['Poltava', 'UA-53'],
    ['Khmelnytskyi', 'UA-68'],
    ['Vuhledar', 'UA-14'],
    ['Chasiv Yar', 'UA-14'],
    ['Avdiivka', 'UA-14'],
    ['Pokrovsk', 'UA-14'],
    ['Toretsk', 'UA-14'],
    ['Kupiansk', 'UA-63'],
    ['Lyman', 'UA-14'],
    ['Izium', 'UA-63'],
    ['Kostiantynivka', 'UA-14'],
    ['Sloviansk', 'UA-14'],
    ['Huliaipole', 'UA-23'],
    ['Nikopol', 'UA-12'],
    ['Marhanets', 'UA-12'],
    ['Bilhorod-Dnistrovskyi', 'UA-51'],
    ['Ochakiv', 'UA-48'],
    ['Kinburn', 'UA-48'],
    ['Snake Island', 'UA-51'],
    ['Shebekino', 'RU-BEL'],
    ['Engels', 'RU-SAR'],
    ['Morozovsk', 'RU-ROS'],
    ['Millerovo', 'RU-ROS'],
    ['Yeysk', 'RU-KDA'],
    ['Novorossiysk', 'RU-KDA'],
    ['Tuapse', 'RU-KDA'],
    ['Feodosia', 'UA-43'],
    ['Saky', 'UA-43'],
    ['Dzhankoi', 'UA-43'],
    ['Kerch', 'UA-43'],
    ['Crimean Bridge', 'UA-43'],
    ['Belgorod Oblast', 'RU-BEL'],
    ['Krasnodar Krai', 'RU-KDA'],
    ['Kharkiv region', 'UA-63'],
    ['Rostov', 'RU-ROS'],
    ['Donetsk', 'UA-14'],
    ['Kherson', 'UA-65'],
    ['Simferopol', 'UA-43'],
    ['Tatarstan', 'RU-TA'],
    ['St Petersburg', 'RU-SPE'],
  ])('%s → %s', (text, region) => {
    expect(only(`Strikes were reported in ${text} overnight.`).region.code).toBe(region);
  });

  it('returns offsets, surface and the most specific place', () => {
    const text = 'A drone hit Bucha, and the Kyiv region was on alert.';
    const [bucha, oblast] = findPlaceMentions(text);
    expect(bucha).toMatchObject({ surface: 'Bucha', regionForm: false, place: { code: 'UA-32/bucha', type: 'city', parent: 'UA-32' } });
    expect(text.slice(bucha!.start, bucha!.end)).toBe('Bucha');
    expect(oblast).toMatchObject({
      surface: 'Kyiv region',
      regionForm: true,
      place: { code: 'UA-32', name: 'Kyiv Oblast', type: 'region' },
    });
  });

  it('keeps mentions in text order and lets the longest name win', () => {
    expect(regionsOf('Kyiv Oblast, then Kyiv, then Zaporizhzhia NPP and Zaporizhzhia')).toEqual(['UA-32', 'UA-30', 'UA-23', 'UA-23']);
    expect(findPlaceMentions('Rostov-on-Don and Nova Kakhovka').map((m) => m.surface)).toEqual(['Rostov-on-Don', 'Nova Kakhovka']);
  });

  it('reads region forms: plural lists, Republic of, People’s Republic, possessives', () => {
    expect(findPlaceMentions('Kharkiv, Sumy and Belgorod regions').map((m) => [m.region.code, m.regionForm])).toEqual([
      ['UA-63', true],
      ['UA-59', true],
      ['RU-BEL', true],
    ]);
    expect(only('the Republic of Tatarstan').region.code).toBe('RU-TA');
    expect(only("the so-called Donetsk People's Republic").region.code).toBe('UA-14');
    expect(only("Russia's army").region.code).toBe('RU');
    expect(only('a Kyiv-based analyst').region.code).toBe('UA-30');
  });

  it('reads "region of X" as the region, not the city', () => {
    expect(only('shelling in the region of Kharkiv').place).toMatchObject({ code: 'UA-63', type: 'region' });
    expect(only('the Oblast of Kyiv').region.code).toBe('UA-32');
  });

  it('knows areas without an ISO code of their own', () => {
    expect(only('fighting in Donbas').place).toMatchObject({ code: 'UA/donbas', type: 'region', parent: 'UA' });
    expect(only('troops in Transnistria').region.code).toBe('MD');
  });

  it('marks capitals', () => {
    expect(only('in Kyiv').place.capital).toBe(true);
    expect(only('in Moscow').place.capital).toBe(true);
    expect(only('in Bucha').place.capital).toBeUndefined();
  });

  it('finds countries by common variants and abbreviations in capitals only', () => {
    expect(regionsOf('The US, the U.S., Britain, the UK, Türkiye and the UAE')).toEqual(['US', 'US', 'GB', 'GB', 'TR', 'AE']);
    expect(regionsOf('Let us talk')).toEqual([]);
  });

  it('returns demonyms only when asked', () => {
    expect(findPlaceMentions('Ukrainian drones hit Russian refineries')).toEqual([]);
    const mentions = findPlaceMentions('Ukrainian drones hit Russian refineries', { demonyms: true });
    expect(mentions.map((m) => [m.region.code, m.demonym])).toEqual([
      ['UA', true],
      ['RU', true],
    ]);
  });
});

describe('findPlaceMentions: false positives', () => {
  it.each([
    'Mary said the bar was closed.',
    'Victoria Nuland spoke.',
    'Vladimir Putin spoke.',
    'Anna and Marks met Lenin.',
    'Energy and liberty.',
    'the kyiv post',
    'sumy was lower case',
    'Gay rights',
    'Reading the news in Nice weather',
  ])('%s', (text) => {
    expect(findPlaceMentions(text)).toEqual([]);
  });

  it('does not take outlets named after cities for places', () => {
    expect(findPlaceMentions('the Kyiv Independent and the Kyiv Post reported')).toEqual([]);
  });

  it('matches names only when capitalised, except in all-caps headlines', () => {
    expect(regionsOf('sumy and kharkiv')).toEqual([]);
    expect(regionsOf('DRONES HIT KHARKIV')).toEqual(['UA-63']);
  });
});

describe('hierarchy', () => {
  it('walks town → oblast → country', () => {
    expect(ancestorsOf('UA-32/bucha')).toEqual(['UA-32', 'UA']);
    expect(ancestorsOf('UA-32')).toEqual(['UA']);
    expect(ancestorsOf('UA')).toEqual([]);
    expect(ancestorsOf('RU-KRS/sudzha')).toEqual(['RU-KRS', 'RU']);
  });

  it('isWithin is inclusive and case-insensitive on codes', () => {
    expect(isWithin('UA-32/bucha', 'UA')).toBe(true);
    expect(isWithin('UA-32/bucha', 'UA-32')).toBe(true);
    expect(isWithin('UA-32', 'UA-32')).toBe(true);
    expect(isWithin('ua-32/bucha', 'ua-32')).toBe(true);
    expect(isWithin('UA-32/bucha', 'UA-30')).toBe(false);
    expect(isWithin('UA-30', 'UA-32')).toBe(false);
    expect(isWithin('UA-43/kerch', 'RU')).toBe(false);
  });

  it('knows every Ukrainian oblast and Russian federal subject', () => {
    for (const code of [
      'UA-05',
      'UA-07',
      'UA-09',
      'UA-12',
      'UA-14',
      'UA-18',
      'UA-21',
      'UA-23',
      'UA-26',
      'UA-30',
      'UA-32',
      'UA-35',
      'UA-40',
      'UA-43',
      'UA-46',
      'UA-48',
      'UA-51',
      'UA-53',
      'UA-56',
      'UA-59',
      'UA-61',
      'UA-63',
      'UA-65',
      'UA-68',
      'UA-71',
      'UA-74',
      'UA-77',
    ]) {
      expect(regionByCode(code)?.country, code).toBe('UA');
    }
    expect(regionByCode('RU-KRS')).toMatchObject({ name: 'Kursk Oblast', type: 'region', parent: 'RU' });
    expect(regionByCode('RU-MOW')).toMatchObject({ name: 'Moscow', capital: true });
  });

  it('names countries', () => {
    expect(countryName('UA')).toBe('Ukraine');
    expect(countryName('RU')).toBe('Russia');
    expect(countryName('UA-32')).toBeUndefined();
  });
});

describe('resolveRegionQuery', () => {
  it.each([
    ['UA-32', 'UA-32'],
    ['ua-32', 'UA-32'],
    ['Kyiv Oblast', 'UA-32'],
    ['kyiv region', 'UA-32'],
    ['Kiev', 'UA-30'],
    ['Kyiv', 'UA-30'],
    ['Sumy', 'UA-59/sumy'],
    ['Sumy Oblast', 'UA-59'],
    ['Bucha', 'UA-32/bucha'],
    ['Ukraine', 'UA'],
    ['UA', 'UA'],
    ['Krasnodar Krai', 'RU-KDA'],
    ['krasnodar krai', 'RU-KDA'],
    ['the Crimea', 'UA-43'],
    ['Kyiv city', 'UA-30'],
    ['ua-32/bucha', 'UA-32/bucha'],
    ['Republic of Adygea', 'RU-AD'],
  ])('%s → %s', (query, code) => {
    expect(resolveRegionQuery(query)?.code).toBe(code);
  });

  it.each(['', '   ', 'Narnia', 'Kyiv and Kharkiv', 'XX-99'])('%j resolves to nothing', (query) => {
    expect(resolveRegionQuery(query)).toBeUndefined();
  });
});
