/** Organisation context: its reads and changes, bound to the generated data layer ($api). */
import { keepPreviousData } from '@tanstack/react-query';
import { $api, useInvalidatePaths } from '../../api/query';
import type { OrganisationType } from './types';

export const PAGE = 50;
export const PICKER_PAGE = 20;

/** Everything an organisation change can make stale. */
const ORGANISATION_PATHS = [
  '/api/unit',
  '/api/bodies',
  '/api/memberships',
  '/api/organisations',
  '/api/persons',
] as const;

function useInvalidateOrganisation() {
  return useInvalidatePaths(ORGANISATION_PATHS);
}

/** Only the filters that are set, so an empty filter and no filter share one cached read. */
function setOnly<T extends object>(filter: T): Partial<T> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => Boolean(v))) as Partial<T>;
}

export const useHealth = () => $api.useQuery('get', '/api/unit/health');
export const usePicture = () => $api.useQuery('get', '/api/unit/picture');
export const useEstablishment = () => $api.useQuery('get', '/api/unit/establishment');

export function useBody(id: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/bodies/{id}',
    { params: { path: { id: id ?? '' } } },
    { enabled: Boolean(id) },
  );
}

export interface MembershipFilter {
  bodyId?: string;
  personId?: string;
  organisationId?: string;
  activeOn?: string;
}

export function useMemberships(filter: MembershipFilter, enabled = true) {
  return $api.useQuery(
    'get',
    '/api/memberships',
    { params: { query: { ...filter, limit: 200 } } },
    { enabled },
  );
}

export interface OrganisationFilter {
  q?: string;
  type?: OrganisationType;
  cursor?: string;
}

export function useOrganisations(filter: OrganisationFilter) {
  return $api.useQuery(
    'get',
    '/api/organisations',
    { params: { query: { ...setOnly(filter), limit: PAGE } } },
    { placeholderData: keepPreviousData },
  );
}

/** Every organisation (for pickers). */
export function useAllOrganisations() {
  return $api.useQuery(
    'get',
    '/api/organisations',
    { params: { query: { limit: 200 } } },
    { staleTime: 60_000 },
  );
}

export function useOrganisation(id: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/organisations/{id}',
    { params: { path: { id: id ?? '' } } },
    { enabled: Boolean(id) },
  );
}

export interface PersonFilter {
  q?: string;
  organisationId?: string;
  cursor?: string;
}

export function usePersons(filter: PersonFilter) {
  return $api.useQuery(
    'get',
    '/api/persons',
    { params: { query: { ...setOnly(filter), limit: PAGE } } },
    { placeholderData: keepPreviousData },
  );
}

/** What a person picker offers for the text typed so far: the API's search, a page at a time. */
export function usePersonSearch(q: string, organisationType?: OrganisationType) {
  return $api.useQuery(
    'get',
    '/api/persons',
    { params: { query: { ...setOnly({ q, organisationType }), limit: PICKER_PAGE } } },
    { placeholderData: keepPreviousData },
  );
}

/** Every body (for pickers). */
export function useAllBodies() {
  return $api.useQuery(
    'get',
    '/api/bodies',
    { params: { query: { limit: 200 } } },
    { staleTime: 60_000 },
  );
}

export function useAllPersons() {
  return $api.useQuery(
    'get',
    '/api/persons',
    { params: { query: { limit: 200 } } },
    { staleTime: 60_000 },
  );
}

export function usePerson(id: string | undefined) {
  return $api.useQuery(
    'get',
    '/api/persons/{id}',
    { params: { path: { id: id ?? '' } } },
    { enabled: Boolean(id) },
  );
}

/** Persons whose name is exactly ``name`` (case and surrounding space aside): a same-name hint. */
export function usePersonsNamed(name: string) {
  const q = name.trim();
  const wanted = q.toLocaleLowerCase();
  return $api.useQuery(
    'get',
    '/api/persons',
    { params: { query: { q, limit: PICKER_PAGE } } },
    {
      enabled: q.length >= 2,
      staleTime: 5_000,
      select: (page) => page.items.filter((p) => p.name.trim().toLocaleLowerCase() === wanted),
    },
  );
}

/** Norway's municipalities (reference data; it changes with municipal mergers, not by the hour). */
export function useMunicipalities() {
  return $api.useQuery('get', '/api/reference/municipalities', undefined, {
    staleTime: Infinity,
  });
}

// ---- changes: each takes the contract's request (path, If-Match header, body) -------------

export function useCreateBody() {
  return $api.useMutation('post', '/api/bodies', { onSuccess: useInvalidateOrganisation() });
}

export function useUpdateBody() {
  return $api.useMutation('patch', '/api/bodies/{id}', { onSuccess: useInvalidateOrganisation() });
}

export function useHandOverChair() {
  const onSuccess = useInvalidateOrganisation();
  return $api.useMutation('post', '/api/bodies/{id}/chair-handover', { onSuccess });
}

export function useCreateMembership() {
  return $api.useMutation('post', '/api/memberships', { onSuccess: useInvalidateOrganisation() });
}

export function useUpdateMembership() {
  const onSuccess = useInvalidateOrganisation();
  return $api.useMutation('patch', '/api/memberships/{id}', { onSuccess });
}

export function useEndMembership() {
  const onSuccess = useInvalidateOrganisation();
  return $api.useMutation('post', '/api/memberships/{id}/end', { onSuccess });
}

export function useChangeRole() {
  const onSuccess = useInvalidateOrganisation();
  return $api.useMutation('post', '/api/memberships/{id}/role-change', { onSuccess });
}

export function useCreateOrganisation() {
  const onSuccess = useInvalidateOrganisation();
  return $api.useMutation('post', '/api/organisations', { onSuccess });
}

export function useUpdateOrganisation() {
  const onSuccess = useInvalidateOrganisation();
  return $api.useMutation('patch', '/api/organisations/{id}', { onSuccess });
}

export function useCreatePerson() {
  return $api.useMutation('post', '/api/persons', { onSuccess: useInvalidateOrganisation() });
}

export function useUpdatePerson() {
  return $api.useMutation('patch', '/api/persons/{id}', { onSuccess: useInvalidateOrganisation() });
}

export function useUpdateEstablishment() {
  const onSuccess = useInvalidateOrganisation();
  return $api.useMutation('patch', '/api/unit/establishment', { onSuccess });
}
