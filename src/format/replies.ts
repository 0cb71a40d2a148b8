import type { ErrorCode } from '../errors.js';

/**
 * What a command use case returns, before any platform renders it. Plain text only: the
 * Slack and Discord adapters and the CLI each turn it into their own markup.
 */
export type CommandReply = SuccessReply | ErrorReply | IncidentListReply;

export interface SuccessReply {
  type: 'success';
  title: string;
  lines: string[];
}

export interface ErrorReply {
  type: 'error';
  code: ErrorCode;
  message: string;
  /** Usage line of the command, when the input was malformed. */
  usage?: string;
  /** "Did you mean" candidates for an unknown region. */
  suggestions?: string[];
}

export interface IncidentListReply {
  type: 'incident-list';
  title: string;
  items: IncidentListItem[];
  /** Shown when `items` is empty. */
  emptyText: string;
  nextCursor?: string;
}

export interface IncidentListItem {
  incidentId: string;
  headline: string;
  kinds: string[];
  severity: string;
  where: string;
  /** ISO 8601. */
  firstSeen: string;
  sourceCount: number;
  /** Link to the posted alert in this platform, when one exists. */
  alertLink?: string;
}
