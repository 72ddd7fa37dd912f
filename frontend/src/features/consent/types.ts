/** Consent room: the contract's words this feature reads and writes (the cases spec's REST shapes,
 * camelCase; replaced by the generated schema's types once `api/rest/cases/` lands). */

export const CATEGORIES = [
  'identity',
  'guardians',
  'involvement',
  'plan',
  'school',
  'health',
  'substance_use',
  'family',
  'criminal_matters',
  'child_welfare',
  'leisure',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const REGIMES = ['health', 'child_welfare', 'school', 'nav', 'police', 'slt'] as const;
export type Regime = (typeof REGIMES)[number];

export const PURPOSES = ['follow_up'] as const;
export const FORUMS = ['follow_up_team'] as const;
export const METHODS = ['written', 'digital_signature', 'oral_documented'] as const;
export type Method = (typeof METHODS)[number];
export const EVENT_KINDS = ['given', 'refused', 'withdrawn', 'expired'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const STATUSES = ['effective', 'pending', 'refused', 'withdrawn', 'expired'] as const;
export type ConsentStatus = (typeof STATUSES)[number];
export const BASES = ['same_purpose', 'necessary_for_own_tasks', 'report_offence'] as const;
export type RecordableBasis = (typeof BASES)[number];
export const ACTIONS = ['read', 'write', 'disclose', 'export', 'print', 'delete'] as const;

export interface Scope {
  purposes: string[];
  allowedCategories: string[];
  excludedCategories: string[];
  sourceOrganisationIds: string[];
  recipientOrganisationIds: string[];
  forums: string[];
  validFrom: string;
  validTo: string;
  onwardSharing: boolean;
}

export interface Notice {
  version: string;
  language: string;
  easyRead: boolean;
  sha256?: string | null;
}

export interface PartyEvent {
  seq: number;
  kind: EventKind;
  at: string;
  method?: string | null;
  evidenceRef?: string | null;
}

export interface Party {
  id: string;
  kind: 'subject' | 'guardian';
  guardianId?: string | null;
  name?: string | null;
  identityVerifiedBy: string;
  required?: boolean;
  latestEvent?: PartyEvent | null;
}

export interface Consent {
  id: string;
  caseId: string;
  scope: Scope;
  notice: Notice;
  parties: Party[];
  method: Method;
  childView?: string | null;
  status: ConsentStatus;
  recollect?: boolean;
  version: number;
}

export interface NewParty {
  kind: 'subject' | 'guardian';
  guardianId: string | null;
  identityVerifiedBy: string;
}

export interface NewConsent {
  scope: Scope;
  notice: Notice;
  parties: NewParty[];
  collectedByOrganisationId: string;
  method: Method;
  evidenceRef: string | null;
  childView: string | null;
}

export interface NewEvent {
  partyId: string;
  kind: EventKind;
  method: Method;
  evidenceRef: string | null;
  expectedSeq: number;
}

export interface LegalBasisRecord {
  id: string;
  basis: string;
  recipientOrganisationId: string;
  categories: string[];
  justification: string;
  agencyDecisionRef?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface NewBasis {
  basis: RecordableBasis;
  recipientOrganisationId: string;
  categories: string[];
  justification: string;
  agencyDecisionRef: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface AccessRow {
  at: string;
  actorName?: string | null;
  organisationName?: string | null;
  action: string;
  basis?: string | null;
  decision?: string | null;
  denyReason?: string | null;
  category?: string | null;
}

export interface AccessReport {
  reference?: string | null;
  entries: AccessRow[];
}

export interface Reminder {
  caseId: string;
  consentId: string;
  reference: string;
  reason: string;
  dueOn: string;
}

export interface PolicyBasis {
  code: string;
  citation?: string | null;
  citationNb?: string | null;
  citationEn?: string | null;
}

export interface CasePolicy {
  policyVersion: string;
  categories: string[];
  regimes: string[];
  legalBases: PolicyBasis[];
}

/** What the consent pages need of a case (read from the case view; see `caseFacts`). */
export interface CaseFacts {
  id: string;
  reference: string;
  birthDate: string | null;
  guardians: { id: string; name: string; parentalResponsibility: boolean }[];
  team: { organisationId: string; role: string; isMe: boolean }[];
  myOrganisationId: string | null;
  iAmLead: boolean;
}
