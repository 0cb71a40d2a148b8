import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSlackAlert } from '../../../adapters/slack/render-slack-alert.js';
import { renderSlackReply } from '../../../adapters/slack/render-slack-reply.js';
import { validateSlackMessage } from '../../../adapters/slack/validate-slack-message.js';
import type { AlertMessage } from '../../../src/domain/index.js';
import { formatAlert } from '../../../src/format/format-alert.js';
import { formatIncidentList } from '../../../src/format/format-incident-list.js';
import { buchaStrike, genevaTalks } from '../../fixtures/alerts/incidents.js';

const HOSTILE = [
  '<!channel>',
  '<!here|here>',
  '<!everyone>',
  '<@U0123ABC>',
  '<!subteam^S123|@team>',
  '<#C0123|general>',
  '<https://evil.example|click>',
  '&amp; & < > *bold* _it_ ~strike~ `code` ```block```',
  ':fire: @here @channel',
  'עברית ومرحبا \u202Eevil\u202C',
  '👩‍👩‍👧‍👦🇺🇦💥',
];

/**
 * Control sequences (mentions, links) in the texts Slack parses: the fallback `text` and every
 * mrkdwn object. plain_text is never parsed, so feed text may stand there as it came. Our own
 * date tokens are the one allowed sequence.
 */
function controlSequences(message: { text: string; blocks: unknown[] }): string[] {
  const parsed: string[] = [message.text];
  JSON.stringify(message.blocks, (_key, value: unknown) => {
    const node = value as { type?: unknown; text?: unknown };
    if (node && node.type === 'mrkdwn' && typeof node.text === 'string') parsed.push(node.text);
    return value;
  });
  return parsed.flatMap((text) => [...text.matchAll(/<[^>]*>?/g)].map((m) => m[0])).filter((s) => !s.startsWith('<!date^'));
}

const alertArb: fc.Arbitrary<AlertMessage> = (() => {
  const text = fc.oneof(fc.string({ maxLength: 400, unit: 'grapheme' }), fc.constantFrom(...HOSTILE), fc.constant('x'.repeat(10_000)));
  const link = fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'not a url', `https://a.example/${'p'.repeat(4000)}`));
  return fc.record({
    incidentId: fc.string({ minLength: 1, maxLength: 40 }),
    version: fc.integer({ min: 1, max: 1000 }),
    kinds: fc.subarray(['strike', 'negotiation'] as const),
    severity: fc.constantFrom('low', 'medium', 'high', 'critical' as const),
    headline: text,
    where: text,
    regionCodes: fc.array(fc.string(), { maxLength: 5 }),
    facts: fc.array(fc.record({ label: text, value: text }), { maxLength: 30 }),
    summary: text,
    sourceCount: fc.nat(10_000),
    sources: fc.array(fc.record({ outlet: text, title: text, link }), { maxLength: 40 }),
    firstSeen: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constant('garbage'),
    ),
    updated: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    changes: fc.array(text, { maxLength: 30 }),
    evidence: fc.array(text, { maxLength: 30 }),
  });
})();

describe('renderSlackAlert', () => {
  it('renders a strike as Block Kit (snapshot)', () => {
    const message = renderSlackAlert(formatAlert(buchaStrike()));
    expect(message).toMatchSnapshot();
    expect(validateSlackMessage(message)).toEqual([]);
  });

  it('renders talks (snapshot)', () => {
    const message = renderSlackAlert(formatAlert(genevaTalks()));
    expect(message).toMatchSnapshot();
    expect(message.unfurl_links).toBe(false);
  });

  it('never lets feed text mention anyone or open a link', () => {
    for (const hostile of HOSTILE) {
      const incident = buchaStrike({ headline: hostile, summary: hostile });
      incident.sources[0] = { ...incident.sources[0]!, outlet: hostile, link: 'javascript:alert(1)' };
      const message = renderSlackAlert(formatAlert(incident));
      expect(controlSequences(message), hostile).toEqual([]);
      expect(validateSlackMessage(message)).toEqual([]);
      expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: hostile, emoji: false } });
    }
  });

  it('keeps every payload within Slack limits, whatever the feed says', () => {
    fc.assert(
      fc.property(alertArb, (alert) => {
        const message = renderSlackAlert(alert);
        expect(validateSlackMessage(message)).toEqual([]);
        expect(controlSequences(message)).toEqual([]);
        expect(message.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it('cuts a 10,000-character title at a code point with an ellipsis', () => {
    const title = `${'🇺🇦'.repeat(5000)}`;
    const header = renderSlackAlert(formatAlert(buchaStrike({ headline: title }))).blocks[0];
    expect(header?.type).toBe('header');
    const text = header?.type === 'header' ? header.text.text : '';
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('flags a payload that breaks the limits', () => {
    const message = renderSlackAlert(formatAlert(buchaStrike()));
    const broken = { ...message, text: '<!channel>', blocks: [...message.blocks, ...Array.from({ length: 50 }, () => message.blocks[1]!)] };
    const problems = validateSlackMessage(broken);
    expect(problems).toContain(`${broken.blocks.length} blocks (max 50)`);
    expect(problems.some((p) => p.includes('control sequence <!channel>'))).toBe(true);
  });
});

describe('renderSlackReply', () => {
  it('renders a lookup with links to posted alerts (snapshot)', () => {
    const list = formatIncidentList([buchaStrike(), genevaTalks()], {
      alertLinks: new Map([['inc-bucha-night', 'https://acme.slack.com/archives/C1/p1700000000000100']]),
      nextCursor: 'MTc0Mnxp',
    });
    const reply = renderSlackReply(list);
    expect(reply).toMatchSnapshot();
    expect(validateSlackMessage(reply)).toEqual([]);
  });

  it('keeps a 50-item lookup of hostile headlines within limits', () => {
    const incidents = Array.from({ length: 50 }, (_, i) =>
      buchaStrike({ id: `inc-${i}`, headline: `${HOSTILE[i % HOSTILE.length]} ${'x'.repeat(9000)}` }),
    );
    const reply = renderSlackReply(formatIncidentList(incidents));
    expect(validateSlackMessage(reply)).toEqual([]);
    expect(controlSequences(reply)).toEqual([]);
  });

  it('makes errors ephemeral with usage and suggestions', () => {
    const reply = renderSlackReply(
      {
        type: 'error',
        code: 'command_invalid',
        message: "unknown region '<!here>'",
        usage: '/subscribe <region> [kind]',
        suggestions: ['Kyiv'],
      },
      'in_channel',
    );
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.blocks).toEqual([
      { type: 'section', text: { type: 'plain_text', text: "⚠️ unknown region '<!here>'", emoji: false } },
      { type: 'section', text: { type: 'plain_text', text: 'Did you mean: Kyiv?', emoji: false } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Usage: `/subscribe &lt;region&gt; [kind]`', verbatim: true }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '`command_invalid`', verbatim: true }] },
    ]);
    expect(controlSequences(reply)).toEqual([]);
  });
});
