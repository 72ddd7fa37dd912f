import { expect, type Page } from '@playwright/test';
import { addAgendaItems, minutesItem, planMeeting } from './meetings-helpers';

/**
 * Decisions for the measures' browser tests, made through the meetings SPA: a meeting of ``body``
 * today with one decision item, held, its minutes started and a decision recorded. Returns the
 * meeting's id; the minutes are still a draft (approve them with one of the functions below).
 */
export async function draftDecision(
  page: Page,
  body: string,
  item: string,
  text: string,
  times: [string, string] = ['00:05', '23:55'],
): Promise<string> {
  const id = await planMeeting(page, body, 'Rådhuset, møterom 1', times);
  await addAgendaItems(page, [{ title: item, kind: 'Vedtak' }]);
  await page.getByRole('button', { name: 'Marker som avholdt' }).click();
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Avholdt');
  await page.getByRole('button', { name: 'Start protokollen' }).click();
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Protokollutkast');
  const minutes = minutesItem(page, item);
  await minutes.getByRole('button', { name: 'Før vedtak' }).click();
  await minutes.getByLabel(/^Vedtak/).fill(text);
  await minutes
    .getByRole('form', { name: 'Før vedtak' })
    .getByRole('button', { name: 'Før vedtak' })
    .click();
  await expect(minutes.getByTestId('decision')).toContainText('Nummereres ved godkjenning');
  return id;
}

/** The chair approves the open meeting's minutes: its decisions get their numbers. */
export async function approveAsChair(page: Page, item: string): Promise<string> {
  await page.getByRole('button', { name: 'Godkjenn protokollen' }).click();
  await page
    .getByRole('group', { name: 'Godkjenn protokollen' })
    .getByRole('button', { name: 'Godkjenn protokollen' })
    .click();
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Protokoll godkjent');
  const decision = minutesItem(page, item).getByTestId('decision');
  await expect(decision).toContainText(/\d+\/\d{4}/);
  return (/\S+ \d+\/\d{4}|\d+\/\d{4}/.exec((await decision.textContent()) ?? '') ?? [''])[0];
}

/** A later meeting of the same body, held, approves the minutes of ``meetingId`` (for a body the
 * coordinator does not chair, e.g. the steering group). */
export async function approveAtLaterMeeting(
  page: Page,
  body: string,
  meetingId: string,
): Promise<void> {
  const later = await planMeeting(page, body, 'Rådhuset, møterom 2', ['00:07', '23:50']);
  await page.getByRole('button', { name: 'Marker som avholdt' }).click();
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Avholdt');
  await page.goto(`/moter/${meetingId}`);
  await page.getByLabel('Møtet som godkjente').selectOption({ index: 1 });
  await expect(page.getByLabel('Møtet som godkjente')).toHaveValue(later);
  await page.getByRole('button', { name: 'Registrer godkjenningen' }).click();
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Protokoll godkjent');
}
