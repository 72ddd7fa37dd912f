/** Annual wheel room: its reads and changes, bound to the generated data layer ($api). */
import { $api, useInvalidatePaths } from '../../api/query';
import type { components } from '../../api/schema';
import type { MonthSector } from './types';

const WHEEL_PATHS = ['/api/annual-wheel'] as const;
const FEED_PATHS = ['/api/calendar-feeds'] as const;

/** The twelve sectors with their tasks, as the API placed them (ids resolved to tasks). */
export function sectorsOf(wheel: components['schemas']['WheelRead']): MonthSector[] {
  const byId = new Map(wheel.tasks.map((t) => [t.id, t]));
  return wheel.sectors.map((s) => ({
    month: s.month,
    startAngle: s.startAngle,
    endAngle: s.endAngle,
    tasks: s.taskIds.flatMap((id) => {
      const task = byId.get(id);
      return task ? [{ task, angle: task.angle, overdue: task.overdue }] : [];
    }),
  }));
}

export function useWheel(year: number) {
  return $api.useQuery('get', '/api/annual-wheel/years/{year}', {
    params: { path: { year } },
  });
}

export function useGenerateYear() {
  const onSuccess = useInvalidatePaths(WHEEL_PATHS);
  return $api.useMutation('post', '/api/annual-wheel/years/{year}/generate', { onSuccess });
}

export function useSetTaskStatus() {
  const onSettled = useInvalidatePaths(WHEEL_PATHS);
  return $api.useMutation('patch', '/api/annual-wheel/tasks/{id}', { onSettled });
}

export const useTemplates = () => $api.useQuery('get', '/api/annual-wheel/templates');

export function useCreateTemplate() {
  const onSuccess = useInvalidatePaths(WHEEL_PATHS);
  return $api.useMutation('post', '/api/annual-wheel/templates', { onSuccess });
}

export function useUpdateTemplate() {
  const onSuccess = useInvalidatePaths(WHEEL_PATHS);
  return $api.useMutation('patch', '/api/annual-wheel/templates/{id}', { onSuccess });
}

export function useDeleteTemplate() {
  const onSettled = useInvalidatePaths(WHEEL_PATHS);
  return $api.useMutation('delete', '/api/annual-wheel/templates/{id}', { onSettled });
}

export function useSeedTemplates() {
  const onSuccess = useInvalidatePaths(WHEEL_PATHS);
  return $api.useMutation('post', '/api/annual-wheel/templates/seed', { onSuccess });
}

export function useNorms(year: number) {
  return $api.useQuery('get', '/api/annual-wheel/norms', { params: { query: { year } } });
}

export function useFeeds(scope: components['schemas']['FeedScope'], subjectId: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/calendar-feeds',
    { params: { query: { scope, subjectId: subjectId ?? '' } } },
    { enabled: Boolean(subjectId) },
  );
}

export function useCreateFeed() {
  const onSuccess = useInvalidatePaths(FEED_PATHS);
  return $api.useMutation('post', '/api/calendar-feeds', { onSuccess });
}

export function useRevokeFeed() {
  const onSuccess = useInvalidatePaths(FEED_PATHS);
  return $api.useMutation('delete', '/api/calendar-feeds/{id}', { onSuccess });
}

/** Bodies and persons by id, for names (the organisation context's reads, by contract path). */
export function useNames() {
  const bodies = $api.useQuery(
    'get',
    '/api/bodies',
    { params: { query: { limit: 200 } } },
    { staleTime: 60_000 },
  );
  const persons = $api.useQuery(
    'get',
    '/api/persons',
    { params: { query: { limit: 200 } } },
    { staleTime: 60_000 },
  );
  return {
    bodies: bodies.data?.items ?? [],
    persons: new Map((persons.data?.items ?? []).map((p) => [p.id, p.name])),
  };
}
