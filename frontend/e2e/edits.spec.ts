import { expect, test, type Page } from '@playwright/test';
import { bodyId, firstId, login } from './helpers';

/**
 * Every change the SPA offers is performed by a browser test (ARCHITECTURE.md § 20): the edit forms
 * of a body, an organisation and a person each save through the browser, and the stored record
 * shows the change at a newer version — a missing If-Match or CSRF header would fail here.
 */

type Stored = { version: number } & Record<string, unknown>;

async function stored(page: Page, path: string): Promise<Stored> {
  const res = await page.request.get(path);
  expect(res.ok(), `${path}: ${res.status()}`).toBeTruthy();
  return (await res.json()) as Stored;
}

async function formReady(page: Page, name: string): Promise<void> {
  await expect(page.getByLabel(/^Navn/)).toHaveValue(name);
}

test('a coordinator edits a body and the change is saved', async ({ page }) => {
  await login(page, 'coordinator');
  const id = await bodyId(page, 'Ungdomsteam Sør');
  const before = await stored(page, `/api/bodies/${id}`);
  await page.goto(`/organer/${id}/rediger`);
  await formReady(page, 'Ungdomsteam Sør');
  await page.getByLabel(/^Mandat/).fill('Oppfølging av ungdom i sør, endret i nettleseren');
  await page.getByLabel(/^Møtenorm/).fill('10');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await page.waitForURL((url) => url.pathname === `/organer/${id}`);
  await expect(page.getByText('Oppfølging av ungdom i sør, endret i nettleseren')).toBeVisible();
  const after = await stored(page, `/api/bodies/${id}`);
  expect(after.mandate).toBe('Oppfølging av ungdom i sør, endret i nettleseren');
  expect(after.meetingNormPerYear).toBe(10);
  expect(after.version).toBeGreaterThan(before.version);
});

test('the body form refuses a meeting norm of 0, from the contract minimum, in Norwegian', async ({
  page,
}) => {
  await login(page, 'coordinator');
  const id = await bodyId(page, 'Ungdomsteam Sør');
  const before = await stored(page, `/api/bodies/${id}`);
  await page.goto(`/organer/${id}/rediger`);
  await formReady(page, 'Ungdomsteam Sør');
  await page.getByLabel(/^Møtenorm/).fill('0');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText('Skriv et helt tall mellom 1 og 365.').first()).toBeVisible();
  await expect(page.getByLabel(/^Møtenorm/)).toHaveAttribute('aria-invalid', 'true');
  expect(new URL(page.url()).pathname).toBe(`/organer/${id}/rediger`);
  expect((await stored(page, `/api/bodies/${id}`)).version).toBe(before.version);
});

test('a coordinator renames an organisation and the change is saved', async ({ page }) => {
  await login(page, 'coordinator');
  const id = await firstId(page, '/api/organisations', 'Strømmen videregående');
  const before = await stored(page, `/api/organisations/${id}`);
  const name = String(before.name);
  await page.goto(`/organisasjoner/${id}`);
  await formReady(page, name);
  await page.getByLabel(/^Navn/).fill(`${name} (endret)`);
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByTestId('flash')).toHaveText(`«${name} (endret)» er lagret.`);
  const after = await stored(page, `/api/organisations/${id}`);
  expect(after.name).toBe(`${name} (endret)`);
  expect(after.version).toBeGreaterThan(before.version);
});

test('a coordinator changes a person’s title and phone and the change is saved', async ({
  page,
}) => {
  await login(page, 'coordinator');
  const id = await firstId(page, '/api/persons', 'Ola Medlem');
  const before = await stored(page, `/api/persons/${id}`);
  await page.goto(`/personer/${id}`);
  await formReady(page, String(before.name));
  await page.getByLabel(/^Stilling/).fill('Miljøarbeider');
  await page.getByLabel(/^Telefon/).fill('+47 400 00 000');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByTestId('flash')).toHaveText(`«${String(before.name)}» er lagret.`);
  const after = await stored(page, `/api/persons/${id}`);
  expect(after.title).toBe('Miljøarbeider');
  expect(after.phone).toBe('+47 400 00 000');
  expect(after.version).toBeGreaterThan(before.version);
});
