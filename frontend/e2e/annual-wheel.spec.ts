import { expect, test, type Page } from '@playwright/test';
import { bodyId, expectNoA11yViolations, login } from './helpers';

/**
 * The årshjul (ARCHITECTURE.md § 20: every change the SPA offers is made here by a browser):
 * templates seeded, created, edited and deleted; a year generated twice (the second time nothing
 * is new); a task's status moved through the list and through the circle by keyboard; a
 * calendar feed link created, fetched and revoked (then 404); the norms panel's warning.
 * Each test generates its own year, so the tests do not depend on one another's tasks.
 */

type Task = { id: string; title: string; status: string; version: number; due: string };

async function wheel(page: Page, year: number): Promise<Task[]> {
  const res = await page.request.get(`/api/annual-wheel/years/${year}`);
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { tasks: Task[] }).tasks;
}

async function templateTitles(page: Page): Promise<string[]> {
  const res = await page.request.get('/api/annual-wheel/templates');
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { title: string }[]).map((x) => x.title);
}

/** The handbook's templates, seeded through the page when the unit has none yet. */
async function ensureTemplates(page: Page): Promise<void> {
  if ((await templateTitles(page)).length > 0) return;
  await page.goto('/arshjul/maler');
  await page.getByRole('button', { name: 'Hent malene fra veilederen' }).click();
  await expect(page.getByTestId('template-notice')).toContainText('hentet fra veilederen');
}

/** Generate `year` from the templates through the page; the result's text. */
async function generate(page: Page, year: number): Promise<string> {
  await page.goto(`/arshjul?year=${year}`);
  await expect(page.getByRole('heading', { level: 1, name: `Årshjul ${year}` })).toBeVisible();
  await page.getByRole('button', { name: `Lag oppgaver for ${year} fra malene` }).click();
  const result = page.getByTestId('generate-result');
  await expect(result).toBeVisible();
  return (await result.textContent()) ?? '';
}

test('a coordinator seeds the handbook templates, then creates, edits and deletes one', async ({
  page,
}) => {
  await login(page, 'coordinator', '/arshjul/maler');
  await expect(page.getByRole('heading', { level: 1, name: 'Maler for årshjulet' })).toBeVisible();
  if ((await templateTitles(page)).length === 0) {
    await page.getByRole('button', { name: 'Hent malene fra veilederen' }).click();
    await expect(page.getByTestId('template-notice')).toContainText('hentet fra veilederen');
  }
  await expect(
    page.getByRole('cell', { name: 'Revisjon av handlingsplanen', exact: true }),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Ny mal' }).click();
  await page.getByLabel(/^Oppgave/).fill('Evaluering av kriseteamet');
  await page.getByLabel(/^Måned/).selectOption({ label: 'mars' });
  await page.getByLabel(/^Dag i måneden/).fill('15');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByTestId('flash')).toHaveText('«Evaluering av kriseteamet» er lagt til.');
  await expect(page.getByRole('cell', { name: '15. mars' })).toBeVisible();
  expect(await templateTitles(page)).toContain('Evaluering av kriseteamet');

  await page.getByRole('link', { name: 'Endre Evaluering av kriseteamet' }).click();
  await expect(page.getByLabel(/^Oppgave/)).toHaveValue('Evaluering av kriseteamet');
  await page.getByLabel(/^Oppgave/).fill('Evaluering av kriseteamet (endret)');
  await page.getByLabel(/^Nivå/).selectOption({ label: 'Koordineringsnivå' });
  await page.getByLabel(/^Ansvarlig/).selectOption({ label: 'Sekretær' });
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByTestId('flash')).toHaveText(
    '«Evaluering av kriseteamet (endret)» er lagret.',
  );
  await expect(page.getByRole('cell', { name: 'Sekretær, koordineringsnivå' })).toBeVisible();
  await expectNoA11yViolations(page, 'the templates page');

  await page.getByRole('button', { name: 'Slett Evaluering av kriseteamet (endret)' }).click();
  await page.getByRole('button', { name: 'Ja, slett' }).click();
  await expect(page.getByTestId('template-notice')).toHaveText(
    '«Evaluering av kriseteamet (endret)» er slettet.',
  );
  await expect(
    page.getByRole('cell', { name: 'Evaluering av kriseteamet (endret)', exact: true }),
  ).toHaveCount(0);
  expect(await templateTitles(page)).not.toContain('Evaluering av kriseteamet (endret)');
});

