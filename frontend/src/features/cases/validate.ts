/** Cases room: the new-case form's values and their checks (pure; the server checks again). */
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../api/problem';
import { textError, type FieldLimit } from '../shared/form/limits';
import { parseNin } from './nin';
import type { CaseKind } from './types';

export interface GuardianValues {
  name: string;
  relation: string;
  phone: string;
  email: string;
  parentalResponsibility: boolean;
}

export interface CaseValues {
  bodyId: string;
  organisationId: string;
  kind: string;
  startOn: string;
  endOn: string;
  name: string;
  birthDate: string;
  identityNumber: string;
  guardians: GuardianValues[];
}

export const MAX_YEARS: Partial<Record<CaseKind, number>> = {
  youth_follow_up: 1,
  youth_sentence: 3,
};
const YOUTH_AGE = { min: 15, max: 17 };

export interface CaseLimits {
  name: FieldLimit;
  relation: FieldLimit;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The day `years` after `day` (YYYY-MM-DD). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  return date.toISOString().slice(0, 10);
}

export function validateCase(v: CaseValues, limits: CaseLimits, t: TFunction): FieldErrors {
  const errors: FieldErrors = {
    bodyId: v.bodyId ? undefined : t('validation.required'),
    organisationId: v.organisationId ? undefined : t('validation.required'),
    kind: v.kind ? undefined : t('validation.required'),
    startOn: v.startOn ? undefined : t('validation.required'),
    name: textError(v.name, { ...limits.name, required: true }, t),
    birthDate: v.birthDate ? undefined : t('validation.required'),
  };
  if (v.startOn && v.endOn && v.endOn < v.startOn) errors.endOn = t('cases.error.endBeforeStart');
  const max = MAX_YEARS[v.kind as CaseKind];
  if (max !== undefined && v.startOn && v.endOn && v.endOn > addYears(v.startOn, max))
    errors.endOn = t('cases.error.case-too-long', { maxYears: max });
  if (max !== undefined && v.startOn && v.birthDate) {
    const age = ageOn(v.birthDate, v.startOn);
    if (age < YOUTH_AGE.min || age > YOUTH_AGE.max)
      errors.birthDate = t('cases.error.subject-age-out-of-range');
  }
  const nin = v.identityNumber.trim();
  if (nin) {
    const parsed = parseNin(nin);
    if (!parsed) errors.identityNumber = t('cases.error.identityNumber');
    else if (v.birthDate && parsed.birthDate !== v.birthDate)
      errors.identityNumber = t('cases.identityNumberMismatch');
  }
  v.guardians.forEach((g, i) => {
    const e = textError(g.name, { ...limits.name, required: true }, t);
    if (e) errors[`guardian${i}`] = e;
    const r = textError(g.relation, { ...limits.relation, required: true }, t);
    if (r) errors[`guardianRelation${i}`] = r;
  });
  return errors;
}
