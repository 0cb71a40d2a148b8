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
export type {
  CandidateSet,
  CandidateWindows,
  Clock,
  CommitBasis,
  CommitOutcome,
  DroppedStory,
  DroppedStoryLog,
  IncidentRepository,
  Logger,
  MergeWrite,
  Sleep,
  StoredCard,
  StoredIncident,
  RecipientQuery,
  SubscriptionRepository,
} from './ports.js';
export type { IncidentPage, IncidentQuery } from './incident-query.js';
export { decodePageCursor, encodePageCursor, toIncidentPage, type PageCursor } from './incident-query.js';
export type {
  ChangeField,
  Incident,
  IncidentCard,
  IncidentChange,
  IncidentReport,
  IncidentRevision,
  IncidentSource,
  ReportedStory,
  ReportSignature,
} from './incident.js';
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
