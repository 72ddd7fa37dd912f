/** Meetings context: the contract's types under their domain names. */
import type { components } from '../../api/schema';

type S = components['schemas'];
export type Meeting = S['MeetingRead'];
export type MeetingStatus = S['MeetingStatus'];
export type Quorum = S['QuorumRead'];
export type AgendaItem = S['AgendaItemRead'];
export type AgendaKind = S['AgendaKind'];
export type Attendance = S['AttendanceRead'];
export type Presence = S['Presence'];
export type MinutesVersion = S['MinutesVersionRead'];
export type ItemMinutes = S['ItemMinutesRead'];
export type Decision = S['DecisionRead'];
export type ActionItem = S['ActionItemRead'];
export type ActionStatus = S['ActionStatus'];

export const AGENDA_KINDS: readonly AgendaKind[] = ['information', 'discussion', 'decision'];
export const PRESENCES: readonly Presence[] = [
  'present',
  'absent_with_notice',
  'absent_without_notice',
];
export const STATUSES: readonly MeetingStatus[] = [
  'planned',
  'held',
  'minutes_draft',
  'minutes_approved',
  'distributed',
  'cancelled',
];
/** The statuses in which the agenda and attendance may change. */
export const EDITABLE: readonly MeetingStatus[] = ['planned', 'held', 'minutes_draft'];
/** The statuses with approved minutes. */
export const APPROVED: readonly MeetingStatus[] = ['minutes_approved', 'distributed'];
