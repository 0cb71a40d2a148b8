/**
 * How long a publisher asks us to wait before asking again: Cache-Control max-age from the
 * response, `<ttl>` (minutes) from an RSS channel. Honouring them is polite and cheap; the caller
 * caps the result so a feed saying "ttl 1440" is still polled within `maxCacheSeconds`.
 */
export function readMaxAgeSeconds(cacheControl: string | undefined): number | undefined {
  if (!cacheControl) return undefined;
  const directives = cacheControl
    .toLowerCase()
    .split(',')
    .map((d) => d.trim());
  if (directives.includes('no-cache') || directives.includes('no-store')) return 0;
  for (const directive of directives) {
    const match = /^max-age\s*=\s*"?(\d+)"?$/.exec(directive);
    if (match?.[1]) return Number.parseInt(match[1], 10);
  }
  return undefined;
}

export function readTtlSeconds(ttl: unknown): number | undefined {
  if (typeof ttl !== 'string' && typeof ttl !== 'number') return undefined;
  const minutes = Number.parseInt(String(ttl).trim(), 10);
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60 : undefined;
}

/**
 * Seconds until the next poll is worth making: the larger of our interval and the publisher's
 * hint, the hint capped at `maxCacheSeconds`.
 */
export function chooseDelaySeconds(intervalSeconds: number, hints: ReadonlyArray<number | undefined>, maxCacheSeconds: number): number {
  const hint = Math.max(0, ...hints.filter((h): h is number => h !== undefined));
  return Math.max(intervalSeconds, Math.min(hint, maxCacheSeconds));
}
