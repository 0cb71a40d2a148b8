// Draws the Discord embed of one alert as a Discord-like HTML card, for the README picture:
//   npx tsx scripts/render-discord-preview.ts > /tmp/discord-embed.html
//   chromium --headless --no-sandbox --screenshot=docs/discord-embed.png --window-size=600,590 /tmp/discord-embed.html
// The embed JSON is exactly what the sink posts; only the drawing around it is an approximation.
import type { APIEmbed } from 'discord.js';
import { renderDiscordEmbed } from '../adapters/discord/index.js';
import { formatAlert } from '../src/format/format-alert.js';
import { buchaStrike } from '../test/fixtures/alerts/incidents.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The little markdown the renderer emits: bold, masked links, backslash escapes. */
function markdown(text: string): string {
  const placeholders: string[] = [];
  const keep = (html: string) => `\uE000${placeholders.push(html) - 1}\uE000`;
  const unescaped = text.replace(/\\(.)/g, (_m, c: string) => keep(escapeHtml(c)));
  return escapeHtml(unescaped)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label: string, url: string) => `<a href="${url}">${label}</a>`)
    .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>')
    .replace(/\n/g, '<br>')
    .replace(/\uE000(\d+)\uE000/g, (_m, i: string) => placeholders[Number(i)] ?? '');
}

function drawEmbed(embed: APIEmbed): string {
  const colour = `#${(embed.color ?? 0).toString(16).padStart(6, '0')}`;
  const fields = (embed.fields ?? [])
    .map(
      (f) =>
        `<div class="field ${f.inline ? 'inline' : ''}"><div class="name">${markdown(f.name)}</div><div>${markdown(f.value)}</div></div>`,
    )
    .join('');
  const when = embed.timestamp ? new Date(embed.timestamp).toUTCString().replace(' GMT', ' UTC') : '';
  return `<div class="embed" style="border-left-color:${colour}">
  <div class="author">${escapeHtml(embed.author?.name ?? '')}</div>
  <div class="title"><a href="${embed.url ?? '#'}">${markdown(embed.title ?? '')}</a></div>
  <div class="description">${markdown(embed.description ?? '')}</div>
  <div class="fields">${fields}</div>
  <div class="footer">${escapeHtml(embed.footer?.text ?? '')} • ${when}</div>
</div>`;
}

const body = renderDiscordEmbed(formatAlert(buchaStrike()));
const style = `body{margin:0;padding:16px;background:#313338;color:#dbdee1;font:15px/1.4 "DejaVu Sans",sans-serif}
.bot{display:flex;gap:8px;align-items:baseline;margin-bottom:4px}.bot b{color:#f2f3f5}.tag{background:#5865f2;color:#fff;font-size:10px;padding:1px 4px;border-radius:3px}
.embed{max-width:520px;background:#2b2d31;border-left:4px solid;border-radius:4px;padding:8px 16px 16px 12px}
.author{font-size:13px;font-weight:bold;color:#f2f3f5;margin-top:8px}.title{font-weight:bold;margin-top:8px}a{color:#00a8fc;text-decoration:none}
.description{margin-top:8px;font-size:14px}.fields{display:flex;flex-wrap:wrap;gap:8px 16px;margin-top:8px;font-size:14px}
.field{flex:1 1 100%}.field.inline{flex:1 1 28%}.name{font-weight:bold;color:#f2f3f5}.footer{margin-top:8px;font-size:12px;color:#b5bac1}`;
process.stdout.write(
  `<!doctype html><meta charset="utf-8"><style>${style}</style><div class="bot"><b>wirewatch</b><span class="tag">APP</span></div>${drawEmbed(body.embeds![0]!)}\n`,
);
