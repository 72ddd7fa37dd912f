import { expect, test } from '@playwright/test';
import { bodyId, login } from './helpers';

test('a body member sees no edit controls, and the API refuses the edit anyway', async ({
  page,
}) => {
  await login(page, 'body_member');
  await expect(page.getByTestId('user-box')).toContainText('Ola Medlem');

  await page.goto('/organisasjon');
  await expect(page.getByRole('heading', { level: 1, name: 'Organisasjon' })).toBeVisible();
  await expect(page.getByTestId('body-card').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nytt organ' })).toHaveCount(0);

  const id = await bodyId(page, 'Politirådet');
  await page.goto(`/organer/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Politirådet' })).toBeVisible();
  await expect(page.getByTestId('memberships')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rediger organet' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Legg til medlem' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Endre rolle|Avslutt/ })).toHaveCount(0);

  await page.goto('/organisasjoner');
  await expect(page.getByTestId('organisations')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ny virksomhet' })).toHaveCount(0);
  await page.goto('/personer');
  await expect(page.getByTestId('persons')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ny person' })).toHaveCount(0);

  // The API refuses too: a correct CSRF token and version, still 403.
  const statuses = await page.evaluate(async (bodyIdValue) => {
    const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
    const body = (await (await fetch(`/api/bodies/${bodyIdValue}`)).json()) as { version: number };
    const patch = await fetch(`/api/bodies/${bodyIdValue}`, {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/json',
        'X-CSRF-Token': me.csrfToken,
        'If-Match': `"${body.version}"`,
      },
      body: JSON.stringify({ name: 'Kapret politiråd' }),
    });
    const create = await fetch('/api/bodies', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
      body: JSON.stringify({ name: 'Uautorisert organ', level: 'executive' }),
    });
    return [patch.status, create.status];
  }, id);
  expect(statuses).toEqual([403, 403]);

  // Logging out ends the session (POST /auth/logout with the CSRF token).
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByRole('main').getByRole('link', { name: 'Logg inn' })).toBeVisible();
  expect((await page.request.get('/api/me')).status()).toBe(401);
});
