/** Measures room: the measure form's values and checks, as the server holds them (limits from the
 * contract's `limits.gen.ts`), so the user reads them in Norwegian before sending. */
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../api/problem';
import { textError, wholeNumberError, type FieldLimit } from '../shared/form/limits';
import type { Aspect, Evidence, Performer, Registry, Verdict } from './types';

export interface MilestoneValues {
  id: string | null;
  title: string;
  dueOn: string;
  doneOn: string;
  weight: string;
}

export interface ReferenceValues {
  registry: Registry;
  rating: string;
  verdict: Verdict;
  reviewedOn: string;
  url: string;
}

export interface MeasureValues {
  title: string;
  problem: string;
  tier: string;
  description: string;
  targetGroup: string;
  targetAgeMin: string;
  targetAgeMax: string;
  focusAreaIds: string[];
  goalIds: string[];
  responsibleOrganisationIds: string[];
  partnerOrganisationIds: string[];
  ownerId: string;
  budgetNok: string;
  staffHours: string;
  startOn: string;
  endOn: string;
  milestones: MilestoneValues[];
  riskFactors: string[];
  protectiveFactors: string[];
  evidence: Evidence;
  registryReferences: ReferenceValues[];
  hasPlan: boolean;
  aspects: Aspect[];
  method: string;
  performer: Performer;
  performerName: string;
  dueOn: string;
  newOrTrial: boolean;
  transferable: boolean;
  riskOfNegativeEffects: boolean;
  strategyAnchored: boolean;
}

/** The limits the form checks, per field (read from the contract by the caller). */
export interface MeasureLimits {
  title: FieldLimit;
  problem: FieldLimit;
  text: FieldLimit;
  short: FieldLimit;
  url: FieldLimit;
  age: FieldLimit;
  budget: FieldLimit;
  hours: FieldLimit;
  weight: FieldLimit;
  milestones: FieldLimit;
  list: FieldLimit;
}

export type ItemErrors<T> = Partial<Record<keyof T & string, string>>[];

export function milestoneErrors(
  items: readonly MilestoneValues[],
  lim: MeasureLimits,
  t: TFunction,
): ItemErrors<MilestoneValues> {
  return items.map((m) => ({
    title: textError(m.title, { ...lim.short, required: true }, t),
    weight: wholeNumberError(m.weight, { ...lim.weight, required: true }, t),
  }));
}

const URL_RE = /^https?:\/\/\S+$/;

export function referenceErrors(
  items: readonly ReferenceValues[],
  lim: MeasureLimits,
  t: TFunction,
): ItemErrors<ReferenceValues> {
  return items.map((r) => ({
    rating: textError(r.rating, { ...lim.short, required: true }, t),
    url:
      textError(r.url, lim.url, t) ??
      (r.url.trim() && !URL_RE.test(r.url.trim()) ? t('measures.error.url') : undefined),
  }));
}

const first = (errs: readonly Partial<Record<string, string>>[]): string | undefined =>
  errs.flatMap((e) => Object.values(e).filter((m): m is string => Boolean(m)))[0];

function tooMany(list: readonly unknown[], limit: FieldLimit, t: TFunction): string | undefined {
  const max = limit.maxItems;
  return max !== undefined && list.length > max ? t('measures.error.tooMany', { max }) : undefined;
}

export function validateMeasure(v: MeasureValues, lim: MeasureLimits, t: TFunction): FieldErrors {
  const e: FieldErrors = {};
  e.title = textError(v.title, { ...lim.title, required: true }, t);
  e.problem = textError(v.problem, { ...lim.problem, required: true }, t);
  if (!v.tier) e.tier = t('validation.required');
  e.description = textError(v.description, lim.text, t);
  e.targetGroup = textError(v.targetGroup, lim.text, t);
  e.targetAgeMin = wholeNumberError(v.targetAgeMin, lim.age, t);
  e.targetAgeMax = wholeNumberError(v.targetAgeMax, lim.age, t);
  if (
    !e.targetAgeMin &&
    !e.targetAgeMax &&
    v.targetAgeMin.trim() &&
    v.targetAgeMax.trim() &&
    Number(v.targetAgeMin) > Number(v.targetAgeMax)
  )
    e.targetAgeMax = t('measures.error.ageOrder');
  e.budgetNok = wholeNumberError(v.budgetNok, lim.budget, t);
  e.staffHours = wholeNumberError(v.staffHours, lim.hours, t);
  if (v.startOn && v.endOn && v.endOn < v.startOn) e.endOn = t('measures.error.endBeforeStart');
  for (const name of [
    'focusAreaIds',
    'goalIds',
    'responsibleOrganisationIds',
    'partnerOrganisationIds',
    'riskFactors',
    'protectiveFactors',
    'registryReferences',
  ] as const)
    e[name] = tooMany(v[name], lim.list, t);
  e.milestones =
    tooMany(v.milestones, lim.milestones, t) ?? first(milestoneErrors(v.milestones, lim, t));
  e.registryReferences ??= first(referenceErrors(v.registryReferences, lim, t));
  if (v.hasPlan) {
    if (v.aspects.length === 0) e.aspects = t('measures.error.aspectsRequired');
    e.method = textError(v.method, { ...lim.short, required: true }, t);
    e.performerName = textError(v.performerName, lim.short, t);
    if (!v.dueOn) e.dueOn = t('validation.required');
  }
  return e;
}
