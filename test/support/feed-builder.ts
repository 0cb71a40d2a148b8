/** Builds small RSS 2.0 documents of invented stories for tests and benchmarks. */
export interface FixtureItem {
  guid: string;
  title: string;
  /** Epoch ms; omitted = an undated item. */
  published?: number;
  description?: string;
}

export function buildRss(items: readonly FixtureItem[], options: { title?: string; ttlMinutes?: number } = {}): string {
  const body = items
    .map(
      (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>https://fixture-wire.example/news/${encodeURIComponent(item.guid)}?utm_source=rss</link>
      <guid isPermaLink="false">${escapeXml(item.guid)}</guid>${item.published === undefined ? '' : `\n      <pubDate>${new Date(item.published).toUTCString()}</pubDate>`}
      <description><![CDATA[<p>${escapeXml(item.description ?? `${item.title}, reported by our fixture desk.`)}</p>]]></description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${escapeXml(options.title ?? 'Fixture Wire')}</title>
    <link>https://fixture-wire.example/</link>
    <description>Invented stories for wirewatch tests.</description>${options.ttlMinutes === undefined ? '' : `\n    <ttl>${options.ttlMinutes}</ttl>`}
${body}
  </channel>
</rss>
`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
