import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeDiscordText, truncateText } from '../../../adapters/discord/discord-text.js';
import { countEmbedChars, EMBED_LIMITS, findMessageProblems } from '../../../adapters/discord/embed-limits.js';
import { colourOf, renderDiscordEmbed } from '../../../adapters/discord/render-embed.js';
import { KINDS, SEVERITIES } from '../../../src/domain/analysis.js';
import type { AlertMessage } from '../../../src/domain/delivery.js';
import { strikeAlert, talksUpdate } from '../../fixtures/alerts/alert-messages.js';

const embedOf = (message: AlertMessage) => {
  const body = renderDiscordEmbed(message);
  expect(body.embeds).toHaveLength(1);
  return body.embeds![0]!;
};

describe('renderDiscordEmbed', () => {
  it('renders a first strike alert', () => {
    expect(renderDiscordEmbed(strikeAlert)).toMatchSnapshot();
  });

  it('renders an update to talks with what changed', () => {
    const body = renderDiscordEmbed(talksUpdate);
    expect(body).toMatchSnapshot();
    expect(body.embeds![0]!.description).toContain('**Updated:** status proposed → scheduled; 4 more sources');
  });

  it('silences every mention and escapes markdown in feed text', () => {
    const hostile: AlertMessage = {
      ...strikeAlert,
      headline: '@everyone **BREAKING** <@&123456789012345678> ||spoiler||',
      summary: '# Heading\n> quoted\n- list [click](https://evil.example) <@123> `code` @here',
      facts: [{ label: '*Weapons*', value: '__25__ drones ~~none~~' }],
      sources: [{ outlet: 'Evil [Wire]', title: 'x](https://evil.example)', link: 'javascript:alert(1)' }],
    };
    const body = renderDiscordEmbed(hostile);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const embed = body.embeds![0]!;
    expect(embed.title).toBe('@\u200beveryone \\*\\*BREAKING\\*\\* \\<@&123456789012345678> \\|\\|spoiler\\|\\|');
    expect(embed.description).toContain(
      '\\# Heading\n\\> quoted\n\\- list \\[click\\](https://evil.example) \\<@123> \\`code\\` @\u200bhere',
    );
    expect(embed.fields![0]).toEqual({ name: '\\*Weapons\\*', value: '\\_\\_25\\_\\_ drones \\~\\~none\\~\\~', inline: true });
    // A javascript: link is never made clickable, and brackets cannot close the label early.
    expect(embed.url).toBeUndefined();
    expect(embed.fields!.at(-1)!.value).toBe('• Evil \\[Wire\\]: x\\](https://evil.example)\n…and 2 more');
  });

  it('colours by kind and severity', () => {
    const strikes = SEVERITIES.map((severity) => colourOf({ kinds: ['strike'], severity }));
    const talks = SEVERITIES.map((severity) => colourOf({ kinds: ['negotiation'], severity }));
    expect(new Set([...strikes, ...talks]).size).toBe(8);
    expect(colourOf({ kinds: ['strike', 'negotiation'], severity: 'low' })).not.toBe(strikes[0]);
    expect(colourOf({ kinds: ['strike'], severity: 'high', mergedInto: 'inc-9' })).not.toBe(strikes[2]);
    expect(embedOf(strikeAlert).color).toBe(strikes[2]);
  });

  it('keeps the timestamp and links the first safe source', () => {
    const embed = embedOf({ ...strikeAlert, sources: [{ outlet: 'A', title: 't', link: 'ftp://x' }, ...strikeAlert.sources] });
    expect(embed.timestamp).toBe('2026-12-01T03:40:00.000Z');
    expect(embed.url).toBe('https://frontline.example/bucha-drones');
    expect(embedOf({ ...strikeAlert, updated: 'yesterday' }).timestamp).toBeUndefined();
  });

  it('points a merged incident at the one it joined', () => {
    expect(embedOf({ ...strikeAlert, mergedInto: 'inc-7' }).description).toMatch(/^\*\*Merged\*\* into incident inc-7/);
  });

  it('fits huge input into every limit, the summary keeping room', () => {
    const long = 'A very long sentence about the attack. '.repeat(400);
    const embed = embedOf({
      ...strikeAlert,
      headline: long,
      summary: long,
      where: long,
      facts: Array.from({ length: 40 }, (_, i) => ({ label: `${i} ${long}`, value: long })),
      sources: Array.from({ length: 30 }, (_, i) => ({ outlet: long, title: long, link: `https://s${i}.example/${'p'.repeat(900)}` })),
      sourceCount: 30,
    });
    expect(findMessageProblems({ embeds: [embed], allowed_mentions: { parse: [] } })).toEqual([]);
    expect(countEmbedChars(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total);
    expect(embed.title!.length).toBeGreaterThan(EMBED_LIMITS.title - 5);
    expect(embed.title!.endsWith('…')).toBe(true);
    expect(embed.description!.length).toBeGreaterThanOrEqual(1500);
  });
});

describe('text helpers', () => {
  it('never ends a cut on a lone escape or half a surrogate pair', () => {
    expect(truncateText('abc\\*def', 5)).toBe('abc…');
    expect(truncateText('ab😀cd', 4)).toBe('ab…');
    expect(truncateText('  short  ', 10)).toBe('short');
  });

  it('escapes every markdown character it sees', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeDiscordText(text);
        // Removing the escapes gives back the text (apart from the zero-width spaces we add).
        expect(escaped.replace(/\\(.)/gs, '$1').replace(/@\u200b/g, '@')).toBe(text);
      }),
    );
  });
});

