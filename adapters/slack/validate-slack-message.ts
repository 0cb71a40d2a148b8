import { SLACK_LIMITS, type SlackBlock, type SlackMessage } from './slack-blocks.js';
import type { MrkdwnText, PlainText } from './slack-text.js';

/**
 * Every way a message could break Slack's limits or carry a control sequence, as readable
 * problems; empty means safe to send. The sink refuses a message with problems before it
 * reaches Slack, so a renderer bug surfaces as a coded error, not an `invalid_blocks` retry loop.
 */
export function validateSlackMessage(message: SlackMessage): string[] {
  const problems: string[] = [];
  if (message.blocks.length > SLACK_LIMITS.blocks) problems.push(`${message.blocks.length} blocks (max ${SLACK_LIMITS.blocks})`);
  if (message.text.trim() === '') problems.push('fallback text is empty');
  if (message.text.length > SLACK_LIMITS.fallbackText) problems.push(`fallback text is ${message.text.length} chars`);
  checkControlSequences(message.text, 'fallback text', problems);
  let total = 0;
  const actionIds = new Set<string>();
  message.blocks.forEach((block, index) => {
    const where = `block ${index} (${block.type})`;
    for (const text of textsOf(block)) {
      total += text.text.length;
      if (text.text.length === 0) problems.push(`${where}: empty text`);
      if (text.type === 'mrkdwn') checkControlSequences(text.text, where, problems);
    }
    checkBlock(block, where, problems, actionIds);
  });
  if (total > SLACK_LIMITS.totalBlockText) problems.push(`blocks carry ${total} chars (budget ${SLACK_LIMITS.totalBlockText})`);
  return problems;
}

function checkBlock(block: SlackBlock, where: string, problems: string[], actionIds: Set<string>): void {
  const over = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${where}: ${what} is ${length} (max ${max})`);
  };
  switch (block.type) {
    case 'header':
      if (block.text.type !== 'plain_text') problems.push(`${where}: header must be plain_text`);
      over('header text', block.text.text.length, SLACK_LIMITS.headerText);
      break;
    case 'section':
      if (!block.text && !block.fields) problems.push(`${where}: section needs text or fields`);
      over('section text', block.text?.text.length ?? 0, SLACK_LIMITS.sectionText);
      over('fields', block.fields?.length ?? 0, SLACK_LIMITS.fields);
      for (const field of block.fields ?? []) over('field text', field.text.length, SLACK_LIMITS.fieldText);
      break;
    case 'context':
      over('context elements', block.elements.length, SLACK_LIMITS.contextElements);
      break;
    case 'actions':
      over('actions elements', block.elements.length, SLACK_LIMITS.actionsElements);
      for (const button of block.elements) {
        over('button text', button.text.text.length, SLACK_LIMITS.buttonText);
        over('button url', button.url.length, SLACK_LIMITS.buttonUrl);
        over('action_id', button.action_id.length, SLACK_LIMITS.actionId);
        if (!/^https?:\/\//.test(button.url)) problems.push(`${where}: button url is not http(s)`);
        if (actionIds.has(button.action_id)) problems.push(`${where}: duplicate action_id ${button.action_id}`);
        actionIds.add(button.action_id);
      }
      break;
    case 'divider':
      break;
  }
}

function textsOf(block: SlackBlock): (PlainText | MrkdwnText)[] {
  switch (block.type) {
    case 'header':
      return [block.text];
    case 'section':
      return [...(block.text ? [block.text] : []), ...(block.fields ?? []), ...(block.accessory ? [block.accessory.text] : [])];
    case 'context':
      return block.elements;
    case 'actions':
      return block.elements.map((b) => b.text);
    case 'divider':
      return [];
  }
}

/** In mrkdwn only our own date tokens may use `<…>`: anything else could be a mention or a link. */
function checkControlSequences(text: string, where: string, problems: string[]): void {
  for (const match of text.matchAll(/<([^>]*)>?/g)) {
    if (!/^!date\^\d+\^[^|<>]*\|[^<>]*$/.test(match[1] ?? '')) problems.push(`${where}: control sequence ${match[0].slice(0, 40)}`);
  }
}
