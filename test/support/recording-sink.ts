import type { Redis } from 'ioredis';
import type { AlertMessage, ChannelAddress, MessageRef, OperatorNotice, Platform, Sink } from '../../src/domain/index.js';
import { WirewatchError } from '../../src/errors.js';

export type RecordedEvent =
  | { op: 'post'; channel: ChannelAddress; message: AlertMessage; ref: MessageRef }
  | { op: 'edit'; ref: MessageRef; message: AlertMessage }
  | { op: 'notify'; notice: OperatorNotice };

/**
 * A real sink that plays the platform: it keeps every post, edit and notice in a Redis list,
 * so what was "posted" survives the death of the process that posted it (the crash tests), and
 * it can answer `findMessage` from that history as a platform's channel history would.
 * `failWith` makes chosen channels answer with a platform error.
 */
export class RecordingSink implements Sink {
  readonly name: Platform;
  afterPost: (() => void) | undefined;
  failWith = new Map<string, WirewatchError>();
  /** false: a platform with no history to search, where the one-duplicate window stays open. */
  searchable = true;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    options: { name?: Platform; afterPost?: () => void } = {},
  ) {
    this.name = options.name ?? 'slack';
    this.afterPost = options.afterPost;
  }

  async post(channel: ChannelAddress, message: AlertMessage): Promise<MessageRef> {
    const failure = this.failWith.get(channel.channel);
    if (failure) throw failure;
    const ref: MessageRef = {
      platform: channel.platform,
      channel: channel.channel,
      messageId: `m${await this.redis.incr(`${this.key}:seq`)}`,
    };
    await this.record({ op: 'post', channel, message, ref });
    this.afterPost?.();
    return ref;
  }

  async edit(ref: MessageRef, message: AlertMessage): Promise<void> {
    const failure = this.failWith.get(ref.channel);
    if (failure) throw failure;
    await this.record({ op: 'edit', ref, message });
  }

  async notify(notice: OperatorNotice): Promise<void> {
    await this.record({ op: 'notify', notice });
  }

  async findMessage(channel: ChannelAddress, incidentId: string): Promise<MessageRef | undefined> {
    if (!this.searchable) return undefined;
    const post = (await this.events()).find(
      (e) => e.op === 'post' && e.channel.channel === channel.channel && e.message.incidentId === incidentId,
    );
    return post?.op === 'post' ? post.ref : undefined;
  }

  async events(): Promise<RecordedEvent[]> {
    return (await this.redis.lrange(this.key, 0, -1)).map((json) => JSON.parse(json) as RecordedEvent);
  }

  async posts(channel?: string): Promise<Extract<RecordedEvent, { op: 'post' }>[]> {
    return (await this.events()).filter(
      (e): e is Extract<RecordedEvent, { op: 'post' }> => e.op === 'post' && (channel === undefined || e.channel.channel === channel),
    );
  }

  async edits(messageId?: string): Promise<Extract<RecordedEvent, { op: 'edit' }>[]> {
    return (await this.events()).filter(
      (e): e is Extract<RecordedEvent, { op: 'edit' }> => e.op === 'edit' && (messageId === undefined || e.ref.messageId === messageId),
    );
  }

  private async record(event: RecordedEvent): Promise<void> {
    await this.redis.rpush(this.key, JSON.stringify(event));
  }
}

export function platformError(reason: string): WirewatchError {
  return new WirewatchError('delivery_permanent', `platform refused: ${reason}`, { detail: { reason } });
}
