import type { Evidence } from '../domain/index.js';
import { leadingStems } from '../text/leading-stems.js';
import { matchesOf, withoutCaptures, wordStemGroups } from '../text/match-all.js';
import { MILITARY_ACTOR, STATE_ACTOR } from '../vocabulary/actors.js';
import * as L from './strike-lexicon.js';
import { wordsBefore, type Sentence } from './text-units.js';

/**
 * Strike rules, sentence by sentence. A sentence supports "strike" when it has a cue worth 3:
 * an attack phrase ("shelling", "missile strike", "hit by a drone"), a weapon together with an
 * act ("drones … shot down"), or a bare strike/attack word built up by context (an armed actor,
 * casualties or damage, a target after "on"). Each cue is then checked against the guide's
 * exclusions; a cue that is refused becomes `against` evidence saying why.
 */

export interface StrikeSignals {
  evidence: Evidence[];
  /** Indexes of the sentences that carry an accepted strike cue. */
  sentences: number[];
}

interface Cue {
  rule: string;
  index: number;
  end: number;
  weight: number;
  /** Index of the weapon word when the cue rests on one (for the delivery check). */
  weaponIndex?: number;
  /** Where the words between a weapon and a later act lie: a modal there governs the act. */
  between?: { start: number; end: number };
}

// Rules read only whole matches, never groups.
const re = (source: string, flags = 'g') => new RegExp(withoutCaptures(source), flags);
const WEAPON = re(`\\b(${L.WEAPON})\\b`);
const MILITARY_WEAPON = re(`\\b(${L.MILITARY_WEAPON})\\b`, '');
const ACT = re(`\\b(${L.ATTACK_ACT})\\b`);
const COMPOUND = re(`\\b(${L.ATTACK_COMPOUND})\\b`);
const WEAK_WORDS = 'strikes?|struck|striking|attack(s|ed|ing)?';
const WEAK = re(`\\b(${WEAK_WORDS})\\b`);
const ANY_CUE = re(`\\b(${L.ATTACK_COMPOUND}|${L.WEAPON}|${WEAK_WORDS})\\b`, '');
const ACTOR = re(`\\b(${MILITARY_ACTOR})\\b`, '');
const DAMAGE = re(`\\b(${L.DAMAGE})\\b`, '');
// The state or group just before the verb is its subject: "Ukraine struck", "Israel's army hit".
const STATE_SUBJECT = re(
  `\\b(${STATE_ACTOR})('s? (military|army|armed forces|forces|air force|navy|drones?|missiles?))? ((has|have|had|reportedly|also|again|allegedly|then|now) )*$`,
  '',
);
const TARGET_AFTER = re(`^\\s*((on|at|against|in)\\s+)?(\\S+\\s+){0,3}?(${L.TARGET_AFTER})\\b`, '');
const IDIOMS = L.NOT_MILITARY_STRIKE.map(({ rule, pattern }) => ({ rule, pattern: re(`\\b(${pattern})\\b`) }));
const HYPOTHETICAL = re(`\\b(${L.HYPOTHETICAL})\\b`);
const REACTION_BRIDGE = re(`\\b(${L.REACTION_BRIDGE})\\b`, '');
const INFINITIVE = /\bto( \w+)?$/;
const ONGOING_INFINITIVE = /\b(continue[sd]?|continuing|began|begun|started|starts?|used|resumed|managed|tried)\b( \w+)? to( \w+)?$/;
const DELIVERY = re(`\\b(${L.DELIVERY})\\b`, '');
const STATISTICS = re(`\\b(${L.STATISTICS})`, '');
const BACKGROUND = re(L.BACKGROUND, '');
const TREND = re(`\\b${L.TREND}`, '');
const NON_MILITARY = re(`\\b(${L.NON_MILITARY_VIOLENCE})`, '');
const INVASION = re(`\\b${L.INVASION_SCALE}`, '');
const GROUND = re(L.GROUND_REPEL);
const STANDOFF_WEAPON = /\b(air|missile|drone|rocket|artillery)\b/;
// Every idiom and ground-fighting pattern starts its stems at a word; blanking keeps the word
// starts outside what it blanks, so one scan of the sentence tells which of them can match.
const BLANKING_STEMS = wordStemGroups([...L.NOT_MILITARY_STRIKE.map((i) => i.pattern), L.GROUND_REPEL].map(requiredStems));
const GROUND_BIT = 1 << L.NOT_MILITARY_STRIKE.length;
const CONTRADICTIONS = new Set(['strike.not.hypothetical', 'strike.not.trend', 'strike.not.negated', 'strike.not.statistics']);
const FACILITY_AFTER = re(`^\\s*(on|at|against)\\s+(the |a |an )?(\\S+\\s+){0,2}?(${L.FACILITY})\\b`, '');
const FACILITY = re(`\\b(${L.FACILITY})\\b`, '');
const NEGATION = re(`\\b${L.NEGATION}`, '');
const AGAINST_AFTER = /^\S+(\s+\S+){0,6}?\s+(against|at|on)\s/;
const STORED_BEFORE =
  /\b(warehouses?|depots?|stores?|stocks?|stockpiles?|caches?|consignments?|shipments?|crates?|boxes|batch(es)?) of (\w+ )?$/;
