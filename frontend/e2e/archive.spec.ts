import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

/**
 * The archive in the browser (ARCHITECTURE.md § 20): the demo unit's archive holds a dead letter
 * (a concluded measure the archive rejected) and a delivered plan (sak 2026/118). A coordinator
 * retries the dead letter, changes the archive settings, runs a deposit extract with its progress
 * and downloads the zip; the delivered plan's page shows its badge.
 */

async function openArchive(page: Page): Promise<void> {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('link', { name: 'Arkiv' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Arkiv' })).toBeVisible();
}

async function showStatus(page: Page, label: string): Promise<void> {
  await page.getByLabel('Status', { exact: true }).selectOption({ label });
}

test('a coordinator retries a dead letter and sees the delivered plan archived', async ({
  page,
}) => {
  await login(page, 'coordinator');
  await openArchive(page);
  await expectNoA11yViolations(page, 'the archive page');

  await showStatus(page, 'Død melding');
  const messages = page.getByTestId('archive-messages');
  const dead = messages.getByTestId('message-dead');
  await expect(dead).toHaveCount(1);
  await expect(dead).toContainText('Avsluttet tiltak');
  await expect(dead).toContainText('KLASSE-UKJENT');
  await dead.getByRole('button', { name: /^Prøv igjen/ }).click();
  await expect(page.getByText('Ingen meldinger.')).toBeVisible();

  // Back in the queue: waiting for the worker, attempts from zero.
  await showStatus(page, 'Venter');
  const waiting = page.getByTestId('archive-messages').getByTestId('message-pending');
  await expect(waiting.filter({ hasText: 'Avsluttet tiltak' })).toHaveCount(1);

  // Delivered: the archive's references, and the plan's page shows them as its badge.
  await showStatus(page, 'Levert');
  const plan = page.getByTestId('message-delivered').filter({ hasText: 'Handlingsplan' });
  await expect(plan).toContainText('Saksnummer 2026/118, journalpostnummer 1');
  await plan.getByRole('link', { name: 'Handlingsplan' }).click();
  await expect(page.getByTestId('archive-badge')).toHaveText(
    'Arkivert: sak 2026/118, journalpost 1',
  );
});

test('a coordinator changes the archive settings', async ({ page }) => {
  await login(page, 'coordinator');
  await openArchive(page);
  const klasse = page.getByLabel('Klasse', { exact: true });
  await expect(klasse).toHaveValue('026');
  await klasse.fill('x'.repeat(101));
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText('Bruk høyst 100 tegn.').first()).toBeVisible();
  await klasse.fill('027');
  await page.getByLabel('Saksbehandler', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByTestId('archive-settings-saved')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Klasse', { exact: true })).toHaveValue('027');
  await expect(page.getByLabel('Saksbehandler', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Send ferdige dokumenter til arkivet')).toBeChecked();
});

test('a coordinator runs a deposit extract and downloads it', async ({ page }) => {
  await login(page, 'coordinator');
  await openArchive(page);
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel(/^Fra dato/).fill('2020-01-01');
  await page.getByLabel(/^Til dato/).fill(today);
  await page.getByRole('button', { name: 'Lag arkivuttrekk' }).click();

  const link = page.getByTestId('extract-download');
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Arkivuttrekket er klart \(\d+ dokumenter?\)\./)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`arkivuttrekk-2020-01-01-${today}.zip`);
  const zip = await readFile(await download.path());
  expect(zip.subarray(0, 2).toString()).toBe('PK');
  for (const name of ['arkivstruktur.xml', 'arkivuttrekk.xml', 'endringslogg.xml'])
    expect(zip.includes(Buffer.from(name)), name).toBeTruthy();
  await expectNoA11yViolations(page, 'the archive page with a finished extract');
});