const hostileText = fc.oneof(
  fc.string({ maxLength: 6000 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc
    .array(fc.constantFrom('@everyone', '<@1>', '**', '\\', '`', '[a](b)', '😀', '\n', '# ', '> ', '   ', '||'), { maxLength: 800 })
    .map((a) => a.join('')),
);
const alert: fc.Arbitrary<AlertMessage> = fc.record({
  incidentId: hostileText,
  version: fc.nat({ max: 1000 }),
  kinds: fc.subarray([...KINDS]),
  severity: fc.constantFrom(...SEVERITIES),
  headline: hostileText,
  where: hostileText,
  regionCodes: fc.array(fc.string(), { maxLength: 3 }),
  facts: fc.array(fc.record({ label: hostileText, value: hostileText }), { maxLength: 30 }),
  summary: hostileText,
  sourceCount: fc.nat({ max: 100_000 }),
  sources: fc.array(fc.record({ outlet: hostileText, title: hostileText, link: fc.oneof(fc.webUrl(), hostileText) }), { maxLength: 12 }),
  firstSeen: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  updated: fc.oneof(
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.string(),
  ),
  changes: fc.array(hostileText, { maxLength: 10 }),
  evidence: fc.array(fc.string(), { maxLength: 3 }),
});

describe('limit validator over hostile alerts', () => {
  it('every rendered alert passes Discord limits and silences mentions', () => {
    fc.assert(
      fc.property(alert, (message) => {
        expect(findMessageProblems(renderDiscordEmbed(message))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the validator itself catches each broken limit', () => {
    const ok = renderDiscordEmbed(strikeAlert);
    const embed = ok.embeds![0]!;
    const broken = (patch: object, mentions: unknown = { parse: [] }) =>
      findMessageProblems({ ...ok, allowed_mentions: mentions as never, embeds: [{ ...embed, ...patch }] });
    const unsilenced = (mentions: unknown) => findMessageProblems({ embeds: ok.embeds!, allowed_mentions: mentions as never });
    expect(broken({ title: 'x'.repeat(257) })).toEqual(['embed 0 title has 257 characters (limit 256)']);
    expect(broken({ description: 'x'.repeat(4097) })[0]).toMatch(/description has 4097/);
    expect(broken({ fields: Array.from({ length: 26 }, () => ({ name: 'a', value: 'b' })) })).toEqual(['embed 0 has 26 fields (limit 25)']);
    expect(broken({ footer: { text: 'x'.repeat(2049) } })[0]).toMatch(/footer has 2049/);
    expect(broken({ fields: [{ name: ' ', value: 'b' }] })).toEqual(['embed 0 field 0 is empty']);
    expect(
      broken({
        description: 'x'.repeat(4000),
        fields: [
          { name: 'n', value: 'v'.repeat(1024) },
          { name: 'n', value: 'v'.repeat(1000) },
        ],
      }),
    ).toContainEqual(expect.stringMatching(/in total \(limit 6000\)/));
    expect(unsilenced(undefined)).toEqual(['allowed_mentions.parse must be []']);
    expect(unsilenced({ parse: ['everyone'] })).toEqual(['allowed_mentions.parse must be []']);
    // Trimmed before counting, as Discord does.
    expect(broken({ title: ` ${'x'.repeat(256)} ` })).toEqual([]);
  });
});
