import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoA11yViolations, useLanguage, type Lang } from './helpers';

// Synthetic identity number (month + 80) of the dev persona "outsider", who has no access yet.
const OUTSIDER = '19870150043';
const NEW_ORG = '991904018';
const WIDTHS = [1280, 390] as const;
const LANGS: Lang[] = ['nb', 'nn', 'en'];

type Who = 'unit_admin' | 'coordinator' | 'inter_municipal_coordinator' | 'outsider';

/** Log in through the dev identity provider, starting at `path` (any viewport). */
async function loginAs(page: Page, who: Who, path = '/'): Promise<void> {
  await page.goto(path);
  await page
    .getByRole('main')
    .getByRole('link', { name: /Logg inn|Log in/ })
    .click();
  await page.locator(`button[name="persona"][value="${who}"]`).click();
  await page.waitForURL((url) => url.pathname === path);
  await expect(page.getByTestId('user-box')).toBeAttached();
}

async function settle(page: Page): Promise<void> {
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('main .state-loading')).toHaveCount(0);
}

/** On a narrow screen the header's tools sit behind the menu button. */
async function openHeader(page: Page): Promise<void> {
  const menu = page.locator('.menu-button');
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') {
    await menu.click();
  }
}

async function asOutsider(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, 'outsider');
  return page;
}

