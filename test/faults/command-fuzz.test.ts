import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../jobs/config/load-config.js';
import { ENV_VARS } from '../../jobs/config/env-vars.js';
import { parseIncidentsArgs } from '../../src/commands/incidents-command.js';
import { runSubscribeCommand, runUnsubscribeCommand } from '../../src/commands/subscription-commands.js';
import { isWirewatchError } from '../../src/errors.js';
import { resolveRegionQuery } from '../../src/geo/index.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

// Fault row: slash-command arguments and config values fuzzed. Whatever the text, a command
// answers (success or a coded error with its usage), never throws, and a refused command leaves
// the channel's subscriptions exactly as they were. Config: a bad value is a config_invalid error
// naming the variable, never a crash or a silent default.
const redis = createTestRedis();
const prefix = uniquePrefix('fault-fuzz');
const subscriptions = new SubscriptionStore(redis, prefix);
const context = { channel: { platform: 'slack' as const, workspace: 'T1', channel: 'C-fuzz' }, user: 'U1' };
const deps = { subscriptions, clock: Date.now };

afterAll(async () => {
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

/** Argument text: real command words mixed with noise, unicode, control characters and long runs. */
const words = fc.constantFrom('Kyiv', 'Oblast', 'UA', 'UA-32', 'strikes', 'talks', 'both', 'critical', 'all', 'limit=5', '6h', '--', '"');
const argText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.array(fc.oneof(words, fc.string({ maxLength: 12 })), { maxLength: 8 }).map((parts) => parts.join(' ')),
);
const snapshot = async () => JSON.stringify(await subscriptions.listByChannel(context.channel));

describe('fault: fuzzed slash-command arguments', () => {
  it('/subscribe and /unsubscribe answer every text; a refused one changes no subscription', async () => {
    expect(await runSubscribeCommand('Kyiv Oblast strikes', context, deps)).toMatchObject({ type: 'success' });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('subscribe', 'unsubscribe'), argText, async (command, text) => {
        const before = await snapshot();
        const run = command === 'subscribe' ? runSubscribeCommand : runUnsubscribeCommand;
        const reply = await run(text, context, deps);
        expect(['success', 'error']).toContain(reply.type);
        if (reply.type === 'error') {
          expect(reply.code).toMatch(/^[a-z_]+$/);
          expect(reply.message.length).toBeGreaterThan(0);
          expect(await snapshot()).toBe(before);
        }
        // Restore the one subscription a successful random command may have replaced or removed.
        if (reply.type === 'success') await runSubscribeCommand('Kyiv Oblast strikes', context, deps);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('/incidents parses any text into a request or a coded error', () => {
    fc.assert(
      fc.property(argText, (text) => {
        try {
          parseIncidentsArgs(text, resolveRegionQuery);
        } catch (error) {
          expect(isWirewatchError(error), String(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('fault: fuzzed config values', () => {
  const variables = ENV_VARS.map((v) => v.name).filter((name) => name !== 'WIREWATCH_CONFIG');
  it('every value is accepted or refused with config_invalid naming the variable', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...variables), fc.string({ maxLength: 40 }), async (name, value) => {
        const outcome = await loadConfig({ [name]: value }).catch((error: unknown) => error);
        if (outcome instanceof Error) {
          expect(isWirewatchError(outcome, 'config_invalid'), String(outcome)).toBe(true);
          expect(outcome.message).toContain(name);
        }
      }),
      { numRuns: 300 },
    );
  });
});
