/** Agreements room: reads and changes bound to the generated data layer ($api), and the signed
 * document's upload (a raw PDF body; the typed client only speaks JSON). */
import { keepPreviousData } from '@tanstack/react-query';
import { $api, useInvalidatePaths } from '../../api/query';
import { putFile } from '../../api/upload';
import type { Agreement, AgreementStatus } from './types';

export const PAGE = 50;
const PATHS = ['/api/agreements'] as const;

export interface AgreementFilter {
  q?: string;
  status?: AgreementStatus;
  cursor?: string;
}

export function useAgreements(filter: AgreementFilter) {
  const set = Object.fromEntries(Object.entries(filter).filter(([, v]) => Boolean(v)));
  return $api.useQuery(
    'get',
    '/api/agreements',
    { params: { query: { ...set, limit: PAGE } } },
    { placeholderData: keepPreviousData },
  );
}

export function useAgreement(id: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/agreements/{id}',
    { params: { path: { id: id ?? '' } } },
    { enabled: Boolean(id) },
  );
}

/** The unit's organisations, the parties to choose from (read by contract path). */
export function useParties() {
  return $api.useQuery(
    'get',
    '/api/organisations',
    { params: { query: { limit: 200 } } },
    { staleTime: 60_000 },
  );
}

export function useCreateAgreement() {
  return $api.useMutation('post', '/api/agreements', { onSuccess: useInvalidatePaths(PATHS) });
}

export function useUpdateAgreement() {
  return $api.useMutation('patch', '/api/agreements/{id}', {
    onSuccess: useInvalidatePaths(PATHS),
  });
}

export function useDeleteAgreement() {
  return $api.useMutation('delete', '/api/agreements/{id}', {
    onSuccess: useInvalidatePaths(PATHS),
  });
}

export function useInvalidateAgreements() {
  return useInvalidatePaths(PATHS);
}

export function documentUrl(id: string): string {
  return `/api/agreements/${encodeURIComponent(id)}/document`;
}

/** PUT the file's bytes as they are; the server judges them (PDF by content, at most 20 MB). */
export async function uploadDocument(agreement: Agreement, file: File): Promise<Agreement> {
  return putFile<Agreement>(documentUrl(agreement.id), agreement.version, file);
}
