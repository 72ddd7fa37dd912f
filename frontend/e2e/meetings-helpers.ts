import { expect, type Locator, type Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A synthetic national identity number (individual number 900–999 range, month + 80), as the
 * Python tests make with ``first_synthetic(date(1990, 5, 17))``: never a real person's. */
export const SYNTHETIC_ID = '17859000185';

/** Today and yesterday as ISO dates in Norway (the browser runs in Europe/Oslo too). */
export function osloDay(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(d);
}

/** Plan a meeting of ``body`` today through the page (it has begun, so it can be held). */
export async function planMeeting(
  page: Page,
  body: string,
  place: string,
  [from, to] = ['00:05', '23:55'],
): Promise<string> {
  await page.goto('/moter');
  await page.getByLabel('Organ', { exact: true }).selectOption({ label: body });
  await page.getByRole('link', { name: 'Planlegg møte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Planlegg møte' })).toBeVisible();
  await page.getByLabel(/^Dato/).fill(osloDay());
  await page.getByLabel(/^Fra klokken/).fill(from);
  await page.getByLabel(/^Til klokken/).fill(to);
  await page.getByLabel(/^Sted/).fill(place);
  await page.getByRole('button', { name: 'Planlegg møtet' }).click();
  await expect(page.getByTestId('flash')).toContainText('Møtet er planlagt.');
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Planlagt');
  return page.url().split('/moter/')[1] ?? '';
}

/** Add agenda items through the builder's add form (it stays open for the next one). */
export async function addAgendaItems(
  page: Page,
  items: { title: string; kind: 'Orientering' | 'Drøfting' | 'Vedtak' }[],
): Promise<void> {
  await page.getByRole('button', { name: 'Legg til sak' }).click();
  const form = page.getByRole('form', { name: 'Legg til sak' });
  for (const item of items) {
    await form.getByLabel(/^Tittel/).fill(item.title);
    await form.getByLabel('Type sak').selectOption({ label: item.kind });
    await form.getByRole('button', { name: 'Legg til sak' }).click();
    await expect(page.getByTestId('agenda-item').filter({ hasText: item.title })).toBeVisible();
  }
  await form.getByRole('button', { name: 'Avbryt' }).click();
}

export function agendaTitles(page: Page): Locator {
  return page.getByTestId('agenda-item').locator('.agenda-title');
}

/** The minutes block of one agenda item, by its title. */
export function minutesItem(page: Page, title: string): Locator {
  return page.getByTestId('minutes-item').filter({ hasText: title });
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The folder the e2e server's SMTP catcher writes received mail to (tests/e2e/server.py). */
export function mailFolder(): string {
  const state = process.env.E2E_STATE_DIR ?? join(repoRoot, 'var');
  return join(state, 'e2e', 'mail');
}

export interface CaughtMail {
  raw: string;
  pdf: Buffer | null;
  pdfName: string | null;
}

/** Every .eml the catcher received since ``since`` (ms), with its PDF attachment decoded. */
export function caughtMail(since: number): CaughtMail[] {
  let files: string[] = [];
  try {
    files = readdirSync(mailFolder()).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  return files
    .map((f) => join(mailFolder(), f))
    .filter((f) => statSync(f).mtimeMs >= since - 1000)
    .map((f) => {
      const raw = readFileSync(f, 'latin1');
      const part = /Content-Type: application\/pdf[^]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/i.exec(raw);
      const name = /filename\*?=(?:"([^"]+)"|([^\s;]+))/i.exec(raw);
      return {
        raw,
        pdf: part?.[1] ? Buffer.from(part[1].replace(/\s/g, ''), 'base64') : null,
        pdfName: name ? (name[1] ?? name[2] ?? null) : null,
      };
    });
}

/** ``pickPerson`` within one form (a page may hold several person pickers). */
export async function pickPersonIn(
  scope: Locator,
  label: RegExp | string,
  typed: string,
  name: string,
): Promise<void> {
  const input = scope.getByLabel(label).and(scope.locator('input'));
  await input.click();
  await input.fill('');
  await input.pressSequentially(typed, { delay: 50 });
  await expect(scope.locator('u-option', { hasText: name })).toBeAttached();
  if ((await input.getAttribute('aria-expanded')) !== 'true') await input.press('ArrowDown');
  await scope.getByRole('option', { name }).click();
  await expect(input).toHaveValue(name);
  // The list closes before the next click, or that click only closes it.
  await expect(input).not.toHaveAttribute('aria-expanded', 'true');
}
