import { describe, expect, it } from 'vitest';
import { classifyStory } from '../../src/classify/classify-story.js';

// Hand-written stories (our own words) for each of the guide's traps.
const kindsOf = (title: string, summary = '') => classifyStory({ title, summary }).kinds;
const refusals = (title: string, summary = '') =>
  classifyStory({ title, summary })
    .evidence.filter((e) => e.polarity === 'against')
    .map((e) => e.rule);

describe('classifyStory — strikes', () => {
  it.each([
    [
      'Overnight drone attack on Odesa damages port warehouses',
      'Air defence shot down 12 of the 15 Shaheds launched at the city, the regional governor said.',
    ],
    ['Missile strike on Dnipro apartment block kills three', 'Rescuers are still searching the rubble of a five-storey building.'],
    ['Russian forces shell Kherson, two wounded', ''],
    ['Air defence downs 30 Ukrainian drones over Belgorod region, Moscow says', ''],
    ['Glide bombs hit Kupiansk as shelling continues along the front', ''],
    ["Death toll from last week's strike on Vinnytsia rises to 27", 'Investigators say a cruise missile hit the concert hall.'],
  ])('labels a reported attack: %s', (title, summary) => {
    expect(kindsOf(title, summary)).toContain('strike');
  });

  it.each([
    ['Dock workers strike over pay at Felixstowe', 'The union said the strike action would last a week.', 'strike.not.labour-strike'],
    ['Jailed activist ends three-week hunger strike', '', 'strike.not.hunger-strike'],
    ['Brussels and London strike a deal on fishing quotas', '', 'strike.not.idiom'],
    ['Lightning strike sets barn ablaze in Devon', 'Two horses were killed.', 'strike.not.lightning'],
    ['Russia may launch a massive missile attack on Ukraine this week, intelligence warns', '', 'strike.not.hypothetical'],
    ['Germany to send more Patriot missiles to Ukraine', 'The delivery will protect cities from drone attacks.', 'strike.not.hypothetical'],
    ['Russia has fired more than 5,000 missiles since the start of the war', '', 'strike.not.statistics'],
    ['Terrorists detonate car bomb outside a market, killing four', 'Police arrested two suspects.', 'strike.not.non-military-violence'],
    ['Ukrainian troops repel 14 Russian assaults near Pokrovsk', '', 'strike.not.ground-fighting'],
  ])('refuses a trap: %s', (title, summary, rule) => {
    expect(kindsOf(title, summary)).not.toContain('strike');
    expect(refusals(title, summary)).toContain(rule);
  });

  it('does not treat a weapons delivery as an attack', () => {
    expect(kindsOf('Netherlands pledges more F-16s and air defence systems to Kyiv', 'The package includes shells and drones.')).toEqual(
      [],
    );
  });

  it('refuses a weapon whose act is governed by a modal or a purpose clause', () => {
    const title = 'Senate backs loan for new interceptor batteries';
    const summary = 'Officials said the rockets could shield power plants against drone strikes this winter.';
    expect(kindsOf(title, summary)).toEqual([]);
    expect(refusals(title, summary)).toContain('strike.not.hypothetical');
    expect(kindsOf('Lawmakers vote on air defence funding', 'The new missiles will defend the capital from Russian attacks.')).toEqual([]);
    // The same weapon and act without the modal is still an attack.
    expect(kindsOf('Lawmakers vote on air defence funding', 'Russian missiles struck the capital overnight.')).toContain('strike');
  });

  it('reads "May" before a day as a date, not a modal', () => {
    const title = 'On May 14, air defence units shot down four Russian drones over the south';
    expect(refusals(title, '')).not.toContain('strike.not.hypothetical');
    expect(refusals('Officials say the enemy may shell the bridge again', '')).toContain('strike.not.hypothetical');
  });

  it('does not treat an industrial blast as a strike', () => {
    expect(kindsOf('Explosion at fertiliser factory in Texas kills 12', 'Firefighters are searching the debris of the plant.')).toEqual([]);
  });

  it('does not treat a captured town as a strike', () => {
    expect(kindsOf('Russian troops capture village near Avdiivka after weeks of fighting')).toEqual([]);
  });
});

