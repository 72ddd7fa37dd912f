import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

/**
 * Consent in the browser (ARCHITECTURE.md § 20; issue 11): the case lead runs the consent wizard
 * for a 15-year-old (one step per guardian with parental responsibility, the child's own view),
 * records each guardian's consent and sees it become effective; the school's commitment, shared
 * only through it, is shown in the case; a guardian withdraws and on the next load the item is
 * withheld; the lead records a legal basis (report_offence needs the agency's decision); the
 * access report shows the reads just made, and the reminders list opens.
 */

function isoDay(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

async function settle(page: Page): Promise<void> {
  await expect(page.locator('main h1')).toBeVisible();
  await expect(
    page.locator('main [role="status"]').filter({ hasText: /Laster|Lastar|Loading/ }),
  ).toHaveCount(0);
}

/** The demo case of the subject named, as the body-member persona (its lead) lists it. */
async function caseOf(page: Page, subject: string): Promise<string> {
  const res = await page.request.get('/api/cases');
  expect(res.ok()).toBeTruthy();
  const cases = (await res.json()) as { id: string; subject: { name?: string } }[];
  const found = cases.find((c) => c.subject.name === subject);
  if (!found) throw new Error(`no case of ${subject}`);
  return found.id;
}

/** The school commitment's state as the case answers it now (its own "next load"). */
async function schoolCommitment(page: Page, caseId: string): Promise<Record<string, unknown>> {
  const res = await page.request.get(`/api/cases/${caseId}`);
  expect(res.ok()).toBeTruthy();
  const view = (await res.json()) as {
    commitments: { category: string; commitment: Record<string, unknown> }[];
  };
  const school = view.commitments.find((c) => c.category === 'school');
  if (!school) throw new Error('no school commitment');
  return school.commitment;
}

const next = (page: Page) => page.getByRole('button', { name: 'Neste' }).click();

test('the consent wizard for a minor: guardians consent, sharing starts; a withdrawal stops it on the next load', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'body_member');
  const id = await caseOf(page, 'Emma Demo-Hansen');
  // Before: the school's commitment comes from a service outside the demo consent's scope.
  expect(await schoolCommitment(page, id)).toMatchObject({ withheld: true });

  await page.goto(`/saker/${id}/samtykke`);
  await settle(page);
  await page.getByRole('link', { name: 'Registrer samtykke' }).click();
  await expect(page.getByRole('heading', { name: /Steg 1 av \d+: Omfang/ })).toBeVisible();
  await expectNoA11yViolations(page, 'consent wizard, scope');

  // Nothing chosen: the step says what is missing before anything is sent.
  await next(page);
  await expect(page.getByText('Velg minst én type opplysninger.').first()).toBeVisible();
  await page.getByTestId('group-allowedCategories').getByLabel('Skole').check();
  await page.getByTestId('group-sourceOrganisationIds').getByLabel('Nordby ungdomsskole').check();
  await page
    .getByTestId('group-recipientOrganisationIds')
    .getByLabel('Rus og psykisk helse')
    .check();
  // Valid for three weeks: the consent comes up among the reminders (expires within 30 days).
  await page.getByLabel(/^Gyldig til/).fill(isoDay(21));
  await next(page);

  // Who must consent, and why: a 15-year-old, school data → both guardians.
  await expect(page.getByRole('heading', { name: /Hvem må samtykke/ })).toBeVisible();
  await expect(page.getByTestId('why')).toContainText(
    'Foreldre med foreldreansvar må samtykke for barn under 18.',
  );
  await expect(page.getByTestId('asked')).toContainText('Lise Demo-Hansen');
  await expect(page.getByTestId('asked')).toContainText('Geir Demo-Hansen');
  await expect(page.getByTestId('health-warning')).toHaveCount(0);
  // Health-sourced data of a child of 12 or more: the wizard warns before guardians are asked.
  await page.getByRole('button', { name: 'Forrige' }).click();
  const sources = page.getByTestId('group-sourceOrganisationIds');
  await sources.getByLabel('Helsestasjon for ungdom').check();
  await next(page);
  await expect(page.getByTestId('health-warning')).toContainText('Snakk med barnet først.');
  await page.getByRole('button', { name: 'Forrige' }).click();
  await sources.getByLabel('Helsestasjon for ungdom').uncheck();
  await next(page);
  await expect(page.getByTestId('health-warning')).toHaveCount(0);
  await next(page);

  for (const guardian of ['Lise Demo-Hansen', 'Geir Demo-Hansen']) {
    await expect(
      page.getByRole('heading', {
        name: `Steg ${guardian === 'Lise Demo-Hansen' ? 3 : 4} av 8: Foresatt: ${guardian}`,
      }),
    ).toBeVisible();
    await next(page);
    await expect(page.getByText('Fyll ut dette feltet.').first()).toBeVisible();
    await page
      .getByLabel(`Hvordan ble identiteten til ${guardian} bekreftet?`)
      .selectOption({ label: guardian.startsWith('Lise') ? 'BankID' : 'Legitimasjon' });
    await expectNoA11yViolations(page, `consent wizard, guardian ${guardian}`);
    await next(page);
  }

  await expect(page.getByRole('heading', { name: /Barnets syn/ })).toBeVisible();
  await page.getByLabel('Barnets eget syn').fill('Vil ha hjelp med skolen, men vil bestemme selv.');
  await next(page);

  await expect(page.getByRole('heading', { name: /Måte og dokumentasjon/ })).toBeVisible();
  await page.getByLabel(/^Måte/).selectOption('written');
  await page.getByLabel('Dokumentasjon (referanse)').fill('ARK-2026-0042');
  await page.getByTestId('notice').locator('summary').click();
  await expect(page.getByTestId('notice')).toContainText('Du kan si nei.');
  await next(page);

  await expect(page.getByTestId('summary')).toContainText('Nordby ungdomsskole');
  await expect(page.getByTestId('summary')).toContainText('Lise Demo-Hansen (BankID)');
  await expectNoA11yViolations(page, 'consent wizard, summary');
  await page.getByRole('button', { name: 'Registrer samtykket' }).click();

  // Registered: each guardian's answer is recorded in the same flow.
  await expect(page.getByRole('heading', { name: /Svar fra partene/ })).toBeVisible();
  const card = page.getByTestId('consent');
  await expect(card.getByTestId('consent-status')).toHaveText('Venter på en part');
  for (const guardian of ['Lise Demo-Hansen', 'Geir Demo-Hansen']) {
    await card.getByRole('button', { name: `Registrer samtykke fra ${guardian}` }).click();
    const dialog = page.getByTestId('event-dialog');
    await expect(dialog.getByLabel('Dokumentasjon (referanse)')).toHaveValue('ARK-2026-0042');
    await dialog.getByRole('button', { name: 'Registrer samtykke' }).click();
    await expect(dialog).toHaveCount(0);
  }
  await expect(card.getByTestId('consent-status')).toHaveText('Gjeldende');
  await page.getByRole('button', { name: 'Ferdig' }).click();
  await page.waitForURL(`**/saker/${id}/samtykke`);
  await settle(page);

  // Effective: the school commitment is shared with the lead's service now.
  expect(await schoolCommitment(page, id)).toMatchObject({ withheld: false });
  const ours = page.getByTestId('consent').filter({ hasText: 'Nordby ungdomsskole' });
  await expect(ours.getByTestId('consent-status')).toHaveText('Gjeldende');
  await expectNoA11yViolations(page, 'consents of a case');

  // Expiring within 30 days: listed among the reminders, which can be sent by mail.
  const reference = (await page.locator('main h1').textContent())?.split(' – ')[0] ?? '';
  await page.goto('/samtykker/paminnelser');
  await settle(page);
  const reminder = page.getByTestId('reminders').getByRole('row').filter({ hasText: reference });
  await expect(reminder).toContainText('Går ut');
  await expectNoA11yViolations(page, 'consent reminders');
  await page.getByRole('button', { name: 'Send påminnelser på e-post' }).click();
  await expect(page.getByRole('main').getByText('Påminnelsene er sendt.')).toBeVisible();
  await reminder.getByRole('link').click();
  await settle(page);

  // A guardian withdraws: asked once more, then sharing stops on the next load.
  await ours.getByRole('button', { name: 'Trekk tilbake samtykket fra Geir Demo-Hansen' }).click();
  const dialog = page.getByTestId('event-dialog');
  await expect(dialog).toContainText('stopper delingen fra neste visning');
  await expectNoA11yViolations(page, 'withdrawal dialog');
  await dialog.getByRole('button', { name: 'Trekk tilbake' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(ours.getByTestId('consent-status')).toHaveText('Trukket tilbake');
  expect(await schoolCommitment(page, id)).toMatchObject({ withheld: true });
  await page.goto(`/saker/${id}/ungdomsplan`);
  await settle(page);
  await expect(page.getByTestId('commitment').getByTestId('withheld').first()).toBeVisible();
});

test('the case lead records a legal basis; the access report shows the reads just made', async ({
  page,
}) => {
  await login(page, 'body_member');
  const id = await caseOf(page, 'Noah Demo-Berg');
  await page.goto(`/saker/${id}/hjemler`);
  await settle(page);
  await expect(page.getByText('Ingen andre hjemler er registrert.')).toBeVisible();
  await page.getByLabel(/^Hjemmel/).selectOption('report_offence');
  await page.getByLabel(/^Mottaker/).selectOption({ label: 'Lillestrøm politistasjon' });
  await page.getByRole('group', { name: 'Opplysninger' }).getByLabel('Straffesaker').check();
  await page.getByLabel(/^Begrunnelse/).fill('For kort');
  await page.getByRole('button', { name: 'Registrer hjemmel' }).click();
  await expect(page.getByText('Skriv en begrunnelse på minst 20 tegn.').first()).toBeVisible();
  await expect(
    page.getByText('Anmeldelse krever referanse til etatens beslutning.').first(),
  ).toBeVisible();
  await page
    .getByLabel(/^Begrunnelse/)
    .fill('Politiet trenger oversikt over avtalte rusprøver for å vurdere påtale.');
  await page.getByLabel(/^Referanse til etatens beslutning/).fill('POL-2026-117');
  await page.getByRole('button', { name: 'Registrer hjemmel' }).click();
  const row = page.getByTestId('legal-basis');
  await expect(row).toContainText('Anmeldelse av lovbrudd');
  await expect(row).toContainText('Lillestrøm politistasjon');
  await expect(row).toContainText('Beslutning: POL-2026-117');
  await expectNoA11yViolations(page, 'legal bases');

  // Read the case, then ask who has seen it: the reads just made are there, with their basis.
  await page.goto(`/saker/${id}`);
  await settle(page);
  await page.goto(`/saker/${id}/logg`);
  await settle(page);
  const report = page.getByTestId('access-report');
  await expect(
    report.getByTestId('access-row').filter({ hasText: 'Ola Medlem' }).first(),
  ).toBeVisible();
  await expect(report).toContainText('Lest');
  await expect(report).toContainText('Tjenestens egne opplysninger');
  await expectNoA11yViolations(page, 'access report');
});

test('a guardian refuses: the consent says so for the data she must consent to', async ({
  page,
}) => {
  await login(page, 'body_member');
  const id = await caseOf(page, 'Noah Demo-Berg');
  await page.goto(`/saker/${id}/samtykke`);
  await settle(page);
  const consent = page.getByTestId('consent').first();
  await expect(
    consent.getByTestId('consent-status').filter({ hasText: 'Venter på en part' }),
  ).not.toHaveCount(0);
  await consent.getByRole('button', { name: 'Registrer at Kari Demo-Berg nekter' }).click();
  const dialog = page.getByTestId('event-dialog');
  await expectNoA11yViolations(page, 'refusal dialog');
  await dialog.getByRole('button', { name: 'Registrer nekting' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(consent.getByTestId('consent-status').filter({ hasText: 'Nektet' })).not.toHaveCount(
    0,
  );
  // A 16-year-old decides alone over health data: that part stays effective.
  await expect(
    consent.getByTestId('consent-status').filter({ hasText: 'Helseopplysninger: Gjeldende' }),
  ).toHaveCount(1);
  await expect(consent.getByTestId('party').filter({ hasText: 'Kari Demo-Berg' })).toContainText(
    'Nektet',
  );
});
