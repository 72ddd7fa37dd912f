import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

/**
 * Agreements in the browser (ARCHITECTURE.md § 20): a coordinator registers a politirådsavtale,
 * uploads the signed PDF, sees it listed with its status and downloads it; a file that is not a
 * PDF is refused by the server, and the refusal is shown in Norwegian.
 */

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const TITLE = 'Politirådsavtale Lillestrøm (nettlesertest)';

function isoDay(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

async function createAgreement(page: Page, title: string): Promise<void> {
  await page.goto('/avtaler');
  await page.getByRole('link', { name: 'Ny avtale' }).click();
  await page.getByLabel(/^Type avtale/).selectOption('police_council');
  await page.getByLabel(/^Tittel/).fill(title);
  const parties = page.getByRole('group', { name: 'Parter' });
  await parties.getByLabel('Lillestrøm kommune – kommunedirektøren').check();
  await page.getByRole('button', { name: 'Registrer avtale' }).click();
  // Only the municipality: the form says what a politirådsavtale needs before anything is sent.
  await expect(
    page.getByText('En politirådsavtale har kommunen og politiet som parter.').first(),
  ).toBeVisible();
  await parties.getByLabel('Lillestrøm politistasjon').check();
  await page.getByLabel(/^Signert/).fill(isoDay(-30));
  await page.getByLabel(/^Gyldig til/).fill(isoDay(4 * 365));
  await page.getByRole('button', { name: 'Registrer avtale' }).click();
  await page.waitForURL((url) => /^\/avtaler\/[0-9a-f-]{36}$/.test(url.pathname));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a coordinator registers an agreement, uploads the signed PDF, sees it listed and downloads it', async ({
  page,
}) => {
  await login(page, 'coordinator');
  await createAgreement(page, TITLE);

  // Not a PDF, whatever its name says: the server refuses it and the page says so.
  await page.getByLabel('Velg PDF-fil').setInputFiles({
    name: 'signert-avtale.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('PK\u0003\u0004 this is a zip, not a PDF'),
  });
  await page.getByRole('button', { name: 'Last opp' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Filen er ikke en (hel) PDF' }),
  ).toBeVisible();
  await expect(page.getByText('Ikke lastet opp')).toBeVisible();

  await page.getByLabel('Velg PDF-fil').setInputFiles({
    name: 'Signert politirådsavtale.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await page.getByRole('button', { name: 'Last opp' }).click();
  const document = page.getByTestId('agreement-document');
  await expect(
    document.getByRole('link', { name: /Last ned Signert politirådsavtale\.pdf/ }),
  ).toBeVisible();
  await expect(document.getByText(/ikke PDF\/A/)).toBeVisible();
  await expectNoA11yViolations(page, 'the agreement form with its document');

  await page.goto('/avtaler');
  const row = page.getByTestId('agreements').getByRole('row').filter({ hasText: TITLE });
  await expect(row).toContainText(
    'Lillestrøm kommune – kommunedirektøren, Lillestrøm politistasjon',
  );
  await expect(row.getByTestId('agreement-status')).toHaveText('Gjeldende');
  await expectNoA11yViolations(page, 'the agreement list');
  const downloading = page.waitForEvent('download');
  await row.getByRole('link', { name: 'Last ned' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Signert politirådsavtale.pdf');
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  expect((await readFile(path)).equals(PDF)).toBe(true);
});

test('a coordinator edits an agreement so it turns due for review, then deletes it', async ({
  page,
}) => {
  const title = 'Samarbeidsavtale som snart går ut (nettlesertest)';
  await login(page, 'coordinator');
  await createAgreement(page, title);
  await page.getByLabel(/^Gyldig til/).fill(isoDay(20));
  await page.getByLabel(/^Påminnelse om revisjon/).fill('');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await page.waitForURL((url) => url.pathname === '/avtaler');
  await page.getByLabel('Status').selectOption('due_for_review');
  await expect(page).toHaveURL(/status=due_for_review/);
  const rows = page.getByTestId('agreements').getByRole('row').filter({ hasText: title });
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('agreement-status')).toHaveText('Skal revideres');

  // …and is removed again, confirmed in a second step.
  await rows.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Slett avtale' }).click();
  await page.getByRole('button', { name: 'Ja, slett' }).click();
  await page.waitForURL((url) => url.pathname === '/avtaler');
  await expect(page.getByText(`«${title}» er slettet.`)).toBeVisible();
  await expect(
    page.getByTestId('agreements').getByRole('row').filter({ hasText: title }),
  ).toHaveCount(0);
});
