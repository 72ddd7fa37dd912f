/** The import job panel over the generated data layer: what it offers for a preview whose
 * uploaded file the server has given up (after a day), and after a refused commit. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportJob } from '../types';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

/** The client captures fetch when its module loads: import the panel after stubbing it. */
async function renderPanel() {
  const { renderApp } = await import('../../../test/render');
  const { JobPanel } = await import('./JobPanel');
  renderApp(<JobPanel id="j1" canCommit />);
}

describe('a previewed import', () => {
  const job: ImportJob = {
    id: 'j1',
    kind: 'areas',
    format: 'csv',
    filename: 'omrader.csv',
    sizeBytes: 40,
    sha256: 'ab'.repeat(32),
    mode: 'preview',
    mapping: {},
    columns: ['kode', 'navn', 'kommune'],
    ignoredColumns: [],
    sourceName: null,
    status: 'previewed',
    progress: { rowsRead: 2, bytesRead: 40, bytesTotal: 40 },
    result: { inserted: 2, updated: 0, unchanged: 0, errorCount: 0, rejectedRows: 0 },
    sample: [],
    error: null,
    fileKept: true,
    startedByName: 'Kari Koordinator',
    machineOrg: null,
    createdAt: '2026-11-30T10:00:00Z',
    startedAt: '2026-11-30T10:00:01Z',
    finishedAt: '2026-11-30T10:00:02Z',
    rolledBackAt: null,
    rolledBackByName: null,
    version: 3,
  };

  function serve(first: ImportJob, after: ImportJob) {
    const calls: string[] = [];
    let current = first;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url =
          typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const method =
          (typeof input === 'object' && 'method' in input ? input.method : init?.method) ?? 'GET';
        calls.push(`${method} ${new URL(url, 'http://localhost').pathname}`);
        if (method === 'POST') {
          current = after;
          return new Response(
            JSON.stringify({
              type: '/problems/import-not-ready',
              title: 'x',
              status: 409,
              detail: 'Its uploaded file was deleted after 24 hours; upload it again.',
            }),
            { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
          );
        }
        if (url.includes('/api/imports/j1'))
          return new Response(JSON.stringify(current), {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          });
        return new Response(JSON.stringify({ items: [], total: 0, nextCursor: null }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
    return calls;
  }

  it('offers no commit once its file is given up, and says to upload again', async () => {
    serve({ ...job, fileKept: false }, job);
    await renderPanel();
    expect(await screen.findByTestId('job-file-gone')).toHaveTextContent(/Last opp filen på nytt/);
    expect(screen.queryByRole('button', { name: 'Lagre i databasen' })).toBeNull();
    expect(screen.queryByTestId('job-previewed')).toBeNull();
  });

  it('reads the job again when a commit is refused, and shows why', async () => {
    const calls = serve(job, { ...job, fileKept: false, version: 4 });
    await renderPanel();
    await userEvent.click(await screen.findByRole('button', { name: 'Lagre i databasen' }));
    expect(await screen.findByTestId('job-file-gone')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lagre i databasen' })).toBeNull();
    expect(calls).toContain('POST /api/imports/j1/commit');
  });
});