describe('classifyStory — negotiations', () => {
  it.each([
    ['Kremlin says it is ready for a new round of talks with Ukraine in Istanbul', ''],
    ['Ukraine and Russia swap 90 prisoners of war in UAE-brokered exchange', ''],
    ['Putin rejects 30-day ceasefire proposal', 'The Kremlin said a truce would only help Kyiv rearm.'],
    ['Turkey offers to mediate between Moscow and Kyiv', ''],
    [
      'Reaching an accord on shipping lanes comes first, Turkish officials say',
      'Ankara wants to broker the corridor arrangement between Russia and Ukraine.',
    ],
    ['Gulf state brokers return of deported children', 'Doha has been brokering the handovers between the warring sides since spring.'],
    ['Humanitarian corridor opens for civilians leaving Mariupol', ''],
  ])('labels diplomacy to stop the fighting: %s', (title, summary) => {
    expect(kindsOf(title, summary)).toContain('negotiation');
  });

  it.each([
    ['Ukraine resumes talks with the IMF on a new loan', '', 'negotiation.not.unrelated-talks'],
    ['Canadian prime minister visits Kyiv for talks with Zelensky', 'He pledged further military aid.', 'negotiation.not.support-visit'],
    ['Separatist authorities lift death penalty moratorium', '', 'negotiation.not.other-moratorium'],
  ])('refuses a trap: %s', (title, summary, rule) => {
    expect(kindsOf(title, summary)).not.toContain('negotiation');
    expect(refusals(title, summary)).toContain(rule);
  });

  it('gives both kinds when an attack follows a call that agreed a pause', () => {
    const kinds = kindsOf(
      'Drones hit Zaporizhzhia hours after leaders agree energy moratorium',
      'A power substation was damaged and one worker was injured.',
    );
    expect(kinds).toEqual(['strike', 'negotiation']);
  });
});

