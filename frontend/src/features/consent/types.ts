/** Consent room: the contract's types this feature reads and writes (generated schema). */
import {
  categoryValues,
  collectionMethodValues,
  forumValues,
  purposeValues,
  type components,
} from '../../api/schema';

type S = components['schemas'];
export type Category = S['Category'];
export type Regime = S['SourceRegime'];
export type Method = S['CollectionMethod'];
export type EventKind = S['EventKind'];
export type ConsentState = S['ConsentState'];
export type ConsentItem = S['ConsentItemRead'];
export type Consent = S['ConsentBodyRead'];
export type ConsentEvent = S['EventRead'];
export type Party = S['PartyRead'];
export type Withheld = S['WithheldRead'];
export type NewConsent = S['ConsentCreate'];
export type NewParty = S['PartyIn'];
export type LegalBasisRecord = S['LegalBasisRead'];
export type AccessRow = S['AccessReportRowRead'];
export type Reminder = S['ConsentReminderRead'];
export type CasePolicy = S['CasePolicyRead'];
export type CaseRead = S['CaseRead'];

export const CATEGORIES: readonly Category[] = categoryValues;
export const PURPOSES = purposeValues;
export const FORUMS = forumValues;
export const METHODS: readonly Method[] = collectionMethodValues;
/** The bases a case lead records for a recipient (the rest are consent, own service, …). */
export const BASES = ['same_purpose', 'necessary_for_own_tasks', 'report_offence'] as const;
export type RecordableBasis = (typeof BASES)[number];

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
