import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

/**
 * Closing and deleting cases in the browser (ARCHITECTURE.md § 20; issue 11): the case lead closes
 * a case of their own through "Avslutt sak" (coded reason, If-Match; a second, stale closing is
 * refused beside the question) and the case is then shown as closed; the unit admin, as access
 * controller, deletes the demo's one case past its retention (closed six years ago) through the
 * confirmation, and the case is gone from the list and answers 404. Order-independent: the closing
 * test writes only a case it opens itself, and nothing else reads the old demo case.
 */

function isoDay(offsetDays: number, years = 0): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() + years);
  d.setDate(d.getDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

/** A synthetic identity number (month + 80) for a birth date: never a real person's. */
function syntheticNin(birthDate: string): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const control = (digits: number[], w: number[]) => {
    const rest = w.reduce((s, x, i) => s + x * (digits[i] ?? 0), 0) % 11;
    return rest === 0 ? 0 : 11 - rest;
  };
  for (let individual = y >= 2000 ? 500 : 0; individual < 1000; individual++) {
    const nine = `${String(d).padStart(2, '0')}${String(m + 80).padStart(2, '0')}${String(y % 100).padStart(2, '0')}${String(individual).padStart(3, '0')}`;
    const digits = [...nine].map(Number);
    const k1 = control(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
    if (k1 === 10) continue;
    const k2 = control([...digits, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (k2 === 10) continue;
    return `${nine}${k1}${k2}`;
  }
  throw new Error('no synthetic number');
}

/** Opens a follow-up team case in Ungdomsteam Nord (the opener becomes lead); returns its id. */
async function openCase(page: Page, name: string): Promise<string> {
  await page.goto('/saker');
  await page.getByRole('link', { name: 'Ny sak' }).click();
  await page.getByLabel(/^Team \(organ\)/).selectOption({ label: 'Ungdomsteam Nord' });
  await page.getByLabel(/^Du representerer/).selectOption({ label: 'Rus og psykisk helse' });
  await page.getByLabel(/^Type sak/).selectOption('follow_up_team');
  await page.getByLabel(/^Startdato/).fill(isoDay(-30));
  await page.getByLabel(/^Sluttdato/).fill(isoDay(180));
  const born = isoDay(-77, -15);
  await page.getByLabel(/^Navn/).fill(name);
  await page.getByLabel(/^Fødselsdato/).fill(born);
  await page.getByLabel(/^Fødselsnummer eller D-nummer/).fill(syntheticNin(born));
  await page.getByRole('button', { name: 'Opprett saken' }).click();
  await page.waitForURL((url) => /^\/saker\/[0-9a-f-]{36}$/.test(url.pathname));
  return new URL(page.url()).pathname.split('/')[2] ?? '';
}

test('the case lead closes a case with a coded reason; a stale second closing is refused', async ({
  page,
  browser,
}) => {
  await login(page, 'body_member', '/saker');
  const id = await openCase(page, 'Lukas Avslutningsen');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/SAK-\d{4}-\d+ – Oversikt/);
  await expect(page.getByText('Åpen', { exact: true })).toBeVisible();

  // A second tab of the same lead reads the same version before the first closes it.
  const other = await browser.newContext();
  const stale = await other.newPage();
  await login(stale, 'body_member', `/saker/${id}`);
  await stale.getByRole('button', { name: 'Avslutt sak' }).click();
  const staleDialog = stale.getByTestId('close-case-dialog');
  await expect(staleDialog).toBeVisible();

  await page.getByRole('button', { name: 'Avslutt sak' }).click();
  const dialog = page.getByTestId('close-case-dialog');
  await expect(dialog.getByRole('heading', { name: /^Avslutt SAK-/ })).toBeVisible();
  await expect(dialog.getByTestId('closing-date')).not.toBeEmpty();
  // The reason is required: the form says so before anything is sent.
  await dialog.getByRole('button', { name: 'Avslutt saken' }).click();
  await expect(dialog.getByText('Fyll ut dette feltet.').first()).toBeVisible();
  await expectNoA11yViolations(page, 'the close-case dialog');
  await dialog.getByLabel(/^Årsak til avslutning/).selectOption({ label: 'Målene er nådd' });
  await dialog.getByRole('button', { name: 'Avslutt saken' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('announcer')).toContainText(/SAK-\d{4}-\d+ er avsluttet\./);
  await expect(page.getByText('Avsluttet', { exact: true })).toBeVisible();
  await expect(page.getByTestId('case-closed')).toContainText('Målene er nådd');
  await expect(page.getByRole('button', { name: 'Avslutt sak' })).toHaveCount(0);
  const after = await page.request.get(`/api/cases/${id}`);
  expect(after.status()).toBe(200);
  expect(await after.json()).toMatchObject({ status: 'closed', closingReason: 'goals_met' });

  // The stale tab names the version it read: the server refuses, the dialog says so beside the
  // question, and the case stays closed with the first reason.
  await staleDialog.getByLabel(/^Årsak til avslutning/).selectOption('moved');
  await staleDialog.getByRole('button', { name: 'Avslutt saken' }).click();
  const conflict = staleDialog.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button').click();
  await expect(staleDialog).toBeHidden();
  await expect(stale.getByTestId('case-closed')).toContainText('Målene er nådd');
  await other.close();
  const still = await page.request.get(`/api/cases/${id}`);
  expect(await still.json()).toMatchObject({ status: 'closed', closingReason: 'goals_met' });
});

test('the access controller deletes the case past its retention through the confirmation', async ({
  page,
  browser,
}) => {
  await login(page, 'unit_admin', '/saker/sletting');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Saker som skal slettes' }),
  ).toBeVisible();
  const due = page.getByTestId('retention');
  await expect(due).toHaveCount(1);
  const reference = (await due.getByRole('heading', { level: 2 }).textContent()) ?? '';
  expect(reference).toMatch(/^SAK-\d{4}-\d+$/);
  // Metadata only: never the subject's name.
  await expect(due).not.toContainText('Demo-Strand');
  const list = await page.request.get('/api/cases/retention');
  const rows = (await list.json()) as { caseId: string; reference: string }[];
  const caseId = rows.find((r) => r.reference === reference)?.caseId ?? '';
  expect(caseId).not.toBe('');
  // Ola Medlem sits on that old case's team: he can read it until it is deleted.
  const ola = await browser.newContext();
  const olaPage = await ola.newPage();
  await login(olaPage, 'body_member', '/saker');
  expect((await olaPage.request.get(`/api/cases/${caseId}`)).status()).toBe(200);
  await expectNoA11yViolations(page, 'the retention list');

  await due.getByRole('button', { name: `Slett ${reference}` }).click();
  await expect(
    page.getByText(`Slette ${reference} for godt? Dette kan ikke angres.`),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Ja, slett saken' }).click();
  await expect(page.getByTestId('flash')).toContainText(`${reference} er slettet.`);
  await expect(page.getByTestId('retention')).toHaveCount(0);
  await expect(page.getByText('Ingen saker har passert oppbevaringstiden.')).toBeVisible();
  expect((await page.request.get(`/api/cases/${caseId}`)).status()).toBe(404);
  expect((await olaPage.request.get(`/api/cases/${caseId}`)).status()).toBe(404);
  await ola.close();
  const again = (await (await page.request.get('/api/cases/retention')).json()) as unknown[];
  expect(again).toHaveLength(0);
});
