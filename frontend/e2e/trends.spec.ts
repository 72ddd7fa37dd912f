import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, login, type Persona } from './helpers';

/**
 * TREND-A in the browser (ARCHITECTURE.md § 20): the trends demo released the last four ended
 * half-years and the last ended year of SLT Lillestrøm. The police contact reads the published
 * tables (`:` for suppressed cells, the legend, the metadata); the coordinator releases a period
 * again (a new revision with its audit summary) and reads the pull log.
 */

function periods(now = new Date()) {
  const year = now.getFullYear();
  const half = now.getMonth() < 6 ? 1 : 2;
  return {
    current: `${year}H${half}`,
    lastEnded: half === 2 ? `${year}H1` : `${year - 1}H2`,
    // the demo releases the last four ended half-years; the one before them is still open
    unreleased: half === 2 ? `${year - 2}H1` : `${year - 3}H2`,
    lastYear: String(year - 1),
  };
}

async function openTrends(page: Page, persona: Persona): Promise<void> {
  await login(page, persona);
  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('link', { name: 'Kunnskap' })
    .click();
  await page
    .getByRole('navigation', { name: 'Kunnskap' })
    .getByRole('link', { name: 'Trender' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trender' })).toBeVisible();
}

test('the police contact reads the published tables with their suppression markers', async ({
  page,
}) => {
  const { lastEnded, lastYear } = periods();
  await openTrends(page, 'police_contact');
  await expect(page.getByLabel('Periode', { exact: true })).toHaveValue(lastEnded);
  const byCategory = page.getByTestId('trend-offences-by-category');
  const table = byCategory.getByTestId('trend-table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Vold' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Totalt' })).toBeVisible();
  // Suppressed cells are published as ':' and say why to a screen reader (here the merged
  // rest of the municipality: areas under 1000 residents aged 10-24).
  const byArea = page.getByTestId('trend-offences-by-area').getByTestId('trend-table');
  await expect(byArea.getByRole('rowheader', { name: 'Strømmen' })).toBeVisible();
  await expect(
    page
      .getByTestId('trend-table')
      .getByRole('cell', { name: /^: \(Skjult/ })
      .first(),
  ).toBeVisible();
  // Every other count is a multiple of 5.
  for (const text of await table.getByRole('cell').allInnerTexts()) {
    const n = text.trim();
    if (n !== ':' && n !== '') expect(Number(n) % 5, `${n} is rounded to 5`).toBe(0);
  }
  await expect(page.getByTestId('trend-legend')).toContainText(': betyr at tallet er skjult');
  await expect(page.getByTestId('trend-legend')).toContainText('nærmeste 5');
  await expect(byCategory.getByTestId('trend-meta')).toContainText('TREND-A/2026-1');
  await expect(byCategory.getByTestId('trend-meta')).toContainText('Befolkningstall fra');
  await expect(page.getByTestId('trend-offences-by-age').getByTestId('trend-table')).toBeVisible();
  // Police contacts read; they neither release nor see the pull log.
  await expect(page.getByRole('heading', { name: 'Publiser periode' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Uttrekkslogg' })).toHaveCount(0);
  // The period's revisions: the demo released it once.
  const revisions = page.getByTestId('trend-revisions');
  await revisions.getByText('Revisjoner av perioden (1)').click();
  await expect(revisions.getByTestId('revision-1')).toContainText('Første publisering');
  await expect(revisions.getByRole('heading', { name: /^Revisjon 1: / })).toBeVisible();
  await expectNoA11yViolations(page, 'the trend tables');

  // The year's tables: the sensitive categories by municipality only.
  await page.getByLabel('Periode', { exact: true }).selectOption(lastYear);
  await expect(
    page.getByTestId('trend-child-welfare-concerns').getByTestId('trend-table'),
  ).toBeVisible();
  await expect(
    page.getByTestId('trend-substance-treatment').getByTestId('trend-table'),
  ).toBeVisible();
  await expect(page.getByTestId('trend-offences-by-category')).toHaveCount(0);
});

test('the coordinator releases a period and reads the pull log', async ({ page }) => {
  const { current, lastEnded, unreleased } = periods();
  await openTrends(page, 'coordinator');
  await expect(
    page.getByTestId('trend-offences-by-category').getByTestId('trend-table'),
  ).toBeVisible();

  const period = page.getByRole('textbox', { name: 'Periode' });
  await period.fill('2026-1');
  await page.getByRole('button', { name: 'Publiser periode' }).click();
  await expect(page.getByText('Skriv perioden som 2026H1 eller 2025.')).toBeVisible();
  await period.fill(current);
  await page.getByRole('button', { name: 'Publiser periode' }).click();
  await expect(page.getByTestId('release-refused')).toHaveText('Perioden er ikke avsluttet ennå.');

  // Nothing imported since the demo's release: no identical revision is made.
  await period.fill(lastEnded);
  await page.getByRole('button', { name: 'Publiser periode' }).click();
  await expect(page.getByTestId('release-refused')).toHaveText(
    'Ingenting er endret siden forrige revisjon.',
  );

  await period.fill(unreleased);
  await page.getByRole('button', { name: 'Publiser periode' }).click();
  const done = page.getByTestId('release-done');
  await expect(done).toContainText(`Perioden ${unreleased} er publisert (revisjon 1).`, {
    timeout: 30_000,
  });
  await expect(done.getByTestId('audit-summary')).toContainText(
    'Ingen skjult celle kan regnes ut.',
  );
  await expectNoA11yViolations(page, 'the trends page after a release');

  // The tables shown now are the new revision; the pull log has the coordinator's reads.
  await expect(
    page.getByTestId('trend-offences-by-category').getByTestId('trend-meta'),
  ).toContainText(/Revisjon\s*1/);
  const log = page.getByTestId('pull-log');
  await page.reload();
  // newest first: the reads of the period just released, then those of the one shown before
  const kari = log.getByRole('row').filter({ hasText: 'Kari Koordinator' });
  await expect(kari.first()).toContainText(unreleased);
  await expect(kari.filter({ hasText: lastEnded }).first()).toBeVisible();
});
