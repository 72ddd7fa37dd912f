/** Shared data layer: openapi-react-query over openapi-fetch, typed by the generated contract. */
import { useQueryClient, type Query } from '@tanstack/react-query';
import createQueryClient from 'openapi-react-query';
import { createApiClient, problemMiddleware, sessionMiddleware } from './client';

const fetchClient = createApiClient();
// onResponse runs last-registered first: the session sees a 401 before the problem is thrown.
fetchClient.use(problemMiddleware, sessionMiddleware);

/**
 * Hooks and query options for every path of the contract. Query keys are
 * `[method, path, init]`, so a context invalidates its reads by path.
 */
export const $api = createQueryClient(fetchClient);

/** The path a cached read was made for (`/api/bodies/{id}`), or ''. */
export function queryPath(query: Query): string {
  const path = query.queryKey[1];
  return typeof path === 'string' ? path : '';
}

/** A function that marks every cached read under these path prefixes stale. */
export function useInvalidatePaths(prefixes: readonly string[]): () => Promise<void> {
  const qc = useQueryClient();
  return () =>
    qc.invalidateQueries({
      predicate: (q) => prefixes.some((prefix) => queryPath(q).startsWith(prefix)),
    });
}

/** The session query's key: the one read every other is dropped around on a unit switch. */
export const meQueryKey = $api.queryOptions('get', '/api/me').queryKey;
