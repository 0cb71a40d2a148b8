import { createHash } from 'node:crypto';

/**
 * A story's id is its idempotency key everywhere downstream (BullMQ job id, seen-set member,
 * incident membership), so it must be the same on every poll of the same item and contain no
 * `:` (BullMQ reserves it). Preference: the feed's guid; else the canonical link; else title +
 * date. Hashed with the feed id so two feeds that share guids never collide.
 */
export function deriveStoryId(
  feedId: string,
  identity: { guid?: string | undefined; link?: string | undefined; title?: string | undefined; date?: string | undefined },
): string | undefined {
  const key = identity.guid
    ? `guid\u0000${identity.guid.trim()}`
    : identity.link
      ? `link\u0000${canonicaliseLink(identity.link) ?? identity.link.trim()}`
      : identity.title
        ? `title\u0000${identity.title.trim().toLowerCase()}\u0000${identity.date ?? ''}`
        : undefined;
  if (key === undefined) return undefined;
  const digest = createHash('sha256').update(`${feedId}\u0000${key}`).digest('hex').slice(0, 24);
  return `${feedId}-${digest}`;
}

// Tracking parameters that vary per share but point at the same story.
const TRACKING_PARAMS =
  /^(utm_.*|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|at_medium|at_campaign|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee)$/i;

/** http(s) link without fragment and tracking parameters; undefined for anything else. */
export function canonicaliseLink(link: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(name)) url.searchParams.delete(name);
  }
  return url.href;
}
