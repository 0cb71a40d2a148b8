export type { Story, StoryInput } from './story.js';
export type {
  Analysis,
  CasualtyFacts,
  Evidence,
  Facts,
  Kind,
  NegotiationFacts,
  NegotiationOutcome,
  NegotiationStatus,
  RegionRef,
  Severity,
  TargetType,
  WeaponFact,
} from './analysis.js';
export { KINDS, SEVERITIES } from './analysis.js';
export type { Clock, Logger, SubscriptionRepository } from './ports.js';
export type { ChangeField, Incident, IncidentChange, IncidentRevision, IncidentSource, ReportSignature } from './incident.js';
export { MAX_INCIDENT_HISTORY } from './incident.js';
export type {
  AlertFact,
  AlertMessage,
  AlertSource,
  ChannelAddress,
  MessageRef,
  OperatorNotice,
  Platform,
  Sink,
  Subscription,
} from './delivery.js';
export { PLATFORMS } from './delivery.js';
