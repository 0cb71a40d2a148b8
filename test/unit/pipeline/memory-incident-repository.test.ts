import { ancestorsOf } from '../../../src/geo/index.js';
import { MemoryIncidentRepository } from '../../../src/pipeline/memory-incident-repository.js';
import { CONTRACT_RETENTION_MS, describeIncidentRepositoryContract } from '../../support/incident-repository-contract.js';

describeIncidentRepositoryContract('in memory', () => ({
  repository: new MemoryIncidentRepository({ ancestorsOf, retentionMs: CONTRACT_RETENTION_MS }),
  cleanup: () => Promise.resolve(),
}));
