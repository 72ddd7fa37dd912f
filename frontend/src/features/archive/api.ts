/** Archive room: reads and changes of the unit's archive delivery, bound to the generated data
 * layer ($api): messages, a dead letter's retry, a record's status, settings and extract jobs. */
import { keepPreviousData } from '@tanstack/react-query';
import { $api, useInvalidatePaths } from '../../api/query';
import type { ExtractJob, MessageStatus, RecordKind } from './types';

export const PAGE = 50;
const PATHS = ['/api/archive'] as const;

export function useArchiveMessages(status: MessageStatus | undefined, cursor: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/archive/messages',
    { params: { query: { status, cursor, limit: PAGE } } },
    { placeholderData: keepPreviousData },
  );
}

export function useRetryMessage() {
  return $api.useMutation('post', '/api/archive/messages/{id}/retry', {
    onSuccess: useInvalidatePaths(PATHS),
  });
}

/** A record's archive status for its page; `enabled` false when the record is not finished. */
export function useRecordStatus(kind: RecordKind, recordId: string, enabled = true) {
  return $api.useQuery(
    'get',
    '/api/archive/records/{kind}/{recordId}',
    { params: { path: { kind, recordId } } },
    { enabled: enabled && Boolean(recordId), staleTime: 30_000, retry: false },
  );
}

export function useArchiveSettings() {
  return $api.useQuery('get', '/api/archive/settings');
}

export function useUpdateArchiveSettings() {
  return $api.useMutation('put', '/api/archive/settings', {
    onSuccess: useInvalidatePaths(PATHS),
  });
}

export function useStartExtract() {
  return $api.useMutation('post', '/api/archive/extracts');
}

const FINISHED: ReadonlySet<ExtractJob['status']> = new Set(['done', 'failed']);

/** The job, polled every second until it is done or failed. */
export function useExtractJob(id: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/archive/extracts/{id}',
    { params: { path: { id: id ?? '' } } },
    {
      enabled: Boolean(id),
      refetchInterval: (q) => (q.state.data && FINISHED.has(q.state.data.status) ? false : 1000),
    },
  );
}

export function downloadUrl(id: string): string {
  return `/api/archive/extracts/${encodeURIComponent(id)}/download`;
}

/** The record page each message's record lives on (none for an evaluation: it has no page of
 * its own; its measure's page shows it). */
export function recordPath(kind: RecordKind, subjectId: string): string | null {
  switch (kind) {
    case 'minutes':
      return `/moter/${subjectId}`;
    case 'action_plan':
      return `/handlingsplaner/${subjectId}`;
    case 'agreement':
      return `/avtaler/${subjectId}`;
    case 'measure':
      return `/tiltak/${subjectId}`;
    default:
      return null;
  }
}
