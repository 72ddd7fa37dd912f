import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { bodyId, expectNoA11yViolations, firstId, login, useLanguage, type Lang } from './helpers';

const PHONE = { width: 390, height: 844 };

/** A change through the API as the logged-in person (cookie + CSRF token), for test set-up. */
async function apiWrite(
  page: Page,
  method: 'POST' | 'PATCH',
  path: string,
  data: object,
  version?: number,
): Promise<Record<string, unknown>> {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const res = await page.request.fetch(path, {
    method,
    data,
    headers: {
      'X-CSRF-Token': me.csrfToken,
      ...(version !== undefined ? { 'If-Match': `"${version}"` } : {}),
    },
  });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as Record<string, unknown>;
}

async function settle(page: Page): Promise<void> {
  await expect(page.locator('main h1')).toBeVisible();
  await expect(
    page.locator('main [role="status"]').filter({ hasText: /Laster|Lastar|Loading/ }),
  ).toHaveCount(0);
}

test('overview: what needs action comes first, says what is missing, the rest folded', async ({
  page,
}) => {
  await login(page, 'coordinator');
  await apiWrite(page, 'POST', '/api/bodies', { name: 'Ungdomsteam Øst', level: 'executive' });
  await page.goto('/');
  await settle(page);

  const summary = page.getByTestId('health-summary');
  // Items need action, so the summary is not the green "all in place".
  await expect(summary).not.toHaveAttribute('data-color', 'success');
  await expect(summary).not.toContainText(/Alt (som kreves )?er på plass$/);
  await expect(summary).toContainText(/\d+ av \d+ punkter trenger oppfølging\./);

  const open = page.getByTestId('needs-action');
  await expect(
    open.getByRole('heading', { name: 'Ungdomsteam Øst har ingen medlemmer' }),
  ).toBeVisible();
  await expect(
    open.getByRole('heading', { name: 'Ungdomsteam Øst har ingen leder' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ungdomsteam Øst har medlemmer' })).toHaveCount(0);
  // Every item before the fold needs action; what is in order sits in a closed <details>.
  await expect(open.locator('.check[data-state="ok"]')).toHaveCount(0);
  const folded = page.getByTestId('in-order');
  await expect(folded).not.toHaveAttribute('open', '');
  await expect(folded.locator('.check[data-state="ok"]').first()).toBeHidden();
  await folded.locator('summary').click();
  await expect(folded.locator('.check[data-state="ok"]').first()).toBeVisible();
  // The order on the page: needs-action list first, then the fold.
  const [openY, foldY] = await Promise.all([
    open.evaluate((e) => e.getBoundingClientRect().top),
    folded.evaluate((e) => e.getBoundingClientRect().top),
  ]);
  expect(openY).toBeLessThan(foldY);
});

test('at 390 px the header folds behind a menu button and the member table becomes cards', async ({
  page,
}) => {
  await login(page, 'coordinator');
  await page.setViewportSize(PHONE);
  const header = page.locator('header.app-header');
  const height = (await header.boundingBox())?.height ?? 999;
  expect(height, 'header height at 390 px').toBeLessThan(100);
  const menu = page.getByRole('button', { name: 'Meny' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation', { name: 'Hovedmeny' })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('link', { name: 'Organisasjon' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisasjon' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hovedmeny' })).toBeHidden();

  await page.goto(`/organer/${await bodyId(page, 'Politirådet')}`);
  await settle(page);
  const table = page.getByTestId('memberships');
  await expect(table).toBeVisible();
  // Nothing sticks out sideways, and each row's actions are on screen.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const actions = table.locator('tbody tr').first().locator('td').last().getByRole('button');
  expect(await actions.count()).toBeGreaterThan(0);
  for (const button of await actions.all()) {
    const box = await button.boundingBox();
    expect(box, 'action button has a box').not.toBeNull();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= PHONE.width).toBe(true);
  }
  // Each card cell names its column.
  await expect(table.locator('tbody tr').first().locator('td').first()).toHaveAttribute(
    'data-label',
    'Person',
  );
});

for (const [lang, worded] of [
  ['nn', 'Ikkje eit gyldig organisasjonsnummer. Sjekk dei ni siffera.'],
  ['en', 'Not a valid organisation number. Check the nine digits.'],
] as const) {
  test(`a server field error is worded in ${lang}`, async ({ page }) => {
    await useLanguage(page, lang);
    await login(page, 'coordinator', '/organisasjoner/ny');
    await page.locator('#organisation-new-name').fill('Skolen');
    await page.locator('#organisation-new-type').selectOption('school');
    // Nine digits pass the client check; the server's mod-11 rule refuses them.
    await page.locator('#organisation-new-organisationNumber').fill('974760674');
    await page.locator('main form button[type="submit"]').click();
    await expect(page.locator('#organisation-new-organisationNumber')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expect(page.getByText(worded).first()).toBeVisible();
    await expect(page.getByText(/Not a valid organisation number \(9 digits/)).toHaveCount(0);
  });
}

for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
  test(`an unknown body id (${id}) has a heading, a title and the way back`, async ({ page }) => {
    await login(page, 'coordinator', `/organer/${id}`);
    const h1 = page.getByRole('heading', { level: 1, name: 'Fant ikke det du lette etter' });
    await expect(h1).toBeVisible();
    await expect(page).toHaveTitle('Fant ikke det du lette etter – Samordna');
    await expect(page.getByRole('button', { name: 'Prøv igjen' })).toHaveCount(0);
    await expect(page.getByText(/Input should be|uuid/i)).toHaveCount(0);
    await page.getByRole('link', { name: 'Tilbake til organisasjonen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organisasjon' })).toBeVisible();
  });
}

test('the job share is shown and entered the Norwegian way: 0,5', async ({ page }) => {
  await login(page, 'coordinator');
  const est = (await (await page.request.get('/api/unit/establishment')).json()) as {
    version: number;
  };
  await apiWrite(page, 'PATCH', '/api/unit/establishment', { coordinatorFte: 0.5 }, est.version);
  await page.goto('/enhet');
  await settle(page);
  const fte = page.getByLabel(/^Stillingsandel for koordinator/);
  await expect(fte).toHaveValue('0,5');
  await expect(page.getByText('(50 % stilling)')).toBeVisible();
  await fte.fill('0,75');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText('(75 % stilling)')).toBeVisible();
  await expect(fte).toHaveValue('0,75');
  const saved = (await (await page.request.get('/api/unit/establishment')).json()) as {
    coordinatorFte: string;
  };
  expect(Number(saved.coordinatorFte)).toBe(0.75);
});

test('saving a person confirms on screen and warns, without forbidding, about a same name', async ({
  page,
}) => {
  await login(page, 'coordinator', '/personer/ny');
  await page.getByLabel(/^Navn/).fill('ola medlem');
  const warning = page.getByTestId('same-name');
  await expect(warning).toContainText('Det finnes allerede en person som heter Ola Medlem');
  await expect(warning.getByRole('link', { name: /Ola Medlem/ })).toBeVisible();
  await page.getByLabel(/^Navn/).fill('Ola Medlem');
  await page.getByRole('button', { name: 'Opprett personen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personer' })).toBeVisible();
  await expect(page.getByTestId('flash')).toHaveText('«Ola Medlem» er lagret.');
  // Both are there: warned, not forbidden.
  const found = (await (
    await page.request.get('/api/persons', { params: { q: 'Ola Medlem' } })
  ).json()) as { total: number };
  expect(found.total).toBe(2);
});

test('a body has a contact list and its member list downloads as CSV and XLSX', async ({
  page,
}) => {
  await login(page, 'coordinator');
  const id = await bodyId(page, 'Politirådet');
  const kari = await firstId(page, '/api/persons', 'Kari Koordinator');
  const person = (await (await page.request.get(`/api/persons/${kari}`)).json()) as {
    version: number;
  };
  await apiWrite(
    page,
    'PATCH',
    `/api/persons/${kari}`,
    { phone: '+47 22 33 44 55' },
    person.version,
  );
  await page.goto(`/organer/${id}`);
  await settle(page);
  const contacts = page.getByTestId('contacts');
  await expect(contacts.getByRole('heading', { name: 'Kontaktliste' })).toBeVisible();
  await expect(contacts.getByText('Kari Koordinator')).toBeVisible();
  await expect(contacts.getByRole('link', { name: 'E-post: kari@demo.invalid' })).toHaveAttribute(
    'href',
    'mailto:kari@demo.invalid',
  );
  await expect(contacts.getByRole('link', { name: 'Telefon: +47 22 33 44 55' })).toHaveAttribute(
    'href',
    'tel:+4722334455',
  );

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const text = await readFile(await csv.path(), 'utf-8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('Navn;Rolle;Stilling;Representerer;E-post;Telefon;Fra;Til');
  expect(text).toContain('Kari Koordinator;Sekretær;SLT-koordinator;');
  expect(text).toContain("'+47 22 33 44 55");

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-xlsx').click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = await readFile(await xlsx.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip: the xlsx container
});

test('print views of a body and of the three-level picture show content, not the chrome', async ({
  page,
}) => {
  await login(page, 'coordinator');
  await page.goto(`/organer/${await bodyId(page, 'Politirådet')}`);
  await settle(page);
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.app-header')).toBeHidden();
  await expect(page.locator('footer.app-footer')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
  await expect(page.getByTestId('export-csv')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Politirådet' })).toBeVisible();
  await expect(page.getByTestId('memberships')).toBeVisible();
  await expect(page.getByTestId('contacts')).toBeVisible();

  await page.emulateMedia({ media: 'screen' });
  await page.goto('/organisasjon');
  await settle(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.app-header')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Nytt organ' })).toBeHidden();
  for (const level of ['steering', 'coordinating', 'executive']) {
    await expect(page.locator(`section[data-level="${level}"]`)).toBeVisible();
  }
});

test('municipalities are named beside their number and picked by name', async ({ page }) => {
  await login(page, 'coordinator', '/enhet');
  await expect(page.getByTestId('unit-municipalities')).toHaveText('Lillestrøm (3205)');

  await page.goto('/organisasjoner/ny');
  await settle(page);
  await page.getByLabel(/^Navn/).fill('Fritidsklubben Vest');
  await page.getByLabel(/^Type/).selectOption('culture_and_leisure');
  const picker = page.locator('#organisation-new-municipalityNumber');
  await picker.click();
  await picker.fill('lillest');
  await page.getByRole('option', { name: 'Lillestrøm (3205)' }).click();
  await expect(picker).toHaveValue('Lillestrøm (3205)');
  await page.getByRole('button', { name: 'Opprett virksomheten' }).click();
  await expect(page.getByTestId('flash')).toHaveText('«Fritidsklubben Vest» er lagret.');
  const id = await firstId(page, '/api/organisations', 'Fritidsklubben Vest');
  const saved = (await (await page.request.get(`/api/organisations/${id}`)).json()) as {
    municipalityNumber: string;
  };
  expect(saved.municipalityNumber).toBe('3205');
  await page.goto(`/organisasjoner/${id}`);
  await settle(page);
  await expect(page.locator('#organisation-edit-municipalityNumber')).toHaveValue(
    'Lillestrøm (3205)',
  );
});

for (const lang of ['nb', 'nn', 'en'] as Lang[]) {
  for (const width of [1280, 390]) {
    test(`axe: every screen, ${lang}, ${width} px`, async ({ page }) => {
      test.setTimeout(180_000);
      await useLanguage(page, lang);
      await login(page, 'coordinator');
      await page.setViewportSize({ width, height: 900 });
      const body = await bodyId(page, 'Politirådet');
      const organisation = await firstId(page, '/api/organisations');
      const person = await firstId(page, '/api/persons');
      const measure = await firstId(page, '/api/measures');
      const plans = (await (await page.request.get('/api/action-plans')).json()) as {
        id: string;
      }[];
      const plan = plans[0]?.id;
      if (!plan) throw new Error('the demo has no action plan');
      const screens = [
        '/',
        '/organisasjon',
        `/organer/${body}`,
        `/organer/${body}/rediger`,
        '/organer/ny?level=steering',
        '/organer/not-a-uuid',
        '/organisasjoner',
        '/organisasjoner/ny',
        `/organisasjoner/${organisation}`,
        '/personer',
        '/personer/ny',
        `/personer/${person}`,
        '/enhet',
        '/tiltak',
        '/tiltak/ny',
        `/tiltak/${measure}`,
        `/tiltak/${measure}/rediger`,
        `/tiltak/${measure}/evalueringer/ny`,
        '/handlingsplaner',
        '/handlingsplaner/ny',
        `/handlingsplaner/${plan}`,
        '/tiltaksinnstillinger',
        '/arkiv',
        '/saker',
        '/saker/ny',
        '/tilgjengelighet',
        '/finnes-ikke',
      ];
      for (const path of screens) {
        await page.goto(path);
        await settle(page);
        await expectNoA11yViolations(page, `${path} (${lang}, ${width} px)`);
      }
      // States that appear on interaction: the open overview fold, the open mobile menu.
      await page.goto('/');
      await settle(page);
      await page.getByTestId('in-order').locator('summary').click();
      if (width < 500) await page.locator('.menu-button').click();
      await expectNoA11yViolations(page, `/ opened (${lang}, ${width} px)`);
    });
  }
}

/** The consent room's screens for a case Ola (the body member) leads, and the reminders. */
for (const lang of ['nb', 'nn', 'en'] as Lang[]) {
  for (const width of [1280, 390]) {
    test(`axe: the consent screens, ${lang}, ${width} px`, async ({ page }) => {
      test.setTimeout(120_000);
      await useLanguage(page, lang);
      await login(page, 'body_member');
      await page.setViewportSize({ width, height: 900 });
      const cases = (await (await page.request.get('/api/cases')).json()) as {
        id: string;
        myRole: string;
      }[];
      const id = cases.find((c) => c.myRole === 'lead')?.id;
      if (!id) throw new Error('the body member leads no demo case');
      for (const path of [
        `/saker/${id}/samtykke`,
        `/saker/${id}/samtykke/ny`,
        `/saker/${id}/hjemler`,
        `/saker/${id}/logg`,
        '/samtykker/paminnelser',
      ]) {
        await page.goto(path);
        await settle(page);
        await expectNoA11yViolations(page, `${path} (${lang}, ${width} px)`);
      }
    });
  }
}

/** A case of the body member's (Ola leads it), opened through the API for the case screens. */
async function caseOfOla(page: Page): Promise<string> {
  const mine = (await (await page.request.get('/api/cases')).json()) as { id: string }[];
  if (mine[0]) return mine[0].id;
  const nord = await bodyId(page, 'Ungdomsteam Nord');
  const organisations = (await (
    await page.request.get('/api/organisations', { params: { limit: 200 } })
  ).json()) as { items: { id: string; name: string }[] };
  const rus = organisations.items.find((o) => o.name === 'Rus og psykisk helse');
  const opened = await apiWrite(page, 'POST', '/api/cases', {
    bodyId: nord,
    organisationId: rus?.id,
    kind: 'follow_up_team',
    startOn: new Date().toISOString().slice(0, 10),
    subject: { name: 'Skjerm Testesen', birthDate: '2011-04-04', guardians: [] },
  });
  return String(opened.id);
}

for (const lang of ['nb', 'nn', 'en'] as Lang[]) {
  for (const width of [1280, 390]) {
    test(`axe: the case screens, ${lang}, ${width} px`, async ({ page, browser }) => {
      test.setTimeout(120_000);
      await useLanguage(page, lang);
      await login(page, 'body_member');
      await page.setViewportSize({ width, height: 900 });
      const id = await caseOfOla(page);
      for (const path of [
        '/saker',
        '/saker/ny',
        `/saker/${id}`,
        `/saker/${id}/ungdomsplan`,
        `/saker/${id}/notater`,
        `/saker/${id}/team`,
      ]) {
        await page.goto(path);
        await settle(page);
        await expectNoA11yViolations(page, `${path} (${lang}, ${width} px)`);
      }
      // The access controller's lists.
      const context = await browser.newContext();
      const admin = await context.newPage();
      await useLanguage(admin, lang);
      await login(admin, 'unit_admin');
      await admin.setViewportSize({ width, height: 900 });
      for (const path of ['/saker/nodtilganger', '/saker/sletting']) {
        await admin.goto(path);
        await settle(admin);
        await expectNoA11yViolations(admin, `${path} (${lang}, ${width} px)`);
      }
      await context.close();
    });
  }
}
