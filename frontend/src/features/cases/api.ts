/** Cases room: reads and changes bound to the generated data layer ($api). Every read of a case
 * is decided and access-logged by the server; nothing here caches across a withdrawal (the
 * case is read fresh on each visit). */
import { $api, useInvalidatePaths } from '../../api/query';
import type { Me } from '../../api/types';
import { seatBodyIds } from './permissions';
import { isWithheld, type CaseView } from './types';

/** Every read the cases and consent rooms make lives under these paths. */
const PATHS = [
  '/api/cases',
  '/api/case-',
  '/api/commitments',
  '/api/break-glass',
  '/api/consents',
] as const;

export function useMyCases() {
  return $api.useQuery('get', '/api/cases', {}, { staleTime: 0 });
}

export function useCase(id: string) {
  return $api.useQuery(
    'get',
    '/api/cases/{id}',
    { params: { path: { id } } },
    { enabled: Boolean(id), staleTime: 0, retry: false },
  );
}

/** The policy's words: legal bases with their citations, the policy version. */
export function useCasePolicy() {
  return $api.useQuery('get', '/api/case-policy', {}, { staleTime: 5 * 60_000 });
}

export function useCaseSettings() {
  return $api.useQuery('get', '/api/case-settings');
}

export function useBreakGlassReviews(enabled: boolean) {
  return $api.useQuery('get', '/api/break-glass/reviews', {}, { enabled });
}

export function useRetentionDue() {
  return $api.useQuery('get', '/api/cases/retention');
}

/** Every organisation of the unit (the case's services are named by id). */
export function useOrganisations() {
  return $api.useQuery(
    'get',
    '/api/organisations',
    { params: { query: { limit: 200 } } },
    { staleTime: 60_000 },
  );
}

export function useOrganisationNames(): Map<string, string> {
  const organisations = useOrganisations();
  return new Map((organisations.data?.items ?? []).map((o) => [o.id, o.name]));
}

export function useBodies() {
  return $api.useQuery(
    'get',
    '/api/bodies',
    { params: { query: { limit: 200 } } },
    { staleTime: 60_000 },
  );
}

/** The executive bodies where the person has a seat: where they may open a case. */
export function useExecutiveSeats(me: Me | null | undefined) {
  const bodies = useBodies();
  const seats = new Set(seatBodyIds(me));
  return {
    isPending: bodies.isPending,
    bodies: (bodies.data?.items ?? []).filter((b) => seats.has(b.id) && b.level === 'executive'),
  };
}

/** The names of the team's persons the reader may see (for "written by"). */
export function teamNames(view: CaseView): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of view.team) {
    if (!isWithheld(m.member) && m.member.personId) names.set(m.member.personId, m.member.name);
  }
  return names;
}

function useChange() {
  return { onSuccess: useInvalidatePaths(PATHS) };
}

export function useOpenCase() {
  return $api.useMutation('post', '/api/cases', useChange());
}

export function useCloseCase() {
  return $api.useMutation('post', '/api/cases/{id}/closure', useChange());
}

export function useDeleteCase() {
  return $api.useMutation('delete', '/api/cases/{id}', useChange());
}

export function useAddMember() {
  return $api.useMutation('post', '/api/cases/{id}/members', useChange());
}

export function useRemoveMember() {
  return $api.useMutation('delete', '/api/cases/{id}/members/{member_id}', useChange());
}

export function useAddCommitment() {
  return $api.useMutation('post', '/api/cases/{id}/commitments', useChange());
}

export function useRecordBreach() {
  return $api.useMutation('post', '/api/commitments/{id}/breaches', useChange());
}

export function useAddNote() {
  return $api.useMutation('post', '/api/cases/{id}/notes', useChange());
}

export function useAnswerDuty() {
  return $api.useMutation('post', '/api/case-notes/{id}/duty-answers', useChange());
}

export function useOpenBreakGlass() {
  return $api.useMutation('post', '/api/cases/{id}/break-glass', useChange());
}

export function useReviewBreakGlass() {
  return $api.useMutation('post', '/api/break-glass/{id}/review', useChange());
}
