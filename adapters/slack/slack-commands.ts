import type { App, webApi } from '@slack/bolt';
import type { CommandContext as CoreCommandContext } from '../../src/commands/subscription-commands.js';
import type { Clock, Logger, MessageRef } from '../../src/domain/index.js';
import { WirewatchError } from '../../src/errors.js';
import { formatErrorReply } from '../../src/format/command-replies.js';
import type { CommandReply } from '../../src/format/replies.js';
import { renderSlackReply } from './render-slack-reply.js';
import { LINK_ACTION_PREFIX } from './slack-blocks.js';

export const SLASH_COMMANDS = ['incidents', 'subscribe', 'unsubscribe', 'subscriptions'] as const;
export type SlashCommandName = (typeof SLASH_COMMANDS)[number];

/** Who ran a command and where (as the core use cases take it), and how to link to an alert here. */
export interface CommandContext extends CoreCommandContext {
  /** A permalink to a posted alert, so `/incidents` can link to it. */
  linkToMessage(ref: MessageRef): string;
}

/** A platform-neutral use case behind one slash command (src/commands). */
export type CommandRunner = (text: string, context: CommandContext) => Promise<CommandReply>;
export type CommandRunners = Partial<Record<SlashCommandName, CommandRunner>>;

/** SLACK_SUBSCRIBE_ALLOWED: unset = anyone in the channel; `admins`; or a list of user ids. */
export type SubscribeAllowed = { kind: 'anyone' } | { kind: 'admins' } | { kind: 'users'; ids: ReadonlySet<string> };

const USAGE: Record<SlashCommandName, string> = {
  incidents: '/incidents [region] [strike|talks] [since, e.g. 6h]',
  subscribe: '/subscribe <region> [strike|talks] [min-severity]',
  unsubscribe: '/unsubscribe <region|all>',
  subscriptions: '/subscriptions',
};
/** Changes to what a channel hears are shown to the channel; lookups only to the asker. */
const VISIBILITY: Record<SlashCommandName, 'ephemeral' | 'in_channel'> = {
  incidents: 'ephemeral',
  subscribe: 'in_channel',
  unsubscribe: 'in_channel',
  subscriptions: 'ephemeral',
};
const ADMIN_CACHE_MS = 5 * 60_000;

export interface RegisterCommandsOptions {
  app: App;
  client: webApi.WebClient;
  runners: CommandRunners;
  allowed: SubscribeAllowed;
  /** https://acme.slack.com/ from auth.test, for permalinks. */
  workspaceUrl: string;
  logger: Logger;
  clock?: Clock;
}

/**
 * Registers the four slash commands. Each acks at once (Slack's 3 s rule holds however slow the
 * store is), runs the use case, and answers through `response_url`; a failure of any kind is
 * answered too, ephemerally, with the usage line, so no command disappears silently.
 */
export function registerSlackCommands(options: RegisterCommandsOptions): void {
  const { app, runners, logger } = options;
  const isAllowed = createPermissionCheck(options);
  for (const name of SLASH_COMMANDS) {
    app.command(`/${name}`, async ({ command, ack, respond }) => {
      await ack();
      const context: CommandContext = {
        channel: { platform: 'slack', workspace: command.team_id, channel: command.channel_id },
        user: command.user_id,
        linkToMessage: (ref) => permalink(options.workspaceUrl, ref),
      };
      const reply = await runCommand(name, command.text ?? '', context, runners[name], isAllowed);
      try {
        await respond(renderSlackReply(reply, VISIBILITY[name]));
      } catch (error) {
        logger.warn({ err: error, command: name, channel: command.channel_id }, 'slack command reply failed');
      }
    });
  }
  // Source and alert links are URL buttons: Slack still reports the click, which we only ack.
  app.action(new RegExp(`^${LINK_ACTION_PREFIX}`), async ({ ack }) => ack());
}

async function runCommand(
  name: SlashCommandName,
  text: string,
  context: CommandContext,
  runner: CommandRunner | undefined,
  isAllowed: (userId: string) => Promise<boolean>,
): Promise<CommandReply> {
  try {
    if (runner === undefined) throw new WirewatchError('not_implemented', `/${name} is not available on this server yet`);
    if ((name === 'subscribe' || name === 'unsubscribe') && !(await isAllowed(context.user))) {
      throw new WirewatchError(
        'command_forbidden',
        'Only the people the operator chose (SLACK_SUBSCRIBE_ALLOWED) may change subscriptions here.',
      );
    }
    const reply = await runner(text, context);
    return reply.type === 'error' && reply.usage === undefined ? { ...reply, usage: USAGE[name] } : reply;
  } catch (error) {
    const usage = error instanceof WirewatchError && error.code === 'command_invalid' ? { usage: USAGE[name] } : {};
    return formatErrorReply(error, usage);
  }
}

function createPermissionCheck(options: RegisterCommandsOptions): (userId: string) => Promise<boolean> {
  const { allowed, client } = options;
  const clock = options.clock ?? Date.now;
  const admins = new Map<string, { admin: boolean; at: number }>();
  return async (userId) => {
    if (allowed.kind === 'anyone') return true;
    if (allowed.kind === 'users') return allowed.ids.has(userId);
    const cached = admins.get(userId);
    if (cached && clock() - cached.at < ADMIN_CACHE_MS) return cached.admin;
    const info = await client.users.info({ user: userId });
    const admin = Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
    admins.set(userId, { admin, at: clock() });
    return admin;
  };
}

/** Slack's permalink shape: the ts without its dot, after a `p`. */
export function permalink(workspaceUrl: string, ref: MessageRef): string {
  const base = workspaceUrl.endsWith('/') ? workspaceUrl : `${workspaceUrl}/`;
  return `${base}archives/${encodeURIComponent(ref.channel)}/p${ref.messageId.replace('.', '')}`;
}

export function parseSubscribeAllowed(value: string | undefined): SubscribeAllowed {
  const words = (value ?? '')
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.length === 0) return { kind: 'anyone' };
  if (words.length === 1 && words[0]?.toLowerCase() === 'admins') return { kind: 'admins' };
  return { kind: 'users', ids: new Set(words) };
}
