import { expect, test, type Page } from '@playwright/test';
import { approveAsChair, draftDecision } from './decision-helpers';
import { expectNoA11yViolations, login, pickPerson } from './helpers';
import { SYNTHETIC_ID, osloDay } from './meetings-helpers';

/**
 * The measure's whole life in the browser, the flow of issue 10 (ARCHITECTURE.md § 20): proposed
 * through the measure form → an illegal move on the board refused with its reason → assessed →
 * a coordinating body records the decision in its minutes and the chair approves them → decided
 * with that decision → refused to start without an owner (the server's precondition, in
 * Norwegian) → owner, start and evaluation plan added → active (its planned evaluation appears) →
 * the evaluation completed in the evaluation form with findings, conclusion and a report →
 * evaluated → concluded; the timeline shows decision → stages → evaluation in that order.
 */
test.use({ timezoneId: 'Europe/Oslo' });

const BODY = 'Koordineringsgruppe barn og familie'; // Kari Koordinator chairs it in the demo
const TITLE = 'Leksehjelp med mentor (e2e)';
const ITEM = 'Leksehjelp med mentor';

/** Open the measure's "Flytt til …" menu, pick the stage, and confirm in the dialog. */
async function move(
  page: Page,
  stage: string,
  fill?: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>,
) {
  await page.getByRole('button', { name: `Flytt til … (${TITLE})` }).click();
  await page
    .getByRole('list', { name: 'Flytt til …' })
    .getByRole('button', { name: stage })
    .click();
  const dialog = page.getByTestId('transition-dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: 'Flytt tiltaket' }).click();
}

async function expectStage(page: Page, stage: string) {
  await expect(page.getByTestId('transition-dialog')).toHaveCount(0);
  await expect(page.locator('.row .ds-tag').first()).toHaveText(stage);
}

test('propose → decide in the minutes → activate with a plan → evaluate → conclude', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await login(page, 'coordinator', '/tiltak/ny');

  // Proposed through the measure form, with a responsible organisation.
  await page.getByLabel(/^Tittel/).fill(TITLE);
  await page
    .getByLabel(/^Problemet tiltaket skal løse/)
    .fill('Mange elever på mellomtrinnet faller fra leksearbeidet.');
  await page.getByLabel(/^Forebyggingsnivå/).selectOption('selective');
  await page
    .getByRole('group', { name: 'Ansvarlige virksomheter' })
    .getByRole('checkbox')
    .first()
    .check();
  await page.getByRole('button', { name: 'Foreslå tiltaket' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expectStage(page, 'Foreslått');
  const measureUrl = page.url();

  // On the board, an illegal move (proposed → active) is refused with the reason, no request.
  await page.goto('/tiltak');
  const card = page.getByTestId('measure-card').filter({ hasText: TITLE });
  await card.dragTo(page.getByTestId('lane-active'));
  await expect(page.getByTestId('move-refused')).toContainText(
    'Tiltaket kan ikke gå fra Foreslått til Aktiv.',
  );
  await expect(
    page.getByTestId('lane-proposed').getByTestId('measure-card').filter({ hasText: TITLE }),
  ).toBeVisible();

  // Assessed by the menu on the measure's page.
  await page.goto(measureUrl);
  await move(page, 'Vurdert');
  await expectStage(page, 'Vurdert');

  // The coordinating body decides in a meeting; the chair approves: the decision is numbered.
  await draftDecision(page, BODY, ITEM, `Koordineringsgruppen vedtar tiltaket ${TITLE}.`);
  const label = await approveAsChair(page, ITEM);

  // Decided, with that decision picked in the dialog.
  await page.goto(measureUrl);
  await move(page, 'Vedtatt', async (dialog) => {
    const picker = dialog.getByLabel(/^Vedtak/);
    const option = picker.locator('option', { hasText: BODY }).first();
    await expect(option).toContainText(label);
    await picker.selectOption((await option.getAttribute('value')) ?? '');
  });
  await expectStage(page, 'Vedtatt');

  // Not active without an owner, a start date and an evaluation plan: the server says why.
  await page.getByRole('button', { name: `Flytt til … (${TITLE})` }).click();
  await page
    .getByRole('list', { name: 'Flytt til …' })
    .getByRole('button', { name: 'Aktiv' })
    .click();
  const dialog = page.getByTestId('transition-dialog');
  await dialog.getByRole('button', { name: 'Flytt tiltaket' }).click();
  const refused = dialog.getByTestId('transition-refused');
  await expect(refused).toContainText('Tiltaket må ha en eier før det kan starte.');
  await expect(refused).toContainText('Tiltaket må ha en startdato før det kan starte.');
  await expect(refused).toContainText('Tiltaket må ha en evalueringsplan før det kan starte.');
  await expectNoA11yViolations(page, 'a refused transition');
  await dialog.getByRole('button', { name: 'Avbryt' }).last().click();

  // The owner, the start and the evaluation plan.
  await page.getByRole('link', { name: 'Rediger' }).click();
  await pickPerson(page, /^Eier/, 'Kari', 'Kari Koordinator');
  await page.getByLabel(/^Startdato/).fill(osloDay());
  await page.getByLabel('Tiltaket har en evalueringsplan').check();
  await page
    .getByRole('group', { name: /Hva skal evalueres/ })
    .getByRole('checkbox', { name: 'Effekt' })
    .check();
  await page.getByLabel(/^Metode/).fill('Spørreundersøkelse blant elevene');
  await page.getByLabel(/^Hvem evaluerer/).selectOption('internal');
  await page.getByLabel(/^Frist for evalueringen/).fill(osloDay(180));
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  // Active: the evaluation planned from the plan is listed.
  await move(page, 'Aktiv');
  await expectStage(page, 'Aktiv');
  const evaluations = page.getByTestId('evaluations');
  await expect(evaluations).toContainText('Planlagt');

  // The evaluation completed in the evaluation form, with its report.
  await evaluations.getByRole('link').first().click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Evaluering av «${TITLE}»` }),
  ).toBeVisible();
  await expect(page.getByLabel(/^Metode/)).toHaveValue('Spørreundersøkelse blant elevene');
  await page
    .getByLabel(/^Funn/)
    .fill('Elevene leverte flere lekser; mentorene ønsker mer opplæring.');
  await page.getByRole('radio', { name: 'Videreføre' }).check();
  await page.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(page.getByTestId('flash')).toHaveText('Evalueringen er lagret.');
  await expect(page.getByTestId('evaluation-status')).toHaveText('Fullført');
  await page.getByLabel('Velg rapport').setInputFiles({
    name: 'evaluering.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'),
  });
  await page.getByRole('button', { name: 'Last opp rapporten' }).click();
  await expect(page.getByTestId('evaluation-report-link')).toContainText('Last ned evaluering.pdf');
  await expectNoA11yViolations(page, 'the completed evaluation');

  // Evaluated, then concluded (the completed evaluation suffices).
  await page.getByRole('link', { name: 'Tilbake til tiltaket' }).click();
  await move(page, 'Evaluert');
  await expectStage(page, 'Evaluert');
  await move(page, 'Avsluttet');
  await expectStage(page, 'Avsluttet');

  // The timeline: the decision (linked to its meeting), the stages in order, the evaluation.
  const entries = page.getByTestId('timeline').locator(':scope > li');
  await expect(entries).toHaveText([
    /Vedtak .* i Koordineringsgruppe barn og familie/,
    /Foreslått av Kari Koordinator/,
    /Foreslått → Vurdert/,
    /Vurdert → Vedtatt/,
    /Vedtatt → Aktiv/,
    /Aktiv → Evaluert/,
    /Evaluert → Avsluttet/,
    /Evaluering fullført: videreføre/,
  ]);
  await expect(entries.first()).toContainText(label);
  await expect(entries.first().getByRole('link')).toHaveAttribute('href', /^\/moter\//);
  await expectNoA11yViolations(page, 'the concluded measure with its timeline');
});

test('an evaluation is planned past the guard, its report refused if not a document, and deleted', async ({
  page,
}) => {
  const MEASURE = 'Natteravn i sentrum'; // active in the demo
  await login(page, 'coordinator', '/tiltak');
  const res = await page.request.get('/api/measures', { params: { q: MEASURE } });
  const id = ((await res.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
  await page.goto(`/tiltak/${id}`);
  const listed = page.getByRole('region', { name: 'Evalueringer' }).getByRole('listitem');
  await expect(listed.first()).toBeVisible(); // the demo plans its evaluation
  const before = await listed.count();
  await page.getByRole('link', { name: 'Ny evaluering' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Ny evaluering av «${MEASURE}»` }),
  ).toBeVisible();

  // Nothing chosen: the form says what is missing before sending.
  const aspects = page.getByRole('group', { name: /Hva evalueres/ });
  const checked = aspects.getByRole('checkbox', { checked: true });
  while ((await checked.count()) > 0) await checked.first().uncheck();
  await page.getByRole('button', { name: 'Lagre evalueringen' }).click();
  await expect(aspects).toContainText('Velg minst ett tema for evalueringen.');

  // The guard finds an identity number in the findings; saved anyway with a reason.
  await aspects.getByRole('checkbox', { name: 'Deltakelse' }).check();
  await page.getByLabel(/^Hvem evaluerer/).selectOption('joint');
  await page
    .getByLabel(/^Navn på evaluator/)
    .fill('Kompetansesenteret for kriminalitetsforebygging');
  await page.getByLabel(/^Metode/).fill('Fokusgrupper med ungdom');
  await page.getByLabel(/^Frist/).fill(osloDay(60));
  await page.getByLabel(/^Funn/).fill(`Testnummer ${SYNTHETIC_ID} fra skjemaeksempelet.`);
  await page.getByRole('button', { name: 'Lagre evalueringen' }).click();
  const guard = page.getByTestId('guard');
  await expect(guard.locator('mark')).toHaveText(SYNTHETIC_ID);
  await guard
    .getByLabel('Begrunnelse for å lagre likevel')
    .fill('Et syntetisk eksempelnummer fra skjemaet, ikke en person.');
  await guard.getByRole('button', { name: 'Lagre likevel' }).click();
  await expect(page.getByTestId('flash')).toHaveText('Evalueringen er lagret.');
  await expect(page.getByTestId('evaluation-status')).toHaveText('Planlagt');
  await expect(page.getByLabel(/^Metode/)).toHaveValue('Fokusgrupper med ungdom');

  // A text file is not a report: refused, and said so.
  await page.getByLabel('Velg rapport').setInputFiles({
    name: 'notater.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Bare notater.\n'),
  });
  await page.getByRole('button', { name: 'Last opp rapporten' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Filen er ikke en PDF-, DOCX- eller ODT-fil.',
  );
  await expectNoA11yViolations(page, 'a planned evaluation');

  // Not completed: it can be deleted; back on the measure, it is gone.
  await page.getByRole('button', { name: 'Slett evalueringen' }).click();
  await page.getByRole('button', { name: 'Ja, slett evalueringen' }).click();
  await expect(page.getByTestId('flash')).toHaveText('Evalueringen er slettet.');
  await expect(page.getByRole('heading', { level: 1, name: MEASURE })).toBeVisible();
  await expect(listed).toHaveCount(before);
});
