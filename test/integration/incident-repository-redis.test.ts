import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { ancestorsOf } from '../../src/geo/index.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { CONTRACT_RETENTION_MS, describeIncidentRepositoryContract } from '../support/incident-repository-contract.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

let redis: Redis;
beforeAll(() => {
  redis = createTestRedis();
});
afterAll(() => redis.quit());

describeIncidentRepositoryContract('Redis', () => {
  const prefix = uniquePrefix('repo-contract');
  return {
    repository: new IncidentStore({ redis, prefix, ancestorsOf, retentionMs: CONTRACT_RETENTION_MS }),
    cleanup: () => deletePrefix(redis, prefix),
  };
});
