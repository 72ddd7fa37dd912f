import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

/**
 * The situational picture and the indicators in the browser (ARCHITECTURE.md § 20), on the
 * knowledge demo (ten Ungdata-like indicators, three survey waves for Lillestrøm and its
 * districts) and the measures demo ("Oppfølgingsteam etter første lovbrudd" targets early
 * substance use). A coordinator also creates, changes and deletes an indicator.
 */

async function openKnowledge(page: Page, tab: string): Promise<void> {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('link', { name: 'Kunnskap' })
    .click();
  await page.getByRole('navigation', { name: 'Kunnskap' }).getByRole('link', { name: tab }).click();
  await expect(page.getByRole('heading', { level: 1, name: tab })).toBeVisible();
}

test('the picture shows a chart with its table and the measure beside it', async ({ page }) => {
  await login(page, 'body_member');
  await openKnowledge(page, 'Situasjonsbilde');
  await expect(page.getByTestId('picture-choose')).toBeVisible();
  await expectNoA11yViolations(page, 'the situational picture, nothing chosen');

  await page.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Rus' });
  await page.getByLabel('Område', { exact: true }).selectOption({ label: 'Lillestrøm kommune' });
  await page.getByLabel('Aldersgruppe eller trinn').selectOption({ label: '8.–10. trinn' });
  await page.getByRole('button', { name: 'Vis' }).click();

  const series = page.getByTestId('series');
  await expect(series).toHaveCount(2);
  const drunk = series.filter({
    has: page.getByRole('heading', {
      name: 'Har vært beruset siste år – Lillestrøm kommune, 8.–10. trinn, Alle kjønn',
    }),
  });
  const chart = drunk.getByRole('group', { name: /Har vært beruset siste år: 3 målinger fra/ });
  await expect(chart).toBeVisible();
  const points = chart.getByRole('img');
  await expect(points).toHaveCount(3);
  await points.first().focus();
  await expect(points.first()).toBeFocused();
  await expect(points.first()).toHaveAttribute('aria-label', /^\d{4}: [\d,]+ %$/);
  await page.keyboard.press('Tab');
  await expect(points.nth(1)).toBeFocused();

  // The data table is shown, not hidden behind a toggle: three waves.
  const table = drunk.getByTestId('series-table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(4);

  // The measure targeting early substance use, linked to its page.
  const measures = drunk.getByTestId('series-measures');
  await expect(measures).toContainText('Tidlig debut med alkohol eller narkotika');
  await expectNoA11yViolations(page, 'the situational picture with two series');
  await measures.getByRole('link', { name: 'Oppfølgingsteam etter første lovbrudd' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Oppfølgingsteam etter første lovbrudd' }),
  ).toBeVisible();
});

test('the picture narrows to a period range and refuses a malformed period', async ({ page }) => {
  await login(page, 'coordinator');
  await openKnowledge(page, 'Situasjonsbilde');
  await page.getByRole('group', { name: 'Indikatorer' }).getByLabel('Trives på skolen').check();
  await page.getByLabel('Område', { exact: true }).selectOption({ label: 'Strømmen' });
  await page.getByLabel('Fra periode').fill('20x4');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page.getByText('Skriv perioden som 2024, 2024H1 eller 2024Q3.')).toBeVisible();
  const year = new Date().getFullYear();
  await page.getByLabel('Fra periode').fill(String(year - 2));
  await page.getByRole('button', { name: 'Vis' }).click();
  const series = page.getByTestId('series');
  // Strømmen has no gender split: one series per cohort (8.–10. trinn and Vg1–Vg3).
  await expect(series).toHaveCount(2);
  await expect(series.first().getByTestId('series-table').getByRole('row')).toHaveCount(3);
});

test('a coordinator creates, changes and deletes an indicator', async ({ page }) => {
  await login(page, 'coordinator');
  await openKnowledge(page, 'Indikatorer');
  const list = page.getByTestId('indicators');
  await expect(list.getByRole('link', { name: 'Trives på skolen' })).toBeVisible();
  await page.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Skole' });
  await expect(list.getByRole('row')).toHaveCount(3);
  await expectNoA11yViolations(page, 'the indicator list');

  await page.getByRole('link', { name: 'Ny indikator' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny indikator' })).toBeVisible();
  await page.getByLabel(/^Kode/).fill('Ugyldig Kode');
  await page.getByRole('button', { name: 'Opprett indikator' }).click();
  await expect(
    page.getByRole('link', {
      name: 'Kode: Bruk små bokstaver, tall, punktum, bindestrek eller understrek.',
    }),
  ).toBeVisible();
  await expectNoA11yViolations(page, 'the indicator form with errors');
  // A code the unit already uses: the server's 409, worded.
  await page.getByLabel(/^Kode/).fill('ungdata.mobbet');
  await page.getByLabel(/^Navn/).fill('Deltar i idrettslag');
  await page.getByLabel(/^Kilde/).selectOption({ label: 'Kommunen' });
  await page.getByLabel(/^Kategori/).selectOption({ label: 'Fritid' });
  await page.getByLabel(/^Måleenhet/).selectOption({ label: 'Prosent' });
  await page.getByLabel('Retning').selectOption({ label: 'Høyere er bedre' });
  await page.getByLabel('Organiserte fritidsaktiviteter').check();
  await page.getByRole('button', { name: 'Opprett indikator' }).click();
  await expect(
    page.getByText('En annen indikator i enheten har allerede denne koden.'),
  ).toBeVisible();
  await page.getByLabel(/^Kode/).fill('kommune.idrettslag');
  await page.getByRole('button', { name: 'Opprett indikator' }).click();
  await expect(page.getByTestId('flash')).toHaveText('«Deltar i idrettslag» er lagret.');

  // Change it (If-Match on the version read).
  await page.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Fritid' });
  await page.getByTestId('indicators').getByRole('link', { name: 'Deltar i idrettslag' }).click();
  await expect(page.getByLabel('Organiserte fritidsaktiviteter')).toBeChecked();
  await page.getByLabel(/^Navn/).fill('Deltar i idrettslag eller klubb');
  await page.getByLabel('Venner med positive normer').check();
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByTestId('flash')).toHaveText(
    '«Deltar i idrettslag eller klubb» er lagret.',
  );
  await expect(
    page.getByTestId('indicators').getByRole('row').filter({ hasText: 'kommune.idrettslag' }),
  ).toContainText('Venner med positive normer');

  // Delete it.
  await page
    .getByTestId('indicators')
    .getByRole('link', { name: 'Deltar i idrettslag eller klubb' })
    .click();
  await page.getByRole('button', { name: 'Slett indikatoren' }).click();
  await page.getByRole('button', { name: 'Ja, slett' }).click();
  await expect(page.getByTestId('flash')).toHaveText(
    'Indikatoren Deltar i idrettslag eller klubb er slettet.',
  );
  await expect(page.getByRole('link', { name: 'Deltar i idrettslag eller klubb' })).toHaveCount(0);
});

test('an indicator with observations is not deleted', async ({ page }) => {
  await login(page, 'coordinator');
  await openKnowledge(page, 'Indikatorer');
  await page
    .getByTestId('indicators')
    .getByRole('link', { name: 'Blir mobbet minst hver 14. dag' })
    .click();
  await page.getByRole('button', { name: 'Slett indikatoren' }).click();
  await page.getByRole('button', { name: 'Ja, slett' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Indikatoren har målinger og kan ikke slettes.',
  );
});
