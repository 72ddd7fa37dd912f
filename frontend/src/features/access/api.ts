/** Access context: accounts, machine clients, the access log and the unit switch on $api. */
import { useQueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../api/client';
import { $api, meQueryKey, queryPath, useInvalidatePaths } from '../../api/query';
import { roleValues, scopeValues, type components } from '../../api/schema';

type S = components['schemas'];
export type Account = S['AccountRead'];
export type AccountCreate = S['AccountCreate'];
export type AccountUpdate = S['AccountUpdate'];
export type MachineClient = S['MachineClientRead'];
export type MachineClientCreate = S['MachineClientCreate'];
export type AccessChange = S['AccessChangeRead'];
export type Role = S['Role'];
export type Scope = S['Scope'];

export const ROLES: readonly Role[] = roleValues;

/** The order the screen lists scopes in (the contract's order is not a reading order). */
const SCOPE_ORDER = [
  'samordna:organisation.read',
  'samordna:trends.read',
  'samordna:archive.read',
  'samordna:import.write',
] as const satisfies readonly Scope[];

/** Every scope of the contract, in screen order; one the contract adds goes last. */
export const SCOPES: readonly Scope[] = [...scopeValues].sort((a, b) => rank(a) - rank(b));

function rank(scope: Scope): number {
  const i = (SCOPE_ORDER as readonly Scope[]).indexOf(scope);
  return i < 0 ? SCOPE_ORDER.length : i;
}

/** The catalogue key of a scope (i18next reads ":" and "." in a key as separators). */
export function scopeKey(scope: string): string {
  return `access.scope.${scope.replace(/^samordna:/, '').replace(/\./g, '_')}`;
}

function useInvalidateAccess() {
  return useInvalidatePaths(['/api/access']);
}

export const useAccounts = () => $api.useQuery('get', '/api/access/accounts');
export const useMachineClients = () => $api.useQuery('get', '/api/access/machine-clients');

export function useAccessChanges() {
  return $api.useQuery('get', '/api/access/changes', { params: { query: { limit: 50 } } });
}

export function useGrantAccess() {
  return $api.useMutation('post', '/api/access/accounts', { onSuccess: useInvalidateAccess() });
}

export function useChangeAccount() {
  const onSuccess = useInvalidateAccess();
  return $api.useMutation('patch', '/api/access/accounts/{id}', { onSuccess });
}

export function useRevokeAccount() {
  const onSuccess = useInvalidateAccess();
  return $api.useMutation('delete', '/api/access/accounts/{id}', { onSuccess });
}

export function useRegisterClient() {
  const onSuccess = useInvalidateAccess();
  return $api.useMutation('post', '/api/access/machine-clients', { onSuccess });
}

export function useRevokeClient() {
  const onSuccess = useInvalidateAccess();
  return $api.useMutation('delete', '/api/access/machine-clients/{organisation_number}', {
    onSuccess,
  });
}

/** Move the session to another unit; everything cached belonged to the old one. */
export function useSwitchUnit() {
  const qc = useQueryClient();
  return $api.useMutation('post', '/api/me/unit', {
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken ?? null);
      qc.removeQueries({ predicate: (q) => queryPath(q) !== '/api/me' });
      qc.setQueryData(meQueryKey, me);
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
