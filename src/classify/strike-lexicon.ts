/**
 * Word lists behind the strike rules, written from the labelling guide (../shared/corpus/GUIDE.md),
 * not from any corpus item. Each is a regular-expression source matched on folded, lower-case text.
 */

import { FACILITY_SOURCE, TARGET_AFTER_SOURCE } from '../vocabulary/targets.js';
import { MILITARY_WEAPON_SOURCE, WEAPON_SOURCE } from '../vocabulary/weapons.js';

const alt = (...parts: string[]): string => parts.join('|');

/** Weapons and means of attack (src/vocabulary/weapons.ts). A weapon alone is not a strike: deliveries and arsenals name them too. */
export const WEAPON = WEAPON_SOURCE;

/** Weapons that only armed forces use: their presence overrides "bomb"-style terrorism readings. */
export const MILITARY_WEAPON = MILITARY_WEAPON_SOURCE;

/** Verbs and nouns of a realised attack, its interception or its effects. */
export const ATTACK_ACT = alt(
  'attack(s|ed|ing)?',
  'strikes?',
  'struck',
  'striking',
  'hit(s|ting)?',
  'fired',
  'firing',
  'fire (at|on)',
  'launch(ed|es|ing)',
  'shot down',
  'downed',
  'down(s|ed)? (\\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens)',
  'destroy(ed|s|ing)?',
  'intercept(ed|s|ing|ions?)?',
  'neutrali[sz]ed',
  'explosions?',
  'blasts?',
  'explod(ed|es|ing)',
  'detonat\\w+',
  'damag(ed|es|ing|e)',
  'kill(ed|s|ing)?',
  'injur(ed|ing|ies)',
  'wound(ed|ing)',
  'dead',
  'died',
  'death toll',
  'casualt(y|ies)',
  'victims?',
  'under fire',
  'sorties',
  'came under',
  'target(ed|ing)',
  'rubble',
  'set on fire',
  'ablaze',
  'engaged',
  'hit by',
  'pounded',
  'rained',
  'aimed at',
  'opened fire',
  'sent',
  'hurled',
  'unleashed',
  'drop(s|ped|ping)?',
);

/** Phrases that are a military attack on their own. */
export const ATTACK_COMPOUND = alt(
  'shell(ing|ed)?',
  'bombard\\w+',
  'air ?strikes?',
  'air raids? (on|hit|killed|destroyed)',
  '(missile|rocket|drone|uav|artillery|mortar|kamikaze|aerial|bomb|mlrs|shahed)[- ](strikes?|attacks?|fire|barrages?|salvos?|hits?|raids?)',
  '(struck|hit|attacked|targeted|destroyed|damaged|killed|injured|wounded) by (an? |the )?(\\w+ )?(missiles?|drones?|rockets?|shells?|shelling|bombs?|artillery|air ?strikes?|shrapnel)',
  // A drone or missile coming down on a place is an attack even when the wire calls it a crash.
  '(drones?|uavs?|missiles?|rockets?|shaheds?) (crash(ed|es|ing)?|fell|falls|falling) (into|on|onto)',
);

/** Effects of an attack: casualties, damage, fires, blackouts. */
export const DAMAGE = alt(
  'kill(ed|s|ing)?',
  'dead',
  'died',
  'injur\\w+',
  'wounded',
  'casualt\\w+',
  'victims',
  'death toll',
  'damag\\w+',
  'destroy\\w+',
  'fires?',
  'blaze',
  'rubble',
  'power outages?',
  'blackouts?',
  'evacuat\\w+',
);

/** Things a strike hits (src/vocabulary/targets.ts): "strikes on X" reads as military when X is one of these. */
export const TARGET_AFTER = TARGET_AFTER_SOURCE;

/** Non-military senses of "strike" and natural events; blanked out before any rule looks at the text. */
// The strike rules gate each by the word starts every match contains (`leadingStems`).
export const NOT_MILITARY_STRIKE: readonly { rule: string; pattern: string }[] = [
  { rule: 'hunger-strike', pattern: 'hunger[- ]strik\\w*' },
  {
    rule: 'labour-strike',
    pattern:
      "(labou?r|general|national|nationwide|workers'?|miners'?|teachers'?|nurses'?|doctors'?|rail|railway|transport|dock|dockers'?|postal|student|warning|wildcat|one-day|24-hour|48-hour|pilots'?|union) strikes?" +
      '|(on|went on|go on|going on|stage[ds]? an?|call(ed|s)? an?|threaten(ed|s)? an?|vote[ds]? for an?|join(ed)? the) strike\\b|strike action|strikers|strike ballot|walk-?outs?|picket\\w*',
  },
  {
    rule: 'idiom',
    pattern:
      '(strik(e|es|ing)|struck) (an? |the )?(\\w+ )?(deal|balance|chord|note|pose|bargain|agreement|compromise|tone|match|accord)s?\\b|(strik(e|es|ing)|struck) down|lucky strike|strike out',
  },
  { rule: 'lightning', pattern: 'lightning( strikes?| struck| bolts?)?' },
  {
    rule: 'meteor',
    pattern: '(meteor\\w*|asteroid|fireball)( (strikes?|struck|hits?|explosions?|blasts?|exploded))?',
  },
  // Test launches have no target; "test" before or after the launch word marks them.
  {
    rule: 'weapons-test',
    pattern: '(test|trial)[- ]?(launch\\w*|fir\\w*)|(launch|firing)( \\w+)? tests?|(missile|rocket|weapons?) tests?',
  },
  // "Shell" is also an oil major, and its results are wire news next to the war's.
  {
    rule: 'company',
    pattern: "shell('s)? (plc|profits?|shares|posts|reports|earnings|results|ceo|chief|boss|investors)",
  },
  { rule: 'cyber', pattern: '(cyber|hacker|ddos|ransomware)[- ]?(attacks?|strikes?)' },
];

