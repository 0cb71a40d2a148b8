// Command-line sizes for benches: `npm run bench -- <name> --quick` or `--feeds 10000` and so on.

/** The integer after `flag` on the command line, or `fallback`. */
export function argNumber(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** `--quick`: the small sizes, for a first look on a loaded machine. */
export const quick = (): boolean => process.argv.includes('--quick');

/** Median and range of a few trials. */
export function summarise(values: readonly number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** `1,234 (min–max 1,100–1,300)`. */
export function describeRange(values: readonly number[], digits = 0): string {
  const { median, min, max } = summarise(values);
  return `${fmt(median, digits)} (min–max ${fmt(min, digits)}–${fmt(max, digits)})`;
}
