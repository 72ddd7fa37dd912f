/** Cases room: the contract's types this feature reads and writes (generated schema). */
import {
  caseKindValues,
  categoryValues,
  commitmentKindValues,
  consequenceValues,
  dutyAnswerKindValues,
  dutyTagValues,
  type components,
} from '../../api/schema';

type S = components['schemas'];
export type CaseKind = S['CaseKind'];
export type CaseStatus = S['CaseStatus'];
export type MemberRole = S['MemberRole'];
export type Category = S['Category'];
export type SourceRegime = S['SourceRegime'];
export type CommitmentKind = S['CommitmentKind'];
export type CommitmentStatus = S['CommitmentStatus'];
export type Consequence = S['Consequence'];
export type DutyTag = S['DutyTag'];
export type Duty = S['Duty'];
export type DutyAnswerKind = S['DutyAnswerKind'];
export type LegalBasisCode = S['LegalBasisCode'];

export const CASE_KINDS = caseKindValues;
export const CATEGORIES = categoryValues;
export const COMMITMENT_KINDS = commitmentKindValues;
export const CONSEQUENCES = consequenceValues;
export const DUTY_TAGS = dutyTagValues;
export const DUTY_ANSWERS = dutyAnswerKindValues;

/** Why the reader may see an item ("Hvorfor ser jeg dette?"). */
export type Access = S['AccessRead'];
/** An item the reader may not see: that it exists and why not, never what. */
export type Withheld = S['WithheldRead'];
/** An item as the server decided it for this reader: its fields with `access`, or withheld. */
export type Field<T extends { withheld: false }> = T | Withheld;

export function isWithheld(item: { withheld: boolean }): item is Withheld {
  return item.withheld;
}

export type CaseSummary = S['CaseSummaryRead'];
export type CaseView = S['CaseRead'];
export type MemberView = S['MemberRead'];
export type CommitmentView = S['CommitmentRead'];
export type NoteView = CaseView['notes'][number];
export type DutyPrompt = S['DutyPromptRead'];
export type BreakGlassReview = S['BreakGlassReviewRead'];
/** A case due for deletion, with the version DELETE names in If-Match. */
export type RetentionRow = S['RetentionDueRead'];

/** Break-glass: the bases a grant may rest on (the domain's recordable bases). */
export const BREAK_GLASS_BASES = [
  'necessary_for_own_tasks',
  'report_offence',
  'same_purpose',
] as const satisfies readonly LegalBasisCode[];
/** Policy data's defaults until GET /api/case-policy answers. */
export const BREAK_GLASS_HOURS = 2;
export const BREAK_GLASS_REASON_MIN = 20;
