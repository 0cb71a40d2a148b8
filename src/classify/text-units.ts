import { collapseWhitespace, htmlToText } from '../text/html-to-text.js';
import { splitSentences } from '../text/split-sentences.js';

/**
 * The classifier reasons sentence by sentence: "may launch" two sentences away must not cancel a
 * report of shelling, and evidence is quoted from the sentence that decided it.
 */
export interface Sentence {
  /** Original casing, for quoting evidence and finding names. */
  text: string;
  /** Lower-cased with typographic quotes and dashes folded, for matching. */
  lower: string;
  /** The headline is a sentence of its own. */
  source: 'title' | 'summary';
}

export interface StoryText {
  title: string;
  summary?: string;
}

// Wire boilerplate that carries no meaning: a date stamp prefix, "« Section | Site" suffixes,
// "View news." trailers and "— Agency." attributions. Left in, they leak site names into matching.
const TITLE_SUFFIX = /\s*(\(\d{1,2}\.\d{1,2}\.\d{2,4}\s+\d{1,2}:\d{2}\))?\s*«[^«]*$/;
const STAMP_PREFIX = /^\s*\d{1,2}\.\d{1,2}\.\d{2,4}\s+\d{1,2}:\d{2}\s*-\s*/;
const VIEW_TRAILER = /\s*View(\s+(photo|video))?\s+news\.?\s*$/i;
const AGENCY_TRAILER = /\s*[—–-]{1,2}\s*[A-Z][\w.]*(\s+[A-Z][\w.]*)?\.?\s*$/;
const VIEW_WORD = /view/i;
const DASH = /[—–-]/;

/** Plain text of a title or summary: HTML stripped, entities decoded, boilerplate removed. */
export function cleanFeedText(raw: string, part: 'title' | 'summary'): string {
  let text = /[<&]/.test(raw) ? htmlToText(raw) : collapseWhitespace(raw);
  // The suffix needs a «; most titles have none, and the pattern would try every space.
  if (part === 'title') return (text.includes('«') ? text.replace(TITLE_SUFFIX, '') : text).trim();
  text = text.replace(STAMP_PREFIX, '');
  // Trailers sit in the last few words; matching only the tail keeps long ledes cheap.
  // Each trailer needs a literal ("view", a dash); without one its pattern is not run.
  const cut = Math.max(0, text.length - 80);
  const original = text.slice(cut);
  let tail = VIEW_WORD.test(original) ? original.replace(VIEW_TRAILER, '') : original;
  if (DASH.test(tail)) tail = tail.replace(AGENCY_TRAILER, '');
  return (tail === original ? text : text.slice(0, cut) + tail).trim();
}

