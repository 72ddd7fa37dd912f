import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { login } from './helpers';

/**
 * The board's "Last ned tiltakslisten (CSV)" link: the file the browser saves is named for
 * Excel, is CSV, and lists the measures the filtered board shows, by title (UTF-8 with a BOM,
 * fields between semicolons, CRLF lines).
 */

/** RFC 4180 with ";" between fields: quoted fields may hold ";", '"' (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

test('the board downloads its filtered measures as CSV', async ({ page }) => {
  await login(page, 'coordinator', '/tiltak');
  await expect(page.getByRole('heading', { level: 1, name: 'Tiltak' })).toBeVisible();
  const cards = page.getByTestId('board').getByTestId('measure-card');
  await expect(cards.first()).toBeVisible();
  const everything = (await cards.locator('.measure-card-title').allTextContents()).length;

  // Filter the board to one tier; the link follows the filter.
  await page.getByLabel('Forebyggingsnivå').selectOption('universal');
  await expect(page).toHaveURL(/nivaa=universal/);
  const shown = (await cards.locator('.measure-card-title').allTextContents())
    .map((t) => t.trim())
    .sort((a, b) => a.localeCompare(b, 'nb'));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length, 'the filter leaves some measures out').toBeLessThan(everything);
  const link = page.getByRole('link', { name: 'Last ned tiltakslisten (CSV)' });
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toContain('tier=universal');

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('Tiltak.csv');
  const text = await readFile(await download.path(), 'utf-8');
  expect(text.charCodeAt(0), 'a BOM, so Excel reads UTF-8').toBe(0xfeff);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header?.slice(0, 3)).toEqual(['Tiltak', 'Fase', 'Forebyggingsnivå']);
  expect(rows.every((r) => r.length === header?.length)).toBe(true);
  const titles = rows.map((r) => r[0] ?? '').sort((a, b) => a.localeCompare(b, 'nb'));
  expect(titles).toEqual(shown);
  expect(new Set(rows.map((r) => r[2])).size, 'one tier in the list').toBe(1);

  // The same address answers as CSV, an attachment with the same name.
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.headers()['content-disposition']).toContain('attachment; filename="Tiltak.csv"');
});
