import type { APIEmbed, RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { CommandReply, IncidentListItem } from '../../src/format/replies.js';
import { escapeDiscordText, fitText, safeLink, truncateText } from './discord-text.js';
import { EMBED_LIMITS } from './embed-limits.js';

const SUCCESS_COLOUR = 0x2ecc71;
const ERROR_COLOUR = 0xe74c3c;
const LIST_COLOUR = 0x5865f2;

export type ReplyBody = Pick<RESTPostAPIChannelMessageJSONBody, 'content' | 'embeds' | 'allowed_mentions'>;

/** A command's neutral reply as one embed; like alerts, replies never mention anyone. */
export function renderDiscordReply(reply: CommandReply): ReplyBody {
  return { embeds: [replyEmbed(reply)], allowed_mentions: { parse: [] } };
}

function replyEmbed(reply: CommandReply): APIEmbed {
  switch (reply.type) {
    case 'success':
      return {
        title: fitText(reply.title, EMBED_LIMITS.title),
        description: joinLines(reply.lines.map(escapeDiscordText)) || '\u200b',
        color: SUCCESS_COLOUR,
      };
    case 'error': {
      const lines = [escapeDiscordText(reply.message)];
      if (reply.suggestions && reply.suggestions.length > 0)
        lines.push(`Did you mean: ${reply.suggestions.slice(0, 10).map(escapeDiscordText).join(', ')}?`);
      if (reply.usage) lines.push(`Usage: \`${reply.usage.replace(/`/g, "'")}\``);
      return { title: 'That did not work', description: joinLines(lines), color: ERROR_COLOUR, footer: { text: reply.code } };
    }
    case 'incident-list': {
      const embed: APIEmbed = {
        title: fitText(reply.title, EMBED_LIMITS.title),
        description: reply.items.length > 0 ? joinLines(reply.items.map(itemLine)) : escapeDiscordText(reply.emptyText),
        color: LIST_COLOUR,
      };
      if (reply.nextCursor) embed.footer = { text: fitText(`More: add page:${reply.nextCursor}`, EMBED_LIMITS.footer) };
      return embed;
    }
  }
}

function itemLine(item: IncidentListItem): string {
  const seen = Date.parse(item.firstSeen);
  // Discord shows <t:…:R> as "3 hours ago" in each reader's own time zone.
  const when = Number.isNaN(seen) ? '' : ` · <t:${Math.floor(seen / 1000)}:R>`;
  const link = item.alertLink ? safeLink(item.alertLink) : undefined;
  const headline = fitText(item.headline, 200);
  const head = link ? `**[${headline}](${link})**` : `**${headline}**`;
  const meta = [item.where, item.kinds.join(' + '), item.severity].filter(Boolean).map((t) => fitText(t, 120));
  return `${head}\n${meta.join(' · ')}${when} · ${item.sourceCount} source${item.sourceCount === 1 ? '' : 's'}`;
}

/** Whole lines within the description limit, saying how many did not fit. */
function joinLines(lines: string[]): string {
  const kept: string[] = [];
  let size = 0;
  for (const [i, line] of lines.entries()) {
    const more = lines.length - i;
    const tail = more > 1 ? 30 : 0;
    if (size + line.length + 2 + tail > EMBED_LIMITS.description) {
      kept.push(`…and ${more} more`);
      break;
    }
    kept.push(line);
    size += line.length + 2;
  }
  return truncateText(kept.join('\n\n'), EMBED_LIMITS.description);
}
