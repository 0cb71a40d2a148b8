import type { CasualtyFacts } from '../domain/index.js';
import { anyWordStem, matchesOf } from '../text/match-all.js';
import { COUNT, parseCount } from './numbers.js';

/**
 * Killed and injured, in digits or words: "nine civilians killed", "killing two and injuring 13",
 * "a civilian was reported dead", "two people sustained injuries", "death toll rises to 57".
 * The largest figure wins: headline and lede usually repeat one figure, and updates only grow.
 */
const PERSON_NOUN =
  '(?:people|persons?|civilians?|residents?|individuals?|children|child|kids?|adults?|men|women|man|woman|boys?|girls?|soldiers?|servicem[ae]n|rescuers?|police\\w*|workers?|employees?|staff|passengers?|doctors?|nurses?|medics?|patients?|drivers?|officers?|firefighters?|volunteers?|farmers?|students?|journalists?|others?|more|locals?|villagers?|teenagers?|pensioners?|wife|husband|sons?|daughters?|mother|father|grand\\w+)';
// A noun modifier may stand before the person ("three port workers", "hospital staff"), but it
// must end in a person noun, so "three drones were downed" never reads as people.
const PERSON = `(?:(?:[a-z]+\\s+)?${PERSON_NOUN})`;
const ADJECTIVE = '(?:(?:more|other|ukrainian|russian|local|elderly|young|innocent|\\d+-year-old|[a-z]+-year-old)\\s+)';
const LINK =
  '(?:(?:was|were|have|has|had|been|are|is|being|reported(?:ly)?|later|also|confirmed|seriously|critically|badly|lightly|slightly|fatally)\\s+){0,4}';
const KILLED = 'killed|dead|died|perished|lost their lives|lost his life|lost her life';
const INJURED = 'injured|wounded|hurt|sustained injuries|suffered injuries|hospitali[sz]ed|received injuries';
// "another" is the second of a pair whose verb is often elided ("one killed and another injured").
const COUNT_OR_A = `${COUNT}|an?|another`;
const ONE = /^(?:an?|another|his|her|their)$/;
// After a determiner the person must be one: "killing a teenager", never "injuring their children".
const PLURAL_PERSON = /(?:people|children|men|women|staff|s)$/;

const SUBJECT = new RegExp(
  `\\b(?:at least |about |around |more than |over |up to |nearly |almost )?(${COUNT_OR_A})\\s+${ADJECTIVE}{0,2}(${PERSON})?\\s*${LINK}(${KILLED}|${INJURED})\\b`,
  'g',
);
// Active verbs take a count or a single person: "kills a man and injures his wife", "killing his
// two sons", "claimed the lives of four civilians".
const VERB_FIRST = new RegExp(
  `\\b(killing|killed|kills|injuring|injures|wounding|wounds|injured|wounded|(?:claim(?:ed|s|ing)|took|taking) the lives of)\\s+(?:(?:his|her|their)\\s+)?` +
    `(?:at least |about |around |more than |over |nearly |almost )?(${COUNT}|an?|his|her|their)\\b(?:\\s+${ADJECTIVE}{0,2}(${PERSON}))?`,
  'g',
);
// "two rescuers and a police officer were injured": a coordinated subject shares one verb; sum it.
const PART = `(${COUNT}|an?)\\s+${ADJECTIVE}{0,2}${PERSON}`;
const COORDINATED = new RegExp(`\\b${PART},?\\s+and\\s+${PART}\\s+${LINK}(${KILLED}|${INJURED})\\b`, 'g');
// The same after an active verb: "killing a woman and her two children".
const VERB_PART = `(?:(?:his|her|their)\\s+)?(${COUNT}|an?|his|her|their)\\s+${ADJECTIVE}{0,2}(${PERSON})`;
const VERB_COORDINATED = new RegExp(
  `\\b(killing|killed|kills|injuring|injures|wounding|wounds|injured|wounded)\\s+${VERB_PART},?\\s+and\\s+${VERB_PART}`,
  'g',
);
const TOLL = new RegExp(
  `\\b(?:death toll|number of (?:dead|deaths|victims|those killed|people killed|fatalities))\\b[^.;]{0,80}?\\b(?:to|at|reached|reaches|is|stands at)\\s+(?:at least\\s+)?(${COUNT})\\b`,
  'g',
);
// Headlines drop the article: "Elderly man injured as shelling hits Kherson" is one person.
const BARE_SINGLE = new RegExp(
  `^${ADJECTIVE}{0,2}(?:man|woman|child|boy|girl|teenager|civilian|person|pensioner|resident|driver|rescuer|volunteer)\\s+${LINK}(${KILLED}|dies|${INJURED})\\b`,
);
const IS_KILLED = new RegExp(`^(${KILLED}|dies)$`);
const MAY_HAVE_CASUALTY = anyWordStem([
  'kill',
  'dead',
  'died',
  'dies',
  'injur',
  'wound',
  'hurt',
  'toll',
  'perish',
  'lost',
  'lives',
  'hospitali',
  'fatalit',
]);

