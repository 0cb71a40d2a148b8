import type { MrkdwnText, PlainText } from './slack-text.js';

/**
 * The Block Kit subset wirewatch sends, typed narrowly so the limit validator can walk every
 * text it could carry. Structurally a subset of @slack/types' KnownBlock.
 */
export interface HeaderBlock {
  type: 'header';
  text: PlainText;
}

export interface SectionBlock {
  type: 'section';
  text?: PlainText | MrkdwnText;
  fields?: (PlainText | MrkdwnText)[];
  accessory?: LinkButton;
}

export interface ContextBlock {
  type: 'context';
  elements: (PlainText | MrkdwnText)[];
}

export interface ActionsBlock {
  type: 'actions';
  elements: LinkButton[];
}

export interface DividerBlock {
  type: 'divider';
}

export interface LinkButton {
  type: 'button';
  text: PlainText;
  url: string;
  action_id: string;
}

export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock | DividerBlock;

/** What chat.postMessage / chat.update / respond() get besides channel and ts. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
  unfurl_links: false;
  unfurl_media: false;
  /** Applies to the fallback `text` only: no bold/italic from feed text in notifications. */
  mrkdwn: false;
}

/** Limits from Slack's Block Kit reference (see docs/slack.md). */
export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonUrl: 3000,
  actionId: 255,
  fallbackText: 40_000,
  /** Undocumented: `msg_blocks_too_long` is reported near 13k characters of blocks; stay well under. */
  totalBlockText: 11_000,
} as const;

/** Action ids of the link buttons; the app acks their clicks so Slack shows no warning. */
export const LINK_ACTION_PREFIX = 'wirewatch-link';
