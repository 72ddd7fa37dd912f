import { expect, test, type Page } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { approveAtLaterMeeting, draftDecision } from './decision-helpers';
import { expectNoA11yViolations, login } from './helpers';
import { osloDay } from './meetings-helpers';

/**
 * Action plans, evaluations and the home page's follow-up list in the browser (ARCHITECTURE.md
 * § 20): a plan is made with focus areas, goals and strategies and edited as a draft; a measure is
 * filed under a goal through the measure form, and marking its milestone done rolls progress up
 * the tree; the steering group's numbered decision adopts the plan, which is then read-only; the
 * plan is downloaded as PDF and XLSX; the evaluation threshold is changed; an overdue evaluation
 * and a measure without owner are listed on the home page.
 */
test.use({ timezoneId: 'Europe/Oslo' });

const STEERING = 'Politirådet';
const PLAN = 'Handlingsplan trygg oppvekst (e2e)';
const MEASURE = 'Gatemegling i ungdomsskolen'; // decided in the demo, without an owner
const year = Number(osloDay().slice(0, 4));

async function fillFocusArea(
  page: Page,
  n: number,
  title: string,
  strategies: string,
  goals: string[],
) {
  await page.getByRole('button', { name: 'Legg til innsatsområde' }).click();
  await page.getByLabel(`Navn på innsatsområde ${n}`).fill(title);
  await page.getByLabel(`Strategier for innsatsområde ${n}`).fill(strategies);
  for (const [i, goal] of goals.entries()) {
    await page.getByRole('button', { name: `Legg til mål i innsatsområde ${n}` }).click();
    await page.getByLabel(`Mål ${i + 1} i innsatsområde ${n}`, { exact: true }).fill(goal);
  }
}

/** The measure page's progress in per cent ("Framdrift 40 %"). */
async function percentOf(page: Page): Promise<number> {
  const text = (await page.getByTestId('measure-progress').textContent()) ?? '';
  return Number(/(\d+)\s*%/.exec(text)?.[1] ?? -1);
}

async function download(page: Page, name: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).click(),
  ]);
  return file;
}

