/** Action plans room: reads and changes of plans, evaluations, settings and the attention list,
 * bound to the generated data layer ($api); the report's upload speaks raw bytes. */
import { $api, useInvalidatePaths } from '../../api/query';
import { putFile } from '../../api/upload';
import type { Evaluation } from './types';

const PLAN_PATHS = ['/api/action-plans', '/api/measures'] as const;
const EVALUATION_PATHS = ['/api/evaluations', '/api/measures'] as const;

export function usePlans() {
  return $api.useQuery('get', '/api/action-plans');
}

export function usePlan(id: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/action-plans/{id}',
    { params: { path: { id: id ?? '' } } },
    { enabled: Boolean(id) },
  );
}

export function useCreatePlan() {
  return $api.useMutation('post', '/api/action-plans', {
    onSuccess: useInvalidatePaths(PLAN_PATHS),
  });
}

export function useUpdatePlan() {
  return $api.useMutation('patch', '/api/action-plans/{id}', {
    onSuccess: useInvalidatePaths(PLAN_PATHS),
  });
}

export function useAdoptPlan() {
  return $api.useMutation('post', '/api/action-plans/{id}/adoption', {
    onSuccess: useInvalidatePaths(PLAN_PATHS),
  });
}

export function useDeletePlan() {
  return $api.useMutation('delete', '/api/action-plans/{id}', {
    onSuccess: useInvalidatePaths(PLAN_PATHS),
  });
}

/** Numbered decisions of approved minutes of the unit's bodies at one level, newest first. */
export function useDecisions(level: 'steering' | 'coordinating') {
  return $api.useQuery('get', '/api/decisions', { params: { query: { bodyLevel: level } } });
}

export function planExportUrl(id: string, kind: 'pdf' | 'xlsx'): string {
  return `/api/action-plans/${encodeURIComponent(id)}/export.${kind}`;
}

export function useMeasureSettings() {
  return $api.useQuery('get', '/api/measure-settings');
}

export function useSetMeasureSettings() {
  return $api.useMutation('put', '/api/measure-settings', {
    onSuccess: useInvalidatePaths(['/api/measure-settings', '/api/measures']),
  });
}

export function useMeasure(id: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/measures/{id}',
    { params: { path: { id: id ?? '' } } },
    { enabled: Boolean(id) },
  );
}

export function useEvaluation(id: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/evaluations/{id}',
    { params: { path: { id: id ?? '' } } },
    { enabled: Boolean(id) },
  );
}

export function useAddEvaluation() {
  return $api.useMutation('post', '/api/measures/{id}/evaluations', {
    onSuccess: useInvalidatePaths(EVALUATION_PATHS),
  });
}

export function useUpdateEvaluation() {
  return $api.useMutation('patch', '/api/evaluations/{id}', {
    onSuccess: useInvalidatePaths(EVALUATION_PATHS),
  });
}

export function useDeleteEvaluation() {
  return $api.useMutation('delete', '/api/evaluations/{id}', {
    onSuccess: useInvalidatePaths(EVALUATION_PATHS),
  });
}

export function useInvalidateEvaluations() {
  return useInvalidatePaths(EVALUATION_PATHS);
}

export function useAttention() {
  return $api.useQuery('get', '/api/measures/attention');
}

export function reportUrl(id: string): string {
  return `/api/evaluations/${encodeURIComponent(id)}/report`;
}

/** PUT the report's bytes as they are; the server judges them (PDF, DOCX or ODT, at most 20 MiB). */
export async function uploadReport(evaluation: Evaluation, file: File): Promise<Evaluation> {
  return putFile<Evaluation>(reportUrl(evaluation.id), evaluation.version, file);
}
