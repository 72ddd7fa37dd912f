/** Consent room: reads and changes of consents, legal bases, reminders and the access report,
 * bound to the generated data layer ($api). A change marks the case's reads stale too, so the
 * case view shows a withdrawal's withheld items on its next load. */
import { $api, useInvalidatePaths } from '../../api/query';
import { regimeOf } from './policy';
import type { Regime } from './types';

const PATHS = ['/api/cases', '/api/consents'] as const;

export const useCase = (id: string) =>
  $api.useQuery('get', '/api/cases/{id}', { params: { path: { id } } });

export const useConsents = (id: string) =>
  $api.useQuery('get', '/api/cases/{id}/consents', { params: { path: { id } } });

export const useLegalBases = (id: string) =>
  $api.useQuery('get', '/api/cases/{id}/legal-bases', { params: { path: { id } } });

export const useAccessReport = (id: string) =>
  $api.useQuery('get', '/api/cases/{id}/access-report', { params: { path: { id } } });

export const useReminders = () => $api.useQuery('get', '/api/consents/reminders');

export const usePolicy = () => $api.useQuery('get', '/api/case-policy', {}, { staleTime: 600_000 });

/** The unit's organisations: sources, recipients and who collected. */
export const useOrganisations = () =>
  $api.useQuery(
    'get',
    '/api/organisations',
    { params: { query: { limit: 200 } } },
    { staleTime: 60_000 },
  );

export function useRegisterConsent() {
  return $api.useMutation('post', '/api/cases/{id}/consents', {
    onSuccess: useInvalidatePaths(PATHS),
  });
}

export function useRecordEvent() {
  return $api.useMutation('post', '/api/consents/{id}/events', {
    onSuccess: useInvalidatePaths(PATHS),
  });
}

export function useRecordBasis() {
  return $api.useMutation('post', '/api/cases/{id}/legal-bases', {
    onSuccess: useInvalidatePaths(PATHS),
  });
}

export function useSendReminders() {
  return $api.useMutation('post', '/api/consents/reminders', {
    onSuccess: useInvalidatePaths(PATHS),
  });
}

/** Each organisation's source regime, by the policy's data (the mirror when it is not read yet). */
export function useRegimes(): Map<string, Regime> {
  const policy = usePolicy().data;
  const organisations = useOrganisations().data?.items ?? [];
  const ofType = new Map(policy?.organisationRegimes.map((r) => [r.organisationType, r.regime]));
  return new Map(organisations.map((o) => [o.id, ofType.get(o.type) ?? regimeOf(o.type)] as const));
}
