/** Knowledge room: reads and changes bound to the generated data layer ($api), and the multipart
 * upload that starts an import job. */
import { keepPreviousData } from '@tanstack/react-query';
import { getCsrfToken } from '../../api/client';
import { toApiError } from '../../api/problem';
import { $api, useInvalidatePaths } from '../../api/query';
import type { Cohort, ImportJob, ImportKindCode } from './types';
import type { Category } from './vocab';

const PATHS = ['/api/indicators', '/api/picture', '/api/observations'] as const;
const IMPORT_PATHS = ['/api/imports', '/api/indicators', '/api/areas', '/api/picture'] as const;

export function useIndicators(category?: string) {
  return $api.useQuery(
    'get',
    '/api/indicators',
    { params: { query: { category: (category as Category) || undefined, limit: 200 } } },
    { placeholderData: keepPreviousData },
  );
}

export function useIndicator(id: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/indicators/{id}',
    { params: { path: { id: id ?? '' } } },
    { enabled: Boolean(id) },
  );
}

export function useCreateIndicator() {
  return $api.useMutation('post', '/api/indicators', { onSuccess: useInvalidatePaths(PATHS) });
}

export function useUpdateIndicator() {
  return $api.useMutation('patch', '/api/indicators/{id}', {
    onSuccess: useInvalidatePaths(PATHS),
  });
}

export function useDeleteIndicator() {
  return $api.useMutation('delete', '/api/indicators/{id}', {
    onSuccess: useInvalidatePaths(PATHS),
  });
}

export const useAreas = () => $api.useQuery('get', '/api/areas', {}, { staleTime: 60_000 });

export interface PictureParams {
  indicator: string[];
  area: string;
  cohort: string;
  from: string;
  to: string;
}

export function usePicture(p: PictureParams) {
  return $api.useQuery(
    'get',
    '/api/picture',
    {
      params: {
        query: {
          indicator: p.indicator.length > 0 ? p.indicator : undefined,
          area: p.area || undefined,
          cohort: (p.cohort as Cohort) || undefined,
          from: p.from || undefined,
          to: p.to || undefined,
        },
      },
    },
    { placeholderData: keepPreviousData },
  );
}

export const useImportKinds = () =>
  $api.useQuery('get', '/api/import-kinds', {}, { staleTime: 600_000 });

export function useImportJobs() {
  return $api.useQuery('get', '/api/imports', { params: { query: { limit: 50 } } });
}

const RUNNING: ReadonlySet<string> = new Set(['queued', 'running']);

/** The job, polled every second while it is queued or running. */
export function useImportJob(id: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/imports/{id}',
    { params: { path: { id: id ?? '' } } },
    {
      enabled: Boolean(id),
      refetchInterval: (q) => (q.state.data && !RUNNING.has(q.state.data.status) ? false : 1000),
    },
  );
}

export function isRunning(job: Pick<ImportJob, 'status'>): boolean {
  return RUNNING.has(job.status);
}

export function useImportErrors(id: string, enabled: boolean) {
  return $api.useQuery(
    'get',
    '/api/imports/{id}/errors',
    { params: { path: { id }, query: { limit: 100 } } },
    { enabled },
  );
}

export function errorReportUrl(id: string): string {
  return `/api/imports/${encodeURIComponent(id)}/errors.csv`;
}

export function useCommitImport() {
  // Settled, not only on success: a refused commit (its file given up, another tab's change)
  // reads the job again, so the panel shows why instead of offering the button once more.
  return $api.useMutation('post', '/api/imports/{id}/commit', {
    onSettled: useInvalidatePaths(IMPORT_PATHS),
  });
}

export function useRollbackImport() {
  return $api.useMutation('post', '/api/imports/{id}/rollback', {
    onSuccess: useInvalidatePaths(IMPORT_PATHS),
  });
}

export function useMappings(kind: ImportKindCode | '') {
  return $api.useQuery(
    'get',
    '/api/import-mappings',
    { params: { query: { kind: kind || 'indicators' } } },
    { enabled: Boolean(kind) },
  );
}

export function useSaveMapping() {
  return $api.useMutation('put', '/api/import-mappings/{kind}/{source}', {
    onSuccess: useInvalidatePaths(['/api/import-mappings']),
  });
}

export const useInvalidateImports = () => useInvalidatePaths(IMPORT_PATHS);

export interface UploadRequest {
  kind: ImportKindCode;
  file: File;
  source: string;
  mapping: Record<string, string> | null;
}

/** POST /api/imports (multipart, a preview): the queued job, or the problem thrown. */
export async function uploadImport(req: UploadRequest): Promise<ImportJob> {
  const body = new FormData();
  body.append('kind', req.kind);
  body.append('mode', 'preview');
  if (req.source.trim()) body.append('source', req.source.trim());
  if (req.mapping) body.append('mapping', JSON.stringify(req.mapping));
  body.append('file', req.file, req.file.name);
  const csrf = getCsrfToken();
  const response = await fetch('/api/imports', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
      Accept: 'application/json, application/problem+json',
    },
    body,
  });
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    data = undefined;
  }
  if (!response.ok) throw toApiError(response.status, data);
  return data as ImportJob;
}