const NEGOTIATED = re(`\\b${L.NEGOTIATED_SUBJECT}`, '');

/** The derived word starts of a pattern; a pattern without any could never be gated, so it fails loudly. */
function requiredStems(source: string): string[] {
  const stems = leadingStems(source);
  if (stems === undefined) throw new Error(`strike pattern without a literal word start: ${source.slice(0, 40)}`);
  return stems;
}

/** Strike evidence for a story's sentences, and which sentences report an attack. */
export function detectStrikeSignals(sentences: readonly Sentence[]): StrikeSignals {
  const evidence: Evidence[] = [];
  const accepted: number[] = [];
  const hypotheticalInBody: boolean[] = [];
  let labelOnly: Evidence[] = [];
  sentences.forEach((sentence, i) => {
    const result = judgeSentence(sentence, evidence);
    if (result.accepted && result.labelOnly.length > 0) labelOnly = result.labelOnly;
    else if (result.accepted) accepted.push(i);
    hypotheticalInBody.push(sentence.source === 'summary' && result.hypothetical);
  });
  // "Shelling of X: …" — a headline's topic label names the beat; when the rest of the story
  // says the attacks are threatened, fewer or denied, the label is not a report of one.
  if (labelOnly.length > 0) {
    const contradicted = evidence.some((e) => e.polarity === 'against' && CONTRADICTIONS.has(e.rule));
    if (accepted.length > 0 || !contradicted) accepted.unshift(0);
    else for (const item of labelOnly) Object.assign(item, { polarity: 'against', rule: 'strike.not.topic-label-only' });
  }
  // A headline that names an attack whose lede says it is only being prepared or threatened
  // ("Shelling of X: occupiers prepare to bombard X") reports a threat, not an attack.
  const bodyAccepted = accepted.some((i) => sentences[i]?.source === 'summary');
  if (!bodyAccepted && accepted.length > 0 && hypotheticalInBody.some(Boolean)) {
    const refused = evidence.filter((e) => e.kind === 'strike' && e.polarity === 'for');
    for (const item of refused) {
      item.polarity = 'against';
      item.rule = 'strike.not.headline-of-threat';
    }
    return { evidence, sentences: [] };
  }
  return { evidence, sentences: accepted };
}

function judgeSentence(sentence: Sentence, evidence: Evidence[]): { accepted: boolean; hypothetical: boolean; labelOnly: Evidence[] } {
  let work = sentence.lower;
  // One scan decides whether any idiom or ground-fighting phrase can be present at all.
  const blanking = BLANKING_STEMS(work);
  if (blanking !== 0) work = blankIdioms(work, evidence, blanking);
  const cues = findCues(work);
  // Most sentences carry no cue; the refusal context below is only read for cues.
  if (cues.length === 0) return { accepted: false, hypothetical: false, labelOnly: [] };
  let accepted = false;
  let hypothetical = false;
  const labelEnd = sentence.source === 'title' ? work.indexOf(': ') : -1;
  const inLabel: Evidence[] = [];
  let outsideLabel = false;
  const statistics = STATISTICS.exec(work);
  const nonMilitary = MILITARY_WEAPON.test(work) ? null : NON_MILITARY.exec(work);
  for (const cue of cues) {
    const phrase = quote(sentence, cue.index, cue.end);
    const reason = refusal(work, cue, statistics, nonMilitary);
    if (reason === undefined && cue.weight >= 3) {
      accepted = true;
      const item: Evidence = { kind: 'strike', polarity: 'for', rule: cue.rule, phrase };
      evidence.push(item);
      if (cue.end <= labelEnd) inLabel.push(item);
      else outsideLabel = true;
    } else if (reason !== undefined) {
      if (reason.rule === 'strike.not.hypothetical') hypothetical = true;
      evidence.push(against(reason.rule, reason.phrase ?? phrase));
    }
  }
  return { accepted, hypothetical, labelOnly: outsideLabel ? [] : inLabel };
}

