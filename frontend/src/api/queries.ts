import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { api, unwrap } from './client';
import { ifMatch } from './etag';
import type {
  BodyCreate,
  BodyRole,
  BodyUpdate,
  EstablishmentUpdate,
  Level,
  MembershipCreate,
  MembershipUpdate,
  OrganisationCreate,
  OrganisationType,
  OrganisationUpdate,
  PersonCreate,
  PersonUpdate,
} from './types';

export const keys = {
  me: ['me'] as const,
  health: ['unit', 'health'] as const,
  picture: ['unit', 'picture'] as const,
  establishment: ['unit', 'establishment'] as const,
  bodies: ['bodies'] as const,
  body: (id: string) => ['bodies', id] as const,
  memberships: (filter: object) => ['memberships', filter] as const,
  organisations: (filter: object) => ['organisations', filter] as const,
  organisation: (id: string) => ['organisations', 'one', id] as const,
  persons: (filter: object) => ['persons', filter] as const,
  person: (id: string) => ['persons', 'one', id] as const,
};

/** Everything an organisation change can make stale. */
const ORGANISATION_KEYS: QueryKey[] = [
  ['unit'],
  ['bodies'],
  ['memberships'],
  ['organisations'],
  ['persons'],
];

function useInvalidateOrganisation() {
  const qc = useQueryClient();
  return () => Promise.all(ORGANISATION_KEYS.map((k) => qc.invalidateQueries({ queryKey: k })));
}

export const PAGE = 50;

export function useHealth() {
  return useQuery({
    queryKey: keys.health,
    queryFn: () => unwrap(api.GET('/api/unit/health')),
  });
}

export function usePicture() {
  return useQuery({
    queryKey: keys.picture,
    queryFn: () => unwrap(api.GET('/api/unit/picture')),
  });
}

export function useEstablishment() {
  return useQuery({
    queryKey: keys.establishment,
    queryFn: () => unwrap(api.GET('/api/unit/establishment')),
  });
}

export function useBody(id: string | undefined) {
  return useQuery({
    queryKey: keys.body(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/bodies/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export interface MembershipFilter {
  bodyId?: string;
  personId?: string;
  organisationId?: string;
  activeOn?: string;
}

export function useMemberships(filter: MembershipFilter, enabled = true) {
  return useQuery({
    queryKey: keys.memberships(filter),
    queryFn: () =>
      unwrap(api.GET('/api/memberships', { params: { query: { ...filter, limit: 200 } } })),
    enabled,
  });
}

export interface OrganisationFilter {
  q?: string;
  type?: OrganisationType;
  cursor?: string;
}

export function useOrganisations(filter: OrganisationFilter) {
  return useQuery({
    queryKey: keys.organisations(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/organisations', {
          params: {
            query: {
              ...(filter.q ? { q: filter.q } : {}),
              ...(filter.type ? { type: filter.type } : {}),
              ...(filter.cursor ? { cursor: filter.cursor } : {}),
              limit: PAGE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Every organisation (for pickers). */
export function useAllOrganisations() {
  return useQuery({
    queryKey: keys.organisations({ all: true }),
    queryFn: () => unwrap(api.GET('/api/organisations', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
}

export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: keys.organisation(id ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/organisations/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export interface PersonFilter {
  q?: string;
  organisationId?: string;
  cursor?: string;
}

export function usePersons(filter: PersonFilter) {
  return useQuery({
    queryKey: keys.persons(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/persons', {
          params: {
            query: {
              ...(filter.q ? { q: filter.q } : {}),
              ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
              ...(filter.cursor ? { cursor: filter.cursor } : {}),
              limit: PAGE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** What a person picker offers for the text typed so far: the API's search, a page at a time. */
export function usePersonSearch(q: string, organisationType?: OrganisationType) {
  return useQuery({
    queryKey: keys.persons({ q, organisationType, picker: true }),
    queryFn: () =>
      unwrap(
        api.GET('/api/persons', {
          params: {
            query: {
              ...(q ? { q } : {}),
              ...(organisationType ? { organisationType } : {}),
              limit: PICKER_PAGE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export const PICKER_PAGE = 20;

/** Every body (for pickers). */
export function useAllBodies() {
  return useQuery({
    queryKey: ['bodies', 'all'],
    queryFn: () => unwrap(api.GET('/api/bodies', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
}

export function useAllPersons() {
  return useQuery({
    queryKey: keys.persons({ all: true }),
    queryFn: () => unwrap(api.GET('/api/persons', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: keys.person(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/persons/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

// ---- changes -------------------------------------------------------------------------------

export function useCreateBody() {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: (body: BodyCreate) => unwrap(api.POST('/api/bodies', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateBody(id: string) {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: BodyUpdate }) =>
      unwrap(
        api.PATCH('/api/bodies/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useCreateMembership() {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: (body: MembershipCreate) => unwrap(api.POST('/api/memberships', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateMembership() {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: MembershipUpdate }) =>
      unwrap(
        api.PATCH('/api/memberships/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useEndMembership() {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: ({ id, version, on }: { id: string; version: number; on: string | null }) =>
      unwrap(
        api.POST('/api/memberships/{id}/end', {
          params: { path: { id }, header: ifMatch(version) },
          body: { on },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useChangeRole() {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: ({
      id,
      version,
      role,
      on,
    }: {
      id: string;
      version: number;
      role: BodyRole;
      on: string | null;
    }) =>
      unwrap(
        api.POST('/api/memberships/{id}/role-change', {
          params: { path: { id }, header: ifMatch(version) },
          body: { role, on },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useHandOverChair(bodyId: string) {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: (body: {
      personId: string;
      on: string | null;
      previousChairRole: BodyRole | null;
    }) =>
      unwrap(
        api.POST('/api/bodies/{id}/chair-handover', { params: { path: { id: bodyId } }, body }),
      ),
    onSuccess: invalidate,
  });
}

export function useCreateOrganisation() {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: (body: OrganisationCreate) => unwrap(api.POST('/api/organisations', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganisation(id: string) {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: OrganisationUpdate }) =>
      unwrap(
        api.PATCH('/api/organisations/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useCreatePerson() {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: (body: PersonCreate) => unwrap(api.POST('/api/persons', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdatePerson(id: string) {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: PersonUpdate }) =>
      unwrap(
        api.PATCH('/api/persons/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useUpdateEstablishment() {
  const invalidate = useInvalidateOrganisation();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: EstablishmentUpdate }) =>
      unwrap(api.PATCH('/api/unit/establishment', { params: { header: ifMatch(version) }, body })),
    onSuccess: invalidate,
  });
}

export type { Level };

/** Persons whose name is exactly ``name`` (case and surrounding space aside): a same-name hint. */
export function usePersonsNamed(name: string) {
  const q = name.trim();
  return useQuery({
    queryKey: keys.persons({ named: q.toLocaleLowerCase() }),
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/persons', { params: { query: { q, limit: 20 } } }));
      const wanted = q.toLocaleLowerCase();
      return page.items.filter((p) => p.name.trim().toLocaleLowerCase() === wanted);
    },
    enabled: q.length >= 2,
    staleTime: 5_000,
  });
}

/** Norway's municipalities (reference data; it changes with municipal mergers, not by the hour). */
export function useMunicipalities() {
  return useQuery({
    queryKey: ['reference', 'municipalities'],
    queryFn: () => unwrap(api.GET('/api/reference/municipalities')),
    staleTime: Infinity,
  });
}
