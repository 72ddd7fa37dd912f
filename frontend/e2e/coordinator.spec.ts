import { expect, test } from '@playwright/test';
import { bodyId, login, pickPerson } from './helpers';

test('a coordinator creates a body, adds a member and sees it on the three-level picture', async ({
  page,
}) => {
  const name = `Koordineringsgruppe skole ${Date.now().toString().slice(-5)}`;
  await login(page, 'coordinator');
  await expect(page.getByTestId('user-box')).toContainText('Kari Koordinator');
  await expect(page.getByTestId('user-box')).toContainText('SLT-koordinator');

  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('link', { name: 'Organisasjon' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisasjon' })).toBeFocused();
  await page.getByRole('link', { name: 'Nytt organ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nytt organ' })).toBeVisible();

  // Validation as you type: an emptied name is flagged beside the field.
  const nameField = page.getByLabel(/^Navn/);
  await nameField.fill('x');
  await nameField.fill('');
  await expect(page.getByText('Fyll ut dette feltet.').first()).toBeVisible();

  await nameField.fill(name);
  await page.getByLabel(/^Nivå/).selectOption('coordinating');
  await page.getByLabel(/^Mandat/).fill('Samordner skolens forebyggende arbeid.');
  await page.getByRole('button', { name: 'Opprett organet' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Samordner skolens forebyggende arbeid.')).toBeVisible();
  await expect(page.getByText('Organet har ingen medlemmer ennå.')).toBeVisible();

  await page.getByRole('button', { name: 'Legg til medlem' }).click();
  await pickPerson(page, /^Person/, 'ola med', 'Ola Medlem');
  await page.getByLabel(/^Rolle/).selectOption('chair');
  await page.getByRole('button', { name: 'Legg til', exact: true }).click();

  const table = page.getByTestId('memberships');
  await expect(table.getByRole('row', { name: /Ola Medlem/ })).toContainText('Leder');
  await expect(
    page.getByRole('status').filter({ hasText: 'Ola Medlem er lagt til.' }),
  ).toBeAttached();

  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('link', { name: 'Organisasjon' })
    .click();
  const level = page.locator('section[data-level="coordinating"]');
  const card = level.getByTestId('body-card').filter({ hasText: name });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Ola Medlem');
  await expect(card).toContainText('12 møter i året');
  await expect(card.locator('dd').nth(1)).toHaveText('1');

  // Ending the membership sends the version it read (If-Match); without it the server says 428.
  await page.goBack();
  await page.getByRole('button', { name: 'Avslutt medlemskapet til Ola Medlem' }).click();
  await page.getByRole('button', { name: 'Avslutt', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Medlemskapet til Ola Medlem er avsluttet.' }),
  ).toBeAttached();
  // Ended today: the period now has a last day.
  await expect(table.getByRole('row', { name: /Ola Medlem/ })).toContainText(
    /\d\d\.\d\d\.\d{4}–\d\d\.\d\d\.\d{4}/,
  );
});

test("the server's field errors appear beside the field", async ({ page }) => {
  await login(page, 'coordinator', '/organisasjoner/ny');
  await page.getByLabel(/^Navn/).fill('Skole med feil nummer');
  await page.getByLabel(/^Type/).selectOption('school');
  // Nine digits passes the client check; the server's mod-11 check refuses it (422).
  const field = page.getByLabel(/^Organisasjonsnummer/);
  await field.fill('974760674');
  await page.getByRole('button', { name: 'Opprett virksomheten' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const worded = 'Ikke et gyldig organisasjonsnummer. Sjekk de ni sifrene.';
  await expect(page.getByText(worded).first()).toBeVisible();
  // Typing clears the server's message for that field.
  await field.fill('974760673');
  await expect(page.getByText(worded)).toHaveCount(0);
});

test('a conflict (412) is explained and the form reloads the newer version', async ({ page }) => {
  await login(page, 'coordinator');
  const id = await bodyId(page, 'Ungdomsteam Sør');
  await page.goto(`/organer/${id}/rediger`);
  await expect(page.getByLabel(/^Navn/)).toHaveValue('Ungdomsteam Sør');
  await page.getByLabel(/^Mandat/).fill('Mitt utkast');
  // Someone else saves first.
  const status = await page.evaluate(async (bid) => {
    const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
    const b = (await (await fetch(`/api/bodies/${bid}`)).json()) as { version: number };
    const r = await fetch(`/api/bodies/${bid}`, {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/json',
        'X-CSRF-Token': me.csrfToken,
        'If-Match': `"${b.version}"`,
      },
      body: JSON.stringify({ mandate: 'Endret av en annen' }),
    });
    return r.status;
  }, id);
  expect(status).toBe(200);
  await page.getByRole('button', { name: 'Lagre' }).click();
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toContainText('Noen andre har endret dette');
  await conflict.getByRole('button', { name: 'Last inn på nytt' }).click();
  await expect(page.getByLabel(/^Mandat/)).toHaveValue('Endret av en annen');
  await expect(page.getByTestId('conflict')).toHaveCount(0);
});

test('a rule the server enforces (409) is shown on the form, in Norwegian', async ({ page }) => {
  await login(page, 'coordinator');
  const id = await bodyId(page, 'Politirådet');
  await page.goto(`/organer/${id}`);
  await page.getByRole('button', { name: 'Legg til medlem' }).click();
  await pickPerson(page, /^Person/, 'kari', 'Kari Koordinator');
  await page.getByRole('button', { name: 'Legg til', exact: true }).click();
  // The problem type (/problems/membership-overlap) is worded from the catalogue, not the
  // server's English detail.
  await expect(page.getByRole('alert').filter({ hasText: 'Ikke lagret' })).toContainText(
    'allerede medlem av dette organet',
  );
});

test('a session that ends keeps the open form draft across the new login', async ({
  page,
  context,
}) => {
  await login(page, 'coordinator', '/personer/ny');
  await page.getByLabel(/^Navn/).fill('Utkast Utkastesen');
  await page.getByLabel(/^Stilling/).fill('Miljøarbeider');
  await context.clearCookies();
  await page.getByRole('button', { name: 'Opprett personen' }).click();
  // 401 -> drafts saved -> the dev IdP's persona picker.
  await page.locator('button[name="persona"][value="coordinator"]').click();
  await page.waitForURL('**/personer/ny');
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByLabel(/^Navn/)).toHaveValue('Utkast Utkastesen');
  await expect(page.getByLabel(/^Stilling/)).toHaveValue('Miljøarbeider');
});
