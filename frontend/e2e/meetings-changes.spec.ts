import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';
import { minutesItem, osloDay, pickPersonIn, planMeeting } from './meetings-helpers';

/**
 * Meetings, the changes the whole-flow test (meetings.spec.ts) does not make (ARCHITECTURE.md
 * § 20): a meeting moved and cancelled, found in the calendar; a guard block saved anyway with a
 * reason; draft decisions and action items edited and removed; approval at a later meeting; a
 * correction as a new version.
 */
test.use({ timezoneId: 'Europe/Oslo' });

const BODY = 'Koordineringsgruppe barn og familie'; // Kari Koordinator chairs it in the demo

test('a planned meeting is moved, found in the calendar and cancelled with a reason', async ({
  page,
}) => {
  await login(page, 'coordinator', '/moter');
  const id = await planMeeting(page, 'Koordineringsgruppe ungdom', 'Ungdomshuset');
  await page.getByRole('link', { name: 'Endre møtet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Endre møtet' })).toBeVisible();
  await page.getByLabel(/^Sted/).fill('Biblioteket, lesesalen');
  await page.getByLabel(/^Lenke til digitalt møte/).fill('https://mote.example.no/ungdom');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByTestId('flash')).toContainText('Møtet er lagret.');
  await expect(page.getByText('Biblioteket, lesesalen · Digitalt')).toBeVisible();

  // The month calendar links the meeting on its day.
  await page.getByRole('link', { name: 'Tilbake til møtene' }).click();
  await page.locator('label', { hasText: 'Kalender' }).click();
  await expect(page.getByRole('radio', { name: 'Kalender' })).toBeChecked();
  const calendar = page.getByTestId('meeting-calendar');
  await expect(calendar.locator(`a[href="/moter/${id}"]`)).toBeVisible();
  await expect(calendar.locator('td[aria-current="date"]')).toContainText('00:05 Planlagt');
  await expectNoA11yViolations(page, 'the meeting calendar');
  await calendar.locator(`a[href="/moter/${id}"]`).click();

  await page.getByRole('button', { name: 'Avlys møtet' }).click();
  await page.getByLabel(/^Grunn til avlysning/).fill('For få kunne møte.');
  await page.getByRole('button', { name: 'Avlys', exact: true }).click();
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Avlyst');
  await expect(page.getByText('Avlyst: For få kunne møte.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Marker som avholdt' })).toHaveCount(0);
});

