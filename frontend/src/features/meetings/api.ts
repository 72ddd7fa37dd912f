/** Meetings context: its reads and changes, bound to the generated data layer ($api). */
import { keepPreviousData } from '@tanstack/react-query';
import { $api, useInvalidatePaths } from '../../api/query';

/** Everything a meetings change can make stale. */
const MEETING_PATHS = [
  '/api/meetings',
  '/api/agenda-items',
  '/api/decisions',
  '/api/action-items',
  '/api/me/action-items',
] as const;

function useInvalidateMeetings() {
  return useInvalidatePaths(MEETING_PATHS);
}

const path = (id: string | undefined) => ({ params: { path: { id: id ?? '' } } });

export function useMeetings(bodyId: string, year: number) {
  return $api.useQuery(
    'get',
    '/api/meetings',
    { params: { query: { bodyId, year, limit: 200 } } },
    { enabled: Boolean(bodyId), placeholderData: keepPreviousData },
  );
}

export function useMeeting(id: string | undefined) {
  return $api.useQuery('get', '/api/meetings/{id}', path(id), { enabled: Boolean(id) });
}

export function useQuorum(id: string) {
  return $api.useQuery('get', '/api/meetings/{id}/quorum', path(id));
}

export function useAgenda(id: string) {
  return $api.useQuery('get', '/api/meetings/{id}/agenda', path(id));
}

export function useAttendance(id: string) {
  return $api.useQuery('get', '/api/meetings/{id}/attendance', path(id));
}

export function useMinutesVersions(id: string, enabled: boolean) {
  return $api.useQuery('get', '/api/meetings/{id}/minutes', path(id), { enabled });
}

export function useDecisions(id: string, enabled: boolean) {
  return $api.useQuery('get', '/api/meetings/{id}/decisions', path(id), { enabled });
}

export function useActionItems(id: string, enabled: boolean) {
  return $api.useQuery('get', '/api/meetings/{id}/action-items', path(id), { enabled });
}

export function useMyActionItems() {
  return $api.useQuery('get', '/api/me/action-items');
}

// ---- changes: each takes the contract's request (path, If-Match header, body) -------------

export function usePlanMeeting() {
  return $api.useMutation('post', '/api/meetings', { onSuccess: useInvalidateMeetings() });
}

export function useUpdateMeeting() {
  return $api.useMutation('patch', '/api/meetings/{id}', { onSuccess: useInvalidateMeetings() });
}

export function useHoldMeeting() {
  return $api.useMutation('post', '/api/meetings/{id}/hold', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useCancelMeeting() {
  return $api.useMutation('post', '/api/meetings/{id}/cancel', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useAddAgendaItem() {
  return $api.useMutation('post', '/api/meetings/{id}/agenda', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useUpdateAgendaItem() {
  return $api.useMutation('patch', '/api/agenda-items/{id}', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useRemoveAgendaItem() {
  return $api.useMutation('delete', '/api/agenda-items/{id}', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useReorderAgenda() {
  return $api.useMutation('put', '/api/meetings/{id}/agenda/order', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useRecordAttendance() {
  return $api.useMutation('put', '/api/meetings/{id}/attendance/{personId}', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useStartMinutes() {
  return $api.useMutation('post', '/api/meetings/{id}/minutes', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useWriteItemMinutes() {
  return $api.useMutation('put', '/api/meetings/{id}/minutes/items/{agendaItemId}', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useApproveMinutes() {
  return $api.useMutation('post', '/api/meetings/{id}/minutes/approve', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useCorrectMinutes() {
  return $api.useMutation('post', '/api/meetings/{id}/minutes/corrections', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useRecordDecision() {
  return $api.useMutation('post', '/api/meetings/{id}/decisions', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useUpdateDecision() {
  return $api.useMutation('patch', '/api/decisions/{id}', { onSuccess: useInvalidateMeetings() });
}

export function useRemoveDecision() {
  return $api.useMutation('delete', '/api/decisions/{id}', { onSuccess: useInvalidateMeetings() });
}

export function useAddActionItem() {
  return $api.useMutation('post', '/api/meetings/{id}/action-items', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useUpdateActionItem() {
  return $api.useMutation('patch', '/api/action-items/{id}', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useRemoveActionItem() {
  return $api.useMutation('delete', '/api/action-items/{id}', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useSetActionStatus() {
  return $api.useMutation('post', '/api/action-items/{id}/status', {
    onSuccess: useInvalidateMeetings(),
  });
}

export function useDistributeMinutes() {
  return $api.useMutation('post', '/api/meetings/{id}/distribution', {
    onSuccess: useInvalidateMeetings(),
  });
}
