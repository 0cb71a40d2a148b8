import { describe, expect, it } from 'vitest';
import * as N from '../../src/classify/negotiation-lexicon.js';
import { detectNegotiationSignals } from '../../src/classify/negotiation-signals.js';
import { detectStrikeSignals } from '../../src/classify/strike-signals.js';
import { toSentences } from '../../src/classify/text-units.js';
import { weaponFamily } from '../../src/cluster/weapon-family.js';
import { configSchema } from '../../src/config/schema.js';
import { judgeMention } from '../../src/extract/place-roles.js';
import { extractTargets } from '../../src/extract/targets.js';
import { findPlaceMentions } from '../../src/geo/index.js';
import { extractWeapons } from '../../src/extract/weapons.js';
import { TARGET_KINDS, TARGET_SECTOR_SOURCE } from '../../src/vocabulary/targets.js';
import { MILITARY_WEAPON_SOURCE, WEAPON_SOURCE, WEAPONS } from '../../src/vocabulary/weapons.js';
import { alternativesOf, samplesOf } from '../support/sample-regex.js';

// Every surface form of the one vocabulary gets examples generated from the form itself, and the
// matchers derived from the vocabulary (cues, gates, facts, families) must find each of them.

const anyWeapon = new RegExp(`\\b(${WEAPON_SOURCE})\\b`);
const militaryWeapon = new RegExp(`\\b(${MILITARY_WEAPON_SOURCE})\\b`);

describe('the weapon vocabulary', () => {
  for (const entry of WEAPONS)
    for (const form of entry.forms)
      it(`${entry.id}: ${form.source}`, () => {
        for (const example of samplesOf(form.source)) {
          expect(anyWeapon.exec(example)?.index, example).toBe(0);
          if (form.military === true) expect(militaryWeapon.test(example), example).toBe(true);
          const strike = detectStrikeSignals(toSentences({ title: `Russian ${example} struck the city overnight` }));
          expect(strike.sentences, example).toEqual([0]);
          expect(weaponFamily(entry.id)).toBe(entry.family);
          if (!entry.fact) continue;
          expect(weaponFamily(example), example).toBe(entry.family);
          expect(
            extractWeapons([`two ${example} hit the city`]).map((w) => w.weapon),
            example,
          ).toContain(entry.id);
        }
      });

  it('has one id per entry and compares families, not spellings', () => {
    expect(new Set(WEAPONS.map((w) => w.id)).size).toBe(WEAPONS.length);
    expect(weaponFamily('Shahed')).toBe(weaponFamily('kamikaze drone'));
    expect(weaponFamily('neptune')).toBe('missile');
    expect(weaponFamily('catapult')).toBe('catapult');
  });
});

describe('the target vocabulary', () => {
  for (const [type, source] of TARGET_KINDS)
    it(`${type}: every form is a target of that kind and a facility for the strike rules`, () => {
      for (const alternative of alternativesOf(source))
        for (const example of samplesOf(alternative, 8)) {
          expect(extractTargets([`the strike hit the ${example} overnight`]), example).toContain(type);
          const strike = detectStrikeSignals(toSentences({ title: `Overnight strikes on the ${example}` }));
          expect(strike.sentences, example).toEqual([0]);
        }
    });

  it('makes a demonym before any target form, or a sector, the place hit ("Ukrainian hospitals", "Ukrainian energy")', () => {
    // Military objects are judged by the asset and attacker rules first ("Russian positions", "the Ukrainian military").
    const civilian = TARGET_KINDS.filter(([type]) => type !== 'military');
    const forms = [...civilian.flatMap(([, source]) => alternativesOf(source)), ...alternativesOf(TARGET_SECTOR_SOURCE)];
    for (const alternative of forms)
      for (const example of samplesOf(alternative, 4)) {
        const text = `Drones hit Ukrainian ${example} overnight`;
        const [mention] = findPlaceMentions(text, { demonyms: true });
        expect(mention?.place.code, text).toBe('UA');
        // "Ukrainian oil depot" is read by the asset rule: the side owns what was hit, still not a bystander.
        expect(['target', 'owner'], text).toContain(judgeMention(text, mention!));
      }
  });
});

describe('the negotiation lexicon and its derived gate', () => {
  const accepts = (text: string): boolean => detectNegotiationSignals(toSentences({ title: text })).sentences.length > 0;
  const cases: [string, string, string][] = [
    ['settlement', N.SETTLEMENT_CUE, ''],
    ['arranged evacuation', N.ARRANGED_EVACUATION, ''],
    ['end-of-war proposal', N.END_OF_WAR_PROPOSAL, ''],
    ['talks with the other side', N.TALKS_CUE, ' with russia'],
  ];
  for (const [name, source, suffix] of cases)
    it(`every ${name} form fires`, () => {
      for (const alternative of alternativesOf(source))
        for (const example of samplesOf(alternative, 24)) expect(accepts(`${example}${suffix}`), example).toBe(true);
    });

  it('fires on the three cues the hand-written gate used to block', () => {
    expect(accepts('Turkey wants the Black Sea Initiative revived')).toBe(true);
    expect(accepts('Russia handed over the remains of 500 soldiers')).toBe(true);
    expect(accepts('Ukraine freed 95 defenders')).toBe(true);
  });
});

describe('configuration defaults', () => {
  it('come from each field once: a missing section parses like an empty one', () => {
    const sections = { redis: {}, feedDefaults: {}, incidents: {}, slack: {}, discord: {} };
    expect(configSchema.parse({})).toEqual(configSchema.parse(sections));
    expect(configSchema.parse({}).feedDefaults.intervalSeconds).toBe(60);
  });
});