test('a unit admin grants access, changes the roles and revokes it; the log shows each', async ({
  page,
  browser,
}) => {
  await loginAs(page, 'unit_admin');
  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('link', { name: 'Tilgang' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilgang' })).toBeFocused();
  const accounts = page.getByTestId('accounts');
  await expect(accounts.getByRole('row', { name: /Siri Systemansvarlig/ })).toContainText(
    'Systemansvarlig',
  );

  await page.getByRole('button', { name: 'Gi tilgang' }).click();
  const grant = page.locator('form[aria-labelledby="grant-heading"]');
  await grant.getByLabel(/^Fødselsnummer/).fill('12345678901');
  await grant.getByRole('button', { name: 'Gi tilgang' }).click();
  await expect(grant.getByText('Ikke et gyldig fødselsnummer').first()).toBeVisible();
  await grant.getByLabel(/^Fødselsnummer/).fill(OUTSIDER);
  await grant.getByLabel('Koble til person i registeret').selectOption({ label: 'Astrid Berg' });
  await grant.getByLabel('Politikontakt').check();
  await grant.getByRole('button', { name: 'Gi tilgang' }).click();
  await expect(grant).toHaveCount(0);
  const astrid = accounts.getByRole('row', { name: /Astrid Berg/ });
  await expect(astrid).toContainText('Politikontakt');
  await expect(page.getByRole('status').filter({ hasText: 'Tilgangen er gitt.' })).toBeAttached();
  await expect(page.getByText(OUTSIDER)).toHaveCount(0);

  // The person logs in and has the role at once.
  const una = await asOutsider(browser);
  await expect(una.getByTestId('user-box')).toContainText('Politikontakt');

  await astrid.getByRole('button', { name: 'Endre roller for Astrid Berg' }).click();
  const roles = page.getByRole('group', { name: 'Roller for Astrid Berg' });
  await roles.getByLabel('Leser for styringsgruppen').check();
  await astrid.getByRole('button', { name: 'Lagre' }).click();
  await expect(astrid).toContainText('Politikontakt, Leser for styringsgruppen');

  await astrid.getByRole('button', { name: 'Fjern tilgang for Astrid Berg' }).click();
  await expect(
    astrid.getByText('Vil du fjerne tilgangen til Astrid Berg? Personen mister tilgangen'),
  ).toBeVisible();
  await astrid.getByRole('button', { name: 'Fjern tilgang', exact: true }).click();
  await expect(accounts.getByRole('row', { name: /Astrid Berg/ })).toHaveCount(0);

  // Revoked: the person's next request is refused.
  await una.reload();
  await expect(
    una.getByRole('heading', { level: 1, name: 'Du har ikke tilgang til noen SLT-enhet' }),
  ).toBeVisible();
  await una.context().close();

  const log = page.getByTestId('access-log');
  await expect(log.getByRole('row').nth(1)).toContainText('Fjernet tilgangen til Astrid Berg');
  await expect(log.getByRole('row').nth(2)).toContainText('Endret rollene til Astrid Berg');
  await expect(log.getByRole('row').nth(3)).toContainText('Ga tilgang til Astrid Berg');
  await expect(log.getByRole('row').nth(1)).toContainText('Siri Systemansvarlig');
});

test('the last unit admin cannot give up the role or the access', async ({ page }) => {
  await loginAs(page, 'unit_admin', '/tilgang');
  const siri = page.getByTestId('accounts').getByRole('row', { name: /Siri Systemansvarlig/ });
  await siri.getByRole('button', { name: 'Endre roller for Siri Systemansvarlig' }).click();
  const roles = page.getByRole('group', { name: 'Roller for Siri Systemansvarlig' });
  await roles.getByLabel('Systemansvarlig').uncheck();
  await roles.getByLabel('SLT-koordinator').check();
  await siri.getByRole('button', { name: 'Lagre' }).click();
  await expect(siri.getByText(/siste systemansvarlige i enheten/)).toBeVisible();
  await siri.getByRole('button', { name: 'Avbryt' }).click();

  await siri.getByRole('button', { name: 'Fjern tilgang for Siri Systemansvarlig' }).click();
  await siri.getByRole('button', { name: 'Fjern tilgang', exact: true }).click();
  await expect(siri.getByText(/siste systemansvarlige i enheten/)).toBeVisible();
  await page.reload();
  await expect(
    page.getByTestId('accounts').getByRole('row', { name: /Siri Systemansvarlig/ }),
  ).toContainText('Systemansvarlig');
});

test('a unit admin registers and revokes a machine client', async ({ page }) => {
  await loginAs(page, 'unit_admin', '/tilgang');
  await page.getByRole('button', { name: 'Registrer maskinklient' }).click();
  const form = page.locator('form[aria-labelledby="register-heading"]');
  await form.getByLabel(/^Organisasjonsnummer/).fill('991904019');
  await form.getByLabel(/^Navn på systemet/).fill('Statistikkverktøy (fiktivt)');
  await form.getByLabel('Lese trender').check();
  await form.getByRole('button', { name: 'Registrer' }).click();
  await expect(form.getByText('Ikke et gyldig organisasjonsnummer').first()).toBeVisible();
  await form.getByLabel(/^Organisasjonsnummer/).fill(NEW_ORG);
  await form.getByRole('button', { name: 'Registrer' }).click();
  const clients = page.getByTestId('machine-clients');
  const row = clients.getByRole('row', { name: /Statistikkverktøy/ });
  await expect(row).toContainText(NEW_ORG);
  await expect(row).toContainText('Lese trender');

  await row
    .getByRole('button', { name: 'Fjern maskinklienten Statistikkverktøy (fiktivt)' })
    .click();
  await row.getByRole('button', { name: 'Fjern', exact: true }).click();
  await expect(clients.getByRole('row', { name: /Statistikkverktøy/ })).toHaveCount(0);
  const log = page.getByTestId('access-log');
  await expect(log.getByRole('row').nth(1)).toContainText(
    'Fjernet maskinklienten Statistikkverktøy (fiktivt)',
  );
  await expect(log.getByRole('row').nth(2)).toContainText(
    'Registrerte maskinklienten Statistikkverktøy (fiktivt) (Lese trender)',
  );
});

test('an inter-municipal coordinator switches unit in the header', async ({ page }) => {
  await loginAs(page, 'inter_municipal_coordinator', '/organisasjon');
  await expect(page.getByTestId('user-box')).toContainText('SLT Lillestrøm (demo)');
  await expect(page.getByText('Politirådet', { exact: true }).first()).toBeVisible();
  await page.getByLabel('Enhet', { exact: true }).selectOption({ label: 'SLT Indre Sogn (demo)' });
  await page.getByRole('button', { name: 'Bytt enhet' }).click();
  await expect(page.getByTestId('user-box')).toContainText('SLT Indre Sogn (demo)');
  await expect(
    page.getByRole('status').filter({ hasText: 'Du jobber nå i SLT Indre Sogn (demo).' }),
  ).toBeAttached();
  await page.goto('/organisasjon');
  await settle(page);
  await expect(page.getByText('Koordineringsgruppa').first()).toBeVisible();
  await expect(page.getByText('Politirådet', { exact: true })).toHaveCount(0);

  // Someone with one unit gets no switcher.
  await page.context().clearCookies();
  await loginAs(page, 'coordinator');
  await expect(page.getByRole('button', { name: 'Bytt enhet' })).toHaveCount(0);
});

test('a cancelled login lands on a friendly page in the language it started in', async ({
  page,
}) => {
  await useLanguage(page, 'nn');
  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: 'Logg inn' }).click();
  await page.getByRole('button', { name: 'Avbryt innloggingen' }).click();
  await page.waitForURL((url) => url.pathname === '/innlogging-feilet');
  expect(new URL(page.url()).searchParams.get('reason')).toBe('cancelled');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Innlogginga vart ikkje fullført' }),
  ).toBeVisible();
  await expect(page.getByText('Du avbraut innlogginga.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await page.getByRole('main').getByRole('link', { name: 'Logg inn på nytt' }).click();
  await page.locator('button[name="persona"][value="unit_admin"]').click();
  await expect(page.getByTestId('user-box')).toContainText('Siri Systemansvarlig');
});

for (const lang of LANGS) {
  for (const width of WIDTHS) {
    test(`axe: access administration, switcher, failed login (${lang}, ${width} px)`, async ({
      page,
    }) => {
      await useLanguage(page, lang);
      await page.setViewportSize({ width, height: 900 });
      await loginAs(page, 'unit_admin', '/tilgang');
      await settle(page);
      await expect(page.getByTestId('access-log')).toBeAttached();
      await expectNoA11yViolations(page, `/tilgang (${lang}, ${width})`);

      // Every form and confirmation the page offers, opened, with its errors showing.
      const openers = page.locator('main .page-head > button');
      await openers.nth(1).click();
      await openers.nth(0).click();
      await page.locator('form[aria-labelledby="grant-heading"] button[type="submit"]').click();
      await page.locator('form[aria-labelledby="register-heading"] button[type="submit"]').click();
      await expect(page.locator('.ds-error-summary, ds-error-summary').first()).toBeVisible();
      const siri = page.getByTestId('accounts').getByRole('row').nth(1);
      await siri.locator('button').first().click();
      const client = page.getByTestId('machine-clients').getByRole('row').nth(1);
      await client.locator('button').first().click();
      await expectNoA11yViolations(page, `/tilgang with forms open (${lang}, ${width})`);

      await page.context().clearCookies();
      await loginAs(page, 'inter_municipal_coordinator');
      await settle(page);
      await openHeader(page);
      await expect(page.locator('#unit-switch')).toBeVisible();
      await expectNoA11yViolations(page, `unit switcher (${lang}, ${width})`);

      await page.goto(`/innlogging-feilet?reason=cancelled&lang=${lang}`);
      await settle(page);
      await expectNoA11yViolations(page, `/innlogging-feilet (${lang}, ${width})`);
    });
  }
}
