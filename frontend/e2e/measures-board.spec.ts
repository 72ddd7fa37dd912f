import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

/**
 * The measures board and the measure's own pages (ARCHITECTURE.md § 20: every change they offer):
 * propose through the form; move proposed → assessed by drag and drop; an illegal drag refused
 * with the reason and no request; a legal move by the "Flytt til …" menu (decided, with a
 * coordinating body's decision) and one by the keyboard (stopped, with a reason); the server's
 * precondition refusal worded in Norwegian; a field edited; a milestone marked done; a progress
 * note saved past the guard with a reason; a proposed measure deleted.
 */

const lane = (page: Page, stage: string) => page.getByTestId(`lane-${stage}`);
const card = (page: Page, stage: string, title: string): Locator =>
  lane(page, stage).getByTestId('measure-card').filter({ hasText: title });

/** Drop near a lane's top: hovering its middle may scroll the page while the drag starts. */
const TOP = { sourcePosition: { x: 12, y: 12 }, targetPosition: { x: 24, y: 24 } };

/** Propose a measure by the API (for the tests that start from one). */
async function propose(page: Page, body: Record<string, unknown>): Promise<string> {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/measures', {
    data: body,
    headers: { 'X-CSRF-Token': me.csrfToken },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test('a measure proposed in the form moves on the board only along legal transitions', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A run of its own (a repeated run meets the measures of the earlier ones).
  const title = `Aktivitetskveld i Nordby-hallen ${test.info().repeatEachIndex + 1}`;
  await login(page, 'coordinator', '/tiltak');
  await expect(page.getByRole('heading', { level: 1, name: 'Tiltak' })).toBeVisible();
  await expect(card(page, 'decided', 'Gatemegling i ungdomsskolen')).toBeVisible();
  await expectNoA11yViolations(page, 'the measures board');

  // Propose through the form: every group is there; the required fields are checked first.
  await page.getByRole('link', { name: 'Foreslå tiltak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Foreslå tiltak' })).toBeVisible();
  for (const group of ['Om tiltaket', 'Målgruppe', 'Ansvar og ressurser', 'Milepæler', 'Faktorer'])
    await expect(page.getByRole('heading', { level: 2, name: group })).toBeVisible();
  await page.getByRole('button', { name: 'Foreslå tiltaket' }).click();
  await expect(page.getByText('Rett opp dette før du lagrer:')).toBeVisible();
  await page.getByLabel(/^Tittel/).fill(title);
  await page
    .getByLabel(/^Problemet tiltaket skal løse/)
    .fill('Lite å gjøre for 13–16-åringer i helgene.');
  await page.getByLabel(/^Forebyggingsnivå/).selectOption('universal');
  await page.getByLabel(/^Alder fra/).fill('13');
  await page.getByLabel(/^Alder til/).fill('16');
  const responsible = page.getByRole('group', { name: 'Ansvarlige virksomheter' });
  await responsible.getByRole('checkbox').first().check();
  await page.getByRole('checkbox', { name: 'Organiserte fritidsaktiviteter' }).check();
  await page.getByRole('button', { name: 'Legg til registervurdering' }).click();
  await page.getByLabel('Registerets vurdering').fill('Nivå 1');
  await page.getByLabel('Hva vurderingen betyr').selectOption('harmful');
  await expect(page.getByTestId('registry-warning')).toContainText('skadelig');
  await page.getByLabel('Hva vurderingen betyr').selectOption('promising');
  await expect(page.getByTestId('registry-warning')).toHaveCount(0);
  await expectNoA11yViolations(page, 'the measure form');
  await page.getByRole('button', { name: 'Foreslå tiltaket' }).click();
  await expect(page.getByTestId('flash')).toContainText(`«${title}» er lagret.`);
  await expect(page.getByTestId('measure-stage')).toHaveText('Foreslått');

  // Drag and drop: proposed → assessed opens the dialog; the move is sent with If-Match.
  await page.getByRole('link', { name: 'Tilbake til tiltakene' }).click();
  await card(page, 'proposed', title).dragTo(lane(page, 'assessed'), TOP);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Flytt til Vurdert' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Flytt tiltaket' }).click();
  await expect(card(page, 'assessed', title)).toBeVisible();
  await expect(card(page, 'proposed', title)).toHaveCount(0);

  // An illegal drag (assessed → active) is refused here with the reason, without a request.
  let sent = 0;
  page.on('request', (r) => {
    if (r.url().includes('/transitions')) sent += 1;
  });
  await card(page, 'assessed', title).dragTo(lane(page, 'active'), TOP);
  await expect(page.getByTestId('move-refused')).toHaveText(
    'Tiltaket kan ikke gå fra Vurdert til Aktiv.',
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(card(page, 'assessed', title)).toBeVisible();
  expect(sent).toBe(0);

  // The menu offers the legal targets only; deciding asks for a coordinating body's decision.
  await card(page, 'assessed', title)
    .getByRole('button', { name: /^Flytt til …/ })
    .click();
  const menu = card(page, 'assessed', title).getByRole('list', { name: 'Flytt til …' });
  await expect(menu.getByRole('button')).toHaveText(['Flytt til Vedtatt', 'Flytt til Avvist']);
  await menu.getByRole('button', { name: 'Flytt til Vedtatt' }).click();
  await expect(dialog.getByRole('heading', { name: 'Flytt til Vedtatt' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Flytt tiltaket' }).click();
  await expect(dialog.getByText('Fyll ut dette feltet.')).toBeVisible();
  await dialog.getByLabel(/^Vedtak/).selectOption({ index: 1 });
  await dialog.getByRole('button', { name: 'Flytt tiltaket' }).click();
  await expect(card(page, 'decided', title)).toBeVisible();

  // The keyboard: pick up, arrow to "Stoppet", drop; the dialog asks for a reason.
  const handle = card(page, 'decided', title).getByRole('button', { name: `Flytt «${title}»` });
  await handle.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('announcer')).toContainText('er avbrutt');
  await expect(lane(page, 'active')).not.toHaveAttribute('data-over', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('announcer')).toContainText('er løftet fra Vedtatt');
  for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('announcer')).toHaveText('Over Stoppet.');
  await expect(lane(page, 'stopped')).toHaveAttribute('data-over', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: 'Flytt til Stoppet' })).toBeVisible();
  await dialog.getByLabel(/^Begrunnelse/).fill('Tilbudet dekkes av idrettslaget fra høsten.');
  await dialog.getByRole('button', { name: 'Flytt tiltaket' }).click();
  await expect(card(page, 'stopped', title)).toBeVisible();
  await expect(page.getByTestId('announcer')).toContainText('er flyttet til Stoppet');
  // Focus follows the card to its new lane (a final card has no handle: its title).
  await expect(card(page, 'stopped', title).getByRole('link', { name: title })).toBeFocused();

  // The timeline shows the steps with who and why.
  await card(page, 'stopped', title).getByRole('link', { name: title }).click();
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText('Foreslått av');
  await expect(timeline).toContainText('Vurdert → Vedtatt');
  await expect(timeline).toContainText('Begrunnelse: Tilbudet dekkes av idrettslaget fra høsten.');
});

