/** Consent room: the wizard's values, its steps (one per guardian with parental responsibility),
 * each step's checks and the request body it registers. */
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../../api/problem';
import { requiredParties, type Required } from '../policy';
import { limitOf } from '../../shared/form/limits';
import type { CaseFacts, Category, Method, NewConsent, NewParty, Regime } from '../types';

export interface WizardValues {
  purposes: string[];
  allowedCategories: string[];
  excludedCategories: string[];
  sourceOrganisationIds: string[];
  recipientOrganisationIds: string[];
  forums: string[];
  validFrom: string;
  validTo: string;
  onwardSharing: boolean;
  guardianVerification: Record<string, string>;
  subjectVerification: string;
  childView: string;
  easyRead: boolean;
  noticeVersion: string;
  noticeLanguage: string;
  method: string;
  evidenceRef: string;
  collectedByOrganisationId: string;
}

export type Step =
  | { kind: 'scope' }
  | { kind: 'parties' }
  | { kind: 'guardian'; guardianId: string; name: string }
  | { kind: 'child' }
  | { kind: 'method' }
  | { kind: 'summary' };

export const VERIFICATIONS = ['bankid', 'id_document', 'known_in_person', 'written_signature'];
export const TEXT_MAX = {
  childView: limitOf('ConsentCreate', 'childView').maxLength ?? 4000,
  evidenceRef: limitOf('ConsentEventCreate', 'evidenceRef').maxLength ?? 200,
};

export function initialValues(
  facts: CaseFacts,
  today: string,
  noticeVersion: string,
): WizardValues {
  const year = Number(today.slice(0, 4)) + 1;
  return {
    purposes: ['follow_up'],
    allowedCategories: [],
    excludedCategories: [],
    sourceOrganisationIds: [],
    recipientOrganisationIds: [],
    forums: ['follow_up_team'],
    validFrom: today,
    validTo: `${year}${today.slice(4)}`,
    onwardSharing: false,
    guardianVerification: {},
    subjectVerification: '',
    childView: '',
    easyRead: true,
    noticeVersion,
    noticeLanguage: 'nb',
    method: '',
    evidenceRef: '',
    collectedByOrganisationId: facts.myOrganisationId ?? '',
  };
}

/** Who must consent for the chosen sources at the subject's age on the first valid day. */
export function required(
  v: WizardValues,
  regimes: ReadonlyMap<string, Regime>,
  age: number | null,
): Required {
  const chosen = [...new Set(v.sourceOrganisationIds.map((id) => regimes.get(id) ?? 'slt'))];
  return requiredParties(chosen, age);
}

export function stepsOf(facts: CaseFacts, req: Required): Step[] {
  const guardians = req.guardians
    ? facts.guardians
        .filter((g) => g.parentalResponsibility)
        .map((g): Step => ({ kind: 'guardian', guardianId: g.id, name: g.name }))
    : [];
  return [
    { kind: 'scope' },
    { kind: 'parties' },
    ...guardians,
    { kind: 'child' },
    { kind: 'method' },
    { kind: 'summary' },
  ];
}

function tooLong(value: string, max: number, t: TFunction): string | undefined {
  return value.length > max ? t('validation.maxLength', { max }) : undefined;
}

/** The checks of one step (the summary checks them all). */
export function validateStep(
  v: WizardValues,
  step: Step,
  req: Required,
  t: TFunction,
): FieldErrors {
  const e: FieldErrors = {};
  const scope = step.kind === 'scope' || step.kind === 'summary';
  if (scope) {
    if (!v.purposes.length) e.purposes = t('consent.error.choosePurpose');
    if (!v.allowedCategories.length) e.allowedCategories = t('consent.error.chooseCategory');
    if (!v.sourceOrganisationIds.length) e.sourceOrganisationIds = t('consent.error.chooseSource');
    if (!v.recipientOrganisationIds.length)
      e.recipientOrganisationIds = t('consent.error.chooseRecipient');
    if (!v.forums.length) e.forums = t('consent.error.chooseForum');
    if (!v.validFrom) e.validFrom = t('validation.required');
    if (!v.validTo) e.validTo = t('validation.required');
    else if (v.validFrom && v.validTo <= v.validFrom) e.validTo = t('consent.error.validTo');
  }
  if (step.kind === 'guardian' && !v.guardianVerification[step.guardianId])
    e.guardianVerification = t('validation.required');
  if (step.kind === 'summary' && req.guardians) {
    if (Object.values(v.guardianVerification).filter(Boolean).length === 0)
      e.guardianVerification = t('consent.error.guardianSteps');
  }
  if (step.kind === 'child' || step.kind === 'summary') {
    if (req.subject && !v.subjectVerification) e.subjectVerification = t('validation.required');
    e.childView = tooLong(v.childView, TEXT_MAX.childView, t);
  }
  if (step.kind === 'method' || step.kind === 'summary') {
    if (!v.method) e.method = t('validation.required');
    if (v.method === 'oral_documented' && !v.evidenceRef.trim())
      e.evidenceRef = t('consent.error.oralEvidence');
    e.evidenceRef ??= tooLong(v.evidenceRef, TEXT_MAX.evidenceRef, t);
    if (!v.collectedByOrganisationId) e.collectedByOrganisationId = t('validation.required');
  }
  return e;
}

/** The request body; `noticeSha256` is the hash of the notice text the parties were given. */
export function toBody(
  v: WizardValues,
  facts: CaseFacts,
  req: Required,
  noticeSha256: string,
): NewConsent {
  const parties: NewParty[] = [
    {
      kind: 'subject',
      guardianId: null,
      identityVerifiedBy: v.subjectVerification || 'not_verified',
    },
  ];
  if (req.guardians)
    for (const g of facts.guardians.filter((x) => x.parentalResponsibility))
      parties.push({
        kind: 'guardian',
        guardianId: g.id,
        identityVerifiedBy: v.guardianVerification[g.id] ?? '',
      });
  return {
    purposes: v.purposes as NewConsent['purposes'],
    allowedCategories: v.allowedCategories as Category[],
    excludedCategories: v.excludedCategories as Category[],
    sourceOrganisationIds: v.sourceOrganisationIds,
    recipientOrganisationIds: v.recipientOrganisationIds,
    forums: v.forums as NewConsent['forums'],
    validFrom: v.validFrom,
    validTo: v.validTo || null,
    onwardSharing: v.onwardSharing,
    noticeVersion: v.noticeVersion,
    noticeLanguage: v.noticeLanguage,
    noticeSha256,
    easyRead: v.easyRead,
    parties,
    collectedByOrganisationId: v.collectedByOrganisationId,
    method: v.method as Method,
    childView: v.childView.trim() || null,
  };
}
