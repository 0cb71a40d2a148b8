// A deliver worker in a process of its own, recording what it "posts" in Redis, for tests that
// kill it (SIGKILL, no cleanup) at a moment of their choosing and start another.
// Usage: tsx test/support/deliver-worker-child.ts <redis-url> <prefix> <sink-key>
import { Redis } from 'ioredis';
import { createDeliverWorker } from '../../jobs/workers/deliver-worker.js';
import { createTestRuntime } from './deliver-runtime.js';
import { RecordingSink } from './recording-sink.js';

const [redisUrl = '', prefix = '', sinkKey = ''] = process.argv.slice(2);
const sink = new RecordingSink(new Redis(redisUrl), sinkKey);
const deps = await createTestRuntime(redisUrl, prefix, { slack: sink, console: sink });
const worker = await createDeliverWorker(deps, { lockDurationMs: 1500 });
process.once('SIGTERM', () => void worker.close().then(() => process.exit(0)));
process.stdout.write('ready\n');