const FOLDABLE = /[\u2018\u2019\u02bc`´\u201c\u201d\u00ab\u00bb\u201e\u2010-\u2015\u00a0]/;

/** Folds curly quotes, dashes and non-breaking spaces so lexicons need one spelling. */
export function foldText(text: string): string {
  // Plain ASCII punctuation is the common case: one scan instead of four replaces.
  if (!FOLDABLE.test(text)) return text.toLowerCase();
  return text
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb\u201e]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\u00a0/g, ' ')
    .toLowerCase();
}

/** Title and summary as cleaned sentences, the title first. */
export function toSentences(story: StoryText): Sentence[] {
  const title = cleanFeedText(story.title, 'title');
  const summary = story.summary === undefined ? '' : cleanFeedText(story.summary, 'summary');
  const sentences: Sentence[] = [];
  const kept = new RepeatFilter();
  if (title.length > 0) {
    const lower = foldText(title);
    sentences.push({ text: title, lower, source: 'title' });
    kept.isRepeat(lower);
  }
  for (const text of splitSentences(summary)) {
    const lower = foldText(text);
    // Many feeds repeat the headline as the first sentence of the lede; count it once.
    if (kept.isRepeat(lower)) continue;
    sentences.push({ text, lower, source: 'summary' });
  }
  return sentences;
}

/**
 * Remembers the sentences kept so far and tells whether a new one repeats one of them, punctuation
 * aside. Two sentences with the same bare form begin and end with the same letter or digit, so
 * the bare forms are built only when those collide — most stories have no such pair.
 */
class RepeatFilter {
  private readonly kept: { lower: string; first: number; last: number; key?: string }[] = [];

  /** True when `lower` repeats a kept sentence; otherwise keeps it and returns false. */
  isRepeat(lower: string): boolean {
    const first = edgeCode(lower, 0, 1);
    const last = edgeCode(lower, lower.length - 1, -1);
    for (const earlier of this.kept) {
      if (earlier.first !== first || earlier.last !== last) continue;
      earlier.key ??= bare(earlier.lower);
      if (earlier.key === bare(lower)) return true;
    }
    this.kept.push({ lower, first, last });
    return false;
  }
}

/** The first character `bare` keeps (a letter or digit of NOT_BARE) walking from `i` by `step`. */
function edgeCode(text: string, i: number, step: 1 | -1): number {
  for (; i >= 0 && i < text.length; i += step) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x400 && c <= 0x4ff)) return c;
  }
  return -1;
}

/** The words just before `index` in `lower`, bounded by `count` and by the start of a clause. */
export function wordsBefore(lower: string, index: number, count: number): string {
  const head = lower.slice(0, index);
  if (count <= 0) {
    // slice(-0) keeps every word of the clause; a negative count drops words from its start.
    const clauseStart = Math.max(
      head.lastIndexOf(';'),
      head.lastIndexOf(' but '),
      head.lastIndexOf(' although '),
      head.lastIndexOf(' while '),
    );
    return head
      .slice(clauseStart + 1)
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .slice(-count)
      .join(' ');
  }
  // Take the last words first, then look for a clause start only inside their span (one
  // character wider, for the space before a marker): a marker further back cannot cut them.
  const span = lastWords(head, -1, count);
  const from = Math.max(0, span.start - 1);
  const tail = head.slice(from);
  const marker = Math.max(tail.lastIndexOf(';'), tail.lastIndexOf(' but '), tail.lastIndexOf(' although '), tail.lastIndexOf(' while '));
  return marker === -1 ? span.words : lastWords(head, from + marker, count).words;
}

/** Up to `count` whitespace-separated words ending `head`, none at or before `limit`. */
function lastWords(head: string, limit: number, count: number): { words: string; start: number } {
  // First pass: find the span and whether single spaces separate its words. Then the joined
  // words are the span itself, and one slice replaces an array of words and its join.
  let i = head.length - 1;
  let start = head.length;
  let last = -1;
  let taken = 0;
  let plain = true;
  while (taken < count) {
    const gapEnd = i;
    while (i > limit && isSpace(head.charCodeAt(i))) i--;
    if (i <= limit) break;
    if (last === -1) last = i + 1;
    else if (gapEnd - i !== 1 || head.charCodeAt(gapEnd) !== 32) plain = false;
    while (i > limit && !isSpace(head.charCodeAt(i))) i--;
    start = i + 1;
    taken++;
  }
  if (last === -1) return { words: '', start };
  if (plain) return { words: head.slice(start, last), start };
  const words: string[] = [];
  for (let j = start; j < last;) {
    let k = j;
    while (k < last && !isSpace(head.charCodeAt(k))) k++;
    words.push(head.slice(j, k));
    while (k < last && isSpace(head.charCodeAt(k))) k++;
    j = k;
  }
  return { words: words.join(' '), start };
}

/** Exactly the characters `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
export function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

// Runs of anything but letters and digits, except a lone space (which would become itself):
// leaving those alone spares a replacement per word. Each branch starts with one fixed class
// (a run opening with punctuation, or a space followed by more) so the scan rejects letters fast.
const NOT_BARE = /[^a-z0-9\u00c0-\u024f\u0400-\u04ff ][^a-z0-9\u00c0-\u024f\u0400-\u04ff]*| [^a-z0-9\u00c0-\u024f\u0400-\u04ff]+/g;

/** A sentence without punctuation, for spotting a headline repeated in the lede. */
function bare(text: string): string {
  return text.replace(NOT_BARE, ' ').trim();
}
