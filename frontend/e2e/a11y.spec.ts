import { expect, test, type Page } from '@playwright/test';
import { bodyId, expectNoA11yViolations, login, useLanguage, type Lang } from './helpers';

const LANGS: Lang[] = ['nb', 'nn'];

async function settle(page: Page): Promise<void> {
  await expect(page.locator('main h1')).toBeVisible();
  await expect(
    page.locator('main [role="status"]').filter({ hasText: /Laster|Lastar/ }),
  ).toHaveCount(0);
}

for (const lang of LANGS) {
  test.describe(`axe, ${lang}`, () => {
    test(`logged-out page and accessibility statement (${lang})`, async ({ page }) => {
      await useLanguage(page, lang);
      await page.goto('/');
      await settle(page);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expectNoA11yViolations(page, `logged out (${lang})`);
      await page.getByRole('contentinfo').getByRole('link').click();
      await settle(page);
      await expect(page.locator('main h1')).toBeFocused();
      await expectNoA11yViolations(page, `/tilgjengelighet (${lang})`);
    });

    // Every screen at 1280 and 390 px in nb, nn and en is scanned by screens.spec.ts; here the
    // states that only appear after interaction.
    test(`the add-member form with errors (${lang})`, async ({ page }) => {
      await useLanguage(page, lang);
      await login(page, 'coordinator');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const body = await bodyId(page, 'Politirådet');
      await page.goto(`/organer/${body}`);
      await settle(page);
      await page.getByRole('button', { name: /Legg til medlem/ }).click();
      await page.getByRole('button', { name: 'Legg til', exact: true }).click();
      await expect(page.locator('.ds-error-summary, ds-error-summary').first()).toBeVisible();
      await expectNoA11yViolations(page, `add member with errors (${lang})`);
    });
  });
}

test('keyboard: the skip link is first and moves focus to main', async ({ page }) => {
  await login(page, 'coordinator');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

test('the language switch is persisted and sets <html lang>', async ({ page }) => {
  await login(page, 'coordinator');
  await page.getByRole('button', { name: 'Nynorsk' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByRole('navigation', { name: 'Hovudmeny' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByRole('link', { name: 'Hopp til hovudinnhaldet' })).toBeAttached();
});
