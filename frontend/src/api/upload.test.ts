import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('putFile', () => {
  it('PUTs the bytes with If-Match, the CSRF token and the name, and returns the resource', async () => {
    const fetchMock = vi.fn(
      async (_url: string, _init: RequestInit) =>
        new Response(JSON.stringify({ id: 'e1', version: 4 }), {
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { setCsrfToken } = await import('./client');
    const { putFile } = await import('./upload');
    setCsrfToken('csrf-9');
    const file = new File(['%PDF-1.7'], 'Rapport & vedlegg.pdf', { type: 'application/pdf' });
    const out = await putFile<{ id: string; version: number }>(
      '/api/evaluations/e1/report',
      3,
      file,
    );
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/evaluations/e1/report?filename=Rapport%20%26%20vedlegg.pdf');
    expect(init.method).toBe('PUT');
    const headers = init.headers as Record<string, string>;
    expect(headers['If-Match']).toBe('"3"');
    expect(headers['X-CSRF-Token']).toBe('csrf-9');
    expect(headers['Content-Type']).toBe('application/octet-stream');
    expect(init.body).toBe(file);
    expect(out).toEqual({ id: 'e1', version: 4 });
  });

  it('throws the problem the server answers (a file too large is a 413)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ type: '/problems/content-too-large', title: 'x', status: 413 }),
            { status: 413, headers: { 'Content-Type': 'application/problem+json' } },
          ),
      ),
    );
    const { putFile } = await import('./upload');
    const err = await putFile('/api/agreements/a1/document', 1, new File(['x'], 'a.pdf')).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ status: 413 });
  });
});
