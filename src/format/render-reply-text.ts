import type { CommandReply } from './replies.js';

/** A command reply as plain lines: the CLI prints it, the console sink shows it. */
export function renderReplyText(reply: CommandReply): string {
  switch (reply.type) {
    case 'success':
      return [reply.title, ...reply.lines.map((line) => `  ${line}`)].join('\n');
    case 'error': {
      const lines = [`${reply.code}: ${reply.message}`];
      if (reply.suggestions && reply.suggestions.length > 0) lines.push(`  did you mean: ${reply.suggestions.join(', ')}?`);
      if (reply.usage) lines.push(`  usage: ${reply.usage}`);
      return lines.join('\n');
    }
    case 'incident-list': {
      if (reply.items.length === 0) return reply.emptyText;
      const lines = reply.items.map(
        (item) =>
          `  ${item.firstSeen.slice(0, 16).replace('T', ' ')}  [${item.kinds.join('+')}, ${item.severity}] ${item.headline} — ${item.where || 'place unknown'} (${item.sourceCount} sources) ${item.incidentId}`,
      );
      if (reply.nextCursor) lines.push(`  more: page=${reply.nextCursor}`);
      return [reply.title, ...lines].join('\n');
    }
  }
}
