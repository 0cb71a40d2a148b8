import type { APIEmbed, RESTPostAPIChannelMessageJSONBody } from 'discord.js';

/** Discord's embed limits (developers/resources/message "Embed Limits"), counted after trimming. */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  content: 2000,
} as const;

const len = (text: string | undefined): number => (text ?? '').trim().length;

/** Characters that count toward the 6,000 total of one embed. */
export function countEmbedChars(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, f) => sum + len(f.name) + len(f.value), 0);
  return len(embed.title) + len(embed.description) + len(embed.footer?.text) + len(embed.author?.name) + fields;
}

/**
 * Every way a message breaks Discord's rules or ours (each message must silence mentions);
 * empty when it would be accepted. Used by the tests and as a guard before sending.
 */
export function findMessageProblems(message: RESTPostAPIChannelMessageJSONBody): string[] {
  const problems: string[] = [];
  const over = (what: string, value: string | undefined, limit: number) => {
    if (len(value) > limit) problems.push(`${what} has ${len(value)} characters (limit ${limit})`);
  };
  if (message.allowed_mentions?.parse?.length !== 0) problems.push('allowed_mentions.parse must be []');
  over('content', message.content, EMBED_LIMITS.content);
  const embeds = message.embeds ?? [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds (limit 10)`);
  let total = 0;
  for (const [i, embed] of embeds.entries()) {
    over(`embed ${i} title`, embed.title, EMBED_LIMITS.title);
    over(`embed ${i} description`, embed.description, EMBED_LIMITS.description);
    over(`embed ${i} footer`, embed.footer?.text, EMBED_LIMITS.footer);
    over(`embed ${i} author`, embed.author?.name, EMBED_LIMITS.author);
    const fields = embed.fields ?? [];
    if (fields.length > EMBED_LIMITS.fields) problems.push(`embed ${i} has ${fields.length} fields (limit ${EMBED_LIMITS.fields})`);
    for (const [j, field] of fields.entries()) {
      if (len(field.name) === 0 || len(field.value) === 0) problems.push(`embed ${i} field ${j} is empty`);
      over(`embed ${i} field ${j} name`, field.name, EMBED_LIMITS.fieldName);
      over(`embed ${i} field ${j} value`, field.value, EMBED_LIMITS.fieldValue);
    }
    if (embed.color !== undefined && !(Number.isInteger(embed.color) && embed.color >= 0 && embed.color <= 0xffffff))
      problems.push(`embed ${i} colour ${embed.color} is not a 24-bit integer`);
    if (embed.timestamp !== undefined && Number.isNaN(Date.parse(embed.timestamp))) problems.push(`embed ${i} timestamp is not ISO 8601`);
    if (embed.url !== undefined && !/^https?:\/\//.test(embed.url)) problems.push(`embed ${i} url is not http(s)`);
    total += countEmbedChars(embed);
  }
  if (total > EMBED_LIMITS.total) problems.push(`embeds have ${total} characters in total (limit ${EMBED_LIMITS.total})`);
  return problems;
}
