import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export type Persona =
  'coordinator' | 'body_member' | 'unit_admin' | 'police_contact' | 'steering_reader';
export type Lang = 'nb' | 'nn' | 'en';

/** Choose the UI language before the SPA starts (persisted like the language switch does). */
export async function useLanguage(page: Page, lang: Lang): Promise<void> {
  await page.addInitScript((l) => window.localStorage.setItem('samordna.lang', l), lang);
}

/** Log in through the dev identity provider's persona picker, starting at `path`. */
export async function login(page: Page, persona: Persona, path = '/'): Promise<void> {
  await page.goto(path);
  await page
    .getByRole('main')
    .getByRole('link', { name: /Logg inn|Log in/ })
    .click();
  await page.locator(`button[name="persona"][value="${persona}"]`).click();
  await page.waitForURL((url) => url.pathname === new URL(path, 'http://x').pathname);
  await expect(page.getByTestId('user-box')).toBeVisible();
}

/** Zero axe violations for WCAG 2.0/2.1 A and AA. */
export async function expectNoA11yViolations(page: Page, context: string): Promise<void> {
  // Axe judges colours as painted: a dialog still fading in fails color-contrast on a busy
  // machine. Wait until no finite animation or transition runs (spinners loop forever).
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(results.passes.length, `axe ran rules on ${context}`).toBeGreaterThan(0);
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

/** The id of a demo body, by name. */
export async function bodyId(page: Page, name: string): Promise<string> {
  const res = await page.request.get('/api/bodies', { params: { q: name, limit: 50 } });
  expect(res.ok()).toBeTruthy();
  const data = (await res.json()) as { items: { id: string; name: string }[] };
  const body = data.items.find((b) => b.name === name);
  if (!body) throw new Error(`no body named ${name}`);
  return body.id;
}

export async function firstId(page: Page, path: string, q?: string): Promise<string> {
  const res = await page.request.get(path, { params: { limit: 5, ...(q ? { q } : {}) } });
  expect(res.ok()).toBeTruthy();
  const data = (await res.json()) as { items: { id: string }[] };
  const id = data.items[0]?.id;
  if (!id) throw new Error(`nothing at ${path}`);
  return id;
}

/** Choose a person in a searchable person picker: type part of the name, pick the option. */
export async function pickPerson(
  page: Page,
  label: RegExp | string,
  typed: string,
  name: string,
): Promise<void> {
  const input = page.getByLabel(label).and(page.locator('input'));
  await input.click();
  await input.fill('');
  await input.pressSequentially(typed, { delay: 50 });
  // The API's answer replaces the options; the list shows them once it has them.
  await expect(page.locator('u-option', { hasText: name })).toBeAttached();
  if ((await input.getAttribute('aria-expanded')) !== 'true') await input.press('ArrowDown');
  await page.getByRole('option', { name }).click();
  await expect(input).toHaveValue(name);
}
