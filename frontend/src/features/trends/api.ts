/** Trends room: the catalogue, the published tables, releases and the pull log. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getCsrfToken } from '../../api/client';
import { toApiError } from '../../api/problem';

async function call(method: 'GET' | 'POST', url: string, body?: unknown): Promise<unknown> {
  const csrf = getCsrfToken();
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json, application/problem+json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(method !== 'GET' && csrf ? { 'X-CSRF-Token': csrf } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    data = undefined;
  }
  if (!response.ok) throw toApiError(response.status, data);
  return data;
}

const KEY = ['get', '/api/trends'] as const;

export const useTrendCatalogue = () =>
  useQuery({ queryKey: [...KEY], queryFn: () => call('GET', '/api/trends') });

export const useReleases = () =>
  useQuery({
    queryKey: ['get', '/api/trends/releases'],
    queryFn: () => call('GET', '/api/trends/releases'),
  });

export function useTrendTable(table: string, period: string) {
  return useQuery({
    queryKey: ['get', '/api/trends/{table}', { table, period }],
    queryFn: () =>
      call('GET', `/api/trends/${encodeURIComponent(table)}?period=${encodeURIComponent(period)}`),
    enabled: Boolean(table && period),
    staleTime: 300_000,
  });
}

export function usePulls(enabled: boolean) {
  return useQuery({
    queryKey: ['get', '/api/trends/pulls'],
    queryFn: () => call('GET', '/api/trends/pulls'),
    enabled,
  });
}

export function useRelease() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => call('POST', '/api/trends/releases', { period }),
    onSuccess: () =>
      qc.invalidateQueries({
        predicate: (q) => String(q.queryKey[1] ?? '').startsWith('/api/trends'),
      }),
  });
}
