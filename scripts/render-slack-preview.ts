/**
 * Renders what a wirewatch alert looks like in Slack to docs/slack-alert.png, for the README:
 * the real Block Kit payload of an alert, drawn as HTML in Slack's layout and photographed by
 * headless Chromium (`apt-get install chromium`). Also prints a Block Kit Builder link for the
 * same payload, for checking it in Slack's own preview.
 *
 *   npx tsx scripts/render-slack-preview.ts [out.png]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderSlackAlert } from '../adapters/slack/render-slack-alert.js';
import type { SlackBlock } from '../adapters/slack/slack-blocks.js';
import { formatAlert } from '../src/format/format-alert.js';
import { buchaStrike } from '../test/fixtures/alerts/incidents.js';

const out = resolve(process.argv[2] ?? 'docs/slack-alert.png');
const message = renderSlackAlert(formatAlert(buchaStrike()));

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Our mrkdwn only has *bold*, `code`, entities and date tokens; show each as Slack would. */
const mrkdwn = (text: string) =>
  text
    .replace(/<!date\^\d+\^[^|]*\|([^>]*)>/g, '$1')
    .replace(/&lt;|&gt;|&amp;/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&' })[e] ?? e)
    .split(/(\*[^*]+\*|`[^`]+`)/)
    .map((part) =>
      part.startsWith('*')
        ? `<b>${esc(part.slice(1, -1))}</b>`
        : part.startsWith('`')
          ? `<code>${esc(part.slice(1, -1))}</code>`
          : esc(part),
    )
    .join('');
const textOf = (t: { type: string; text: string }) => (t.type === 'mrkdwn' ? mrkdwn(t.text) : esc(t.text).replace(/\n/g, '<br>'));

function block(b: SlackBlock): string {
  switch (b.type) {
    case 'header':
      return `<div class="header">${textOf(b.text)}</div>`;
    case 'context':
      return `<div class="context">${b.elements.map((e) => `<span>${textOf(e)}</span>`).join('')}</div>`;
    case 'section':
      return b.fields
        ? `<div class="fields">${b.fields.map((f) => `<div>${textOf(f).replace(/^([^<]*)<br>/, '<b>$1</b><br>')}</div>`).join('')}</div>`
        : `<div class="section">${b.text ? textOf(b.text) : ''}</div>`;
    case 'actions':
      return `<div class="actions">${b.elements.map((e) => `<span class="button">${esc(e.text.text)}</span>`).join('')}</div>`;
    case 'divider':
      return '<hr>';
  }
}

const html = `<!doctype html><meta charset="utf-8"><style>
body{margin:0;padding:20px 24px;font:15px/1.46 -apple-system,"Segoe UI",Lato,"Noto Sans",sans-serif;color:#1d1c1d;background:#fff;width:640px}
.msg{display:flex;gap:10px}.avatar{width:36px;height:36px;border-radius:6px;background:#2b3a55;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center}
.name{font-weight:900}.app{font-size:10px;background:#ddd;color:#555;border-radius:2px;padding:1px 3px;margin-left:4px;vertical-align:2px}.time{color:#616061;font-size:12px;margin-left:6px}
.header{font-size:18px;font-weight:900;margin:4px 0}.context{color:#616061;font-size:13px;margin:4px 0;display:flex;gap:8px;flex-wrap:wrap}
.section{margin:6px 0;white-space:pre-wrap}.fields{display:grid;grid-template-columns:1fr 1fr;gap:8px 16px;margin:8px 0}
.actions{display:flex;gap:8px;margin:8px 0}.button{border:1px solid #ccc;border-radius:4px;padding:3px 12px;font-weight:700;font-size:13px}
code{font:12px monospace;background:#f6f6f6;border:1px solid #ddd;border-radius:3px;padding:0 3px;color:#c01343}
</style><div class="msg"><div class="avatar">ww</div><div><div><span class="name">wirewatch</span><span class="app">APP</span><span class="time">07:41</span></div>
${message.blocks.map(block).join('\n')}</div></div>`;

const dir = mkdtempSync(join(tmpdir(), 'ww-preview-'));
const page = join(dir, 'alert.html');
writeFileSync(page, html);
execFileSync('/usr/bin/chromium', [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--user-data-dir=${join(dir, 'profile')}`,
  '--hide-scrollbars',
  '--window-size=690,450',
  `--screenshot=${out}`,
  `file://${page}`,
]);
console.log(`wrote ${out}`);
console.log(`Block Kit Builder: https://app.slack.com/block-kit-builder#${encodeURIComponent(JSON.stringify({ blocks: message.blocks }))}`);