function findCues(work: string): Cue[] {
  // Most sentences name no weapon or attack word: one scan of the union rules them all out.
  const first = ANY_CUE.exec(work);
  if (first === null) return [];
  // No compound, weapon or strike word starts before the union's first match: the scans below
  // start there (acts may come before a weapon, so theirs starts at 0).
  const from = first.index;
  const cues: Cue[] = [];
  for (const m of matchesOf(COMPOUND, work, from))
    cues.push({ rule: 'strike.attack-phrase', index: m.index, end: m.index + m[0].length, weight: 3 });
  const weapons = matchesOf(WEAPON, work, from);
  const acts = weapons.length > 0 ? matchesOf(ACT, work) : [];
  const usedActs = new Set<number>();
  for (const weapon of weapons) {
    // "a warehouse of shells" names stored goods, not the means of an attack.
    if (STORED_BEFORE.test(work.slice(Math.max(0, weapon.index - 24), weapon.index))) continue;
    const act = nearest(acts, weapon.index, weapon.index + weapon[0].length);
    if (act === undefined || covered(cues, weapon.index) || usedActs.has(act.index)) continue;
    usedActs.add(act.index);
    const start = Math.min(weapon.index, act.index);
    const end = Math.max(weapon.index + weapon[0].length, act.index + act[0].length);
    const cue: Cue = { rule: 'strike.weapon-and-act', index: start, end, weight: 3, weaponIndex: weapon.index };
    if (act.index > weapon.index) cue.between = { start: weapon.index + weapon[0].length, end: act.index };
    cues.push(cue);
  }
  for (const m of matchesOf(WEAK, work, from)) {
    if (covered(cues, m.index)) continue;
    const end = m.index + m[0].length;
    const after = work.slice(end);
    const target = FACILITY_AFTER.test(after) ? 2 : Number(TARGET_AFTER.test(after) || FACILITY.test(work));
    const actor = ACTOR.test(work) || STATE_SUBJECT.test(work.slice(Math.max(0, m.index - 48), m.index));
    const weight = 1 + Number(actor) + Number(DAMAGE.test(work.slice(0, m.index) + after)) + target;
    cues.push({ rule: 'strike.military-attack', index: m.index, end, weight });
  }
  return cues.sort((a, b) => b.weight - a.weight || a.index - b.index);
}

function refusal(
  work: string,
  cue: Cue,
  statistics: RegExpExecArray | null,
  nonMilitary: RegExpExecArray | null,
): { rule: string; phrase?: string } | undefined {
  const before = wordsBefore(work, cue.index, 8);
  const modal = lastMatch(HYPOTHETICAL, before);
  if (modal !== undefined && !REACTION_BRIDGE.test(before.slice(modal.index + modal[0].length)))
    return { rule: 'strike.not.hypothetical', phrase: `${before.slice(modal.index)} ${work.slice(cue.index, cue.end)}` };
  // "the missiles would protect cities from strikes": the modal sits inside the cue, before its act.
  const inner = cue.between === undefined ? undefined : lastMatch(HYPOTHETICAL, work.slice(cue.between.start, cue.between.end));
  if (
    inner !== undefined &&
    cue.between !== undefined &&
    !REACTION_BRIDGE.test(work.slice(cue.between.start + inner.index + inner[0].length, cue.between.end))
  ) {
    return { rule: 'strike.not.hypothetical', phrase: work.slice(cue.index, cue.end) };
  }
  // "drones were seen near the runway; no attack was reported": the act itself is negated.
  if (cue.between !== undefined && NEGATION.test(work.slice(cue.between.start, cue.between.end).trimEnd()))
    return { rule: 'strike.not.negated', phrase: work.slice(cue.index, cue.end) };
  if (NEGOTIATED.test(before))
    return { rule: 'strike.not.negotiation-subject', phrase: `${before.split(' ').slice(-3).join(' ')} ${work.slice(cue.index, cue.end)}` };
  if (NEGATION.test(before))
    return { rule: 'strike.not.negated', phrase: `${before.split(' ').slice(-2).join(' ')} ${work.slice(cue.index, cue.end)}` };
  if (INFINITIVE.test(before) && !ONGOING_INFINITIVE.test(before)) return { rule: 'strike.not.hypothetical' };
  // "sent drones against Kyiv" is an attack; "sent drones to Kyiv" a delivery.
  if (cue.weaponIndex !== undefined && DELIVERY.test(wordsBefore(work, cue.weaponIndex, 6)) && !aimedAt(work, cue))
    return { rule: 'strike.not.weapons-delivery' };
  if (statistics !== null) return { rule: 'strike.not.statistics', phrase: statistics[0] };
  if (work.lastIndexOf('amid ', cue.index) !== -1 && BACKGROUND.test(work.slice(0, cue.index)))
    return { rule: 'strike.not.background-mention' };
  if (TREND.test(work.slice(Math.max(0, cue.index - 40), cue.index))) return { rule: 'strike.not.trend' };
  if (nonMilitary !== null) return { rule: 'strike.not.non-military-violence', phrase: nonMilitary[0] };
  if (cue.rule === 'strike.military-attack' && INVASION.test(work.slice(Math.max(0, cue.index - 30), cue.index)))
    return { rule: 'strike.not.invasion' };
  if (cue.weight < 3 && cue.rule === 'strike.military-attack') return { rule: 'strike.not.no-weapon-or-effect' };
  return undefined;
}

