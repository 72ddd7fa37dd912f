import { expect, test, type Page } from '@playwright/test';
import {
  bodyId,
  expectNoA11yViolations,
  firstId,
  login,
  pickPerson,
  useLanguage,
  type Lang,
} from './helpers';

async function openBody(page: Page, name: string): Promise<void> {
  const id = await bodyId(page, name);
  await page.goto(`/organer/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('memberships')).toBeVisible();
}

function row(page: Page, name: string) {
  return page.getByTestId('memberships').getByRole('row', { name: new RegExp(name) });
}

test('handing over the chair is one step and keeps who chaired before', async ({ page }) => {
  await login(page, 'coordinator');
  await openBody(page, 'Politirådet');
  await expect(row(page, 'Astrid Berg')).toContainText('Leder');

  const trigger = page.getByRole('button', { name: 'Bytt leder' });
  await trigger.click();
  const picker = page.getByRole('combobox', { name: /^Ny leder/ });
  await expect(picker).toBeFocused();
  // The picker searches the API, ignoring diacritics: "hakon" finds "Håkon Lie".
  await pickPerson(page, /^Ny leder(\(|$)/, 'hakon', 'Håkon Lie');
  await page.getByLabel(/^Den som går av som leder/).selectOption('member');
  await page.locator('#chair-handover').getByRole('button', { name: 'Bytt leder' }).click();

  await expect(
    page.getByRole('status').filter({ hasText: 'Håkon Lie er ny leder.' }),
  ).toBeAttached();
  await expect(page.getByRole('button', { name: 'Bytt leder' })).toBeFocused();
  await expect(row(page, 'Håkon Lie')).toContainText('Leder');
  await expect(row(page, 'Astrid Berg')).toContainText('Medlem');

  // History: the former chair's term is kept, ended yesterday; so is Håkon's member term.
  await page.getByLabel('Vis medlemmer').selectOption('history');
  const former = row(page, 'Astrid Berg');
  await expect(former).toContainText('Leder');
  await expect(former).toContainText('Avsluttet');
  await expect(row(page, 'Håkon Lie')).toContainText('Medlem');
  await page.getByLabel('Vis medlemmer').selectOption('all');
  await expect(row(page, 'Astrid Berg')).toHaveCount(2);
});

test('a role changes from a date; Escape closes the form and focus returns', async ({ page }) => {
  await login(page, 'coordinator');
  await openBody(page, 'Koordineringsgruppe ungdom');
  const trigger = page.getByRole('button', { name: 'Endre rollen til Eirik Solberg' });
  await trigger.click();
  const role = page.getByLabel('Ny rolle for Eirik Solberg');
  await expect(role).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(role).toHaveCount(0);
  await expect(trigger).toBeFocused();

  await trigger.click();
  await role.selectOption('deputy');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rollen er endret.' })).toBeAttached();
  // The row the button sat in has ended: focus goes to the members heading.
  await expect(page.getByRole('heading', { name: 'Medlemmer' })).toBeFocused();
  await expect(row(page, 'Eirik Solberg')).toContainText('Vara');
  await page.getByLabel('Vis medlemmer').selectOption('history');
  await expect(row(page, 'Eirik Solberg')).toContainText('Medlem');
});

test('a membership is extended, and a member added through the picker', async ({ page }) => {
  await login(page, 'coordinator');
  await openBody(page, 'Koordineringsgruppe barn og familie');
  const extend = page.getByRole('button', { name: 'Forleng medlemskapet til Ingrid Foss' });
  await extend.click();
  const end = page.getByLabel('Ny siste dag for Ingrid Foss');
  await expect(end).toBeFocused();
  await end.fill('2031-06-30');
  await page.getByRole('button', { name: 'Forleng', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Medlemskapet til Ingrid Foss er forlenget.' }),
  ).toBeAttached();
  await expect(row(page, 'Ingrid Foss')).toContainText('30.06.2031');
  await expect(extend).toBeFocused();

  const add = page.getByRole('button', { name: 'Legg til medlem' });
  await add.click();
  await expect(page.getByRole('combobox', { name: /^Person/ })).toBeFocused();
  await pickPerson(page, /^Person/, 'aasen', 'Tor Aasen');
  await page.getByLabel(/^Rolle/).selectOption('deputy');
  await page.getByRole('button', { name: 'Legg til', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Tor Aasen er lagt til.' }),
  ).toBeAttached();
  await expect(add).toBeFocused();
  await expect(row(page, 'Tor Aasen')).toContainText('Vara');
});

test('ending a membership returns focus to the members heading', async ({ page }) => {
  await login(page, 'coordinator');
  await openBody(page, 'Koordineringsgruppe ungdom');
  await page.getByRole('button', { name: 'Avslutt medlemskapet til Sindre Vik' }).click();
  await expect(page.getByLabel('Siste dag for Sindre Vik')).toBeFocused();
  await page.getByRole('button', { name: 'Avslutt', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Medlemskapet til Sindre Vik er avsluttet.' }),
  ).toBeAttached();
  await expect(
    page.getByRole('button', { name: 'Forleng medlemskapet til Sindre Vik' }),
  ).toBeVisible();
});

test('leaving a form with unsaved changes asks first', async ({ page }) => {
  await login(page, 'coordinator');
  await openBody(page, 'Politirådet');
  await page.getByRole('button', { name: 'Legg til medlem' }).click();
  await page.getByLabel(/^Rolle/).selectOption('observer');
  const nav = page.getByRole('navigation', { name: 'Hovedmeny' });

  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await nav.getByRole('link', { name: 'Personer' }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toContain('endringer som ikke er lagret');
  await expect(page.getByLabel(/^Rolle/)).toHaveValue('observer');
  await expect(page).toHaveURL(/\/organer\//);

  page.once('dialog', (d) => void d.accept());
  await nav.getByRole('link', { name: 'Personer' }).click();
  await expect(page).toHaveURL(/\/personer$/);
});

test('a person page lists their bodies and adds them to one', async ({ page }) => {
  await login(page, 'coordinator', '/personer?q=hakon');
  // The list's search ignores diacritics too.
  await page.getByRole('link', { name: 'Håkon Lie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Håkon Lie' })).toBeVisible();
  const bodies = page.getByTestId('person-memberships');
  // A member of Politirådet in the demo (the chair hand-over test above may have made him its
  // chair, keeping his member term as history: either way the body is listed).
  await expect(bodies.getByRole('row', { name: /Politirådet/ }).first()).toBeVisible();

  const add = page.getByRole('button', { name: 'Legg til i et organ' });
  await add.click();
  const body = page.getByLabel(/^Organ/);
  await expect(body).toBeFocused();
  await body.selectOption({ label: 'Koordineringsgruppe ungdom' });
  await page.getByRole('button', { name: 'Legg til', exact: true }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Håkon Lie er lagt til i Koordineringsgruppe ungdom.' }),
  ).toBeAttached();
  await expect(add).toBeFocused();
  await expect(bodies.getByRole('row', { name: /Koordineringsgruppe ungdom/ })).toBeVisible();
});

test("an organisation's page shows its people and the bodies it sits in", async ({ page }) => {
  await login(page, 'coordinator');
  const police = await firstId(page, '/api/organisations', 'Lillestrøm politistasjon');
  await page.goto(`/organisasjoner/${police}`);
  await expect(page.getByTestId('organisation-people')).toContainText('Tor Aasen');
  await expect(page.getByTestId('organisation-people')).toContainText('Per Politikontakt');
  const seats = page.getByTestId('organisation-seats');
  await expect(seats).toContainText('Politirådet');
  await expect(seats).toContainText('Per Politikontakt, Observatør');
});

test('the police contact is chosen among police staff only', async ({ page }) => {
  await login(page, 'coordinator', '/enhet');
  const field = page.locator('#establishment-policeContactPersonId');
  await expect(page.locator('ds-suggestion').filter({ has: field })).toContainText(
    'Per Politikontakt',
  );
  await field.click();
  // The picker asks the API for police staff only: Kari (the municipality) is not offered.
  const asked = page.waitForResponse(
    (r) => r.url().includes('/api/persons?') && r.url().includes('q=kari'),
  );
  await field.fill('kari');
  const answer = await asked;
  expect(answer.url()).toContain('organisationType=police');
  expect(((await answer.json()) as { total: number }).total).toBe(0);
  await expect(page.getByRole('option', { name: 'Kari Koordinator' })).toHaveCount(0);
  await pickPerson(page, /^Politikontakt/, 'emil', 'Emil Sand');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText('Emil Sand').first()).toBeVisible();
  const est = await page.request.get('/api/unit/establishment');
  const emil = await firstId(page, '/api/persons', 'Emil Sand');
  expect(((await est.json()) as { policeContactPersonId: string }).policeContactPersonId).toBe(
    emil,
  );
});

const LANGS: Lang[] = ['nb', 'nn', 'en'];
const WIDTHS = [1280, 390];

for (const lang of LANGS) {
  for (const width of WIDTHS) {
    test(`axe on the membership screens (${lang}, ${width} px)`, async ({ page }) => {
      await useLanguage(page, lang);
      await login(page, 'coordinator');
      await page.setViewportSize({ width, height: 900 });
      const politirad = await bodyId(page, 'Politirådet');
      const hakon = await firstId(page, '/api/persons', 'Håkon Lie');
      const police = await firstId(page, '/api/organisations', 'Lillestrøm politistasjon');

      await page.goto(`/organer/${politirad}`);
      await expect(page.getByTestId('memberships')).toBeVisible();
      await page.locator('#open-handover').click();
      await page.locator('#members-show').selectOption('all');
      await page.locator('#chair-handover input').first().fill('a');
      await expect(page.getByRole('option').first()).toBeAttached();
      await expectNoA11yViolations(page, `body, hand-over open (${lang}, ${width})`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.locator('[id^="role-"]').first().click();
      await expectNoA11yViolations(page, `body, role change open (${lang}, ${width})`);

      await page.goto(`/personer/${hakon}`);
      await expect(page.getByTestId('person-memberships')).toBeVisible();
      await page.locator('#open-add-to-body').click();
      await expectNoA11yViolations(page, `person, add to body (${lang}, ${width})`);

      await page.goto(`/organisasjoner/${police}`);
      await expect(page.getByTestId('organisation-seats')).toBeVisible();
      await expectNoA11yViolations(page, `organisation page (${lang}, ${width})`);
    });
  }
}
