import type { NegotiationFacts, NegotiationOutcome, NegotiationStatus } from '../domain/index.js';
import type { PlaceMention } from '../geo/index.js';
import { matchesOf, unionOf } from '../text/match-all.js';
import { PEOPLE, SEATS } from './actors.js';

/**
 * Who negotiates, where, when, about what, and where each item stands. Status is read per clause
 * ("a moratorium was agreed, although a full ceasefire was declined") so one story can carry
 * several outcomes; the story's overall status is the most consequential of them.
 */
export interface NegotiationSentence {
  text: string;
  lower: string;
  /** Place mentions of this sentence (`findSentencePlaces`). */
  places: readonly PlaceMention[];
}

const TOPICS: readonly [string, RegExp][] = [
  [
    'energy moratorium',
    /\b(moratori(um|a)|cease-?fire|truce|halt|pause|cessation|stop)\b[^.;]{0,60}\b(energy|power (plants?|grid)|electricity)\b/,
  ],
  ['ceasefire', /\b(cease-?fires?|truces?|armistice)\b/],
  [
    'prisoner exchange',
    /\b(prisoners?[- ](swaps?|exchanges?)|(swap|exchange)s? of (prisoners|pows|captives)|from captivity|all for all|freed (\w+ )?(prisoners|pows))\b/,
  ],
  ['bodies repatriation', /\b(return\w*|repatriat\w+|handed over) (of )?(the )?bodies\b/],
  ['humanitarian corridor', /\b(humanitarian corridors?|evacuation corridors?|safe passage|evacuat\w+)\b/],
  ['grain deal', /\b(grain (deal|corridor|agreement|initiative|exports?)|black sea (grain|initiative))\b/],
  ['nuclear plant safety', /\b(iaea|(security|safety|protection|demilitari[sz]ed) zone)\b/],
  ['territory', /\b(cede|ceding|concede|territorial concessions?|surrender)\b/],
  ['minsk agreements', /\bminsk\b/],
  ['peace deal', /\b(peace (deal|plan|agreement|accord|settlement|treaty|formula|terms)|peaceful settlement)\b/],
  ['peace talks', /\b(talks|negotiat\w+|discussions|dialogue|round of|negotiating table)\b/],
];

const STATUS_WORDS: readonly [NegotiationStatus, RegExp][] = [
  [
    'rejected',
    /\b(declin\w+|reject\w+|refus\w+|turn(ed|s)? down|dismiss\w+|rul(ed|es) out|not ready|fail\w*|collaps\w+|broke down|walk(ed)? out|no longer)\b/,
  ],
  ['agreed', /\b(agree\w*|agreement|accept\w*|signed|reached|consent\w*|approv\w+|deal was)\b/],
  [
    'scheduled',
    /\b(schedul\w+|will (begin|start|take place|be held|meet|hold|resume|continue)|to (begin|start|commence|resume|meet|be held|take place)|due to|set to|planned|next round|upcoming|commence\w*|will \w+ on|would (meet|begin|start|hold|resume|convene))\b/,
  ],
  [
    'held',
    /\b(held|took place|met|talked|discussed|spoke|conversation|call|concluded|ongoing|conduct\w+|carried out|exchanged|released|returned|swapped|evacuated)\b/,
  ],
  [
    'proposed',
    /\b(propos\w+|offer\w*|call(ed|s)? for|urg\w+|suggest\w+|request\w*|push\w* for|ready for|seek\w*|invit\w+|aspir\w+|want\w*|initiative)\b/,
  ],
];
const OVERALL: readonly NegotiationStatus[] = ['agreed', 'rejected', 'scheduled', 'held', 'proposed'];
const CLAUSE_PRIORITY: readonly NegotiationStatus[] = ['rejected', 'agreed', 'scheduled', 'held', 'proposed'];

const CLAUSE_BREAK = /;|,?\s+\b(although|though|but|while|whereas|however|yet)\b\s+/;
const DATE =
  /\b((on|this|next|last|by|until|from) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)( (morning|afternoon|evening|night))?\b|\b(on )?(january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}\b|\b(on )?\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(today|tomorrow|tonight|next week|this week|later this week|next month|in the coming days)\b/;
