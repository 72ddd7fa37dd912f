import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoA11yViolations, login, type Persona } from './helpers';

/**
 * Cases in the browser (ARCHITECTURE.md § 20; issue 11): a team member lists and opens cases and
 * sees every item with its "Hvorfor ser jeg dette?", opens a new case, writes a note tagged
 * suspected abuse (the duty prompt appears, the answer is recorded), builds the youth plan and
 * records a breach, and changes the team; a person who is not on the team sees an empty list and
 * a 404 for the case's address; break-glass with a reason opens it, and the access controller
 * reviews the grant; a case past its retention is deleted.
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
  const k1w = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const k2w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const control = (digits: number[], w: number[]) => {
    const rest = w.reduce((s, x, i) => s + x * (digits[i] ?? 0), 0) % 11;
    return rest === 0 ? 0 : 11 - rest;
  };
  for (let individual = y >= 2000 ? 500 : 0; individual < 1000; individual++) {
    const nine = `${String(d).padStart(2, '0')}${String(m + 80).padStart(2, '0')}${String(y % 100).padStart(2, '0')}${String(individual).padStart(3, '0')}`;
    const digits = [...nine].map(Number);
    const k1 = control(digits, k1w);
    if (k1 === 10) continue;
    const k2 = control([...digits, k1], k2w);
    if (k2 === 10) continue;
    return `${nine}${k1}${k2}`;
  }
  throw new Error('no synthetic number');
}

async function asPersona(browser: Browser, persona: Persona, path = '/'): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, persona, path);
  return page;
}

async function settle(page: Page): Promise<void> {
  await expect(page.locator('main h1')).toBeVisible();
  await expect(
    page.locator('main [role="status"]').filter({ hasText: /Laster|Lastar|Loading/ }),
  ).toHaveCount(0);
}

/** Opens a youth follow-up case in Ungdomsteam Nord through the form; returns its id. */
async function openCase(page: Page, name: string, bornDaysAgo: number): Promise<string> {
  await page.goto('/saker');
  await page.getByRole('link', { name: 'Ny sak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny sak' })).toBeVisible();
  await page.getByLabel(/^Team \(organ\)/).selectOption({ label: 'Ungdomsteam Nord' });
  await page.getByLabel(/^Du representerer/).selectOption({ label: 'Rus og psykisk helse' });
  await page.getByLabel(/^Type sak/).selectOption('youth_follow_up');
  await page.getByLabel(/^Startdato/).fill(isoDay(0));
  // Longer than a youth follow-up may last: the form says so before anything is sent.
  await page.getByLabel(/^Sluttdato/).fill(isoDay(0, 2));
  const born = isoDay(-bornDaysAgo, -16);
  await page.getByLabel(/^Navn/).fill(name);
  await page.getByLabel(/^Fødselsdato/).fill(born);
  await page.getByLabel(/^Fødselsnummer eller D-nummer/).fill('12345678901');
  await page.getByRole('button', { name: 'Opprett saken' }).click();
  await expect(page.getByText('Saken kan vare høyst 1 år.').first()).toBeVisible();
  await expect(
    page.getByText('Ikke et gyldig fødselsnummer eller D-nummer. Sjekk de 11 sifrene.').first(),
  ).toBeVisible();
  await page.getByLabel(/^Sluttdato/).fill(isoDay(180));
  await page.getByLabel(/^Fødselsnummer eller D-nummer/).fill(syntheticNin(born));
  await page.getByRole('button', { name: 'Legg til foresatt' }).click();
  const guardian = page.getByRole('group', { name: 'Foresatt 1' });
  await guardian.getByLabel(/^Navn/).fill(`${name.split(' ')[0]} sin mor`);
  await guardian.getByLabel(/^Relasjon/).fill('mor');
  await expect(guardian.getByLabel('Har foreldreansvar')).toBeChecked();
  await page.getByRole('button', { name: 'Opprett saken' }).click();
  await page.waitForURL((url) => /^\/saker\/[0-9a-f-]{36}$/.test(url.pathname));
  await expect(page.getByTestId('flash')).toContainText(/Saken SAK-\d{4}-\d+ er opprettet\./);
  return new URL(page.url()).pathname.split('/')[2] ?? '';
}