test('the template form refuses a day the month does not have and a chair without a level', async ({
  page,
}) => {
  await login(page, 'coordinator', '/arshjul/maler/ny');
  const before = (await templateTitles(page)).length;
  await page.getByLabel(/^Oppgave/).fill('Ugyldig mal');
  await page.getByLabel(/^Måned/).selectOption({ label: 'februar' });
  await page.getByLabel(/^Dag i måneden/).fill('30');
  await page.getByLabel(/^Ansvarlig/).selectOption({ label: 'Leder' });
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText('Skriv en dag mellom 1 og 29.').first()).toBeVisible();
  await expect(page.getByText(/Velg nivået til organet/).first()).toBeVisible();
  expect((await templateTitles(page)).length).toBe(before);
});

test('generating a year twice: the second time says nothing is new', async ({ page }) => {
  await login(page, 'coordinator');
  await ensureTemplates(page);
  const active = (await templateTitles(page)).length;
  const first = await generate(page, 2031);
  expect(first).toMatch(new RegExp(`^${active} nye oppgaver, 0 fantes fra før\\.$`));
  await expect(page.getByTestId('wheel-circle')).toBeVisible();
  await expect(page.getByTestId('wheel-list')).toContainText('Revisjon av handlingsplanen');
  const second = await generate(page, 2031);
  expect(second).toBe(`Ingen nye oppgaver: alle ${active} fantes fra før.`);
  expect((await wheel(page, 2031)).length).toBe(active);
  await expectNoA11yViolations(page, 'the annual wheel');
  // Choosing the year: the next one has no tasks yet, and says so.
  await page.getByRole('button', { name: 'Neste år' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Årshjul 2032' })).toBeVisible();
  await page.getByLabel('År', { exact: true }).selectOption('2031');
  await expect(page.getByRole('heading', { level: 1, name: 'Årshjul 2031' })).toBeVisible();
  await expect(page.getByTestId('wheel-list')).toContainText('Revisjon av handlingsplanen');
});

test('a status change on a task someone else changed meanwhile is refused and explained', async ({
  page,
}) => {
  await login(page, 'coordinator');
  await ensureTemplates(page);
  await generate(page, 2034);
  const task = (await wheel(page, 2034)).find((x) => x.title === 'Revisjon av handlingsplanen');
  if (!task) throw new Error('no task');
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const res = await page.request.patch(`/api/annual-wheel/tasks/${task.id}`, {
    data: { status: 'cancelled' },
    headers: { 'If-Match': `"${task.version}"`, 'X-CSRF-Token': me.csrfToken },
  });
  expect(res.ok()).toBeTruthy();
  const row = page.getByTestId('wheel-list').locator(`tr[data-task-id="${task.id}"]`);
  await row.getByRole('button', { name: `Merk som utført: ${task.title}` }).click();
  await expect(page.getByTestId('wheel-error')).toContainText('Noen andre endret oppgaven');
  // The page reloads the task: it shows what the other change made of it.
  await expect(row).toContainText('Avlyst');
  const stored = (await wheel(page, 2034)).find((x) => x.id === task.id);
  expect(stored?.status).toBe('cancelled');
});

test('a body member sees the wheel and the templates without the keeper’s buttons', async ({
  page,
}) => {
  await login(page, 'body_member', '/arshjul');
  await expect(page.getByRole('heading', { level: 1, name: /^Årshjul \d{4}$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Lag oppgaver for/ })).toHaveCount(0);
  await page.goto('/arshjul/maler');
  await expect(page.getByRole('heading', { level: 1, name: 'Maler for årshjulet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ny mal' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Hent malene fra veilederen' })).toHaveCount(0);
});

test('a task is marked done, reopened and cancelled through the list', async ({ page }) => {
  await login(page, 'coordinator');
  await ensureTemplates(page);
  await generate(page, 2032);
  const task = (await wheel(page, 2032)).find((x) => x.title === 'Revisjon av handlingsplanen');
  if (!task) throw new Error('no task');
  const row = page.getByTestId('wheel-list').locator(`tr[data-task-id="${task.id}"]`);
  await row.getByRole('button', { name: `Merk som utført: ${task.title}` }).click();
  await expect(row).toContainText('Utført');
  // Focus goes to the row's new first button, so the keyboard user is not lost.
  await expect(row.getByRole('button', { name: `Gjenåpne: ${task.title}` })).toBeFocused();
  let stored = (await wheel(page, 2032)).find((x) => x.id === task.id);
  expect(stored?.status).toBe('done');
  expect(stored?.version).toBe(task.version + 1);

  await row.getByRole('button', { name: `Gjenåpne: ${task.title}` }).click();
  await row.getByRole('button', { name: `Avlys: ${task.title}` }).click();
  await expect(row).toContainText('Avlyst');
  stored = (await wheel(page, 2032)).find((x) => x.id === task.id);
  expect(stored?.status).toBe('cancelled');
  expect(stored?.version).toBe(task.version + 3);
});

test('a task is marked done in the circle with the keyboard alone', async ({ page }) => {
  await login(page, 'coordinator');
  await ensureTemplates(page);
  await generate(page, 2033);
  const tasks = await wheel(page, 2033);
  const first = tasks[0];
  if (!first) throw new Error('no task');
  const month = Number(first.due.slice(5, 7));
  const circle = page.getByTestId('wheel-circle');
  // A year that is not this one starts at January; the month is one Tab stop.
  const january = circle.getByRole('button', { name: /^januar:/ });
  await january.focus();
  for (let m = 1; m < month; m += 1) await page.keyboard.press('ArrowRight');
  await expect(circle.locator(`.wheel-sector`).nth(month - 1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const mark = circle.locator(`.wheel-mark[data-task-id="${first.id}"]`);
  await expect(mark).toBeFocused();
  await expect(mark).toHaveAttribute('aria-label', new RegExp(`^${first.title}, frist .*, Åpen`));
  await page.keyboard.press('Enter');
  const selected = page.getByTestId('wheel-selected');
  await expect(selected).toBeFocused();
  await expect(selected.getByRole('heading', { name: first.title })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(
    selected.getByRole('button', { name: `Merk som utført: ${first.title}` }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  // Back on the mark, which now says the task is done.
  await expect(mark).toBeFocused();
  await expect(mark).toHaveAttribute('aria-label', new RegExp(`, Utført$`));
  const stored = (await wheel(page, 2033)).find((x) => x.id === first.id);
  expect(stored?.status).toBe('done');
});

test('a coordinator creates feed links for herself and a body, fetches one and revokes it', async ({
  page,
}) => {
  await login(page, 'coordinator', '/kalenderabonnement');
  await expect(page.getByRole('heading', { level: 1, name: 'Kalenderabonnement' })).toBeVisible();
  await page.getByRole('radio', { name: 'Mine møter og oppgaver' }).check();
  await page.getByRole('button', { name: 'Lag lenke' }).click();
  const created = page.getByTestId('feed-created');
  await expect(created).toContainText('Den vises bare denne ene gangen');
  const url = await created.getByLabel('Abonnementslenke').inputValue();
  expect(url).toMatch(/\/api\/feeds\/[^/]+\.ics$/);
  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  await expect(created.getByRole('button', { name: 'Kopier lenken' })).toBeVisible();

  await page.getByRole('radio', { name: 'Møtene til et organ' }).check();
  await page.getByLabel('Organ', { exact: true }).selectOption({ label: 'Politirådet' });
  await page.getByRole('button', { name: 'Lag lenke' }).click();
  // A new link replaces the one shown (the first is never shown again).
  await expect(created.getByLabel('Abonnementslenke')).not.toHaveValue(url);
  const bodyUrl = await created.getByLabel('Abonnementslenke').inputValue();
  expect((await page.request.get(bodyUrl)).status()).toBe(200);
  await expect(page.getByTestId('feeds')).toContainText('Møtene til Politirådet');
  await expectNoA11yViolations(page, 'the calendar subscriptions');

  await page
    .getByRole('button', { name: 'Trekk tilbake lenken for Mine møter og oppgaver' })
    .click();
  await page.getByRole('button', { name: 'Ja, trekk tilbake' }).click();
  await expect(page.getByTestId('feeds')).toContainText('Trukket tilbake');
  expect((await page.request.get(url)).status()).toBe(404);
  expect((await page.request.get(bodyUrl)).status()).toBe(200);
});

test('Oversikt warns when a body can no longer reach its meeting norm', async ({ page }) => {
  await login(page, 'coordinator');
  // A norm of a meeting every day cannot be reached once the year has begun (it warns; nothing is refused).
  const id = await bodyId(page, 'Ungdomsteam Sør');
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const body = (await (await page.request.get(`/api/bodies/${id}`)).json()) as {
    version: number;
  };
  const res = await page.request.patch(`/api/bodies/${id}`, {
    data: { meetingNormPerYear: 365 },
    headers: { 'If-Match': `"${body.version}"`, 'X-CSRF-Token': me.csrfToken },
  });
  expect(res.ok(), `PATCH body: ${res.status()}`).toBeTruthy();
  await page.goto('/');
  const norms = page.getByTestId('norms');
  await expect(norms.getByRole('heading', { name: /^Møtenormer \d{4}$/ })).toBeVisible();
  await expect(norms.getByTestId('norms-warnings')).toContainText(
    /Ungdomsteam Sør kan ikke lenger nå normen på 365 møter/,
  );
  const row = norms.locator(`tr[data-body-id="${id}"]`);
  await expect(row).toContainText('Nås ikke');
  await expectNoA11yViolations(page, 'Oversikt with the norms');
});
