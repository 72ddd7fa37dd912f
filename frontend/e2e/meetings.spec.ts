import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';
import {
  SYNTHETIC_ID,
  addAgendaItems,
  agendaTitles,
  caughtMail,
  minutesItem,
  osloDay,
  pickPersonIn,
  planMeeting,
} from './meetings-helpers';

/**
 * Meetings, the whole flow of issue 9 in the browser (ARCHITECTURE.md § 20): plan a meeting with
 * an agenda (reordered by keyboard and by button, an item edited and one removed) → hold it with
 * attendance (a substitute fills a seat; the quorum follows) → write the minutes (the guard
 * blocks a synthetic identity number, the text is fixed) with a decision and an action item →
 * the chair approves (the decision gets its number) → the minutes are sent (the member's mail
 * with the PDF is read from the catcher's folder) → the member sees the overdue action item on
 * the home page and marks it done.
 */
test.use({ timezoneId: 'Europe/Oslo' });

const BODY = 'Koordineringsgruppe barn og familie'; // Kari Koordinator chairs it in the demo

test('plan, hold, minute, approve and send a meeting; the member gets the mail and the item', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const started = Date.now();
  await login(page, 'coordinator', '/moter');
  await expect(page.getByRole('heading', { level: 1, name: 'Møter' })).toBeVisible();
  await planMeeting(page, BODY, 'Rådhuset, møterom 2');

  // The agenda: three items, reordered by keyboard (Alt + arrow) and by button.
  await addAgendaItems(page, [
    { title: 'Orientering fra politiet', kind: 'Orientering' },
    { title: 'Trygg skolevei', kind: 'Vedtak' },
    { title: 'Eventuelt', kind: 'Drøfting' },
  ]);
  await expect(agendaTitles(page)).toHaveText([
    'Sak 1: Orientering fra politiet',
    'Sak 2: Trygg skolevei',
    'Sak 3: Eventuelt',
  ]);
  const last = page.getByTestId('agenda-item').filter({ hasText: 'Eventuelt' });
  await last.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(agendaTitles(page)).toHaveText([
    'Sak 1: Orientering fra politiet',
    'Sak 2: Eventuelt',
    'Sak 3: Trygg skolevei',
  ]);
  // Focus stays on the moved item, and the move is announced.
  await expect(page.getByTestId('agenda-item').filter({ hasText: 'Eventuelt' })).toBeFocused();
  await expect(page.getByTestId('announcer')).toHaveText('«Eventuelt» er nå sak 2 av 3.');
  await page.getByRole('button', { name: 'Flytt sak 3 opp' }).click();
  await expect(agendaTitles(page)).toHaveText([
    'Sak 1: Orientering fra politiet',
    'Sak 2: Trygg skolevei',
    'Sak 3: Eventuelt',
  ]);
  // Edit an item (If-Match) and remove another.
  await page.getByRole('button', { name: 'Endre sak 1' }).click();
  const edit = page.getByRole('form', { name: 'Endre sak 1' });
  await edit.getByLabel(/^Tittel/).fill('Orientering fra politiet og skolene');
  await edit.getByRole('button', { name: 'Lagre' }).click();
  await expect(agendaTitles(page).first()).toHaveText('Sak 1: Orientering fra politiet og skolene');
  await page.getByRole('button', { name: 'Fjern sak 3' }).click();
  await page
    .getByRole('group', { name: 'Fjern sak 3' })
    .getByRole('button', { name: 'Fjern' })
    .click();
  await expect(agendaTitles(page)).toHaveCount(2);
  await expectNoA11yViolations(page, 'the planned meeting');

  // Hold it, with attendance: three present, two with notice, Ola substitutes for Hanne Strand.
  await page.getByRole('button', { name: 'Marker som avholdt' }).click();
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Avholdt');
  for (const name of ['Kari Koordinator', 'Lene Haug', 'Jon Moe']) {
    await page.getByLabel(`Oppmøte ${name}`).selectOption({ label: 'Til stede' });
    await expect(page.getByTestId('announcer')).toHaveText(`Oppmøtet for ${name} er registrert.`);
  }
  for (const name of ['Hanne Strand', 'Per Politikontakt']) {
    await page.getByLabel(`Oppmøte ${name}`).selectOption({ label: 'Meldt forfall' });
    await expect(page.getByTestId('announcer')).toHaveText(`Oppmøtet for ${name} er registrert.`);
  }
  await expect(page.getByTestId('quorum')).toContainText('ikke beslutningsdyktig: 3 av 6');
  const other = page.getByRole('form', { name: 'Andre' });
  await pickPersonIn(other, /^Person/, 'Ola', 'Ola Medlem');
  await other.getByLabel('Vara for').selectOption({ label: 'Hanne Strand' });
  await other.getByRole('button', { name: 'Registrer oppmøte' }).click();
  await expect(page.getByTestId('announcer')).toHaveText('Oppmøtet for Ola Medlem er registrert.');
  await expect(page.getByTestId('quorum')).toContainText('beslutningsdyktig: 4 av 6');
  await expect(page.getByTestId('attendance-row').filter({ hasText: 'Ola Medlem' })).toContainText(
    'Hanne Strand',
  );

  // The minutes: the guard blocks the synthetic identity number and highlights it.
  await page.getByRole('button', { name: 'Start protokollen' }).click();
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Protokollutkast');
  const first = minutesItem(page, 'Orientering fra politiet og skolene');
  await first
    .getByLabel('Åpen tekst')
    .fill(`Eleven med fødselsnummer ${SYNTHETIC_ID} ble drøftet.`);
  await first
    .getByLabel('Kun for medlemmer av organet')
    .fill('Politiet orienterte om en pågående sak i nærmiljøet.');
  await first.getByRole('button', { name: 'Lagre protokollteksten' }).click();
  const guard = first.getByTestId('guard');
  await expect(guard).toBeVisible();
  await expect(guard).toContainText('fødselsnummer eller D-nummer');
  await expect(guard.locator('mark')).toHaveText(SYNTHETIC_ID);
  await expect(
    first.getByText('Teksten ser ut til å inneholde personopplysninger (se markeringen).', {
      exact: true,
    }),
  ).toBeVisible();
  await guard.getByRole('button', { name: 'Rett teksten' }).click();
  await expect(first.getByLabel('Åpen tekst')).toBeFocused();
  await first
    .getByLabel('Åpen tekst')
    .fill('Politiet og skolene orienterte om situasjonen i bydelen.');
  await first.getByRole('button', { name: 'Lagre protokollteksten' }).click();
  await expect(page.getByTestId('announcer')).toHaveText('Protokollteksten for sak 1 er lagret.');
  await expect(first.getByTestId('guard')).toHaveCount(0);

  // A decision and an action item (owner Ola, due yesterday: overdue) under item 2.
  const second = minutesItem(page, 'Trygg skolevei');
  await second.getByRole('button', { name: 'Før vedtak' }).click();
  await second.getByLabel(/^Vedtak/).fill('Kommunen setter opp gangfelt ved skolen før sommeren.');
  await second
    .getByRole('form', { name: 'Før vedtak' })
    .getByRole('button', { name: 'Før vedtak' })
    .click();
  await expect(second.getByTestId('decision')).toContainText('Nummereres ved godkjenning');
  await second.getByRole('button', { name: 'Legg til oppfølgingspunkt' }).click();
  const action = second.getByRole('form', { name: 'Legg til oppfølgingspunkt' });
  await action.getByLabel(/^Oppfølgingspunkt/).fill('Kartlegge skoleveien sammen med FAU');
  await pickPersonIn(action, /^Ansvarlig/, 'Ola', 'Ola Medlem');
  await action.getByLabel(/^Frist/).fill(osloDay(-1));
  await action.getByRole('button', { name: 'Legg til oppfølgingspunkt' }).click();
  const item = second.getByTestId('action-item');
  await expect(item).toContainText('Kartlegge skoleveien sammen med FAU');
  await expect(item.getByTestId('overdue')).toHaveText('Forfalt');
  await expectNoA11yViolations(page, 'the minutes editor');

  // The chair approves: the decision gets its number, the version is listed.
  await page.getByRole('button', { name: 'Godkjenn protokollen' }).click();
  await page
    .getByRole('group', { name: 'Godkjenn protokollen' })
    .getByRole('button', { name: 'Godkjenn protokollen' })
    .click();
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Protokoll godkjent');
  await expect(second.getByTestId('decision')).toContainText(/\d+\/\d{4}/);
  await expect(page.getByTestId('minutes-version')).toHaveCount(1);
  await expect(page.getByTestId('minutes-version')).toContainText('Opprinnelig');
  await expect(first.getByTestId('restricted-text')).toContainText('Kun for medlemmer av organet');

  // Sent: the result counts, and the member's mail with the PDF in the catcher's folder.
  await page.getByRole('button', { name: 'Send protokollen' }).click();
  await expect(page.getByTestId('distribution-result')).toContainText(/Sendt til \d+/);
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Sendt ut');
  await expect
    .poll(() => caughtMail(started).filter((m) => m.raw.includes('ola@demo.invalid')).length)
    .toBeGreaterThan(0);
  const mail = caughtMail(started).find((m) => m.raw.includes('ola@demo.invalid'));
  expect(mail?.pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(mail?.pdfName).toMatch(/\.pdf$/);

  // The member: the overdue action item on the home page, marked done there.
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByRole('main').getByRole('link', { name: 'Logg inn' })).toBeVisible();
  await login(page, 'body_member', '/');
  const mine = page.getByTestId('my-action-items');
  await expect(mine.getByRole('heading', { name: 'Mine oppfølgingspunkter' })).toBeVisible();
  const row = mine.getByTestId('my-action-item').filter({ hasText: 'Kartlegge skoleveien' });
  await expect(row.getByTestId('overdue')).toHaveText('Forfalt');
  await expect(mine.getByTestId('my-overdue')).toBeVisible();
  await expectNoA11yViolations(page, 'the home page with my action items');
  await row
    .getByRole('button', { name: 'Marker som utført: Kartlegge skoleveien sammen med FAU' })
    .click();
  await expect(row).toContainText('Utført');
  await expect(row.getByTestId('overdue')).toHaveCount(0);
});

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
