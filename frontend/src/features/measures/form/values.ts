/** Measures room: a measure as the form holds it (strings for inputs) and back as the request
 * body (every field sent whole; empty text as null). */
import { ApiError } from '../../../api/problem';
import type { MeasureValues } from '../validate';
import type { Measure, Tier } from '../types';

const str = (v: string | number | null | undefined) =>
  v === null || v === undefined ? '' : String(v);

export function toValues(m?: Measure): MeasureValues {
  const plan = m?.evaluationPlan;
  return {
    title: m?.title ?? '',
    problem: m?.problem ?? '',
    tier: m?.tier ?? '',
    description: m?.description ?? '',
    targetGroup: m?.targetGroup ?? '',
    targetAgeMin: str(m?.targetAgeMin),
    targetAgeMax: str(m?.targetAgeMax),
    focusAreaIds: m?.focusAreaIds ?? [],
    goalIds: m?.goalIds ?? [],
    responsibleOrganisationIds: m?.responsibleOrganisationIds ?? [],
    partnerOrganisationIds: m?.partnerOrganisationIds ?? [],
    ownerId: m?.ownerId ?? '',
    budgetNok: str(m?.budgetNok),
    staffHours: str(m?.staffHours),
    startOn: m?.startOn ?? '',
    endOn: m?.endOn ?? '',
    milestones: (m?.milestones ?? []).map((x) => ({
      id: x.id ?? null,
      title: x.title,
      dueOn: x.dueOn ?? '',
      doneOn: x.doneOn ?? '',
      weight: String(x.weight),
    })),
    riskFactors: m?.riskFactors ?? [],
    protectiveFactors: m?.protectiveFactors ?? [],
    evidence: m?.evidence ?? 'unknown',
    registryReferences: (m?.registryReferences ?? []).map((r) => ({
      registry: r.registry,
      rating: r.rating,
      verdict: r.verdict,
      reviewedOn: r.reviewedOn ?? '',
      url: r.url ?? '',
    })),
    hasPlan: Boolean(plan),
    aspects: plan?.aspects ?? [],
    method: plan?.method ?? '',
    performer: plan?.performer ?? 'internal',
    performerName: plan?.performerName ?? '',
    dueOn: plan?.dueOn ?? '',
    newOrTrial: m?.newOrTrial ?? false,
    transferable: m?.transferable ?? false,
    riskOfNegativeEffects: m?.riskOfNegativeEffects ?? false,
    strategyAnchored: m?.strategyAnchored ?? false,
  };
}

const text = (v: string) => (v.trim() ? v.trim() : null);
const num = (v: string) => (v.trim() ? Number(v) : null);

/** The whole measure as the request body (a proposal, or a change that sends every field). */
export function toBody(v: MeasureValues) {
  return {
    title: v.title.trim(),
    problem: v.problem.trim(),
    tier: v.tier as Tier,
    description: text(v.description),
    targetGroup: text(v.targetGroup),
    targetAgeMin: num(v.targetAgeMin),
    targetAgeMax: num(v.targetAgeMax),
    focusAreaIds: v.focusAreaIds,
    goalIds: v.goalIds,
    responsibleOrganisationIds: v.responsibleOrganisationIds,
    partnerOrganisationIds: v.partnerOrganisationIds,
    ownerId: v.ownerId || null,
    budgetNok: num(v.budgetNok),
    staffHours: num(v.staffHours),
    startOn: v.startOn || null,
    endOn: v.endOn || null,
    milestones: v.milestones.map((x) => ({
      ...(x.id ? { id: x.id } : {}),
      title: x.title.trim(),
      dueOn: x.dueOn || null,
      doneOn: x.doneOn || null,
      weight: Number(x.weight),
    })),
    riskFactors: v.riskFactors,
    protectiveFactors: v.protectiveFactors,
    evidence: v.evidence,
    registryReferences: v.registryReferences.map((r) => ({
      registry: r.registry,
      rating: r.rating.trim(),
      verdict: r.verdict,
      reviewedOn: r.reviewedOn || null,
      url: text(r.url),
    })),
    evaluationPlan: v.hasPlan
      ? {
          aspects: v.aspects,
          method: v.method.trim(),
          performer: v.performer,
          performerName: text(v.performerName),
          dueOn: v.dueOn,
        }
      : null,
    newOrTrial: v.newOrTrial,
    transferable: v.transferable,
    riskOfNegativeEffects: v.riskOfNegativeEffects,
    strategyAnchored: v.strategyAnchored,
  };
}

/** The server names the evaluation plan's fields under `evaluationPlan.`; the form holds them
 * flat (method, dueOn, …): an error is moved to the field it is shown beside. */
export function flattenPlanErrors(err: unknown): unknown {
  if (!(err instanceof ApiError) || !err.problem.errors) return err;
  const prefix = 'evaluationPlan.';
  const errors = err.problem.errors.map((e) =>
    e.field.startsWith(prefix) ? { ...e, field: e.field.slice(prefix.length) } : e,
  );
  return new ApiError(err.status, { ...err.problem, errors });
}