// Hard cases of our own for the guide's exclusions and inclusions, each with its expected kinds.
describe('classifyStory — guide edge cases', () => {
  it.each([
    [
      "Striker's late goal lifts Shakhtar past Dynamo",
      'The forward struck twice in the second half as the home side launched wave after wave of attacks.',
      [],
    ],
    ['Airline pilots strike over pensions, grounding hundreds of flights', 'The walkout is the second this month.', []],
    ['Shares tumble as tech giant strikes partnership with chipmaker', 'Investors fear the deal will hit margins.', []],
    [
      'North Korea test-fires intercontinental ballistic missile into the sea',
      'The missile flew for 70 minutes before landing in waters off Japan, officials said.',
      [],
    ],
    [
      'Russia test-launches Sarmat missile from Plesetsk',
      'The defence ministry said the launch was successful and the dummy warhead reached the Kura test range.',
      [],
    ],
    [
      'Drone sightings close Copenhagen airport for four hours',
      'Police said several large drones were seen near the runway; no attack was reported.',
      [],
    ],
    [
      'Belarus and Russia begin joint military exercises near the Polish border',
      'Troops will practise firing artillery and launching drones over ten days.',
      [],
    ],
    [
      'Fire at arms factory in Bulgaria blamed on faulty wiring',
      'Investigators ruled out sabotage after the blaze destroyed a warehouse of shells.',
      [],
    ],
    ['Air raid alert declared in Kyiv for two hours', 'Residents took shelter in metro stations; the alert was lifted at dawn.', []],
    ['Russia and Ukraine swap bodies of fallen soldiers', 'Kyiv received the remains of 500 servicemen.', ['negotiation']],
    ['Pope calls for Christmas truce in Ukraine', 'The pontiff urged both sides to lay down their arms for the holiday.', ['negotiation']],
    ['EU leaders discuss new sanctions package against Russia', 'The measures target oil exports and banks.', []],
    ["Kremlin rejects Zelensky's proposal for a pause in strikes on energy facilities", '', ['negotiation']],
    ['Russian missiles hit power station in Lviv region', 'A fire broke out and two workers were injured.', ['strike']],
    ['Overnight Shahed attack leaves parts of Odesa without power', '', ['strike']],
    ['Ukraine says it shot down 25 of 31 drones launched overnight', 'Debris fell on houses in the Kyiv region.', ['strike']],
    ['Hunger strike by Crimean Tatar prisoner enters third week', '', []],
    ['Lightning strike starts wildfire near Kherson', '', []],
    ["Moscow warns it could strike Kyiv's decision-making centres", '', []],
    [
      'Zelensky and Erdogan discuss grain exports by phone',
      'They talked about extending the Black Sea grain initiative with Russia.',
      ['negotiation'],
    ],
    ['Ukrainian drone crashes into apartment block in Tula', 'No one was hurt, the governor said.', ['strike']],
    ['Gas explosion destroys apartment block in Dagestan, killing three', 'Officials blamed a leak.', []],
    ["Ukraine's allies pledge more air defence at Ramstein meeting", 'Germany will supply another IRIS-T system.', []],
    ["NATO chief says Russia's missile campaign against the grid is failing", '', []],
    ['Talks between Russia and Ukraine on Zaporizhzhia plant safety zone stall, IAEA says', '', ['negotiation']],
    ['Shell posts record profit', 'The oil major will strike a balance between buybacks and investment.', []],
    ['Drone attack on Moscow region refinery sparks fire', '', ['strike']],
    ['Sirens sound across Ukraine as Russian bombers take off', 'Officials urged residents to stay in shelters.', []],
    [
      'Kremlin says it will retaliate for drone attack on Crimean bridge',
      'Two people were killed in the blast on the bridge on Monday, Russian officials said.',
      ['strike'],
    ],
    ['Russian glide bombs pound Kostiantynivka, three killed', '', ['strike']],
    ['Ukraine strikes back at Russia in Eurovision final', 'The band won the televote by a wide margin.', []],
    ['Union calls nationwide strike at Ukrainian railways', '', []],
    ['Interceptor debris damages homes in Kyiv suburbs', 'Air defence units repelled a massive missile attack overnight.', ['strike']],
    ['Zelensky says talks with Putin possible only after Russian withdrawal', '', ['negotiation']],
    ['Witkoff to meet Putin in Moscow on peace plan', '', ['negotiation']],
    ['Macron and Scholz hold call with Zelensky on EU accession', '', []],
    ['Red Cross says it arranged evacuation of civilians from Azovstal under agreement with both sides', '', ['negotiation']],
    ['Ukraine receives first F-16 jets', 'The aircraft will be used to shoot down cruise missiles.', []],
    ['Russia accuses Ukraine of plotting drone attacks on Moscow', '', []],
    ['Drone hits high-rise in Moscow business district; windows blown out', '', ['strike']],
    ['Missile strikes on Ukrainian energy grid: a timeline', 'Russia has targeted power plants repeatedly since October 2022.', []],
    ['UN chief urges Russia and Ukraine to extend grain deal', '', ['negotiation']],
    ['Ukraine and Russia agree to exchange 1,000 prisoners each after Istanbul talks', '', ['negotiation']],
    ['Pilot killed as Su-25 crashes during training flight in Russia', '', []],
    ['Shelling kills two in Donetsk, separatist officials say', '', ['strike']],
    ["Chess champion's knight attack stuns rival", '', []],
    ['Heart attack kills former minister', '', []],
    ['Erdogan offers to host Putin-Zelensky summit', '', ['negotiation']],
    ["Kyiv dismisses Kremlin's Easter truce as a publicity stunt", '', ['negotiation']],
    ['IAEA chief negotiates with Moscow and Kyiv over protection of nuclear plant', '', ['negotiation']],
    ['Ukraine and Poland settle dispute over grain imports', '', []],
    ['Russia and Ukraine hold talks on gas transit contract', '', []],
    ['Biden and Zelensky discuss air defence in phone call', '', []],
    ['Ukrainian hackers claim cyberattack on Russian bank', '', []],
    ['Fireworks explosion at Kyiv market injures five', 'Police said the blast was caused by illegal pyrotechnics.', []],
    ["Russian air strike on Syria's Idlib kills 7", '', ['strike']],
    ['Kharkiv hit by S-300 missiles overnight', '', ['strike']],
    ['Explosions heard in occupied Melitopol as partisans report drone strike on barracks', '', ['strike']],
    [
      'Russia says it thwarted Ukrainian drone attack on Kremlin',
      'Two drones were disabled by electronic warfare, the Kremlin said.',
      ['strike'],
    ],
    ['Analysts: Russia stockpiling missiles for winter strikes on grid', '', []],
    ['Nuclear plant loses external power after shelling, IAEA says', '', ['strike']],
    ['Russian missile hits Kryvyi Rih apartment block, killing a woman and her two children', '', ['strike']],
    ['Two killed, 15 wounded as drones strike Kharkiv overnight', 'Emergency crews pulled a man from the rubble.', ['strike']],
    ["Ukraine's navy says it destroyed a Russian landing ship in Crimea with sea drones", '', ['strike']],
    ['Belgorod governor: shelling wounds three, damages power line', '', ['strike']],
    ['Zaporizhzhia nuclear plant: IAEA says mines placed around perimeter', '', []],
    ['Russia bans exports of gasoline', '', []],
    ['Turkey says ready to host new round of Russia-Ukraine talks', '', ['negotiation']],
    ['Ukraine hands over 100 Russian POWs in latest exchange', '', ['negotiation']],
    ['Putin says he is open to a ceasefire along current front lines', '', ['negotiation']],
    ['Sumy region: Russians drop bombs from drone on village, elderly man injured', '', ['strike']],
    ['Poland scrambles jets as Russia launches missiles at western Ukraine', '', ['strike']],
    ['Strike by air traffic controllers disrupts flights across France', '', []],
    ['Former soldier jailed for bomb hoax at Kyiv station', '', []],
    ['Russia drops glide bombs on Kharkiv suburbs', '', ['strike']],
    ['Monitors report a drop in shelling along the southern front', '', []],
  ])('%s', (title, summary, expected) => {
    expect(kindsOf(title, summary)).toEqual(expected);
  });
});
