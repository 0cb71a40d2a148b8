import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOptionChoice,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord.js';
import type { ChannelAddress } from '../../src/domain/delivery.js';
import type { Logger } from '../../src/domain/index.js';
import { describeError, isWirewatchError } from '../../src/errors.js';
import type { CommandReply } from '../../src/format/replies.js';
import { autocompleteRegions } from '../../src/geo/index.js';
import { DISCORD_COMMAND_NAMES, type DiscordCommandName } from './command-definitions.js';
import { truncateText } from './discord-text.js';
import { renderDiscordReply, type ReplyBody } from './render-reply.js';

/** Who asked, and where: the channel a subscription belongs to. */
export interface CommandContext {
  channel: ChannelAddress;
  user: string;
}

/** Option values by option name, as typed (choices are already one of their values). */
export type CommandArgs = Readonly<Record<string, string>>;
/** A platform-neutral use case behind one slash command (src/commands, wired in jobs/). */
export type CommandHandler = (args: CommandArgs, ctx: CommandContext) => Promise<CommandReply>;
export type CommandHandlers = Partial<Record<DiscordCommandName, CommandHandler>>;

/** How answers go back: in HTTP mode the first one is the HTTP response, through the gateway a callback POST. */
export interface InteractionTransport {
  respond(response: APIInteractionResponse): Promise<void>;
  /** Replaces the "thinking…" of a deferred response (PATCH …/messages/@original). */
  editOriginal(body: ReplyBody): Promise<void>;
}

export interface InteractionDeps {
  handlers: CommandHandlers;
  logger: Logger;
  /**
   * How long /subscribe and /unsubscribe may take before the reply is deferred; Discord drops
   * an interaction not answered within 3 s.
   */
  replyBudgetMs?: number;
}

// Lookups read lists from Redis that may be long: always defer them.
const ALWAYS_DEFER: ReadonlySet<DiscordCommandName> = new Set(['incidents', 'subscriptions']);
const DEFAULT_REPLY_BUDGET_MS = 1500;
const MAX_CHOICES = 25;

/** One interaction from either transport: PING, autocomplete or a slash command. */
export async function handleInteraction(
  interaction: APIInteraction,
  transport: InteractionTransport,
  deps: InteractionDeps,
): Promise<void> {
  if (interaction.type === InteractionType.Ping) return transport.respond({ type: InteractionResponseType.Pong });
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    const focused = flattenOptions(interaction.data.options ?? []).find((o) => o.focused);
    const choices = focused?.name === 'region' ? regionChoices(focused.value) : [];
    return transport.respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
  }
  if (interaction.type !== InteractionType.ApplicationCommand) return;
  const name = interaction.data.name as DiscordCommandName;
  const handler = DISCORD_COMMAND_NAMES.includes(name) ? deps.handlers[name] : undefined;
  const args: Record<string, string> = {};
  if ('options' in interaction.data)
    for (const option of flattenOptions(interaction.data.options ?? [])) if (option.value !== '') args[option.name] = option.value;
  const ctx: CommandContext = {
    channel: { platform: 'discord', workspace: interaction.guild_id ?? '', channel: interaction.channel?.id ?? '' },
    user: interaction.member?.user.id ?? interaction.user?.id ?? '',
  };
  const log = deps.logger.child({ command: name, guild: ctx.channel.workspace, channel: ctx.channel.channel });
  const run = (): Promise<CommandReply> =>
    handler === undefined
      ? Promise.resolve({ type: 'error', code: 'not_implemented', message: `/${name} is not available on this wirewatch yet.` })
      : handler(args, ctx).catch((error: unknown): CommandReply => {
          log.error({ err: error }, 'command failed');
          return {
            type: 'error',
            code: isWirewatchError(error) ? error.code : 'internal_error',
            message: isWirewatchError(error) ? error.message : `Something went wrong (${describeError(error)}). Nothing was changed.`,
          };
        });

  if (ALWAYS_DEFER.has(name)) {
    await transport.respond({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    return transport.editOriginal(renderDiscordReply(await run()));
  }
  const pending = run();
  const early = await Promise.race([pending, delay(deps.replyBudgetMs ?? DEFAULT_REPLY_BUDGET_MS)]);
  if (early !== undefined) {
    const data = { ...renderDiscordReply(early), ...(early.type === 'error' ? { flags: MessageFlags.Ephemeral } : {}) };
    return transport.respond({ type: InteractionResponseType.ChannelMessageWithSource, data });
  }
  await transport.respond({ type: InteractionResponseType.DeferredChannelMessageWithSource });
  return transport.editOriginal(renderDiscordReply(await pending));
}

/** Region suggestions for what has been typed so far, answered from the in-memory gazetteer. */
export function regionChoices(typed: string): APIApplicationCommandOptionChoice<string>[] {
  return autocompleteRegions(typed, MAX_CHOICES).map((s) => ({ name: truncateText(s.label, 100), value: s.place.code }));
}

interface FlatOption {
  name: string;
  value: string;
  focused: boolean;
}

function flattenOptions(options: readonly APIApplicationCommandInteractionDataOption[]): FlatOption[] {
  const out: FlatOption[] = [];
  for (const option of options) {
    if (option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup) {
      out.push(...flattenOptions(option.options ?? []));
    } else if ('value' in option) {
      out.push({ name: option.name, value: String(option.value).trim(), focused: 'focused' in option && option.focused === true });
    }
  }
  return out;
}

function delay(ms: number): Promise<undefined> {
  return new Promise((done) => setTimeout(() => done(undefined), ms).unref());
}
