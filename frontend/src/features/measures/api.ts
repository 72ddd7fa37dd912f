/** Measures room: reads and changes bound to the generated data layer ($api). */
import { $api, useInvalidatePaths } from '../../api/query';

const PATHS = ['/api/measures', '/api/evaluations', '/api/action-plans'] as const;

export const useBoard = () => $api.useQuery('get', '/api/measures/board');

export function useMeasure(id: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/measures/{id}',
    { params: { path: { id: id ?? '' } } },
    { enabled: Boolean(id) },
  );
}

export function useTimeline(id: string) {
  return $api.useQuery('get', '/api/measures/{id}/timeline', { params: { path: { id } } });
}

export function useNotes(id: string) {
  return $api.useQuery('get', '/api/measures/{id}/notes', { params: { path: { id } } });
}

export function useMeasureEvaluations(id: string) {
  return $api.useQuery('get', '/api/measures/{id}/evaluations', { params: { path: { id } } });
}

/** Evaluations due within 30 days (overdue too): the board marks their measures. */
export const useDueEvaluations = () =>
  $api.useQuery('get', '/api/evaluations/due', {}, { staleTime: 30_000 });

/** The unit's action plans: focus areas and goals to file a measure under. */
export const usePlans = () => $api.useQuery('get', '/api/action-plans', {}, { staleTime: 30_000 });

export const useFactors = () =>
  $api.useQuery('get', '/api/measure-factors', {}, { staleTime: 600_000 });

/** Numbered decisions of approved minutes, of bodies at this level. */
export function useDecisions(level: 'coordinating' | 'steering', enabled = true) {
  return $api.useQuery(
    'get',
    '/api/decisions',
    { params: { query: { bodyLevel: level } } },
    { enabled },
  );
}

export function useProposeMeasure() {
  return $api.useMutation('post', '/api/measures', { onSuccess: useInvalidatePaths(PATHS) });
}

export function useUpdateMeasure() {
  return $api.useMutation('patch', '/api/measures/{id}', { onSuccess: useInvalidatePaths(PATHS) });
}

export function useDeleteMeasure() {
  return $api.useMutation('delete', '/api/measures/{id}', {
    onSuccess: useInvalidatePaths(PATHS),
  });
}

export function useTransition() {
  return $api.useMutation('post', '/api/measures/{id}/transitions', {
    onSuccess: useInvalidatePaths(PATHS),
  });
}

export function useAddNote() {
  return $api.useMutation('post', '/api/measures/{id}/notes', {
    onSuccess: useInvalidatePaths(PATHS),
  });
}

export const useInvalidateMeasures = () => useInvalidatePaths(PATHS);
