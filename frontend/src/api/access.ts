import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, unwrap } from './client';
import { ifMatch } from './etag';
import type { components } from './schema';

type S = components['schemas'];
export type Account = S['AccountRead'];
export type AccountCreate = S['AccountCreate'];
export type AccountUpdate = S['AccountUpdate'];
export type MachineClient = S['MachineClientRead'];
export type MachineClientCreate = S['MachineClientCreate'];
export type AccessChange = S['AccessChangeRead'];
export type Role = S['Role'];
export type Scope = S['Scope'];

export const ROLES: readonly Role[] = [
  'unit_admin',
  'coordinator',
  'police_contact',
  'steering_reader',
];
export const SCOPES: readonly Scope[] = [
  'samordna:organisation.read',
  'samordna:trends.read',
  'samordna:archive.read',
  'samordna:import.write',
];

/** The catalogue key of a scope (i18next reads ":" and "." in a key as separators). */
export function scopeKey(scope: string): string {
  return `access.scope.${scope.replace(/^samordna:/, '').replace(/\./g, '_')}`;
}

const keys = {
  accounts: ['access', 'accounts'] as const,
  clients: ['access', 'clients'] as const,
  changes: ['access', 'changes'] as const,
};

function useInvalidateAccess() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['access'] });
}

export function useAccounts() {
  return useQuery({
    queryKey: keys.accounts,
    queryFn: () => unwrap(api.GET('/api/access/accounts')),
  });
}

export function useMachineClients() {
  return useQuery({
    queryKey: keys.clients,
    queryFn: () => unwrap(api.GET('/api/access/machine-clients')),
  });
}

export function useAccessChanges() {
  return useQuery({
    queryKey: keys.changes,
    queryFn: () => unwrap(api.GET('/api/access/changes', { params: { query: { limit: 50 } } })),
  });
}

export function useGrantAccess() {
  const invalidate = useInvalidateAccess();
  return useMutation({
    mutationFn: (body: AccountCreate) => unwrap(api.POST('/api/access/accounts', { body })),
    onSuccess: invalidate,
  });
}

export function useChangeAccount() {
  const invalidate = useInvalidateAccess();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: AccountUpdate }) =>
      unwrap(
        api.PATCH('/api/access/accounts/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useRevokeAccount() {
  const invalidate = useInvalidateAccess();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(
        api.DELETE('/api/access/accounts/{id}', {
          params: { path: { id }, header: ifMatch(version) },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useRegisterClient() {
  const invalidate = useInvalidateAccess();
  return useMutation({
    mutationFn: (body: MachineClientCreate) =>
      unwrap(api.POST('/api/access/machine-clients', { body })),
    onSuccess: invalidate,
  });
}

export function useRevokeClient() {
  const invalidate = useInvalidateAccess();
  return useMutation({
    mutationFn: ({
      organisationNumber,
      version,
    }: {
      organisationNumber: string;
      version: number;
    }) =>
      unwrap(
        api.DELETE('/api/access/machine-clients/{organisation_number}', {
          params: {
            path: { organisation_number: organisationNumber },
            header: ifMatch(version),
          },
        }),
      ),
    onSuccess: invalidate,
  });
}

/** Move the session to another unit; everything cached belonged to the old one. */
export function useSwitchUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (unitId: string) => unwrap(api.POST('/api/me/unit', { body: { unitId } })),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken ?? null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(['me'], me);
    },
  });
}

/** Norwegian national identity number: 11 digits with two mod-11 control digits. */
export function identityNumberOk(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const d = [...value].map(Number);
  const control = (weights: number[], n: number) => {
    const rest = weights.reduce((sum, w, i) => sum + w * (d[i] ?? 0), 0) % 11;
    const c = rest === 0 ? 0 : 11 - rest;
    return c !== 10 && c === d[n];
  };
  return control([3, 7, 6, 1, 8, 9, 4, 5, 2], 9) && control([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], 10);
}

/** Norwegian organisation number: 9 digits, the last a mod-11 control digit. */
export function organisationNumberOk(value: string): boolean {
  if (!/^[89]\d{8}$/.test(value)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const rest = weights.reduce((sum, w, i) => sum + w * Number(value[i]), 0) % 11;
  const c = rest === 0 ? 0 : 11 - rest;
  return c !== 10 && c === Number(value[8]);
}
