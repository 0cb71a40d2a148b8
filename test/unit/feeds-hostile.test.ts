import { describe, expect, it } from 'vitest';
import { decodeFeedBody } from '../../src/feeds/decode-feed-body.js';
import { escapeStrayAmpersands, parseFeedDocument } from '../../src/feeds/parse-feed.js';
import { isBlockedAddress } from '../../src/feeds/address-guard.js';
import { WirewatchError } from '../../src/errors.js';

const rss = (items: string, head = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${head}<rss version="2.0"><channel><title>Wire</title>${items}</channel></rss>`;

describe('hostile and broken feed bytes', () => {
  it('a declared UTF-8 feed with one bad byte keeps its valid Cyrillic; the bad byte alone becomes U+FFFD', () => {
    const [before, after] = rss('<item><title>Удар по Київ</title></item><item><title>caf@</title></item>').split('@');
    const bytes = Buffer.concat([Buffer.from(before!, 'utf8'), Buffer.from([0xe9]), Buffer.from(after!, 'utf8')]);
    const text = decodeFeedBody(bytes, 'application/rss+xml; charset=utf-8');
    expect(text).toContain('Удар по Київ');
    expect(text).toContain('caf\uFFFD</title>');
    // Declared in the prolog only: the same rule.
    expect(decodeFeedBody(bytes)).toContain('Удар по Київ');
  });

  it("escapes only the '&' that start no entity, and leaves CDATA alone", () => {
    const { text, count } = escapeStrayAmpersands('<t>Q&A &amp; &#38; &#x26; AT&T</t><d><![CDATA[a & b]]></d>');
    expect(count).toBe(2);
    expect(text).toBe('<t>Q&amp;A &amp; &#38; &#x26; AT&amp;T</t><d><![CDATA[a & b]]></d>');
  });

  it('a feed with a bare & parses with every item; a broken feed that is not only & still fails clearly', async () => {
    const feed = await parseFeedDocument(rss('<item><title>Q&A on the talks</title></item><item><title>Two</title></item>'));
    expect(feed.items.map((i) => i.title)).toEqual(['Q&A on the talks', 'Two']);
    expect(feed.repaired).toBe("escaped 1 stray '&'");
    await expect(parseFeedDocument('<rss><channel><title>Q&A</title><<<</rss>')).rejects.toMatchObject({ code: 'feed_unparseable' });
  });

  it('billion laughs: entities are not expanded into memory', async () => {
    const lol = [
      '<!DOCTYPE rss [<!ENTITY a "hahahahahahahahahaha">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`),
      ']>',
    ].join('');
    const outcome = await parseFeedDocument(rss('<item><title>&j;</title></item>', lol)).then(
      (feed) => JSON.stringify(feed).length,
      (error: unknown) => error,
    );
    if (typeof outcome === 'number') expect(outcome).toBeLessThan(100_000);
    else expect(outcome).toBeInstanceOf(WirewatchError);
  });

  it('external entities (XXE) never read a local file', async () => {
    const xxe = '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]>';
    const outcome = await parseFeedDocument(rss('<item><title>see &x;</title></item>', xxe)).then(
      (feed) => JSON.stringify(feed),
      (error: unknown) => (error as WirewatchError).code,
    );
    const { readFileSync } = await import('node:fs');
    const hostname = readFileSync('/etc/hostname', 'utf8').trim();
    expect(outcome === 'feed_unparseable' || !outcome.includes(hostname)).toBe(true);
  });

  it('SSRF: 6to4, Teredo and local-use NAT64 addresses are refused', () => {
    for (const address of ['2002:7f00:1::', '2002:a9fe:a9fe::1', '2001:0:4136:e378::1', '64:ff9b:1::a00:1']) {
      expect(isBlockedAddress(address), address).toBe(true);
    }
    expect(isBlockedAddress('2606:4700::1111')).toBe(false);
  });
});

describe('what the core hands on to the renderers', () => {
  it('mentions and Markdown stay literal text (renderers neutralise them); bidi overrides are removed', async () => {
    const { normaliseStories } = await import('../../src/feeds/normalise-stories.js');
    const feed = await parseFeedDocument(
      rss(
        '<item><guid>m</guid><title>@everyone &lt;@U024BE7LH&gt; &lt;!channel&gt; [click](https://evil.example) \u202Eevil</title>' +
          '<description>&lt;p&gt;@here &lt;@&amp;123&gt; **bold** \u2066x\u2069&lt;/p&gt;</description></item>',
      ),
    );
    const [story] = normaliseStories(feed, { feedId: 'wire', now: Date.UTC(2026, 0, 1) });
    // `<!channel>` reads as an SGML declaration once unescaped and is stripped with the tags.
    expect(story?.title).toBe('@everyone <@U024BE7LH> [click](https://evil.example) evil');
    expect(story?.summary).toBe('@here <@&123> **bold** x');
  });

  it('a huge summary is bounded before it is processed, and no half tag survives the cut', async () => {
    const { htmlToText } = await import('../../src/text/html-to-text.js');
    const html = `<p>${'Shelling reported near the port. '.repeat(2000)}</p><a href="https://x.example/${'y'.repeat(50)}">`;
    const text = htmlToText(html, { maxLength: 100 });
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text.startsWith('Shelling reported near the port.')).toBe(true);
    expect(htmlToText(`${'a '.repeat(900)}<a href="https://x.example/`, { maxLength: 100 })).not.toContain('<');
  });
});
