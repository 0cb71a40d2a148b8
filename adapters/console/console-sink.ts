import type { AlertMessage, ChannelAddress, MessageRef, OperatorNotice, Sink } from '../../src/domain/index.js';
import { describeConsoleChannel, renderConsoleAlert, renderConsoleNotice } from './render-console.js';

/**
 * The dry-run sink, the default when no Slack or Discord token is set: prints each alert and
 * each edit to a stream (stdout) instead of posting. The message id is the incident id, so an
 * edit after a restart still names the alert it updates.
 */
export function createConsoleSink(output: { write(text: string): unknown }): Sink {
  return {
    name: 'console',
    post(channel: ChannelAddress, message: AlertMessage): Promise<MessageRef> {
      const label = describeConsoleChannel(channel);
      output.write(`${renderConsoleAlert(message, `NEW ALERT → ${label}`)}\n`);
      return Promise.resolve({ platform: 'console', channel: label, messageId: message.incidentId });
    },
    edit(ref: MessageRef, message: AlertMessage): Promise<void> {
      output.write(`${renderConsoleAlert(message, `UPDATE of ${ref.messageId} → ${ref.channel}`)}\n`);
      return Promise.resolve();
    },
    notify(notice: OperatorNotice): Promise<void> {
      output.write(`${renderConsoleNotice(notice)}\n`);
      return Promise.resolve();
    },
  };
}
