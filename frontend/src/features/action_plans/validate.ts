/** Action plans room: the plan and evaluation forms' values and checks, as the server holds them
 * (domain/measures/limits.py), so the user reads them in Norwegian before sending. */
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../api/problem';
import {
  FOCUS_AREAS_MAX,
  GOALS_MAX,
  SHORT_MAX,
  STRATEGIES_MAX,
  TEXT_MAX,
  TITLE_MAX,
  WEIGHT_MAX,
} from './limits';

export interface GoalDraft {
  key: string;
  id: string | null;
  title: string;
  weight: string;
}

export interface FocusAreaDraft {
  key: string;
  id: string | null;
  title: string;
  weight: string;
  /** One strategy per line. */
  strategies: string;
  goals: GoalDraft[];
}

export interface PlanValues {
  title: string;
  description: string;
  periodStart: string;
  periodEnd: string;
  weighting: string;
  focusAreas: FocusAreaDraft[];
}

export interface EvaluationValues {
  aspects: string[];
  performer: string;
  performerName: string;
  method: string;
  dueOn: string;
  findings: string;
  conclusion: string;
  completedOn: string;
}

function text(value: string, max: number, t: TFunction, required = false): string | undefined {
  if (!value.trim()) return required ? t('validation.required') : undefined;
  return value.length > max ? t('validation.maxLength', { max }) : undefined;
}

export function weightError(value: string, t: TFunction): string | undefined {
  const n = Number(value);
  if (value.trim() && Number.isInteger(n) && n >= 1 && n <= WEIGHT_MAX) return undefined;
  return t('validation.wholeNumber', { min: 1, max: WEIGHT_MAX });
}

export function strategyLines(strategies: string): string[] {
  return strategies
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The first problem of one focus area (its title, weight, strategies or goals), if any. */
export function focusAreaError(a: FocusAreaDraft, t: TFunction): string | undefined {
  const lines = strategyLines(a.strategies);
  return (
    text(a.title, TITLE_MAX, t, true) ??
    weightError(a.weight, t) ??
    (lines.length > STRATEGIES_MAX
      ? t('actionPlans.error.tooMany', { max: STRATEGIES_MAX })
      : undefined) ??
    (lines.some((s) => s.length > SHORT_MAX)
      ? t('actionPlans.error.strategyTooLong', { max: SHORT_MAX })
      : undefined) ??
    (a.goals.length > GOALS_MAX ? t('actionPlans.error.tooMany', { max: GOALS_MAX }) : undefined) ??
    a.goals.map((g) => goalError(g, t)).find(Boolean)
  );
}

export function goalError(g: GoalDraft, t: TFunction): string | undefined {
  return text(g.title, TITLE_MAX, t, true) ?? weightError(g.weight, t);
}

export function validatePlan(v: PlanValues, t: TFunction): FieldErrors {
  const e: FieldErrors = {};
  e.title = text(v.title, TITLE_MAX, t, true);
  e.description = text(v.description, TEXT_MAX, t);
  if (!v.periodStart) e.periodStart = t('validation.required');
  if (!v.periodEnd) e.periodEnd = t('validation.required');
  else if (v.periodStart && v.periodEnd < v.periodStart)
    e.periodEnd = t('validation.endBeforeStart');
  if (v.focusAreas.length > FOCUS_AREAS_MAX)
    e.focusAreas = t('actionPlans.error.tooMany', { max: FOCUS_AREAS_MAX });
  else if (v.focusAreas.some((a) => focusAreaError(a, t)))
    e.focusAreas = t('actionPlans.error.focusAreas');
  return e;
}

export function validateEvaluation(v: EvaluationValues, t: TFunction): FieldErrors {
  const e: FieldErrors = {};
  if (v.aspects.length === 0) e.aspects = t('evaluationForm.error.aspects');
  if (!v.performer) e.performer = t('validation.required');
  e.method = text(v.method, SHORT_MAX, t, true);
  e.performerName = text(v.performerName, SHORT_MAX, t);
  e.findings = text(v.findings, TEXT_MAX, t);
  if (v.conclusion && !v.findings.trim()) e.findings = t('evaluationForm.error.findingsFirst');
  if (v.completedOn && !v.conclusion) e.conclusion = t('evaluationForm.error.conclusionFirst');
  return e;
}

let counter = 0;
/** A key for a new row of the form (React's list key; never sent). */
export function newKey(): string {
  counter += 1;
  return `new-${counter}`;
}
