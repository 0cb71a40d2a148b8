/**
 * Every environment variable wirewatch reads, where it lands in the config, and the one-line
 * description that .env.example carries (a test keeps the two in step).
 */
export interface EnvVar {
  name: string;
  path: readonly string[];
  help: string;
}

export const ENV_VARS: readonly EnvVar[] = [
  {
    name: 'REDIS_URL',
    path: ['redis', 'url'],
    help: 'Redis to use (redis://host:port/db); unset = 127.0.0.1:6379 if it answers, else a spawned redis-server',
  },
  {
    name: 'WIREWATCH_REDIS_DATA_DIR',
    path: ['redis', 'dataDir'],
    help: 'Folder for the AOF files of a redis-server that wirewatch spawns itself',
  },
  { name: 'WIREWATCH_POLL_CONCURRENCY', path: ['pollConcurrency'], help: 'Feed polls in flight per worker process (default 64)' },
  {
    name: 'WIREWATCH_REDIS_WAIT_SECONDS',
    path: ['redisWaitSeconds'],
    help: 'How long start-up waits for REDIS_URL to answer before exiting with redis_unreachable (default 10)',
  },
  { name: 'WIREWATCH_REDIS_PREFIX', path: ['redis', 'prefix'], help: 'Key prefix, a Redis Cluster hash tag such as {wirewatch}' },
  { name: 'WIREWATCH_CONFIG', path: [], help: 'Path of a YAML or JSON file with feeds: and other settings (see README)' },
  {
    name: 'WIREWATCH_ALLOW_PRIVATE_NETWORKS',
    path: ['allowPrivateNetworks'],
    help: 'true lets feeds live on loopback/private addresses (tests, intranets)',
  },
  { name: 'WIREWATCH_HTTP_PORT', path: ['httpPort'], help: 'Port of the health and metrics server' },
  { name: 'WIREWATCH_CONTACT_URL', path: ['contactUrl'], help: 'Contact URL sent in the User-Agent of every feed request' },
  {
    name: 'WIREWATCH_FEED_INTERVAL_SECONDS',
    path: ['feedDefaults', 'intervalSeconds'],
    help: 'Default seconds between polls of one feed (minimum 10)',
  },
  {
    name: 'WIREWATCH_FEED_MAX_BYTES',
    path: ['feedDefaults', 'maxBytes'],
    help: 'Largest feed body accepted, after decompression, in bytes',
  },
  {
    name: 'WIREWATCH_BACKFILL_WINDOW_SECONDS',
    path: ['feedDefaults', 'backfillWindowSeconds'],
    help: 'On the first poll of a new feed, only stories newer than this are processed',
  },
  {
    name: 'WIREWATCH_FEED_CONNECT_TIMEOUT_MS',
    path: ['feedDefaults', 'connectTimeoutMs'],
    help: 'Give up connecting to a feed server after this many milliseconds',
  },
  {
    name: 'WIREWATCH_FEED_TIMEOUT_MS',
    path: ['feedDefaults', 'timeoutMs'],
    help: 'Give up on a whole feed request (redirects, headers and body) after this many milliseconds',
  },
  {
    name: 'WIREWATCH_FEED_FAILURE_THRESHOLD',
    path: ['feedDefaults', 'failureThreshold'],
    help: 'Consecutive failures after which a feed is marked failing and the operator is told',
  },
  {
    name: 'WIREWATCH_FEED_MAX_BACKOFF_SECONDS',
    path: ['feedDefaults', 'maxBackoffSeconds'],
    help: 'Longest wait between polls of a failing feed',
  },
  {
    name: 'WIREWATCH_FEED_MAX_CACHE_SECONDS',
    path: ['feedDefaults', 'maxCacheSeconds'],
    help: 'Cap on how long a feed Cache-Control max-age or RSS ttl may delay the next poll',
  },
  { name: 'LOG_LEVEL', path: ['logLevel'], help: 'pino log level: fatal, error, warn, info, debug, trace or silent' },
  { name: 'LOG_FORMAT', path: ['logFormat'], help: 'auto (human lines on a terminal, JSON otherwise), pretty or json' },
  { name: 'SLACK_BOT_TOKEN', path: ['slack', 'botToken'], help: 'Slack bot token (xoxb-…); unset = no Slack' },
  { name: 'SLACK_APP_TOKEN', path: ['slack', 'appToken'], help: 'Slack app-level token (xapp-…) for Socket Mode' },
  { name: 'SLACK_SIGNING_SECRET', path: ['slack', 'signingSecret'], help: 'Slack signing secret, for HTTP mode instead of Socket Mode' },
  { name: 'SLACK_HTTP_PORT', path: ['slack', 'httpPort'], help: 'Port for Slack HTTP mode (POST /slack/events)' },
  { name: 'SLACK_API_URL', path: ['slack', 'apiUrl'], help: 'Slack Web API base URL' },
  { name: 'SLACK_ADMIN_CHANNEL', path: ['slack', 'adminChannel'], help: 'Slack channel id for operator notices (failing feeds)' },
  {
    name: 'SLACK_SUBSCRIBE_ALLOWED',
    path: ['slack', 'subscribeAllowed'],
    help: "Who may /subscribe and /unsubscribe: unset = anyone in the channel, 'admins' = workspace admins/owners, or Slack user ids (U…) comma separated",
  },
  {
    name: 'SLACK_THREAD_UPDATES',
    path: ['slack', 'threadUpdates'],
    help: 'true = also reply in the alert thread when a new version changes something (the alert itself is always edited)',
  },
  { name: 'DISCORD_TOKEN', path: ['discord', 'token'], help: 'Discord bot token; unset = no Discord' },
  { name: 'DISCORD_APPLICATION_ID', path: ['discord', 'applicationId'], help: 'Discord application id (for slash command registration)' },
  {
    name: 'DISCORD_PUBLIC_KEY',
    path: ['discord', 'publicKey'],
    help: 'Discord public key, for the HTTP interactions endpoint instead of the gateway',
  },
  {
    name: 'DISCORD_HTTP_PORT',
    path: ['discord', 'httpPort'],
    help: 'Port for the Discord HTTP interactions endpoint (POST /interactions)',
  },
  { name: 'DISCORD_API_URL', path: ['discord', 'apiUrl'], help: 'Discord REST base URL' },
  { name: 'DISCORD_ADMIN_CHANNEL', path: ['discord', 'adminChannel'], help: 'Discord channel id for operator notices (failing feeds)' },
  {
    name: 'DISCORD_SUBSCRIBE_PERMISSIONS',
    path: ['discord', 'subscribePermissions'],
    help: "Permission bits /subscribe and /unsubscribe need by default (16 = Manage Channels, the default) or 'everyone'",
  },
];
