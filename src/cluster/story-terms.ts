/**
 * The words of a report that say *which* event it is, for comparing reports across outlets.
 * Function words and the vocabulary every war report shares ("attack", "russian", "region")
 * are dropped: they would make any two reports from the same place look alike.
 */
const STOPWORDS = new Set(
  (
    'a an the and or but of in on at to for from by with without into onto over under after before during ' +
    'as is are was were be been being has have had do does did will would can could may might must shall should ' +
    "this that these those it its it's they them their there here he she his her we our you your i me my " +
    'not no nor so than then too very just also still yet about above below up down out off again further once ' +
    'all any both each few more most other some such only own same which who whom whose what when where why how ' +
    'said says say saying told according reported reports report reporting amid while since until against near ' +
    'new news latest update updated live breaking local officials official authorities authority governor mayor ' +
    'head statement telegram media outlet agency sources source spokesperson spokesman ministry minister ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning evening night overnight ' +
    'early late hours hour day days week weeks time times least people person one'
  ).split(' '),
);

/** Words present in nearly every conflict report; they carry no identity of the event. */
const DOMAIN_COMMON = new Set(
  (
    'attack attacks attacked attacking strike strikes struck striking hit hits hitting russia russian russians ' +
    'ukraine ukrainian ukrainians region regional oblast city town village war forces military army troops ' +
    'moscow kyiv kremlin country countries launched launch wave massive large-scale'
  ).split(' '),
);

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  dozen: '12',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  hundred: '100',
};

/** Distinct, crudely stemmed content terms of a title and summary, in first-seen order. */
export function extractTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of splitWords(text)) {
    if (word.length === 0 || STOPWORDS.has(word) || DOMAIN_COMMON.has(word)) continue;
    if (/^\d+$/.test(word)) {
      terms.add(word);
      continue;
    }
    const number = NUMBER_WORDS[word];
    if (number !== undefined) {
      terms.add(number);
      continue;
    }
    if (word.length < 3) continue;
    const stem = stemWord(word);
    if (!DOMAIN_COMMON.has(stem)) terms.add(stem);
  }
  return [...terms];
}

/**
 * Lowercase words without accents. Hyphenated words split ("ukraine-russia", "high-rise")
 * unless they mix letters and digits, which name weapons ("s-300", "kh-101").
 */
function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9-]+/)) {
    const word = raw.replace(/^-+|-+$/g, '');
    if (/[a-z]-?\d|\d-?[a-z]/.test(word)) words.push(word);
    else words.push(...word.split('-'));
  }
  return words;
}

/**
 * Folds plural and tense endings so "injured"/"injures"/"injure" and "drones"/"drone" compare
 * equal. Crude on purpose: both sides of a comparison go through the same folding.
 */
export function stemWord(word: string): string {
  let stem = word;
  if (stem.length > 5 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 5 && stem.endsWith('ing')) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith('ed')) stem = stem.slice(0, -2);
  else if (stem.length > 4 && /(ss|sh|ch|x)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith('s') && !stem.endsWith('ss')) stem = stem.slice(0, -1);
  if (stem !== word && /([bdfgmnprt])\1$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

/**
 * Share of the story's terms the incident already knows (containment). Containment rather than
 * Jaccard because an incident's term set grows with every report while a new report is short.
 */
export function termContainment(storyTerms: readonly string[], incidentTerms: ReadonlySet<string>): number {
  if (storyTerms.length === 0) return 0;
  let shared = 0;
  for (const term of storyTerms) if (incidentTerms.has(term)) shared++;
  return shared / storyTerms.length;
}
