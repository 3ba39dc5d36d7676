import { expectNoAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

test('the remaining pages and states pass an axe scan: not found, leave dialog, restored draft', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectNoAxeViolations(page, 'the not-found page');

  await page.goto('/fields/new');
  await page.getByRole('textbox', { name: 'Label' }).fill('Unsaved');
  await page.waitForTimeout(400);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
  await expect(page.getByRole('dialog', { name: 'Leave this form?' })).toBeVisible();
  await expectNoAxeViolations(page, 'the leave dialog');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.reload();
  await expect(page.getByText('Your unsent entries were restored.')).toBeVisible();
  await expectNoAxeViolations(page, 'a restored draft');
});
