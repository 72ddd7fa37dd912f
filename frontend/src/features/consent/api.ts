/** Consent room: reads and changes of consents, legal bases, reminders and the access report.
 * Query keys follow the generated data layer's `[method, path, init]`, so the cases room's
 * invalidation by path reaches them too. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getCsrfToken } from '../../api/client';
import { ifMatch } from '../../api/etag';
import { toApiError } from '../../api/problem';
import type {
  AccessReport,
  CasePolicy,
  Consent,
  LegalBasisRecord,
  NewBasis,
  NewConsent,
  NewEvent,
  Reminder,
} from './types';

const PATHS = ['/api/cases', '/api/consents', '/api/case-'] as const;

async function call<T>(method: string, path: string, body?: unknown, version?: number): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = getCsrfToken();
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  if (version !== undefined) Object.assign(headers, ifMatch(version));
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    data = undefined;
  }
  if (!response.ok) throw toApiError(response.status, data);
  return data as T;
}

const seg = (id: string) => encodeURIComponent(id);

function useRead<T>(path: string, url: string, pathParams: Record<string, string>, enabled = true) {
  return useQuery({
    queryKey: ['get', path, { params: { path: pathParams } }],
    queryFn: () => call<T>('GET', url),
    enabled,
  });
}

export interface Page<T> {
  items: T[];
}

/** A list answer as items, whether the server pages it or not. */
export function itemsOf<T>(data: Page<T> | T[] | undefined): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.items;
}

export const useCase = (caseId: string) =>
  useRead<Record<string, unknown>>('/api/cases/{id}', `/api/cases/${seg(caseId)}`, { id: caseId });

export const useConsents = (caseId: string) =>
  useRead<Page<Consent> | Consent[]>(
    '/api/cases/{id}/consents',
    `/api/cases/${seg(caseId)}/consents`,
    { id: caseId },
  );

export const useLegalBases = (caseId: string) =>
  useRead<Page<LegalBasisRecord> | LegalBasisRecord[]>(
    '/api/cases/{id}/legal-bases',
    `/api/cases/${seg(caseId)}/legal-bases`,
    { id: caseId },
  );

export const useAccessReport = (caseId: string) =>
  useRead<AccessReport>(
    '/api/cases/{id}/access-report',
    `/api/cases/${seg(caseId)}/access-report`,
    {
      id: caseId,
    },
  );

export const useReminders = () =>
  useRead<Page<Reminder> | Reminder[]>('/api/consents/reminders', '/api/consents/reminders', {});

export function usePolicy() {
  return useQuery({
    queryKey: ['get', '/api/case-policy', {}],
    queryFn: () => call<CasePolicy>('GET', '/api/case-policy'),
    staleTime: 600_000,
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: ['get', '/api/organisations', { params: { query: { limit: 200 } } }],
    queryFn: () =>
      call<Page<{ id: string; name: string; type: string }>>('GET', '/api/organisations?limit=200'),
    staleTime: 60_000,
  });
}

function useChange<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      qc.invalidateQueries({
        predicate: (q) => {
          const p = q.queryKey[1];
          return typeof p === 'string' && PATHS.some((prefix) => p.startsWith(prefix));
        },
      }),
  });
}

export const useRegisterConsent = () =>
  useChange((a: { caseId: string; body: NewConsent }) =>
    call<Consent>('POST', `/api/cases/${seg(a.caseId)}/consents`, a.body),
  );

export const useRecordEvent = () =>
  useChange((a: { consentId: string; body: NewEvent }) =>
    call<Consent>('POST', `/api/consents/${seg(a.consentId)}/events`, a.body),
  );

export const useRecordBasis = () =>
  useChange((a: { caseId: string; body: NewBasis }) =>
    call<LegalBasisRecord>('POST', `/api/cases/${seg(a.caseId)}/legal-bases`, a.body),
  );

export const useSendReminders = () =>
  useChange(() => call<unknown>('POST', '/api/consents/reminders', {}));
