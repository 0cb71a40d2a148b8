import type { AlertMessage, ChannelAddress, OperatorNotice } from '../../src/domain/index.js';

const KIND_LABEL: Record<string, string> = { strike: 'STRIKE', negotiation: 'TALKS' };

/**
 * An alert as a few plain lines a person can read in a terminal: what, how bad, where, the
 * headline, the facts, the sources, and for an edit what changed.
 */
export function renderConsoleAlert(message: AlertMessage, heading: string): string {
  const kinds = message.kinds.map((k) => KIND_LABEL[k] ?? k.toUpperCase()).join(' + ');
  const lines = [
    `── ${heading} ── ${kinds} · ${message.severity.toUpperCase()} · ${message.where || 'place unknown'}`,
    `   ${message.headline}`,
  ];
  if (message.mergedInto) lines.push(`   merged into incident ${message.mergedInto}: updates continue there`);
  if (message.changes.length > 0) lines.push(`   changed: ${message.changes.join('; ')}`);
  for (const fact of message.facts) lines.push(`   ${fact.label}: ${fact.value}`);
  if (message.summary) lines.push(`   ${message.summary}`);
  const more = message.sourceCount - message.sources.length;
  const sources = message.sources.map((s) => `${s.outlet} <${s.link}>`).join(', ');
  lines.push(`   sources (${message.sourceCount}): ${sources}${more > 0 ? `, and ${more} more` : ''}`);
  lines.push(`   incident ${message.incidentId} v${message.version} · first seen ${message.firstSeen} · updated ${message.updated}`);
  return lines.join('\n');
}

export function describeConsoleChannel(channel: ChannelAddress): string {
  if (channel.workspace === CONSOLE_FEED.workspace && channel.channel === CONSOLE_FEED.channel) return 'all alerts';
  return `${channel.platform} ${channel.workspace ? `${channel.workspace}/` : ''}${channel.channel}`;
}

export function renderConsoleNotice(notice: OperatorNotice): string {
  return `── OPERATOR NOTICE ── ${notice.kind} · ${notice.at}\n   ${notice.text}`;
}

/**
 * The catch-all console view (no subscriptions yet): ChannelAddress has no console platform,
 * so this address, which no real Slack channel id can take, stands for "every alert".
 */
export const CONSOLE_FEED: ChannelAddress = { platform: 'slack', workspace: '~console', channel: '~all' };