/** Words that make an attack hypothetical when they govern it: threats, warnings, plans. */
// "May 20" and "on May 20" are a date, not a modal.
export const HYPOTHETICAL =
  "may(?!\\s*\\d)|might|could|would|will|won't|shall|can|cannot|plan(s|ned|ning)?|prepar\\w+|threat\\w*|warn\\w*|expect\\w*|likely|possib\\w*|potential\\w*|" +
  'risk\\w*|ready|protect\\w*|intend\\w*|imminent|impending|fear\\w*|if|unless|capab\\w+|aim(s|ing)?|want(s|ed)?|going|vow\\w*|promis\\w*|poised|' +
  'allow\\w*|permi\\w+|acceptable|legitimate|provocations?|provok\\w+|' +
  // Shielding something from attacks is their general purpose, not a report of one.
  'shield(s|ing)?|(defend|safeguard|guard)(s|ing)? (\\S+ ){0,3}?(from|against)|plot(s|ted|ting)|conspir\\w*';

/** Between a modal and the attack, these turn it back into a report ("will pay for the strike"). */
export const REACTION_BRIDGE = 'for|after|over|about|following|condemn\\w*|investigat\\w*|respon\\w*|since|despite';

/** Verbs that put a weapon in a delivery, arsenal or training story rather than an attack. */
export const DELIVERY =
  'provid\\w*|suppl\\w*|send\\w*|sent|deliver\\w*|transfer\\w*|giv(e|es|ing|en)|gave|donat\\w*|pledg\\w*|purchas\\w*|buy\\w*|bought|acquir\\w*|' +
  'train\\w*|armed with|keep\\w*|stockpil\\w*|produc\\w*|manufactur\\w*|equip\\w*|package|order\\w*|request\\w*|ask\\w*|need\\w*|shortages?|' +
  'import\\w*|export\\w*|sell\\w*|sold|approv\\w*|receiv\\w*|shipment|aid';

/** Statistics and analysis over long periods: about strikes in general, not a specific one. */
export const STATISTICS =
  'since (the )?(beginning|start|outbreak|onset|first days?)|since (the )?(full-scale|invasion|war (began|started)|february|feb\\b|24 february|february 24|\\d{4})|' +
  '(over|in|during) (the )?(past|last|previous) (week|month|year|\\d+ (days|weeks|months))|(past|last) (week|month|year)|so far (this|in)|' +
  'per day|on average|a day on average|missile campaign|strike campaign|bombing campaign|air campaign|(missile|weapons?|nuclear) arsenals?|arsenals? (is|are|has|have|of|running|shrink\\w*|dwindl\\w*)|stockpiles?|running out|' +
  // A timeline or chronology retells many attacks, not one.
  'timeline|chronology|' +
  'between (\\w+ )?\\d{1,2}( \\w+)? and \\d{1,2}\\b';

/** A mention in passing, as background to another story. */
export const BACKGROUND = '\\bamid (the |recent |continued |continuing |ongoing |heavy |constant |renewed |russian |intense )*$';

/** Fewer attacks is news about their absence. */
// "Drop" is also the verb of an air attack ("drop bombs on"): as a trend it needs "in/of".
export const TREND = '((reduc\\w+|decreas\\w+|fewer|less|declin\\w+|lull|pause) (in|of)?|drop\\w* (in|of)) ?(the )?(number of )?$';

/** Explosions and killings that the guide keeps out unless a military weapon is named. */
export const NON_MILITARY_VIOLENCE =
  'terror\\w*|suicide bomb\\w*|car bomb\\w*|pipe bomb\\w*|bomb threats?|gunm[ae]n|shootings?|shooters?|marathon|improvised explosive|\\bied\\b|hostages?|' +
  'meteor\\w*|asteroid|cyber\\w*|crash\\w*|accident\\w*|industrial|factory|fertili[sz]er|chemical plant|gas (leak|explosion)|refinery (fire|explosion|blast)|plant (explosion|blast|fire)|boiler|short circuit|fireworks|mine collapse';

/** "Full-scale attack" is the invasion, not a strike. */
export const INVASION_SCALE = '(full-scale|all-out|military|large-scale ground) $';

/** Ground fighting: repelled attacks and assaults are battles, not weapon strikes. */
export const GROUND_REPEL =
  '\\b(repuls\\w*|repel\\w*|fought off|beat (back|off)|held off|thwart\\w*|foil\\w*|stopped)\\b([^.;]{0,60}?)\\b(attacks?|assaults?|attempts?|offensives?)\\b';

/** Facilities whose attack is physical by nature: "attack on a hospital" is never rhetoric. */
export const FACILITY = FACILITY_SOURCE;

/** A denial or negation just before the act: "was not attacking", "never struck". */
export const NEGATION = "(not|never|no|didn't|wasn't|weren't|hasn't|haven't|denied|den(y|ies)|without)( \\w+)?$";

/** Strikes as the subject of diplomacy: "a halt to strikes on energy", "moratorium on attacks". */
export const NEGOTIATED_SUBJECT =
  '(halt|halting|moratori(um|a)|cease-?fire|pause|stop|stopping|cessation|ban|end|ending|truce|refrain\\w*|no more)( \\S+){0,2}?( (to|on|of|in|from))?\\s*$';

/** Effects that tie a sentence to the attack reported before it ("Two people were injured."). */
export const CONSEQUENCE =
  'kill(ed|ing)|injur(ed|ies)|wounded|dead|died|damag(ed|ing)|destroy(ed|ing)|caught fire|fires? broke out|blaze|ablaze|evacuat\\w+|power outages?|blackouts?|debris|rubble|casualt(y|ies)|shot down|downed|intercepted';
