/** Consent room: the legal-basis form's checks, as the server holds them (a justification of at
 * least 20 characters; report_offence names the agency's decision). */
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../api/problem';
import { limitOf } from '../shared/form/limits';

export interface BasisValues {
  basis: string;
  recipientOrganisationId: string;
  categories: string[];
  justification: string;
  agencyDecisionRef: string;
  validFrom: string;
  validTo: string;
}

const J = limitOf('LegalBasisCreate', 'justification');
export const JUSTIFICATION = { min: J.minLength ?? 20, max: J.maxLength ?? 2000 };
export const DECISION_REF_MAX = limitOf('LegalBasisCreate', 'agencyDecisionRef').maxLength ?? 200;

export function basisErrors(v: BasisValues, t: TFunction): FieldErrors {
  const e: FieldErrors = {};
  if (!v.basis) e.basis = t('validation.required');
  if (!v.recipientOrganisationId) e.recipientOrganisationId = t('validation.required');
  if (!v.categories.length) e.categories = t('consent.error.chooseCategory');
  const j = v.justification.trim();
  if (!j) e.justification = t('validation.required');
  else if (j.length < JUSTIFICATION.min)
    e.justification = t('consent.error.justificationShort', { min: JUSTIFICATION.min });
  else if (v.justification.length > JUSTIFICATION.max)
    e.justification = t('validation.maxLength', { max: JUSTIFICATION.max });
  if (v.basis === 'report_offence') {
    if (!v.agencyDecisionRef.trim()) e.agencyDecisionRef = t('consent.error.agencyDecision');
    else if (v.agencyDecisionRef.length > DECISION_REF_MAX)
      e.agencyDecisionRef = t('validation.maxLength', { max: DECISION_REF_MAX });
  }
  if (!v.validFrom) e.validFrom = t('validation.required');
  if (v.validFrom && v.validTo && v.validTo <= v.validFrom) e.validTo = t('consent.error.validTo');
  return e;
}