test('the server refuses a start without owner, start date and evaluation plan, in Norwegian', async ({
  page,
}) => {
  await login(page, 'coordinator', '/tiltak');
  const title = 'Gatemegling i ungdomsskolen';

  // The filters (kept in the address): without owner, then a tier.
  await expect(card(page, 'decided', 'Overgangsprosjekt barneskole–ungdomsskole')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Bare tiltak uten eier' }).check();
  await expect(page).toHaveURL(/utenEier=1/);
  await expect(card(page, 'decided', 'Overgangsprosjekt barneskole–ungdomsskole')).toHaveCount(0);
  await expect(card(page, 'decided', title)).toBeVisible();
  await page.getByLabel('Forebyggingsnivå').selectOption('universal');
  await expect(card(page, 'decided', title)).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Forebyggingsnivå')).toHaveValue('universal');
  await page.getByLabel('Forebyggingsnivå').selectOption('');
  await expect(card(page, 'decided', title)).toBeVisible();

  await card(page, 'decided', title)
    .getByRole('button', { name: /^Flytt til …/ })
    .click();
  await card(page, 'decided', title).getByRole('button', { name: 'Flytt til Aktiv' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Flytt tiltaket' }).click();
  const refused = dialog.getByTestId('transition-refused');
  await expect(refused).toContainText('Tiltaket kan ikke flyttes ennå:');
  await expect(refused.getByRole('listitem')).toHaveText([
    'Tiltaket må ha en eier før det kan starte.',
    'Tiltaket må ha en startdato før det kan starte.',
    'Tiltaket må ha en evalueringsplan før det kan starte.',
  ]);
  await expectNoA11yViolations(page, 'the transition dialog');
  await dialog.getByRole('button', { name: 'Avbryt' }).last().click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(card(page, 'decided', title)).toBeVisible();
  // Focus goes back to the card's move handle.
  await expect(
    card(page, 'decided', title).getByRole('button', { name: `Flytt «${title}»` }),
  ).toBeFocused();
});

test('a measure is edited, a milestone marked done, a note saved past the guard, and deleted', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'coordinator', '/tiltak');
  const id = await propose(page, {
    title: 'Leksehjelp i Sagdalen',
    problem: 'Elever uten hjelp hjemme henger etter i matematikk.',
    tier: 'selective',
    milestones: [{ title: 'Avtale med biblioteket', weight: 1 }],
  });
  await page.goto(`/tiltak/${id}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Leksehjelp i Sagdalen' }),
  ).toBeVisible();
  await expectNoA11yViolations(page, 'the measure page');

  // Edit: a field changed is saved and shown.
  await page.getByRole('link', { name: 'Rediger' }).click();
  await page.getByRole('textbox', { name: /^Målgruppe/ }).fill('Elever på 5.–7. trinn');
  await page.getByLabel(/^Budsjett/).fill('80000');
  await page.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(page.getByTestId('flash')).toContainText('«Leksehjelp i Sagdalen» er lagret.');
  await expect(page.locator('dd[data-field="targetGroup"]')).toHaveText('Elever på 5.–7. trinn');
  await expect(page.locator('dd[data-field="budgetNok"]')).toContainText('80');

  // A milestone marked done: progress follows.
  await expect(page.getByTestId('measure-progress')).toHaveText('Framdrift 0 %');
  // The box follows the saved measure (If-Match), not the click.
  await page.getByRole('checkbox', { name: 'Avtale med biblioteket' }).click();
  await expect(page.getByTestId('measure-progress')).toHaveText('Framdrift 100 %');
  await expect(page.getByRole('checkbox', { name: 'Avtale med biblioteket' })).toBeChecked();

  // A progress note: the guard finds a phone number; saved anyway with a reason.
  await page.getByLabel(/^Nytt framdriftsnotat/).fill('Biblioteket svarer på 41234567 hverdager.');
  await page.getByRole('button', { name: 'Legg til notat' }).click();
  const guard = page.getByTestId('guard');
  await expect(guard.locator('mark')).toHaveText('41234567');
  await guard.getByLabel(/^Begrunnelse/).fill('Sentralbordet til biblioteket, ikke en person.');
  await guard.getByRole('button', { name: 'Lagre likevel' }).click();
  await expect(page.getByTestId('notes')).toContainText(
    'Biblioteket svarer på 41234567 hverdager.',
  );
  await expect(page.getByTestId('timeline')).toContainText('Notat fra');

  // Delete while proposed.
  await page.getByRole('button', { name: 'Slett tiltaket' }).click();
  await page.getByRole('button', { name: 'Ja, slett tiltaket' }).click();
  await expect(page.getByTestId('flash')).toContainText('«Leksehjelp i Sagdalen» er slettet.');
  await expect(page.getByRole('heading', { level: 1, name: 'Tiltak' })).toBeVisible();
  await expect(page.getByTestId('board')).toBeVisible();
  await expect(
    page.getByTestId('measure-card').filter({ hasText: 'Leksehjelp i Sagdalen' }),
  ).toHaveCount(0);
});