// Every date phrase names a weekday, a month or one of the relative words; the date pattern's four
// branches are slow to try at every word, so this single alternation goes first.
const DATE_WORD =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tomorrow|tonight|next week|this week|later this week|next month|in the coming days)\b/;
const VENUE_BEFORE = /\b(in|at)\s+$/;
const TALKS_WORD = /\b(talks|negotiat\w+|discussions|meet\w*|summit|round|hold|held|host\w*|begin|convene\w*|gather\w*)\b/;
const TITLED_NAME =
  /\b(?:President|Prime Minister|Chancellor|[Ee]nvoy|Minister|Secretary|[Aa]dviser|[Nn]egotiator|Ombudsman)\s+((?:[A-Z][a-z'’-]+\s){0,2}[A-Z][a-z'’-]+)/g;

// Unions of the tables above: most sentences and clauses name no person, seat or topic, and one
// test spares them a test per entry.
const ANY_PERSON = unionOf(PEOPLE.map((a) => a.pattern));
const ANY_SEAT = unionOf(SEATS.map((a) => a.pattern));
// Topics whose pattern is not one \b(…)\b group stand in the union by a word every match of
// theirs ends with ("… energy", "… bodies", "minsk"), so the union stays one flat alternation.
const ENERGY_WORD = /\b(energy|power (plants?|grid)|electricity)\b/;
const GATE_STAND_INS: Readonly<Record<string, RegExp>> = {
  'energy moratorium': ENERGY_WORD,
  'bodies repatriation': /\b(bodies)\b/,
  'minsk agreements': /\b(minsk)\b/,
};
const ANY_TOPIC = unionOf(TOPICS.map(([topic, pattern]) => GATE_STAND_INS[topic] ?? pattern));

// STATUS_WORDS in CLAUSE_PRIORITY order, so the first that matches a clause is its status.
const BY_PRIORITY = CLAUSE_PRIORITY.map((s) => STATUS_WORDS.find(([name]) => name === s)).filter(
  (e): e is [NegotiationStatus, RegExp] => e !== undefined,
);

// "Talks ended without a ceasefire", "no truce was reached", "did not agree": a settlement
// denied is not agreed, whatever verb of agreement the clause also has.
const DENIED_SETTLEMENT =
  /\b(without (a |an |any )?(\w+ )?(cease-?fire|truce|deal|agreement|breakthrough|accord|settlement)|no (\w+ ){0,2}(cease-?fire|truce|deal|agreement|breakthrough|accord|settlement|progress)|(not|never|n't|failed to|unable to) (\w+ ){0,2}(agree\w*|reach\w*|sign\w*|accept\w*|approv\w+|achiev\w+)|stall\w*|deadlock\w*|impasse|fell (through|apart)|to no avail)\b/;
// "Could agree", "hopes to reach a truce": agreement as a prospect is a proposal.
const MODAL_AGREEMENT =
  /\b(could|may|might|would|if|unless|hop\w* to|aim\w* to|seek\w* to|seeking to|tr(y|ies|ying) to|want\w* to|expect\w* to|close to|nearing|push\w* to)\s+(\w+\s+){0,2}(agree\w*|reach\w*|sign\w*|accept\w*|approv\w+)/;

function clauseStatus(clause: string): NegotiationStatus | undefined {
  if (DENIED_SETTLEMENT.test(clause)) return 'rejected';
  for (const [status, pattern] of BY_PRIORITY) {
    if (!pattern.test(clause)) continue;
    return status === 'agreed' && MODAL_AGREEMENT.test(clause) ? 'proposed' : status;
  }
  return undefined;
}

export function extractNegotiationFacts(sentences: readonly NegotiationSentence[]): NegotiationFacts {
  const parties = new Set<string>();
  const people = new Set<string>();
  const outcomes = new Map<string, NegotiationStatus>();
  let venue: string | undefined;
  let datePhrase: { text: string; scheduled: boolean } | undefined;
  for (const { text, lower, places } of sentences) {
    if (ANY_PERSON.test(lower))
      for (const a of PEOPLE)
        if (a.pattern.test(lower)) {
          people.add(a.name);
          if (a.country.length === 2) parties.add(a.country);
        }
    if (ANY_SEAT.test(lower)) for (const a of SEATS) if (a.pattern.test(lower)) parties.add(a.country);
    for (const m of matchesOf(TITLED_NAME, text))
      if (m[1] !== undefined && ![...people].some((p) => p.endsWith(m[1]?.split(' ').pop() ?? ''))) people.add(m[1]);
    for (const mention of places) {
      if (mention.demonym === true) continue;
      if (mention.place.type === 'country') parties.add(mention.place.country);
      else if (
        venue === undefined &&
        VENUE_BEFORE.test(text.slice(Math.max(0, mention.start - 4), mention.start)) &&
        TALKS_WORD.test(lower)
      )
        venue = mention.place.name;
    }
    const scheduled = STATUS_WORDS[2]?.[1].test(lower) ?? false;
    const date = DATE_WORD.test(lower) ? DATE.exec(lower) : null;
    if (date !== null && (datePhrase === undefined || (scheduled && !datePhrase.scheduled))) datePhrase = { text: date[0], scheduled };
    for (const clause of lower.split(CLAUSE_BREAK)) {
      if (clause === undefined || clause.length < 3 || !ANY_TOPIC.test(clause)) continue;
      const status = clauseStatus(clause);
      // The energy pattern backtracks over up to 60 characters; its closing word is checked first.
      const energy = ENERGY_WORD.test(clause) && (TOPICS[0]?.[1].test(clause) ?? false);
      for (const [topic, pattern] of TOPICS) {
        if (topic === 'energy moratorium' ? !energy : !pattern.test(clause)) continue;
        // "ceasefire on energy" is the energy moratorium, not a general ceasefire.
        if (topic === 'ceasefire' && energy && !/\b(full|complete|comprehensive|general|unconditional|\d+-day)\b/.test(clause)) continue;
        const before = outcomes.get(topic);
        if (status !== undefined && (before === undefined || CLAUSE_PRIORITY.indexOf(status) < CLAUSE_PRIORITY.indexOf(before)))
          outcomes.set(topic, status);
        else if (!outcomes.has(topic)) outcomes.set(topic, status ?? 'proposed');
      }
    }
  }
  const facts: NegotiationFacts = { parties: [...parties] };
  if (people.size > 0) facts.people = [...people];
  if (venue !== undefined) facts.venue = venue;
  if (datePhrase !== undefined) facts.datePhrase = datePhrase.text;
  const list: NegotiationOutcome[] = [...outcomes].map(([topic, status]) => ({ topic, status }));
  if (list.length > 0) {
    facts.topics = list.map((o) => o.topic);
    facts.outcomes = list;
    facts.status = OVERALL.find((s) => list.some((o) => o.status === s)) ?? 'proposed';
  }
  return facts;
}
