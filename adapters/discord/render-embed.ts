import type { APIEmbed, APIEmbedField, RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { Kind, Severity } from '../../src/domain/analysis.js';
import type { AlertMessage, AlertSource } from '../../src/domain/delivery.js';
import { fitText, safeLink, truncateText } from './discord-text.js';
import { EMBED_LIMITS } from './embed-limits.js';

/** Strikes run yellow → dark red with severity; talks are blue; both at once purple. */
const STRIKE_COLOURS: Record<Severity, number> = { low: 0xf1c40f, medium: 0xe67e22, high: 0xe74c3c, critical: 0x992d22 };
const NEGOTIATION_COLOURS: Record<Severity, number> = { low: 0x85c1e9, medium: 0x3498db, high: 0x2471a3, critical: 0x1a5276 };
const BOTH_COLOUR = 0x8e44ad;
const MERGED_COLOUR = 0x95a5a6;
const KIND_LABELS: Record<Kind, string> = { strike: 'Strike', negotiation: 'Negotiation' };
const MAX_SOURCES_SHOWN = 5;
// The description keeps at least this much room when facts and sources are long: the summary is
// what a reader needs most after the headline.
const DESCRIPTION_RESERVE = 1500;
// Below this, a cut-down field value says too little to be worth its room.
const MIN_FIELD_VALUE = 40;

export function colourOf(message: Pick<AlertMessage, 'kinds' | 'severity' | 'mergedInto'>): number {
  if (message.mergedInto !== undefined) return MERGED_COLOUR;
  const strike = message.kinds.includes('strike');
  const talks = message.kinds.includes('negotiation');
  if (strike && talks) return BOTH_COLOUR;
  return (talks ? NEGOTIATION_COLOURS : STRIKE_COLOURS)[message.severity];
}

/**
 * One alert as one Discord embed, within every limit Discord enforces, with feed text escaped
 * and mentions disabled (`allowed_mentions: { parse: [] }`), so a story can never ping anyone.
 */
export function renderDiscordEmbed(message: AlertMessage): RESTPostAPIChannelMessageJSONBody {
  const kinds = message.kinds.map((k) => KIND_LABELS[k]).join(' + ') || 'Alert';
  const author = truncateText(`${kinds} · ${message.severity} severity${message.version > 1 ? ' · updated' : ''}`, EMBED_LIMITS.author);
  const title = fitText(message.headline, EMBED_LIMITS.title) || 'Untitled incident';
  const footer = fitText(
    `wirewatch · incident ${message.incidentId} · v${message.version} · ${message.sourceCount} source${message.sourceCount === 1 ? '' : 's'}`,
    EMBED_LIMITS.footer,
  );
  let budget = EMBED_LIMITS.total - title.length - author.length - footer.length;

  const descriptionParts = describe(message);
  const wanted = Math.min(EMBED_LIMITS.description, descriptionParts.join('\n\n').length);
  const fields = fitFields(candidateFields(message), budget - Math.min(wanted, DESCRIPTION_RESERVE));
  budget -= fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  const description = truncateText(descriptionParts.join('\n\n'), Math.min(EMBED_LIMITS.description, budget));

  const embed: APIEmbed = { author: { name: author }, title, color: colourOf(message), footer: { text: footer } };
  const url = message.sources.map((s) => safeLink(s.link)).find((link) => link !== undefined);
  if (url) embed.url = url;
  if (description) embed.description = description;
  if (fields.length > 0) embed.fields = fields;
  const updated = Date.parse(message.updated);
  if (!Number.isNaN(updated)) embed.timestamp = new Date(updated).toISOString();
  return { embeds: [embed], allowed_mentions: { parse: [] } };
}

function describe(message: AlertMessage): string[] {
  const parts: string[] = [];
  if (message.mergedInto !== undefined)
    parts.push(`**Merged** into incident ${fitText(message.mergedInto, 200)}: further updates appear there.`);
  if (message.where.trim()) parts.push(`📍 **${fitText(message.where, 500)}**`);
  if (message.changes.length > 0)
    parts.push(
      truncateText(
        `**Updated:** ${message.changes
          .slice(0, 20)
          .map((c) => fitText(c, 200))
          .join('; ')}`,
        1000,
      ),
    );
  if (message.summary.trim()) parts.push(fitText(message.summary, EMBED_LIMITS.description));
  return parts;
}

function candidateFields(message: AlertMessage): APIEmbedField[] {
  const fields: APIEmbedField[] = message.facts.map((fact) => ({
    name: fitText(fact.label, EMBED_LIMITS.fieldName) || '—',
    value: fitText(fact.value, EMBED_LIMITS.fieldValue) || '—',
    inline: true,
  }));
  if (message.sources.length > 0) {
    const shown = message.sources.slice(0, MAX_SOURCES_SHOWN).map(sourceLine);
    const more = message.sourceCount - shown.length;
    if (more > 0) shown.push(`…and ${more} more`);
    fields.push({ name: `Sources (${message.sourceCount})`, value: joinWithin(shown, EMBED_LIMITS.fieldValue), inline: false });
  }
  return fields;
}

function sourceLine(source: AlertSource): string {
  const outlet = fitText(source.outlet, 60) || 'source';
  const title = fitText(source.title, 120);
  const label = title ? `${outlet}: ${title}` : outlet;
  const link = safeLink(source.link);
  // Each line stays short enough that five of them fit one field value.
  return link && link.length <= 800 ? `• [${label}](${link})` : `• ${label}`;
}

/** Whole lines only, so a masked link is never cut in half. */
function joinWithin(lines: string[], limit: number): string {
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length + (kept.length > 0 ? 1 : 0) > limit) break;
    size += line.length + (kept.length > 0 ? 1 : 0);
    kept.push(line);
  }
  return kept.length > 0 ? kept.join('\n') : truncateText(lines[0] ?? '—', limit);
}

/** At most 25 fields, in order, cutting the last that fits and dropping the rest. */
function fitFields(fields: APIEmbedField[], budget: number): APIEmbedField[] {
  const out: APIEmbedField[] = [];
  let left = budget;
  for (const field of fields.slice(0, EMBED_LIMITS.fields)) {
    const size = field.name.length + field.value.length;
    if (size <= left) {
      out.push(field);
      left -= size;
      continue;
    }
    const room = left - field.name.length;
    if (room >= MIN_FIELD_VALUE && !field.value.includes('](')) out.push({ ...field, value: truncateText(field.value, room) });
    break;
  }
  return out;
}
