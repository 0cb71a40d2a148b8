import { z } from 'zod';

/**
 * The one configuration schema. Values come from environment variables and an optional
 * YAML/JSON file (`WIREWATCH_CONFIG`); jobs/config/load-config.ts maps both onto this shape and
 * reports every problem at once, naming the variable or file key. Each default is written once,
 * on its field: a missing section is `prefault({})`, parsed like an empty one, so its fields'
 * defaults apply.
 */
const boolish = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number().int().min(1).max(65535);
const urlWithScheme = (schemes: readonly string[], message: string) =>
  z.string().refine((value) => {
    try {
      return schemes.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, message);
const redisUrl = urlWithScheme(['redis:', 'rediss:'], 'must be a redis:// or rediss:// URL');
const httpUrl = urlWithScheme(['http:', 'https:'], 'must be an http:// or https:// URL');

export const MIN_FEED_INTERVAL_SECONDS = 10;

export const feedSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lowercase letters, digits, - and _ only (max 64)'),
  url: httpUrl,
  name: z.string().min(1).optional(),
  intervalSeconds: z.coerce.number().int().min(MIN_FEED_INTERVAL_SECONDS).optional(),
  enabled: z.boolean().default(true),
});
export type FeedConfig = z.infer<typeof feedSchema>;

export const configSchema = z.object({
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `auto`: human lines on a terminal, JSON otherwise. */
  logFormat: z.enum(['auto', 'pretty', 'json']).default('auto'),
  redis: z
    .object({
      url: redisUrl.optional(),
      /** Where a spawned redis-server keeps its AOF files. */
      dataDir: z.string().min(1).default('./.wirewatch/redis'),
      /** Hash-tagged so every key of one deployment lands in one Redis Cluster slot. */
      prefix: z
        .string()
        .regex(/^\{[a-z0-9_-]+\}$/, 'must be a hash tag such as {wirewatch}')
        .default('{wirewatch}'),
    })
    .prefault({}),
  /**
   * Polls in flight per worker process. Polls wait on the network (a real feed host takes
   * 100–500 ms), so 100,000 feeds on a 5-minute cycle (333 checks/s) need dozens at once.
   */
  pollConcurrency: z.coerce.number().int().min(1).max(500).default(64),
  /** How long `run`/`worker` wait for a configured Redis to answer before exiting `redis_unreachable`. */
  redisWaitSeconds: z.coerce.number().int().min(0).max(600).default(10),
  // 0 = any free port (the line "health and metrics on :N" names it); tests use it.
  httpPort: z.coerce.number().int().min(0).max(65535).optional(),
  allowPrivateNetworks: boolish.default(false),
  /** Put in the User-Agent so feed operators can reach us. */
  contactUrl: httpUrl.default('https://github.com/wirewatch/wirewatch'),
  feeds: z.array(feedSchema).optional(),
  feedDefaults: z
    .object({
      intervalSeconds: z.coerce.number().int().min(MIN_FEED_INTERVAL_SECONDS).default(60),
      maxBytes: z.coerce
        .number()
        .int()
        .positive()
        .default(5 * 1024 * 1024),
      connectTimeoutMs: z.coerce.number().int().positive().default(10_000),
      timeoutMs: z.coerce.number().int().positive().default(30_000),
      backfillWindowSeconds: z.coerce.number().int().nonnegative().default(3600),
      failureThreshold: z.coerce.number().int().positive().default(10),
      maxBackoffSeconds: z.coerce.number().int().positive().default(3600),
      maxCacheSeconds: z.coerce.number().int().positive().default(900),
    })
    .prefault({}),
  incidents: z
    .object({
      strikeWindowHours: z.coerce.number().positive().default(12),
      negotiationWindowHours: z.coerce.number().positive().default(72),
      // A follow-up naming the same place and site joins this long after the latest report.
      followUpHours: z.coerce.number().positive().default(48),
      // An incident never spans more than this from its first report (no runaway incident).
      maxLifetimeHours: z.coerce.number().positive().default(120),
      retentionDays: z.coerce.number().positive().default(30),
    })
    .prefault({}),
  slack: z
    .object({
      botToken: z.string().startsWith('xoxb-', 'must be a bot token (xoxb-…)').optional(),
      appToken: z.string().startsWith('xapp-', 'must be an app-level token (xapp-…)').optional(),
      signingSecret: z.string().min(1).optional(),
      httpPort: port.optional(),
      apiUrl: httpUrl.default('https://slack.com/api/'),
      adminChannel: z.string().min(1).optional(),
      /** Who may /subscribe and /unsubscribe: unset = anyone in the channel. */
      subscribeAllowed: z
        .string()
        .trim()
        .regex(/^(admins|[UW][A-Z0-9]+([\s,]+[UW][A-Z0-9]+)*)$/, "must be 'admins' or a list of Slack user ids (U…), comma separated")
        .optional(),
      threadUpdates: boolish.default(false),
    })
    .superRefine((slack, ctx) => {
      // Half a mode is a typo, not a choice: say so at start-up instead of running without commands.
      if (slack.signingSecret !== undefined && slack.httpPort === undefined)
        ctx.addIssue({ code: 'custom', path: ['signingSecret'], message: 'HTTP mode also needs SLACK_HTTP_PORT' });
      if (slack.httpPort !== undefined && slack.signingSecret === undefined)
        ctx.addIssue({ code: 'custom', path: ['httpPort'], message: 'HTTP mode also needs SLACK_SIGNING_SECRET' });
      if (slack.botToken === undefined && (slack.appToken !== undefined || slack.signingSecret !== undefined))
        ctx.addIssue({
          code: 'custom',
          path: [slack.appToken ? 'appToken' : 'signingSecret'],
          message: 'Slack also needs SLACK_BOT_TOKEN',
        });
    })
    .prefault({}),
  discord: z
    .object({
      token: z.string().min(1).optional(),
      applicationId: z.string().regex(/^\d+$/, 'must be a numeric snowflake').optional(),
      publicKey: z
        .string()
        .regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters')
        .optional(),
      httpPort: port.optional(),
      apiUrl: httpUrl.default('https://discord.com/api'),
      adminChannel: z.string().min(1).optional(),
      /** Default permission for /subscribe and /unsubscribe: bits as a decimal string, or 'everyone'. */
      subscribePermissions: z
        .string()
        .regex(/^(\d{1,20}|everyone)$/, "must be permission bits as a decimal number (16 = Manage Channels) or 'everyone'")
        .default('16'),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
