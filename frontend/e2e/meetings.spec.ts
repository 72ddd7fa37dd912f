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
