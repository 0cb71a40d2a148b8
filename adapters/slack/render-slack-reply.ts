import type { CommandReply, IncidentListItem, IncidentListReply } from '../../src/format/replies.js';
import { LINK_ACTION_PREFIX, SLACK_LIMITS, type SlackBlock, type SlackMessage } from './slack-blocks.js';
import { escapeMrkdwn, fitMrkdwn, mrkdwn, plain, safeLink, truncate } from './slack-text.js';

export interface SlackReply extends SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
}

const SEVERITY_DOTS: Record<string, string> = { low: '⚪', medium: '🟡', high: '🟠', critical: '🔴' };
/** Header, the paging hint and the "N more" note take three blocks. */
const MAX_LISTED = SLACK_LIMITS.blocks - 3;
/** 47 items of at most 210 characters stay inside the block text budget. */
const ITEM_HEADLINE_MAX = 120;
const ITEM_MAX = 210;

/**
 * A command reply as a Slack message. Errors are always ephemeral: only the person who typed
 * the command needs to see their typo. Everything from the user or a feed is plain text.
 */
export function renderSlackReply(reply: CommandReply, visibility: 'ephemeral' | 'in_channel' = 'ephemeral'): SlackReply {
  const message = renderBlocks(reply);
  return { ...message, response_type: reply.type === 'error' ? 'ephemeral' : visibility };
}

function renderBlocks(reply: CommandReply): SlackMessage {
  switch (reply.type) {
    case 'success': {
      const text = [`✅ ${reply.title}`, ...reply.lines].join('\n');
      return message(fitMrkdwn(text, 3000), [{ type: 'section', text: plain(text, SLACK_LIMITS.sectionText) }]);
    }
    case 'error': {
      const blocks: SlackBlock[] = [{ type: 'section', text: plain(`⚠️ ${reply.message}`, SLACK_LIMITS.sectionText) }];
      if (reply.suggestions && reply.suggestions.length > 0) {
        blocks.push({ type: 'section', text: plain(`Did you mean: ${reply.suggestions.join(', ')}?`, SLACK_LIMITS.sectionText) });
      }
      if (reply.usage) blocks.push({ type: 'context', elements: [mrkdwn(`Usage: \`${fitMrkdwn(reply.usage, 2900)}\``)] });
      blocks.push({ type: 'context', elements: [mrkdwn(`\`${reply.code}\``)] });
      return message(fitMrkdwn(`${reply.message}${reply.usage ? ` Usage: ${reply.usage}` : ''}`, 3000), blocks);
    }
    case 'incident-list':
      return renderList(reply);
  }
}

function renderList(reply: IncidentListReply): SlackMessage {
  const blocks: SlackBlock[] = [{ type: 'header', text: plain(reply.title, SLACK_LIMITS.headerText) }];
  if (reply.items.length === 0) {
    blocks.push({ type: 'section', text: plain(reply.emptyText, SLACK_LIMITS.sectionText) });
    return message(fitMrkdwn(reply.emptyText, 3000), blocks);
  }
  const shown = reply.items.slice(0, MAX_LISTED);
  shown.forEach((item, index) => blocks.push(renderItem(item, index)));
  if (reply.items.length > shown.length) {
    blocks.push({ type: 'context', elements: [plain(`${reply.items.length - shown.length} more not shown: narrow the search.`, 300)] });
  }
  if (reply.nextCursor !== undefined) {
    blocks.push({ type: 'context', elements: [mrkdwn(`More: run the same command with \`page=${escapeMrkdwn(reply.nextCursor)}\``)] });
  }
  const count = reply.items.length === 1 ? '1 incident' : `${reply.items.length} incidents`;
  return message(fitMrkdwn(`${reply.title}: ${count}`, 3000), blocks);
}

function renderItem(item: IncidentListItem, index: number): SlackBlock {
  const details = [
    `${SEVERITY_DOTS[item.severity] ?? ''} ${item.severity}`.trim(),
    item.kinds.join(' + '),
    item.where ? `📍 ${item.where}` : '',
    `first seen ${describeTime(item.firstSeen)}`,
    item.sourceCount === 1 ? '1 source' : `${item.sourceCount} sources`,
  ].filter(Boolean);
  const text = plain(`${truncate(item.headline, ITEM_HEADLINE_MAX)}\n${details.join(' · ')}`, ITEM_MAX);
  const link = item.alertLink === undefined ? undefined : safeLink(item.alertLink, SLACK_LIMITS.buttonUrl);
  return link === undefined
    ? { type: 'section', text }
    : {
        type: 'section',
        text,
        accessory: { type: 'button', text: plain('Open alert', 75), url: link, action_id: `${LINK_ACTION_PREFIX}-list-${index}` },
      };
}

/** Plain text cannot hold Slack's date token, so the list states UTC. */
function describeTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 'unknown' : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function message(text: string, blocks: SlackBlock[]): SlackMessage {
  return { text, blocks, unfurl_links: false, unfurl_media: false, mrkdwn: false };
}
