/** Trends room: the catalogue, the published tables, releases and the pull log, bound to the
 * generated data layer ($api). */
import { $api, useInvalidatePaths } from '../../api/query';

export const useTrendCatalogue = () => $api.useQuery('get', '/api/trends');

export const useReleases = () => $api.useQuery('get', '/api/trends/releases');

/** One frozen table (JSON); every read is a logged pull, so it is not read again needlessly. */
export function useTrendTable(table: string, period: string) {
  return $api.useQuery(
    'get',
    '/api/trends/{table}',
    { params: { path: { table }, query: { period } } },
    { enabled: Boolean(table && period), staleTime: Infinity },
  );
}

export function usePulls(enabled: boolean) {
  return $api.useQuery(
    'get',
    '/api/trends/pulls',
    { params: { query: { limit: 50 } } },
    { enabled },
  );
}

export function useRelease() {
  return $api.useMutation('post', '/api/trends/releases', {
    onSuccess: useInvalidatePaths(['/api/trends']),
  });
}
