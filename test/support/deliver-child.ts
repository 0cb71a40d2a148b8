// A deliver worker that dies hard (SIGKILL, no cleanup) right after its sink posted a message
// and before delivery could record the reference: the crash the intent record must survive.
// Usage: tsx test/support/deliver-child.ts <redis-url> <prefix> <sink-key>
import { Redis } from 'ioredis';
import { createDeliverWorker } from '../../jobs/workers/deliver-worker.js';
import { createTestRuntime } from './deliver-runtime.js';
import { RecordingSink } from './recording-sink.js';

const [redisUrl = '', prefix = '', sinkKey = ''] = process.argv.slice(2);
const sink = new RecordingSink(new Redis(redisUrl), sinkKey, { afterPost: () => process.kill(process.pid, 'SIGKILL') });
const deps = await createTestRuntime(redisUrl, prefix, { slack: sink, console: sink });
await createDeliverWorker(deps, { lockDurationMs: 1500 });
process.stdout.write('ready\n');
