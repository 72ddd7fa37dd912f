import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

function wrapper({ children }: { children: ReactNode }) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
}

describe('the generated data layer', () => {
  it('sends CSRF and If-Match on a change and throws the 412 as a conflict', async () => {
    const fetchMock = vi.fn(
      async (_req: Request) =>
        new Response(
          JSON.stringify({ type: '/problems/stale-version', title: 'x', status: 412, detail: '' }),
          {
            status: 412,
            headers: { 'Content-Type': 'application/problem+json' },
          },
        ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { setCsrfToken } = await import('./client');
    const { $api } = await import('./query');
    const { ifMatch } = await import('./etag');
    setCsrfToken('csrf-9');
    const { result } = renderHook(() => $api.useMutation('patch', '/api/bodies/{id}'), { wrapper });
    let err: unknown;
    await act(async () => {
      err = await result.current
        .mutateAsync({ params: { path: { id: 'b1' }, header: ifMatch(4) }, body: { name: 'N' } })
        .catch((e: unknown) => e);
    });
    const req = fetchMock.mock.calls[0]![0];
    expect(req.headers.get('If-Match')).toBe('"4"');
    expect(req.headers.get('X-CSRF-Token')).toBe('csrf-9');
    expect(err).toMatchObject({ status: 412, isConflict: true, type: '/problems/stale-version' });
  });

  it('hands a 401 on a read to the session and keys reads by path', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 401 })),
    );
    const { setUnauthorizedHandler } = await import('./client');
    const { $api } = await import('./query');
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    const { result } = renderHook(() => $api.useQuery('get', '/api/bodies'), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(handler).toHaveBeenCalledTimes(1);
    expect(result.current.error).toMatchObject({ status: 401 });
    expect($api.queryOptions('get', '/api/bodies').queryKey).toEqual(['get', '/api/bodies']);
  });
});