/** Casualties in folded, lower-case sentences that report an attack. */
export function extractCasualties(sentences: readonly string[]): CasualtyFacts {
  const tally: CasualtyFacts = {};
  for (const text of sentences) {
    // Most sentences name no casualty; a plain substring test spares them the heavy patterns.
    if (!MAY_HAVE_CASUALTY.test(text)) continue;
    for (const m of matchesOf(SUBJECT, text)) {
      const [, amount = '', person, verb = ''] = m;
      // "a" counts one only for a person ("a civilian was killed"), never "a drone … killed".
      if (/^an?$/.test(amount) && person === undefined) continue;
      if (person === undefined && !/^\d|^[a-z]/.test(amount)) continue;
      noteCount(tally, IS_KILLED.test(verb) ? 'killed' : 'injured', parseCount(ONE.test(amount) ? 'one' : amount));
    }
    for (const m of matchesOf(VERB_FIRST, text)) {
      const [, verb = '', amount = '', person] = m;
      if (ONE.test(amount) && (person === undefined || PLURAL_PERSON.test(person))) continue;
      noteCount(tally, /^(?:kill|claim|t)/.test(verb) ? 'killed' : 'injured', parseCount(ONE.test(amount) ? 'one' : amount));
    }
    for (const m of matchesOf(COORDINATED, text)) {
      const [, first = '', second = '', verb = ''] = m;
      noteCount(
        tally,
        IS_KILLED.test(verb) ? 'killed' : 'injured',
        (parseCount(ONE.test(first) ? 'one' : first) ?? 0) + (parseCount(ONE.test(second) ? 'one' : second) ?? 0),
      );
    }
    for (const m of matchesOf(VERB_COORDINATED, text)) {
      const [, verb = '', first = '', firstPerson = '', second = '', secondPerson = ''] = m;
      const a = personCount(first, firstPerson);
      const b = personCount(second, secondPerson);
      if (a !== undefined && b !== undefined) noteCount(tally, /^kill/.test(verb) ? 'killed' : 'injured', a + b);
    }
    for (const m of matchesOf(TOLL, text)) noteCount(tally, 'killed', parseCount(m[1] ?? ''));
    const single = BARE_SINGLE.exec(text);
    if (single) noteCount(tally, IS_KILLED.test(single[1] ?? '') ? 'killed' : 'injured', 1);
  }
  const facts: CasualtyFacts = {};
  if (tally.killed !== undefined) facts.killed = tally.killed;
  if (tally.injured !== undefined) facts.injured = tally.injured;
  return facts;
}

/** People counted by an amount before a person noun; a determiner counts one singular person. */
function personCount(amount: string, person: string): number | undefined {
  if (!ONE.test(amount)) return parseCount(amount);
  return PLURAL_PERSON.test(person) ? undefined : 1;
}

/** Keeps the largest figure of each kind (a module-level function, not a per-call closure). */
function noteCount(tally: CasualtyFacts, kind: 'killed' | 'injured', count: number | undefined): void {
  if (count === undefined || count <= 0) return;
  tally[kind] = Math.max(tally[kind] ?? 0, count);
}
