import { afterEach, describe, expect, it, vi } from 'vitest';

function problemResponse(status: number) {
  return new Response(
    JSON.stringify({ type: '/problems/x', title: 'x', status, detail: 'Someone else saved.' }),
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('the REST client', () => {
  it('sends the CSRF token and If-Match on an update, and turns a 412 into a conflict', async () => {
    const fetchMock = vi.fn(async (_req: Request) => problemResponse(412));
    vi.stubGlobal('fetch', fetchMock);
    const { api, setCsrfToken, unwrap } = await import('./client');
    const { ifMatch } = await import('./etag');
    setCsrfToken('csrf-123');
    const err = await unwrap(
      api.PATCH('/api/bodies/{id}', {
        params: { path: { id: 'b1' }, header: ifMatch(3) },
        body: { name: 'Nytt navn' },
      }),
    ).catch((e: unknown) => e);
    const req = fetchMock.mock.calls[0]![0];
    expect(req.method).toBe('PATCH');
    expect(req.headers.get('If-Match')).toBe('"3"');
    expect(req.headers.get('X-CSRF-Token')).toBe('csrf-123');
    expect(err).toMatchObject({ status: 412, isConflict: true });
  });

  it('does not send the CSRF token on reads', async () => {
    const fetchMock = vi.fn(
      async (_req: Request) =>
        new Response(JSON.stringify({ items: [], total: 0, nextCursor: null }), {
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { api, setCsrfToken } = await import('./client');
    setCsrfToken('csrf-123');
    await api.GET('/api/bodies');
    expect(fetchMock.mock.calls[0]![0].headers.get('X-CSRF-Token')).toBeNull();
  });

  it('calls the session-ended handler on a 401 (but not for /api/me)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problemResponse(401)),
    );
    const { api, setUnauthorizedHandler } = await import('./client');
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    await api.GET('/api/me');
    expect(handler).not.toHaveBeenCalled();
    await api.GET('/api/bodies');
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