/**
 * "against/at/on" after the weapon makes a delivery verb an attack — unless it only follows a
 * later act ("stockpiling missiles for winter strikes on the grid" is still about the arsenal).
 */
function aimedAt(work: string, cue: Cue): boolean {
  const m = AGAINST_AFTER.exec(work.slice(cue.weaponIndex));
  if (m === null) return false;
  return cue.between === undefined || (cue.weaponIndex ?? 0) + m[0].length - 1 <= cue.between.end;
}

/** The act nearest to a weapon in the same sentence, preferring ones within a few words. */
function nearest(acts: RegExpExecArray[], start: number, end: number): RegExpExecArray | undefined {
  let best: RegExpExecArray | undefined;
  let bestDistance = Infinity;
  for (const act of acts) {
    const actEnd = act.index + act[0].length;
    if (act.index >= start && actEnd <= end) continue;
    const distance = act.index >= end ? act.index - end : start - actEnd;
    if (distance >= 0 && distance < bestDistance) {
      best = act;
      bestDistance = distance;
    }
  }
  return best;
}

/** Blanks the idioms whose bit is set in `present` (from BLANKING_STEMS), then repelled assaults. */
function blankIdioms(text: string, evidence: Evidence[], present: number): string {
  let work = text;
  IDIOMS.forEach((idiom, k) => {
    if ((present & (1 << k)) !== 0)
      work = blank(work, idiom.pattern, (phrase) => evidence.push(against(`strike.not.${idiom.rule}`, phrase)));
  });
  if ((present & GROUND_BIT) !== 0)
    work = blank(
      work,
      GROUND,
      (phrase) => evidence.push(against('strike.not.ground-fighting', phrase)),
      (phrase) => !STANDOFF_WEAPON.test(phrase),
    );
  return work;
}

function covered(cues: readonly Cue[], index: number): boolean {
  return cues.some((c) => index >= c.index && index < c.end);
}

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) last = m;
  return last;
}

/** Replaces each match (that `keep` does not spare) with spaces, so later rules cannot see it. */
function blank(text: string, pattern: RegExp, onMatch: (phrase: string) => void, when: (phrase: string) => boolean = () => true): string {
  let out = '';
  let from = 0;
  for (const m of matchesOf(pattern, text)) {
    const match = m[0];
    if (!when(match)) continue;
    onMatch(match);
    out += text.slice(from, m.index) + ' '.repeat(match.length);
    from = m.index + match.length;
  }
  return from === 0 ? text : out + text.slice(from);
}

function quote(sentence: Sentence, start: number, end: number): string {
  const source = sentence.text.length === sentence.lower.length ? sentence.text : sentence.lower;
  return source.slice(start, end);
}

function against(rule: string, phrase: string): Evidence {
  return { kind: 'strike', polarity: 'against', rule, phrase };
}