test('a plan is made, filled by a measure, adopted, exported; settings and follow-up', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await login(page, 'coordinator', '/handlingsplaner');
  await expect(page.getByRole('heading', { level: 1, name: 'Handlingsplaner' })).toBeVisible();

  // A new plan with two focus areas, their strategies and goals.
  await page.getByRole('link', { name: 'Ny handlingsplan' }).click();
  await page.getByLabel(/^Tittel/).fill(PLAN);
  await page.getByLabel(/^Periodestart/).fill(`${year}-01-01`);
  await page.getByLabel(/^Periodeslutt/).fill(`${year + 3}-12-31`);
  // A focus area without a name is refused before sending, and said at the field.
  await page.getByRole('button', { name: 'Legg til innsatsområde' }).click();
  await page.getByRole('button', { name: 'Opprett handlingsplan' }).click();
  await expect(page.getByTestId('focus-area-fields').first()).toContainText(
    'Fyll ut dette feltet.',
  );
  await page.getByRole('button', { name: 'Fjern «Innsatsområde 1»' }).click();
  await fillFocusArea(page, 1, 'Trygge skoleveier', 'Natteravner\nSkolevei-vandring', [
    'Færre skader på skoleveien',
  ]);
  await fillFocusArea(page, 2, 'Meningsfull fritid', 'Gratis fritidskort', [
    'Flere unge i organiserte aktiviteter',
    'Åpne haller i helgene',
  ]);
  await page.getByRole('button', { name: 'Opprett handlingsplan' }).click();
  await expect(page.getByTestId('flash')).toContainText(`«${PLAN}» er lagret.`);
  await expect(page.getByRole('heading', { level: 1, name: PLAN })).toBeVisible();
  await expect(page.getByTestId('plan-status')).toHaveText('Utkast');
  await expect(page.getByTestId('tree-focus-area')).toHaveCount(2);
  await expect(page.getByTestId('tree-goal')).toHaveCount(3);
  await expect(page.getByTestId('plan-tree')).toContainText('Skolevei-vandring');
  const planUrl = page.url();
  await expectNoA11yViolations(page, 'the draft plan');

  // A draft is edited freely: a goal renamed, one removed.
  await page.getByRole('link', { name: 'Rediger planen' }).click();
  await page
    .getByLabel('Mål 1 i innsatsområde 1', { exact: true })
    .fill('Ingen skader på skoleveien');
  await page.getByRole('button', { name: 'Fjern «Åpne haller i helgene»' }).click();
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByTestId('flash')).toContainText('er lagret.');
  await expect(page.getByTestId('tree-goal')).toHaveCount(2);
  await expect(page.getByTestId('plan-tree')).toContainText('Ingen skader på skoleveien');

  // A decided demo measure filed under the new goal through the measure form.
  const found = await page.request.get('/api/measures', { params: { q: MEASURE } });
  const measureId = ((await found.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
  await page.goto(`/tiltak/${measureId}/rediger`);
  await page.getByRole('checkbox', { name: /Ingen skader på skoleveien/ }).check();
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('heading', { level: 1, name: MEASURE })).toBeVisible();
  // One more milestone done (the checkbox follows the saved measure): progress rolls up.
  const milestones = page.getByRole('region', { name: 'Milepæler' });
  const before = await percentOf(page);
  const open = milestones.getByRole('checkbox', { checked: false }).first();
  const title = await open.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent);
  await open.click();
  await expect(milestones.getByRole('checkbox', { name: title ?? '' })).toBeChecked();
  await expect.poll(() => percentOf(page)).toBeGreaterThan(before);
  const after = String(await percentOf(page));
  await page.goto(planUrl);
  const goal = page.getByTestId('tree-goal').filter({ hasText: 'Ingen skader på skoleveien' });
  await expect(goal.getByTestId('tree-measure')).toContainText(MEASURE);
  await expect(goal.getByTestId('progress').first()).toHaveAttribute('data-value', after);
  const area = page.getByTestId('tree-focus-area').filter({ hasText: 'Trygge skoleveier' });
  await expect(area.getByTestId('progress').first()).toHaveAttribute('data-value', after);
  // The other focus area has no measures and does not count: the plan is where its one area is.
  await expect(page.locator('.plan-total').getByTestId('progress')).toHaveAttribute(
    'data-value',
    after,
  );

  // The steering group decides to adopt it (approved at its next meeting: numbered).
  const meeting = await draftDecision(
    page,
    STEERING,
    'Handlingsplan for trygg oppvekst',
    `Politirådet vedtar ${PLAN}.`,
    ['00:06', '23:50'],
  );
  await approveAtLaterMeeting(page, STEERING, meeting);
  await page.goto(planUrl);
  const picker = page.getByLabel('Vedtak fra styringsgruppen');
  // Newest first: today's decision of the steering group heads the list.
  const option = picker.locator('option', { hasText: STEERING }).first();
  await picker.selectOption((await option.getAttribute('value')) ?? '');
  await expect(page.getByTestId('decision-text')).toContainText(`vedtar ${PLAN}`);
  await page.getByRole('button', { name: 'Vedta planen' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('Vedtatt');
  await expect(page.getByTestId('plan-decision')).toContainText(STEERING);
  await expect(page.getByTestId('plan-locked')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rediger planen' })).toHaveCount(0);
  // Adopted: the edit page is read-only, and the server refuses a change with plan-adopted.
  await page.goto(`${planUrl}/rediger`);
  await expect(page.getByTestId('plan-locked')).toContainText('kan ikke endres');
  await expect(page.getByRole('button', { name: 'Lagre' })).toHaveCount(0);

  // Exports: PDF and XLSX downloads with content.
  await page.goto(planUrl);
  const pdf = await download(page, 'Last ned som PDF');
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const xlsx = await download(page, 'Last ned som Excel');
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const id = planUrl.split('/handlingsplaner/')[1] ?? '';
  for (const [kind, type] of [
    ['pdf', 'application/pdf'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ] as const) {
    const res = await page.request.get(`/api/action-plans/${id}/export.${kind}`);
    expect(res.ok()).toBeTruthy();
    expect(res.headers()['content-type']).toContain(type);
    expect((await res.body()).length).toBeGreaterThan(0);
  }
  const saved = readFileSync(await pdf.path());
  expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(statSync(await xlsx.path()).size).toBeGreaterThan(0);

  // The evaluation threshold.
  await page.goto('/tiltaksinnstillinger');
  const threshold = page.getByLabel(/^Beløpsgrense for evaluering/);
  await threshold.fill('250000');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByTestId('settings-saved')).toHaveText('Endringene er lagret.');
  await page.reload();
  await expect(page.getByLabel(/^Beløpsgrense for evaluering/)).toHaveValue('250000');
  await expectNoA11yViolations(page, 'the measure settings');

  // The home page: an overdue evaluation and a measure without owner, each a link.
  await page.goto('/');
  const panel = page.getByTestId('needs-attention');
  await expect(panel.getByRole('heading', { name: 'Trenger oppfølging' })).toBeVisible();
  await expect(
    panel.getByTestId('attention-without-owner').getByRole('link').first(),
  ).toBeVisible();
  const overdue = panel.getByTestId('attention-evaluations').locator('li[data-overdue]');
  await expect(overdue.first()).toContainText('Forfalt');
  await overdue.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /^Evaluering av/ })).toBeVisible();
  await expectNoA11yViolations(page, 'an evaluation');
});

test('a draft plan is deleted after a second confirmation; an adopted plan offers no changes', async ({
  page,
}) => {
  await login(page, 'coordinator', '/handlingsplaner/ny');
  const title = 'Utkast som forkastes (e2e)';
  await page.getByLabel(/^Tittel/).fill(title);
  await page.getByLabel(/^Periodestart/).fill(`${year}-01-01`);
  await page.getByLabel(/^Periodeslutt/).fill(`${year}-12-31`);
  await page.getByRole('button', { name: 'Opprett handlingsplan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Planen har ingen innsatsområder ennå.')).toBeVisible();
  await page.getByRole('button', { name: 'Slett planen' }).click();
  await page.getByRole('button', { name: 'Ja, slett planen' }).click();
  await expect(page.getByTestId('flash')).toHaveText(`«${title}» er slettet.`);
  await expect(page.getByRole('heading', { level: 1, name: 'Handlingsplaner' })).toBeVisible();
  await expect(page.getByTestId('plans')).not.toContainText(title);
  // The demo's adopted plan: adopted, read-only, no adoption or delete offered.
  await page
    .getByTestId('plan-row')
    .filter({ hasText: 'Vedtatt' })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByTestId('plan-status')).toHaveText('Vedtatt');
  await expect(page.getByTestId('plan-locked')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Vedta planen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Slett planen' })).toHaveCount(0);
  await expectNoA11yViolations(page, 'an adopted plan');
});