test('a team member lists and opens cases and sees every shown item with its why', async ({
  page,
}) => {
  await login(page, 'body_member');
  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('link', { name: 'Saker' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine saker' })).toBeVisible();
  const id = await openCase(page, 'Testa Nettlesersen', 40);
  await settle(page);

  const subject = page.getByTestId('subject');
  await expect(subject.getByTestId('subject-name')).toHaveText('Testa Nettlesersen');
  // Every item has its "why": the case's own service reads its own information.
  const why = subject.getByTestId('why');
  await why.getByText('Hvorfor ser jeg dette?').click();
  await expect(why.getByTestId('why-basis')).toHaveText('Egen tjeneste');
  await expect(why).toContainText('2026-1');
  await expect(page.getByTestId('guardians')).toContainText('Testa sin mor');
  await expectNoA11yViolations(page, 'a case: Oversikt');

  await page.goto('/saker');
  const row = page.getByTestId('cases').getByRole('row').filter({ hasText: 'Testa Nettlesersen' });
  await expect(row).toContainText('Ungdomsoppfølging');
  await expect(row).toContainText('Ungdomsteam Nord');
  await expect(row).toContainText('Saksansvarlig');
  await expectNoA11yViolations(page, 'my cases');
  // The demo's case on Ungdomsteam Sør where a guardian withdrew, so the name is withheld — that
  // something is there and why, never what. (The team's old closed case, expired consent, is
  // there too until cases-closure.spec deletes it: pick the row by its reason.)
  const withdrawn = page
    .getByTestId('cases')
    .getByRole('row')
    .filter({ hasText: 'Ungdomsteam Sør' })
    .filter({ has: page.locator('[data-reason="consent-withdrawn"]') });
  await expect(withdrawn.getByTestId('withheld')).toContainText(
    'Skjult — samtykke trukket tilbake',
  );
  await expect(withdrawn).not.toContainText('Sofie');
  await withdrawn.getByRole('link').click();
  await settle(page);
  await expect(page.getByTestId('subject').getByTestId('withheld')).toContainText(
    'Skjult — samtykke trukket tilbake',
  );
  await expect(page.getByText(/Sofie|Demo-Lund/)).toHaveCount(0);
  await expectNoA11yViolations(page, 'a case with withheld items');

  await page.goto('/saker');
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/saker/${id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/SAK-\d{4}-\d+ – Oversikt/);
});

test('a note tagged suspected abuse prompts the duties and records the answer; the plan takes a breach; the team changes', async ({
  page,
}) => {
  await login(page, 'body_member');
  const id = await openCase(page, 'Nora Nettlesersen', 41);

  // Notater: the note, its tag, the duty prompt.
  await page
    .getByRole('navigation', { name: 'Saken' })
    .getByRole('link', { name: 'Notater' })
    .click();
  await expect(page).toHaveURL(new RegExp(`/saker/${id}/notater$`));
  await page
    .getByRole('textbox', { name: /^Notat/ })
    .fill('Bekymring etter samtale på skolen; følges opp med foresatte.');
  await page.getByLabel(/^Kategori/).selectOption('family');
  await page.getByLabel('Mistanke om vold eller overgrep').check();
  await page.getByRole('button', { name: 'Lagre notat' }).click();
  const dialog = page.getByTestId('duty-dialog');
  await expect(dialog.getByRole('heading', { name: 'Plikter du kan ha' })).toBeVisible();
  const report = dialog.getByRole('group', {
    name: 'Opplysningsplikt til barnevernet (meldeplikt)',
  });
  await expect(report).toContainText('§ 13-2');
  await expectNoA11yViolations(page, 'the duty prompt');
  // Nothing chosen: the dialog asks, and decides nothing.
  await dialog.getByRole('button', { name: 'Registrer svarene' }).click();
  await expect(dialog.getByText('Fyll ut dette feltet.').first()).toBeVisible();
  await report.getByLabel('Jeg vil melde / varsle').check();
  const avert = dialog.getByRole('group', { name: 'Avvergingsplikt' });
  await avert.getByLabel('Gjelder ikke').check();
  await dialog.getByRole('button', { name: 'Registrer svarene' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('announcer')).toHaveText('Svarene dine er registrert.');
  const note = page.getByTestId('note').filter({ hasText: 'Bekymring etter samtale' });
  await expect(note).toContainText('Familie');
  await expect(note).toContainText('Helse');
  await expect(note.getByText('Ubesvart plikt')).toHaveCount(0);
  await expect(note.getByTestId('why')).toBeVisible();
  // The answers are the server's record, not the page's memory.
  const read = (await (await page.request.get(`/api/cases/${id}`)).json()) as {
    notes: { dutyAnswers: { duty: string; answer: string }[] }[];
  };
  const answers = Object.fromEntries(
    (read.notes[0]?.dutyAnswers ?? []).map((d) => [d.duty, d.answer]),
  );
  expect(answers).toEqual({
    report_to_child_welfare: 'will_report',
    avert_crime: 'not_applicable',
  });

  // Ungdomsplan: a commitment and a breach.
  await page
    .getByRole('navigation', { name: 'Saken' })
    .getByRole('link', { name: 'Ungdomsplan' })
    .click();
  await page.getByRole('button', { name: 'Legg til avtalepunkt' }).click();
  await page.getByLabel(/^Avtalepunkt/).selectOption('drug_testing');
  await page.getByLabel(/^Beskrivelse/).fill('Rustest hver fjortende dag hos helsestasjonen.');
  await page.getByLabel(/^Ansvarlig virksomhet/).selectOption({ label: 'Rus og psykisk helse' });
  await page.locator('form').getByRole('button', { name: 'Legg til avtalepunkt' }).click();
  const commitment = page.getByTestId('commitment').filter({ hasText: 'Rustesting' });
  await expect(commitment).toContainText('Planlagt');
  await expect(commitment).toContainText('Rustest hver fjortende dag');
  await commitment.getByRole('button', { name: 'Registrer brudd' }).click();
  await page.getByLabel(/^Hva skjedde/).fill('Møtte ikke til avtalt test.');
  await page.getByLabel(/^Konsekvens/).selectOption('warning');
  await expectNoA11yViolations(page, 'the youth plan with the breach form');
  await page.locator('form').getByRole('button', { name: 'Registrer brudd' }).click();
  await expect(page.getByTestId('announcer')).toHaveText('Bruddet er registrert.');
  const breached = page.getByTestId('commitment').filter({ hasText: 'Rustesting' });
  await expect(breached.getByTestId('breaches')).toContainText('Advarsel');
  await expect(breached.getByTestId('breaches')).toContainText('Møtte ikke til avtalt test.');

  // Team: add a person and remove them again.
  await page.getByRole('navigation', { name: 'Saken' }).getByRole('link', { name: 'Team' }).click();
  await page.getByRole('button', { name: 'Legg til i teamet' }).click();
  const input = page.getByLabel(/^Person/).and(page.locator('input'));
  await input.pressSequentially('Jonas', { delay: 50 });
  await expect(page.locator('u-option', { hasText: 'Jonas Eide' })).toBeAttached();
  if ((await input.getAttribute('aria-expanded')) !== 'true') await input.press('ArrowDown');
  await page.getByRole('option', { name: 'Jonas Eide' }).click();
  await page.getByLabel(/^Virksomhet/).selectOption({ label: 'Rus og psykisk helse' });
  await page.locator('form').getByRole('button', { name: 'Legg til i teamet' }).click();
  const team = page.getByTestId('team');
  await expect(team.getByRole('row').filter({ hasText: 'Jonas Eide' })).toContainText('Teammedlem');
  await expectNoA11yViolations(page, 'the team');
  await team.getByRole('button', { name: 'Fjern Jonas Eide' }).click();
  await page
    .getByRole('group', { name: 'Fjern Jonas Eide' })
    .getByRole('button', { name: 'Fjern Jonas Eide' })
    .click();
  await expect(page.getByTestId('flash')).toHaveText('Jonas Eide er fjernet fra teamet.');
  await expect(
    page.getByTestId('team').getByRole('row').filter({ hasText: 'Jonas Eide' }),
  ).toHaveCount(0);
});

test('a person not on the team sees an empty list and a 404 for the case address', async ({
  page,
  browser,
}) => {
  const ola = await asPersona(browser, 'body_member');
  const id = await openCase(ola, 'Emil Nettlesersen', 42);
  await ola.context().close();

  await login(page, 'coordinator', '/saker');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine saker' })).toBeVisible();
  await expect(page.getByTestId('empty')).toHaveText('Du er ikke med i teamet på noen saker.');
  await expect(page.getByRole('link', { name: 'Ny sak' })).toHaveCount(0);
  await page.goto(`/saker/${id}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Fant ikke det du lette etter' }),
  ).toBeVisible();
  await expect(page.getByText('Emil Nettlesersen')).toHaveCount(0);
  await expectNoA11yViolations(page, 'a case the reader may not see');
  const res = await page.request.get(`/api/cases/${id}`);
  expect(res.status()).toBe(404);
});

test('break-glass with a reason opens a case the reader is off the team of, and the access controller reviews it', async ({
  page,
  browser,
}) => {
  await login(page, 'body_member');
  const id = await openCase(page, 'Vilde Nettlesersen', 43);
  // Ola hands the case over: Sara Bakken becomes lead, then Ola leaves the team.
  await page.getByRole('navigation', { name: 'Saken' }).getByRole('link', { name: 'Team' }).click();
  await page.getByRole('button', { name: 'Legg til i teamet' }).click();
  const input = page.getByLabel(/^Person/).and(page.locator('input'));
  await input.pressSequentially('Sara', { delay: 50 });
  await expect(page.locator('u-option', { hasText: 'Sara Bakken' })).toBeAttached();
  if ((await input.getAttribute('aria-expanded')) !== 'true') await input.press('ArrowDown');
  await page.getByRole('option', { name: 'Sara Bakken' }).click();
  await page.getByLabel(/^Virksomhet/).selectOption({ label: 'Kultur og fritid' });
  await page.getByLabel(/^Rolle/).selectOption('lead');
  await page.locator('form').getByRole('button', { name: 'Legg til i teamet' }).click();
  // Sara's name comes from her own service, outside any consent: Ola sees that she is lead, from
  // Kultur og fritid, with her name withheld.
  const team = page.getByTestId('team');
  await expect(team.getByRole('row').filter({ hasText: 'Kultur og fritid' })).toContainText(
    'Saksansvarlig',
  );
  await team.getByRole('button', { name: 'Fjern Ola Medlem' }).click();
  await page
    .getByRole('group', { name: 'Fjern Ola Medlem' })
    .getByRole('button', { name: 'Fjern Ola Medlem' })
    .click();

  // Off the team: the case is gone for Ola, as if it never existed …
  await expect(
    page.getByRole('heading', { level: 1, name: 'Fant ikke det du lette etter' }),
  ).toBeVisible();
  await expect(page.getByText('Vilde Nettlesersen')).toHaveCount(0);
  // … but his seat in Ungdomsteam Nord lets him break the glass, with a reason.
  await page.getByRole('button', { name: 'Nødtilgang' }).click();
  const dialog = page.getByTestId('break-glass-dialog');
  await expect(dialog).toContainText('2 timer');
  await dialog.getByLabel(/^Begrunnelse/).fill('For kort');
  await dialog.getByLabel(/^Grunnlag/).selectOption('necessary_for_own_tasks');
  await dialog.getByRole('button', { name: 'Åpne med nødtilgang' }).click();
  await expect(dialog.getByText('Skriv minst 20 tegn.').first()).toBeVisible();
  await expectNoA11yViolations(page, 'the break-glass dialog');
  await dialog
    .getByLabel(/^Begrunnelse/)
    .fill('Akutt bekymring meldt av skolen i kveld; teamleder er ikke tilgjengelig.');
  await dialog.getByRole('button', { name: 'Åpne med nødtilgang' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('announcer')).toContainText('Nødtilgang er åpnet til');
  await expect(page.getByTestId('break-glass-active')).toContainText(
    'Du ser saken med nødtilgang til',
  );
  await expect(page.getByTestId('subject-name')).toHaveText('Vilde Nettlesersen');
  await expect(page).toHaveURL(new RegExp(`/saker/${id}$`));
  // Sara's name, withheld from Ola the team member, is shown under the grant — and says so.
  await page.getByRole('navigation', { name: 'Saken' }).getByRole('link', { name: 'Team' }).click();
  const sara = page.getByTestId('team').getByRole('row').filter({ hasText: 'Sara Bakken' });
  await sara.getByText('Hvorfor ser jeg dette?').click();
  await expect(sara.getByTestId('why-basis')).toHaveText('Nødtilgang');
  await expect(page.getByTestId('break-glass-active')).toBeVisible();

  // The unit admin, as access controller, sees the grant — reference, who, reason — and reviews it.
  const siri = await asPersona(browser, 'unit_admin', '/saker');
  await siri.getByRole('link', { name: 'Gjennomgang av nødtilganger' }).click();
  await settle(siri);
  const review = siri.getByTestId('review').filter({ hasText: 'Ola Medlem' }).filter({
    hasText: 'Akutt bekymring meldt av skolen',
  });
  await expect(review).toContainText('Ikke gjennomgått');
  await expect(review).not.toContainText('Vilde');
  await expectNoA11yViolations(siri, 'the break-glass reviews');
  await review.getByLabel(/^Merknad/).fill('Kontrollert med teamleder: begrunnet.');
  await review.getByRole('button', { name: 'Registrer gjennomgang' }).click();
  await expect(siri.getByTestId('announcer')).toHaveText('Gjennomgangen er registrert.');
  const reviewed = siri.getByTestId('review').filter({
    hasText: 'Kontrollert med teamleder: begrunnet.',
  });
  await expect(reviewed).toContainText('Gjennomgått');
  // The retention list is the access controller's too (its deletion: cases-closure.spec.ts).
  await siri.goto('/saker/sletting');
  await settle(siri);
  await expect(
    siri.getByRole('heading', { level: 1, name: 'Saker som skal slettes' }),
  ).toBeVisible();
  await siri.context().close();
});
