import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

/**
 * Imports in the browser (ARCHITECTURE.md § 20): the coordinator uploads an indicator file whose
 * name column has another header (the mapping editor), maps it and saves the mapping for the
 * source, sees the preview's row error (an unknown category) with the error report, uploads a
 * good file, saves it to the database, finds it in the history and rolls it back.
 */

const fixture = (name: string) =>
  fileURLToPath(new URL(`./fixtures/knowledge/${name}`, import.meta.url));

async function openImport(page: Page): Promise<void> {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('link', { name: 'Kunnskap' })
    .click();
  await page
    .getByRole('navigation', { name: 'Kunnskap' })
    .getByRole('link', { name: 'Import' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
}

async function upload(page: Page, file: string): Promise<void> {
  await page.getByLabel(/^Hva vil du importere/).selectOption({ label: 'Indikatorer' });
  await page.getByLabel(/^Fil/).setInputFiles(fixture(file));
}

test('a coordinator maps, previews, fixes, commits and rolls back an import', async ({ page }) => {
  await login(page, 'coordinator');
  await openImport(page);
  await expect(page.getByTestId('import-history')).toBeVisible();
  await expectNoA11yViolations(page, 'the import page');

  // 1. The name column is headed "indikatornavn": refused at once, the mapping editor opens.
  await upload(page, 'indikatorer-kolonner.csv');
  await expect(page.getByTestId('kind-columns')).toContainText('measure_unit');
  await page.getByLabel('Kilde', { exact: true }).fill('E2E-kilde');
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(page.getByTestId('import-problem')).toContainText('Kolonnene i filen passer ikke.');
  const editor = page.getByTestId('mapping-editor');
  await expect(editor).toContainText('indikatornavn');
  await expect(page.getByLabel(/^Kode \(code\)/)).toHaveValue('code');
  await page.getByLabel(/^Navn \(name\)/).selectOption('indikatornavn');
  await page.getByRole('button', { name: 'Husk koblingen for kilden' }).click();
  await expect(page.getByTestId('mapping-notice')).toHaveText('Koblingen er lagret for E2E-kilde.');
  await expectNoA11yViolations(page, 'the mapping editor');
  await page.getByRole('button', { name: 'Forhåndsvis med denne koblingen' }).click();

  // 2. The preview finds the unknown category: the row error and the error report.
  const job = page.getByTestId('import-job');
  await expect(job.getByTestId('job-rejected')).toContainText('1 feil i 1 rader', {
    timeout: 30_000,
  });
  const errors = job.getByTestId('row-errors');
  const row = errors.getByRole('row').filter({ hasText: 'ukjent-kategori' });
  await expect(row).toContainText('2');
  await expect(row).toContainText('category');
  await expect(row).toContainText('Ukjent verdi.');
  const download = page.waitForEvent('download');
  await job.getByRole('link', { name: 'Last ned feilrapport' }).click();
  const report = await readFile(await (await download).path(), 'utf8');
  expect(report).toContain('ukjent-kategori');
  await expect(job.getByRole('button', { name: 'Lagre i databasen' })).toHaveCount(0);
  await expectNoA11yViolations(page, 'the preview with row errors');

  // 3. The fixed file previews clean and is saved to the database.
  await page.reload();
  await upload(page, 'indikatorer.csv');
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(job.getByTestId('job-previewed')).toContainText('2 nye', { timeout: 30_000 });
  await job.getByRole('button', { name: 'Lagre i databasen' }).click();
  await expect(job.getByTestId('job-committed')).toBeVisible({ timeout: 30_000 });
  const indicators = await page.request.get('/api/indicators', { params: { q: 'e2e.' } });
  const names = ((await indicators.json()) as { items: { code: string }[] }).items.map(
    (i) => i.code,
  );
  expect(names).toEqual(expect.arrayContaining(['e2e.mobbing', 'e2e.skulk']));

  // 4. The history shows it; rolling it back removes its indicators again.
  const history = page.getByTestId('import-history');
  const saved = history
    .getByRole('row')
    .filter({ hasText: 'indikatorer.csv' })
    .filter({ hasText: 'Lagret' });
  await expect(saved).toContainText('Kari Koordinator');
  await expect(saved).toContainText('2 nye');
  await saved.getByRole('button', { name: 'Angre importen indikatorer.csv' }).click();
  const dialog = page.getByTestId('rollback-dialog');
  await expect(dialog).toContainText('Angre importen?');
  await expectNoA11yViolations(page, 'the rollback dialog');
  await dialog.getByRole('button', { name: 'Ja, angre importen' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    history.getByRole('row').filter({ hasText: 'indikatorer.csv' }).filter({ hasText: 'Angret' }),
  ).toHaveCount(1);
  const after = await page.request.get('/api/indicators', { params: { q: 'e2e.' } });
  expect(((await after.json()) as { items: unknown[] }).items).toEqual([]);
});

test('an older import cannot be rolled back before a later one of its kind', async ({ page }) => {
  await login(page, 'coordinator');
  await openImport(page);
  // Rollback keeps stack discipline per kind: two commits of the same file, the older first.
  await upload(page, 'indikatorer.csv');
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  const job = page.getByTestId('import-job');
  await job.getByRole('button', { name: 'Lagre i databasen' }).click();
  await expect(job.getByTestId('job-committed')).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await upload(page, 'indikatorer.csv');
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await job.getByRole('button', { name: 'Lagre i databasen' }).click();
  await expect(job.getByTestId('job-committed')).toContainText('2 uendrede', { timeout: 30_000 });

  // The first of the two is not the latest indicators import: refused with the reason.
  const history = page.getByTestId('import-history');
  const committed = history
    .getByRole('row')
    .filter({ hasText: 'indikatorer.csv' })
    .filter({ hasText: 'Lagret' });
  await expect(committed).toHaveCount(2);
  await committed
    .nth(1)
    .getByRole('button', { name: /^Angre importen/ })
    .click();
  const dialog = page.getByTestId('rollback-dialog');
  await dialog.getByRole('button', { name: 'Ja, angre importen' }).click();
  await expect(dialog.getByTestId('rollback-refused')).toContainText(
    'Bare den siste lagrede importen av denne typen kan angres.',
  );
  await dialog.getByRole('button', { name: 'Avbryt' }).first().click();

  // Newest first, then the older one.
  await committed
    .nth(0)
    .getByRole('button', { name: /^Angre importen/ })
    .click();
  await page
    .getByTestId('rollback-dialog')
    .getByRole('button', { name: 'Ja, angre importen' })
    .click();
  await expect(page.getByTestId('rollback-dialog')).toBeHidden();
  const older = history
    .getByRole('row')
    .filter({ hasText: 'indikatorer.csv' })
    .filter({ hasText: 'Lagret' });
  await expect(older).toHaveCount(1);
  await older.getByRole('button', { name: /^Angre importen/ }).click();
  await page
    .getByTestId('rollback-dialog')
    .getByRole('button', { name: 'Ja, angre importen' })
    .click();
  await expect(page.getByTestId('rollback-dialog')).toBeHidden();
  await expect(
    history.getByRole('row').filter({ hasText: 'indikatorer.csv' }).filter({ hasText: 'Lagret' }),
  ).toHaveCount(0);
});

test('a police contact sees the history but cannot import', async ({ page }) => {
  await login(page, 'police_contact', '/kunnskap/import');
  await expect(page.getByTestId('import-readers-only')).toBeVisible();
  await expect(page.getByLabel(/^Fil/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Angre importen/ })).toHaveCount(0);
});
