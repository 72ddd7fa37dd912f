/** Agreements room: the form's checks, as the server holds them (so the user reads them in
 * Norwegian before sending: parties, a politirådsavtale's two parties, the order of the dates). */
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../api/problem';
import { limitOf, textError } from '../shared/form/limits';
import type { OrganisationType } from './types';

export interface AgreementValues {
  kind: string;
  title: string;
  partyIds: string[];
  signedOn: string;
  validUntil: string;
  reviewOn: string;
  documentationStatus: string;
  archiveWorthy: boolean;
}

export function validateAgreement(
  v: AgreementValues,
  types: ReadonlyMap<string, OrganisationType>,
  t: TFunction,
): FieldErrors {
  const e: FieldErrors = {};
  e.title = textError(v.title, limitOf('AgreementCreate', 'title'), t);
  if (!v.kind) e.kind = t('validation.required');
  const min = limitOf('AgreementCreate', 'partyIds').minItems ?? 2;
  if (v.partyIds.length < min) e.partyIds = t('agreements.error.tooFewParties', { min });
  else if (v.kind === 'police_council') {
    const chosen = new Set(v.partyIds.map((id) => types.get(id)));
    if (!chosen.has('municipal_administration') || !chosen.has('police'))
      e.partyIds = t('agreements.error.policeCouncilParties');
  }
  if (!v.signedOn) e.signedOn = t('validation.required');
  if (!v.validUntil) e.validUntil = t('validation.required');
  else if (v.signedOn && v.validUntil <= v.signedOn)
    e.validUntil = t('agreements.error.validUntilAfterSigned');
  if (
    v.reviewOn &&
    v.signedOn &&
    v.validUntil &&
    (v.reviewOn < v.signedOn || v.reviewOn > v.validUntil)
  )
    e.reviewOn = t('agreements.error.reviewInPeriod');
  return e;
}
