import type { Evidence } from '../domain/index.js';
import { leadingStems } from '../text/leading-stems.js';
import { anyWordStem, matchesOf, withoutCaptures } from '../text/match-all.js';
import * as L from './negotiation-lexicon.js';
import { isSpace, type Sentence } from './text-units.js';

/**
 * Negotiation rules. Settlement vocabulary (ceasefire, moratorium, prisoner swap, humanitarian
 * corridor, mediator …) decides on its own; plain "talks"/"negotiations" count only when the
 * sentence names the Russian side or an end to the war, because talks between Ukraine and its
 * allies (support visits, aid, trade, IMF) are the guide's main false friend.
 */

export interface NegotiationSignals {
  evidence: Evidence[];
  sentences: number[];
}

// Rules read only whole matches, never groups.
const re = (source: string, flags = 'g') => new RegExp(withoutCaptures(source), flags);
const SETTLEMENT = re(`\\b(${L.SETTLEMENT_CUE})\\b`);
const TALKS = re(`\\b(${L.TALKS_CUE})\\b`);
const END_OF_WAR = re(`\\b(${L.END_OF_WAR})\\b`, '');
const RUSSIA_SIDE = re(`\\b(${L.RUSSIA_SIDE})\\b`, '');
const UNRELATED = re(`\\b(${L.UNRELATED_TOPIC})\\b`, '');
const OTHER_MORATORIUM = re(`\\b(${L.OTHER_MORATORIUM})\\b`);
const EVACUATION = re(`\\b(${L.ARRANGED_EVACUATION})`);
const END_OF_WAR_PROPOSAL = re(`\\b(${L.END_OF_WAR_PROPOSAL})\\b`, '');
const VISIT = re(`\\b(${L.VISIT})\\b`, '');

export function detectNegotiationSignals(sentences: readonly Sentence[]): NegotiationSignals {
  const evidence: Evidence[] = [];
  const accepted: number[] = [];
  sentences.forEach((sentence, i) => {
    if (judgeSentence(sentence, evidence)) accepted.push(i);
  });
  return { evidence, sentences: accepted };
}

// A sentence can only support a negotiation through one of these cues; every match of each
// contains one of their derived stems at a word start, and most sentences contain none.
const MAY_NEGOTIATE = anyWordStem(
  [L.SETTLEMENT_CUE, L.ARRANGED_EVACUATION, L.END_OF_WAR_PROPOSAL, L.TALKS_CUE].flatMap((source) => {
    const stems = leadingStems(source);
    if (stems === undefined) throw new Error(`negotiation cue without a literal word start: ${source.slice(0, 40)}`);
    return stems;
  }),
);

function judgeSentence(sentence: Sentence, evidence: Evidence[]): boolean {
  if (!MAY_NEGOTIATE.test(sentence.lower)) return false;
  // Most sentences name no moratorium; the callback replace is only worth running when one does.
  const work = !sentence.lower.includes('morator')
    ? sentence.lower
    : sentence.lower.replace(OTHER_MORATORIUM, (phrase) => {
        evidence.push(against('negotiation.not.other-moratorium', phrase));
        return ' '.repeat(phrase.length);
      });
  let accepted = false;
  for (const m of matchesOf(SETTLEMENT, work)) {
    accepted = true;
    evidence.push(support('negotiation.settlement-term', quote(sentence, m.index, m.index + m[0].length)));
  }
  // Both branches of the arranged-evacuation pattern name "evacuat…".
  for (const m of work.includes('evacuat') ? matchesOf(EVACUATION, work) : []) {
    accepted = true;
    evidence.push(support('negotiation.arranged-evacuation', quote(sentence, m.index, m.index + m[0].length)));
  }
  // Both branches need "… war" after "end"; without " war" the backtracking scan is skipped.
  const proposal = work.includes(' war') ? END_OF_WAR_PROPOSAL.exec(work) : null;
  if (proposal !== null) {
    accepted = true;
    evidence.push(support('negotiation.end-of-war-proposal', proposal[0]));
  }
  for (const m of matchesOf(TALKS, work)) {
    if (accepted) break;
    const phrase = quote(sentence, m.index, m.index + m[0].length);
    const around = `${wordsAround(work, m.index, m.index + m[0].length, 4)}`;
    const topic = UNRELATED.exec(around);
    if (topic !== null) {
      evidence.push(against('negotiation.not.unrelated-talks', `${phrase} … ${topic[0]}`));
      continue;
    }
    const end = END_OF_WAR.exec(work);
    if (end !== null) {
      accepted = true;
      evidence.push(support('negotiation.talks-to-end-war', `${phrase} … ${end[0]}`));
      continue;
    }
    const side = RUSSIA_SIDE.exec(work);
    const visit = VISIT.exec(work);
    if (visit !== null) {
      evidence.push(against('negotiation.not.support-visit', `${visit[0]} … ${phrase}`));
    } else if (side !== null) {
      accepted = true;
      evidence.push(support('negotiation.talks-between-sides', `${phrase} … ${side[0]}`));
    } else {
      evidence.push(against('negotiation.not.talks-between-allies', phrase));
    }
  }
  return accepted;
}

function wordsAround(text: string, start: number, end: number, count: number): string {
  return `${lastFields(text, start, count + 1)} ${firstFields(text, end, count + 1)}`;
}

// The two helpers below equal `split(/\s+/)`, a slice of `m` fields and `join(' ')` on the text
// before `stop` / after `from`, without splitting the whole sentence: they walk only as far as
// the fields taken, and when single spaces separate those fields the result is one slice.

function lastFields(text: string, stop: number, m: number): string {
  let runs = 0;
  let plain = true;
  let from = 0;
  for (let i = stop - 1; i >= 0;) {
    if (!isSpace(text.charCodeAt(i))) {
      i--;
      continue;
    }
    let j = i;
    while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
    if (++runs === m) {
      from = i + 1;
      break;
    }
    if (i - j !== 1 || text.charCodeAt(i) !== 32) plain = false;
    i = j;
  }
  const span = text.slice(from, stop);
  return plain ? span : span.split(/\s+/).join(' ');
}

function firstFields(text: string, from: number, m: number): string {
  let runs = 0;
  let plain = true;
  let to = text.length;
  for (let i = from; i < text.length;) {
    if (!isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (++runs === m) {
      to = i;
      break;
    }
    if (j - i !== 1 || text.charCodeAt(i) !== 32) plain = false;
    i = j;
  }
  const span = text.slice(from, to);
  return plain ? span : span.split(/\s+/).join(' ');
}

function quote(sentence: Sentence, start: number, end: number): string {
  const source = sentence.text.length === sentence.lower.length ? sentence.text : sentence.lower;
  return source.slice(start, end);
}

function support(rule: string, phrase: string): Evidence {
  return { kind: 'negotiation', polarity: 'for', rule, phrase };
}

function against(rule: string, phrase: string): Evidence {
  return { kind: 'negotiation', polarity: 'against', rule, phrase };
}
