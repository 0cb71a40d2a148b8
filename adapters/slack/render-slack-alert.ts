import type { AlertMessage, Kind, Severity } from '../../src/domain/index.js';
import { LINK_ACTION_PREFIX, SLACK_LIMITS, type LinkButton, type SlackBlock, type SlackMessage } from './slack-blocks.js';
import { fitMrkdwn, mrkdwn, plain, safeLink, slackDate, truncate } from './slack-text.js';

const KIND_BADGES: Record<Kind, string> = { strike: '💥 Strike', negotiation: '🤝 Talks' };
const SEVERITY_BADGES: Record<Severity, string> = { low: '⚪ Low', medium: '🟡 Medium', high: '🟠 High', critical: '🔴 Critical' };
/**
 * Caps per part, so that even when every part is at its cap the blocks stay inside Slack's
 * undocumented total (~7.5k of SLACK_LIMITS.totalBlockText): the summary gets the most room.
 */
const WHERE_MAX = 300;
const CHANGES_MAX = 600;
const FACT_MAX = 300;
const SUMMARY_MAX = 1500;
const EVIDENCE_MAX = 1000;
const SOURCE_BUTTONS = 5;
const FALLBACK_MAX = 3000;

/**
 * One alert as a Block Kit message: header, badges and place, what changed, key facts, the
 * summary, source links and times. Feed text only ever lands in plain_text objects, so no markup
 * and no mention in a story can reach the channel.
 */
export function renderSlackAlert(alert: AlertMessage): SlackMessage {
  const blocks: SlackBlock[] = [{ type: 'header', text: plain(alert.headline, SLACK_LIMITS.headerText) }];
  const badges = [...alert.kinds.map((k) => KIND_BADGES[k]), `${SEVERITY_BADGES[alert.severity]} severity`].join(' · ');
  blocks.push({
    type: 'context',
    elements: alert.where ? [mrkdwn(`*${badges}*`), plain(`📍 ${alert.where}`, WHERE_MAX)] : [mrkdwn(`*${badges}*`)],
  });
  if (alert.mergedInto !== undefined) {
    blocks.push({
      type: 'section',
      text: plain(`Merged into incident ${alert.mergedInto}: further updates appear there.`, WHERE_MAX),
    });
  }
  if (alert.changes.length > 0) {
    blocks.push({ type: 'section', text: plain(`🔄 Updated: ${alert.changes.join(' · ')}`, CHANGES_MAX) });
  }
  const fields = alert.facts.slice(0, SLACK_LIMITS.fields).map((f) => plain(`${f.label}\n${f.value}`, FACT_MAX));
  if (fields.length > 0) blocks.push({ type: 'section', fields });
  if (alert.summary && alert.summary !== alert.headline) blocks.push({ type: 'section', text: plain(alert.summary, SUMMARY_MAX) });
  blocks.push({ type: 'context', elements: [mrkdwn(describeTimes(alert))] });
  const buttons = sourceButtons(alert);
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  if (alert.evidence.length > 0) {
    blocks.push({ type: 'section', text: plain(`Why these labels:\n${alert.evidence.map((e) => `• ${e}`).join('\n')}`, EVIDENCE_MAX) });
  }
  return { text: fallbackText(alert), blocks, unfurl_links: false, unfurl_media: false, mrkdwn: false };
}

function describeTimes(alert: AlertMessage): string {
  const sources = alert.sourceCount === 1 ? '*1 source*' : `*${alert.sourceCount} sources*`;
  const times = [slackDate(alert.firstSeen, 'First seen'), alert.updated !== alert.firstSeen ? slackDate(alert.updated, 'updated') : ''];
  return [sources, ...times.filter(Boolean), `v${alert.version}`, `\`${fitMrkdwn(alert.incidentId, 100)}\``].join(' · ');
}

/** Link buttons, not mrkdwn links: an outlet's name can then hold any character safely. */
function sourceButtons(alert: AlertMessage): LinkButton[] {
  const buttons: LinkButton[] = [];
  for (const source of alert.sources) {
    if (buttons.length === SOURCE_BUTTONS) break;
    const url = safeLink(source.link, SLACK_LIMITS.buttonUrl);
    if (url === undefined) continue;
    buttons.push({
      type: 'button',
      text: plain(source.outlet || new URL(url).hostname, SLACK_LIMITS.buttonText),
      url,
      action_id: `${LINK_ACTION_PREFIX}-${buttons.length}`,
    });
  }
  return buttons;
}

/** What notifications and screen readers show: escaped, so it cannot mention anyone either. */
function fallbackText(alert: AlertMessage): string {
  const kinds = alert.kinds.map((k) => KIND_BADGES[k].replace(/^\S+ /, '')).join(' + ') || 'Incident';
  const where = alert.where ? ` (${alert.where})` : '';
  const changes = alert.changes.length > 0 ? ` Updated: ${alert.changes.join(', ')}.` : '';
  const text = `${kinds}, ${alert.severity} severity: ${truncate(alert.headline, 300)}${where}.${changes}`;
  return fitMrkdwn(text, FALLBACK_MAX);
}
