/** Archive room: the contract's types this feature reads and writes (generated schema). */
import type { components } from '../../api/schema';

type S = components['schemas'];
export type ArchiveMessage = S['ArchiveMessageRead'];
export type MessageStatus = S['MessageStatus'];
export type RecordKind = S['RecordKind'];
export type RecordStatus = S['RecordStatusRead'];
export type ArchiveState = S['ArchiveState'];
export type ArchiveSettings = S['ArchiveSettingsRead'];
export type ExtractJob = S['ExtractJobRead'];

/** The statuses the page filters by, the ones needing a person first. */
export const MESSAGE_STATUSES: readonly MessageStatus[] = [
  'dead',
  'failed',
  'pending',
  'delivering',
  'delivered',
];
