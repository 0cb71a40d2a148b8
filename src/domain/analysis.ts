/** What the core pipeline learns from one story: kinds, facts, regions, severity, evidence. */
export type Kind = 'strike' | 'negotiation';
export const KINDS: readonly Kind[] = ['strike', 'negotiation'];

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/** An ISO 3166-2 subdivision (UA-32) or ISO 3166-1 alpha-2 country (UA). */
export interface RegionRef {
  code: string;
  name: string;
}

/** Why a label was given or refused: the rule and the phrase of the text that decided it. */
export interface Evidence {
  kind: Kind | 'region' | 'fact';
  /** `for` supports the label, `against` is an exclusion that refused it. */
  polarity: 'for' | 'against';
  rule: string;
  phrase: string;
}

export interface WeaponFact {
  /** Canonical weapon name: drone, shahed, missile, cruise missile, ballistic missile, s-300, iskander, kinzhal, glide bomb, artillery, mlrs, air strike, rocket, mortar … */
  weapon: string;
  /** Number launched or used when stated. */
  count?: number;
  /** Number intercepted/destroyed/shot down when stated. */
  intercepted?: number;
}

export interface CasualtyFacts {
  killed?: number;
  injured?: number;
}

export type TargetType =
  'energy' | 'oil' | 'hospital' | 'residential' | 'railway' | 'port' | 'school' | 'military' | 'infrastructure' | 'civilian';

export type NegotiationStatus = 'proposed' | 'agreed' | 'rejected' | 'scheduled' | 'held';

/** One item on the table and where it stands: "energy moratorium: agreed", "ceasefire: rejected". */
export interface NegotiationOutcome {
  topic: string;
  status: NegotiationStatus;
}

export interface NegotiationFacts {
  /** Countries (ISO 3166-1 alpha-2) or named parties taking part. */
  parties: string[];
  /** People named as taking part (leaders, envoys). */
  people?: string[];
  venue?: string;
  datePhrase?: string;
  status?: NegotiationStatus;
  /** What is on the table: "ceasefire", "energy moratorium", "prisoner exchange" … */
  topics?: string[];
  /** Status per topic when a story reports several ("moratorium agreed, ceasefire rejected"). */
  outcomes?: NegotiationOutcome[];
}

export interface Facts {
  weapons: WeaponFact[];
  casualties: CasualtyFacts;
  targets: TargetType[];
  /** Who attacked whom when the text says so (country codes). */
  attacker?: string;
  attacked?: string;
  negotiation?: NegotiationFacts;
}

export interface Analysis {
  kinds: Kind[];
  /** Where strikes hit or were intercepted; empty for a story with no strike. */
  regions: RegionRef[];
  /**
   * The same places at their finest (a town rather than its oblast), for telling reports of one
   * attack from another; matching reads them. Not part of the `analyze` output.
   */
  places?: RegionRef[];
  facts: Facts;
  severity: Severity;
  evidence: Evidence[];
  /** The classifier's probability and threshold per kind, when it gave them (for `explain`). */
  scores?: Record<Kind, { probability: number; threshold: number }>;
}
