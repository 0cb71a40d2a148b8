/**
 * Counts written in digits or words ("45", "1,582", "two", "forty-five", "a"), as the wire
 * writes them. Vague amounts ("dozens", "several") are not counts and give undefined.
 */
const UNITS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

const UNIT_WORDS = Object.keys(UNITS)
  .filter((w) => w !== 'a' && w !== 'an')
  .join('|');
const TEN_WORDS = Object.keys(TENS).join('|');

/** A regular-expression source matching one count (without "a"/"an", which callers add where safe). */
export const COUNT = `\\d{1,3}(?:,\\d{3})+|\\d+|(?:${TEN_WORDS})(?:[- ](?:${UNIT_WORDS}))?|(?:${UNIT_WORDS})(?: hundred)?|a dozen|a hundred`;

/** The number a count phrase stands for, or undefined when it is not one. */
export function parseCount(phrase: string): number | undefined {
  const text = phrase.trim().toLowerCase();
  if (/^\d{1,3}(,\d{3})+$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d+$/.test(text)) return Number(text);
  if (text === 'a dozen') return 12;
  if (text === 'a hundred') return 100;
  const hundred = /^(\w+) hundred$/.exec(text);
  if (hundred) {
    const unit = UNITS[hundred[1] ?? ''];
    return unit === undefined ? undefined : unit * 100;
  }
  const [first, second] = text.split(/[- ]/);
  if (first === undefined) return undefined;
  const tens = TENS[first];
  if (tens !== undefined) return tens + (second === undefined ? 0 : (UNITS[second] ?? 0));
  return second === undefined ? UNITS[first] : undefined;
}