test('draft minutes are edited, approved at a later meeting and corrected as a new version', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, 'coordinator', '/moter');
  const first = await planMeeting(page, BODY, 'Rådhuset, møterom 3', ['00:06', '23:50']);

  // The guard blocks a phone number in a title; saved anyway with a reason.
  await page.getByRole('button', { name: 'Legg til sak' }).click();
  const add = page.getByRole('form', { name: 'Legg til sak' });
  await add.getByLabel(/^Tittel/).fill('Ring sentralbordet på 41234567 før møtet');
  await add.getByRole('button', { name: 'Legg til sak' }).click();
  const guard = add.getByTestId('guard');
  await expect(guard.locator('mark')).toHaveText('41234567');
  await expect(guard).toContainText('telefonnummer');
  await guard.getByRole('button', { name: 'Lagre likevel' }).click();
  await expect(guard).toContainText('Skriv en begrunnelse.');
  await guard
    .getByLabel('Begrunnelse for å lagre likevel')
    .fill('Kommunens sentralbord, ikke en person.');
  await guard.getByRole('button', { name: 'Lagre likevel' }).click();
  await expect(
    page.getByTestId('agenda-item').filter({ hasText: 'Ring sentralbordet' }),
  ).toBeVisible();
  await add.getByRole('button', { name: 'Avbryt' }).click();

  await page.getByRole('button', { name: 'Marker som avholdt' }).click();
  await page.getByRole('button', { name: 'Start protokollen' }).click();
  const item = minutesItem(page, 'Ring sentralbordet');
  await item.getByLabel('Åpen tekst').fill('Sentralbordet er bemannet hele dagen.');
  await item.getByRole('button', { name: 'Lagre protokollteksten' }).click();
  await expect(page.getByTestId('announcer')).toHaveText('Protokollteksten for sak 1 er lagret.');

  // Decisions: one recorded and edited, one recorded and removed.
  for (const text of ['Første utkast til vedtak.', 'Vedtak som fjernes.']) {
    await item.getByRole('button', { name: 'Før vedtak' }).click();
    const form = item.getByRole('form', { name: 'Før vedtak' });
    await form.getByLabel(/^Vedtak/).fill(text);
    await form.getByRole('button', { name: 'Før vedtak' }).click();
    await expect(item.getByTestId('decision').filter({ hasText: text })).toBeVisible();
  }
  await item.getByRole('button', { name: 'Endre vedtak: Første utkast til vedtak.' }).click();
  const editDecision = item.getByRole('form', { name: 'Endre' });
  await editDecision.getByLabel(/^Vedtak/).fill('Sentralbordet holder åpent til kl. 16.');
  await editDecision.getByRole('button', { name: 'Lagre' }).click();
  await expect(item.getByTestId('decision').first()).toContainText('holder åpent til kl. 16');
  await item.getByRole('button', { name: 'Fjern vedtak: Vedtak som fjernes.' }).click();
  await expect(item.getByTestId('decision')).toHaveCount(1);

  // Action items: one added and edited, one added and removed.
  for (const text of ['Sjekke åpningstidene', 'Punkt som fjernes']) {
    await item.getByRole('button', { name: 'Legg til oppfølgingspunkt' }).click();
    const form = item.getByRole('form', { name: 'Legg til oppfølgingspunkt' });
    await form.getByLabel(/^Oppfølgingspunkt/).fill(text);
    await pickPersonIn(form, /^Ansvarlig/, 'Kari', 'Kari Koordinator');
    await form.getByRole('button', { name: 'Legg til oppfølgingspunkt' }).click();
    await expect(item.getByTestId('action-item').filter({ hasText: text })).toBeVisible();
  }
  await item.getByRole('button', { name: 'Endre oppfølgingspunkt: Sjekke åpningstidene' }).click();
  const editAction = item.getByRole('form', { name: 'Endre' });
  await editAction.getByLabel(/^Oppfølgingspunkt/).fill('Sjekke åpningstidene i sommer');
  await editAction.getByLabel(/^Frist/).fill(osloDay(30));
  await editAction.getByRole('button', { name: 'Lagre' }).click();
  await expect(item.getByTestId('action-item').first()).toContainText('i sommer');
  await item.getByRole('button', { name: 'Fjern oppfølgingspunkt: Punkt som fjernes' }).click();
  await expect(item.getByTestId('action-item')).toHaveCount(1);
  // The status moves on and back (cancelled, then reopened).
  await item.getByRole('button', { name: 'Avbryt: Sjekke åpningstidene i sommer' }).click();
  await expect(item.getByTestId('action-item')).toContainText('Avbrutt');
  await item.getByRole('button', { name: 'Åpne igjen: Sjekke åpningstidene i sommer' }).click();
  await expect(item.getByTestId('action-item')).toContainText('Åpen');

  // A later meeting of the body, held, approves these minutes.
  const later = await planMeeting(page, BODY, 'Rådhuset, møterom 3', ['00:07', '23:50']);
  await page.getByRole('button', { name: 'Marker som avholdt' }).click();
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Avholdt');
  await page.goto(`/moter/${first}`);
  await page.getByLabel('Møtet som godkjente').selectOption({ index: 1 });
  await expect(page.getByLabel('Møtet som godkjente')).toHaveValue(later);
  await page.getByRole('button', { name: 'Registrer godkjenningen' }).click();
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Protokoll godkjent');

  // The chair corrects the approved minutes: a second version with its reason; both listed.
  await page.getByRole('button', { name: 'Rett protokollen' }).click();
  const correction = page.getByRole('form', { name: 'Rett protokollen' });
  await correction.getByLabel(/^Grunn til rettingen/).fill('Feil åpningstid i referatet.');
  await correction
    .getByLabel(/Sak 1: .*: Åpen tekst/)
    .fill('Sentralbordet er bemannet fra kl. 8 til kl. 16.');
  await correction.getByRole('button', { name: 'Lagre ny versjon' }).click();
  const versions = page.getByTestId('minutes-version');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText('Opprinnelig');
  await expect(versions.nth(1)).toContainText('Retting: Feil åpningstid i referatet.');
  await expect(minutesItem(page, 'Ring sentralbordet')).toContainText('fra kl. 8 til kl. 16');
});
